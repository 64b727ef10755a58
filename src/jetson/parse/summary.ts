// Results the tool states for itself: `done ✅` lines, pushes, the total build time, the `--multiple`
// summary and `Failed building:`. Which of them are kept is the record budget's call.

import { claimFailedBuilding } from './failure.js';
import type { ParseState } from './state.js';
import { closeChain, closeStage } from './stages.js';
import { capText } from './text.js';
import { LIMITS, type SummaryEntry } from './types.js';

const SUMMARY_RE = /^\s*\*\s+(\S+)\s+\(([^()]*)\)\s+(FAILED|SUCCESS)\b\s*(?:\((.*)\))?\s*$/;

/**
 * Handles a log line that states a result; false when it states none. `message` is trimmed, `rawMessage`
 * is not (the summary's layout is matched as printed).
 */
export function handleResultLine(s: ParseState, message: string, rawMessage: string): boolean {
  if (message.startsWith('Failed building:')) {
    onFailedBuilding(s, message.slice('Failed building:'.length));
    return true;
  }
  const done = /✅\s*`jetson-containers build\s*([^`]*)`\s*\((.*)\)\s*$/.exec(message);
  if (done) {
    onDone(s, (done[1] as string).trim(), (done[2] as string).trim());
    return true;
  }
  const total = /Total build time:\s*([\d.]+)\s*seconds/.exec(message);
  if (total) {
    s.r.toolBuildSeconds = Number(total[1]);
    return true;
  }
  const pushed = /^Pushed container\s+(\S+)/.exec(message);
  if (pushed) {
    const name = pushed[1] as string;
    if (s.r.pushed.length < s.budget.pushLimit()) s.r.pushed.push(name);
    if (s.chain) s.chain.pushedImage = name;
    return true;
  }
  const pushing = /^Pushing\s+(\S+)/.exec(message);
  if (pushing) {
    if (s.localPushName === null) s.localPushName = pushing[1] as string;
    closeStage(s, 'success');
    return true;
  }
  const logs = /^Build logs at:\s*(\S.*)$/.exec(message);
  if (logs) {
    s.r.buildLogsDir = (logs[1] as string).trim();
    if (s.r.summary === null) s.r.summary = [];
    return true;
  }
  const summary = SUMMARY_RE.exec(rawMessage);
  if (summary && s.r.summary !== null) {
    onSummaryLine(s, s.r.summary, summary);
    return true;
  }
  return false;
}

/** One `* pkg (image) SUCCESS|FAILED (error)` line, after `Build logs at:` opened the summary. */
function onSummaryLine(s: ParseState, entries: SummaryEntry[], summary: RegExpExecArray): void {
  if (!s.budget.take('summary', summary[1] as string)) {
    s.r.dropped.summary++;
    if (summary[3] === 'FAILED') s.r.dropped.failed++;
    return;
  }
  const image = (summary[2] as string).trim();
  entries.push({
    package: summary[1] as string,
    image: image.length > 0 ? image : null,
    status: summary[3] === 'FAILED' ? 'failure' : 'success',
    error: summary[4] !== undefined ? capText(summary[4].trim(), LIMITS.errorChars) : null,
  });
}

function onFailedBuilding(s: ParseState, list: string): void {
  s.r.failedBuilding = list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  claimFailedBuilding(s);
}

function onDone(s: ParseState, name: string, image: string): void {
  if (s.budget.take('done', name)) s.r.done.push({ name, image });
  else s.r.dropped.done++;
  closeStage(s, 'success');
  const c = s.chain;
  if (!c || c.status !== 'running') return;
  c.builtName = name;
  // (`image` is never null, so this also means the chain pushed.)
  if (image === c.pushedImage && s.localPushName !== null) {
    c.image = s.localPushName;
  } else {
    c.image = image;
  }
  closeChain(s, c, 'success');
}
