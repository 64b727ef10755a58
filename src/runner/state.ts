// What main hands to post through GITHUB_STATE: enough to finish the report, the upload and the
// notifications that main could not, without repeating what it already did.
import * as core from '@actions/core';
import type { FateRecord } from '../notify/types.js';
import type { Settings } from '../action/settings.js';

/**
 * Where main got to: `building` (post sees this when main was killed during the build), `reported`
 * (report.json written: the build was cancelled, or main was stopped while uploading/notifying),
 * `finishing` (uploading/notifying: killed here, post finishes what is left), `done`.
 */
export type Phase = 'building' | 'reported' | 'finishing' | 'done';
const PHASES: readonly string[] = ['building', 'reported', 'finishing', 'done'];

export interface SavedState {
  phase: Phase | null;
  logDir: string | null;
  startTime: string | null;
  /**
   * The build's process group, its leader's start time and the random id in the build's environment: post
   * signals the group only when all three still match (see stopLeftovers in post.ts).
   */
  pid: number | null;
  pidStart: string | null;
  buildId: string | null;
  settings: Settings | null;
  uploaded: boolean;
  /** Sources of the targets main already delivered to. */
  delivered: string[];
  /** The last fate main recorded per target source (what post may send again). */
  deliveries: Record<string, FateRecord>;
  /**
   * The live status message per Discord target source (`discord-live`), as a message ref (`<id>` or
   * `<id>:<thread id>`): post edits it in place with the result instead of posting a new message.
   */
  liveMessages: Record<string, string>;
  /** `check-run`: the check run main created, and whether it has its conclusion yet (else post gives it). */
  checkRunId: number | null;
  checkRunDone: boolean;
  /** `pr-comment` was dealt with by main (written, refused or not wanted): post does not write it again. */
  prCommentDone: boolean;
  /** The job's own page as main found it (src/github/job.ts), so post links the same page. */
  jobUrl: string | null;
}

export function savePhase(phase: Phase): void {
  core.saveState('phase', phase);
}

export function saveStart(s: { logDir: string; startTime: string; settings: Settings }): void {
  core.saveState('logDir', s.logDir);
  core.saveState('startTime', s.startTime);
  core.saveState('settings', JSON.stringify(s.settings));
}

export function savePid(pid: number, startTime: string | null, buildId: string): void {
  core.saveState('pid', String(pid));
  if (startTime) core.saveState('pidStart', startTime);
  core.saveState('buildId', buildId);
}

export function saveUploaded(): void {
  core.saveState('uploaded', '1');
}

export function saveDelivered(sources: Iterable<string>): void {
  core.saveState('delivered', JSON.stringify([...sources]));
}

/**
 * Every target's fate so far, saved on each change: saveState appends to GITHUB_STATE synchronously and the
 * last value wins, so even a SIGKILL right after leaves post the truth up to that moment.
 */
export function saveDeliveries(fates: Readonly<Record<string, FateRecord>>): void {
  core.saveState('deliveries', JSON.stringify(fates));
}

/** Saved as soon as a live status message is posted (and when one stops being edited: it is dropped). */
export function saveLiveMessages(refs: Readonly<Record<string, string>>): void {
  core.saveState('liveMessages', JSON.stringify(refs));
}

export function saveCheckRun(id: number): void {
  core.saveState('checkRunId', String(id));
}

export function saveCheckRunDone(): void {
  core.saveState('checkRunDone', '1');
}

export function savePrCommentDone(): void {
  core.saveState('prCommentDone', '1');
}

export function saveJobUrl(url: string): void {
  core.saveState('jobUrl', url);
}

function parseJson<T>(text: string, check: (v: unknown) => v is T): T | null {
  if (!text) return null;
  try {
    const v: unknown = JSON.parse(text);
    return check(v) ? v : null;
  } catch {
    return null;
  }
}

const isSettings = (v: unknown): v is Settings =>
  typeof v === 'object' && v !== null && 'build' in v && 'logs' in v;
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const FATES: readonly string[] = ['sending', 'retry-wait', 'delivered', 'failed', 'unknown'];
const isFateRecord = (v: unknown): v is FateRecord => {
  const r = v as Partial<FateRecord> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    FATES.includes(r.fate as string) &&
    typeof r.attempts === 'number' &&
    (r.httpStatus === null || typeof r.httpStatus === 'number') &&
    (r.messageId === null || typeof r.messageId === 'string')
  );
};
const isRefMap = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((r) => typeof r === 'string' && /^\d{1,20}(:\d{1,20})?$/.test(r));
const isFateMap = (v: unknown): v is Record<string, FateRecord> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isFateRecord);

export function readState(): SavedState {
  const phase = core.getState('phase');
  // Digits only (Number() would take " 12", "0x10", "1e3"); 0 and 1 are never a build's group: kill(-1) and
  // kill(0) mean every process we may signal and our own group.
  const pidText = core.getState('pid');
  const pid = /^\d{1,10}$/.test(pidText) ? Number(pidText) : NaN;
  const buildId = core.getState('buildId');
  const checkRunText = core.getState('checkRunId');
  const jobUrl = core.getState('jobUrl');
  return {
    phase: PHASES.includes(phase) ? (phase as Phase) : null,
    logDir: core.getState('logDir') || null,
    startTime: core.getState('startTime') || null,
    pid: Number.isSafeInteger(pid) && pid > 1 ? pid : null,
    pidStart: /^\d+$/.test(core.getState('pidStart')) ? core.getState('pidStart') : null,
    buildId: /^[0-9a-f]{32}$/.test(buildId) ? buildId : null,
    settings: parseJson(core.getState('settings'), isSettings),
    uploaded: core.getState('uploaded') === '1',
    delivered: parseJson(core.getState('delivered'), isStringList) ?? [],
    deliveries: parseJson(core.getState('deliveries'), isFateMap) ?? {},
    liveMessages: parseJson(core.getState('liveMessages'), isRefMap) ?? {},
    checkRunId:
      /^\d{1,20}$/.test(checkRunText) && Number.isSafeInteger(Number(checkRunText))
        ? Number(checkRunText)
        : null,
    checkRunDone: core.getState('checkRunDone') === '1',
    prCommentDone: core.getState('prCommentDone') === '1',
    // Only a job page goes into messages: anyone who can append to the state file could write something else.
    jobUrl: /^https?:\/\/[^\s"'<>()]{1,1000}\/actions\/runs\/\d{1,20}\/job\/\d{1,20}$/.test(jobUrl)
      ? jobUrl
      : null,
  };
}
