// Puts the BuildReport together from what the build half learned: settings, the parse, the process result.
import path from 'node:path';
import { decideOutcome } from './build/outcome.js';
import type { ParseResult } from './build/parse.js';
import type { RunResult } from './build/run.js';
import {
  REPORT_SCHEMA_VERSION,
  type BuildReport,
  type EnvironmentInfo,
  type RunContext,
  type RunnerInfo,
} from './report.js';
import type { BuildSettings } from './settings.js';

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
  return {
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
  };
}
