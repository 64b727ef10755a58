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
//
// The parts, one module each: gate.ts (which bytes become lines), header.ts (before the first log line),
// stages.ts (chains, progress lines, durations), failure.ts and error-line.ts (💣 blocks, excerpts, the
// one-line error), summary.ts (done lines, pushes, the `--multiple` summary) and budget.ts (which records
// are kept). They share one ParseState (state.ts); this module only routes each log line to them.

import type { StageRecord } from '../../report/build-report.js';
import { onFailureMarker, fillError, readFailedBuildingTraceback } from './failure.js';
import { LineGate } from './gate.js';
import { inertMessage } from './inert.js';
import { ParseState } from './state.js';
import { onChain, onProgress, parsePyList, PROGRESS_RE } from './stages.js';
import { handleResultLine } from './summary.js';
import { isSeparatorMessage } from './text.js';
import { LIMITS, type ParseResult, type ParserOptions, type StreamEvent } from './types.js';

export { unwrapRunCommand } from './error-line.js';
export { parseNamespace } from './header.js';
export { stripAnsi } from './text.js';
export {
  LIMITS,
  type ChainRecord,
  type ConsoleEnvironment,
  type ParsedFailure,
  type ParseResult,
  type ParserOptions,
  type StreamEvent,
  type SummaryEntry,
  type ToolArgs,
} from './types.js';

/** The streaming parser. Feed it every chunk in order with `write`, then call `end` once. */
export class BuildStreamParser {
  private readonly s: ParseState;
  private readonly gate: LineGate;
  private ended = false;

  constructor(opts: ParserOptions = {}) {
    this.s = new ParseState(opts.now ?? (() => new Date()));
    if (opts.requested) this.s.budget.add(opts.requested, false);
    this.gate = new LineGate(this.s, routeLogLine);
  }

  write(chunk: Buffer): StreamEvent[] {
    if (this.ended || chunk.length === 0) return [];
    const events: StreamEvent[] = [];
    this.gate.write(chunk, events);
    return events;
  }

  /** Finishes a last line without a newline and the traceback-derived facts. */
  end(): StreamEvent[] {
    if (this.ended) return [];
    const events: StreamEvent[] = [];
    this.gate.flush(events);
    this.ended = true;
    const tail = this.s.tail.lines(200, LIMITS.excerptLineChars);
    this.s.r.tail = tail.slice(-LIMITS.excerptLines);
    readFailedBuildingTraceback(this.s, tail);
    return events;
  }

  /** A snapshot of everything parsed so far (a copy: safe to keep while the parser goes on). */
  result(): ParseResult {
    return structuredClone(this.s.r);
  }

  /** The stage being built or tested right now, if any (a copy). */
  currentStage(): StageRecord | null {
    return this.s.stage ? { ...this.s.stage } : null;
  }
}

/**
 * Routes one `[HH:MM:SS]` log line to the first part whose test it matches: the order is the precedence.
 * `level` is undefined for plain (info) lines.
 */
function routeLogLine(
  s: ParseState,
  level: string | undefined,
  rawMessage: string,
  offset: number,
  events: StreamEvent[],
): void {
  const message = rawMessage.trim();
  if (isSeparatorMessage(message)) {
    if (level === 'warn' && s.separatorOffset === null) {
      s.separatorOffset = offset;
      s.separatorSeq = s.chunkSeq;
    }
    return;
  }
  // The ==== lines just before a 💣 line belong to its block.
  const blockStart =
    s.separatorOffset === null ? offset : s.separatorSeq === s.chunkSeq ? s.separatorOffset : 0;
  s.separatorOffset = null;

  if (s.openFailure) {
    const f = s.openFailure;
    s.openFailure = null;
    if (message.startsWith('Error:')) {
      fillError(s, f, message.slice('Error:'.length).trim());
      return;
    }
  }

  // Most log lines state nothing: tell so with a few string tests before the regular expressions.
  if (inertMessage(message, rawMessage)) return;
  const progressText = message.replace(/\s+/g, ' ');
  const progress = PROGRESS_RE.exec(progressText);
  if (progress) {
    onProgress(s, progress, offset, events);
    return;
  }
  if (message.startsWith('BUILDING ')) {
    const list = message.slice('BUILDING '.length).trim();
    if (list.startsWith('[')) onChain(s, parsePyList(list));
    return;
  }
  if (message.includes('💣') || /`jetson-containers build` failed after/.test(message)) {
    onFailureMarker(s, blockStart, events);
    return;
  }
  handleResultLine(s, message, rawMessage);
}
