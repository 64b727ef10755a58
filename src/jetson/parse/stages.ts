// Stage tracking: dependency chains (`BUILDING [...]`), progress lines (`[3/7] Building x`), the `> BUILDING`
// boxes a build stage's log group opens at, and durations measured by the clock, not the tool's stamps.

import type { StageRecord } from '../../report/build-report.js';
import type { ParseState } from './state.js';
import { NL } from './text.js';
import { LIMITS, type ChainRecord, type StreamEvent } from './types.js';

export const PROGRESS_RE =
  /^(?:\[[#\-=. ]*\]\s*(\d+)\/(\d+)|\[(\d+)\/(\d+)\])\s+(Building|Testing)\s+(\S+)(?:\s+\(([^()]*)\))?(?:\s+\d+\s+stages completed.*)?\s*$/;
const BOX_BUILDING = Buffer.from('> BUILDING  ');
const BOX_TOP = Buffer.from('┌');

/** `['a', 'b']` as Python prints a list of strings. */
export function parsePyList(text: string): string[] {
  const items: string[] = [];
  const re = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && items.length < 1000) items.push(m[1] ?? m[2] ?? '');
  return items;
}

export function onChain(s: ParseState, packages: string[]): void {
  if (packages.length === 0) return;
  closeStage(s, 'success');
  // A failure of an earlier chain cannot be the one a later `Failed building:` line reports.
  s.failedBuildingClaimed = true;
  const now = s.now();
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
  s.chainStartMs = now.getTime();
  s.localPushName = null;
  if (!s.budget.take('chains', chain.target)) {
    s.r.dropped.chains++;
    s.chain = chain;
    s.chainIndex = null;
    return;
  }
  s.r.chains.push(chain);
  s.chain = chain;
  s.chainIndex = s.r.chains.length - 1;
}

export function onProgress(s: ParseState, m: RegExpExecArray, offset: number, events: StreamEvent[]): void {
  const index = Number(m[1] ?? m[3]);
  const total = Number(m[2] ?? m[4]);
  const phase = m[5] === 'Testing' ? 'test' : 'build';
  const name = m[6] as string;
  const image = m[7] !== undefined && m[7].trim().length > 0 ? m[7].trim() : null;
  const cur = s.stage;
  if (cur && cur.status === 'running' && cur.index === index && cur.phase === phase && cur.name === name) {
    if (cur.image === null) cur.image = image;
    return;
  }
  closeStage(s, 'success');
  const now = s.now();
  const stage: StageRecord = {
    target: s.chain?.target ?? null,
    name,
    image,
    index,
    total,
    phase,
    status: 'running',
    startTime: now.toISOString(),
    durationSeconds: null,
  };
  s.stage = stage;
  s.stageStartMs = now.getTime();
  if (s.r.stages.length < LIMITS.stages) s.r.stages.push(stage);
  else s.r.dropped.stages++;

  let at = offset;
  if (phase === 'build') at = buildBoxStart(s, offset);
  const title = `${stage.target ?? name} · ${index}/${total} ${phase} ${name}`;
  events.push({ kind: 'stage', offset: at, title, stage: { ...stage } });
}

/**
 * A build stage starts at its `> BUILDING` box, printed with the docker command just before the
 * progress line. If the box is not in this chunk it was in an earlier one: the stage then starts here.
 */
function buildBoxStart(s: ParseState, lineOffset: number): number {
  const chunk = s.chunk;
  // Only the bytes since the last line handled can hold it: searching the whole chunk backwards costs
  // O(chunk) per progress line, which thousands of packages per chunk turn into seconds.
  const rel = chunk.subarray(s.minBoxPos, lineOffset).lastIndexOf(BOX_BUILDING);
  if (rel < 0) return s.minBoxPos === 0 ? 0 : lineOffset;
  // `minBoxPos` is a line start, so the box line starts at or after it.
  const boxLine = chunk.lastIndexOf(NL, s.minBoxPos + rel) + 1;
  // Its top border is the line before, when that is in the stretch too. (For a box line at byte 0 or 1 the
  // negative offset searches from the chunk's end, which finds no line before it: the box line is kept.)
  const top = chunk.lastIndexOf(NL, boxLine - 2) + 1;
  if (top >= s.minBoxPos && chunk.subarray(top, boxLine).includes(BOX_TOP)) return top;
  return boxLine;
}

export function closeStage(s: ParseState, status: StageRecord['status']): void {
  const stage = s.stage;
  if (!stage || stage.status !== 'running') return;
  stage.status = status;
  stage.durationSeconds = Math.max(0, Math.round((s.now().getTime() - s.stageStartMs) / 100) / 10);
}

/** Ends a running chain (its done line or its 💣 block: each comes once). */
export function closeChain(s: ParseState, c: ChainRecord, status: 'success' | 'failure'): void {
  // A failed chain that was not kept leaves no record to say so: count it.
  if (status === 'failure' && s.chainIndex === null) s.r.dropped.failed++;
  c.status = status;
  c.durationSeconds = Math.max(0, Math.round((s.now().getTime() - s.chainStartMs) / 100) / 10);
}
