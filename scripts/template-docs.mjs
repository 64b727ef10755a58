// Regenerates the template fields table in README.md (between the <!-- template-fields --> markers) from the
// field list (src/notify/template-fields.ts), the report's schema (schema/build-report.schema.json, where each
// report value's description lives) and the sample report (each field's example).
// `node scripts/template-docs.mjs --check` exits 1 when README is out of date.
// Node runs no TypeScript here: the field module and what it imports are transpiled (typescript's
// transpileModule) into a scratch folder and imported from there.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const cell = (s) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();

/** The schema node a JSON pointer (`/properties/status`) names, or undefined. */
export function atPointer(schema, pointer) {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => (node === undefined ? undefined : node[key]), schema);
}

/** A field's description: the schema's (when it names one) followed by the field's own note. */
export function describe(field, schema) {
  const fromSchema = field.schema ? atPointer(schema, field.schema)?.description : undefined;
  if (field.schema && fromSchema === undefined) {
    throw new Error(`template field ${field.name}: ${field.schema} is not in the report schema`);
  }
  return [fromSchema, field.note].filter((s) => s).join(' ');
}

function example(value) {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  const text = String(value).split('\n')[0];
  const shown = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return '`' + shown.replace(/`/g, 'ˋ') + '`';
}

/** The markdown table: one row per field, then one per list item field (`failed[].name`). */
export function fieldsTable(fields, schema, view) {
  const rows = [];
  const add = (name, field, value) =>
    rows.push(
      `| \`${name}\` | ${field.type} | ${field.scope.join(', ')} | ${example(value)} | ${cell(describe(field, schema))} |`,
    );
  for (const field of fields) add(field.name, field, view[field.name]);
  for (const field of fields.filter((f) => f.items)) {
    const first = view[field.name]?.[0] ?? {};
    for (const item of field.items) add(`${field.name}[].${item.name}`, item, first[item.name]);
  }
  return [
    '| field | type | in | example (the sample report) | description |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function render(readme, table) {
  const re = /(<!-- template-fields -->\n)[\s\S]*?(<!-- \/template-fields -->)/;
  if (!re.test(readme)) throw new Error('README has no <!-- template-fields --> markers');
  return readme.replace(re, (_m, open, close) => `${open}${table}\n${close}`);
}

/** Transpiles `entry` and every local module it imports into `out`, keeping the folder layout. */
function transpileTree(ts, entry, out) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const js = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
    }).outputText;
    const target = path.join(out, path.relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, js);
    for (const m of js.matchAll(/(?:import|export)[^'"]*?from\s*['"](\.[^'"]+)['"]/g)) {
      visit(path.resolve(path.dirname(file), m[1].replace(/\.js$/, '.ts')));
    }
  };
  visit(entry);
}

/** The field list, the schema and the sample view, loaded from the sources. */
export async function loadSources() {
  const { default: ts } = await import('typescript');
  // Inside node_modules, so the transpiled modules resolve the packages they import.
  const out = path.join(root, 'node_modules', '.cache', 'template-docs', String(process.pid));
  rmSync(out, { recursive: true, force: true });
  try {
    transpileTree(ts, path.join(root, 'src', 'notify', 'template-fields.ts'), out);
    const mod = await import(pathToFileURL(path.join(out, 'src', 'notify', 'template-fields.js')).href);
    const schema = JSON.parse(readFileSync(path.join(root, 'schema', 'build-report.schema.json'), 'utf8'));
    return { fields: mod.FIELDS, schema, view: mod.buildTemplateView(mod.sampleTemplateReport()) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { fields, schema, view } = await loadSources();
  const readmePath = path.join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const next = render(readme, fieldsTable(fields, schema, view));
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error(
        'README.md template fields differ from src/notify/template-fields.ts: run node scripts/template-docs.mjs',
      );
      process.exit(1);
    }
  } else writeFileSync(readmePath, next);
}
