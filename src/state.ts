// What main hands to post through GITHUB_STATE: enough to finish the report if main was cancelled or killed.
import * as core from '@actions/core';

/**
 * Where main got to: `building` (post sees this when main was killed outright), `reported` (cancelled,
 * report.json written), `finishing` (uploading/notifying: post must not notify twice), `done`.
 */
export type Phase = 'building' | 'reported' | 'finishing' | 'done';
const PHASES: readonly string[] = ['building', 'reported', 'finishing', 'done'];

export interface SavedState {
  phase: Phase | null;
  logDir: string | null;
  startTime: string | null;
  pid: number | null;
}

export function savePhase(phase: Phase): void {
  core.saveState('phase', phase);
}

export function saveStart(s: { logDir: string; startTime: string }): void {
  core.saveState('logDir', s.logDir);
  core.saveState('startTime', s.startTime);
}

export function savePid(pid: number): void {
  core.saveState('pid', String(pid));
}

export function readState(): SavedState {
  const phase = core.getState('phase');
  const pid = Number(core.getState('pid'));
  return {
    phase: PHASES.includes(phase) ? (phase as Phase) : null,
    logDir: core.getState('logDir') || null,
    startTime: core.getState('startTime') || null,
    pid: Number.isInteger(pid) && pid > 0 ? pid : null,
  };
}
