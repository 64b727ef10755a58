// A packages × platforms fleet run as the `summarize` step sees it: the BuildReports and leg records of a
// 10 × 3 grid holding every cell state, and a scaled grid (n × m, one leg per cell) for limits and speed.
// Every function returns fresh objects, so a test may mutate what it gets.
//
// The 10 × 3 grid (platforms jp6-orin, jp5-xavier, x86-desktop; `needs.build` = failure):
//   numpy              ✅ ✅ ✅
//   pytorch:2.8        ✅ ✅ ❌ test (stage pytorch:2.8 9/9, test_cuda.py)
//   torchvision        ✅ ❌ build (stage torchvision 9/9) ✅
//   ros:humble-desktop ✅ ⏹ cancelled (leg cancelled) ✅
//   opencv             ✅ ✅ ❌ build (stage opencv 4/4)          } one `--multiple` leg per platform: on
//   cmake              ✅ ✅ ⏹ not-built after opencv failed      } x86-desktop cmake is never reached
//   onnxruntime        ✅ ❔ missing (no leg record, no report) ✅
//   tensorrt           ✅ ✅ ❌ setup (leg record only: the setup step failed)
//   l4t-ml             ❌ timeout (build step hit timeout-minutes) ✅ ✅
//   transformers       ✅ ✅ (ran on an L4T 36.4.0 / JetPack 6.1 runner: platform mismatch) ✅
import type {
  BuildReport,
  EnvironmentInfo,
  FailurePoint,
  PackageResult,
  PlatformFacts,
} from '../../src/report/build-report.js';
import type { LegRecord, RunReportInput, RunRowStatus } from '../../src/report/run-report.js';
import { successChainWithPush } from './reports.js';

export const GRID_RUN_URL = 'https://github.com/acme/jetson-images/actions/runs/987654321';

export interface GridPlatform {
  name: string;
  labels: string[];
}

/** The planned platforms (the plan's `platforms` output), in order: the grid's columns. */
export function gridPlatforms(): GridPlatform[] {
  return [
    { name: 'jp6-orin', labels: ['self-hosted', 'jetson', 'orin', 'jp6'] },
    { name: 'jp5-xavier', labels: ['self-hosted', 'jetson', 'xavier', 'jp5'] },
    { name: 'x86-desktop', labels: ['self-hosted', 'linux', 'x64', 'cuda'] },
  ];
}

/** The planned packages (the plan's `packages` output), in order: the grid's rows. */
export const GRID_PACKAGES: readonly string[] = [
  'numpy',
  'pytorch:2.8',
  'torchvision',
  'ros:humble-desktop',
  'opencv',
  'cmake',
  'onnxruntime',
  'tensorrt',
  'l4t-ml',
  'transformers',
];

/** What happened in a cell, as the fixture made it (not what the RunReport calls it). */
export type GridCellState =
  | 'success'
  | 'build-failure'
  | 'test-failure'
  | 'cancelled'
  | 'not-built'
  | 'missing'
  | 'setup-failure'
  | 'timeout'
  | 'mismatch';

/** The state of every cell of the 10 × 3 grid, keyed `package@platform`. */
export const GRID_STATES: Readonly<Record<string, GridCellState>> = Object.fromEntries(
  GRID_PACKAGES.flatMap((p) =>
    gridPlatforms().map((pl) => [`${p}@${pl.name}`, 'success' as GridCellState]),
  ).concat([
    ['pytorch:2.8@x86-desktop', 'test-failure'],
    ['torchvision@jp5-xavier', 'build-failure'],
    ['ros:humble-desktop@jp5-xavier', 'cancelled'],
    ['opencv@x86-desktop', 'build-failure'],
    ['cmake@x86-desktop', 'not-built'],
    ['onnxruntime@jp5-xavier', 'missing'],
    ['tensorrt@x86-desktop', 'setup-failure'],
    ['l4t-ml@jp6-orin', 'timeout'],
    ['transformers@jp5-xavier', 'mismatch'],
  ]),
);

/** The status each state gets in the RunReport. */
export const GRID_STATUS_OF: Readonly<Record<GridCellState, RunRowStatus>> = {
  success: 'success',
  'build-failure': 'failure',
  'test-failure': 'failure',
  cancelled: 'cancelled',
  'not-built': 'cancelled',
  missing: 'missing',
  'setup-failure': 'failure',
  timeout: 'failure',
  mismatch: 'success',
};

/** The environment each platform's runners report (as BuildReport.environment has it). */
export function gridEnvironment(platform: string): EnvironmentInfo {
  switch (platform) {
    case 'jp5-xavier':
      return {
        L4T_VERSION: '35.4.1',
        JETPACK_VERSION: '5.1.2',
        CUDA_VERSION: '11.4',
        PYTHON_VERSION: '3.8',
        SYSTEM_ARCH: 'aarch64',
        LSB_RELEASE: '20.04',
        CUDA_ARCH: 'tegra-aarch64',
        source: 'console',
      };
    case 'jp7-thor':
      return {
        L4T_VERSION: '38.2.0',
        JETPACK_VERSION: '7.0',
        CUDA_VERSION: '13.0',
        PYTHON_VERSION: '3.12',
        SYSTEM_ARCH: 'aarch64',
        LSB_RELEASE: '24.04',
        CUDA_ARCH: 'aarch64',
        source: 'console',
      };
    case 'jp4-nano':
      return {
        L4T_VERSION: '32.7.4',
        JETPACK_VERSION: '4.6.4',
        CUDA_VERSION: '10.2',
        PYTHON_VERSION: '3.6',
        SYSTEM_ARCH: 'aarch64',
        LSB_RELEASE: '18.04',
        CUDA_ARCH: 'tegra-aarch64',
        source: 'console',
      };
    case 'x86-desktop':
      // No nv_tegra_release on a desktop: no L4T, no JetPack.
      return {
        CUDA_VERSION: '12.8',
        PYTHON_VERSION: '3.12',
        SYSTEM_ARCH: 'x86_64',
        LSB_RELEASE: '24.04',
        CUDA_ARCH: 'x86_64',
        source: 'console',
      };
    default:
      // jp6-orin, jp6-orin-nano and the numbered jp6-orin-N of a scaled grid.
      return {
        L4T_VERSION: '36.4.4',
        JETPACK_VERSION: '6.2.1',
        CUDA_VERSION: '12.6',
        PYTHON_VERSION: '3.10',
        SYSTEM_ARCH: 'aarch64',
        LSB_RELEASE: '22.04',
        CUDA_ARCH: 'tegra-aarch64',
        source: 'console',
      };
  }
}

/** The environment of the runner that picked up transformers@jp5-xavier: a JetPack 6 board with jp5 labels. */
export function mismatchEnvironment(): EnvironmentInfo {
  return { ...gridEnvironment('jp6-orin'), L4T_VERSION: '36.4.0', JETPACK_VERSION: '6.1' };
}

export const GRID_MISMATCH =
  'jp5-xavier promises JetPack 5 (L4T R35), but the runner has L4T 36.4.0 (JetPack 6.1)';

/** What each platform's name promises (BuildReport.platform as the action writes it). */
function facts(platform: string, mismatch: string | null = null): PlatformFacts {
  const l4t: Record<string, string> = { '4': '32', '5': '35', '6': '36', '7': '38' };
  const jetpack = /^jp(\d)-/.exec(platform)?.[1] ?? null;
  const expected: PlatformFacts['expected'] = platform.startsWith('x86')
    ? { jetpack: null, l4t: null, arch: 'x86_64' }
    : { jetpack, l4t: jetpack ? (l4t[jetpack] ?? null) : null, arch: 'aarch64' };
  return { name: platform, expected, mismatch };
}

const RUNNERS: Record<string, string> = {
  'jp6-orin': 'orin-agx-01',
  'jp5-xavier': 'xavier-nx-02',
  'x86-desktop': 'desktop-4090',
};

/** The matrix leg slug of a cell (`jp6-orin--torchvision`), as the plan makes them. */
export function gridLegName(platform: string, packages: string[]): string {
  return `${platform}--${packages.map((p) => p.replace(/[^A-Za-z0-9._-]+/g, '-')).join('-')}`;
}

/** The packages of each leg of one platform: opencv and cmake share a `--multiple` leg. */
function legGroups(packages: readonly string[]): string[][] {
  const groups: string[][] = [];
  for (const p of packages) {
    if (p === 'cmake' && groups.at(-1)?.[0] === 'opencv') groups.at(-1)!.push(p);
    else groups.push([p]);
  }
  return groups;
}

let jobCounter = 0;

export function gridJobUrl(legName: string): string {
  return `${GRID_RUN_URL}/job/${legName}`;
}

function legRecord(platform: string, packages: string[], over: Partial<LegRecord> = {}): LegRecord {
  const leg = gridLegName(platform, packages);
  return {
    leg,
    packages: [...packages],
    jobUrl: gridJobUrl(leg),
    runner: RUNNERS[platform] ?? `runner-${platform}`,
    setupOutcome: 'skipped',
    buildOutcome: 'success',
    runAttempt: '1',
    platform,
    ...over,
  };
}

function tagOf(platform: string): string {
  if (platform === 'jp5-xavier') return 'r35.4.tegra-aarch64-cu114-20.04';
  if (platform === 'x86-desktop') return 'amd64-cu128-24.04';
  return 'r36.4.tegra-aarch64-cu126-22.04';
}

function failurePoint(
  pkg: string,
  stage: string,
  index: number,
  count: number,
  phase: 'build' | 'test',
): FailurePoint {
  const error =
    phase === 'test'
      ? `AssertionError: ${pkg} test_cuda.py: torch.cuda.is_available() returned False`
      : `ERROR: failed to solve: process "/bin/sh -c /tmp/${stage}/install.sh" did not complete successfully: exit code: 1`;
  return {
    stage,
    stageIndex: index,
    stageCount: count,
    phase,
    error,
    excerpt: [
      phase === 'test' ? `testing ${pkg}...` : `#7 [3/4] RUN /tmp/${stage}/install.sh`,
      `#7 41.2 building ${stage} (${index}/${count})`,
      phase === 'test' ? 'Traceback (most recent call last):' : '#7 ERROR: exit code: 1',
      error,
      `Failed building:  ${pkg}`,
    ],
    logFile: `/home/runner/_work/jc-logs/${phase}/${String(index).padStart(2, '0')}o${count}_${stage}.txt`,
  };
}

interface CellPlan {
  state: GridCellState;
  pkg: string;
}

/** One package result of a report, by the cell's state. */
function packageResult(platform: string, cell: CellPlan, seconds: number): PackageResult {
  const image = `${cell.pkg}:${tagOf(platform)}`;
  const ok = { name: cell.pkg, image, pushedImage: null, durationSeconds: seconds, failure: null };
  switch (cell.state) {
    case 'build-failure':
      return {
        ...ok,
        status: 'failure',
        image: null,
        failure: failurePoint(
          cell.pkg,
          cell.pkg,
          cell.pkg === 'opencv' ? 4 : 9,
          cell.pkg === 'opencv' ? 4 : 9,
          'build',
        ),
      };
    case 'test-failure':
      return { ...ok, status: 'failure', failure: failurePoint(cell.pkg, cell.pkg, 9, 9, 'test') };
    case 'cancelled':
    case 'timeout':
      return {
        ...ok,
        status: 'cancelled',
        image: null,
        failure: {
          stage: 'cudnn',
          stageIndex: 5,
          stageCount: 12,
          phase: 'build',
          error: 'Cancelled: the runner sent SIGINT; the build was stopped.',
          excerpt: ['#9 [5/12] RUN /tmp/cudnn/install.sh', '^C'],
          logFile: null,
        },
      };
    case 'not-built':
      return { ...ok, status: 'not-built', image: null, durationSeconds: null };
    default:
      return { ...ok, status: 'success' };
  }
}

/** The report of one leg: its packages' results, on its platform, started `minute` minutes into the run. */
function legReport(platform: string, cells: CellPlan[], minute: number, withFacts: boolean): BuildReport {
  const base = successChainWithPush();
  const packages = cells.map((c, i) => packageResult(platform, c, 600 + 60 * i + minute));
  const status = packages.some((p) => p.status === 'failure')
    ? 'failure'
    : packages.some((p) => p.status === 'cancelled')
      ? 'cancelled'
      : 'success';
  const start = new Date(Date.parse('2026-11-20T12:00:00.000Z') + minute * 60_000);
  const duration = packages.reduce((s, p) => s + (p.durationSeconds ?? 0), 0);
  const mismatch = cells.some((c) => c.state === 'mismatch');
  const legName = gridLegName(
    platform,
    cells.map((c) => c.pkg),
  );
  const artifact = `${GRID_RUN_URL}/artifacts/${5000 + ++jobCounter}`;
  const failure = packages.find((p) => p.failure)?.failure ?? null;
  const multiple = cells.length > 1;
  const argv = [
    'jetson-containers',
    'build',
    ...(multiple ? ['--multiple'] : []),
    ...cells.map((c) => c.pkg),
  ];
  return {
    ...base,
    schemaVersion: 2,
    status,
    message: `${status} on ${platform}`,
    exitCode: status === 'success' ? 0 : status === 'cancelled' ? 130 : 1,
    signal: status === 'cancelled' ? 'SIGINT' : null,
    requestedPackages: cells.map((c) => c.pkg),
    packages,
    failedPackages: packages.filter((p) => p.status === 'failure').map((p) => p.name),
    images: packages.flatMap((p) => (p.status === 'success' && p.image ? [p.image] : [])),
    stages: [],
    environment: mismatch ? mismatchEnvironment() : gridEnvironment(platform),
    command: { argv, display: argv.join(' ') },
    startTime: start.toISOString(),
    endTime: new Date(start.getTime() + duration * 1000).toISOString(),
    durationSeconds: duration,
    toolBuildSeconds: null,
    failure: failure ? { ...failure, excerpt: [...failure.excerpt] } : null,
    runner: {
      name: RUNNERS[platform] ?? null,
      os: 'Linux',
      arch: platform === 'x86-desktop' ? 'X64' : 'ARM64',
      labels: gridPlatforms().find((p) => p.name === platform)?.labels ?? [],
    },
    run: {
      ...base.run,
      workflow: 'Build on the Jetson fleet',
      job: 'build',
      runId: '987654321',
      runAttempt: '1',
      runUrl: GRID_RUN_URL,
      jobUrl: gridJobUrl(legName),
    },
    logs: {
      ...base.logs,
      artifactName: `jetson-build-logs-${legName}`,
      artifactUrl: artifact,
      url: artifact,
    },
    options: { multiple, skipErrors: false, name: null, push: null },
    ...(withFacts ? { platform: facts(platform, mismatch ? GRID_MISMATCH : null) } : {}),
  };
}

export interface GridOptions {
  /**
   * Write `platform` into each report, as the action does (default). Without it the RunReport takes each
   * report's platform from its leg record and works the mismatch out itself (reports of earlier versions).
   */
  platformFacts?: boolean;
}

/**
 * The `buildRunReport` input of the 10 × 3 grid: reports and leg records in no particular order (the
 * artifacts' order), planned packages and platforms, `needs.build` failure, fail-fast off.
 */
export function gridInput(options: GridOptions = {}): RunReportInput {
  const withFacts = options.platformFacts !== false;
  jobCounter = 0;
  const reports: BuildReport[] = [];
  const legs: LegRecord[] = [];
  gridPlatforms().forEach((pl, column) => {
    legGroups(GRID_PACKAGES).forEach((group, row) => {
      const cells = group.map((pkg) => ({ pkg, state: GRID_STATES[`${pkg}@${pl.name}`] ?? 'success' }));
      const state = cells[0]!.state;
      if (state === 'missing') return; // lost runner: neither a report nor a leg record
      if (state === 'setup-failure') {
        legs.push(legRecord(pl.name, group, { setupOutcome: 'failure', buildOutcome: 'skipped' }));
        return;
      }
      const buildOutcome = cells.some((c) => c.state === 'timeout')
        ? 'failure' // the step timed out: the runner sends SIGINT, the step fails
        : cells.some((c) => c.state === 'cancelled')
          ? 'cancelled'
          : cells.some((c) => c.state.endsWith('failure'))
            ? 'failure'
            : 'success';
      legs.push(legRecord(pl.name, group, { buildOutcome }));
      reports.push(legReport(pl.name, cells, row * 3 + column, withFacts));
    });
  });
  return {
    // Artifacts arrive in name order, not plan order.
    reports: reports.reverse(),
    legs: legs.reverse(),
    planned: [...GRID_PACKAGES],
    platforms: gridPlatforms(),
    needs: { plan: { result: 'success', outputs: {} }, build: { result: 'failure', outputs: {} } },
    context: {
      serverUrl: 'https://github.com',
      repository: 'acme/jetson-images',
      ref: 'refs/heads/main',
      sha: '0123456789abcdef0123456789abcdef01234567',
      workflow: 'Build on the Jetson fleet',
      job: 'summarize',
      runId: '987654321',
      runAttempt: '1',
      runUrl: GRID_RUN_URL,
      matrix: null,
    },
    now: new Date('2026-11-20T14:00:00.000Z'),
  };
}

export interface ScaledGridOptions {
  packages: number;
  platforms: number;
  /** Every `failEvery`-th cell (row order) fails its build with a 40-line excerpt of long lines; 0: none. */
  failEvery?: number;
  /** Length of each failure's excerpt lines (default 200). */
  lineLength?: number;
}

const SCALED_PLATFORMS = ['jp6-orin', 'jp5-xavier', 'x86-desktop', 'jp7-thor', 'jp6-orin-nano', 'jp4-nano'];

/** The platforms of a scaled grid: the 10 × 3 ones, then jp7-thor, jp6-orin-nano, jp4-nano, jp6-orin-6 …. */
export function scaledPlatforms(count: number): GridPlatform[] {
  return Array.from({ length: count }, (_, i) => {
    const name = SCALED_PLATFORMS[i] ?? `jp6-orin-${i}`;
    return { name, labels: ['self-hosted', 'jetson', ...name.split('-')] };
  });
}

/** A `packages × platforms` grid, one leg (and report) per cell: `pkg-000` … in plan order. */
export function scaledGridInput(options: ScaledGridOptions): RunReportInput {
  const platforms = scaledPlatforms(options.platforms);
  const names = Array.from({ length: options.packages }, (_, i) => `pkg-${String(i).padStart(3, '0')}`);
  const failEvery = options.failEvery ?? 7;
  const line = 'y'.repeat(options.lineLength ?? 200);
  const reports: BuildReport[] = [];
  const legs: LegRecord[] = [];
  jobCounter = 0;
  names.forEach((pkg, row) => {
    platforms.forEach((pl, column) => {
      const cell = row * platforms.length + column;
      const failed = failEvery > 0 && cell % failEvery === failEvery - 1;
      const report = legReport(
        pl.name,
        [{ pkg, state: failed ? 'build-failure' : 'success' }],
        cell % 600,
        true,
      );
      if (failed) {
        const f = report.packages[0]!.failure!;
        f.excerpt = Array.from({ length: 40 }, (_, k) => `#${k} ${pkg} on ${pl.name}: ${line}`);
        report.failure = { ...f, excerpt: [...f.excerpt] };
      }
      reports.push(report);
      legs.push(legRecord(pl.name, [pkg], { buildOutcome: failed ? 'failure' : 'success' }));
    });
  });
  const base = gridInput();
  return {
    ...base,
    reports: reports.reverse(),
    legs: legs.reverse(),
    planned: names,
    platforms,
    needs: {
      plan: { result: 'success', outputs: {} },
      build: { result: failEvery > 0 ? 'failure' : 'success', outputs: {} },
    },
  };
}
