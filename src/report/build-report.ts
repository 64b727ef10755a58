// The BuildReport: the one data model that flows from the build half to the notify half.
// report.json holds exactly this object; schema/build-report.schema.json describes it.

/** The version this code writes. 2 added `imageFacts` (optional); a version-1 report reads as one without. */
export const REPORT_SCHEMA_VERSION = 2 as const;
/** Every version this code reads: each later version only adds optional fields. */
export const READABLE_REPORT_VERSIONS: readonly number[] = [1, 2];
export type ReportSchemaVersion = 1 | typeof REPORT_SCHEMA_VERSION;

/** Whether a report.json's `schemaVersion` is one this code reads. */
export function isReadableReportVersion(v: unknown): v is ReportSchemaVersion {
  return typeof v === 'number' && READABLE_REPORT_VERSIONS.includes(v);
}

/** Outcome of the whole build. */
export type BuildStatus = 'success' | 'failure' | 'cancelled';

/**
 * Outcome of one requested package.
 * - `not-built`: requested but never reached (e.g. `--multiple` without `--skip-errors` stops at the first failure).
 */
export type PackageStatus = 'success' | 'failure' | 'cancelled' | 'not-built';

/** Where a failure happened. `resolve` = before any stage ran (unknown package, bad arguments). */
export type FailurePhase = 'build' | 'test' | 'push' | 'resolve' | 'start' | 'unknown';

export interface FailurePoint {
  /** Stage (package in the chain) that failed, e.g. `python`, or null when no stage ran. */
  stage: string | null;
  /** `n` of the `n/m` progress line of the failing stage. */
  stageIndex: number | null;
  stageCount: number | null;
  phase: FailurePhase;
  /** The one-line error: the `Error:` line, the docker `ERROR:` line, or what the action itself knows. */
  error: string | null;
  /** The last lines before and including the failure markers (ANSI stripped, lines capped, ≤ 40 lines). */
  excerpt: string[];
  /** The per-stage log the upstream tool wrote for the failing stage, if known (absolute path). */
  logFile: string | null;
}

export interface PackageResult {
  /** The package as requested (`pytorch:2.8`), or as named by the output for a wildcard. */
  name: string;
  status: PackageStatus;
  /** The final image (from `done ✅ ... (<image>)` or the `--multiple` summary line). */
  image: string | null;
  /** The image pushed with `--push`, if any. */
  pushedImage: string | null;
  durationSeconds: number | null;
  failure: FailurePoint | null;
  /** What docker says of the final image (absent when not inspected: docker missing, no image, older reports). */
  imageFacts?: ImageFacts | null;
}

/** `docker image inspect` of a final image, and what a push made of it. */
export interface ImageFacts {
  /** The tag inspected (the local image, or the pushed one when only that exists). */
  image: string;
  /** `sha256:…` */
  id: string | null;
  sizeBytes: number | null;
  layers: number | null;
  /** ISO 8601, as docker reports it. */
  created: string | null;
  /** e.g. `arm64` (with the variant when docker gives one: `arm64/v8`). */
  architecture: string | null;
  /** The registry digest after a push (`registry/repo@sha256:…`), else null. */
  digest: string | null;
  /** `compare-size`: against the same package's image in the previous successful run, when found. */
  sizeChange?: SizeChange | null;
}

export interface SizeChange {
  previousBytes: number;
  /** This size minus the previous one (negative: smaller). */
  deltaBytes: number;
  /** deltaBytes as a percentage of the previous size. */
  percent: number;
  /** Over `size-warn-percent` (growth only). */
  flagged: boolean;
  /** The run the previous size comes from. */
  previousRunUrl: string | null;
}

export interface StageRecord {
  /** The package whose chain this stage belongs to (under `--multiple` each package has its own chain). */
  target: string | null;
  /** The chain element being built, e.g. `build-essential`. */
  name: string;
  /** The stage's image tag, e.g. `numpy:r36.4.tegra-aarch64-cu126-22.04-build-essential`. */
  image: string | null;
  index: number;
  total: number;
  phase: 'build' | 'test';
  status: 'success' | 'failure' | 'cancelled' | 'running';
  startTime: string | null;
  durationSeconds: number | null;
}

/** The environment values the tool prints and the action reports, in display order. */
export const ENVIRONMENT_KEYS = [
  'L4T_VERSION',
  'JETPACK_VERSION',
  'CUDA_VERSION',
  'PYTHON_VERSION',
  'SYSTEM_ARCH',
  'LSB_RELEASE',
  'CUDA_ARCH',
] as const;

export interface EnvironmentInfo {
  L4T_VERSION?: string;
  JETPACK_VERSION?: string;
  CUDA_VERSION?: string;
  PYTHON_VERSION?: string;
  SYSTEM_ARCH?: string;
  LSB_RELEASE?: string;
  CUDA_ARCH?: string;
  /** Where the values came from: the tool's console table, the runner itself, or both. */
  source: 'console' | 'runner' | 'mixed' | 'none';
}

export interface RunnerInfo {
  name: string | null;
  os: string | null;
  arch: string | null;
  labels: string[];
}

/** Where the build ran on GitHub. Everything optional: the action also runs outside Actions (demo, tests). */
export interface RunContext {
  serverUrl: string;
  repository: string | null;
  ref: string | null;
  sha: string | null;
  workflow: string | null;
  job: string | null;
  runId: string | null;
  runAttempt: string | null;
  runUrl: string | null;
  /** The job's own page, when its check run id is known (absent in reports of earlier versions). */
  jobUrl?: string | null;
  /** The matrix leg as JSON, when running in a matrix. */
  matrix: string | null;
}

export interface LogLinks {
  dir: string;
  consoleLog: string;
  reportFile: string;
  artifactName: string | null;
  artifactId: number | null;
  artifactUrl: string | null;
  /** The best link for a person: the artifact URL when the upload worked, else the run URL. */
  url: string | null;
  /** Why the artifact is missing, when it is. */
  uploadError: string | null;
}

export interface BuildReport {
  schemaVersion: ReportSchemaVersion;
  status: BuildStatus;
  /** One sentence a person can read: what happened. */
  message: string;
  exitCode: number | null;
  signal: string | null;
  /** The packages as the user typed them. */
  requestedPackages: string[];
  packages: PackageResult[];
  /** Names of failed packages (status failure), for quick consumption. */
  failedPackages: string[];
  images: string[];
  stages: StageRecord[];
  environment: EnvironmentInfo;
  command: { argv: string[]; display: string };
  /** ISO 8601 UTC. */
  startTime: string;
  endTime: string;
  durationSeconds: number;
  /** The tool's own `Total build time`, when it printed one. */
  toolBuildSeconds: number | null;
  /** The first failure overall (also set when no package could be blamed, e.g. an argparse error). */
  failure: FailurePoint | null;
  runner: RunnerInfo;
  run: RunContext;
  logs: LogLinks;
  /** Options that shaped the build. */
  options: { multiple: boolean; skipErrors: boolean; name: string | null; push: string | null };
  /**
   * The fleet platform this build ran as (the `platform` input, set by the reusable workflow from its
   * `platforms` map); absent or null outside a platform grid and in reports of earlier versions.
   */
  platform?: PlatformFacts | null;
}

/** What a platform's name promises (`jp6-orin`: JetPack 6, L4T R36, aarch64) and whether the runner kept it. */
export interface PlatformFacts {
  /** The platform's name as the user wrote it in `platforms` (`jp6-orin`). */
  name: string;
  /** What the name promises; null where it promises nothing. Majors only (`6`, `36`). */
  expected: { jetpack: string | null; l4t: string | null; arch: 'aarch64' | 'x86_64' | null };
  /**
   * A sentence when the environment the build really ran on contradicts the name
   * (`jp5-xavier promises JetPack 5 (L4T R35), but the runner has L4T 36.4.0`); null when it matches, when
   * the name promises nothing or when the environment is unknown.
   */
  mismatch: string | null;
}
