// Decides what really happened in a build — overall and per package — from the parsed output and the exit.
//
// The tool's exit code alone cannot be trusted: `--multiple` exits 0 after a failed package (with or
// without `--skip-errors`), and versions before September 2025 exited 0 for any failed chain. So a build
// is a success only when the exit code is 0, every requested package was reported done, and no failure
// marker appeared.

import type { BuildStatus, FailurePoint, PackageResult, StageRecord } from '../report.js';
import { isWildcard, matchesPattern } from './packages.js';
import type { ChainRecord, ParseResult, ParsedFailure, SummaryEntry } from './parse.js';

export interface OutcomeInput {
  parse: ParseResult;
  /** The packages as the user typed them (already split). */
  requested: string[];
  exitCode: number | null;
  /** The signal that ended the tool, when it did not exit by itself. */
  signal: string | null;
  /** Whether the action itself received a cancel and passed it on. */
  cancelled: boolean;
  /** Why the command could not be started (ENOENT, EACCES ...), if it could not. */
  startError: string | null;
  multiple: boolean;
  skipErrors: boolean;
}

export interface Outcome {
  status: BuildStatus;
  packages: PackageResult[];
  failedPackages: string[];
  images: string[];
  failure: FailurePoint | null;
  message: string;
  /** The parsed stages with the one still running at the end closed as cancelled or failed. */
  stages: StageRecord[];
}

const KILL_EXIT_CODES: Record<number, string> = {
  130: 'SIGINT',
  143: 'SIGTERM',
  137: 'SIGKILL',
  129: 'SIGHUP',
};

function point(f: ParsedFailure): FailurePoint {
  return {
    stage: f.stage,
    stageIndex: f.stageIndex,
    stageCount: f.stageCount,
    phase: f.phase,
    error: f.error,
    excerpt: [...f.excerpt],
    logFile: f.logFile,
  };
}

function simplePoint(phase: FailurePoint['phase'], error: string | null, excerpt: string[]): FailurePoint {
  return { stage: null, stageIndex: null, stageCount: null, phase, error, excerpt, logFile: null };
}

/** Where the tool was when it stopped without saying why. */
function stoppedPoint(parse: ParseResult, error: string): FailurePoint {
  const running = [...parse.stages].reverse().find((s) => s.status === 'running');
  return {
    stage: running?.name ?? null,
    stageIndex: running?.index ?? null,
    stageCount: running?.total ?? null,
    phase: running ? running.phase : 'unknown',
    error,
    excerpt: [...parse.tail],
    logFile: null,
  };
}

function describeStage(f: FailurePoint): string {
  if (f.phase === 'resolve') return 'while resolving packages';
  if (f.phase === 'push') return 'while pushing';
  if (f.phase === 'start') return 'to start';
  if (f.stage === null) return f.phase === 'unknown' ? '' : `in ${f.phase}`;
  const at = f.stageIndex !== null && f.stageCount !== null ? ` ${f.stageIndex}/${f.stageCount}` : '';
  return `in stage ${f.stage} (${f.phase}${at})`;
}

function failureClause(name: string, f: FailurePoint | null): string {
  if (!f) return `${name} failed`;
  const where = describeStage(f);
  const head = `${name} failed${where ? ' ' + where : ''}`;
  return f.error ? `${head}: ${f.error}` : head;
}

function list(names: string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function killSignal(exitCode: number | null, signal: string | null): string | null {
  if (signal) return signal;
  if (exitCode !== null && KILL_EXIT_CODES[exitCode]) return KILL_EXIT_CODES[exitCode] as string;
  return null;
}

interface ChainResult {
  status: PackageResult['status'];
  image: string | null;
  pushedImage: string | null;
  durationSeconds: number | null;
  failure: FailurePoint | null;
}

export function decideOutcome(input: OutcomeInput): Outcome {
  const { parse, cancelled } = input;
  const requested = input.requested.length > 0 ? input.requested : (parse.args?.packages ?? []);
  const killed = cancelled ? null : killSignal(input.exitCode, input.signal);
  const exitText =
    input.signal !== null
      ? `signal ${input.signal}`
      : input.exitCode !== null
        ? `exit ${input.exitCode}`
        : 'no exit code';

  const everyone = (status: PackageResult['status'], failure: FailurePoint | null): PackageResult[] =>
    requested.map((name) => ({
      name,
      status,
      image: null,
      pushedImage: null,
      durationSeconds: null,
      failure,
    }));

  const finish = (
    status: BuildStatus,
    packages: PackageResult[],
    failure: FailurePoint | null,
    message: string,
  ) => result(input, status, packages, failure, message);

  // Nothing ran at all.
  if (input.startError !== null) {
    const f = simplePoint('start', input.startError, []);
    return finish(
      'failure',
      everyone('failure', f),
      f,
      `jetson-containers could not be started: ${input.startError}.`,
    );
  }
  // The tool refused its arguments before building anything.
  const noBuild = parse.chains.length === 0 && parse.failures.length === 0;
  if (parse.usageError !== null || (input.exitCode === 2 && noBuild && !cancelled)) {
    const error = parse.usageError ?? 'argument error (exit 2)';
    const f = simplePoint(
      'resolve',
      error,
      parse.usage.length > 0 ? parse.usage.slice(-40) : [...parse.tail],
    );
    const why = parse.usageError !== null ? `: ${parse.usageError}` : ' (exit 2)';
    return finish('failure', everyone('failure', f), f, `jetson-containers rejected its arguments${why}.`);
  }
  if (parse.startupError !== null && noBuild && !cancelled) {
    const f = simplePoint('resolve', parse.startupError, [...parse.tail]);
    return finish(
      'failure',
      everyone('failure', f),
      f,
      `jetson-containers stopped before building: ${parse.startupError}.`,
    );
  }

  const stoppedEarly =
    cancelled || killed !== null || (parse.failures.length > 0 && !(input.multiple && input.skipErrors));
  const chainResult = (c: ChainRecord): ChainResult => {
    const base = { image: c.image, pushedImage: c.pushedImage, durationSeconds: c.durationSeconds };
    if (c.status === 'success') return { status: 'success', ...base, failure: null };
    if (c.status === 'failure') {
      const f = c.failure !== null ? parse.failures[c.failure] : undefined;
      return {
        status: 'failure',
        ...base,
        failure: f ? point(f) : stoppedPoint(parse, 'jetson-containers reported a failure'),
      };
    }
    if (cancelled) return { status: 'cancelled', ...base, failure: null };
    if (killed)
      return {
        status: 'failure',
        ...base,
        failure: stoppedPoint(parse, `jetson-containers was killed by ${killed}`),
      };
    const why =
      input.exitCode === 0
        ? 'jetson-containers exited 0 without reporting it done'
        : `jetson-containers stopped (${exitText}) without reporting it done or failed`;
    return { status: 'failure', ...base, failure: stoppedPoint(parse, why) };
  };
  // A failure that no chain owns (unknown package, dependency resolution, an exception outside a build).
  const orphan = parse.failures.find((f) => f.chain === null) ?? null;
  const unreached = (name: string): ChainResult => {
    const none = { image: null, pushedImage: null, durationSeconds: null };
    if (orphan && (!input.multiple || orphan.unknownPackage === null || orphan.unknownPackage === name)) {
      return { status: 'failure', ...none, failure: point(orphan) };
    }
    if (cancelled)
      return {
        status: input.multiple && parse.chains.length > 0 ? 'not-built' : 'cancelled',
        ...none,
        failure: null,
      };
    if (stoppedEarly || orphan) return { status: 'not-built', ...none, failure: null };
    const why =
      input.exitCode === 0
        ? 'jetson-containers exited 0 but never built or reported it'
        : `jetson-containers stopped (${exitText}) before building it`;
    return { status: 'failure', ...none, failure: simplePoint('unknown', why, [...parse.tail]) };
  };
  const toPackage = (name: string, r: ChainResult): PackageResult => ({ name, ...r });

  const packages: PackageResult[] = [];
  if (!input.multiple) {
    // One chain, one image named after its last package: every requested package shares its result.
    const chain = parse.chains[parse.chains.length - 1];
    const shared = chain ? chainResult(chain) : null;
    for (const name of requested) {
      if (!isWildcard(name)) {
        packages.push(toPackage(name, shared ?? unreached(name)));
        continue;
      }
      const matches = chain ? chain.packages.filter((p) => matchesPattern(p, name)) : [];
      for (const m of matches) {
        if (!packages.some((p) => p.name === m)) packages.push(toPackage(m, shared as ChainResult));
      }
      if (matches.length === 0) packages.push(toPackage(name, wildcardMiss(name, shared ?? unreached(name))));
    }
  } else {
    packages.push(...multiplePackages(input, requested, chainResult, unreached));
  }

  // Overall status and the sentence that explains it.
  const firstFailed = packages.find((p) => p.status === 'failure') ?? null;
  const failure = firstFailed?.failure ?? (parse.failures[0] ? point(parse.failures[0]) : null);
  const built = packages.filter((p) => p.status === 'success');
  const notBuilt = packages.filter((p) => p.status === 'not-built');
  const summaryFailed = (parse.summary ?? []).some((s) => s.status === 'failure');
  const allDone = packages.length > 0 && built.length === packages.length;
  const clean = parse.failures.length === 0 && !summaryFailed;

  if (cancelled) {
    const running = packages.find((p) => p.status === 'cancelled');
    const stage = [...parse.stages].reverse().find((s) => s.status === 'running');
    const where = running
      ? ` while building ${running.name}${stage ? ` (stage ${stage.name}, ${stage.phase} ${stage.index}/${stage.total})` : ''}`
      : '';
    const progress = packages.length > 1 ? `; ${built.length} of ${packages.length} packages built` : '';
    return finish('cancelled', packages, failure, `Build cancelled${where}${progress}.`);
  }
  if (input.exitCode === 0 && input.signal === null && allDone && clean) {
    return finish('success', packages, null, successMessage(built));
  }

  let message: string;
  if (killed) {
    const running = packages.find((p) => p.status === 'failure' && p.failure?.error?.includes('killed'));
    const f = running?.failure ?? null;
    const stage = f && f.stage ? ` ${describeStage(f)}` : '';
    const where = running ? ` while building ${running.name}${stage}` : '';
    message = `jetson-containers was killed by ${killed}${input.signal === null ? ` (${exitText})` : ''}${where}`;
  } else if (allDone && clean) {
    message = `All packages reported done but jetson-containers ended with ${exitText}`;
  } else if (allDone) {
    message = `All packages reported done but jetson-containers also reported a failure`;
    if (failure)
      message += ` ${describeStage(failure)}${failure.error ? `: ${failure.error}` : ''}`.trimEnd();
  } else if (failure?.phase === 'resolve' && orphan?.unknownPackage) {
    message = `Unknown package ${orphan.unknownPackage}: jetson-containers couldn't find it`;
  } else if (!input.multiple) {
    // One chain: the packages failed together, so name them together.
    const failed = packages.filter((p) => p.status === 'failure').map((p) => p.name);
    message = failureClause(failed.length > 0 ? list(failed) : 'the build', failure);
  } else {
    const failed = firstFailed ? failureClause(firstFailed.name, firstFailed.failure) : 'the build failed';
    message =
      packages.length > 1 ? `${built.length} of ${packages.length} packages built; ${failed}` : failed;
    const others = packages.filter((p) => p.status === 'failure' && p !== firstFailed).map((p) => p.name);
    if (others.length > 0) message += `; also failed: ${list(others)}`;
    if (notBuilt.length > 0) message += `; not built: ${list(notBuilt.map((p) => p.name))}`;
  }
  if (input.exitCode === 0 && !killed && !(allDone && clean) && !message.includes('exited 0')) {
    message += '; jetson-containers itself exited 0';
  }
  // A failed build always carries a failure point, even when no package can be blamed.
  const overall = failure ?? stoppedPoint(parse, message);
  return finish('failure', packages, overall, `${message}.`);
}

function wildcardMiss(pattern: string, shared: ChainResult): ChainResult {
  if (shared.status !== 'success') return shared;
  return {
    status: 'failure',
    image: null,
    pushedImage: null,
    durationSeconds: null,
    failure: simplePoint('resolve', `the pattern ${pattern} matched no package that was built`, []),
  };
}

function multiplePackages(
  input: OutcomeInput,
  requested: string[],
  chainResult: (c: ChainRecord) => ChainResult,
  unreached: (name: string) => ChainResult,
): PackageResult[] {
  const { parse } = input;
  const chains = parse.chains;
  const summary = parse.summary ?? [];
  const claimed = new Set<number>();
  const claimedSummary = new Set<number>();
  const sameName = (target: string, name: string) => target === name || target.startsWith(name + ':');
  const explicit = requested.filter((n) => !isWildcard(n));

  // Exact names first, then `pytorch` for `pytorch:2.8`, then what is left in build order
  // (upstream builds the requested names in the order given, so aliases line up).
  const chainOf = new Map<string, number>();
  for (const pass of [(t: string, n: string) => t === n, sameName]) {
    for (const name of explicit) {
      if (chainOf.has(name)) continue;
      const i = chains.findIndex((c, k) => !claimed.has(k) && pass(c.target, name));
      if (i >= 0) {
        chainOf.set(name, i);
        claimed.add(i);
      }
    }
  }
  const wildcardOwned = (c: ChainRecord) =>
    requested.some((n) => isWildcard(n) && matchesPattern(c.target, n));
  for (const name of explicit) {
    if (chainOf.has(name)) continue;
    if (summary.some((s) => sameName(s.package, name))) continue;
    const i = chains.findIndex((c, k) => !claimed.has(k) && !wildcardOwned(c));
    if (i >= 0) {
      chainOf.set(name, i);
      claimed.add(i);
    }
  }

  const fromSummary = (s: SummaryEntry, chain: ChainRecord | undefined): ChainResult => {
    const fromChain = chain ? chainResult(chain) : null;
    if (s.status === 'success') {
      return {
        status: 'success',
        image: fromChain?.image ?? s.image,
        pushedImage: fromChain?.pushedImage ?? null,
        durationSeconds: fromChain?.durationSeconds ?? null,
        failure: null,
      };
    }
    const failure =
      fromChain?.status === 'failure' && fromChain.failure
        ? fromChain.failure
        : simplePoint('unknown', s.error, []);
    return {
      status: 'failure',
      image: null,
      pushedImage: null,
      durationSeconds: fromChain?.durationSeconds ?? null,
      failure,
    };
  };
  const resultFor = (name: string, chainIndex: number | undefined): ChainResult => {
    const chain = chainIndex !== undefined ? chains[chainIndex] : undefined;
    const si = summary.findIndex(
      (s, k) => !claimedSummary.has(k) && (chain ? s.package === chain.target : sameName(s.package, name)),
    );
    if (si >= 0) {
      claimedSummary.add(si);
      return fromSummary(summary[si] as SummaryEntry, chain);
    }
    return chain ? chainResult(chain) : unreached(name);
  };

  const out: PackageResult[] = [];
  for (const name of requested) {
    if (!isWildcard(name)) {
      out.push({ name, ...resultFor(name, chainOf.get(name)) });
      continue;
    }
    // A wildcard counts once the output names what it matched: chains built for it, or summary lines.
    const names: string[] = [];
    chains.forEach((c, k) => {
      if (!claimed.has(k) && matchesPattern(c.target, name) && !names.includes(c.target))
        names.push(c.target);
    });
    summary.forEach((s) => {
      if (matchesPattern(s.package, name) && !names.includes(s.package) && !explicit.includes(s.package))
        names.push(s.package);
    });
    for (const n of names) {
      if (out.some((p) => p.name === n)) continue;
      const k = chains.findIndex((c, j) => !claimed.has(j) && c.target === n);
      if (k >= 0) claimed.add(k);
      out.push({ name: n, ...resultFor(n, k >= 0 ? k : undefined) });
    }
    if (names.length === 0) {
      const r = unreached(name);
      out.push({
        name,
        ...(r.status === 'failure' && r.failure?.phase === 'unknown'
          ? {
              ...r,
              failure: simplePoint('resolve', `the pattern ${name} matched no package`, r.failure.excerpt),
            }
          : r),
      });
    }
  }
  return out;
}

function successMessage(built: PackageResult[]): string {
  if (built.length === 1) {
    const p = built[0] as PackageResult;
    const pushed = p.pushedImage ? ` and pushed ${p.pushedImage}` : '';
    return `Built ${p.name}${p.image ? ` as ${p.image}` : ''}${pushed}.`;
  }
  const images = new Set(built.map((p) => p.image).filter((i): i is string => i !== null));
  if (images.size === 1) return `Built ${list(built.map((p) => p.name))} into ${[...images][0] as string}.`;
  return `All ${built.length} packages built: ${list(built.map((p) => p.name))}.`;
}

function result(
  input: OutcomeInput,
  status: BuildStatus,
  packages: PackageResult[],
  failure: FailurePoint | null,
  message: string,
): Outcome {
  const images: string[] = [];
  for (const p of packages)
    if (p.status === 'success' && p.image && !images.includes(p.image)) images.push(p.image);
  const stages = input.parse.stages.map((s) =>
    s.status === 'running'
      ? { ...s, status: status === 'cancelled' ? ('cancelled' as const) : ('failure' as const) }
      : { ...s },
  );
  return {
    status,
    packages,
    failedPackages: packages.filter((p) => p.status === 'failure').map((p) => p.name),
    images,
    failure,
    message,
    stages,
  };
}
