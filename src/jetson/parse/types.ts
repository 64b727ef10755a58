// The parser's public record shapes and its memory caps: shared by every part of the parser, importing none.

import type { EnvironmentInfo, FailurePoint, StageRecord } from '../../report/build-report.js';

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
