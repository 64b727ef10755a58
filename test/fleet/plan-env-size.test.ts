// Issue 16: the plan's `packages` and `platforms` outputs each become ONE environment variable of the
// summarize step (INPUT_PACKAGES, INPUT_PLATFORMS), and Linux refuses to start a process with a variable
// over 128 KiB ("Argument list too long"): the summary would never run, and nobody would be notified. The
// plan fails first, in seconds, saying so.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runPlan } from '../../src/fleet/plan-main.js';

let dir: string;
const saved = { out: process.env.GITHUB_OUTPUT, summary: process.env.GITHUB_STEP_SUMMARY };
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'plan-env-size-'));
  process.env.GITHUB_OUTPUT = path.join(dir, 'output');
  writeFileSync(process.env.GITHUB_OUTPUT, '');
  delete process.env.GITHUB_STEP_SUMMARY;
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
  if (saved.out === undefined) delete process.env.GITHUB_OUTPUT;
  else process.env.GITHUB_OUTPUT = saved.out;
  if (saved.summary !== undefined) process.env.GITHUB_STEP_SUMMARY = saved.summary;
  rmSync(dir, { recursive: true, force: true });
});

/** `n` names of 17 characters (`package-00042:r36`). */
const names = (n: number): string =>
  Array.from({ length: n }, (_, i) => `package-${String(i).padStart(5, '0')}:r36`).join(' ');
const plan = (packages: string): Promise<unknown> =>
  runPlan(
    (name) => ({ packages, 'runs-on': '["self-hosted","jetson"]' })[name] ?? '',
    () => 'a1b2c3d4e5f6',
  );

describe('the package list fits one environment variable of the summary', () => {
  it('7 000 packages (140 KB as JSON) fail the plan, naming the size, the limit and what to do', async () => {
    await expect(plan(names(7000))).rejects.toThrow(
      "The plan's packages output would be 140001 bytes (7000 packages), more than the 120000 the summary can take: " +
        'it reaches the summarize step as one environment variable, INPUT_PACKAGES, and Linux refuses to start a step ' +
        'with a variable over 128 KiB (Argument list too long). Split the packages over several calls of the workflow.',
    );
  });

  it('5 000 packages (100 KB) are planned', async () => {
    await expect(plan(names(5000))).resolves.toMatchObject({ packages: expect.any(Array) });
  });
});
