// The fleet RunReport row by row: which report and leg record answer a planned package, the status and reason
// a person reads for each row, the links shown, the order of the rows, the totals, the run status and message.
import { describe, expect, it } from 'vitest';
import type { BuildReport, FailurePoint, PackageResult, RunContext } from '../../src/report/build-report.js';
import {
  buildRunReport,
  checkBuildReport,
  jobResults,
  parseLegRecord,
  selectPlanned,
  type LegRecord,
  type RunReport,
  type RunRow,
} from '../../src/report/run-report.js';

const RUN = 'https://github.com/acme/fleet/actions/runs/77';
const OTHER_RUN = 'https://github.com/acme/fleet/actions/runs/78';
const context: RunContext = {
  serverUrl: 'https://github.com',
  repository: 'acme/fleet',
  ref: 'refs/heads/main',
  sha: 'abc123',
  workflow: 'Fleet',
  job: 'summarize',
  runId: '77',
  runAttempt: '2',
  runUrl: RUN,
  matrix: null,
};
const now = new Date('2026-05-01T12:00:00.000Z');

function failure(over: Partial<FailurePoint> = {}): FailurePoint {
  return {
    stage: 'stage-x',
    stageIndex: 1,
    stageCount: 2,
    phase: 'build',
    error: 'boom',
    excerpt: ['line'],
    logFile: null,
    ...over,
  };
}

function pkg(
  name: string,
  status: PackageResult['status'],
  over: Partial<PackageResult> = {},
): PackageResult {
  return { name, status, image: null, pushedImage: null, durationSeconds: null, failure: null, ...over };
}

function report(
  requested: string[],
  packages: PackageResult[],
  over: Partial<BuildReport> & { attempt?: string | null } = {},
): BuildReport {
  const { attempt = '1', ...rest } = over;
  const status = packages.some((p) => p.status === 'failure')
    ? 'failure'
    : packages.some((p) => p.status === 'cancelled' || p.status === 'not-built')
      ? 'cancelled'
      : 'success';
  return {
    schemaVersion: 1,
    status,
    message: '',
    exitCode: 0,
    signal: null,
    requestedPackages: requested,
    packages,
    failedPackages: [],
    images: [],
    stages: [],
    environment: {} as BuildReport['environment'],
    command: { argv: [], display: '' },
    startTime: '2026-05-01T10:00:00.000Z',
    endTime: '2026-05-01T10:10:00.000Z',
    durationSeconds: 600,
    toolBuildSeconds: null,
    failure: null,
    runner: { name: 'jetson-1', os: 'Linux', arch: 'ARM64', labels: [] },
    run: { ...context, job: 'build', runAttempt: attempt },
    logs: {
      dir: '/tmp/x',
      consoleLog: '/tmp/x/console.log',
      reportFile: '/tmp/x/report.json',
      artifactName: null,
      artifactId: null,
      artifactUrl: null,
      url: null,
      uploadError: null,
    },
    options: { multiple: false, skipErrors: false, name: null, push: null },
    ...rest,
  };
}

function legRec(leg: string, packages: string[], over: Partial<LegRecord> = {}): LegRecord {
  return {
    leg,
    packages,
    jobUrl: `${RUN}/job/${leg}`,
    runner: `runner-${leg}`,
    setupOutcome: 'skipped',
    buildOutcome: 'success',
    runAttempt: '1',
    platform: null,
    ...over,
  };
}

function run(
  reports: BuildReport[],
  planned: string[],
  opts: { build?: string; plan?: string; legs?: LegRecord[]; failFast?: boolean } = {},
): RunReport {
  return buildRunReport({
    reports,
    planned,
    needs: { plan: { result: opts.plan ?? 'success' }, build: { result: opts.build ?? 'success' } },
    context,
    now,
    ...(opts.legs ? { legs: opts.legs } : {}),
    ...(opts.failFast === undefined ? {} : { failFast: opts.failFast }),
  });
}

const rows = (r: RunReport): [string, string, string | null][] =>
  r.runs.map((x) => [x.name, x.status, x.reason]);
const only = (r: RunReport): RunRow => {
  expect(r.runs).toHaveLength(1);
  return r.runs[0] as RunRow;
};

describe('links and facts shown in a reported row', () => {
  it('takes the artifact link, the job page, the runner name and the times of the report', () => {
    const r = report(
      ['a'],
      [pkg('a', 'success', { image: 'a:1', pushedImage: 'reg/a:1', durationSeconds: 42 })],
      {
        logs: { ...report([], []).logs, artifactUrl: `${RUN}/artifacts/9`, url: `${RUN}/other` },
      },
    );
    expect(only(run([r], ['a'], { legs: [legRec('leg-a', ['a'])] }))).toEqual({
      name: 'a',
      status: 'success',
      requested: 'a',
      reason: null,
      image: 'a:1',
      pushed_image: 'reg/a:1',
      duration_seconds: 42,
      failure: null,
      log_url: `${RUN}/artifacts/9`,
      web_url: `${RUN}/job/leg-a`,
      created: '2026-05-01T10:00:00.000Z',
      completed: '2026-05-01T10:10:00.000Z',
      host_tag: 'jetson-1',
      leg: 'leg-a',
      platform: null,
      environment: null,
      platform_mismatch: null,
      change: null,
    });
  });

  it("falls back to the report's log link, its run, then the summary's run", () => {
    const base = report(['a'], [pkg('a', 'success')]);
    const withUrl = { ...base, logs: { ...base.logs, url: `${RUN}/logs` } };
    expect(only(run([withUrl], ['a'])).log_url).toBe(`${RUN}/logs`);
    const ofOtherRun = { ...base, run: { ...base.run, runUrl: OTHER_RUN } };
    expect(only(run([ofOtherRun], ['a']))).toMatchObject({
      log_url: OTHER_RUN,
      web_url: OTHER_RUN,
      leg: null,
    });
    const bare = { ...base, run: { ...base.run, runUrl: null } };
    expect(only(run([bare], ['a']))).toMatchObject({ log_url: RUN, web_url: RUN });
  });

  it("takes the leg record's runner when the report has none, and shows none when neither has", () => {
    const base = report(['a'], [pkg('a', 'success')]);
    const noRunner = { ...base, runner: { ...base.runner, name: null } };
    expect(only(run([noRunner], ['a'], { legs: [legRec('leg-a', ['a'])] })).host_tag).toBe('runner-leg-a');
    expect(only(run([noRunner], ['a'])).host_tag).toBe(null);
  });

  it('keeps only the last 40 lines of a failure excerpt and fills in what the failure lacks', () => {
    const excerpt = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`);
    const r = report(['a'], [pkg('a', 'failure', { failure: failure({ excerpt }) })]);
    expect(only(run([r], ['a'])).failure).toEqual({
      stage: 'stage-x',
      phase: 'build',
      error: 'boom',
      excerpt: excerpt.slice(10),
      stage_index: 1,
      stage_count: 2,
    });
    const partial = { excerpt: undefined, stage: undefined, phase: undefined, error: undefined };
    const bare = report(['a'], [pkg('a', 'failure', { failure: partial as unknown as FailurePoint })]);
    expect(only(run([bare], ['a'])).failure).toEqual({
      stage: null,
      phase: 'unknown',
      error: null,
      excerpt: [],
      stage_index: null,
      stage_count: null,
    });
  });
});

describe('which report answers a package (re-runs)', () => {
  const fail = (attempt: string | null, end = '2026-05-01T10:10:00.000Z'): BuildReport =>
    report(['a'], [pkg('a', 'failure')], { attempt, endTime: end });
  const ok = (attempt: string | null, end = '2026-05-01T10:10:00.000Z'): BuildReport =>
    report(['a'], [pkg('a', 'success')], { attempt, endTime: end });

  it('takes the highest run attempt, compared as a number, whatever the order of the files', () => {
    expect(only(run([ok('10'), fail('9')], ['a'])).status).toBe('success');
    expect(only(run([fail('9'), ok('10')], ['a'])).status).toBe('success');
    expect(only(run([fail('10'), ok('9')], ['a'])).status).toBe('failure');
    expect(only(run([ok('1'), fail(null, '2026-05-01T11:00:00.000Z')], ['a'])).status).toBe('success');
  });

  it('takes the later end time within one attempt; a report without a readable time is the older', () => {
    expect(only(run([ok('1', '2026-05-01T10:30:00.000Z'), fail('1')], ['a'])).status).toBe('success');
    expect(only(run([fail('1'), ok('1', '2026-05-01T10:30:00.000Z')], ['a'])).status).toBe('success');
    expect(only(run([ok('1'), fail('1', 'garbage')], ['a'])).status).toBe('success');
    expect(only(run([fail('1', 'garbage'), ok('1')], ['a'])).status).toBe('success');
  });

  it('links the leg record of the same attempt, else the latest one', () => {
    const legs = [
      legRec('first', ['a'], { runAttempt: '1', jobUrl: `${RUN}/job/1` }),
      legRec('second', ['a'], { runAttempt: '2', jobUrl: `${RUN}/job/2` }),
      legRec('older', ['a'], { runAttempt: '1', jobUrl: `${RUN}/job/3` }),
    ];
    expect(only(run([ok('1')], ['a'], { legs })).web_url).toBe(`${RUN}/job/1`);
    expect(only(run([ok('2')], ['a'], { legs })).web_url).toBe(`${RUN}/job/2`);
    expect(only(run([ok('5')], ['a'], { legs })).web_url).toBe(`${RUN}/job/2`);
    expect(only(run([ok(null)], ['a'], { legs })).web_url).toBe(`${RUN}/job/2`);
    // Of equal attempts, the record read last; a record without an attempt counts as attempt 0.
    const equal = [
      legRec('x', ['a'], { runAttempt: '3', jobUrl: `${RUN}/job/x` }),
      legRec('y', ['a'], { runAttempt: '3', jobUrl: `${RUN}/job/y` }),
      legRec('z', ['a'], { runAttempt: null, jobUrl: `${RUN}/job/z` }),
    ];
    expect(only(run([ok('9')], ['a'], { legs: equal })).web_url).toBe(`${RUN}/job/y`);
    expect(
      only(
        run([ok('9')], ['a'], { legs: [legRec('z', ['a'], { runAttempt: null, jobUrl: `${RUN}/job/z` })] }),
      ).web_url,
    ).toBe(`${RUN}/job/z`);
  });

  it('does not link the leg record of another package', () => {
    const legs = [legRec('leg-b', ['b'])];
    expect(run([ok('1')], ['a', 'b'], { legs }).runs[0]).toMatchObject({
      name: 'a',
      web_url: RUN,
      leg: null,
    });
  });
});

describe('rows for the packages of a report', () => {
  it('names the requested wildcard of an expanded package, else the first requested name', () => {
    const r = report(['x', 'ros:*'], [pkg('x', 'success'), pkg('ros:a', 'success'), pkg('ros:b', 'success')]);
    expect(run([r], ['x', 'ros:*']).runs.map((x) => [x.name, x.requested])).toEqual([
      ['x', 'x'],
      ['ros:a', 'ros:*'],
      ['ros:b', 'ros:*'],
    ]);
    const extra = report(['b', 'c'], [pkg('dep', 'success'), pkg('b', 'success'), pkg('c', 'success')]);
    expect(run([extra], ['b', 'c']).runs.map((x) => [x.name, x.requested])).toEqual([
      ['dep', 'b'],
      ['b', 'b'],
      ['c', 'c'],
    ]);
  });

  it('shows rows in plan order; rows no planned entry asked for come last, in the order read', () => {
    const r = [
      report(['c'], [pkg('c', 'success')]),
      report([], [pkg('zz', 'success'), pkg('yy', 'success')]),
      report(['a'], [pkg('a', 'success')]),
      report(['b'], [pkg('b', 'success')]),
    ];
    expect(run(r, []).runs.map((x) => [x.name, x.requested])).toEqual([
      ['c', 'c'],
      ['zz', null],
      ['yy', null],
      ['a', 'a'],
      ['b', 'b'],
    ]);
    expect(run(r.slice(2).concat(r[0] as BuildReport), ['b', 'c', 'a']).runs.map((x) => x.name)).toEqual([
      'b',
      'c',
      'a',
    ]);
  });

  it('shows a not-built package of a stopped chunk as cancelled, with why', () => {
    const r = report(['a', 'b'], [pkg('a', 'failure'), pkg('b', 'not-built')]);
    expect(rows(run([r], ['a', 'b']))).toEqual([
      ['a', 'failure', null],
      ['b', 'cancelled', 'not built: the leg stopped before reaching it'],
    ]);
  });

  it('gives a requested package the report has no row for the status of the leg, with why', () => {
    const ok = report(['a', 'b'], [pkg('a', 'success')]);
    expect(run([ok], ['a', 'b']).runs[1]).toMatchObject({
      name: 'b',
      status: 'missing',
      requested: 'b',
      reason: 'the leg succeeded but its report has no result for this package',
      failure: null,
      image: null,
      duration_seconds: null,
    });
    const failed = {
      ...report(['a', 'b'], []),
      status: 'failure' as const,
      failure: failure({ phase: 'resolve' }),
    };
    expect(run([failed], ['a', 'b']).runs.map((x) => [x.name, x.status, x.reason, x.failure?.phase])).toEqual(
      [
        ['a', 'failure', null, 'resolve'],
        ['b', 'failure', null, 'resolve'],
      ],
    );
    const cancelled = { ...report(['a'], []), status: 'cancelled' as const, failure: failure() };
    expect(only(run([cancelled], ['a']))).toMatchObject({
      status: 'cancelled',
      reason: 'the leg was cancelled before this package finished',
      failure: null,
    });
  });

  it('shows a wildcard that expanded to nothing as its own row, and none when it expanded', () => {
    const none = { ...report(['ros:*'], []), status: 'failure' as const };
    expect(rows(run([none], ['ros:*']))).toEqual([['ros:*', 'failure', null]]);
    const some = report(['ros:*', 'b'], [pkg('ros:a', 'success')]);
    expect(rows(run([some], ['ros:*', 'b']))).toEqual([
      ['ros:a', 'success', null],
      ['b', 'missing', 'the leg succeeded but its report has no result for this package'],
    ]);
  });

  it('does not call a planned package missing when another leg built it', () => {
    const r = report(['ros:*'], [pkg('ros:a', 'success')]);
    expect(rows(run([r], ['ros:*', 'ros:a']))).toEqual([['ros:a', 'success', null]]);
  });
});

describe('a step timeout', () => {
  const timedOutLeg = legRec('leg-a', ['a', 'b', 'c'], { buildOutcome: 'failure' });
  const stopped = (over: Partial<BuildReport> = {}): BuildReport => ({
    ...report(['a', 'b', 'c'], [pkg('a', 'cancelled'), pkg('b', 'not-built')]),
    ...over,
  });

  it('turns the cancelled rows into failures "timed out" with a timeout failure point', () => {
    expect(run([stopped()], ['a', 'b', 'c'], { build: 'failure', legs: [timedOutLeg] }).runs).toMatchObject([
      {
        name: 'a',
        status: 'failure',
        reason: 'timed out: the build step reached timeout-minutes',
        failure: { stage: null, phase: 'timeout', error: 'the build step timed out', excerpt: [] },
      },
      {
        name: 'b',
        status: 'cancelled',
        reason: 'not built: the leg timed out before reaching it',
        failure: null,
      },
      {
        name: 'c',
        status: 'failure',
        reason: 'timed out: the build step reached timeout-minutes',
        failure: { stage: null, phase: 'timeout', error: 'the build step timed out', excerpt: [] },
      },
    ]);
  });

  it('keeps the failure point the report already had', () => {
    const r = {
      ...report(['a', 'b'], [pkg('a', 'cancelled', { failure: failure({ phase: 'test' }) })]),
      failure: failure({ phase: 'push' }),
    };
    const out = run([r], ['a', 'b'], {
      build: 'failure',
      legs: [legRec('l', ['a', 'b'], { buildOutcome: 'failure' })],
    });
    expect(out.runs.map((x) => [x.name, x.status, x.failure?.phase])).toEqual([
      ['a', 'failure', 'test'],
      ['b', 'failure', 'push'],
    ]);
  });

  it('is no timeout when the report failed rather than was cancelled', () => {
    const r = { ...report(['a', 'b'], [pkg('a', 'cancelled'), pkg('b', 'failure')]) };
    expect(
      rows(
        run([r], ['a', 'b'], {
          build: 'failure',
          legs: [legRec('l', ['a', 'b'], { buildOutcome: 'failure' })],
        }),
      ),
    ).toEqual([
      ['a', 'cancelled', null],
      ['b', 'failure', null],
    ]);
  });
});

describe('planned packages no report answered', () => {
  const planned = ['a'];
  const one = (opts: Parameters<typeof run>[2]): RunRow => only(run([], planned, opts));

  it('a failed setup step is a failure at the setup phase, linked to the leg', () => {
    expect(
      one({
        build: 'failure',
        legs: [legRec('leg-a', ['a'], { setupOutcome: 'failure', buildOutcome: 'skipped' })],
      }),
    ).toEqual({
      name: 'a',
      status: 'failure',
      requested: 'a',
      reason: 'the setup step failed before the build started',
      image: null,
      pushed_image: null,
      duration_seconds: null,
      failure: { stage: null, phase: 'setup', error: 'setup step failed', excerpt: [] },
      log_url: RUN,
      web_url: `${RUN}/job/leg-a`,
      created: null,
      completed: null,
      host_tag: 'runner-leg-a',
      leg: 'leg-a',
      platform: null,
      environment: null,
      platform_mismatch: null,
      change: null,
    });
  });

  it.each([
    [{ buildOutcome: 'cancelled' }, 'the leg was cancelled before the build reported'],
    [
      { setupOutcome: 'cancelled', buildOutcome: 'skipped' },
      'the leg was cancelled before the build reported',
    ],
  ])('a leg record %j is cancelled', (over, reason) => {
    expect(one({ build: 'failure', legs: [legRec('leg-a', ['a'], over)] })).toMatchObject({
      status: 'cancelled',
      reason,
      failure: null,
    });
  });

  it('no leg record in a cancelled run is cancelled; with a leg record that finished it is missing', () => {
    expect(one({ build: 'cancelled' })).toMatchObject({
      status: 'cancelled',
      reason: 'the run was cancelled before this leg reported',
      web_url: RUN,
      host_tag: null,
      leg: null,
    });
    expect(
      one({ build: 'cancelled', legs: [legRec('leg-a', ['a'], { buildOutcome: 'success' })] }),
    ).toMatchObject({
      status: 'missing',
      reason: 'the leg ended (success) without writing report.json',
    });
  });

  it('fail-fast cancels only the legs that never built, and only when the build failed', () => {
    const ff = (legs: LegRecord[], build = 'failure', failFast = true): string | null =>
      one({ build, legs, failFast }).reason;
    const stopped = 'stopped by fail-fast: another leg failed before this one built';
    expect(ff([])).toBe(stopped);
    expect(ff([legRec('leg-a', ['a'], { buildOutcome: null })])).toBe(stopped);
    expect(ff([legRec('leg-a', ['a'], { buildOutcome: 'skipped' })])).toBe(stopped);
    expect(ff([legRec('leg-a', ['a'], { buildOutcome: 'failure' })])).toBe(
      'the leg ended (failure) without writing report.json',
    );
    expect(ff([legRec('leg-a', ['a'], { buildOutcome: 'success' })])).toBe(
      'the leg ended (success) without writing report.json',
    );
    expect(ff([], 'success')).toBe(
      'no report: the runner was lost, the job timed out, or the report could not be uploaded',
    );
    expect(ff([legRec('leg-a', ['a'], { buildOutcome: null })], 'failure', false)).toBe(
      'the leg ended (unknown) without writing report.json',
    );
    expect(one({ build: 'failure', failFast: true }).status).toBe('cancelled');
  });

  it('a skipped build job cancels the planned packages that have no leg record', () => {
    expect(one({ build: 'skipped' })).toMatchObject({
      status: 'cancelled',
      reason: 'the build job was skipped',
    });
    expect(
      one({ build: 'skipped', legs: [legRec('leg-a', ['a'], { buildOutcome: 'skipped' })] }),
    ).toMatchObject({
      status: 'missing',
      reason: 'the leg ended (skipped) without writing report.json',
    });
  });

  it('picks the latest leg record of the package', () => {
    const legs = [
      legRec('one', ['a'], { runAttempt: '1', setupOutcome: 'failure' }),
      legRec('two', ['a'], { runAttempt: '2', buildOutcome: 'cancelled' }),
    ];
    expect(one({ build: 'failure', legs })).toMatchObject({ status: 'cancelled', leg: 'two' });
  });

  it('trims the planned list and drops blanks and repeats', () => {
    expect(run([], [' a ', 'a', '', 'b'], { build: 'cancelled' }).runs.map((r) => r.name)).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('totals, status and message', () => {
  const many = (status: PackageResult['status'], n: number, prefix: string): BuildReport[] =>
    Array.from({ length: n }, (_, i) => report([`${prefix}${i + 1}`], [pkg(`${prefix}${i + 1}`, status)]));

  it('counts every status and lists at most five names of each, then how many more', () => {
    const reports = [...many('success', 2, 's'), ...many('failure', 7, 'f'), ...many('cancelled', 5, 'c')];
    const planned = [...reports.map((r) => r.requestedPackages[0] as string), 'm1'];
    const out = run(reports, planned, { build: 'failure' });
    expect(out.totals).toEqual({ packages: 15, cells: 15, success: 2, failure: 7, cancelled: 5, missing: 1 });
    expect(out.status).toBe('failure');
    expect(out.message).toBe(
      '2 of 15 packages built; failed: f1, f2, f3, f4, f5 and 2 more; no report: m1; cancelled: c1, c2, c3, c4, c5.',
    );
    expect(out.failed_packages).toEqual(['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'm1']);
    expect(out.missing_packages).toEqual(['m1']);
  });

  it('says "1 of 1 package built." for a single success', () => {
    const out = run(many('success', 1, 's'), ['s1']);
    expect([out.status, out.message]).toEqual(['success', '1 of 1 package built.']);
  });

  it('a missing package alone fails the run', () => {
    const out = run(many('success', 1, 's'), ['s1', 'm'], { build: 'failure' });
    expect([out.status, out.message]).toEqual(['failure', '1 of 2 packages built; no report: m.']);
  });

  it('a cancelled package without failures cancels the run', () => {
    const out = run([...many('success', 1, 's'), ...many('cancelled', 1, 'c')], ['s1', 'c1'], {
      build: 'cancelled',
    });
    expect([out.status, out.message]).toEqual(['cancelled', '1 of 2 packages built; cancelled: c1.']);
  });

  it('a failed plan fails the run even when every row succeeded', () => {
    const out = run(many('success', 1, 's'), ['s1'], { plan: 'failure' });
    expect([out.status, out.message]).toEqual(['failure', '1 of 1 package built.']);
  });

  it('with no rows: cancelled when the build or the plan was cancelled, else failed', () => {
    const none = (build: string, plan = 'success'): [string, string] => {
      const out = run([], [], { build, plan });
      return [out.status, out.message];
    };
    expect(none('cancelled')).toEqual(['cancelled', 'The run was cancelled before any package was built.']);
    expect(none('skipped', 'cancelled')).toEqual([
      'cancelled',
      'The run was cancelled before any package was built.',
    ]);
    expect(none('success')).toEqual(['failure', 'No package was built.']);
    expect(none('skipped', 'failure')).toEqual(['failure', 'The plan failed: no package was built.']);
  });

  it('lists each image of a successful row once, and none of a failed one', () => {
    const reports = [
      report(['a'], [pkg('a', 'success', { image: 'img:1' })]),
      report(['b'], [pkg('b', 'success', { image: 'img:1' })]),
      report(['c'], [pkg('c', 'failure', { image: 'img:2' })]),
      report(['d'], [pkg('d', 'success', { image: 'img:3' })]),
    ];
    expect(run(reports, ['a', 'b', 'c', 'd']).images).toEqual(['img:1', 'img:3']);
  });

  it('carries the run facts from the context and the job results from needs', () => {
    const out = run([], ['a'], { build: 'cancelled' });
    expect(out).toMatchObject({
      schema_version: 2,
      event: 'jetson.run.finished',
      build_id: '77',
      url: RUN,
      web_url: RUN,
      trigger_name: 'Fleet',
      repository: 'acme/fleet',
      ref: 'refs/heads/main',
      sha: 'abc123',
      run_attempt: '2',
      jobs: { plan: 'success', build: 'cancelled' },
    });
  });
});

describe('times', () => {
  it('spans the first start to the last end of the reports used, and adds up their build times', () => {
    const reports = [
      report(['a'], [pkg('a', 'success')], {
        startTime: '2026-05-01T10:00:00.000Z',
        endTime: '2026-05-01T10:20:00.000Z',
        durationSeconds: 10.04,
      }),
      report(['b'], [pkg('b', 'success')], {
        startTime: '2026-05-01T09:59:59.950Z',
        endTime: '2026-05-01T10:05:00.000Z',
        durationSeconds: 0.03,
      }),
      report(['c'], [pkg('c', 'success')], { startTime: 'bad', endTime: 'bad', durationSeconds: Number.NaN }),
    ];
    const out = run(reports, ['a', 'b', 'c']);
    expect(out.created).toBe('2026-05-01T09:59:59.950Z');
    expect(out.completed).toBe('2026-05-01T10:20:00.000Z');
    expect(out.wall_seconds).toBe(1200.1);
    expect(out.build_seconds_sum).toBe(10.1);
  });

  it('uses now when no report has a time, and never shows a negative wall time', () => {
    const noTimes = report(['a'], [pkg('a', 'success')], { startTime: 'x', endTime: 'y' });
    expect(run([noTimes], ['a'])).toMatchObject({
      created: '2026-05-01T12:00:00.000Z',
      completed: '2026-05-01T12:00:00.000Z',
      wall_seconds: 0,
    });
    const endOnly = report(['a'], [pkg('a', 'success')], {
      startTime: 'x',
      endTime: '2026-05-01T10:00:00.000Z',
    });
    expect(run([endOnly], ['a'])).toMatchObject({
      created: '2026-05-01T12:00:00.000Z',
      completed: '2026-05-01T10:00:00.000Z',
      wall_seconds: 0,
    });
  });

  it('counts no time of a report that answered nothing', () => {
    const empty = report([], [], { startTime: '2026-05-01T08:00:00.000Z', durationSeconds: 99 });
    const out = run([empty, report(['a'], [pkg('a', 'success')])], []);
    expect(out.created).toBe('2026-05-01T10:00:00.000Z');
    expect(out.build_seconds_sum).toBe(600);
  });
});

describe('selectPlanned', () => {
  it('keeps what was planned (trimmed) and lists the rest in a line each', () => {
    const reports = [
      report(['a'], []),
      report(['a', 'x'], []),
      report([], [], { attempt: null }),
      report(['y'], [], { attempt: '3' }),
    ];
    const legs = [legRec('la', ['a']), legRec('lax', ['a', 'x']), legRec('empty', [])];
    const s = selectPlanned(reports, legs, [' a ', '']);
    expect(s.reports).toEqual([reports[0]]);
    expect(s.legs.map((l) => l.leg)).toEqual(['la']);
    expect(s.ignored).toEqual([
      'report of a x (attempt 1)',
      'report of (no packages)',
      'report of y (attempt 3)',
      'leg record lax (a x)',
      'leg record empty ()',
    ]);
  });

  it('keeps everything when the planned list is blank', () => {
    const reports = [report(['q'], [])];
    expect(selectPlanned(reports, [legRec('l', ['z'])], [' ', ''])).toEqual({
      reports,
      legs: [legRec('l', ['z'])],
      ignored: [],
    });
  });
});

describe('jobResults', () => {
  it('keeps the string results and skips anything else', () => {
    expect(
      jobResults({
        plan: { result: 'success' },
        build: { result: 'failure', outputs: {} },
        nothing: null,
        noResult: { outputs: {} },
        numeric: { result: 1 },
        text: 'success',
      }),
    ).toEqual({ plan: 'success', build: 'failure' });
    expect(jobResults('{"build":{"result":"success"}}')).toEqual({});
    expect(jobResults(undefined)).toEqual({});
  });
});

describe('parseLegRecord', () => {
  it('reads a record, splitting the package list on any whitespace', () => {
    expect(
      parseLegRecord({
        leg: 'chunk-1',
        packages: ' a  b\tc\n',
        jobUrl: `${RUN}/job/1`,
        runner: 'orin-1',
        setupOutcome: 'success',
        buildOutcome: 'failure',
        runAttempt: '2',
      }),
    ).toEqual({
      leg: 'chunk-1',
      packages: ['a', 'b', 'c'],
      jobUrl: `${RUN}/job/1`,
      runner: 'orin-1',
      setupOutcome: 'success',
      buildOutcome: 'failure',
      runAttempt: '2',
      platform: null,
    });
  });

  it('reads empty or wrongly-typed optional fields as unknown', () => {
    expect(
      parseLegRecord({
        leg: 'l',
        packages: 'a',
        jobUrl: '',
        runner: 5,
        setupOutcome: null,
        buildOutcome: [],
      }),
    ).toEqual({
      leg: 'l',
      packages: ['a'],
      jobUrl: null,
      runner: null,
      setupOutcome: null,
      buildOutcome: null,
      runAttempt: null,
      platform: null,
    });
  });

  it.each([
    null,
    'leg',
    5,
    {},
    { leg: 'l' },
    { packages: 'a' },
    { leg: '', packages: 'a' },
    { leg: 'l', packages: '' },
    { leg: 'l', packages: ['a'] },
  ])('is not a leg record: %j', (value) => {
    expect(parseLegRecord(value)).toBe(null);
  });
});

describe('checkBuildReport', () => {
  const good = (): Record<string, unknown> =>
    JSON.parse(JSON.stringify(report(['a'], [pkg('a', 'success')]))) as Record<string, unknown>;
  const reason = (over: Record<string, unknown>): string | null => {
    const r = checkBuildReport({ ...good(), ...over });
    return r.ok ? null : r.reason;
  };

  it('accepts a report, and one with more fields', () => {
    const value = { ...good(), futureField: true };
    expect(checkBuildReport(value)).toEqual({ ok: true, report: value });
    expect(reason({ status: 'failure', packages: [{ name: 'a', status: 'not-built' }] })).toBe(null);
    expect(reason({ status: 'cancelled', requestedPackages: [] })).toBe(null);
  });

  it.each([
    [{ schemaVersion: 3 }, 'unsupported schemaVersion 3'],
    [{ schemaVersion: '1' }, 'unsupported schemaVersion "1"'],
    [{ schemaVersion: undefined }, 'unsupported schemaVersion undefined'],
    [{ status: 'ok' }, 'invalid status "ok"'],
    [{ status: 3 }, 'invalid status 3'],
    [{ status: 'not-built' }, 'invalid status "not-built"'],
    [{ requestedPackages: 'a' }, 'requestedPackages is not a list of names'],
    [{ requestedPackages: ['a', 2] }, 'requestedPackages is not a list of names'],
    [{ packages: {} }, 'packages is not a list'],
    [{ packages: [{ name: 'a', status: 'success' }, null] }, 'packages[1] is not an object'],
    [{ packages: ['a'] }, 'packages[0] is not an object'],
    [{ packages: [{ status: 'success' }] }, 'packages[0].name is missing'],
    [{ packages: [{ name: '', status: 'success' }] }, 'packages[0].name is missing'],
    [{ packages: [{ name: 'a', status: 'skipped' }] }, 'packages[0].status is invalid'],
    [{ packages: [{ name: 'a' }] }, 'packages[0].status is invalid'],
    [{ startTime: null }, 'startTime is missing'],
    [{ endTime: 5 }, 'endTime is missing'],
  ])('%j: %s', (over, expected) => {
    expect(reason(over)).toBe(expected);
  });

  it.each([
    [null, 'not a JSON object'],
    ['report', 'not a JSON object'],
    [[], 'not a JSON object'],
    [0, 'not a JSON object'],
  ])('%j is not a JSON object', (value, expected) => {
    expect(checkBuildReport(value)).toEqual({ ok: false, reason: expected });
  });
});

describe('reports that lack optional parts', () => {
  it('still give a row, linked to the run, when a report has no run, logs, runner or lists', () => {
    const bare = {
      ...report(['a'], [pkg('a', 'success')]),
      run: undefined,
      logs: undefined,
      runner: undefined,
    } as unknown as BuildReport;
    expect(only(run([bare], ['a']))).toMatchObject({ name: 'a', log_url: RUN, web_url: RUN, host_tag: null });
    const noLists = {
      ...report([], []),
      status: 'failure',
      requestedPackages: undefined,
      packages: undefined,
    } as unknown as BuildReport;
    expect(run([noLists], [])).toMatchObject({
      runs: [],
      status: 'failure',
      message: 'No package was built.',
    });
    expect(selectPlanned([noLists], [], ['a']).ignored).toEqual(['report of (no packages) (attempt 1)']);
  });

  it('links the last of several leg records that carry no attempt, for a report without one', () => {
    const legs = [
      legRec('x', ['a'], { runAttempt: null, jobUrl: `${RUN}/job/x` }),
      legRec('y', ['a'], { runAttempt: null, jobUrl: `${RUN}/job/y` }),
    ];
    expect(
      only(run([report(['a'], [pkg('a', 'success')], { attempt: null })], ['a'], { legs })).web_url,
    ).toBe(`${RUN}/job/y`);
  });

  it('links the leg record of a chunk that holds any of the requested packages', () => {
    const legs = [legRec('chunk', ['b'])];
    expect(
      run([report(['a', 'b'], [pkg('a', 'success'), pkg('b', 'success')])], ['a', 'b'], { legs }).runs,
    ).toMatchObject([
      { name: 'a', leg: 'chunk' },
      { name: 'b', leg: 'chunk' },
    ]);
  });

  it('reads a needs list as no job results', () => {
    expect(jobResults([{ result: 'success' }])).toEqual({});
  });
});

describe('row order with unreported packages', () => {
  it('shows a missing package at its place in the plan, between reported ones', () => {
    const reports = [report(['c'], [pkg('c', 'success')]), report(['a'], [pkg('a', 'success')])];
    expect(
      run(reports, ['a', 'm', 'c', 'n'], { build: 'failure' }).runs.map((r) => [r.name, r.status]),
    ).toEqual([
      ['a', 'success'],
      ['m', 'missing'],
      ['c', 'success'],
      ['n', 'missing'],
    ]);
  });

  it('lists an unplanned report without a run context with no attempt', () => {
    const bare = { ...report(['zz'], []), run: undefined } as unknown as BuildReport;
    expect(selectPlanned([bare], [], ['a']).ignored).toEqual(['report of zz']);
  });
});

describe('re-runs of reports that lack a run context', () => {
  it('count a report without a run context as the oldest attempt', () => {
    const noRun = {
      ...report(['a'], [pkg('a', 'failure')], { endTime: '2026-05-01T11:00:00.000Z' }),
      run: undefined,
    } as unknown as BuildReport;
    const attempt1 = report(['a'], [pkg('a', 'success')]);
    expect(only(run([noRun, attempt1], ['a'])).status).toBe('success');
    expect(only(run([attempt1, noRun], ['a'])).status).toBe('success');
  });
});
