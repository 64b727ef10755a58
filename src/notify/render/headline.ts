// The headline every format leads with — `❌ torchvision failed at build 9/9`, `✅ Fixed: 3 packages built in
// 1h 12m`, `⏹ numpy cancelled at build 2/4 (pip_cache)` — worded once; each format passes its own escaping for
// the names that come from the build.
import type { BuildReport, BuildStatus, FailurePoint, PackageResult } from '../../report/build-report.js';
import type { ChangeState } from '../types.js';
import { formatShortDuration } from './limits.js';

/** Makes build text inert for one format, cut to `max` characters. */
export type Escape = (text: string, max: number) => string;

export const STATUS_EMOJI: Record<BuildStatus, string> = { success: '✅', failure: '❌', cancelled: '⏹' };

/** Where a failure happened, as a phrase after "failed": ` at build 9/9`, ` at build 3/4 (python)`, ` to resolve`. */
export function atPhrase(f: FailurePoint | null, name: string | null, esc: Escape): string {
  if (!f) return '';
  const stage = f.stage && f.stage !== name ? ` (${esc(f.stage, 80)})` : '';
  if (f.stageIndex !== null && f.stageCount !== null) {
    return ` at ${f.phase} ${f.stageIndex}/${f.stageCount}${stage}`;
  }
  if (f.phase === 'resolve' || f.phase === 'start') return ` to ${f.phase}${stage}`;
  if (f.phase === 'unknown') return f.stage ? ` in ${esc(f.stage, 80)}` : '';
  return ` at ${f.phase}${stage}`;
}

/**
 * Where a cancelled package stopped: its failure point, else the stage the parser last saw running (a cancel
 * often ends the build before the tool prints any failure).
 */
export function stopPoint(report: BuildReport, p: PackageResult | undefined): FailurePoint | null {
  const known = p?.failure ?? report.failure;
  if (known) return known;
  const open = report.stages.filter(
    (s) => (s.status === 'running' || s.status === 'cancelled') && (!p || !s.target || s.target === p.name),
  );
  const s = open[open.length - 1];
  if (!s) return null;
  return {
    stage: s.name,
    stageIndex: s.index,
    stageCount: s.total,
    phase: s.phase,
    error: null,
    excerpt: [],
    logFile: null,
  };
}

function failureStatement(report: BuildReport, esc: Escape): string {
  const failed = report.packages.filter((p) => p.status === 'failure');
  const first = failed[0];
  if (!first) return `Build failed${atPhrase(report.failure, null, esc)}`;
  const name = esc(first.name, 100);
  if (failed.length > 1) return `${name} and ${failed.length - 1} more failed`;
  return `${name} failed${atPhrase(first.failure ?? report.failure, first.name, esc)}`;
}

function statement(report: BuildReport, esc: Escape): string {
  const took = formatShortDuration(report.durationSeconds);
  if (report.status === 'failure') return failureStatement(report, esc);
  if (report.status === 'cancelled') {
    const p = report.packages.find((x) => x.status === 'cancelled');
    const at = atPhrase(stopPoint(report, p), p?.name ?? null, esc);
    return `${p ? esc(p.name, 100) : 'Build'} cancelled${at || ` after ${took}`}`;
  }
  const built = report.packages.filter((p) => p.status === 'success');
  const names = built.length ? built.map((p) => p.name) : report.requestedPackages;
  if (names.length === 1) return `${esc(names[0] ?? '', 100)} built in ${took}`;
  if (names.length === 0) return `Build succeeded in ${took}`;
  return `${names.length} packages built in ${took}`;
}

/** The whole headline, uncut: emoji, `Fixed: `/`Broken: ` for a change, and the statement. */
export function headline(report: BuildReport, change: ChangeState, esc: Escape): string {
  const prefix =
    change === 'fixed' && report.status === 'success'
      ? 'Fixed: '
      : change === 'broken' && report.status === 'failure'
        ? 'Broken: '
        : '';
  const emoji = STATUS_EMOJI[report.status] ?? STATUS_EMOJI.failure;
  return `${emoji} ${prefix}${statement(report, esc)}`;
}
