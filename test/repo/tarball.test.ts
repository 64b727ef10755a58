// What a job downloads to run this action: GitHub's tarball of the ref, which leaves out the paths
// .gitattributes marks export-ignore, and — in the reusable workflow — a sparse git checkout of this repository.
// Both must hold every file a step runs and little else.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../support/action-runner.js';

interface Step {
  uses?: string;
  with?: Record<string, string>;
}

describe('the action as the runner downloads it', () => {
  it('the tarball holds what a step runs and the sources, without tests, benchmarks or pictures, in ≤ 1.5 MB', () => {
    // `git archive` is what GitHub runs for the tarball; --worktree-attributes applies this tree's .gitattributes.
    const archive = spawnSync('git', ['archive', '--worktree-attributes', '--format=tar', 'HEAD'], {
      cwd: ROOT,
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(archive.status, archive.stderr?.toString()).toBe(0);
    const list = spawnSync('tar', ['-t'], {
      input: archive.stdout,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const paths = list.stdout.split('\n').filter(Boolean);
    const top = new Set(paths.map((p) => p.split('/')[0]));
    for (const needed of [
      'action.yml',
      'dist',
      'plan',
      'summarize',
      'LICENSE',
      'README.md',
      'src',
      'package.json',
    ]) {
      expect(top.has(needed), needed).toBe(true);
    }
    expect(paths).toContain('dist/index.js');
    expect(paths).toContain('plan/action.yml');
    for (const left of ['test', 'bench']) expect(top.has(left), left).toBe(false);
    expect(paths.filter((p) => p.startsWith('docs/images/'))).toEqual([]);
    const gz = spawnSync('gzip', ['-9'], { input: archive.stdout, maxBuffer: 256 * 1024 * 1024 });
    expect(gz.stdout.length).toBeLessThanOrEqual(1_500_000);
  });

  it("the reusable workflow's jobs check out only the root's files, dist/, plan/ and summarize/, without credentials", () => {
    const doc = parseYaml(
      readFileSync(path.join(ROOT, '.github', 'workflows', 'jetson-build.yml'), 'utf8'),
    ) as {
      jobs: Record<string, { steps: Step[] }>;
    };
    for (const [id, job] of Object.entries(doc.jobs)) {
      const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
      expect(checkout?.with?.['sparse-checkout']?.split('\n').filter(Boolean), id).toEqual([
        'dist',
        'plan',
        'summarize',
      ]);
      // Cone mode (the default) keeps the root's files: action.yml.
      expect(checkout?.with?.['sparse-checkout-cone-mode'], id).toBeUndefined();
      expect(checkout?.with?.['persist-credentials'], id).toBe(false);
      for (const local of job.steps.filter((s) => s.uses?.startsWith('./.jetson-build-action'))) {
        const folder = local.uses?.slice('./.jetson-build-action'.length).replace(/^\//, '') ?? '';
        expect(['', 'plan', 'summarize'], `${id}: ${local.uses}`).toContain(folder);
      }
    }
  });
});
