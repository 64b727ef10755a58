// What the parts of the parser share while a stream goes by. One object passed to plain functions rather than
// one class per part: the parts read and move the same chain, stage and failure, and a single object keeps
// each field access a monomorphic property load on the hot path.

import type { StageRecord } from '../../report/build-report.js';
import { RecordBudget } from './budget.js';
import { ByteTail } from './tail.js';
import { LIMITS, type ChainRecord, type ParsedFailure, type ParseResult } from './types.js';

function emptyResult(): ParseResult {
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
    colors: null,
    tail: [],
    bytes: 0,
    dropped: { stages: 0, failures: 0, chains: 0, summary: 0, done: 0, failed: 0 },
  };
}

export class ParseState {
  readonly r: ParseResult = emptyResult();
  readonly tail = new ByteTail(LIMITS.tailBytes);
  readonly budget = new RecordBudget();

  // The chunk being written: event offsets point into it, and a build box is searched for in it.
  chunk: Buffer = Buffer.alloc(0);
  chunkSeq = 0;
  /** Where the bytes not yet handled as a line start (a build box can only be after it). */
  minBoxPos = 0;
  /** The first `warn ====` line of a run of them, which opens a 💣 block; `separatorSeq` is its chunk. */
  separatorOffset: number | null = null;
  separatorSeq = -1;

  inTraceback = false;

  chain: ChainRecord | null = null;
  chainIndex: number | null = null;
  stage: StageRecord | null = null;
  stageStartMs = 0;
  chainStartMs = 0;
  /** The failure whose 💣 block is still being printed (expects `Error:` next). */
  openFailure: ParsedFailure | null = null;
  lastFailure: ParsedFailure | null = null;
  /** The first `Pushing X` of a chain names the local image before `--push` retags it. */
  localPushName: string | null = null;
  afterFailedBuilding = false;
  /** Whether a `Failed building:` line already answered the last 💣 block. */
  failedBuildingClaimed = false;
  /** Failures in `r.failures` (kept), and those of them kept without an excerpt (past LIMITS.failures). */
  readonly kept = new WeakSet<ParsedFailure>();
  readonly light = new WeakSet<ParsedFailure>();

  readonly now: () => Date;

  // (No parameter property: bench/packages.mjs runs these sources with Node's type stripping.)
  constructor(now: () => Date) {
    this.now = now;
  }
}
