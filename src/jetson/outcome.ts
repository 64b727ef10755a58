// Decides what really happened in a build — overall and per package — from the parsed output and the exit.
//
// The tool's exit code alone cannot be trusted: `--multiple` exits 0 after a failed package (with or
// without `--skip-errors`), and versions before September 2025 exited 0 for any failed chain. So a build
// is a success only when the exit code is 0, every requested package was reported done, and no failure
// marker appeared.

import type { BuildStatus, FailurePoint, PackageResult, StageRecord } from '../report/build-report.js';
import { isWildcard, matchesPattern } from './packages.js';
import type { ChainRecord, ParseResult, ParsedFailure, SummaryEntry } from './parse/index.js';

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

const KILL_EXIT_CODES: Record<string, string> = {
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
  const running = runningStage(parse);
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

function runningStage(parse: ParseResult): StageRecord | undefined {
  return [...parse.stages].reverse().find((s) => s.status === 'running');
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
  // (No exit code looks up "null", which names no signal.)
  return signal ?? KILL_EXIT_CODES[String(exitCode)] ?? null;
}

interface ChainResult {
  status: PackageResult['status'];
  image: string | null;
  pushedImage: string | null;
  durationSeconds: number | null;
  failure: FailurePoint | null;
}

/** The facts every rule reads, settled once from the input. */
interface Run {
  input: OutcomeInput;
  parse: ParseResult;
  requested: string[];
  /** A cancel the action passed on is not a kill, whatever signal carried it. */
  killed: string | null;
  /** Read only when no signal ended the tool: a killed or cancelled run never reads it. */
  exitText: string;
  /** Whether a package the output never reached was left unbuilt on purpose, rather than lost. */
  stoppedEarly: boolean;
  /** A failure that no chain owns (unknown package, dependency resolution, an exception outside a build). */
  orphan: ParsedFailure | null;
}

function settle(input: OutcomeInput): Run {
  const { parse, cancelled } = input;
  const killed = cancelled ? null : killSignal(input.exitCode, input.signal);
  return {
    input,
    parse,
    requested: input.requested.length > 0 ? input.requested : (parse.args?.packages ?? []),
    killed,
    exitText: input.exitCode !== null ? `exit ${input.exitCode}` : 'no exit code',
    stoppedEarly:
      cancelled || killed !== null || (parse.failures.length > 0 && !(input.multiple && input.skipErrors)),
    orphan: parse.failures.find((f) => f.chain === null) ?? null,
  };
}

export function decideOutcome(input: OutcomeInput): Outcome {
  const run = settle(input);
  const early = startFailure(run) ?? argumentFailure(run) ?? startupFailure(run);
  if (early) return early;
  const packages = input.multiple ? multiplePackages(run) : singleChainPackages(run);
  return verdict(run, packages);
}

// ---- Nothing was built: every requested package fails the same way.

function nothingBuilt(run: Run, f: FailurePoint, message: string): Outcome {
  const packages: PackageResult[] = run.requested.map((name) => ({
    name,
    status: 'failure',
    image: null,
    pushedImage: null,
    durationSeconds: null,
    failure: f,
  }));
  return result(run.input, 'failure', packages, f, message);
}

function builtNothing(parse: ParseResult): boolean {
  return parse.chains.length === 0 && parse.failures.length === 0;
}

function startFailure(run: Run): Outcome | null {
  const error = run.input.startError;
  if (error === null) return null;
  return nothingBuilt(
    run,
    simplePoint('start', error, []),
    `jetson-containers could not be started: ${error}.`,
  );
}

function argumentFailure(run: Run): Outcome | null {
  const { parse, input } = run;
  const refused =
    parse.usageError !== null || (input.exitCode === 2 && builtNothing(parse) && !input.cancelled);
  if (!refused) return null;
  const error = parse.usageError ?? 'argument error (exit 2)';
  const excerpt = parse.usage.length > 0 ? parse.usage.slice(-40) : [...parse.tail];
  const why = parse.usageError !== null ? `: ${parse.usageError}` : ' (exit 2)';
  return nothingBuilt(
    run,
    simplePoint('resolve', error, excerpt),
    `jetson-containers rejected its arguments${why}.`,
  );
}

function startupFailure(run: Run): Outcome | null {
  const { parse, input } = run;
  const stopped = parse.startupError !== null && builtNothing(parse) && !input.cancelled;
  if (!stopped) return null;
  return nothingBuilt(
    run,
    simplePoint('resolve', parse.startupError, [...parse.tail]),
    `jetson-containers stopped before building: ${parse.startupError}.`,
  );
}

// ---- One chain or one package: what its record says, or why there is none.

function chainResult(run: Run, c: ChainRecord): ChainResult {
  const { parse, input, killed } = run;
  const base = { image: c.image, pushedImage: c.pushedImage, durationSeconds: c.durationSeconds };
  if (c.status === 'success') return { status: 'success', ...base, failure: null };
  if (c.status === 'failure') {
    const f = parse.failures[c.failure ?? -1];
    return {
      status: 'failure',
      ...base,
      failure: f ? point(f) : stoppedPoint(parse, 'jetson-containers reported a failure'),
    };
  }
  if (input.cancelled) return { status: 'cancelled', ...base, failure: null };
  if (killed)
    return {
      status: 'failure',
      ...base,
      failure: stoppedPoint(parse, `jetson-containers was killed by ${killed}`),
    };
  const why =
    input.exitCode === 0
      ? 'jetson-containers exited 0 without reporting it done'
      : `jetson-containers stopped (${run.exitText}) without reporting it done or failed`;
  return { status: 'failure', ...base, failure: stoppedPoint(parse, why) };
}

/** A requested package that no chain or summary line stands for. */
function unreached(run: Run, name: string): ChainResult {
  const { parse, input, orphan } = run;
  const none = { image: null, pushedImage: null, durationSeconds: null };
  if (orphan && (!input.multiple || orphan.unknownPackage === null || orphan.unknownPackage === name)) {
    return { status: 'failure', ...none, failure: point(orphan) };
  }
  if (input.cancelled)
    return {
      status: input.multiple && parse.chains.length > 0 ? 'not-built' : 'cancelled',
      ...none,
      failure: null,
    };
  if (run.stoppedEarly || orphan) return { status: 'not-built', ...none, failure: null };
  const why =
    input.exitCode === 0
      ? 'jetson-containers exited 0 but never built or reported it'
      : `jetson-containers stopped (${run.exitText}) before building it`;
  return { status: 'failure', ...none, failure: simplePoint('unknown', why, [...parse.tail]) };
}

// ---- Without --multiple: one chain, one image named after its last package. Every requested package shares
// its result — if the chain holds it.

function singleChainPackages(run: Run): PackageResult[] {
  const chain = run.parse.chains[run.parse.chains.length - 1];
  const shared = chain ? chainResult(run, chain) : null;
  const packages: PackageResult[] = [];
  for (const name of run.requested) {
    if (!isWildcard(name)) {
      packages.push({ name, ...singleNamed(run, name, chain, shared) });
      continue;
    }
    const matches = chain ? chain.packages.filter((p) => matchesPattern(p, name)) : [];
    for (const m of matches) {
      if (!packages.some((p) => p.name === m)) packages.push({ name: m, ...(shared as ChainResult) });
    }
    if (matches.length === 0) packages.push({ name, ...wildcardMiss(name, shared ?? unreached(run, name)) });
  }
  return packages;
}

/**
 * Upstream keeps each typed name in the chain (or the `name:tag` a dependency asked for); the done line names
 * the chain's last package, or the `--name` image.
 */
function singleNamed(
  run: Run,
  name: string,
  chain: ChainRecord | undefined,
  shared: ChainResult | null,
): ChainResult {
  const named =
    chain !== undefined &&
    (chain.packages.some((p) => namesPackage(p, name)) ||
      (chain.builtName !== null && namesPackage(chain.builtName, name)));
  if (shared?.status === 'success' && !named) {
    const built = (chain as ChainRecord).target;
    return notReported(name, [built], [...run.parse.tail]);
  }
  return shared ?? unreached(run, name);
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

/** Whether a built package name stands for a requested name: the same, or its default `name:tag`. */
function namesPackage(built: string, name: string): boolean {
  return built === name || (built.startsWith(name) && built[name.length] === ':' && !name.includes(':'));
}

function baseName(name: string): string {
  return name.split(':')[0] as string;
}

/** A requested package that no done line, summary line or chain names, although something else was built. */
function notReported(name: string, builtInstead: string[], excerpt: string[]): ChainResult {
  // (Only asked when something else was built: `builtInstead` is never empty.)
  const instead = `; it built ${list(builtInstead)}, which no requested name matches`;
  return {
    status: 'failure',
    image: null,
    pushedImage: null,
    durationSeconds: null,
    failure: simplePoint('unknown', `jetson-containers never reported ${name} done${instead}`, excerpt),
  };
}

// ---- With --multiple, leg matching: which chain or summary line each requested name owns.
/**
 * Hands out the records of one kind (chains, summary lines) by name, each at most once, in output order.
 * Indexed so that thousands of packages cost linear time.
 */
class Claims {
  readonly taken = new Set<number>();
  private readonly byName = new Map<string, number[]>();
  private readonly base = new Map<string, number[]>();

  constructor(names: string[]) {
    names.forEach((n, i) => {
      push(this.byName, n, i);
      // An untagged record is listed under its own name here too: `tagged` is only asked once `exact` found
      // nothing left for that name, so only the tagged ones can come out.
      push(this.base, baseName(n), i);
    });
  }

  /** The first record not yet taken named exactly `name`. */
  exact(name: string): number | undefined {
    return this.first(this.byName.get(name));
  }

  /** For a name without a tag, after `exact` found nothing: the first record not yet taken of its `name:tag`. */
  tagged(name: string): number | undefined {
    // (A tagged name finds nothing here: no base name holds a ":".)
    return this.first(this.base.get(name));
  }

  private first(list: number[] | undefined): number | undefined {
    for (const k of list ?? []) {
      // Taken under another name, or by position.
      if (this.taken.has(k)) continue;
      this.taken.add(k);
      return k;
    }
    return undefined;
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Aliases under `--multiple`: upstream resolves `torch` to `pytorch:2.11` and prints only the resolved name, but
 * it builds one chain per requested package in the order they were requested. So a requested name that no
 * chain names takes the first unclaimed chain between the chains of its named neighbours — never one before
 * the previous named package's chain or after the next one's, so a chain is never taken across a package the
 * output does name. Not used with wildcards, whose expansions make positions unknowable.
 */
function pairAliases(
  explicit: string[],
  chainCount: number,
  chainOf: Map<string, number>,
  taken: Set<number>,
): void {
  const anchors = explicit.map((n) => chainOf.get(n));
  explicit.forEach((name, i) => {
    if (chainOf.has(name)) return;
    let low = -1;
    for (let j = i - 1; j >= 0; j--) {
      const a = anchors[j];
      if (a !== undefined) {
        low = a;
        break;
      }
    }
    let high = chainCount;
    for (let j = i + 1; j < anchors.length; j++) {
      const a = anchors[j];
      if (a !== undefined) {
        high = a;
        break;
      }
    }
    for (let k = low + 1; k < high; k++) {
      if (taken.has(k)) continue;
      // (No need to make this chain an anchor for the next alias: every chain before it in the window is
      // taken, so the next alias's search passes them all the same.)
      taken.add(k);
      chainOf.set(name, k);
      return;
    }
  });
}

interface Legs {
  /** The chain of each requested name that is not a pattern. */
  chainOf: Map<string, number>;
  /** What each pattern stands for: the names the output gave what it matched, in output order. */
  expansions: Map<string, string[]>;
  /** The chain (if one is left) of each name a pattern expands to: the first pattern to name it takes it. */
  wildcardChain: Map<string, number | undefined>;
  /** What was built but matches nothing requested: named in the failure of a package never reported. */
  strays: string[];
  /** Claimed as the results are read, in request order. */
  summary: Claims;
}

function matchLegs(run: Run): Legs {
  const { parse, requested } = run;
  const chains = parse.chains;
  const wildcards = requested.filter(isWildcard);
  const claims = new Claims(chains.map((c) => c.target));
  const chainOf = ownChains(claims, requested);
  if (wildcards.length === 0) pairAliases(requested, chains.length, chainOf, claims.taken);
  const requestedSet = new Set(requested);
  const wildcardChain = new Map<string, number | undefined>();
  const expansions = new Map<string, string[]>();
  for (const pattern of wildcards) {
    const names = expand(parse, pattern, claims.taken, requestedSet);
    for (const n of names) {
      if (!wildcardChain.has(n)) wildcardChain.set(n, claims.exact(n));
    }
    expansions.set(pattern, names);
  }
  const strays: string[] = [];
  chains.forEach((c, k) => {
    if (!claims.taken.has(k) && c.status === 'success') strays.push(c.target);
  });
  const summary = new Claims((parse.summary ?? []).map((s) => s.package));
  return { chainOf, expansions, wildcardChain, strays, summary };
}

/**
 * A requested name owns the chain built under its own name, else the one built under its `name:tag`
 * (upstream's default version: `python` builds `python:3.10`). Nothing else: a chain of another name is
 * never taken for a package the output does not name.
 */
function ownChains(claims: Claims, requested: string[]): Map<string, number> {
  // (Patterns are among the names: no record is named with *, ? or [, so they claim nothing by name.)
  const chainOf = new Map<string, number>();
  for (const name of requested) {
    const k = claims.exact(name);
    if (k !== undefined) chainOf.set(name, k);
  }
  for (const name of requested) {
    if (chainOf.has(name)) continue;
    const k = claims.tagged(name);
    if (k !== undefined) chainOf.set(name, k);
  }
  return chainOf;
}

/** A wildcard counts once the output names what it matched: chains built for it, or summary lines. */
function expand(parse: ParseResult, pattern: string, taken: Set<number>, requested: Set<string>): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  parse.chains.forEach((c, k) => {
    if (taken.has(k) || seen.has(c.target) || !matchesPattern(c.target, pattern)) return;
    seen.add(c.target);
    names.push(c.target);
  });
  for (const s of parse.summary ?? []) {
    if (seen.has(s.package) || requested.has(s.package) || !matchesPattern(s.package, pattern)) continue;
    seen.add(s.package);
    names.push(s.package);
  }
  return names;
}

// ---- With --multiple, per-package results: a summary line wins, then the chain, then why there is neither.

function legResult(run: Run, legs: Legs, name: string, chainIndex: number | undefined): ChainResult {
  const chain = run.parse.chains[chainIndex ?? -1];
  const si = chain
    ? legs.summary.exact(chain.target)
    : (legs.summary.exact(name) ?? legs.summary.tagged(name));
  if (si !== undefined) return fromSummary(run, (run.parse.summary ?? [])[si] as SummaryEntry, chain);
  if (chain) return chainResult(run, chain);
  const r = unreached(run, name);
  // Exit 0 with something else built: say what, instead of only that the package never came.
  // (Only a failure carries a failure point.)
  if (r.failure?.phase === 'unknown' && legs.strays.length > 0 && run.input.exitCode === 0) {
    return notReported(name, legs.strays, r.failure.excerpt);
  }
  return r;
}

function fromSummary(run: Run, s: SummaryEntry, chain: ChainRecord | undefined): ChainResult {
  const fromChain = chain ? chainResult(run, chain) : null;
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
}

/** A pattern the output named nothing for is blamed only when no stop or orphan failure explains it. */
function patternMiss(run: Run, pattern: string): ChainResult {
  const r = unreached(run, pattern);
  if (r.failure?.phase === 'unknown') {
    return {
      ...r,
      failure: simplePoint('resolve', `the pattern ${pattern} matched no package`, r.failure.excerpt),
    };
  }
  return r;
}

// ---- With --multiple, ordering: request order, a pattern standing for its expansion, each package once.

function multiplePackages(run: Run): PackageResult[] {
  const { parse } = run;
  const legs = matchLegs(run);
  const out: PackageResult[] = [];
  const listed = new Set<string>();
  for (const name of run.requested) {
    if (!isWildcard(name)) {
      out.push({ name, ...legResult(run, legs, name, legs.chainOf.get(name)) });
      listed.add(name);
      continue;
    }
    for (const n of legs.expansions.get(name) as string[]) {
      if (listed.has(n)) continue;
      listed.add(n);
      out.push({ name: n, ...legResult(run, legs, n, legs.wildcardChain.get(n)) });
    }
    // Upstream builds each package once, however many requested names match it: a pattern counts as matched
    // when the output names any package it matches, even one listed under another requested name.
    const named =
      parse.chains.some((c) => matchesPattern(c.target, name)) ||
      (parse.summary ?? []).some((s) => matchesPattern(s.package, name));
    if (!named) out.push({ name, ...patternMiss(run, name) });
  }
  return out;
}

// ---- The overall verdict and the sentence that explains it.

interface Tally {
  firstFailed: PackageResult | null;
  failure: FailurePoint | null;
  built: PackageResult[];
  allDone: boolean;
  clean: boolean;
}

function tally(parse: ParseResult, packages: PackageResult[]): Tally {
  const firstFailed = packages.find((p) => p.status === 'failure') ?? null;
  const built = packages.filter((p) => p.status === 'success');
  const summaryFailed = parse.summary?.some((s) => s.status === 'failure') ?? false;
  return {
    firstFailed,
    failure: firstFailed?.failure ?? (parse.failures[0] ? point(parse.failures[0]) : null),
    built,
    allDone: packages.length > 0 && built.length === packages.length,
    // Records past the caps are not kept, but their failures are counted: the verdict never rests on a cap.
    clean: parse.failures.length === 0 && !summaryFailed && parse.dropped.failed === 0,
  };
}

function verdict(run: Run, packages: PackageResult[]): Outcome {
  const { input, parse } = run;
  const t = tally(parse, packages);
  if (input.cancelled) {
    return result(input, 'cancelled', packages, t.failure, cancelledMessage(run, packages, t.built));
  }
  if (input.exitCode === 0 && input.signal === null && t.allDone && t.clean) {
    return result(input, 'success', packages, null, successMessage(t.built) + unlistedNote(parse));
  }
  let message = failureMessage(run, packages, t) + lostNote(parse.dropped.failed);
  // (Exit 0 with every package done and clean was a success above, unless killed.)
  if (input.exitCode === 0 && !run.killed && !message.includes('exited 0')) {
    message += '; jetson-containers itself exited 0';
  }
  // A failed build always carries a failure point, even when no package can be blamed.
  const overall = t.failure ?? stoppedPoint(parse, message);
  return result(input, 'failure', packages, overall, `${message}.`);
}

function cancelledMessage(run: Run, packages: PackageResult[], built: PackageResult[]): string {
  const running = packages.find((p) => p.status === 'cancelled');
  const stage = runningStage(run.parse);
  const where = running
    ? ` while building ${running.name}${stage ? ` (stage ${stage.name}, ${stage.phase} ${stage.index}/${stage.total})` : ''}`
    : '';
  const progress = packages.length > 1 ? `; ${built.length} of ${packages.length} packages built` : '';
  return `Build cancelled${where}${progress}.`;
}

function unlistedNote(parse: ParseResult): string {
  const unlisted = parse.dropped.chains + parse.dropped.summary;
  return unlisted > 0
    ? ` The output named more packages than were requested; ${unlisted} of their records were not kept.`
    : '';
}

function lostNote(lost: number): string {
  return lost > 0
    ? `; ${lost} more ${lost === 1 ? 'package' : 'packages'} failed that ${lost === 1 ? 'was' : 'were'} not recorded (the output named more packages than were requested)`
    : '';
}

function failureMessage(run: Run, packages: PackageResult[], t: Tally): string {
  if (run.killed) return killedMessage(run, run.killed, packages);
  if (t.allDone && t.clean) {
    return `All packages reported done but jetson-containers ended with ${run.exitText}`;
  }
  if (t.allDone) {
    let message = `All packages reported done but jetson-containers also reported a failure`;
    if (t.failure) {
      const where = describeStage(t.failure);
      message += `${where ? ` ${where}` : ''}${t.failure.error ? `: ${t.failure.error}` : ''}`;
    }
    return message;
  }
  if (t.failure?.phase === 'resolve' && run.orphan?.unknownPackage) {
    return `Unknown package ${run.orphan.unknownPackage}: jetson-containers couldn't find it`;
  }
  if (!run.input.multiple) {
    // One chain: the packages failed together, so name them together.
    const failed = packages.filter((p) => p.status === 'failure').map((p) => p.name);
    return failureClause(failed.length > 0 ? list(failed) : 'the build', t.failure);
  }
  return multipleFailureMessage(packages, t);
}

function killedMessage(run: Run, killed: string, packages: PackageResult[]): string {
  // (Only a failed package carries a failure point.)
  const running = packages.find((p) => p.failure?.error?.includes('killed'));
  const f = running?.failure ?? null;
  const stage = f && f.stage ? ` ${describeStage(f)}` : '';
  const where = running ? ` while building ${running.name}${stage}` : '';
  const exit = run.input.signal === null ? ` (${run.exitText})` : '';
  return `jetson-containers was killed by ${killed}${exit}${where}`;
}

function multipleFailureMessage(packages: PackageResult[], t: Tally): string {
  const { firstFailed } = t;
  const failed = firstFailed ? failureClause(firstFailed.name, firstFailed.failure) : 'the build failed';
  let message =
    packages.length > 1 ? `${t.built.length} of ${packages.length} packages built; ${failed}` : failed;
  const others = packages.filter((p) => p.status === 'failure' && p !== firstFailed).map((p) => p.name);
  if (others.length > 0) message += `; also failed: ${list(others)}`;
  const notBuilt = packages.filter((p) => p.status === 'not-built');
  if (notBuilt.length > 0) message += `; not built: ${list(notBuilt.map((p) => p.name))}`;
  return message;
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
  const images = new Set<string>();
  for (const p of packages) if (p.status === 'success' && p.image) images.add(p.image);
  const stages = input.parse.stages.map((s) =>
    s.status === 'running'
      ? { ...s, status: status === 'cancelled' ? ('cancelled' as const) : ('failure' as const) }
      : { ...s },
  );
  return {
    status,
    packages,
    failedPackages: packages.filter((p) => p.status === 'failure').map((p) => p.name),
    images: [...images],
    failure,
    message,
    stages,
  };
}
