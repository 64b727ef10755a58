// `check-run: true`: one check run per build, `jetson / <packages>`, created in progress when the build starts
// and completed with its result, summary and annotations when it ends, so branch protection can require it.
// Needs `checks: write`. Never throws and never holds the step long: each call is bounded, and anything in
// the way is one warning (the caller prints it). Everything sent passes the secret scrubber.
import type { BuildReport } from '../report/build-report.js';
import {
  annotationBatches,
  checkConclusion,
  checkRunName,
  renderCheckAnnotations,
  renderCheckOutput,
  startedOutput,
} from '../report/check-run.js';
import { githubClient, type GitHubClient, type GitHubRun } from '../runner/github.js';
import { scrub, scrubDeep } from '../runner/secrets.js';
import { deadline, requestFailure } from './request-error.js';

/** Creating the check run may hold the build back this long at most. */
export const CREATE_TIMEOUT_MS = 5000;
/** Completing it, every annotation batch included, takes at most this long … */
export const COMPLETE_TIMEOUT_MS = 10_000;
/** … and one request of it at most this long. */
const REQUEST_TIMEOUT_MS = 5000;

export const NO_TOKEN_WARNING =
  'check-run: github-token is empty, so no check run is created — leave `github-token` at its default ' +
  '(`${{ github.token }}`) and give the job `permissions: checks: write`.';

interface ApiAccess {
  token: string | null;
  run: GitHubRun;
  /** The client for a token (default: @actions/github's, at the run's API URL). */
  client?: (token: string) => GitHubClient;
  /** Stops the calls early (the step is being cancelled). */
  signal?: AbortSignal;
}

export interface CreateRequest extends ApiAccess {
  packages: readonly string[];
  /** The platform of a grid leg (the `platform` input), named in the check's name; null outside a grid. */
  platform?: string | null;
  runnerName: string | null;
  /** The job's page (else the run's): where "Details" leads. */
  detailsUrl: string | null;
  startedAt: Date;
  timeoutMs?: number;
}

export interface CreateAnswer {
  id: number | null;
  warning: string | null;
}

/** The commit the check run belongs to: the pull request's head on PR events (GITHUB_SHA is a merge commit). */
export function checkRunSha(run: GitHubRun): string | null {
  return run.prHeadSha ?? run.sha;
}

function clientFor(req: ApiAccess, token: string): GitHubClient {
  return (req.client ?? ((t: string) => githubClient(t, req.run.apiUrl)))(token);
}

/** Why the API refused or could not be reached, as the one warning. */
function warningFor(
  err: unknown,
  timedOut: boolean,
  req: ApiAccess,
  what: string,
  timeoutMs: number,
): string {
  const failure = requestFailure(err, timedOut, req.run.apiUrl, timeoutMs);
  if (failure.status === 403) {
    const fork = req.run.prFromFork ? ' (a pull request from a fork gets a read-only token)' : '';
    return `check-run: the token cannot ${what} check runs (${failure.text})${fork}: give the job \`permissions: checks: write\`.`;
  }
  if (failure.status === 404) {
    return `check-run: could not ${what} the check run (${failure.text}) — the token cannot see ${req.run.owner}/${req.run.repo}, or it has no \`checks: write\`.`;
  }
  return `check-run: could not ${what} the check run (${failure.text}).`;
}

/** Creates the check run in progress. Never throws: no id and one warning when it cannot. */
export async function createCheckRun(req: CreateRequest): Promise<CreateAnswer> {
  const { owner, repo } = req.run;
  const sha = checkRunSha(req.run);
  if (!owner || !repo || !sha) {
    return {
      id: null,
      warning: 'check-run: not a GitHub Actions run (no repository or commit); no check run.',
    };
  }
  if (!req.token) return { id: null, warning: NO_TOKEN_WARNING };
  const timeoutMs = req.timeoutMs ?? CREATE_TIMEOUT_MS;
  const signal = deadline(timeoutMs, req.signal);
  try {
    const body = scrubDeep({
      name: checkRunName(req.packages, req.platform ?? null),
      head_sha: sha,
      status: 'in_progress' as const,
      started_at: req.startedAt.toISOString(),
      ...(req.detailsUrl ? { details_url: req.detailsUrl } : {}),
      // Scrubbed before it is rendered: escaping (`a\_b`) would hide a secret from a scrub of the text.
      output: startedOutput(
        scrubDeep([...req.packages]),
        req.runnerName === null ? null : scrub(req.runnerName),
      ),
    });
    const { data } = await clientFor(req, req.token).rest.checks.create({
      owner,
      repo,
      ...body,
      request: { signal },
    });
    const id = (data as { id?: unknown } | null)?.id;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
      return { id: null, warning: 'check-run: GitHub answered the create without a check run id.' };
    }
    return { id, warning: null };
  } catch (err) {
    return { id: null, warning: scrub(warningFor(err, signal.aborted, req, 'create', timeoutMs)) };
  }
}

export interface CompleteRequest extends ApiAccess {
  id: number;
  report: BuildReport;
  /** The job's page (else the run's), when it is known now and was not at the start. */
  detailsUrl?: string | null;
  timeoutMs?: number;
}

export interface CompleteAnswer {
  /** The check run has its conclusion. */
  completed: boolean;
  /** Update requests GitHub accepted. */
  updates: number;
  warning: string | null;
}

/**
 * Completes the check run with the report: the conclusion, the output and the first 50 annotations in one
 * request (so the result is there even if a later one fails), then the rest 50 at a time (GitHub appends
 * them). Never throws.
 */
export async function completeCheckRun(req: CompleteRequest): Promise<CompleteAnswer> {
  const { owner, repo } = req.run;
  if (!owner || !repo) return { completed: false, updates: 0, warning: null };
  if (!req.token) return { completed: false, updates: 0, warning: NO_TOKEN_WARNING };
  const timeoutMs = req.timeoutMs ?? COMPLETE_TIMEOUT_MS;
  const overall = deadline(timeoutMs, req.signal);
  // Rendered from the scrubbed report: markdown escaping would hide a secret from a scrub of the text.
  const report = scrubDeep(req.report);
  const output = renderCheckOutput(report);
  const path = req.run.workflowPath;
  const batches = path ? annotationBatches(renderCheckAnnotations(report, path)) : [];
  const client = clientFor(req, req.token);
  let updates = 0;
  for (let i = 0; i < Math.max(1, batches.length); i++) {
    const first = i === 0;
    const body = scrubDeep({
      ...(first
        ? {
            status: 'completed' as const,
            conclusion: checkConclusion(report.status),
            completed_at: report.endTime,
            ...(req.detailsUrl ? { details_url: req.detailsUrl } : {}),
          }
        : {}),
      output: { ...output, ...(batches[i] ? { annotations: batches[i] } : {}) },
    });
    const signal = deadline(Math.min(REQUEST_TIMEOUT_MS, timeoutMs), overall);
    try {
      await client.rest.checks.update({ owner, repo, check_run_id: req.id, ...body, request: { signal } });
      updates++;
    } catch (err) {
      const why = warningFor(err, signal.aborted, req, first ? 'complete' : 'annotate', timeoutMs);
      const lost = batches.slice(i).reduce((n, b) => n + b.length, 0);
      const warning = first
        ? why
        : `${why.replace(/\.$/, '')}; the check run is complete, but ${lost} of its ${batches.flat().length} annotations were not added.`;
      return { completed: !first, updates, warning: scrub(warning) };
    }
  }
  return { completed: true, updates, warning: null };
}
