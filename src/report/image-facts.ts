// What docker said of the final images, in the shapes people and later steps read: sizes in docker's own
// decimal units, `Size 8.1 GB · 42 layers`, and the maps behind the `digests` and `image-sizes` outputs.
// Pure. A report can come from a file (summarize, dry-run's report-file), so every field is checked before
// use: a wrong type reads as absent, never as a crash or a nonsense line.
import type { BuildReport, ImageFacts, PackageResult, SizeChange } from './build-report.js';

const UNITS = ['kB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

/**
 * A size in decimal units with a space, like `docker images` (which uses powers of 1000): `8.1 GB`,
 * `340 MB`, `12.3 GB`, `950 B`. One decimal below 100, none above; `8.0` reads `8`.
 */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '? B';
  if (n < 0) return `-${formatBytes(-n)}`;
  if (n < 1000) return `${Math.round(n)} B`;
  let unit = 0;
  let v = n / 1000;
  while (v >= 1000 && unit < UNITS.length - 1) {
    v /= 1000;
    unit++;
  }
  let shown = v < 100 ? Math.round(v * 10) / 10 : Math.round(v);
  // 999.96 MB rounds to 1000 MB: that is 1 GB.
  if (shown >= 1000 && unit < UNITS.length - 1) {
    unit++;
    shown = 1;
  }
  const digits = shown < 100 && !Number.isInteger(shown) ? shown.toFixed(1) : String(shown);
  return `${digits} ${UNITS[unit] as string}`;
}

/** A size change with its sign: `+340 MB`, `-1.2 GB`, `±0 B`. */
export function formatBytesDelta(n: number): string {
  if (n === 0) return '±0 B';
  return n > 0 ? `+${formatBytes(n)}` : formatBytes(n);
}

const str = (v: unknown, max = 500): string | null =>
  typeof v === 'string' && v.trim() !== '' && v.length <= max ? v : null;
const count = (v: unknown): number | null =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null;

/**
 * The usable facts of a package: null when there are none or they are not facts at all (a report from a
 * file); fields of the wrong type read as null, a `sizeChange` with one as absent.
 */
export function factsOf(p: PackageResult | null | undefined): ImageFacts | null {
  const f = p?.imageFacts as unknown;
  if (typeof f !== 'object' || f === null || Array.isArray(f)) return null;
  const r = f as Record<string, unknown>;
  const image = str(r['image']);
  if (image === null) return null;
  const facts: ImageFacts = {
    image,
    id: str(r['id'], 200),
    sizeBytes: count(r['sizeBytes']),
    layers: count(r['layers']),
    created: str(r['created'], 100),
    architecture: str(r['architecture'], 100),
    digest: str(r['digest']),
  };
  const change = sizeChangeOf(r['sizeChange']);
  if (change !== null) facts.sizeChange = change;
  return facts;
}

/** A `sizeChange` whose numbers are numbers, else null. */
function sizeChangeOf(v: unknown): SizeChange | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const c = v as Record<string, unknown>;
  const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  const previous = count(c['previousBytes']);
  if (previous === null || !num(c['deltaBytes']) || !num(c['percent']) || typeof c['flagged'] !== 'boolean') {
    return null;
  }
  return {
    previousBytes: previous,
    deltaBytes: c['deltaBytes'],
    percent: c['percent'],
    flagged: c['flagged'],
    previousRunUrl: str(c['previousRunUrl'], 2000),
  };
}

/** `Size 8.1 GB · 42 layers` (either part alone when the other is unknown), or null when neither is known. */
export function sizeLayersText(f: ImageFacts | null): string | null {
  if (f === null) return null;
  const parts: string[] = [];
  if (f.sizeBytes !== null) parts.push(`Size ${formatBytes(f.sizeBytes)}`);
  if (f.layers !== null) parts.push(`${f.layers} ${f.layers === 1 ? 'layer' : 'layers'}`);
  return parts.length ? parts.join(' · ') : null;
}

/** The `sha256:…` part of a digest reference (`repo@sha256:…`), or null. */
export function digestOnly(ref: string | null): string | null {
  if (ref === null) return null;
  const m = /(?:^|@)(sha256:[0-9a-f]{64})$/.exec(ref);
  return m ? (m[1] as string) : null;
}

/** `sha256:0123456789ab`: enough of a digest (or id) to tell images apart at a glance. */
export function shortDigest(ref: string | null): string | null {
  const d = digestOnly(ref) ?? (ref !== null && /^sha256:[0-9a-f]{12,}$/.test(ref) ? ref : null);
  return d ? d.slice(0, 'sha256:'.length + 12) : null;
}

/** The `digests` output: each pushed image → its registry digest (`sha256:…`). */
export function digestMap(report: BuildReport): Record<string, string> {
  const out: [string, string][] = [];
  for (const p of report.packages) {
    const digest = digestOnly(factsOf(p)?.digest ?? null);
    if (digest !== null && typeof p.pushedImage === 'string' && p.pushedImage !== '') {
      out.push([p.pushedImage, digest]);
    }
  }
  // fromEntries: an image named `__proto__` is a key like any other.
  return Object.fromEntries(out);
}

/** The `image-sizes` output: each inspected image → its size in bytes. */
export function imageSizeMap(report: BuildReport): Record<string, number> {
  const out: [string, number][] = [];
  for (const p of report.packages) {
    const f = factsOf(p);
    if (f !== null && f.sizeBytes !== null) out.push([f.image, f.sizeBytes]);
  }
  return Object.fromEntries(out);
}
