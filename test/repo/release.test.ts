// The release workflow's checks, run as the runner runs them: a tag that is not vMAJOR.MINOR.PATCH, or not
// package.json's version, fails and moves nothing; a good one names the major tag to move.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
interface Step {
  name?: string;
  run?: string;
  if?: string;
}
const workflow = parse(readFileSync(path.join(root, '.github/workflows/release.yml'), 'utf8')) as {
  on: { release: { types: string[] } };
  jobs: { release: { steps: Step[]; permissions: Record<string, string> } };
};
const steps = workflow.jobs.release.steps;
const script = (name: string): string => {
  const step = steps.find((s) => s.name === name);
  if (!step?.run) throw new Error(`no step ${name}`);
  return step.run;
};

function runStep(
  name: string,
  env: Record<string, string>,
  cwd = root,
): { status: number | null; out: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-release-'));
  const output = path.join(dir, 'output');
  writeFileSync(output, '');
  const r = spawnSync('bash', ['-e', '-c', script(name)], {
    cwd,
    env: { PATH: process.env.PATH, GITHUB_OUTPUT: output, ...env },
    encoding: 'utf8',
  });
  return { status: r.status, out: r.stdout + readFileSync(output, 'utf8') };
}

describe('release workflow', () => {
  it('runs on a published release, with contents: write to move the tag', () => {
    expect(workflow.on.release.types).toEqual(['published']);
    expect(workflow.jobs.release.permissions).toEqual({ contents: 'write' });
  });

  it('refuses a tag that is not vMAJOR.MINOR.PATCH', () => {
    for (const tag of ['1.0.0', 'v1', 'v1.0', 'v1.0.0-rc.1', 'latest']) {
      const r = runStep('Check the tag', { TAG: tag, PRERELEASE: 'false' });
      expect(r.status, tag).toBe(1);
      expect(r.out).toContain(`The release tag '${tag}' is not vMAJOR.MINOR.PATCH`);
    }
  });

  it('names the major tag of a good one', () => {
    const r = runStep('Check the tag', { TAG: 'v12.3.4', PRERELEASE: 'false' });
    expect(r.status).toBe(0);
    expect(r.out).toContain('major=v12\n');
  });

  it("refuses a tag that is not package.json's version", () => {
    const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string })
      .version;
    expect(runStep("The tag is package.json's version", { TAG: `v${version}` }).status).toBe(0);
    const r = runStep("The tag is package.json's version", { TAG: 'v9.9.9' });
    expect(r.status).toBe(1);
    expect(r.out).toContain(`The release tag 'v9.9.9' is not package.json's version v${version}`);
  });

  it('moves the major tag only for a release that is not a pre-release', () => {
    const move = steps.find((s) => s.name?.startsWith('Move '));
    expect(move?.if).toBe("steps.tag.outputs.prerelease != 'true'");
    expect(move?.run).toContain('push -f "$SERVER/$REPOSITORY.git" "refs/tags/$MAJOR"');
    // The token reaches only this step, never .git/config while npm ci runs install scripts.
    const checkout = steps.find((s) => (s as { uses?: string }).uses?.startsWith('actions/checkout@')) as
      { with?: Record<string, unknown> } | undefined;
    expect(checkout?.with?.['persist-credentials']).toBe(false);
  });
});
