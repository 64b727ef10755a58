// The `summarize` step run in process: each test gets its own temporary workspace and leaves process.env,
// the secret registry and process.exitCode as it found them; the legs' artifacts laid out as
// download-artifact does; and one call of the step over the 10 × 3 grid's packages.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import type { LegRecord } from '../../src/report/run-report.js';
import { resetSecretsForTest } from '../../src/runner/secrets.js';
import { parseCommandFile } from './action-runner.js';
import { GRID_PACKAGES } from './grid.js';

export interface StepSandbox {
  /** The current test's workspace (GITHUB_WORKSPACE, RUNNER_TEMP); removed after the test. */
  readonly dir: string;
}

/**
 * Registers, in the enclosing file or describe, a fresh temporary folder per test (named `prefix…`) and,
 * after each test, process.env as it was when this was called, exit code 0 and the folder removed.
 */
export function useStepSandbox(prefix: string): StepSandbox {
  const saved = { ...process.env };
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    resetSecretsForTest();
  });
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    process.exitCode = 0;
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir(): string {
      return dir;
    },
  };
}

/** Each leg's report and record in its own artifact folder, as download-artifact lays them out. */
export function writeLegArtifacts(root: string, reports: BuildReport[], legs: LegRecord[]): void {
  reports.forEach((r, i) => {
    mkdirSync(path.join(root, `report-${i}`), { recursive: true });
    writeFileSync(path.join(root, `report-${i}`, 'report.json'), JSON.stringify(r));
  });
  legs.forEach((l, i) => {
    mkdirSync(path.join(root, `leg-${i}`), { recursive: true });
    // As the workflow's printf writes it: packages space separated.
    writeFileSync(
      path.join(root, `leg-${i}`, 'jetson-leg.json'),
      JSON.stringify({ ...l, packages: l.packages.join(' ') }),
    );
  });
}

/**
 * Runs summarize in `dir` over the artifacts written there, for the 10 × 3 grid's packages with `needs.build`
 * failed and fail-on-build-error off. Returns its outputs and everything it printed to stdout.
 */
export async function summarizeGridStep(
  dir: string,
  reports: BuildReport[],
  legs: LegRecord[],
  platforms: string,
): Promise<{ out: Record<string, string>; printed: string }> {
  writeLegArtifacts(path.join(dir, 'jetson-reports'), reports, legs);
  writeFileSync(path.join(dir, 'output'), '');
  Object.assign(process.env, {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    INPUT_REPORTS: 'jetson-reports',
    INPUT_NEEDS: JSON.stringify({ plan: { result: 'success' }, build: { result: 'failure' } }),
    INPUT_PACKAGES: JSON.stringify(GRID_PACKAGES),
    INPUT_PLATFORMS: platforms,
    'INPUT_FAIL-ON-BUILD-ERROR': 'false',
  });
  const printed: string[] = [];
  const quiet = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    // Loaded here, not at the top: a file that serves a GitHub API double must set GITHUB_API_URL before
    // @actions/github (which summarize loads) reads it, and it may use this module's sandbox first.
    const { runSummarize } = await import('../../src/fleet/summarize.js');
    await runSummarize(process.env);
  } finally {
    quiet.mockRestore();
  }
  return {
    out: parseCommandFile(readFileSync(path.join(dir, 'output'), 'utf8')),
    printed: printed.join(''),
  };
}
