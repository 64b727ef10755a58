// Parses the raw console stream of `jetson-containers build` as it passes, in bounded memory and time.
//
// Speed: the stream is mostly docker/pip output (99% of bytes) that we never look at. The tool's own lines
// all begin with a `[HH:MM:SS]` timestamp (or, with colour, an ANSI code right before it), so after the
// short header only lines found by a native `Buffer.indexOf` needle scan reach JavaScript: `\n[` (plus
// `\n\x1b` with colour), switching to `\n[0`, `\n[1`, `\n[2` while the output is full of `[` lines.
// Everything else the status rules need (docker errors, tracebacks) is cut from a 64 KiB rolling tail
// when a failure marker appears. Memory is bounded: lines kept are capped, and so are records: per-package
// records (chains, done and summary lines, failures) by the requested package count, never by a constant alone,
// so that 5 000 requested packages keep 5 000 records while a build that prints millions of lines for 3
// requested packages keeps a few thousand at most. What is dropped is counted, failures separately.
//
// Time: stage start times and durations come from `now()` at the moment a line is seen, not from the
// `[HH:MM:SS]` stamps, which have no date (builds run over midnight and for days) and only whole seconds.

import type { EnvironmentInfo, FailurePhase, FailurePoint, StageRecord } from '../report.js';

/** Where the runner may open or close a collapsible log group; `offset` is a byte offset in the chunk just written. */
export type StreamEvent =
  | { kind: 'stage'; offset: number; title: string; stage: StageRecord }
  | { kind: 'failure'; offset: number; title: string };

export type ConsoleEnvironment = Omit<EnvironmentInfo, 'source'>;

/** The tool's parsed arguments, from its `Namespace(...)` dump. */
export interface ToolArgs {
  packages: string[] | null;
  name: string | null;
  base: string | null;
  multiple: boolean | null;
  skipErrors: boolean | null;
  skipTests: string[] | null;
  push: string | null;
  logDir: string | null;
  simulate: boolean | null;
}

/** One dependency chain (`BUILDING [...]`); under `--multiple` there is one per package. */
export interface ChainRecord {
  packages: string[];
  /** The chain's last package: what upstream names the image after, and what `--multiple` built it for. */
  target: string;
  status: 'running' | 'success' | 'failure';
  /** The final local image (for `--push`, the name before it was retagged for the registry). */
  image: string | null;
  pushedImage: string | null;
  /** `X` of the ``done ✅ `jetson-containers build X` `` line. */
  builtName: string | null;
  /** Index into `failures`, when this chain failed. */
  failure: number | null;
  startTime: string | null;
  durationSeconds: number | null;
}

export interface ParsedFailure extends FailurePoint {
  /** Index into `chains`, or null when the failure came before any chain (e.g. an unknown package). */
  chain: number | null;
  /** The chain's last package, when known. */
  target: string | null;
  /** The text after `Error:` in the 💣 block, capped. */
  rawError: string | null;
  unknownPackage: string | null;
  /** Docker's own error lines (`#5 ERROR: ...`, `ERROR: failed to solve: ...`) just before the failure. */
  dockerErrors: string[];
  /** `N` of `returned non-zero exit status N`. */
  exitStatus: number | null;
}

export interface SummaryEntry {
  package: string;
  image: string | null;
  status: 'success' | 'failure';
  error: string | null;
}

export interface ParseResult {
  /** The tool's environment box (`L4T_VERSION` ...), as printed. */
  environment: ConsoleEnvironment;
  args: ToolArgs | null;
  /** The `$ jetson-containers ...` line, without the `$ `. */
  commandLine: string | null;
  chains: ChainRecord[];
  stages: StageRecord[];
  /** Every ``done ✅ `jetson-containers build X` (image)`` line, in order. */
  done: Array<{ name: string; image: string }>;
  /** Every `Pushed container X`. */
  pushed: string[];
  /** `Build logs at:` (only `--multiple` prints it). */
  buildLogsDir: string | null;
  /** The `--multiple --skip-errors` summary; null when the tool printed none. */
  summary: SummaryEntry[] | null;
  failures: ParsedFailure[];
  /** The packages of `error Failed building:  a, b`; null when the line never appeared. */
  failedBuilding: string[] | null;
  /** argparse's `error: ...` line (the tool then exits 2); `usage` holds the usage text before it. */
  usageError: string | null;
  usage: string[];
  /** The last `SomethingError: ...` line of a Python traceback printed before any log line. */
  startupError: string | null;
  /** The last exception line of the traceback after `Failed building:`. */
  tracebackError: string | null;
  /** `⏱️  Total build time: N seconds`. */
  toolBuildSeconds: number | null;
  /** Whether the tool printed ANSI colours (null: it printed no log line). */
  colors: boolean | null;
  /** The last lines of the whole output (ANSI stripped, capped), for failures no marker explains. */
  tail: string[];
  bytes: number;
  /** How many records were not kept because of the caps. */
  dropped: {
    stages: number;
    failures: number;
    chains: number;
    summary: number;
    done: number;
    /**
     * Of the records not kept, how many said a package failed (`FAILED` summary lines, failed chains): the
     * verdict must not rest on kept records alone.
     */
    failed: number;
  };
}

export interface ParserOptions {
  now?: () => Date;
  /**
   * The packages as requested (names, `name:tag`, wildcards). Records of these are always kept; the
   * `Namespace(...)` dump of the tool, when printed, adds to them.
   */
  requested?: readonly string[];
}

export const LIMITS = {
  /** A line the parser keeps is cut here; the rest of it is skipped unseen. */
  lineBytes: 16 * 1024,
  /** Bytes of header (before the first log line) read line by line. */
  headerBytes: 256 * 1024,
  tailBytes: 64 * 1024,
  excerptLines: 40,
  excerptLineChars: 300,
  errorChars: 1000,
  stages: 2000,
  /** Failures kept with their excerpt; later ones of requested packages keep only their one-line error. */
  failures: 100,
  /** Records (of each kind) kept beyond those of requested packages: dependencies, aliases. */
  chains: 1000,
  summary: 1000,
  done: 1000,
  /**
   * Records kept for what wildcards expand to. Upstream expands patterns against its package table (a few
   * thousand entries, each matched once however many patterns match it), so this bounds any expansion.
   */
  wildcardRecords: 20_000,
  /** Records of one requested name (a tool that repeats a line cannot grow memory through it). */
  perRequested: 4,
  dockerErrors: 10,
  usageLines: 60,
} as const;

const NL = 0x0a;
const ESC = 0x1b;
const LBRACKET = 0x5b;
const NEEDLE_PLAIN = Buffer.from('\n[');
const NEEDLE_COLOR = Buffer.from('\n\x1b');
// Hours are 00-23: for output where many lines start with `[` (cmake's `[ 45%]` without BuildKit's `#N`
// prefix) these three find only timestamps, and each scan stays in native code.
const NEEDLES_HOUR = ['\n[0', '\n[1', '\n[2'].map((s) => Buffer.from(s));
/** False `\n[` hits per chunk above which the hour needles are cheaper. */
const BRACKET_NOISE = 64;
/** Chunks to stay on the hour needles before measuring the plain needle again. */
const HOUR_NEEDLE_CHUNKS = 256;
const BOX_BUILDING = Buffer.from('> BUILDING  ');
const BOX_TOP = Buffer.from('┌');

// CSI sequences, OSC sequences and two-byte escapes: enough for termcolor and docker's tty output.
// eslint-disable-next-line no-control-regex
const ANSI_RE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])/g;
const TIMESTAMP_RE = /^\[(\d\d):(\d\d):(\d\d)\] ?(?:(status|done|warn|error|debug|verbose) )?(.*)$/;
const PROGRESS_RE =
  /^(?:\[[#\-=. ]*\]\s*(\d+)\/(\d+)|\[(\d+)\/(\d+)\])\s+(Building|Testing)\s+(\S+)(?:\s+\(([^()]*)\))?(?:\s+\d+\s+stages completed.*)?\s*$/;
const SUMMARY_RE = /^\s*\*\s+(\S+)\s+\(([^()]*)\)\s+(FAILED|SUCCESS)\b\s*(?:\((.*)\))?\s*$/;
const EXCEPTION_RE = /^((?:[A-Za-z_][\w]*\.)*[A-Za-z_]\w*(?:Error|Exception|Interrupt|Exit))(?::\s*(.*))?$/;
const UNKNOWN_PACKAGE_RE = /couldn't find package:\s+([^\s"'\\]+)/;

/** Removes ANSI escape sequences. */
export function stripAnsi(text: string): string {
  return text.includes('\x1b') ? text.replace(ANSI_RE, '') : text;
}

function capText(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/**
 * A copy that does not keep its source alive: V8's substrings (split, slice, regex groups) point into the
 * whole string they came from, here the 64 KiB tail, which every kept failure would otherwise pin.
 */
function detach(text: string): string {
  return text.length === 0 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/** A fixed-size ring of the last bytes of the stream, so excerpts never need the whole log. */
class ByteTail {
  private readonly ring: Buffer;
  private end = 0;
  private filled = 0;

  constructor(size: number) {
    this.ring = Buffer.allocUnsafe(size);
  }

  push(chunk: Buffer, start: number, stop: number): void {
    const size = this.ring.length;
    let from = start;
    if (stop - from >= size) from = stop - size;
    while (from < stop) {
      const n = Math.min(stop - from, size - this.end);
      chunk.copy(this.ring, this.end, from, from + n);
      from += n;
      this.end = (this.end + n) % size;
      this.filled = Math.min(size, this.filled + n);
    }
  }

  /** The last `max` non-blank lines, ANSI stripped, each capped. */
  lines(max: number, lineChars: number, skip?: (line: string) => boolean): string[] {
    if (this.filled === 0) return [];
    const size = this.ring.length;
    const bytes =
      this.filled < size
        ? this.ring.subarray(0, this.filled)
        : Buffer.concat([this.ring.subarray(this.end), this.ring.subarray(0, this.end)]);
    const parts = bytes.toString('utf8').split('\n');
    // After the ring wrapped its first line is a fragment.
    if (this.filled === size && parts.length > 1) parts.shift();
    const out: string[] = [];
    for (let i = parts.length - 1; i >= 0 && out.length < max; i--) {
      const line = visibleLine(parts[i] as string);
      if (line.trim().length === 0) continue;
      if (skip?.(line)) continue;
      out.push(capText(line, lineChars));
    }
    return out.reverse();
  }
}

/** What a terminal would show of one line: ANSI gone, carriage-return redraws resolved to their last frame. */
function visibleLine(raw: string): string {
  let line = stripAnsi(raw).replace(/\r+$/, '');
  const cr = line.lastIndexOf('\r');
  if (cr >= 0) line = line.slice(cr + 1);
  return line.trimEnd();
}

function isSeparatorMessage(message: string): boolean {
  return /^=+$/.test(message);
}

/** `[17:38:51] warn ====` separators carry no information and would crowd out the real lines of an excerpt. */
function isSeparatorLine(line: string): boolean {
  const m = TIMESTAMP_RE.exec(line);
  return m !== null && isSeparatorMessage((m[5] ?? '').trim());
}

/** Python-repr values of the Namespace dump: strings, lists of strings, True/False/None, numbers. */
export function parseNamespace(line: string): Record<string, string | string[] | boolean | null> | null {
  const start = line.indexOf('Namespace(');
  if (start < 0) return null;
  const out: Record<string, string | string[] | boolean | null> = {};
  let i = start + 'Namespace('.length;
  const n = line.length;
  const readString = (): string => {
    const quote = line[i];
    i++;
    let s = '';
    while (i < n && line[i] !== quote) {
      if (line[i] === '\\' && i + 1 < n) {
        i++;
        const c = line[i] as string;
        s += c === 'n' ? '\n' : c === 't' ? '\t' : c;
      } else {
        s += line[i];
      }
      i++;
    }
    i++;
    return s;
  };
  const readAtom = (): string => {
    const from = i;
    while (i < n && line[i] !== ',' && line[i] !== ')' && line[i] !== ']') i++;
    return line.slice(from, i).trim();
  };
  // Each key moves `i` past its `=`, so this ends.
  while (i < n) {
    while (line[i] === ' ' || line[i] === ',') i++;
    if (line[i] === ')') break;
    const eq = line.indexOf('=', i);
    if (eq < 0) break;
    const key = line.slice(i, eq).trim();
    i = eq + 1;
    const c = line[i];
    if (c === "'" || c === '"') {
      out[key] = readString();
    } else if (c === '[') {
      i++;
      const items: string[] = [];
      while (i < n && line[i] !== ']') {
        while (line[i] === ' ' || line[i] === ',') i++;
        if (line[i] === "'" || line[i] === '"') {
          items.push(readString());
          continue;
        }
        const from = i;
        const atom = readAtom();
        // At `]`, `)` or the end nothing was read: the list is over.
        if (i === from) break;
        items.push(atom);
      }
      i++;
      out[key] = items;
    } else if (c === '{') {
      // build_args may already be a dict in some versions; it is not needed, so skip it balanced.
      let depth = 0;
      while (i < n) {
        if (line[i] === '{') depth++;
        else if (line[i] === '}' && --depth === 0) {
          i++;
          break;
        }
        i++;
      }
      out[key] = null;
    } else {
      const atom = readAtom();
      out[key] = atom === 'True' ? true : atom === 'False' ? false : atom === 'None' ? null : atom;
    }
  }
  return out;
}

function toolArgsFrom(ns: Record<string, string | string[] | boolean | null>): ToolArgs {
  const str = (k: string): string | null => {
    const v = ns[k];
    return typeof v === 'string' ? v : null;
  };
  const bool = (k: string): boolean | null => {
    const v = ns[k];
    return typeof v === 'boolean' ? v : null;
  };
  const list = (k: string): string[] | null => {
    const v = ns[k];
    if (Array.isArray(v)) return v.filter((s) => s.length > 0);
    if (typeof v === 'string') return v.length > 0 ? v.split(/[,;:]/).filter((s) => s.length > 0) : [];
    return null;
  };
  return {
    packages: Array.isArray(ns.packages) ? ns.packages : null,
    name: str('name'),
    base: str('base'),
    multiple: bool('multiple'),
    skipErrors: bool('skip_errors'),
    skipTests: list('skip_tests'),
    push: str('push'),
    logDir: str('log_dir'),
    simulate: bool('simulate'),
  };
}

/** `['a', 'b']` as Python prints a list of strings. */
function parsePyList(text: string): string[] {
  const items: string[] = [];
  const re = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && items.length < 1000) items.push(m[1] ?? m[2] ?? '');
  return items;
}

function phaseFromCommand(command: string): FailurePhase | null {
  if (/\bdocker push\b/.test(command)) return 'push';
  if (/\bdocker run\b/.test(command)) return 'test';
  if (/\bdocker (?:buildx )?build\b/.test(command)) return 'build';
  if (/\bdocker tag\b/.test(command)) return 'build';
  return null;
}

function logFileFromCommand(command: string): string | null {
  const tee = /\btee\s+'?([^\s';|]+\.txt)/.exec(command);
  if (tee) return tee[1] as string;
  // BuildKit tty mode runs the build under `script ... <log>.txt`.
  const script = /\bscript\b.*?\s'?([^\s';|]+\.txt)'?\s*(?:$|;)/.exec(command);
  if (script) return script[1] as string;
  const dockerfile = /--file\s+'?([^\s']+)\.Dockerfile\b/.exec(command);
  if (dockerfile) return `${dockerfile[1] as string}.txt`;
  return null;
}

/** The one line a person needs: docker's error for builds, the test's exception for tests, else the Error text. */
function summarizeError(f: ParsedFailure, excerpt: string[]): string | null {
  const raw = f.rawError;
  if (f.unknownPackage) return `couldn't find package: ${f.unknownPackage}`;
  if (raw !== null && !/^Command '/.test(raw))
    return capText(raw.replace(/^"(.*)"$/, '$1').replace(/\s+/g, ' '), 300);
  const status = f.exitStatus !== null ? ` (exit status ${f.exitStatus})` : '';
  if (f.phase === 'build') {
    const cause = buildCause(excerpt);
    if (cause) return cause;
    const solve = [...f.dockerErrors].reverse().find((l) => /ERROR: failed to solve/.test(l));
    const docker = solve ?? f.dockerErrors[f.dockerErrors.length - 1];
    if (docker) return capText(docker.replace(/^#\d+\s+/, ''), 300);
    return `docker build failed${status}`;
  }
  if (f.phase === 'test') {
    const test = /\/bin\/bash -c '([^']*)'/.exec(raw ?? '');
    const testName = test ? ` '${test[1] as string}'` : '';
    // (A log line starts with its `[HH:MM:SS]` stamp, so it is never taken for an exception.)
    const exception = [...excerpt].reverse().find((l) => EXCEPTION_RE.test(l.trim()));
    if (exception) return capText(`test${testName} failed: ${exception.trim()}`, 300);
    return `test${testName} failed${status}`;
  }
  if (f.phase === 'push') {
    const denied = [...excerpt]
      .reverse()
      .find((l) => /denied|unauthorized|error/i.test(l) && !/^\[\d\d:/.test(l));
    return capText(denied ? `docker push failed: ${denied.trim()}` : `docker push failed${status}`, 300);
  }
  return raw !== null ? capText(raw, 300) : null;
}

// A failed RUN step: BuildKit's `#7 ERROR: process "/bin/sh -c CMD" did not complete successfully: exit code: N`
// and the legacy builder's `The command '/bin/sh -c CMD' returned a non-zero code: N`.
const STEP_ERROR_RE = /^#(\d+)\s+ERROR:\s*process "(.*)" did not complete successfully: exit code: (\d+)/;
const SOLVE_ERROR_RE =
  /^ERROR: failed to solve: process "(.*)" did not complete successfully: exit code: (\d+)/;
const LEGACY_ERROR_RE = /^The command '(.*)' returned a non-zero code: (\d+)/;
/** Output lines that state a cause: apt's `E:`, compiler and tool errors (`command not found` is a `not found`). */
const CAUSE_RE =
  /^(?:E: |ERROR\b|Error\b|error\b|fatal\b|FATAL\b|FAILED\b|CMake Error|ninja: build stopped|make(?:\[\d+\])?: \*\*\*)|\b(?:error:|No such file or directory|Permission denied|Could not find|Unable to|No matching distribution|not found)/;

/**
 * The command a RUN step ran, without the wrappers upstream puts around every one: `/bin/sh -c` and the
 * ~230-character ccache preamble (`if command -v ccache ...; fi;`).
 */
export function unwrapRunCommand(command: string): string {
  let cmd = command.trim().replace(/^\/bin\/(?:ba)?sh -c /, '');
  cmd = cmd.replace(/^if command -v ccache\b.*?;\s*fi\s*(?:;|&&)\s*/, '');
  cmd = cmd.replace(/^set -[a-z]+\s*(?:;|&&)\s*/, '');
  return cmd.trim();
}

/**
 * The one line for a failed docker build step: the step's own last output line that states a cause (else its
 * last line), with the command it ran (wrappers dropped) and the exit code. Null when no RUN step failed.
 */
function buildCause(lines: string[]): string | null {
  // The last failed step: its line, its BuildKit step number (null for the legacy builder), command, exit code.
  let failed: { at: number; step: string | null; command: string; code: string } | null = null;
  for (let i = lines.length - 1; i >= 0 && failed === null; i--) {
    const l = (lines[i] as string).trim();
    const m = STEP_ERROR_RE.exec(l);
    if (m) {
      failed = { at: i, step: m[1] as string, command: m[2] as string, code: m[3] as string };
      continue;
    }
    const legacy = LEGACY_ERROR_RE.exec(l);
    if (legacy) failed = { at: i, step: null, command: legacy[1] as string, code: legacy[2] as string };
  }
  if (failed === null) {
    // Only the final `failed to solve` line is left (the step's own lines scrolled out of the tail).
    const solve = lines.map((l) => SOLVE_ERROR_RE.exec(l.trim())).findLast((m) => m !== null);
    if (!solve) return null;
    return capText(
      `RUN ${capText(unwrapRunCommand(solve[1] as string), 120)} failed (exit code: ${solve[2] as string})`,
      300,
    );
  }
  const { at, step, command, code } = failed;
  // The step's output: `#7 1.024 text` under BuildKit, plain lines under the legacy builder.
  const output: string[] = [];
  const prefix = step !== null ? new RegExp(`^#${step}\\s+\\d+(?:\\.\\d+)?\\s(.*)$`) : null;
  for (let i = at - 1; i >= 0 && output.length < 20; i--) {
    const l = (lines[i] as string).trim();
    if (prefix) {
      const m = prefix.exec(l);
      if (m) output.push((m[1] as string).trim());
      // Its header line: everything before belongs to earlier steps (parallel steps' lines are skipped).
      else if (l.startsWith(`#${step} [`)) break;
    } else {
      if (/^(?:Step \d+\/\d+ :|---> )/.test(l)) break;
      output.push(l);
    }
  }
  // (Excerpt lines are never blank.) Shell traces (`+ cmd`) state no cause.
  const real = output.filter((l) => !/^\+ /.test(l));
  const cause =
    real.find((l) => EXCEPTION_RE.test(l)) ?? real.find((l) => CAUSE_RE.test(l)) ?? real[0] ?? null;
  const cmd = capText(unwrapRunCommand(command), 80);
  const text = cause
    ? `${capText(cause, 200)} (RUN ${cmd}, exit code: ${code})`
    : `RUN ${cmd} failed (exit code: ${code})`;
  return capText(text, 300);
}

type LineState = 'start' | 'skip' | 'capture';

type RecordKind = 'chains' | 'done' | 'summary';

/**
 * Which per-package records are kept. Those of a requested name (exactly, or its `name:tag` as upstream
 * resolves a default version) always are, a few each; any other record (a wildcard's expansion, an alias, a
 * dependency) counts against a budget that is large only when a wildcard was requested.
 */
class RecordBudget {
  private readonly requested = new Map<string, Record<RecordKind, number>>();
  private wildcard = false;
  private readonly extra: Record<RecordKind, number> = { chains: 0, done: 0, summary: 0 };

  add(names: readonly string[], buildsEverything: boolean): void {
    if (buildsEverything) this.wildcard = true;
    for (const name of names) {
      if (/[*?[]/.test(name)) this.wildcard = true;
      // (Called before any record is taken: the header comes first.)
      else this.requested.set(name, { chains: 0, done: 0, summary: 0 });
    }
  }

  /** Whether to keep one more record of this kind for this (built) package name; counts it when kept. */
  take(kind: RecordKind, name: string): boolean {
    const colon = name.indexOf(':');
    const own =
      this.requested.get(name) ?? (colon > 0 ? this.requested.get(name.slice(0, colon)) : undefined);
    if (own && own[kind] < LIMITS.perRequested) {
      own[kind]++;
      return true;
    }
    if (this.extra[kind] < LIMITS[kind] + (this.wildcard ? LIMITS.wildcardRecords : 0)) {
      this.extra[kind]++;
      return true;
    }
    return false;
  }

  /** How many `Pushed container` names to keep: one per record a chain may have. */
  pushLimit(): number {
    return (
      this.requested.size * LIMITS.perRequested + LIMITS.done + (this.wildcard ? LIMITS.wildcardRecords : 0)
    );
  }
}

/** The streaming parser. Feed it every chunk in order with `write`, then call `end` once. */
export class BuildStreamParser {
  private readonly now: () => Date;
  private readonly tail = new ByteTail(LIMITS.tailBytes);

  private lineState: LineState = 'start';
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private partialTruncated = false;

  private header = true;
  private headerBytes = 0;
  private inTraceback = false;
  private needles: Buffer[] = [NEEDLE_PLAIN, NEEDLE_COLOR];
  /** Only without colour: whether `\n[` is noisy enough to scan for `\n[0..2` instead, and for how long. */
  private hourNeedleChunks = 0;
  private falseHits = 0;
  private ended = false;

  // Per-chunk bookkeeping for event offsets and tail feeding.
  private chunk: Buffer = Buffer.alloc(0);
  private tailFed = 0;
  private minBoxPos = 0;
  private separatorOffset: number | null = null;
  private chunkSeq = 0;
  private separatorSeq = -1;

  private readonly r: ParseResult = {
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
    colors: null,
    tail: [],
    bytes: 0,
    dropped: { stages: 0, failures: 0, chains: 0, summary: 0, done: 0, failed: 0 },
  };

  private chain: ChainRecord | null = null;
  private chainIndex: number | null = null;
  private stage: StageRecord | null = null;
  private stageStartMs = 0;
  private chainStartMs = 0;
  /** The failure whose 💣 block is still being printed (expects `Error:` next). */
  private openFailure: ParsedFailure | null = null;
  private lastFailure: ParsedFailure | null = null;
  /** The first `Pushing X` of a chain names the local image before `--push` retags it. */
  private localPushName: string | null = null;
  private afterFailedBuilding = false;
  /** Whether a `Failed building:` line already answered the last 💣 block. */
  private failedBuildingClaimed = false;
  private readonly budget = new RecordBudget();
  /** Failures in `r.failures` (kept), and those of them kept without an excerpt (past LIMITS.failures). */
  private readonly kept = new WeakSet<ParsedFailure>();
  private readonly light = new WeakSet<ParsedFailure>();

  constructor(opts: ParserOptions = {}) {
    this.now = opts.now ?? (() => new Date());
    if (opts.requested) this.budget.add(opts.requested, false);
  }

  /** The longest line kept: the header's `Namespace(...)` dump lists every requested package. */
  private lineCap(): number {
    return this.header ? LIMITS.headerBytes : LIMITS.lineBytes;
  }

  write(chunk: Buffer): StreamEvent[] {
    if (this.ended || chunk.length === 0) return [];
    const events: StreamEvent[] = [];
    this.chunk = chunk;
    this.chunkSeq++;
    this.tailFed = 0;
    this.minBoxPos = 0;
    this.r.bytes += chunk.length;
    let pos = 0;
    const len = chunk.length;

    if (this.lineState === 'capture') {
      const nl = chunk.indexOf(NL);
      if (nl < 0) {
        this.appendPartial(chunk, 0, len);
        this.feedTail(len);
        return events;
      }
      this.appendPartial(chunk, 0, nl);
      const line = this.takePartial();
      this.feedTail(nl + 1);
      this.handleLine(line, 0, events);
      this.minBoxPos = nl + 1;
      pos = nl + 1;
      this.lineState = 'start';
    }

    while (this.header && pos < len) {
      if (this.lineState === 'skip') {
        const nl = chunk.indexOf(NL, pos);
        if (nl < 0) {
          pos = len;
          break;
        }
        pos = nl + 1;
        this.lineState = 'start';
        continue;
      }
      const nl = chunk.indexOf(NL, pos);
      const stop = nl < 0 ? len : nl;
      this.headerBytes += stop - pos + 1;
      if (nl < 0) {
        this.startPartial(chunk, pos, len);
        pos = len;
        break;
      }
      this.feedTail(nl + 1);
      this.handleLine(chunk.subarray(pos, nl), pos, events);
      pos = nl + 1;
      this.minBoxPos = pos;
      if (this.header && this.headerBytes > LIMITS.headerBytes) this.leaveHeader(null);
    }

    if (!this.header && pos < len) {
      const plainOnly = this.needles.length === 1 && this.needles[0] === NEEDLE_PLAIN;
      const hours = plainOnly && this.hourNeedleChunks > 0;
      this.falseHits = 0;
      pos = this.scanBody(chunk, pos, hours ? NEEDLES_HOUR : this.needles, events);
      if (hours) this.hourNeedleChunks--;
      else if (plainOnly && this.falseHits > BRACKET_NOISE) this.hourNeedleChunks = HOUR_NEEDLE_CHUNKS;
    }

    if ((this.lineState as LineState) !== 'capture')
      this.lineState = chunk[len - 1] === NL ? 'start' : 'skip';
    this.feedTail(len);
    return events;
  }

  /** Finishes a last line without a newline and the traceback-derived facts. */
  end(): StreamEvent[] {
    if (this.ended) return [];
    const events: StreamEvent[] = [];
    this.chunk = Buffer.alloc(0);
    this.chunkSeq++;
    this.tailFed = 0;
    this.minBoxPos = 0;
    if (this.lineState === 'capture') {
      this.handleLine(this.takePartial(), 0, events);
      this.lineState = 'start';
    }
    this.ended = true;
    const tail = this.tail.lines(200, LIMITS.excerptLineChars);
    this.r.tail = tail.slice(-LIMITS.excerptLines);
    if (this.afterFailedBuilding) {
      for (let i = tail.length - 1; i >= 0; i--) {
        const line = (tail[i] as string).trim();
        if (/^\[\d\d:\d\d:\d\d\]/.test(line)) break;
        // Tail lines are already cut at LIMITS.excerptLineChars.
        if (EXCEPTION_RE.test(line)) {
          this.r.tracebackError = line;
          break;
        }
      }
      const f = this.lastFailure;
      if (f && this.r.tracebackError !== null) {
        const unknown = UNKNOWN_PACKAGE_RE.exec(this.r.tracebackError);
        if (unknown && f.unknownPackage === null && f.rawError === null) {
          f.unknownPackage = unknown[1] as string;
          f.phase = 'resolve';
          f.stage = null;
          f.stageIndex = null;
          f.stageCount = null;
        }
        if (f.rawError === null) {
          // No 💣 block explained it, so the traceback is the best excerpt there is.
          f.excerpt = this.tail.lines(LIMITS.excerptLines, LIMITS.excerptLineChars, isSeparatorLine);
        }
        if (f.error === null) f.error = summarizeError(f, f.excerpt) ?? this.r.tracebackError;
      }
    }
    return events;
  }

  /** A snapshot of everything parsed so far (a copy: safe to keep while the parser goes on). */
  result(): ParseResult {
    return structuredClone(this.r);
  }

  /** The stage being built or tested right now, if any (a copy). */
  currentStage(): StageRecord | null {
    return this.stage ? { ...this.stage } : null;
  }

  // ---- byte level -------------------------------------------------------------------------------------

  private scanBody(chunk: Buffer, from: number, needles: Buffer[], events: StreamEvent[]): number {
    const len = chunk.length;
    let pos = from;
    // A line may begin right at the chunk start (previous chunk ended with a newline).
    if (pos === 0 && this.lineState === 'start') pos = this.candidate(chunk, 0, events);
    else if (pos > 0) pos = this.candidate(chunk, pos, events);
    const hits = needles.map(() => -2);
    let guard = 0;
    while (pos < len && guard++ < len) {
      let best = -1;
      for (let k = 0; k < needles.length; k++) {
        let h = hits[k] as number;
        if (h !== -1 && h < pos - 1) {
          // A line start is the byte after the newline, so the newline itself may sit at pos - 1.
          h = chunk.indexOf(needles[k] as Buffer, Math.max(0, pos - 1));
          hits[k] = h;
        }
        if (h >= 0 && (best < 0 || h < best)) best = h;
      }
      if (best < 0) break;
      // `[` not followed by a digit (cmake's `[ 45%]`, apt's `[1 kB]`...) cannot be a timestamp: skip it
      // here rather than in a call, as legacy-builder output can start every line with `[`.
      const next = chunk[best + 2];
      if (chunk[best + 1] === LBRACKET && next !== undefined && (next < 0x30 || next > 0x39)) {
        this.falseHits++;
        pos = best + 2;
        continue;
      }
      pos = this.candidate(chunk, best + 1, events);
    }
    // A needle cut by the chunk end (`\n[` | `1` with the hour needles) did not match: keep the line's start.
    if (this.lineState !== 'capture' && pos < len) {
      const lastNl = chunk.lastIndexOf(NL, len - 1);
      if (lastNl >= pos - 1 && lastNl >= len - 16 && lastNl + 1 < len) {
        if (timestampProbe(chunk, lastNl + 1, len) !== 'no') this.startPartial(chunk, lastNl + 1, len);
      }
    }
    return len;
  }

  /**
   * Looks at the line starting at `start`: keeps it when it is (or may be) a log line, else skips it.
   * Returns where scanning goes on.
   */
  private candidate(chunk: Buffer, start: number, events: StreamEvent[]): number {
    const len = chunk.length;
    const kind = timestampProbe(chunk, start, len);
    if (kind === 'no') {
      return start + 1;
    }
    const nl = chunk.indexOf(NL, start);
    if (nl < 0) {
      this.startPartial(chunk, start, len);
      return len;
    }
    this.feedTail(nl + 1);
    this.handleLine(chunk.subarray(start, nl), start, events);
    this.minBoxPos = nl + 1;
    return nl + 1;
  }

  private startPartial(chunk: Buffer, start: number, stop: number): void {
    this.partial = [];
    this.partialBytes = 0;
    this.partialTruncated = false;
    this.lineState = 'capture';
    this.appendPartial(chunk, start, stop);
  }

  private appendPartial(chunk: Buffer, start: number, stop: number): void {
    const room = this.lineCap() - this.partialBytes;
    if (room <= 0) {
      this.partialTruncated = true;
      return;
    }
    const n = Math.min(room, stop - start);
    if (n > 0) {
      this.partial.push(Buffer.from(chunk.subarray(start, start + n)));
      this.partialBytes += n;
    }
    if (n < stop - start) this.partialTruncated = true;
  }

  private takePartial(): Buffer {
    const line = this.partial.length === 1 ? (this.partial[0] as Buffer) : Buffer.concat(this.partial);
    this.partial = [];
    this.partialBytes = 0;
    this.partialTruncated = false;
    return line;
  }

  private feedTail(upto: number): void {
    if (upto > this.tailFed) {
      this.tail.push(this.chunk, this.tailFed, upto);
      this.tailFed = upto;
    }
  }

  private leaveHeader(colors: boolean | null): void {
    this.header = false;
    this.inTraceback = false;
    // Upstream decides colour once per process, so without colour no log line starts with ESC. With colour
    // every one does, but the plain needle stays as a safety net: colour is the rarer, slower path anyway.
    if (colors === false) this.needles = [NEEDLE_PLAIN];
  }

  // ---- line level -------------------------------------------------------------------------------------

  private handleLine(raw: Buffer, offset: number, events: StreamEvent[]): void {
    const cap = this.lineCap();
    const bytes = raw.subarray(0, cap);
    const colored = bytes[0] === ESC;
    let text = bytes.toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    const line = stripAnsi(text);
    const ts = TIMESTAMP_RE.exec(line);
    if (ts) {
      if (this.header) {
        this.r.colors = colored;
        this.leaveHeader(colored);
      }
      this.handleLogLine(ts[4], ts[5] as string, offset, events);
      return;
    }
    if (this.header) this.handleHeaderLine(line);
  }

  private handleHeaderLine(line: string): void {
    const trimmed = line.trim();
    if (trimmed.length === 0) return;
    if (trimmed.startsWith('Namespace(')) {
      // (Never null here: the line starts with `Namespace(`.)
      const args = toolArgsFrom(
        parseNamespace(trimmed) as Record<string, string | string[] | boolean | null>,
      );
      this.r.args = args;
      // `--multiple` with no package builds every package upstream has.
      this.budget.add(args.packages ?? [], args.multiple === true && args.packages?.length === 0);
      return;
    }
    if (
      /L4T_VERSION|JETPACK_VERSION|CUDA_VERSION|PYTHON_VERSION|SYSTEM_ARCH|LSB_RELEASE|CUDA_ARCH/.test(
        trimmed,
      )
    ) {
      const re =
        /\b(L4T_VERSION|JETPACK_VERSION|CUDA_VERSION|PYTHON_VERSION|SYSTEM_ARCH|LSB_RELEASE|CUDA_ARCH)\s+([^\s│|]+)/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(trimmed)) !== null) {
        this.r.environment[m[1] as keyof ConsoleEnvironment] = m[2] as string;
      }
      return;
    }
    if (trimmed.startsWith('$ jetson-containers')) {
      this.r.commandLine = capText(trimmed.slice(2), LIMITS.errorChars);
      return;
    }
    if (/^usage: /.test(trimmed) || (this.r.usage.length > 0 && this.r.usageError === null)) {
      if (this.r.usage.length < LIMITS.usageLines) this.r.usage.push(capText(line.trimEnd(), 300));
    }
    const argErr = /^(?:\S+: )?error: (.*)$/.exec(trimmed);
    if (argErr && this.r.usage.length > 0) {
      this.r.usageError = capText(`error: ${argErr[1] as string}`, LIMITS.errorChars);
      return;
    }
    if (trimmed.startsWith('Traceback (most recent call last)')) {
      this.inTraceback = true;
      return;
    }
    if (this.inTraceback && !/^\s/.test(line) && EXCEPTION_RE.test(trimmed)) {
      this.r.startupError = capText(trimmed, LIMITS.errorChars);
    }
  }

  /** `level` is undefined for plain (info) lines. */
  private handleLogLine(
    level: string | undefined,
    rawMessage: string,
    offset: number,
    events: StreamEvent[],
  ): void {
    const message = rawMessage.trim();
    if (isSeparatorMessage(message)) {
      if (level === 'warn' && this.separatorOffset === null) {
        this.separatorOffset = offset;
        this.separatorSeq = this.chunkSeq;
      }
      return;
    }
    // The ==== lines just before a 💣 line belong to its block.
    const blockStart =
      this.separatorOffset === null ? offset : this.separatorSeq === this.chunkSeq ? this.separatorOffset : 0;
    this.separatorOffset = null;

    if (this.openFailure) {
      const f = this.openFailure;
      this.openFailure = null;
      if (message.startsWith('Error:')) {
        this.fillError(f, message.slice('Error:'.length).trim());
        return;
      }
    }

    const progressText = message.replace(/\s+/g, ' ');
    const progress = PROGRESS_RE.exec(progressText);
    if (progress) {
      this.onProgress(progress, offset, events);
      return;
    }
    if (message.startsWith('BUILDING ')) {
      const list = message.slice('BUILDING '.length).trim();
      if (list.startsWith('[')) this.onChain(parsePyList(list));
      return;
    }
    if (message.includes('💣') || /`jetson-containers build` failed after/.test(message)) {
      this.onFailureMarker(blockStart, events);
      return;
    }
    if (message.startsWith('Failed building:')) {
      this.onFailedBuilding(message.slice('Failed building:'.length));
      return;
    }
    const done = /✅\s*`jetson-containers build\s*([^`]*)`\s*\((.*)\)\s*$/.exec(message);
    if (done) {
      this.onDone((done[1] as string).trim(), (done[2] as string).trim());
      return;
    }
    const total = /Total build time:\s*([\d.]+)\s*seconds/.exec(message);
    if (total) {
      this.r.toolBuildSeconds = Number(total[1]);
      return;
    }
    const pushed = /^Pushed container\s+(\S+)/.exec(message);
    if (pushed) {
      const name = pushed[1] as string;
      if (this.r.pushed.length < this.budget.pushLimit()) this.r.pushed.push(name);
      if (this.chain) this.chain.pushedImage = name;
      return;
    }
    const pushing = /^Pushing\s+(\S+)/.exec(message);
    if (pushing) {
      if (this.localPushName === null) this.localPushName = pushing[1] as string;
      this.closeStage('success');
      return;
    }
    const logs = /^Build logs at:\s*(\S.*)$/.exec(message);
    if (logs) {
      this.r.buildLogsDir = (logs[1] as string).trim();
      if (this.r.summary === null) this.r.summary = [];
      return;
    }
    const summary = SUMMARY_RE.exec(rawMessage);
    if (summary && this.r.summary !== null) {
      if (!this.budget.take('summary', summary[1] as string)) {
        this.r.dropped.summary++;
        if (summary[3] === 'FAILED') this.countDroppedFailure();
        return;
      }
      const image = (summary[2] as string).trim();
      this.r.summary.push({
        package: summary[1] as string,
        image: image.length > 0 ? image : null,
        status: summary[3] === 'FAILED' ? 'failure' : 'success',
        error: summary[4] !== undefined ? capText(summary[4].trim(), LIMITS.errorChars) : null,
      });
    }
  }

  private onChain(packages: string[]): void {
    if (packages.length === 0) return;
    this.closeStage('success');
    // A failure of an earlier chain cannot be the one a later `Failed building:` line reports.
    this.failedBuildingClaimed = true;
    const now = this.now();
    const chain: ChainRecord = {
      packages,
      target: packages[packages.length - 1] as string,
      status: 'running',
      image: null,
      pushedImage: null,
      builtName: null,
      failure: null,
      startTime: now.toISOString(),
      durationSeconds: null,
    };
    this.chainStartMs = now.getTime();
    this.localPushName = null;
    if (!this.budget.take('chains', chain.target)) {
      this.r.dropped.chains++;
      this.chain = chain;
      this.chainIndex = null;
      return;
    }
    this.r.chains.push(chain);
    this.chain = chain;
    this.chainIndex = this.r.chains.length - 1;
  }

  private onProgress(m: RegExpExecArray, offset: number, events: StreamEvent[]): void {
    const index = Number(m[1] ?? m[3]);
    const total = Number(m[2] ?? m[4]);
    const phase = m[5] === 'Testing' ? 'test' : 'build';
    const name = m[6] as string;
    const image = m[7] !== undefined && m[7].trim().length > 0 ? m[7].trim() : null;
    const cur = this.stage;
    if (cur && cur.status === 'running' && cur.index === index && cur.phase === phase && cur.name === name) {
      if (cur.image === null) cur.image = image;
      return;
    }
    this.closeStage('success');
    const now = this.now();
    const stage: StageRecord = {
      target: this.chain?.target ?? null,
      name,
      image,
      index,
      total,
      phase,
      status: 'running',
      startTime: now.toISOString(),
      durationSeconds: null,
    };
    this.stage = stage;
    this.stageStartMs = now.getTime();
    if (this.r.stages.length < LIMITS.stages) this.r.stages.push(stage);
    else this.r.dropped.stages++;

    let at = offset;
    if (phase === 'build') at = this.buildBoxStart(offset);
    const title = `${stage.target ?? name} · ${index}/${total} ${phase} ${name}`;
    events.push({ kind: 'stage', offset: at, title, stage: { ...stage } });
  }

  /**
   * A build stage starts at its `> BUILDING` box, printed with the docker command just before the
   * progress line. If the box is not in this chunk it was in an earlier one: the stage then starts here.
   */
  private buildBoxStart(lineOffset: number): number {
    const chunk = this.chunk;
    // Only the bytes since the last line handled can hold it: searching the whole chunk backwards costs
    // O(chunk) per progress line, which thousands of packages per chunk turn into seconds.
    const rel = chunk.subarray(this.minBoxPos, lineOffset).lastIndexOf(BOX_BUILDING);
    if (rel < 0) return this.minBoxPos === 0 ? 0 : lineOffset;
    // `minBoxPos` is a line start, so the box line starts at or after it.
    const boxLine = chunk.lastIndexOf(NL, this.minBoxPos + rel) + 1;
    // Its top border is the line before, when that is in the stretch too. (For a box line at byte 0 or 1 the
    // negative offset searches from the chunk's end, which finds no line before it: the box line is kept.)
    const top = chunk.lastIndexOf(NL, boxLine - 2) + 1;
    if (top >= this.minBoxPos && chunk.subarray(top, boxLine).includes(BOX_TOP)) return top;
    return boxLine;
  }

  private closeStage(status: StageRecord['status']): void {
    const s = this.stage;
    if (!s || s.status !== 'running') return;
    s.status = status;
    s.durationSeconds = Math.max(0, Math.round((this.now().getTime() - this.stageStartMs) / 100) / 10);
  }

  /** Ends a running chain (its done line or its 💣 block: each comes once). */
  private closeChain(c: ChainRecord, status: 'success' | 'failure'): void {
    if (status === 'failure' && this.chainIndex === null) this.countDroppedFailure();
    c.status = status;
    c.durationSeconds = Math.max(0, Math.round((this.now().getTime() - this.chainStartMs) / 100) / 10);
  }

  private onFailureMarker(offset: number, events: StreamEvent[]): void {
    const s = this.stage?.status === 'running' ? this.stage : null;
    const chain = this.chain?.status === 'running' ? this.chain : null;
    const inChain = chain !== null;
    const failure: ParsedFailure = {
      stage: s?.name ?? null,
      stageIndex: s?.index ?? null,
      stageCount: s?.total ?? null,
      phase: s ? s.phase : inChain ? 'unknown' : 'resolve',
      error: null,
      excerpt: [],
      logFile: null,
      chain: inChain ? this.chainIndex : null,
      target: chain?.target ?? null,
      rawError: null,
      unknownPackage: null,
      dockerErrors: [],
      exitStatus: null,
    };
    this.closeStage('failure');
    if (chain) this.closeChain(chain, 'failure');
    this.openFailure = failure;
    this.lastFailure = failure;
    this.afterFailedBuilding = false;
    this.failedBuildingClaimed = false;
    // A failure of a chain that was not kept is not recorded either: without its chain it would look like
    // one no chain owns, which outcome applies to every package it cannot find.
    const ownChain = inChain && this.chainIndex !== null;
    if (inChain && !ownChain) {
      this.r.dropped.failures++;
    } else if (this.r.failures.length < LIMITS.failures || ownChain) {
      // Past the first failures, those of kept chains (bounded like chains) keep their error, not their excerpt.
      if (this.r.failures.length >= LIMITS.failures) this.light.add(failure);
      this.r.failures.push(failure);
      this.kept.add(failure);
      if (ownChain) chain.failure = this.r.failures.length - 1;
      this.cutExcerpt(failure);
    } else {
      this.r.dropped.failures++;
    }
    const where = failure.stage ? ` in ${failure.phase} ${failure.stage}` : '';
    events.push({
      kind: 'failure',
      offset,
      title: `${failure.target ?? 'jetson-containers build'} failed${where}`,
    });
  }

  private fillError(f: ParsedFailure, text: string): void {
    f.rawError = capText(text, LIMITS.errorChars);
    const unknown = UNKNOWN_PACKAGE_RE.exec(text);
    if (unknown) {
      f.unknownPackage = unknown[1] as string;
      f.phase = 'resolve';
      f.stage = null;
      f.stageIndex = null;
      f.stageCount = null;
    } else if (/^Command '/.test(text)) {
      const phase = phaseFromCommand(text);
      if (phase) f.phase = phase;
      if (phase === 'push') {
        f.stage = null;
        f.stageIndex = null;
        f.stageCount = null;
      }
      f.logFile = logFileFromCommand(text);
      const status = /returned non-zero exit status (-?\d+)/.exec(text);
      if (status) f.exitStatus = Number(status[1]);
    }
    // A failure that was not kept is in no record: nothing to cut.
    if (this.kept.has(f)) this.cutExcerpt(f);
  }

  private onFailedBuilding(list: string): void {
    this.r.failedBuilding = list
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    this.afterFailedBuilding = true;
    let f = this.lastFailure;
    if (f === null || this.failedBuildingClaimed) {
      // Raised outside a chain build (e.g. `--multiple` could not find a package): no 💣 block came first.
      f = {
        stage: null,
        stageIndex: null,
        stageCount: null,
        phase: this.r.stages.length === 0 ? 'resolve' : 'unknown',
        error: null,
        excerpt: [],
        logFile: null,
        chain: null,
        target: null,
        rawError: null,
        unknownPackage: null,
        dockerErrors: [],
        exitStatus: null,
      };
      this.lastFailure = f;
      if (this.r.failures.length < LIMITS.failures) {
        this.r.failures.push(f);
        this.kept.add(f);
      } else this.r.dropped.failures++;
    }
    this.failedBuildingClaimed = true;
    // The excerpt now ends with the `Failed building:` line (a failure is cut at most three times: at its
    // 💣 line, its `Error:` line and here). Failures not kept are skipped: cutting costs a tail decode.
    if (this.kept.has(f)) this.cutExcerpt(f);
  }

  private onDone(name: string, image: string): void {
    if (this.budget.take('done', name)) this.r.done.push({ name, image });
    else this.r.dropped.done++;
    this.closeStage('success');
    const c = this.chain;
    if (!c || c.status !== 'running') return;
    c.builtName = name;
    // (`image` is never null, so this also means the chain pushed.)
    if (image === c.pushedImage && this.localPushName !== null) {
      c.image = this.localPushName;
    } else {
      c.image = image;
    }
    this.closeChain(c, 'success');
  }

  private countDroppedFailure(): void {
    this.r.dropped.failed++;
  }

  private cutExcerpt(f: ParsedFailure): void {
    // Whole lines to find the error in (docker's error lines end with the exit code, past any excerpt cap).
    let lines = this.tail.lines(LIMITS.excerptLines, LIMITS.lineBytes, isSeparatorLine);
    if (f.stageIndex !== null) {
      // Lines of earlier stages only hide the failing stage's own output.
      const marker = `${f.stageIndex}/${f.stageCount} `;
      for (let i = lines.length - 1; i > 0; i--) {
        const l = lines[i] as string;
        if (l.includes(marker) && /\b(?:Building|Testing)\b/.test(l) && TIMESTAMP_RE.test(l)) {
          lines = lines.slice(i);
          break;
        }
      }
    }
    f.excerpt = this.light.has(f) ? [] : lines.map((l) => detach(capText(l, LIMITS.excerptLineChars)));
    const markerAt = lines.findIndex((l) => l.includes('💣'));
    const before = markerAt >= 0 ? lines.slice(0, markerAt) : lines;
    const docker = before.filter((l) =>
      /(?:^#\d+\s+(?:\d+(?:\.\d+)?\s+)?ERROR\b|^ERROR:|^error:)/.test(l.trim()),
    );
    if (docker.length > 0)
      f.dockerErrors = docker.slice(-LIMITS.dockerErrors).map((l) => detach(capText(l, LIMITS.errorChars)));
    const error = summarizeError(f, before);
    f.error = error === null ? null : detach(error);
  }
}

/**
 * Cheap byte test of whether a line may be a `[HH:MM:SS]` log line, skipping leading ANSI codes.
 * 'maybe' means the chunk ends before it can tell.
 */
function timestampProbe(buf: Buffer, start: number, end: number): 'yes' | 'no' | 'maybe' {
  let i = start;
  let escapes = 0;
  while (i < end && buf[i] === ESC) {
    if (++escapes > 8) return 'no';
    if (i + 1 >= end) return 'maybe';
    if (buf[i + 1] !== LBRACKET) return 'no';
    i += 2;
    while (i < end && (buf[i] as number) >= 0x20 && (buf[i] as number) <= 0x3f) i++;
    if (i >= end) return 'maybe';
    i++;
  }
  if (i >= end) return 'maybe';
  if (buf[i] !== LBRACKET) return 'no';
  // [HH:MM:SS]
  const pattern = 'dd:dd:dd]';
  for (let k = 0; k < pattern.length; k++) {
    const at = i + 1 + k;
    if (at >= end) return 'maybe';
    const b = buf[at] as number;
    const want = pattern.charCodeAt(k);
    if (want === 0x64 /* d */ ? b < 0x30 || b > 0x39 : b !== want) return 'no';
  }
  return 'yes';
}
