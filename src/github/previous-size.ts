// `compare-size`: the size each package's image had in the previous successful run of this workflow on this
// branch, read from that run's report.json (in its logs artifact, or the fleet's `jetson-report-…` artifact).
// The run listing is the one `notify-on: change` uses (runner/github.ts); the download is @actions/artifact's.
// Bounded as a whole (it runs before the report is written and notified), never throws, never logs: the
// caller prints the one warning it returns, and only for what a person can fix.
import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { constants, lstat, open, readdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { githubClient, workflowRunsApi, type GitHubClient, type GitHubRun } from '../runner/github.js';
import { ownRun, UnexpectedAnswer, type RunsApi, type WorkflowRunInfo } from '../notify/change.js';
import { oneLine, requestFailure } from './request-error.js';

/** Everything together (listing, downloads, reading) gives up after this long. */
export const PREVIOUS_SIZE_TIMEOUT_MS = 20_000;
/** Larger artifacts are not downloaded: a logs artifact that big holds far more than the report. */
export const MAX_ARTIFACT_BYTES = 32 * 1024 * 1024;
/** Successful runs looked at (a run may not have built the package, or its artifacts may have expired). */
const MAX_RUNS = 3;
/** Artifacts downloaded, over all runs. */
const MAX_DOWNLOADS = 4;
/** Completed runs listed to find the successful ones, as notify-on change pages them. */
const PER_PAGE = 20;
const MAX_PAGES = 2;
const MAX_REPORT_BYTES = 16 * 1024 * 1024;
/**
 * What an artifact may unpack to before anything in it is read. @actions/artifact unpacks as it downloads
 * with no bound of its own, so this is checked afterwards; what it unpacks is bounded in practice because
 * artifacts come only from this repository's own runs (see ownRun) and their listed size is checked first.
 */
export const MAX_UNPACKED_BYTES = 8 * MAX_ARTIFACT_BYTES;
/** Entries walked when totalling an unpacked artifact; more counts as too large. */
const MAX_UNPACKED_ENTRIES = 10_000;

export interface PreviousSizeRequest {
  /** `github-token`; null or empty: nothing is asked, one warning. */
  token: string | null;
  run: GitHubRun;
  /** The packages whose previous size is wanted. */
  packages: readonly string[];
  /**
   * This job's logs artifact name: the previous run's artifact of the same job (and matrix leg) is read
   * first, so each leg of a matrix finds its own package without downloading every leg's artifact.
   */
  artifactName: string | null;
  /** Where artifacts are unpacked (a folder of its own is made and removed inside it). */
  tempDir: string;
  timeoutMs?: number;
  maxArtifactBytes?: number;
  /** Default MAX_UNPACKED_BYTES. */
  maxUnpackedBytes?: number;
  /** Progress for the job log (what was compared with, why nothing was). */
  info?: (message: string) => void;
  /** Aborted (a cancel): the look-up ends at once, with nothing found and no warning. */
  stop?: AbortSignal;
}

export interface PreviousSize {
  sizeBytes: number;
  runId: number;
  /** The run's number (`#123`), when the API gave it. */
  runNumber: number | null;
  runUrl: string;
}

export interface PreviousSizeAnswer {
  /** Package name → its image's size in the previous successful run that built it. */
  sizes: Map<string, PreviousSize>;
  /** Why the sizes could not be read, for one warning; null when there was simply nothing to compare with. */
  warning: string | null;
}

/** An artifact as the listing gives it. */
export interface ArtifactInfo {
  id: number;
  name: string;
  sizeBytes: number;
  expired: boolean;
}

/** What the search reads: the run listing (shared with notify-on change), a run's artifacts, the download. */
interface Sources {
  runs: RunsApi;
  listArtifacts(runId: number, signal: AbortSignal): Promise<ArtifactInfo[]>;
  download(
    artifactId: number,
    runId: number,
    dir: string,
    timeoutMs: number,
    signal: AbortSignal,
  ): Promise<void>;
}

const PREFIX = 'compare-size: could not read the previous image sizes';

export const NO_TOKEN_WARNING =
  `${PREFIX} (github-token is empty) — leave \`github-token\` at its default (\`\${{ github.token }}\`) ` +
  'and give the workflow `permissions: actions: read`.';

/** The previous sizes of `req.packages`. Never throws; see PreviousSizeAnswer. */
export async function findPreviousSizes(req: PreviousSizeRequest): Promise<PreviousSizeAnswer> {
  const none = (warning: string | null = null): PreviousSizeAnswer => ({ sizes: new Map(), warning });
  if (req.packages.length === 0) return none();
  if (!req.token) return none(NO_TOKEN_WARNING);
  const { owner, repo, runId } = req.run;
  if (!owner || !repo || runId === null) {
    req.info?.(
      'compare-size: not a GitHub Actions run (no GITHUB_REPOSITORY or GITHUB_RUN_ID); nothing to compare.',
    );
    return none();
  }
  const { isGhesServer } = await import('../logs/artifact.js');
  if (isGhesServer(req.run.serverUrl)) {
    req.info?.(
      'compare-size: artifact downloads are not supported on GitHub Enterprise Server; nothing to compare.',
    );
    return none();
  }
  const timeoutMs = req.timeoutMs ?? PREVIOUS_SIZE_TIMEOUT_MS;
  const client = githubClient(req.token, req.run.apiUrl);
  const sources: Sources = {
    runs: workflowRunsApi(client, owner, repo),
    listArtifacts: (id, signal) => listArtifacts(client, owner, repo, id, signal),
    download: (artifactId, fromRun, dir, ms, signal) =>
      downloadArtifact(
        artifactId,
        { token: req.token as string, owner, repo, runId: fromRun },
        dir,
        ms,
        signal,
      ),
  };
  const sizes = new Map<string, PreviousSize>();
  const deadline = Date.now() + timeoutMs;
  const timeUp = AbortSignal.timeout(timeoutMs);
  const signal = req.stop ? AbortSignal.any([timeUp, req.stop]) : timeUp;
  try {
    const warning = await search(req, sources, sizes, deadline, signal);
    return { sizes, warning };
  } catch (err) {
    // Stopped by a cancel: nothing to warn about, the build's result is what matters now.
    if (req.stop?.aborted) return none();
    return { sizes, warning: describeFailure(err, timeUp.aborted, req.run.apiUrl, timeoutMs) };
  }
}

/** Walks the previous successful runs until every package has a size; returns a warning or null. */
async function search(
  req: PreviousSizeRequest,
  sources: Sources,
  sizes: Map<string, PreviousSize>,
  deadline: number,
  signal: AbortSignal,
): Promise<string | null> {
  const repository = `${req.run.owner}/${req.run.repo}`;
  const runs = await successfulRuns(sources.runs, req.run.runId as number, repository, signal);
  if (runs.length === 0) {
    req.info?.(
      'compare-size: no earlier successful run of this workflow on this branch; nothing to compare.',
    );
    return null;
  }
  let downloads = 0;
  for (const run of runs) {
    const artifacts = await sources.listArtifacts(run.id, signal);
    const runUrl = `${req.run.serverUrl}/${req.run.owner}/${req.run.repo}/actions/runs/${run.id}`;
    const label = run.runNumber === null ? `run ${run.id}` : `run #${run.runNumber}`;
    const candidates = pickArtifacts(artifacts, req.artifactName, req.maxArtifactBytes ?? MAX_ARTIFACT_BYTES);
    if (candidates.length === 0) req.info?.(`compare-size: ${label} has no report artifact left to read.`);
    for (const artifact of candidates) {
      if (downloads >= MAX_DOWNLOADS) break;
      downloads++;
      const report = await fetchReport(req, sources, artifact, run.id, deadline, signal);
      if (report instanceof TooLarge) {
        return `compare-size: the artifact '${artifact.name}' of ${label} unpacks to more than ${report.limit} bytes; it was not read.`;
      }
      if (report instanceof DownloadFailure) {
        const status = report.status === null ? '' : `HTTP ${report.status}: `;
        const hint = report.status === null ? '' : (HINTS[report.status] ?? '');
        return `${PREFIX} (downloading the artifact '${artifact.name}' of ${label} failed: ${status}${report.message})${hint}.`;
      }
      for (const name of req.packages.filter((p) => !sizes.has(p))) {
        const size = packageSize(report, name);
        if (size !== null) {
          sizes.set(name, { sizeBytes: size, runId: run.id, runNumber: run.runNumber, runUrl });
        }
      }
      if (req.packages.every((p) => sizes.has(p))) return null;
    }
  }
  const missing = req.packages.filter((p) => !sizes.has(p));
  req.info?.(`compare-size: no earlier size for ${missing.join(', ')} in the last successful runs.`);
  return null;
}

/** The most recent earlier successful runs (at most MAX_RUNS), newest first. */
async function successfulRuns(
  api: RunsApi,
  runId: number,
  repository: string,
  signal: AbortSignal,
): Promise<WorkflowRunInfo[]> {
  const current = await api.getRun(runId, signal);
  if (current.workflowId === null) throw new UnexpectedAnswer('the run has no workflow id');
  if (!current.headBranch) return [];
  const found: WorkflowRunInfo[] = [];
  for (let page = 1; page <= MAX_PAGES && found.length < MAX_RUNS; page++) {
    const runs = await api.listCompletedRuns(current.workflowId, current.headBranch, page, PER_PAGE, signal);
    for (const r of runs) {
      const earlier = !(
        r.runNumber !== null &&
        current.runNumber !== null &&
        r.runNumber >= current.runNumber
      );
      const counts = r.id !== current.id && earlier && r.conclusion === 'success' && ownRun(r, repository);
      if (counts && found.length < MAX_RUNS) {
        found.push(r);
      }
    }
    if (runs.length < PER_PAGE) break;
  }
  return found;
}

/** The stem of an artifact name: without the run attempt that ends it (`-attempt2`, or the fleet's `-2`). */
function stem(name: string): string {
  return name.replace(/-(?:attempt)?\d+$/, '');
}

/**
 * The artifacts that may hold this job's report, in the order to try them: the fleet's report artifact of the
 * same leg, the logs artifact of the same job and leg, then the other report and logs artifacts, smaller first.
 * Expired and oversized ones are left out.
 */
export function pickArtifacts(
  artifacts: readonly ArtifactInfo[],
  artifactName: string | null,
  maxBytes: number = MAX_ARTIFACT_BYTES,
): ArtifactInfo[] {
  const own = artifactName ? stem(artifactName) : null;
  const ownReport = own?.startsWith('jetson-build-logs-')
    ? `jetson-report-${own.slice('jetson-build-logs-'.length)}`
    : null;
  const rank = (a: ArtifactInfo): number => {
    const s = stem(a.name);
    if (ownReport !== null && s === ownReport) return 0;
    if (own !== null && s === own) return 1;
    if (a.name.startsWith('jetson-report-')) return 2;
    if (a.name.startsWith('jetson-build-logs-')) return 3;
    return 4;
  };
  return artifacts
    .filter((a) => !a.expired && a.sizeBytes <= maxBytes && rank(a) < 4)
    .sort((a, b) => rank(a) - rank(b) || a.sizeBytes - b.sizeBytes || a.id - b.id);
}

/** Why an artifact could not be downloaded: an HTTP status from the API when it gave one, and its words. */
class DownloadFailure {
  constructor(
    readonly status: number | null,
    readonly message: string,
  ) {}
}

/** The error for a deadline that has passed: callers tell it from a failed download by `timedOut`. */
function outOfTime(): Error {
  return Object.assign(new Error('out of time'), { timedOut: true });
}

/**
 * A fresh folder under `tempDir` to download one artifact into, and the time left for it; throws the timed-out
 * error when none is left, or the signal's reason when it was aborted.
 */
export async function downloadSlot(
  tempDir: string,
  prefix: string,
  deadline: number,
  signal: AbortSignal,
): Promise<{ dir: string; left: number }> {
  const left = deadline - Date.now();
  if (left <= 0) throw outOfTime();
  signal.throwIfAborted();
  return { dir: await mkdtemp(path.join(tempDir, prefix)), left };
}

/** The report in one artifact, or why it could not be downloaded (a report that is not there is null). */
async function fetchReport(
  req: PreviousSizeRequest,
  sources: Sources,
  artifact: ArtifactInfo,
  runId: number,
  deadline: number,
  signal: AbortSignal,
): Promise<unknown> {
  const { dir, left } = await downloadSlot(req.tempDir, 'jetson-previous-size-', deadline, signal);
  try {
    try {
      await sources.download(artifact.id, runId, dir, left, signal);
    } catch (err) {
      if ((err as { timedOut?: unknown }).timedOut === true || signal.aborted) throw err;
      const status = (err as { status?: unknown }).status;
      return new DownloadFailure(typeof status === 'number' ? status : null, oneLine(message(err)));
    }
    const limit = req.maxUnpackedBytes ?? MAX_UNPACKED_BYTES;
    if (!(await within(dir, limit))) return new TooLarge(limit);
    return await readReport(dir);
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

class TooLarge {
  constructor(readonly limit: number) {}
}

/** The files under `dir` total at most `limit` bytes (links are not followed; too many entries is too much). */
export async function within(dir: string, limit: number): Promise<boolean> {
  let total = 0;
  let entries = 0;
  const pending = [dir];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const e of await readdir(next, { withFileTypes: true })) {
      if (++entries > MAX_UNPACKED_ENTRIES) return false;
      const full = path.join(next, e.name);
      if (e.isDirectory()) pending.push(full);
      else if (e.isFile()) total += (await lstat(full)).size;
      if (total > limit) return false;
    }
  }
  return true;
}

/** report.json in an unpacked artifact (at its top, or a folder or two down), parsed; null when absent. */
async function readReport(dir: string, depth = 0): Promise<unknown> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  if (entries.some((e) => e.isFile() && e.name === 'report.json')) {
    const parsed = await readJson(path.join(dir, 'report.json'));
    if (parsed !== null) return parsed;
  }
  if (depth >= 2) return null;
  for (const e of entries.filter((x) => x.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const found = await readReport(path.join(dir, e.name), depth + 1);
    if (found !== null) return found;
  }
  return null;
}

async function readJson(file: string): Promise<unknown> {
  try {
    const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      const stat = await handle.stat();
      if (!stat.isFile() || stat.size > MAX_REPORT_BYTES) return null;
      return JSON.parse(await handle.readFile('utf8')) as unknown;
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

/**
 * The image size `name` had in a report (schema 1 reports have none; later ones are read the same way), or
 * null: the report comes from an artifact, so every field is checked.
 */
export function packageSize(report: unknown, name: string): number | null {
  if (typeof report !== 'object' || report === null) return null;
  const r = report as { schemaVersion?: unknown; packages?: unknown };
  if (typeof r.schemaVersion !== 'number' || r.schemaVersion < 1 || !Array.isArray(r.packages)) return null;
  for (const p of r.packages as unknown[]) {
    if (typeof p !== 'object' || p === null) continue;
    const pkg = p as { name?: unknown; status?: unknown; imageFacts?: { sizeBytes?: unknown } | null };
    if (pkg.name !== name || pkg.status !== 'success') continue;
    const size = pkg.imageFacts?.sizeBytes;
    if (typeof size === 'number' && Number.isSafeInteger(size) && size > 0) return size;
  }
  return null;
}

export async function listArtifacts(
  client: GitHubClient,
  owner: string,
  repo: string,
  runId: number,
  signal: AbortSignal,
): Promise<ArtifactInfo[]> {
  const { data } = await client.rest.actions.listWorkflowRunArtifacts({
    owner,
    repo,
    run_id: runId,
    per_page: 100,
    request: { signal },
  });
  const list: unknown = (data as { artifacts?: unknown }).artifacts;
  if (!Array.isArray(list)) throw new UnexpectedAnswer('the list of artifacts has no artifacts');
  return list.flatMap((a: unknown) => {
    const x = (a ?? {}) as Record<string, unknown>;
    if (typeof x.id !== 'number' || typeof x.name !== 'string') return [];
    const size = typeof x.size_in_bytes === 'number' ? x.size_in_bytes : Number.POSITIVE_INFINITY;
    return [{ id: x.id, name: x.name, sizeBytes: size, expired: x.expired === true }];
  });
}

const downloadContext = new AsyncLocalStorage<symbol>();

/**
 * Downloads and unpacks one artifact with @actions/artifact, within `timeoutMs`. The library takes no signal
 * and retries a failed blob download five times, 5 s apart: the blob request it makes (node:http, tagged
 * through AsyncLocalStorage) is watched, so a refusal ends the wait at once, with its status, and any retry
 * is cut off; an abandoned download unwinds in the background (the entry points exit once done).
 */
export async function downloadArtifact(
  artifactId: number,
  from: { token: string; owner: string; repo: string; runId: number },
  dir: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const tag = Symbol('previous-size download');
  const watch = watchBlob(tag);
  let timer: NodeJS.Timeout | undefined;
  const onAbort = (): void => watch.abandon(new Error('stopped'));
  const timeUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(outOfTime()), timeoutMs);
  });
  signal.addEventListener('abort', onAbort, { once: true });
  const work = downloadContext.run(tag, () =>
    new DefaultArtifactClient().downloadArtifact(artifactId, {
      path: dir,
      findBy: {
        token: from.token,
        workflowRunId: from.runId,
        repositoryOwner: from.owner,
        repositoryName: from.repo,
      },
    }),
  );
  // Abandoned, it still settles later: nobody is listening then.
  work.catch(() => undefined);
  try {
    await Promise.race([work, timeUp, watch.failed]);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    watch.stop();
  }
}

/**
 * Watches the blob requests made under `tag`: `failed` rejects on the first one refused or unreachable, or
 * when the download is abandoned (then every open request is ended, and any retry as soon as it starts).
 */
function watchBlob(tag: symbol): { failed: Promise<never>; abandon(err: Error): void; stop(): void } {
  let fail: (err: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  const open = new Set<ClientRequest>();
  let over = false;
  const end = (req: ClientRequest): void => {
    process.nextTick(() => {
      if (!req.destroyed) req.destroy(new Error('download abandoned'));
    });
  };
  const giveUp = (err: Error): void => {
    if (over) return;
    over = true;
    fail(err);
  };
  const onStart = (msg: unknown): void => {
    if (downloadContext.getStore() !== tag) return;
    const req = (msg as { request: ClientRequest }).request;
    // A retry of a download already given up: ended before it goes out, so it cannot hold the step.
    if (over) return end(req);
    open.add(req);
    req.once('close', () => open.delete(req));
    req.once('response', (res: IncomingMessage) => {
      if (res.statusCode !== 200) giveUp(new Error(`blob storage answered HTTP ${res.statusCode ?? 0}`));
    });
    req.once('error', (err: Error & { code?: unknown }) => {
      giveUp(
        new Error(
          `blob storage could not be reached (${typeof err.code === 'string' ? err.code : err.message})`,
        ),
      );
    });
  };
  diagnostics.subscribe('http.client.request.start', onStart);
  return {
    failed,
    abandon(err: Error): void {
      giveUp(err);
      for (const req of open) end(req);
    },
    stop(): void {
      over = true;
      for (const req of open) end(req);
      // Kept for retries still to come from an abandoned download, then dropped: they stop within 30 s.
      setTimeout(() => diagnostics.unsubscribe('http.client.request.start', onStart), 30_000).unref();
    },
  };
}

const HINTS: Record<number, string> = {
  401: ' — the github-token is not valid (expired, revoked or not a token)',
  403: ' — the workflow needs `permissions: actions: read`',
  404: ' — the token cannot see this repository’s runs; the workflow needs `permissions: actions: read`',
};

/** What stopped the look-up, in one warning: the API's status and words, or what kept the answer away. */
function describeFailure(err: unknown, timedOut: boolean, apiUrl: string, timeoutMs: number): string {
  if (timedOut || (err as { timedOut?: unknown } | null)?.timedOut === true) {
    return `${PREFIX} (no answer within ${timeoutMs / 1000} s from ${apiUrl} or artifact storage).`;
  }
  if (err instanceof UnexpectedAnswer) {
    return `${PREFIX} (the answer from ${apiUrl} was not understood: ${oneLine(err.message)}).`;
  }
  const failure = requestFailure(err, false, apiUrl, timeoutMs);
  return `${PREFIX} (${failure.text})${failure.status === null ? '' : (HINTS[failure.status] ?? '')}.`;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
