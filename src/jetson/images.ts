// Image facts: what docker says of each successful package's final image (size, layers, id, created,
// architecture) and, after a push, the registry digest. Runs `docker` through @actions/exec, silently, each
// call bounded in time and the whole step too; docker missing, hung or failing leaves the facts out and says
// so in one sentence, never more.
//
// The digest comes first from the same `docker image inspect` (RepoDigests: `docker push` records the digest
// the registry answered, so no network is needed), and only when no entry matches the pushed repository from
// `docker buildx imagetools inspect`, which asks the registry.
import type { BuildReport, ImageFacts, PackageResult } from '../report/build-report.js';
import { digestOnly, formatBytes, shortDigest } from '../report/image-facts.js';

/** One docker call: its exit code and output, or why there is none. */
export type DockerAnswer =
  /** `truncated`: stdout went past the cap (MAX_OUTPUT_BYTES) and was cut: too large to be one image's facts. */
  | { kind: 'exit'; exitCode: number; stdout: string; stderr: string; truncated?: boolean }
  | { kind: 'missing' }
  | { kind: 'timeout' }
  | { kind: 'cancelled' }
  /** The step's total time ran out while waiting. */
  | { kind: 'used-up'; totalMs: number }
  | { kind: 'error'; message: string };

export type DockerRunner = (args: string[]) => Promise<DockerAnswer>;

export interface ImageFactsOptions {
  /** Each docker call gives up after this long. */
  callTimeoutMs?: number;
  /** All calls together give up after this long. */
  totalTimeoutMs?: number;
  /** At most this many distinct images are inspected. */
  maxImages?: number;
  /** Aborted (a cancel): no new call starts and the one running is abandoned. */
  signal?: AbortSignal;
  /** How docker is run (tests inject one); default: `docker` on PATH through @actions/exec. */
  run?: DockerRunner;
}

export interface ImageFactsResult {
  /** Images with facts. */
  inspected: number;
  /** Why some or all facts are left out, in one sentence (for one warning), or null. */
  problem: string | null;
  /** One line for the job log, or null when nothing was inspected. */
  summary: string | null;
}

export const CALL_TIMEOUT_MS = 20_000;
export const TOTAL_TIMEOUT_MS = 60_000;
export const MAX_IMAGES = 200;
/** An answer longer than this (in bytes, as docker wrote it) is not one image's inspect output. */
const MAX_OUTPUT_BYTES = 8 * 1024 * 1024;
const TOO_LARGE = 'gave more than 8 MiB of output (too large)';

const tooLarge = (stdout: string): boolean => Buffer.byteLength(stdout, 'utf8') > MAX_OUTPUT_BYTES;

// ---- parsing (pure) ----

const text = (v: unknown, max = 500): string | null =>
  typeof v === 'string' && v.trim() !== '' && v.length <= max ? v.trim() : null;

/** What `docker image inspect` says of one image, RepoDigests kept for matching the push. */
export interface InspectedImage {
  facts: Omit<ImageFacts, 'digest' | 'sizeChange'>;
  repoDigests: string[];
}

/**
 * Parses `docker image inspect <image>` output (a JSON array with one object). Null when it is not that;
 * a field of the wrong type reads as null, so a docker that changes one field costs that field only.
 */
export function parseInspect(stdout: string, image: string): InspectedImage | null {
  if (tooLarge(stdout)) return null;
  let data: unknown;
  try {
    data = JSON.parse(stdout);
  } catch {
    return null;
  }
  const first: unknown = Array.isArray(data) ? data[0] : data;
  if (typeof first !== 'object' || first === null || Array.isArray(first)) return null;
  const o = first as Record<string, unknown>;
  const size = o['Size'];
  const rootFs = o['RootFS'];
  const layers =
    typeof rootFs === 'object' && rootFs !== null ? (rootFs as Record<string, unknown>)['Layers'] : undefined;
  const arch = text(o['Architecture'], 50);
  const variant = text(o['Variant'], 50);
  const facts = {
    image,
    id: text(o['Id'], 200),
    sizeBytes: typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? size : null,
    layers: Array.isArray(layers) ? layers.length : null,
    created: text(o['Created'], 100),
    architecture: arch === null ? null : variant === null ? arch : `${arch}/${variant}`,
  };
  // An object with none of an image's fields is not an image.
  if (facts.id === null && facts.sizeBytes === null && facts.layers === null) return null;
  const rd = o['RepoDigests'];
  const repoDigests = Array.isArray(rd) ? rd.filter((d): d is string => text(d) !== null) : [];
  return { facts, repoDigests };
}

/** `myuser/numpy:r36` → `myuser/numpy`; `host:5000/a/b:t@sha256:…` → `host:5000/a/b`. As written. */
export function repositoryOf(ref: string): string {
  const noDigest = ref.split('@', 1)[0] as string;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

/** Docker Hub's short and long names are one repository: `docker.io/library/x` is `x`. */
function canonicalRepository(repo: string): string {
  return repo
    .toLowerCase()
    .replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '')
    .replace(/^library\//, '');
}

/** The RepoDigests entry (`repo@sha256:…`) of the pushed image's repository, or null. */
export function digestFor(repoDigests: readonly string[], pushedImage: string): string | null {
  const want = canonicalRepository(repositoryOf(pushedImage));
  for (const d of repoDigests) {
    const at = d.lastIndexOf('@');
    if (at <= 0) continue;
    const digest = d.slice(at + 1);
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) continue;
    if (canonicalRepository(d.slice(0, at)) === want) return d;
  }
  return null;
}

/** `docker buildx imagetools inspect <ref> --format '{{json .Manifest}}'` → `sha256:…`, or null. */
export function parseManifestDigest(stdout: string): string | null {
  if (tooLarge(stdout)) return null;
  try {
    const m = JSON.parse(stdout) as unknown;
    const d = typeof m === 'object' && m !== null ? (m as Record<string, unknown>)['digest'] : null;
    return typeof d === 'string' && /^sha256:[0-9a-f]{64}$/.test(d) ? d : null;
  } catch {
    return null;
  }
}

// ---- running docker ----

/** docker through @actions/exec: silent (no command echo, no output in the log). `call` bounds it in time. */
export const execDocker: DockerRunner = async (args) => {
  try {
    const { exec } = await import('@actions/exec');
    // Each stream is kept up to one byte past the cap (parseInspect then refuses it): a docker that prints
    // hundreds of MB costs no more memory than that.
    const stdout = new CappedOutput(MAX_OUTPUT_BYTES + 1);
    const stderr = new CappedOutput(64 * 1024);
    const exitCode = await exec('docker', args, {
      silent: true,
      ignoreReturnCode: true,
      delay: 1000,
      listeners: { stdout: (b) => stdout.add(b), stderr: (b) => stderr.add(b) },
    });
    return {
      kind: 'exit',
      exitCode,
      stdout: stdout.text(),
      stderr: stderr.text(),
      // Decided on the bytes docker wrote: the kept text may be cut inside a character, and its length in
      // characters says nothing about the cap.
      truncated: stdout.seen > MAX_OUTPUT_BYTES,
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // @actions/io's words when the executable is not on PATH.
    return /Unable to locate executable file/i.test(message)
      ? { kind: 'missing' }
      : { kind: 'error', message };
  }
};

/** The first `cap` bytes of a stream; the rest is counted, not kept. */
export class CappedOutput {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  /** Every byte the stream gave, kept or not. */
  seen = 0;
  constructor(private readonly cap: number) {}
  add(chunk: Buffer): void {
    this.seen += chunk.length;
    const room = this.cap - this.kept;
    if (room <= 0) return;
    const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
    this.chunks.push(Buffer.from(part));
    this.kept += part.length;
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** The first line of docker's complaint, short: `Cannot connect to the Docker daemon at unix:///…`. */
function firstLine(s: string): string {
  const line = s.split('\n').find((l) => l.trim() !== '') ?? '';
  const one = line.trim();
  return one.length > 200 ? `${one.slice(0, 199)}…` : one;
}

/** Why a call gave nothing, as words after `docker …`. */
function failureWords(answer: DockerAnswer, timeoutMs: number): string {
  switch (answer.kind) {
    case 'missing':
      return 'not found on PATH';
    case 'timeout':
      return `did not answer within ${(timeoutMs / 1000).toFixed(timeoutMs < 10_000 ? 1 : 0)} s`;
    case 'cancelled':
      return 'was cut short by a cancel';
    case 'used-up':
      return `did not answer before the ${answer.totalMs / 1000} s for docker were used up`;
    case 'error':
      return `could not run (${firstLine(answer.message)})`;
    default: {
      const why = firstLine(answer.stderr) || firstLine(answer.stdout);
      return `failed (exit ${answer.exitCode}${why ? `: ${why}` : ''})`;
    }
  }
}

/** An image docker does not have: that image's facts are left out, the others are still asked for. */
const NO_SUCH_IMAGE = /no such image/i;

// ---- the step ----

interface Budget {
  run: DockerRunner;
  callMs: number;
  totalMs: number;
  deadline: number;
  signal: AbortSignal | undefined;
  /** The registry failed once: the other pushed images' digests are not asked of it again. */
  registryFailed: boolean;
}

/**
 * A call within the budget: what is left of it, or of the call's own limit, whichever is less; an abort ends
 * the wait at once. A docker that does not answer is left behind (it ends with the step): the build's result
 * goes on.
 */
async function call(b: Budget, args: string[]): Promise<{ answer: DockerAnswer; ms: number }> {
  const ms = Math.max(0, Math.min(b.callMs, b.deadline - Date.now()));
  const late: DockerAnswer = ms < b.callMs ? { kind: 'used-up', totalMs: b.totalMs } : { kind: 'timeout' };
  if (b.signal?.aborted) return { answer: { kind: 'cancelled' }, ms };
  if (ms === 0) return { answer: late, ms };
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<DockerAnswer>((resolve) => {
    timer = setTimeout(() => resolve(late), ms);
    onAbort = () => resolve({ kind: 'cancelled' });
    b.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return { answer: await Promise.race([b.run(args), stop]), ms };
  } finally {
    clearTimeout(timer);
    if (onAbort) b.signal?.removeEventListener('abort', onAbort);
  }
}

type Looked =
  { ok: true; facts: ImageFacts; problem?: string } | { ok: false; fatal: boolean; problem: string };

/** `docker image inspect` of one image (the pushed tag when the local one is gone), then its digest. */
async function lookAt(b: Budget, image: string, pushed: string | null): Promise<Looked> {
  let inspected: InspectedImage | null = null;
  let problem = '';
  for (const name of pushed !== null && pushed !== image ? [image, pushed] : [image]) {
    const { answer, ms } = await call(b, ['image', 'inspect', '--', name]);
    if (answer.kind === 'exit' && answer.exitCode === 0) {
      if (answer.truncated || tooLarge(answer.stdout)) {
        return { ok: false, fatal: false, problem: `docker image inspect ${name} ${TOO_LARGE}` };
      }
      inspected = parseInspect(answer.stdout, name);
      if (inspected === null) {
        return {
          ok: false,
          fatal: false,
          problem: `docker image inspect ${name} gave output that is not an image`,
        };
      }
      break;
    }
    problem = `docker image inspect ${name} ${failureWords(answer, ms)}`;
    const missingImage = answer.kind === 'exit' && NO_SUCH_IMAGE.test(answer.stderr);
    if (!missingImage) return { ok: false, fatal: true, problem };
  }
  if (inspected === null) return { ok: false, fatal: false, problem };
  const local = pushed !== null ? digestFor(inspected.repoDigests, pushed) : null;
  if (pushed === null || local !== null) return { ok: true, facts: { ...inspected.facts, digest: local } };
  if (b.registryFailed) return { ok: true, facts: { ...inspected.facts, digest: null } };
  const remote = await manifestDigest(b, pushed);
  const facts = { ...inspected.facts, digest: typeof remote === 'string' ? remote : null };
  if (typeof remote === 'string') return { ok: true, facts };
  // Told once: a registry that refused or hung for one image would for the next.
  b.registryFailed = true;
  return { ok: true, facts, problem: remote.problem };
}

/** The fallback for the digest: the registry's manifest of the pushed tag, else why not. */
async function manifestDigest(b: Budget, pushed: string): Promise<string | { problem: string }> {
  const args = ['buildx', 'imagetools', 'inspect', '--format', '{{json .Manifest}}', '--', pushed];
  const { answer, ms } = await call(b, args);
  const what = `the digest of ${pushed} is left out: docker buildx imagetools inspect`;
  if (answer.kind !== 'exit' || answer.exitCode !== 0)
    return { problem: `${what} ${failureWords(answer, ms)}` };
  if (answer.truncated || tooLarge(answer.stdout)) return { problem: `${what} ${TOO_LARGE}` };
  const d = parseManifestDigest(answer.stdout);
  return d === null ? { problem: `${what} gave no manifest digest` } : `${repositoryOf(pushed)}@${d}`;
}

interface Target {
  image: string;
  pushed: string | null;
  of: PackageResult[];
}

/** The images to inspect, one entry per distinct image (aliases share one), and how many there are in all. */
function targets(report: BuildReport, max: number): { list: Target[]; total: number } {
  const byImage = new Map<string, Target>();
  let total = 0;
  for (const p of report.packages) {
    const image = p.status === 'success' ? (p.image ?? p.pushedImage) : null;
    if (!image) continue;
    const entry = byImage.get(image);
    if (entry) entry.of.push(p);
    else if (byImage.size < max) byImage.set(image, { image, pushed: p.pushedImage, of: [p] });
    if (!entry) total++;
  }
  return { list: [...byImage.values()], total };
}

/**
 * Inspects the final image of every successful package and records the facts on it (`imageFacts`). Never
 * throws for docker's sake: what could not be told is left out and named in `problem`.
 */
export async function addImageFacts(
  report: BuildReport,
  opts: ImageFactsOptions = {},
): Promise<ImageFactsResult> {
  const max = opts.maxImages ?? MAX_IMAGES;
  const { list, total } = targets(report, max);
  if (list.length === 0) return { inspected: 0, problem: null, summary: null };
  const totalMs = opts.totalTimeoutMs ?? TOTAL_TIMEOUT_MS;
  const budget: Budget = {
    run: opts.run ?? execDocker,
    callMs: opts.callTimeoutMs ?? CALL_TIMEOUT_MS,
    totalMs,
    deadline: Date.now() + totalMs,
    signal: opts.signal,
    registryFailed: false,
  };
  const problems: string[] = [];
  const done: ImageFacts[] = [];
  for (const [i, t] of list.entries()) {
    const left = `${list.length - i} of ${list.length} images`;
    if (opts.signal?.aborted) {
      problems.push(`cancelled before ${left} were inspected`);
      break;
    }
    if (Date.now() >= budget.deadline) {
      problems.push(`the ${totalMs / 1000} s for docker were used up before ${left} were inspected`);
      break;
    }
    const looked = await lookAt(budget, t.image, t.pushed);
    if (looked.problem !== undefined) problems.push(looked.problem);
    if (looked.ok) {
      for (const p of t.of) p.imageFacts = { ...looked.facts };
      done.push(looked.facts);
    } else if (looked.fatal) {
      // docker itself is missing, hung or broken: asking about the next image would only say so again.
      break;
    }
  }
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  const capped =
    total > list.length ? ` (at most ${max} images are inspected; ${total - list.length} were not)` : '';
  return {
    inspected: done.length,
    problem: problems.length ? `${problems[0] as string}${more}` : null,
    summary: done.length ? `${summaryLine(done, list.length)}${capped}` : null,
  };
}

/** `Image facts: numpy:r36.4 8.1 GB, 42 layers` (three images named at most). */
function summaryLine(done: ImageFacts[], asked: number): string {
  const named = done
    .slice(0, 3)
    .map((f) =>
      [
        f.image,
        f.sizeBytes !== null ? formatBytes(f.sizeBytes) : null,
        f.layers !== null ? `${f.layers} layers` : null,
        shortDigest(digestOnly(f.digest)),
      ]
        .filter((x) => x !== null)
        .join(', '),
    );
  const rest = done.length > 3 ? `; and ${done.length - 3} more` : '';
  return `Image facts (${done.length} of ${asked} images): ${named.join('; ')}${rest}`;
}
