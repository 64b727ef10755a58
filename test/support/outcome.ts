// Builders for the status-rule tests: a ParseResult, chains, stages, failures and summary lines as the parser
// would record them, and decideOutcome with the defaults of a plain single-chain build.
import { decideOutcome, type Outcome, type OutcomeInput } from '../../src/jetson/outcome.js';
import type { ChainRecord, ParsedFailure, ParseResult, SummaryEntry } from '../../src/jetson/parse/index.js';
import type { StageRecord } from '../../src/report/build-report.js';

export const TAG = 'r36.4.tegra-aarch64-cu126-22.04';
export const image = (pkg: string) => `${pkg}:${TAG}`;

export function parse(over: Partial<ParseResult> = {}): ParseResult {
  return {
    environment: {},
    args: null,
    commandLine: null,
    chains: [],
    stages: [],
    done: [],
    pushed: [],
    buildLogsDir: null,
    summary: null,
    failures: [],
    failedBuilding: null,
    usageError: null,
    usage: [],
    startupError: null,
    tracebackError: null,
    toolBuildSeconds: null,
    colors: false,
    tail: ['#9 the last line'],
    bytes: 100,
    dropped: { stages: 0, failures: 0, chains: 0, summary: 0, done: 0, failed: 0 },
    ...over,
  };
}

export function chain(
  target: string,
  status: ChainRecord['status'],
  over: Partial<ChainRecord> = {},
): ChainRecord {
  return {
    packages: ['build-essential', target],
    target,
    status,
    image: status === 'success' ? image(target) : null,
    pushedImage: null,
    builtName: status === 'success' ? target : null,
    failure: null,
    startTime: '2026-06-01T12:00:00.000Z',
    durationSeconds: status === 'running' ? null : 42,
    ...over,
  };
}

export function running(target: string, name = 'python', phase: 'build' | 'test' = 'build'): StageRecord {
  return {
    target,
    name,
    image: `${image(target)}-${name}`,
    index: 2,
    total: 3,
    phase,
    status: 'running',
    startTime: null,
    durationSeconds: null,
  };
}

export function failure(over: Partial<ParsedFailure> = {}): ParsedFailure {
  return {
    stage: 'python',
    stageIndex: 2,
    stageCount: 3,
    phase: 'build',
    error: 'E: Unable to locate package foo',
    excerpt: ['#5 E: Unable to locate package foo'],
    logFile: '/logs/build/02o3_python.txt',
    chain: 0,
    target: null,
    rawError: null,
    unknownPackage: null,
    dockerErrors: [],
    exitStatus: 1,
    ...over,
  };
}

export const ok = (pkg: string, img: string | null = image(pkg)): SummaryEntry => ({
  package: pkg,
  image: img,
  status: 'success',
  error: null,
});
export const failed = (pkg: string, error: string): SummaryEntry => ({
  package: pkg,
  image: null,
  status: 'failure',
  error,
});

export function decide(over: Partial<OutcomeInput> & { parse: ParseResult }): Outcome {
  return decideOutcome({
    requested: ['numpy'],
    exitCode: 0,
    signal: null,
    cancelled: false,
    startError: null,
    multiple: false,
    skipErrors: false,
    ...over,
  });
}

export const statuses = (o: Outcome) => o.packages.map((p) => `${p.name}:${p.status}`);
