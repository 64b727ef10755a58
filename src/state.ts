// What main hands to post through GITHUB_STATE: enough to finish the report, the upload and the
// notifications that main could not, without repeating what it already did.
import * as core from '@actions/core';
import type { Settings } from './settings.js';

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
  /** The build's process group, and its leader's start time (so post never signals a reused PID). */
  pid: number | null;
  pidStart: string | null;
  settings: Settings | null;
  uploaded: boolean;
  /** Sources of the targets main already delivered to. */
  delivered: string[];
}

export function savePhase(phase: Phase): void {
  core.saveState('phase', phase);
}

export function saveStart(s: { logDir: string; startTime: string; settings: Settings }): void {
  core.saveState('logDir', s.logDir);
  core.saveState('startTime', s.startTime);
  core.saveState('settings', JSON.stringify(s.settings));
}

export function savePid(pid: number, startTime: string | null): void {
  core.saveState('pid', String(pid));
  if (startTime) core.saveState('pidStart', startTime);
}

export function saveUploaded(): void {
  core.saveState('uploaded', '1');
}

export function saveDelivered(sources: Iterable<string>): void {
  core.saveState('delivered', JSON.stringify([...sources]));
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

export function readState(): SavedState {
  const phase = core.getState('phase');
  const pid = Number(core.getState('pid'));
  return {
    phase: PHASES.includes(phase) ? (phase as Phase) : null,
    logDir: core.getState('logDir') || null,
    startTime: core.getState('startTime') || null,
    pid: Number.isInteger(pid) && pid > 0 ? pid : null,
    pidStart: core.getState('pidStart') || null,
    settings: parseJson(core.getState('settings'), isSettings),
    uploaded: core.getState('uploaded') === '1',
    delivered: parseJson(core.getState('delivered'), isStringList) ?? [],
  };
}
