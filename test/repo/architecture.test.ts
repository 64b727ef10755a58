// The layout is the architecture (docs/architecture.md): these checks keep it so. They read the sources as text
// with TypeScript's own parser; nothing runs.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SRC = path.join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(path.join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
}

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

const FILES = sources(SRC).map((f) => path.relative(SRC, f));
const TEXT = new Map(FILES.map((f) => [f, readFileSync(path.join(SRC, f), 'utf8')]));

/** Every import of the sources: static, `export … from`, and lazy `import()`, resolved to a source file. */
function imports(file: string): { local: Import[]; packages: string[] } {
  const source = ts.createSourceFile(file, TEXT.get(file) as string, ts.ScriptTarget.Latest, true);
  const local: Import[] = [];
  const packages: string[] = [];
  const add = (spec: string, typeOnly: boolean): void => {
    if (!spec.startsWith('.')) {
      packages.push(spec);
      return;
    }
    const to = path.normalize(path.join(path.dirname(file), spec)).replace(/\.js$/, '.ts');
    local.push({ from: file, to, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, typeOnly);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { local, packages };
}

const GRAPH = new Map(FILES.map((f) => [f, imports(f)]));
const folder = (file: string): string => file.split(path.sep)[0] as string;

describe('the layout', () => {
  it('has a folder per part of the flow and per action, and no file loose in src/', () => {
    expect([...new Set(FILES.map(folder))].sort()).toEqual([
      'action',
      'fleet',
      'github',
      'jetson',
      'logs',
      'notify',
      'report',
      'runner',
    ]);
  });

  it('every local import names a file that exists', () => {
    const missing = [...GRAPH.values()].flatMap((g) => g.local).filter((i) => !TEXT.has(i.to));
    expect(missing).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const i of GRAPH.get(file)?.local ?? []) walk(i.to, [...trail, file]);
      state.set(file, 'done');
    };
    for (const f of FILES) walk(f, []);
    expect(cycles).toEqual([]);
  });

  it('no part of the core imports an action: action/ and fleet/ are the top (type-only imports of settings aside)', () => {
    const up = [...GRAPH.values()]
      .flatMap((g) => g.local)
      .filter(
        (i) => !i.typeOnly && ['action', 'fleet'].includes(folder(i.to)) && folder(i.from) !== folder(i.to),
      )
      .map((i) => `${i.from} → ${i.to}`);
    expect(up).toEqual([]);
  });

  it('the parser, the status rules, the models and the renderers are pure: no runtime, no I/O, no env', () => {
    const pure = FILES.filter(
      (f) =>
        ['jetson/outcome.ts', 'jetson/packages.ts'].includes(f) ||
        f.startsWith(`jetson${path.sep}parse${path.sep}`) ||
        f.startsWith(`report${path.sep}`) ||
        f.startsWith(`notify${path.sep}render${path.sep}`),
    );
    expect(pure.length).toBeGreaterThanOrEqual(20);
    const impure = pure.flatMap((f) => {
      const found = (GRAPH.get(f)?.packages ?? []).filter((p) =>
        /^(@actions\/|undici$|yaml$|node:(fs|child_process|http|https|net|os|process))/.test(p),
      );
      if (/\bprocess\.(env|exit|stdout|on)\b/.test(TEXT.get(f) as string)) found.push('process');
      return found.map((p) => `${f}: ${p}`);
    });
    expect(impure).toEqual([]);
  });

  it('only runner/ and the actions use @actions/core', () => {
    const users = FILES.filter((f) => (GRAPH.get(f)?.packages ?? []).includes('@actions/core')).filter(
      (f) => !['runner', 'action', 'fleet'].includes(folder(f)),
    );
    expect(users).toEqual([]);
  });

  it('no function runs past 80 lines', () => {
    const long: string[] = [];
    for (const f of FILES) {
      const source = ts.createSourceFile(f, TEXT.get(f) as string, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
          const end = source.getLineAndCharacterOfPosition(node.end).line;
          if (end - start + 1 > 80) long.push(`${f}:${start + 1} (${end - start + 1} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(long).toEqual([]);
  });
});
