// RunReports of a packages × platforms grid written out directly (as the contract in src/report/run-report.ts
// has them), for the renderers' tests: the 10 × 3 grid of test/support/grid.ts with every cell state, and
// scaled grids for the limits. Independent of buildRunReport, so a rendering test fails for its renderer only.
import type { RunPlatform, RunReport, RunRow, RunRowStatus } from '../../src/report/run-report.js';
import {
  GRID_MISMATCH,
  GRID_PACKAGES,
  GRID_RUN_URL,
  GRID_STATES,
  gridEnvironment,
  gridJobUrl,
  gridLegName,
  gridPlatforms,
  scaledPlatforms,
  type GridCellState,
} from '../support/grid.js';

function environmentOf(platform: string): RunPlatform['environment'] {
  const e = gridEnvironment(platform);
  return {
    l4t: e.L4T_VERSION ?? null,
    jetpack: e.JETPACK_VERSION ?? null,
    cuda: e.CUDA_VERSION ?? null,
    arch: e.SYSTEM_ARCH ?? null,
  };
}

const BUILD_ERROR = (stage: string): string =>
  `ERROR: failed to solve: process "/bin/sh -c /tmp/${stage}/install.sh" did not complete successfully: exit code: 1`;

/** The row of one cell in the state the fixture gave it. */
export function cellRow(pkg: string, platform: string, state: GridCellState, i = 0): RunRow {
  const leg = gridLegName(platform, [pkg]);
  const row: RunRow = {
    name: pkg,
    status: 'success',
    requested: pkg,
    reason: null,
    image: `${pkg}:r36.4.tegra-aarch64-cu126-22.04`,
    pushed_image: null,
    duration_seconds: 600 + i,
    failure: null,
    log_url: `${GRID_RUN_URL}/artifacts/${5000 + i}`,
    web_url: gridJobUrl(leg),
    created: '2026-11-20T12:00:00.000Z',
    completed: '2026-11-20T12:10:00.000Z',
    host_tag: `runner-${platform}`,
    leg,
    platform,
    environment: environmentOf(platform),
    platform_mismatch: null,
    change: null,
  };
  const failed = (status: RunRowStatus, over: Partial<RunRow>): RunRow => ({
    ...row,
    status,
    image: null,
    duration_seconds: null,
    ...over,
  });
  switch (state) {
    case 'build-failure':
    case 'test-failure': {
      const phase = state === 'build-failure' ? 'build' : 'test';
      const error =
        phase === 'test'
          ? `AssertionError: ${pkg} test_cuda.py: torch.cuda.is_available() returned False`
          : BUILD_ERROR(pkg);
      return failed('failure', {
        failure: {
          stage: pkg,
          phase,
          error,
          excerpt: [`#7 [3/4] RUN /tmp/${pkg}/install.sh`, '#7 ERROR: exit code: 1', error],
        },
      });
    }
    case 'cancelled':
      return failed('cancelled', { reason: 'the leg was cancelled before this package finished' });
    case 'not-built':
      return failed('cancelled', { reason: 'not built: the leg stopped before reaching it' });
    case 'missing':
      return failed('missing', {
        reason: 'no report: the runner was lost, the job timed out, or the report could not be uploaded',
        web_url: GRID_RUN_URL,
        log_url: GRID_RUN_URL,
        environment: null,
        leg: null,
        host_tag: null,
      });
    case 'setup-failure':
      return failed('failure', {
        reason: 'the setup step failed before the build started',
        failure: { stage: null, phase: 'setup', error: 'setup step failed', excerpt: [] },
        environment: null,
      });
    case 'timeout':
      return failed('failure', {
        reason: 'timed out: the build step reached timeout-minutes',
        failure: {
          stage: 'cudnn',
          phase: 'build',
          error: 'Cancelled: the runner sent SIGINT; the build was stopped.',
          excerpt: ['#9 [5/12] RUN /tmp/cudnn/install.sh', '^C'],
        },
      });
    case 'mismatch':
      return {
        ...row,
        platform_mismatch: GRID_MISMATCH,
        environment: { l4t: '36.4.0', jetpack: '6.1', cuda: '12.6', arch: 'aarch64' },
      };
    default:
      return row;
  }
}

/** A RunReport of `rows` on `platforms`, totals and lists worked out as the contract says. */
export function gridReport(platforms: { name: string }[], rows: RunRow[]): RunReport {
  const totals = {
    packages: new Set(rows.map((r) => r.name)).size,
    cells: rows.length,
    success: 0,
    failure: 0,
    cancelled: 0,
    missing: 0,
  };
  for (const r of rows) totals[r.status] += 1;
  const failedRows = rows.filter((r) => r.status === 'failure' || r.status === 'missing');
  const status = failedRows.length > 0 ? 'failure' : totals.cancelled > 0 ? 'cancelled' : 'success';
  return {
    schema_version: 2,
    event: 'jetson.run.finished',
    build_id: '987654321',
    url: GRID_RUN_URL,
    web_url: GRID_RUN_URL,
    status,
    message: `${totals.success} of ${totals.cells} builds succeeded.`,
    trigger_name: 'Build on the Jetson fleet',
    repository: 'acme/jetson-images',
    ref: 'refs/heads/main',
    sha: '0123456789abcdef0123456789abcdef01234567',
    run_attempt: '1',
    created: '2026-11-20T12:00:00.000Z',
    completed: '2026-11-20T14:00:00.000Z',
    wall_seconds: 7200,
    build_seconds_sum: 18000,
    totals,
    platforms: platforms.map((p) => ({
      name: p.name,
      labels: ['self-hosted', p.name],
      environment: environmentOf(p.name),
    })),
    failed: failedRows.map((r) => ({ package: r.name, platform: r.platform })),
    failed_packages: [...new Set(failedRows.map((r) => r.name))],
    missing_packages: [...new Set(rows.filter((r) => r.status === 'missing').map((r) => r.name))],
    images: rows.flatMap((r) => (r.status === 'success' && r.image ? [r.image] : [])),
    jobs: { plan: 'success', build: status === 'success' ? 'success' : 'failure' },
    runs: rows,
  };
}

/**
 * The 10 × 3 grid with every cell state (see test/support/grid.ts), torchvision on jp5-xavier newly broken
 * and pytorch:2.8 on jp6-orin fixed since the last run.
 */
export function grid10x3(): RunReport {
  const platforms = gridPlatforms();
  let i = 0;
  const rows = GRID_PACKAGES.flatMap((pkg) =>
    platforms.map((pl) => cellRow(pkg, pl.name, GRID_STATES[`${pkg}@${pl.name}`] ?? 'success', i++)),
  );
  for (const r of rows) {
    if (r.name === 'torchvision' && r.platform === 'jp5-xavier') r.change = 'broken';
    if (r.name === 'pytorch:2.8' && r.platform === 'jp6-orin') r.change = 'fixed';
    if (r.status === 'success' && r.change === null) r.change = 'same';
  }
  return gridReport(platforms, rows);
}

/**
 * `packages × platforms` cells with long-ish names; every `failEvery`-th cell fails its build with a 40-line
 * excerpt of 200-character lines (0: none fail).
 */
export function scaledGrid(packages: number, platforms: number, failEvery = 7): RunReport {
  const pls = scaledPlatforms(platforms);
  const rows: RunRow[] = [];
  for (let p = 0; p < packages; p++) {
    const pkg = `l4t-package-with-a-long-name-${String(p).padStart(3, '0')}:r36.4`;
    pls.forEach((pl, c) => {
      const cell = p * pls.length + c;
      const failed = failEvery > 0 && cell % failEvery === failEvery - 1;
      const row = cellRow(pkg, pl.name, failed ? 'build-failure' : 'success', cell);
      // Job URLs as GitHub writes them: the longest part of a linked cell.
      row.web_url = `${GRID_RUN_URL}/job/${50_000_000_000 + cell}`;
      if (row.failure) {
        row.failure.excerpt = Array.from({ length: 40 }, (_, k) => `#${k} ${pkg}: ${'y'.repeat(200)}`);
      }
      rows.push(row);
    });
  }
  return gridReport(pls, rows);
}
