// Failure capture: the 💣 block (its `Error:` line names the command, the log file and the exit status), the
// failure records and their excerpts, cut from the rolling tail only when a marker appears, and the
// traceback Python prints after `Failed building:`.

import type { FailurePhase } from '../../report/build-report.js';
import { summarizeError } from './error-line.js';
import type { ParseState } from './state.js';
import { closeChain, closeStage } from './stages.js';
import { capText, detach, EXCEPTION_RE, isSeparatorLine, TIMESTAMP_RE, UNKNOWN_PACKAGE_RE } from './text.js';
import { LIMITS, type ParsedFailure, type StreamEvent } from './types.js';

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

export function onFailureMarker(s: ParseState, offset: number, events: StreamEvent[]): void {
  const stage = s.stage?.status === 'running' ? s.stage : null;
  const chain = s.chain?.status === 'running' ? s.chain : null;
  const inChain = chain !== null;
  const failure: ParsedFailure = {
    stage: stage?.name ?? null,
    stageIndex: stage?.index ?? null,
    stageCount: stage?.total ?? null,
    phase: stage ? stage.phase : inChain ? 'unknown' : 'resolve',
    error: null,
    excerpt: [],
    logFile: null,
    chain: inChain ? s.chainIndex : null,
    target: chain?.target ?? null,
    rawError: null,
    unknownPackage: null,
    dockerErrors: [],
    exitStatus: null,
  };
  closeStage(s, 'failure');
  if (chain) closeChain(s, chain, 'failure');
  s.openFailure = failure;
  s.lastFailure = failure;
  s.afterFailedBuilding = false;
  s.failedBuildingClaimed = false;
  // A failure of a chain that was not kept is not recorded either: without its chain it would look like
  // one no chain owns, which outcome applies to every package it cannot find.
  const ownChain = inChain && s.chainIndex !== null;
  if (inChain && !ownChain) {
    s.r.dropped.failures++;
  } else if (s.r.failures.length < LIMITS.failures || ownChain) {
    // Past the first failures, those of kept chains (bounded like chains) keep their error, not their excerpt.
    if (s.r.failures.length >= LIMITS.failures) s.light.add(failure);
    s.r.failures.push(failure);
    s.kept.add(failure);
    if (ownChain) chain.failure = s.r.failures.length - 1;
    cutExcerpt(s, failure);
  } else {
    s.r.dropped.failures++;
  }
  const where = failure.stage ? ` in ${failure.phase} ${failure.stage}` : '';
  events.push({
    kind: 'failure',
    offset,
    title: `${failure.target ?? 'jetson-containers build'} failed${where}`,
  });
}

export function fillError(s: ParseState, f: ParsedFailure, text: string): void {
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
  if (s.kept.has(f)) cutExcerpt(s, f);
}

/** The failure a `Failed building:` line reports: the last 💣 block's, or a new one when none came first. */
export function claimFailedBuilding(s: ParseState): void {
  s.afterFailedBuilding = true;
  let f = s.lastFailure;
  if (f === null || s.failedBuildingClaimed) {
    // Raised outside a chain build (e.g. `--multiple` could not find a package): no 💣 block came first.
    f = {
      stage: null,
      stageIndex: null,
      stageCount: null,
      phase: s.r.stages.length === 0 ? 'resolve' : 'unknown',
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
    s.lastFailure = f;
    if (s.r.failures.length < LIMITS.failures) {
      s.r.failures.push(f);
      s.kept.add(f);
    } else s.r.dropped.failures++;
  }
  s.failedBuildingClaimed = true;
  // The excerpt now ends with the `Failed building:` line (a failure is cut at most three times: at its
  // 💣 line, its `Error:` line and here). Failures not kept are skipped: cutting costs a tail decode.
  if (s.kept.has(f)) cutExcerpt(s, f);
}

export function cutExcerpt(s: ParseState, f: ParsedFailure): void {
  // Whole lines to find the error in (docker's error lines end with the exit code, past any excerpt cap).
  let lines = s.tail.lines(LIMITS.excerptLines, LIMITS.lineBytes, isSeparatorLine);
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
  f.excerpt = s.light.has(f) ? [] : lines.map((l) => detach(capText(l, LIMITS.excerptLineChars)));
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

/**
 * After `Failed building:` Python prints the traceback of the exception it raised: its last line is the
 * error when no 💣 block explained the failure. `tail` is the stream's last lines, already capped.
 */
export function readFailedBuildingTraceback(s: ParseState, tail: string[]): void {
  if (!s.afterFailedBuilding) return;
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = (tail[i] as string).trim();
    if (/^\[\d\d:\d\d:\d\d\]/.test(line)) break;
    // Tail lines are already cut at LIMITS.excerptLineChars.
    if (EXCEPTION_RE.test(line)) {
      s.r.tracebackError = line;
      break;
    }
  }
  const f = s.lastFailure;
  if (f && s.r.tracebackError !== null) {
    const unknown = UNKNOWN_PACKAGE_RE.exec(s.r.tracebackError);
    if (unknown && f.unknownPackage === null && f.rawError === null) {
      f.unknownPackage = unknown[1] as string;
      f.phase = 'resolve';
      f.stage = null;
      f.stageIndex = null;
      f.stageCount = null;
    }
    if (f.rawError === null) {
      // No 💣 block explained it, so the traceback is the best excerpt there is.
      f.excerpt = s.tail.lines(LIMITS.excerptLines, LIMITS.excerptLineChars, isSeparatorLine);
    }
    if (f.error === null) f.error = summarizeError(f, f.excerpt) ?? s.r.tracebackError;
  }
}
