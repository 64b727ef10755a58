// Per-cell `notify-on: change` of the fleet: the previous run's run-report.json, from its
// `jetson-run-report-<key>-<attempt>` artifact. The previous run is the one the run-level comparison found
// (runner/github.ts previousRunChange, its previousRunId); the listing and the download are compare-size's
// (previous-size.ts). Bounded as a whole, never throws, never logs: the caller prints the one warning.
import { constants, open, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { sharedCells } from '../report/cell-change.js';
import { githubClient, type GitHubRun } from '../runner/github.js';
import { UnexpectedAnswer } from '../notify/change.js';
import { downloadArtifact, downloadSlot, listArtifacts, within, type ArtifactInfo } from './previous-size.js';
import { oneLine, requestFailure } from './request-error.js';

/** Listing, downloads and reading together give up after this long (the summary notifies after it). */
export const PREVIOUS_RUN_REPORT_TIMEOUT_MS = 20_000;
/** What a run report artifact may weigh, zipped (as listed) and unpacked. */
export const MAX_RUN_REPORT_BYTES = 4 * 1024 * 1024;
/** Run reports downloaded when the previous run had several (several calls of the workflow in it). */
const MAX_CANDIDATES = 3;
const ARTIFACT = /^jetson-run-report-(.+)-(\d+)$/;
const FILE_NAME = 'run-report.json';

export interface PreviousRunReportRequest {
  /** `github-token`; empty: nothing is asked (the run-level comparison warned already). */
  token: string | null;
  run: GitHubRun;
  /** The previous completed run of the workflow on the branch. */
  previousRunId: number;
  /** This run's cells: of several run reports in the previous run, the one sharing the most is taken. */
  cells: readonly { package: string; platform: string | null }[];
  /** Where artifacts are unpacked (a folder of its own is made and removed inside it). */
  tempDir: string;
  timeoutMs?: number;
  maxBytes?: number;
  /** Progress for the job log: which report was read, or why none. */
  info?: (message: string) => void;
}

export interface PreviousRunReportAnswer {
  /** The parsed run-report.json (unchecked: see report/cell-change.ts), or null. */
  report: unknown;
  /** The artifact it came from. */
  artifact: string | null;
  /** Why it could not be read, for one warning; null when there simply was none. */
  warning: string | null;
}

const PREFIX = 'notify-on change: could not read the previous run report';
const TAIL = '; comparing the run as a whole.';

/** The previous run's report. Never throws; see PreviousRunReportAnswer. */
export async function findPreviousRunReport(req: PreviousRunReportRequest): Promise<PreviousRunReportAnswer> {
  const none = (warning: string | null = null): PreviousRunReportAnswer => ({
    report: null,
    artifact: null,
    warning,
  });
  const { owner, repo } = req.run;
  if (!req.token || !owner || !repo) return none();
  const { isGhesServer } = await import('../logs/artifact.js');
  if (isGhesServer(req.run.serverUrl)) {
    req.info?.('notify-on change: artifacts cannot be read on GitHub Enterprise Server; run-level only.');
    return none();
  }
  const timeoutMs = req.timeoutMs ?? PREVIOUS_RUN_REPORT_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const deadline = Date.now() + timeoutMs;
  try {
    const client = githubClient(req.token, req.run.apiUrl);
    const listed = await listArtifacts(client, owner, repo, req.previousRunId, signal).catch(
      (err: unknown) => {
        // The run was just read with this token: a run without an artifact list is a run without a report.
        if ((err as { status?: unknown } | null)?.status === 404) return [];
        throw err;
      },
    );
    const candidates = runReportArtifacts(listed, req.maxBytes ?? MAX_RUN_REPORT_BYTES);
    if (candidates.length === 0) {
      req.info?.(`notify-on change: run ${req.previousRunId} has no run report artifact left to read.`);
      return none();
    }
    let best: { report: unknown; artifact: string; shared: number } | null = null;
    for (const artifact of candidates.slice(0, MAX_CANDIDATES)) {
      const report = await fetchRunReport(req, artifact, deadline, signal);
      const shared = sharedCells(report, req.cells);
      if (shared >= 0 && (best === null || shared > best.shared)) {
        best = { report, artifact: artifact.name, shared };
      }
      // Only one call of the workflow in that run: nothing to choose between.
      if (candidates.length === 1) break;
    }
    if (best === null) return none(`${PREFIX} (run ${req.previousRunId}: no ${FILE_NAME} in it)${TAIL}`);
    return { report: best.report, artifact: best.artifact, warning: null };
  } catch (err) {
    const timedOut = signal.aborted || (err as { timedOut?: unknown } | null)?.timedOut === true;
    return none(describe(err, timedOut, req.run.apiUrl, timeoutMs));
  }
}

/**
 * The run report artifacts to try: the latest attempt of each call of the workflow (its key), newest first;
 * expired and oversized ones left out.
 */
export function runReportArtifacts(artifacts: readonly ArtifactInfo[], maxBytes: number): ArtifactInfo[] {
  const latest = new Map<string, { artifact: ArtifactInfo; attempt: number }>();
  for (const a of artifacts) {
    const m = ARTIFACT.exec(a.name);
    if (!m || a.expired || a.sizeBytes > maxBytes) continue;
    const key = m[1] as string;
    const attempt = Number(m[2]);
    const seen = latest.get(key);
    if (!seen || attempt > seen.attempt || (attempt === seen.attempt && a.id > seen.artifact.id)) {
      latest.set(key, { artifact: a, attempt });
    }
  }
  return [...latest.values()].map((l) => l.artifact).sort((a, b) => b.id - a.id);
}

/** Downloads one artifact and reads its run-report.json (null when it is not there or not JSON). */
async function fetchRunReport(
  req: PreviousRunReportRequest,
  artifact: ArtifactInfo,
  deadline: number,
  signal: AbortSignal,
): Promise<unknown> {
  const { dir, left } = await downloadSlot(req.tempDir, 'jetson-previous-run-report-', deadline, signal);
  try {
    const from = {
      token: req.token as string,
      owner: req.run.owner as string,
      repo: req.run.repo as string,
      runId: req.previousRunId,
    };
    try {
      await downloadArtifact(artifact.id, from, dir, left, signal);
    } catch (err) {
      if ((err as { timedOut?: unknown }).timedOut === true || signal.aborted) throw err;
      const status = (err as { status?: unknown }).status;
      throw new DownloadFailed(
        typeof status === 'number' ? status : null,
        `downloading the artifact '${artifact.name}' failed: ${typeof status === 'number' ? `HTTP ${status}: ` : ''}${oneLine(err instanceof Error ? err.message : String(err))}`,
      );
    }
    const limit = req.maxBytes ?? MAX_RUN_REPORT_BYTES;
    if (!(await within(dir, limit))) {
      throw new TooLarge(`the artifact '${artifact.name}' unpacks to more than ${limit} bytes`);
    }
    return await readRunReport(dir, limit);
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

class TooLarge extends Error {
  override name = 'TooLarge';
}

class DownloadFailed extends Error {
  override name = 'DownloadFailed';
  constructor(
    readonly status: number | null,
    message: string,
  ) {
    super(message);
  }
}

/** run-report.json at the top of an unpacked artifact (or one folder down), parsed; null when absent. */
async function readRunReport(dir: string, limit: number, depth = 0): Promise<unknown> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  if (entries.some((e) => e.isFile() && e.name === FILE_NAME)) {
    try {
      // Not through a link: the file is what the artifact holds, nothing else on the runner.
      const handle = await open(path.join(dir, FILE_NAME), constants.O_RDONLY | constants.O_NOFOLLOW);
      try {
        const stat = await handle.stat();
        if (stat.isFile() && stat.size <= limit) return JSON.parse(await handle.readFile('utf8')) as unknown;
      } finally {
        await handle.close();
      }
    } catch {
      return null;
    }
  }
  if (depth >= 1) return null;
  for (const e of entries.filter((x) => x.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const found = await readRunReport(path.join(dir, e.name), limit, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

const HINTS: Record<number, string> = {
  401: ' — the github-token is not valid (expired, revoked or not a token)',
  403: ' — the workflow needs `permissions: actions: read`',
  404: ' — the token cannot see this repository’s runs; the workflow needs `permissions: actions: read`',
};

/** What stopped the look-up, in one warning. */
function describe(err: unknown, timedOut: boolean, apiUrl: string, timeoutMs: number): string {
  if (timedOut)
    return `${PREFIX} (no answer within ${timeoutMs / 1000} s from ${apiUrl} or artifact storage)${TAIL}`;
  if (err instanceof TooLarge) return `${PREFIX} (${err.message})${TAIL}`;
  if (err instanceof DownloadFailed) {
    return `${PREFIX} (${err.message})${err.status === null ? '' : (HINTS[err.status] ?? '')}${TAIL}`;
  }
  if (err instanceof UnexpectedAnswer) {
    return `${PREFIX} (the answer from ${apiUrl} was not understood: ${oneLine(err.message)})${TAIL}`;
  }
  const failure = requestFailure(err, false, apiUrl, timeoutMs);
  const hint = failure.status === null ? '' : (HINTS[failure.status] ?? '');
  return `${PREFIX} (${failure.text})${hint}${TAIL}`;
}
