// `compare-size`: an image's size against the same package's image in the previous successful run, and how
// that change reads in the summary, the payloads and the warning. Pure: the sizes come from the caller.
import type { ImageFacts, SizeChange } from './build-report.js';
import { formatBytes, sizeLayersText } from './image-facts.js';

/** `size-warn-percent` when the input is left at its default. */
export const DEFAULT_SIZE_WARN_PERCENT = 10;

/**
 * The change from `previousBytes` to `currentBytes`, flagged when the image grew by more than `warnPercent`
 * percent (a shrink is never flagged). Null when either size is unusable: no previous size to compare with
 * (0 or less would give no percentage), or a value that is not a whole number of bytes.
 */
export function sizeChange(
  currentBytes: number,
  previousBytes: number,
  warnPercent: number,
  previousRunUrl: string | null = null,
): SizeChange | null {
  if (!Number.isSafeInteger(currentBytes) || currentBytes < 0) return null;
  if (!Number.isSafeInteger(previousBytes) || previousBytes <= 0) return null;
  const deltaBytes = currentBytes - previousBytes;
  const percent = (deltaBytes / previousBytes) * 100;
  return {
    previousBytes,
    deltaBytes,
    percent,
    flagged: deltaBytes > 0 && percent > warnPercent,
    previousRunUrl,
  };
}

/** U+2212: a real minus sign, which reads as one next to a `+` (a hyphen looks like a dash). */
const MINUS = '\u2212';

function sign(n: number): string {
  return n > 0 ? '+' : n < 0 ? MINUS : '';
}

/** `+4.3 %`, `−0.1 %`, `+<0.1 %` (a change too small for one decimal, but not none), `+150 %`. */
export function formatPercent(percent: number): string {
  const abs = Math.abs(percent);
  if (abs === 0) return '0 %';
  const text = abs >= 100 ? abs.toFixed(0) : abs.toFixed(1);
  return Number(text) === 0 ? `${sign(percent)}<0.1 %` : `${sign(percent)}${text} %`;
}

/** The change alone: `+340 MB`, `−12 MB`, `±0 B` when the size is the same to the byte. */
export function sizeDeltaText(change: SizeChange): string {
  if (change.deltaBytes === 0) return '±0 B';
  return `${sign(change.deltaBytes)}${formatBytes(Math.abs(change.deltaBytes))}`;
}

/** The change with its share of the previous size: `+340 MB (+4.3 %)`, `−12 MB (−0.1 %)`, `±0 B (0 %)`. */
export function sizeChangeText(change: SizeChange): string {
  return `${sizeDeltaText(change)} (${formatPercent(change.percent)})`;
}

/** How the change is shown next to the size in the summary and the payloads: flagged ones lead with ⚠. */
export function sizeChangeNote(change: SizeChange): string {
  return change.flagged ? `⚠ ${sizeChangeText(change)}` : sizeChangeText(change);
}

/**
 * The warning for a flagged image: `pytorch:2.8 grew by 340 MB (+4.3 %) since run #123, over
 * size-warn-percent 3`. `previousRun` is the previous run's number (its id when the number is unknown).
 */
export function sizeWarningText(
  packageName: string,
  change: SizeChange,
  previousRun: number | null,
  warnPercent: number,
): string {
  const since = previousRun === null ? 'since the previous successful run' : `since run #${previousRun}`;
  return (
    `${packageName} grew by ${formatBytes(Math.abs(change.deltaBytes))} (${formatPercent(change.percent)}) ${since}, ` +
    `over size-warn-percent ${warnPercent}`
  );
}

/**
 * A report's size change, checked: a report can come from a file (summarize, dry-run's report-file), so a
 * change that is not one reads as none.
 */
export function changeOf(f: ImageFacts | null | undefined): SizeChange | null {
  const c = f?.sizeChange as unknown;
  if (typeof c !== 'object' || c === null) return null;
  const r = c as Record<string, unknown>;
  const { previousBytes, deltaBytes, percent, flagged } = r;
  if (typeof previousBytes !== 'number' || !Number.isSafeInteger(previousBytes) || previousBytes <= 0)
    return null;
  if (typeof deltaBytes !== 'number' || !Number.isSafeInteger(deltaBytes)) return null;
  if (typeof percent !== 'number' || !Number.isFinite(percent) || typeof flagged !== 'boolean') return null;
  const url =
    typeof r.previousRunUrl === 'string' && /^https?:\/\//.test(r.previousRunUrl) ? r.previousRunUrl : null;
  return { previousBytes, deltaBytes, percent, flagged, previousRunUrl: url };
}

/**
 * The image's line in a payload: `Size 8.2 GB · 42 layers`, and with compare-size its change after it,
 * `Size 8.2 GB · 42 layers · ⚠ +340 MB (+4.3 %)`. Null when docker told nothing.
 */
export function sizeFactsText(f: ImageFacts | null): string | null {
  const facts = sizeLayersText(f);
  const change = f?.sizeBytes != null ? changeOf(f) : null;
  if (facts === null || change === null) return facts;
  return `${facts} · ${sizeChangeNote(change)}`;
}
