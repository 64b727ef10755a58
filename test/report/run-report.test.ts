import { createHmac } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BuildReport, RunContext } from '../../src/report/build-report.js';
import {
  buildRunReport,
  checkBuildReport,
  jobResults,
  selectPlanned,
  type LegRecord,
  type RunReport,
} from '../../src/report/run-report.js';
import {
  findReportFiles,
  loadLegs,
  loadReports,
  parseNeeds,
  parsePlanned,
  runSummarize,
} from '../../src/fleet/summarize.js';
import { parseCommandFile, runAction } from '../support/action-runner.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { validateReport } from '../support/schema.js';
import { useStepSandbox } from '../support/summarize-step.js';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'reports');

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validateRun = ajv.compile(
  JSON.parse(readFileSync(new URL('../../schema/run-report.schema.json', import.meta.url), 'utf8')) as object,
);

function expectValidRun(run: RunReport): void {
  const ok = validateRun(run);
  expect(validateRun.errors ?? [], JSON.stringify(validateRun.errors)).toEqual([]);
  expect(ok).toBe(true);
}

function fixture(name: string): BuildReport {
  const parsed: unknown = JSON.parse(readFileSync(path.join(FIXTURES, name, 'report.json'), 'utf8'));
  const checked = checkBuildReport(parsed);
  if (!checked.ok) throw new Error(`${name}: ${checked.reason}`);
  return checked.report;
}

function leg(name: string): LegRecord {
  const [record] = loadLegsSync([path.join(FIXTURES, name, 'jetson-leg.json')]);
  if (!record) throw new Error(`no leg record in ${name}`);
  return record;
}
function loadLegsSync(files: string[]): LegRecord[] {
  return files.map((f) => {
    const v = JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>;
    return {
      leg: v['leg'] as string,
      packages: (v['packages'] as string).split(' '),
      jobUrl: v['jobUrl'] ?? null,
      runner: v['runner'] ?? null,
      setupOutcome: v['setupOutcome'] ?? null,
      buildOutcome: v['buildOutcome'] ?? null,
      runAttempt: v['runAttempt'] ?? null,
      platform: v['platform'] ?? null,
    };
  });
}

const context: RunContext = {
  serverUrl: 'https://github.com',
  repository: 'acme/jetson-images',
  ref: 'refs/heads/main',
  sha: '0123456789abcdef0123456789abcdef01234567',
  workflow: 'Build on the Jetson fleet',
  job: 'summarize',
  runId: '987654321',
  runAttempt: '1',
  runUrl: 'https://github.com/acme/jetson-images/actions/runs/987654321',
  matrix: null,
};
const now = new Date('2026-11-20T13:00:00.000Z');
const needs = (build: string, plan = 'success'): unknown => ({
  plan: { result: plan, outputs: {} },
  build: { result: build, outputs: {} },
});

describe('fixtures', () => {
  it('are BuildReports by the shipped schema', () => {
    for (const name of [
      'success-pytorch',
      'failure-torchvision',
      'rerun-torchvision-attempt2',
      'wildcard-ros',
      'cancelled-l4t-ml',
    ]) {
      expect(() => validateReport(fixture(name)), name).not.toThrow();
    }
  });
});

describe('buildRunReport', () => {
  it('all success', () => {
    const run = buildRunReport({
      reports: [fixture('success-pytorch')],
      planned: ['pytorch:2.8'],
      needs: needs('success'),
      context,
      now,
      legs: [leg('success-pytorch')],
    });
    expectValidRun(run);
    expect(run.status).toBe('success');
    expect(run.event).toBe('jetson.run.finished');
    expect(run.build_id).toBe('987654321');
    expect(run.totals).toEqual({ packages: 1, cells: 1, success: 1, failure: 0, cancelled: 0, missing: 0 });
    expect(run.images).toEqual(['pytorch:2.8-r36.4.tegra-aarch64-cu126-22.04']);
    const [row] = run.runs;
    expect(row).toMatchObject({
      name: 'pytorch:2.8',
      status: 'success',
      host_tag: 'orin-agx-01',
      web_url: 'https://github.com/acme/jetson-images/actions/runs/987654321/job/101',
      log_url: 'https://github.com/acme/jetson-images/actions/runs/987654321/artifacts/4242',
      created: '2026-11-20T10:00:00.000Z',
      completed: '2026-11-20T11:02:03.000Z',
      leg: 'pytorch-2.8',
    });
    expect(run.created).toBe('2026-11-20T10:00:00.000Z');
    expect(run.wall_seconds).toBe(3723);
    expect(run.build_seconds_sum).toBe(3723);
  });

  it('one failure makes the run fail and names it, with its failure point', () => {
    const run = buildRunReport({
      reports: [fixture('success-pytorch'), fixture('failure-torchvision')],
      planned: ['pytorch:2.8', 'torchvision'],
      needs: needs('failure'),
      context,
      now,
    });
    expectValidRun(run);
    expect(run.status).toBe('failure');
    expect(run.failed_packages).toEqual(['torchvision']);
    expect(run.message).toMatch(/1 of 2 packages built; failed: torchvision/);
    const tv = run.runs.find((r) => r.name === 'torchvision');
    expect(tv?.failure).toMatchObject({ stage: 'torchvision', phase: 'build' });
    expect(tv?.failure?.error).toMatch(/failed to solve/);
    // Wall time overlaps; the summed build time is what the fleet would have taken on one runner.
    expect(run.wall_seconds).toBe(3723);
    expect(run.build_seconds_sum).toBe(3723 + 2395);
  });

  it('a leg with no report shows as missing and fails the run', () => {
    const run = buildRunReport({
      reports: [fixture('success-pytorch')],
      planned: ['pytorch:2.8', 'ros:humble-desktop'],
      needs: needs('failure'),
      context,
      now,
    });
    expectValidRun(run);
    expect(run.status).toBe('failure');
    expect(run.totals).toMatchObject({ packages: 2, success: 1, missing: 1 });
    const row = run.runs.find((r) => r.name === 'ros:humble-desktop');
    expect(row).toMatchObject({ status: 'missing', web_url: context.runUrl, created: null });
    expect(row?.reason).toMatch(/runner was lost|timed out/);
    // A package that never reported failed the run: it is in failed_packages, and in missing_packages.
    expect(run.failed_packages).toEqual(['ros:humble-desktop']);
    expect(run.missing_packages).toEqual(['ros:humble-desktop']);
  });

  it('a leg whose setup failed before any report is a failure at the setup phase', () => {
    const legs = loadLegsSync([path.join(FIXTURES, 'leg-only-ollama', 'jetson-leg.json')]);
    const run = buildRunReport({
      reports: [],
      planned: ['ollama'],
      needs: needs('failure'),
      context,
      now,
      legs,
    });
    expectValidRun(run);
    expect(run.runs[0]).toMatchObject({ name: 'ollama', status: 'failure', host_tag: 'orin-agx-06' });
    expect(run.runs[0]?.failure?.phase).toBe('setup');
    expect(run.runs[0]?.web_url).toMatch(/\/job\/106$/);
  });

  it('a cancelled run: unreported legs are cancelled, not missing, and the run is cancelled', () => {
    const run = buildRunReport({
      reports: [fixture('success-pytorch'), fixture('cancelled-l4t-ml')],
      planned: ['pytorch:2.8', 'l4t-ml', 'ros:humble-desktop', 'torchvision'],
      needs: needs('cancelled'),
      context,
      now,
    });
    expectValidRun(run);
    expect(run.status).toBe('cancelled');
    expect(run.totals).toEqual({ packages: 4, cells: 4, success: 1, failure: 0, cancelled: 3, missing: 0 });
    expect(run.runs.map((r) => r.name)).toEqual([
      'pytorch:2.8',
      'l4t-ml',
      'ros:humble-desktop',
      'torchvision',
    ]);
  });

  it('a skipped build (the plan failed) is a failed run that says so', () => {
    const run = buildRunReport({
      reports: [],
      planned: [],
      needs: needs('skipped', 'failure'),
      context,
      now,
    });
    expectValidRun(run);
    expect(run.status).toBe('failure');
    expect(run.message).toMatch(/plan failed/);
    expect(run.created).toBe(now.toISOString());
  });

  it('a re-run keeps the latest report of a package', () => {
    const run = buildRunReport({
      reports: [fixture('rerun-torchvision-attempt2'), fixture('failure-torchvision')],
      planned: ['torchvision'],
      needs: needs('success'),
      context,
      now,
      legs: [leg('failure-torchvision'), leg('rerun-torchvision-attempt2')],
    });
    expectValidRun(run);
    expect(run.runs).toHaveLength(1);
    expect(run.runs[0]).toMatchObject({ status: 'success', host_tag: 'orin-agx-03' });
    expect(run.runs[0]?.web_url).toMatch(/\/job\/202$/);
    expect(run.status).toBe('success');
  });

  it('a wildcard leg contributes a row per expanded package and covers the planned pattern', () => {
    const run = buildRunReport({
      reports: [fixture('wildcard-ros'), fixture('success-pytorch')],
      planned: ['ros:humble*', 'pytorch:2.8'],
      needs: needs('failure'),
      context,
      now,
    });
    expectValidRun(run);
    expect(run.runs.map((r) => [r.name, r.status, r.requested])).toEqual([
      ['ros:humble-ros-base', 'success', 'ros:humble*'],
      ['ros:humble-desktop', 'failure', 'ros:humble*'],
      ['pytorch:2.8', 'success', 'pytorch:2.8'],
    ]);
    expect(run.runs.some((r) => r.name === 'ros:humble*')).toBe(false);
    expect(run.failed_packages).toEqual(['ros:humble-desktop']);
  });

  it('256 legs: every planned package has a row, in plan order, and the totals add up', () => {
    const base = fixture('success-pytorch');
    const planned = Array.from({ length: 256 }, (_, i) => `pkg-${i}`);
    const reports: BuildReport[] = planned.slice(0, 254).map((name, i) => {
      const failed = i >= 250;
      return {
        ...base,
        status: failed ? 'failure' : 'success',
        requestedPackages: [name],
        packages: [
          {
            name,
            status: failed ? 'failure' : 'success',
            image: failed ? null : `${name}:r36.4`,
            pushedImage: null,
            durationSeconds: 60,
            failure: failed
              ? {
                  stage: name,
                  stageIndex: 1,
                  stageCount: 1,
                  phase: 'build',
                  error: 'boom',
                  excerpt: ['x'],
                  logFile: null,
                }
              : null,
          },
        ],
        durationSeconds: 60,
        runner: { ...base.runner, name: `jetson-${i % 16}` },
      };
    });
    const run = buildRunReport({ reports, planned, needs: needs('failure'), context, now });
    expectValidRun(run);
    expect(run.runs.map((r) => r.name)).toEqual(planned);
    expect(run.totals).toEqual({
      packages: 256,
      cells: 256,
      success: 250,
      failure: 4,
      cancelled: 0,
      missing: 2,
    });
    expect(run.failed_packages).toEqual(['pkg-250', 'pkg-251', 'pkg-252', 'pkg-253', 'pkg-254', 'pkg-255']);
    expect(run.missing_packages).toEqual(['pkg-254', 'pkg-255']);
    expect(run.images).toHaveLength(250);
    expect(run.build_seconds_sum).toBe(254 * 60);
    expect(run.status).toBe('failure');
  });

  it('a cancelled leg links the run for its logs (post uploads them after the report was uploaded)', () => {
    const run = buildRunReport({
      reports: [fixture('cancelled-l4t-ml')],
      planned: ['l4t-ml'],
      needs: needs('cancelled'),
      context,
      now,
      legs: [leg('cancelled-l4t-ml')],
    });
    expectValidRun(run);
    expect(run.runs[0]).toMatchObject({ status: 'cancelled', log_url: context.runUrl });
    expect(run.runs[0]?.web_url).toMatch(/\/job\/105$/);
  });

  describe('a step timeout (the action reports cancelled, the leg record says the build step failed)', () => {
    const timedOutLeg = (buildOutcome: string): LegRecord => ({ ...leg('cancelled-l4t-ml'), buildOutcome });

    it('is a failure, "timed out", that fails the run', () => {
      const run = buildRunReport({
        reports: [fixture('success-pytorch'), fixture('cancelled-l4t-ml')],
        planned: ['pytorch:2.8', 'l4t-ml'],
        needs: needs('failure'),
        context,
        now,
        legs: [leg('success-pytorch'), timedOutLeg('failure')],
      });
      expectValidRun(run);
      expect(run.status).toBe('failure');
      const row = run.runs.find((r) => r.name === 'l4t-ml');
      expect(row).toMatchObject({ status: 'failure', host_tag: 'orin-agx-05' });
      expect(row?.reason).toMatch(/^timed out/);
      expect(row?.failure).toMatchObject({ phase: 'timeout' });
      expect(run.failed_packages).toEqual(['l4t-ml']);
      expect(run.totals).toMatchObject({ failure: 1, cancelled: 0 });
    });

    it('also when the report has no row for the package, and not-built packages of a chunk stay cancelled', () => {
      const base = fixture('cancelled-l4t-ml');
      const chunk: BuildReport = {
        ...base,
        requestedPackages: ['a', 'b', 'c'],
        packages: [
          { ...base.packages[0]!, name: 'a', status: 'success', image: 'a:r36.4' },
          { ...base.packages[0]!, name: 'b', status: 'cancelled' },
        ],
      };
      const chunkLeg: LegRecord = {
        ...timedOutLeg('failure'),
        leg: 'chunk-1-of-1',
        packages: ['a', 'b', 'c'],
      };
      const run = buildRunReport({
        reports: [chunk],
        planned: ['a', 'b', 'c'],
        needs: needs('failure'),
        context,
        now,
        legs: [chunkLeg],
      });
      expectValidRun(run);
      expect(run.runs.map((r) => [r.name, r.status])).toEqual([
        ['a', 'success'],
        ['b', 'failure'],
        ['c', 'failure'],
      ]);
      const notBuilt = buildRunReport({
        reports: [
          {
            ...chunk,
            packages: [...chunk.packages, { ...base.packages[0]!, name: 'c', status: 'not-built' }],
          },
        ],
        planned: ['a', 'b', 'c'],
        needs: needs('failure'),
        context,
        now,
        legs: [chunkLeg],
      });
      expect(notBuilt.runs.find((r) => r.name === 'c')).toMatchObject({ status: 'cancelled' });
      expect(notBuilt.runs.find((r) => r.name === 'c')?.reason).toMatch(/timed out before reaching it/);
    });

    it('stays cancelled when the build step was cancelled or the whole run was', () => {
      for (const [outcome, result] of [
        ['cancelled', 'failure'],
        ['failure', 'cancelled'],
      ] as const) {
        const run = buildRunReport({
          reports: [fixture('cancelled-l4t-ml')],
          planned: ['l4t-ml'],
          needs: needs(result),
          context,
          now,
          legs: [timedOutLeg(outcome)],
        });
        expect(run.runs[0]?.status, `${outcome}/${result}`).toBe('cancelled');
      }
    });
  });

  describe('fail-fast', () => {
    const input = (failFast: boolean | undefined, legs: LegRecord[] = []) => ({
      reports: [fixture('failure-torchvision')],
      planned: ['torchvision', 'opencv', 'cmake'],
      needs: needs('failure'),
      context,
      now,
      legs: [leg('failure-torchvision'), ...legs],
      ...(failFast === undefined ? {} : { failFast }),
    });

    it('shows the legs GitHub cancelled before they built as cancelled "stopped by fail-fast"', () => {
      // opencv never started (no leg record); cmake was cancelled while checking out (build step skipped).
      const cmake: LegRecord = {
        ...leg('failure-torchvision'),
        leg: 'cmake',
        packages: ['cmake'],
        setupOutcome: 'skipped',
        buildOutcome: 'skipped',
      };
      const run = buildRunReport(input(true, [cmake]));
      expectValidRun(run);
      expect(run.runs.map((r) => [r.name, r.status])).toEqual([
        ['torchvision', 'failure'],
        ['opencv', 'cancelled'],
        ['cmake', 'cancelled'],
      ]);
      for (const r of run.runs.slice(1)) expect(r.reason).toMatch(/stopped by fail-fast/);
      expect(run.status).toBe('failure');
      expect(run.failed_packages).toEqual(['torchvision']);
      expect(run.missing_packages).toEqual([]);
    });

    it('without fail-fast, a leg that never reported is still missing', () => {
      for (const failFast of [false, undefined]) {
        const run = buildRunReport(input(failFast));
        expect(run.runs.find((r) => r.name === 'opencv')?.status).toBe('missing');
        expect(run.missing_packages).toEqual(['opencv', 'cmake']);
        expect(run.failed_packages).toEqual(['torchvision', 'opencv', 'cmake']);
      }
    });
  });

  describe('reports that were not planned (another call of the workflow in the same run)', () => {
    it('are ignored: no row, no time, and they are listed for a notice', () => {
      const reports = [fixture('success-pytorch'), fixture('failure-torchvision'), fixture('wildcard-ros')];
      const legs = [leg('success-pytorch'), leg('failure-torchvision'), leg('wildcard-ros')];
      const selected = selectPlanned(reports, legs, ['pytorch:2.8']);
      expect(selected.reports).toHaveLength(1);
      expect(selected.legs.map((l) => l.leg)).toEqual(['pytorch-2.8']);
      expect(selected.ignored).toEqual([
        'report of torchvision (attempt 1)',
        'report of ros:humble* (attempt 1)',
        'leg record torchvision (torchvision)',
        'leg record ros-humble-all (ros:humble*)',
      ]);
      const run = buildRunReport({
        reports,
        legs,
        planned: ['pytorch:2.8'],
        needs: needs('success'),
        context,
        now,
      });
      expectValidRun(run);
      expect(run.runs.map((r) => r.name)).toEqual(['pytorch:2.8']);
      expect(run.status).toBe('success');
      expect(run.build_seconds_sum).toBe(3723);
    });

    it('with no planned list, everything counts', () => {
      const reports = [fixture('success-pytorch'), fixture('failure-torchvision')];
      expect(selectPlanned(reports, [], []).reports).toHaveLength(2);
      expect(selectPlanned(reports, [], []).ignored).toEqual([]);
    });
  });

  it('reads needs results defensively', () => {
    expect(jobResults(needs('cancelled'))).toEqual({ plan: 'success', build: 'cancelled' });
    expect(jobResults(null)).toEqual({});
    expect(jobResults([1, 2])).toEqual({});
    expect(jobResults({ build: 'oops', plan: { result: 3 } })).toEqual({});
  });
});

describe('reading reports', () => {
  it('finds report.json and leg records recursively and skips a malformed report with a warning', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'reports-walk-'));
    try {
      cpSync(FIXTURES, dir, { recursive: true });
      mkdirSync(path.join(dir, 'malformed', 'deeper'), { recursive: true });
      writeFileSync(path.join(dir, 'malformed', 'deeper', 'report.json'), '{"schemaVersion": 1, "status": ');
      writeFileSync(
        path.join(dir, 'malformed', 'report.json'),
        JSON.stringify({ schemaVersion: 1, status: 'maybe' }),
      );
      const found = await findReportFiles(dir);
      expect(found.reports).toHaveLength(7);
      expect(found.legs).toHaveLength(6);
      const warnings: string[] = [];
      const reports = await loadReports(found.reports, (m) => warnings.push(m));
      expect(reports).toHaveLength(5);
      expect(warnings).toHaveLength(2);
      expect(warnings.join('\n')).toMatch(/deeper[/\\]report\.json could not be read as JSON/);
      expect(warnings.join('\n')).toMatch(/not a usable report\.json \(invalid status "maybe"\)/);
      const legs = await loadLegs(found.legs, (m) => warnings.push(m));
      expect(legs.map((l) => l.leg)).toContain('ollama');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists reports depth-first in name order, no deeper than 12 folders', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-walk-'));
    try {
      const put = (rel: string): void => {
        mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        writeFileSync(path.join(dir, rel), '{}');
      };
      for (const rel of [
        'b/report.json',
        'a/z/report.json',
        'a/report.json',
        'a/b/c/report.json',
        'c/jetson-leg.json',
        'a/b/jetson-leg.json',
        `${'d/'.repeat(12)}report.json`,
        `${'e/'.repeat(13)}report.json`,
        // A name the locale calls equal to `a` (a zero-width space after it): its files come after all of a's.
        'a\u200b/y/report.json',
      ])
        put(rel);
      const found = await findReportFiles(dir);
      expect(found.reports.map((f) => path.relative(dir, f))).toEqual([
        path.join('a', 'b', 'c', 'report.json'),
        path.join('a', 'report.json'),
        path.join('a', 'z', 'report.json'),
        path.join('a\u200b', 'y', 'report.json'),
        path.join('b', 'report.json'),
        path.join(...Array<string>(12).fill('d'), 'report.json'),
      ]);
      expect(found.legs.map((f) => path.relative(dir, f))).toEqual([
        path.join('a', 'b', 'jetson-leg.json'),
        path.join('c', 'jetson-leg.json'),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes glob patterns too', async () => {
    const found = await findReportFiles(`${FIXTURES}/*-torchvision*/report.json`);
    expect(found.reports.map((f) => path.basename(path.dirname(f))).sort()).toEqual([
      'failure-torchvision',
      'rerun-torchvision-attempt2',
    ]);
  });

  it('explains why a report is not usable', () => {
    expect(checkBuildReport({ schemaVersion: 3 })).toMatchObject({ ok: false, reason: /schemaVersion/ });
    expect(
      checkBuildReport({ ...fixture('success-pytorch'), packages: [{ name: 'x', status: 'great' }] }),
    ).toMatchObject({
      ok: false,
      reason: /packages\[0\]\.status/,
    });
    expect(checkBuildReport([])).toMatchObject({ ok: false });
  });

  it('parses the planned list and needs inputs', () => {
    expect(parsePlanned('["a","b:1"]')).toEqual(['a', 'b:1']);
    expect(parsePlanned('a b,c\nd')).toEqual(['a', 'b', 'c', 'd']);
    expect(parsePlanned('')).toEqual([]);
    const warnings: string[] = [];
    expect(parseNeeds('{nope', (m) => warnings.push(m))).toEqual({});
    expect(warnings).toHaveLength(1);
  });
});

describe('summarize end to end (in process, loopback receiver)', () => {
  let receiver: Receiver;
  const sandbox = useStepSandbox('summarize-test-');
  const SECRET = 'It is a Secret to Everybody';

  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  beforeEach(() => {
    receiver.clear();
  });

  function setupEnv(inputs: Record<string, string>): void {
    const files = ['output', 'summary', 'state', 'env', 'path'];
    for (const f of files) writeFileSync(path.join(sandbox.dir, f), '');
    Object.assign(process.env, {
      GITHUB_OUTPUT: path.join(sandbox.dir, 'output'),
      GITHUB_STEP_SUMMARY: path.join(sandbox.dir, 'summary'),
      GITHUB_STATE: path.join(sandbox.dir, 'state'),
      GITHUB_REPOSITORY: 'acme/jetson-images',
      GITHUB_RUN_ID: '987654321',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKFLOW: 'Build on the Jetson fleet',
      GITHUB_WORKSPACE: sandbox.dir,
      RUNNER_TEMP: sandbox.dir,
      NO_PROXY: '127.0.0.1,localhost',
      no_proxy: '127.0.0.1,localhost',
      JETSON_BUILD_NOTIFY_DEADLINE_SECONDS: '20',
    });
    for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v;
  }

  it('sends ONE message per target for the whole run, writes outputs, the summary and run-report.json', async () => {
    const reports = path.join(sandbox.dir, 'jetson-reports');
    for (const name of ['success-pytorch', 'failure-torchvision', 'cancelled-l4t-ml']) {
      mkdirSync(path.join(reports, `jetson-report-${name}-1`), { recursive: true });
      cpSync(path.join(FIXTURES, name), path.join(reports, `jetson-report-${name}-1`), { recursive: true });
    }
    setupEnv({
      reports: 'jetson-reports',
      needs: JSON.stringify(needs('failure')),
      packages: JSON.stringify(['pytorch:2.8', 'torchvision', 'l4t-ml', 'ros:humble-desktop']),
      'webhook-url': receiver.urlFor('/hook'),
      'webhook-secret': SECRET,
      signature: 'github',
      'discord-webhook-url': receiver.urlFor('/api/webhooks/123456789/token-abcdefghijklmnop'),
      'webhook-retries': '0',
    });
    const run = await runSummarize(process.env, () => now);
    expect(run.status).toBe('failure');
    expect(process.exitCode).toBe(1); // fail-on-build-error defaults to true

    const requests = await receiver.waitForRequests(2, 10_000);
    expect(requests).toHaveLength(2);
    const generic = receiver.requestsTo('/hook');
    expect(generic).toHaveLength(1);
    const body = generic[0]?.json as RunReport;
    expectValidRun(body);
    expect(body.runs.map((r) => [r.name, r.status])).toEqual([
      ['pytorch:2.8', 'success'],
      ['torchvision', 'failure'],
      ['l4t-ml', 'cancelled'],
      ['ros:humble-desktop', 'missing'],
    ]);
    const sig = `sha256=${createHmac('sha256', SECRET)
      .update(generic[0]?.body ?? Buffer.alloc(0))
      .digest('hex')}`;
    expect(generic[0]?.headers['x-hub-signature-256']).toBe(sig);

    const discord = receiver.requests.find((r) => r.path.includes('/api/v10/webhooks/'));
    const payload = (discord?.json ?? discord?.multipart?.payloadJson) as {
      embeds: { description: string }[];
    };
    expect(payload.embeds[0]?.description).toContain('torchvision');

    const out = parseCommandFile(readFileSync(path.join(sandbox.dir, 'output'), 'utf8'));
    expect(out['status']).toBe('failure');
    expect(JSON.parse(out['failed-packages'] ?? '')).toEqual(['torchvision', 'ros:humble-desktop']);
    expect(JSON.parse(out['missing-packages'] ?? '')).toEqual(['ros:humble-desktop']);
    expect(JSON.parse(out['images'] ?? '')).toEqual(['pytorch:2.8-r36.4.tegra-aarch64-cu126-22.04']);
    expect(JSON.parse(out['notifications'] ?? '')).toHaveLength(2);
    const written = JSON.parse(readFileSync(out['report-file'] ?? '', 'utf8')) as RunReport;
    expect(written.totals).toEqual(run.totals);
    const summary = readFileSync(path.join(sandbox.dir, 'summary'), 'utf8');
    expect(summary).toContain('ros:humble-desktop');
    expect(summary).toContain('| Status | Package |');
  });

  it("ignores another call's reports with a notice, and labels fail-fast legs as cancelled", async () => {
    const reports = path.join(sandbox.dir, 'jetson-reports');
    // Ours: torchvision failed; opencv never started (fail-fast). Theirs (a too-wide pattern): pytorch.
    mkdirSync(path.join(reports, 'jetson-report-aaaa-torchvision-1'), { recursive: true });
    cpSync(
      path.join(FIXTURES, 'failure-torchvision'),
      path.join(reports, 'jetson-report-aaaa-torchvision-1'),
      {
        recursive: true,
      },
    );
    mkdirSync(path.join(reports, 'jetson-report-bbbb-pytorch-2.8-1'), { recursive: true });
    cpSync(path.join(FIXTURES, 'success-pytorch'), path.join(reports, 'jetson-report-bbbb-pytorch-2.8-1'), {
      recursive: true,
    });
    setupEnv({
      reports: 'jetson-reports',
      needs: JSON.stringify({ plan: { result: 'success' }, build: { result: 'failure' } }),
      packages: JSON.stringify(['torchvision', 'opencv']),
      'fail-fast': 'true',
      'fail-on-build-error': 'false',
    });
    const writes: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    let run: RunReport;
    try {
      run = await runSummarize(process.env, () => now);
    } finally {
      spy.mockRestore();
    }
    expect(run.runs.map((r) => [r.name, r.status])).toEqual([
      ['torchvision', 'failure'],
      ['opencv', 'cancelled'],
    ]);
    expect(run.runs[1]?.reason).toMatch(/fail-fast/);
    const notice = writes.find((w) => w.startsWith('::notice'));
    expect(notice).toMatch(/Ignored 2 file\(s\) for packages that were not planned/);
    expect(notice).toContain('report of pytorch:2.8');
    const out = parseCommandFile(readFileSync(path.join(sandbox.dir, 'output'), 'utf8'));
    expect(JSON.parse(out['failed-packages'] ?? '')).toEqual(['torchvision']);
    expect(JSON.parse(out['missing-packages'] ?? '')).toEqual([]);
  });

  it('refuses a fail-fast value that is not a boolean, naming the input', async () => {
    setupEnv({ reports: 'jetson-reports', 'fail-fast': 'maybe' });
    await expect(runSummarize(process.env, () => now)).rejects.toThrow(/fail-fast/);
  });

  it('does not fail the step for a failed run when fail-on-build-error is false, and needs no target', async () => {
    setupEnv({
      reports: FIXTURES,
      needs: JSON.stringify(needs('failure')),
      packages: 'pytorch:2.8 torchvision ros:humble*',
      'fail-on-build-error': 'false',
    });
    const run = await runSummarize(process.env, () => now);
    expect(run.status).toBe('failure');
    expect(process.exitCode ?? 0).toBe(0);
    expect(receiver.requests).toHaveLength(0);
  });
});

describe('summarize from dist/ as the runner runs it (Node 24, loopback receiver)', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('dist/summarize.js merges the fixtures and posts one signed RunReport', async () => {
    // Every step shares dist/lib/ (scripts/build.mjs): the summarize code is in one of its chunks.
    const lib = new URL('../../dist/lib/', import.meta.url);
    const bundle = readdirSync(lib)
      .map((f) => readFileSync(new URL(f, lib), 'utf8'))
      .join('\n');
    expect(bundle, 'dist/ is stale: run npm run build').toContain('jetson.run.finished');
    const run = await runAction({
      entry: 'summarize.js',
      skipPost: true,
      timeoutMs: 30_000,
      inputs: {
        reports: FIXTURES,
        needs: JSON.stringify(needs('failure')),
        packages: JSON.stringify(['pytorch:2.8', 'torchvision', 'ros:humble*', 'l4t-ml', 'nanollm']),
        'webhook-url': receiver.urlFor('/run'),
        'webhook-secret': 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'webhook-retries': '0',
      },
      env: { NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' },
    });
    try {
      expect(run.main.code, run.main.stdout + run.main.stderr).toBe(1);
      expect(run.main.outputs['status']).toBe('failure');
      const requests = receiver.requestsTo('/run');
      expect(requests).toHaveLength(1);
      const body = requests[0]?.json as RunReport;
      expectValidRun(body);
      expect(body.totals).toEqual({
        packages: 6,
        cells: 6,
        success: 3,
        failure: 1,
        cancelled: 1,
        missing: 1,
      });
      expect(requests[0]?.headers['webhook-signature']).toMatch(/^v1,/);
      expect(run.summary).toContain('nanollm');
    } finally {
      rmSync(run.dir, { recursive: true, force: true });
    }
  });
});
