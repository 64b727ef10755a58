// Puts the BuildReport together from what the build half learned: settings, the parse, the process result.
import path from 'node:path';
import { decideOutcome } from '../jetson/outcome.js';
import type { ParseResult } from '../jetson/parse/index.js';
import type { RunResult } from '../jetson/run.js';
import { printableDeep } from '../runner/errors.js';
import {
  REPORT_SCHEMA_VERSION,
  type BuildReport,
  type EnvironmentInfo,
  type RunContext,
  type RunnerInfo,
} from './build-report.js';
import type { BuildSettings } from '../action/settings.js';
import { platformFacts } from './platform.js';

export interface LogPaths {
  dir: string;
  consoleLog: string;
  reportFile: string;
}

export function logPaths(dir: string): LogPaths {
  return { dir, consoleLog: path.join(dir, 'console.log'), reportFile: path.join(dir, 'report.json') };
}

export interface AssembleInput {
  build: BuildSettings;
  argv: { command: string; args: string[]; display: string };
  parse: ParseResult;
  run: RunResult;
  /** True when the action itself was cancelled (signal received, or main killed outright). */
  cancelled: boolean;
  environment: EnvironmentInfo;
  context: RunContext;
  runner: RunnerInfo;
  start: Date;
  end: Date;
  logs: LogPaths;
  /** The `platform` input (a grid column of the reusable workflow); empty or absent outside a grid. */
  platform?: string | null;
}

export function assembleReport(input: AssembleInput): BuildReport {
  const { build, parse, run } = input;
  const outcome = decideOutcome({
    parse,
    requested: build.packages,
    exitCode: run.exitCode,
    signal: run.signal,
    cancelled: input.cancelled,
    startError: run.startError,
    multiple: build.multiple,
    skipErrors: build.skipErrors,
  });
  const durationSeconds = Math.max(0, Math.round((input.end.getTime() - input.start.getTime()) / 100) / 10);
  const platform = input.platform?.trim() ?? '';
  // The build's text is printed outside its fence from here on (messages, annotations): no raw control character.
  return printableDeep({
    schemaVersion: REPORT_SCHEMA_VERSION,
    status: outcome.status,
    message: outcome.message,
    exitCode: run.exitCode,
    signal: run.signal,
    requestedPackages: [...build.packages],
    packages: outcome.packages,
    failedPackages: outcome.failedPackages,
    images: outcome.images,
    stages: parse.stages,
    environment: input.environment,
    command: { argv: [input.argv.command, ...input.argv.args], display: input.argv.display },
    startTime: input.start.toISOString(),
    endTime: input.end.toISOString(),
    durationSeconds,
    toolBuildSeconds: parse.toolBuildSeconds,
    failure: outcome.failure,
    runner: input.runner,
    run: input.context,
    logs: {
      dir: input.logs.dir,
      consoleLog: input.logs.consoleLog,
      reportFile: input.logs.reportFile,
      artifactName: null,
      artifactId: null,
      artifactUrl: null,
      url: input.context.runUrl,
      uploadError: null,
    },
    options: {
      multiple: build.multiple,
      skipErrors: build.skipErrors,
      name: build.name,
      push: build.push,
    },
    platform: platform === '' ? null : platformFacts(platform, input.environment),
  } satisfies BuildReport);
}

/**
 * When the disk holding the log folder ran full during the build, console.log and the stage logs lost their
 * end, and with it what the status rules would have read: the outcome parsed from them is not to be trusted.
 * The report becomes a failure that names the disk and the folder (a cancel stays a cancel, with the reason
 * added). Applying it twice (main, then post) changes nothing.
 */
export function markLogsIncomplete(report: BuildReport): void {
  const error = `No space left on device on the disk holding the log folder ${report.logs.dir}: console.log and the stage logs there are incomplete`;
  if (report.failure?.error === error || report.message.includes(error)) return;
  const exit =
    report.signal !== null
      ? `it ended by signal ${report.signal}`
      : report.exitCode !== null
        ? `it exited with code ${report.exitCode}`
        : 'its exit code is unknown';
  if (report.status === 'cancelled') {
    report.message = `${report.message} ${error}.`;
    return;
  }
  report.status = 'failure';
  report.message = `${error}, so the build's outcome is not known (${exit}). Free space on that disk and run the build again.`;
  report.failure = {
    stage: null,
    stageIndex: null,
    stageCount: null,
    phase: 'unknown',
    error,
    // The last lines the build managed to write are still the best clue.
    excerpt: report.failure?.excerpt ?? [],
    logFile: null,
  };
}

/**
 * report.json could not be written where it belongs (its folder's disk is full, read-only, …). A status
 * that says success while the report a later step or the fleet summary reads is missing would mislead:
 * the report becomes a failure naming the path and why; the build's own failure, if any, stays the failure.
 */
export function markReportUnwritable(
  report: BuildReport,
  file: string,
  why: string,
  movedTo: string | null,
): void {
  const error = `report.json could not be written to ${file}: ${why}`;
  if (report.message.includes(error)) return;
  const where = movedTo ? ` It was written to ${movedTo} instead.` : '';
  report.message = `${report.message} ${error}.${where}`;
  if (report.status === 'cancelled') return;
  report.status = 'failure';
  report.failure ??= {
    stage: null,
    stageIndex: null,
    stageCount: null,
    phase: 'unknown',
    error,
    excerpt: [],
    logFile: null,
  };
}

/**
 * The report of a run that built nothing because its log folder cannot be used: every requested package
 * `not-built`, the failure naming the folder and why. Its files live in `fallback` (a fresh folder).
 */
export function setupFailureReport(
  input: Omit<AssembleInput, 'run' | 'cancelled' | 'logs'> & { error: string; fallback: LogPaths },
): BuildReport {
  const report = assembleReport({
    ...input,
    run: { exitCode: null, signal: null, startError: input.error, cancelSignal: null, killed: false },
    cancelled: false,
    logs: input.fallback,
  });
  const failure = {
    stage: null,
    stageIndex: null,
    stageCount: null,
    phase: 'start' as const,
    error: input.error,
    excerpt: [],
    logFile: null,
  };
  report.status = 'failure';
  report.message = `Nothing was built: ${input.error}.`;
  report.failure = failure;
  report.packages = report.requestedPackages.map((name) => ({
    name,
    status: 'not-built',
    image: null,
    pushedImage: null,
    durationSeconds: null,
    failure: null,
  }));
  report.failedPackages = [];
  report.images = [];
  return report;
}
