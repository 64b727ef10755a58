// The `report-artifacts` input of summarize: the legs' report artifacts of this run, downloaded one by one.
// actions/download-artifact stops at the first artifact it cannot fetch (and the workflow had to hide that
// with continue-on-error), and through the runner's artifact service an earlier attempt's artifacts are listed
// but refused - exactly what "re-run failed jobs" leaves. Here each artifact succeeds or fails on its own,
// through the REST API (every attempt; the job's token needs actions: read), else through the runner.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../runner/errors.js';
import type { GitHubRun } from '../runner/github-run.js';
import { MAX_MATRIX_LEGS, planGrid, platformSlug, type Platform } from './plan.js';

/** One artifact of the run, as either listing names it. */
export interface RunArtifact {
  id: number;
  name: string;
}

export interface ArtifactSource {
  /** `api` reads every attempt of the run; `runner` only what the runner's artifact service hands out. */
  kind: 'api' | 'runner';
  list(): Promise<RunArtifact[]>;
  download(artifact: RunArtifact, dir: string): Promise<void>;
}

export interface DownloadResult {
  source: ArtifactSource['kind'] | null;
  downloaded: string[];
  failed: { name: string; error: string }[];
}

export interface DownloadRequest {
  /** The input: artifact names with `*` (any characters) and `?` (one). */
  pattern: string;
  /** Each artifact goes to `<dir>/<name>/`. */
  dir: string;
  /** The API source first, then the runner's; a source that cannot list hands over to the next. */
  sources: ArtifactSource[];
  info: (message: string) => void;
  /** A source that refused (401/403/404): expected without `actions: read`. */
  notice: (message: string) => void;
  /** A source that kept failing otherwise (5xx, network, timeout): an outage, not a permission. */
  warning: (message: string) => void;
}

/** Downloads at once: a grid's 256 legs fetch in a minute, without a burst of 256 connections. */
export const DOWNLOAD_CONCURRENCY = 6;
/** Tries of a listing before falling back: one 502 must not cost a re-run its first attempt's reports. */
const LIST_TRIES = 3;
/** A listing that failed slower than this (a timeout, a hang) is not tried again. */
const QUICK_FAILURE_MS = 10_000;

export function patternRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/**
 * Lists with the first source that can, then downloads every matching artifact, each on its own: a failure
 * is tried once more after the others, then recorded with its error. Never throws.
 */
export async function downloadRunArtifacts(req: DownloadRequest): Promise<DownloadResult> {
  const match = patternRegExp(req.pattern);
  for (const [i, source] of req.sources.entries()) {
    const listing = await listWithRetries(source);
    if ('error' in listing) {
      const { error, tries } = listing;
      const next = req.sources[i + 1];
      const status = statusOf(error);
      // Only a refusal is about the permission: a 5xx or a network error after three tries is not.
      const refused = status === 401 || status === 403 || status === 404;
      (refused ? req.notice : req.warning)(
        `report-artifacts: could not list this run's artifacts through the ${sourceName(source)} (${errorMessage(error)}${tries > 1 ? `, ${tries} tries` : ''})` +
          (next ? `; reading them through the ${sourceName(next)}.` : '.') +
          (source.kind === 'api' && status === 403
            ? " Grant the calling job `actions: read` so the summary reads every attempt's reports (a re-run's first attempt)."
            : ''),
      );
      continue;
    }
    const listed = listing.artifacts;
    const wanted = latestPerName(listed.filter((a) => match.test(a.name)));
    req.info(`report-artifacts: ${wanted.length} artifact(s) match ${req.pattern} (${source.kind}).`);
    return { source: source.kind, ...(await fetchAll(wanted, source, req.dir)) };
  }
  return { source: null, downloaded: [], failed: [] };
}

function statusOf(err: unknown): number | null {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

/**
 * Tries a listing up to LIST_TRIES times (1 s, then 2 s apart); a 401, 403 or 404 is an answer, not a hiccup.
 * Only a quick failure (a 502, a reset, DNS) is retried: one that took the source's whole timeout would double
 * the step's wait, so the listing stays within the existing bound plus seconds.
 */
async function listWithRetries(
  source: ArtifactSource,
): Promise<{ artifacts: RunArtifact[] } | { error: unknown; tries: number }> {
  let error: unknown;
  let tries = 0;
  while (tries < LIST_TRIES) {
    const started = Date.now();
    tries += 1;
    try {
      return { artifacts: await source.list() };
    } catch (err) {
      error = err;
      const status = statusOf(err);
      if (status === 401 || status === 403 || status === 404) break;
      if (Date.now() - started > QUICK_FAILURE_MS) break;
      if (tries < LIST_TRIES) await new Promise((resolve) => setTimeout(resolve, 1000 * tries));
    }
  }
  return { error, tries };
}

function sourceName(source: ArtifactSource): string {
  return source.kind === 'api' ? 'GitHub API' : "runner's artifact service";
}

/** One artifact per name (the newest id): a name is unique within a run, but a listing may repeat it. */
function latestPerName(artifacts: RunArtifact[]): RunArtifact[] {
  const byName = new Map<string, RunArtifact>();
  for (const a of artifacts) if ((byName.get(a.name)?.id ?? -1) < a.id) byName.set(a.name, a);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

async function fetchAll(
  artifacts: RunArtifact[],
  source: ArtifactSource,
  dir: string,
): Promise<Omit<DownloadResult, 'source'>> {
  const attempt = async (a: RunArtifact): Promise<string | null> => {
    try {
      const into = path.join(dir, a.name);
      await mkdir(into, { recursive: true });
      await source.download(a, into);
      return null;
    } catch (err) {
      return errorMessage(err);
    }
  };
  const first = await eachBounded(artifacts, attempt);
  const retry = artifacts.filter((_, i) => first[i] !== null);
  const second = await eachBounded(retry, attempt);
  const failed = retry.flatMap((a, i) =>
    second[i] === null ? [] : [{ name: a.name, error: second[i] as string }],
  );
  const lost = new Set(failed.map((f) => f.name));
  return { downloaded: artifacts.filter((a) => !lost.has(a.name)).map((a) => a.name), failed };
}

/** `fn` over `items`, DOWNLOAD_CONCURRENCY at a time, results in the order of `items`. */
async function eachBounded<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(DOWNLOAD_CONCURRENCY, items.length) }, worker));
  return results;
}

/**
 * The cells of the artifacts that could not be downloaded, worked out from the plan (the artifact name
 * carries the leg: `<prefix><leg>-<attempt>`, and the plan's legs are a function of the packages and the
 * platforms' names). A name that fits no planned leg names no cell: the warning still names it.
 */
export function lostCells(
  failed: DownloadResult['failed'],
  pattern: string,
  planned: string[],
  platforms: { name: string; labels: string[] }[],
): { package: string; platform: string | null; reason: string; attempt: number }[] {
  const star = pattern.indexOf('*');
  if (failed.length === 0 || planned.length === 0 || star !== pattern.length - 1) return [];
  const prefix = pattern.slice(0, star);
  let legs;
  try {
    const columns: Platform[] = platforms.map((p, i) => ({
      name: p.name,
      slug: platformSlug(p.name) || `platform-${i + 1}`,
      labels: p.labels.length > 0 ? p.labels : ['self-hosted'],
      overrides: {},
    }));
    legs = planGrid(planned, {
      platforms: columns,
      runsOn: ['self-hosted'],
      maxLegs: MAX_MATRIX_LEGS,
    }).include;
  } catch {
    return [];
  }
  const cells: { package: string; platform: string | null; reason: string; attempt: number }[] = [];
  for (const f of failed) {
    if (!f.name.startsWith(prefix)) continue;
    const legName = f.name.slice(prefix.length).replace(/-\d+$/, '');
    const leg = legs.find((l) => l.leg === legName);
    if (!leg) continue;
    const reason = `its report artifact ${f.name} could not be downloaded (${f.error})`;
    const attempt = Number(/-(\d+)$/.exec(f.name)?.[1] ?? 0);
    for (const name of leg.packages.split(' ').filter((p) => p !== '')) {
      cells.push({ package: name, platform: leg.platform === '' ? null : leg.platform, reason, attempt });
    }
  }
  return cells;
}

/** The REST API source: `GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts`, every page. */
export function apiSource(token: string, run: GitHubRun, timeoutMs: number): ArtifactSource | null {
  const { owner, repo, runId } = run;
  if (token === '' || !owner || !repo || runId === null) return null;
  return {
    kind: 'api',
    async list() {
      const { githubClient } = await import('../runner/github.js');
      const client = githubClient(token, run.apiUrl);
      const out: RunArtifact[] = [];
      for (let page = 1; page <= 50; page++) {
        const { data } = await client.rest.actions.listWorkflowRunArtifacts({
          owner,
          repo,
          run_id: runId,
          per_page: 100,
          page,
          request: { signal: AbortSignal.timeout(timeoutMs) },
        });
        for (const a of data.artifacts) if (!a.expired) out.push({ id: a.id, name: a.name });
        if (data.artifacts.length < 100 || out.length >= data.total_count) break;
      }
      return out;
    },
    async download(artifact, dir) {
      const { downloadArtifact } = await import('../github/previous-size.js');
      await downloadArtifact(
        artifact.id,
        { token, owner, repo, runId },
        dir,
        timeoutMs,
        new AbortController().signal,
      );
    },
  };
}

/** The runner's artifact service (ACTIONS_RUNTIME_TOKEN): no token needed, but no earlier attempt either. */
export function runnerSource(timeoutMs: number): ArtifactSource {
  const client = async () => new (await import('@actions/artifact')).DefaultArtifactClient();
  return {
    kind: 'runner',
    async list() {
      return (await withTimeout((await client()).listArtifacts(), timeoutMs)).artifacts.map((a) => ({
        id: a.id,
        name: a.name,
      }));
    },
    async download(artifact, dir) {
      await withTimeout((await client()).downloadArtifact(artifact.id, { path: dir }), timeoutMs);
    },
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, timeUp]).finally(() => clearTimeout(timer));
}
