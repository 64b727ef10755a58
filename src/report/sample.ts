// A realistic BuildReport that no build produced: what `dry-run` renders and `test-notification` sends when
// there is no report to show. It reads like a real --multiple build on a Jetson Orin (JetPack 6): every
// package but the last built, the last failed in its final stage with a short docker excerpt.
import {
  REPORT_SCHEMA_VERSION,
  type BuildReport,
  type FailurePoint,
  type PackageResult,
  type RunContext,
  type RunnerInfo,
  type StageRecord,
} from './build-report.js';

/** The packages of the sample when the workflow names none (`packages` may be empty in a trial). */
export const SAMPLE_PACKAGES: readonly string[] = ['pytorch:2.8', 'torchvision'];

/** The tag suffix jetson-containers gives images on L4T r36.4 (JetPack 6.2.1), CUDA 12.6, Ubuntu 22.04. */
const IMAGE_SUFFIX = 'r36.4.tegra-aarch64-cu126-22.04';
/** The chain every package of the sample is built on; the package itself is the last stage. */
const BASE_CHAIN = ['build-essential', 'pip_cache', 'cuda', 'cudnn', 'python', 'numpy', 'cmake', 'onnx'];
/** Build times of the packages that built, in order (then repeated): hours-long like real Jetson builds. */
const BUILT_SECONDS = [2712, 1484, 963, 2210];
const FAILED_SECONDS = 1187;

export interface SampleInput {
  /** The requested packages; empty → SAMPLE_PACKAGES. */
  packages: readonly string[];
  run: RunContext;
  runner: RunnerInfo;
  /** When the sample build "ended". */
  end: Date;
  /** Where its logs would be (the files do not exist). */
  logDir: string;
  /** Put before the build's own sentence, e.g. the test-notification marker. */
  headline?: string;
}

/** `pytorch:2.8` → `pytorch:2.8-r36.4…`, `numpy` → `numpy:r36.4…`: how the tool tags its images. */
export function sampleImage(pkg: string): string {
  return pkg.includes(':') ? `${pkg}-${IMAGE_SUFFIX}` : `${pkg}:${IMAGE_SUFFIX}`;
}

function stageName(pkg: string): string {
  return pkg.split(':')[0] ?? pkg;
}

function quote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function failurePoint(pkg: string, logDir: string): FailurePoint {
  const stage = stageName(pkg);
  const count = BASE_CHAIN.length + 1;
  const cmd = `process "/bin/sh -c /tmp/${stage}/install.sh" did not complete successfully: exit code: 1`;
  const error = `ERROR: failed to solve: ${cmd}`;
  return {
    stage,
    stageIndex: count,
    stageCount: count,
    phase: 'build',
    error,
    excerpt: [
      `#14 1160.2 Building wheel for ${stage} (setup.py): finished with status 'error'`,
      `#14 1187.9 error: command '/usr/local/cuda/bin/nvcc' failed with exit code 1`,
      `#14 ERROR: ${cmd}`,
      error,
    ],
    logFile: `${logDir}/build/${String(count).padStart(2, '0')}o${count}_${stage}_${IMAGE_SUFFIX}-${stage}.txt`,
  };
}

/** The failing package's chain: every base stage built, its own stage failed. */
function stagesOf(pkg: string, start: Date, seconds: number): StageRecord[] {
  const names = [...BASE_CHAIN, stageName(pkg)];
  const each = Math.floor(seconds / names.length);
  return names.map((name, i) => ({
    target: pkg,
    name,
    image: `${stageName(pkg)}:${IMAGE_SUFFIX}-${name}`,
    index: i + 1,
    total: names.length,
    phase: 'build',
    status: i === names.length - 1 ? 'failure' : 'success',
    startTime: new Date(start.getTime() + i * each * 1000).toISOString(),
    durationSeconds: each,
  }));
}

function packagesOf(requested: readonly string[], logDir: string): PackageResult[] {
  const last = requested.length - 1;
  return requested.map((name, i) =>
    i === last
      ? {
          name,
          status: 'failure',
          image: null,
          pushedImage: null,
          durationSeconds: FAILED_SECONDS,
          failure: failurePoint(name, logDir),
        }
      : {
          name,
          status: 'success',
          image: sampleImage(name),
          pushedImage: null,
          durationSeconds: BUILT_SECONDS[i % BUILT_SECONDS.length] as number,
          failure: null,
        },
  );
}

/** The sentence the status rules would write for this outcome (see jetson/outcome.ts). */
function sentence(packages: PackageResult[], f: FailurePoint): string {
  const failed = packages[packages.length - 1] as PackageResult;
  const clause = `${failed.name} failed in stage ${f.stage} (build ${f.stageIndex}/${f.stageCount}): ${f.error}`;
  if (packages.length === 1) return `${clause}.`;
  return `${packages.length - 1} of ${packages.length} packages built; ${clause}.`;
}

/** A failed sample build of `packages` (the last one fails), ended at `end`, with the given run context. */
export function sampleReport(input: SampleInput): BuildReport {
  const requested = input.packages.length > 0 ? [...input.packages] : [...SAMPLE_PACKAGES];
  const multiple = requested.length > 1;
  const packages = packagesOf(requested, input.logDir);
  const failed = packages[packages.length - 1] as PackageResult;
  const failure = failed.failure as FailurePoint;
  const seconds = packages.reduce((n, p) => n + (p.durationSeconds ?? 0), 0);
  const start = new Date(input.end.getTime() - seconds * 1000);
  const failedStart = new Date(input.end.getTime() - FAILED_SECONDS * 1000);
  const argv = [
    'jetson-containers',
    'build',
    ...(multiple ? ['--multiple', '--skip-errors'] : []),
    `--logs=${input.logDir}`,
    ...requested,
  ];
  const own = sentence(packages, failure);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    status: 'failure',
    message: input.headline ? `${input.headline}. ${own}` : own,
    exitCode: 1,
    signal: null,
    requestedPackages: requested,
    packages,
    failedPackages: [failed.name],
    images: packages.flatMap((p) => (p.image ? [p.image] : [])),
    stages: stagesOf(failed.name, failedStart, FAILED_SECONDS),
    environment: {
      L4T_VERSION: '36.4.4',
      JETPACK_VERSION: '6.2.1',
      CUDA_VERSION: '12.6',
      PYTHON_VERSION: '3.10',
      SYSTEM_ARCH: 'aarch64',
      LSB_RELEASE: '22.04',
      CUDA_ARCH: 'tegra-aarch64',
      source: 'console',
    },
    command: { argv, display: argv.map(quote).join(' ') },
    startTime: start.toISOString(),
    endTime: input.end.toISOString(),
    durationSeconds: seconds,
    toolBuildSeconds: null,
    failure,
    runner: input.runner,
    run: input.run,
    logs: {
      dir: input.logDir,
      consoleLog: `${input.logDir}/console.log`,
      reportFile: `${input.logDir}/report.json`,
      artifactName: null,
      artifactId: null,
      artifactUrl: null,
      // No artifact exists for a sample: the run is the link, as when upload-logs is off.
      url: input.run.runUrl,
      uploadError: null,
    },
    options: { multiple, skipErrors: multiple, name: null, push: null },
  };
}
