// `notify-on: change`: this build's outcome against the previous completed run of the same workflow on the
// same branch. The rules live here; the GitHub API is handed in (src/runner/github.ts builds it), so this file
// does no I/O of its own and never logs: the caller prints the one warning it returns.
import type { BuildStatus } from './targets.js';
import type { ChangeState, Target } from './types.js';

/** What the comparison needs of a workflow run. */
export interface WorkflowRunInfo {
  id: number;
  runNumber: number | null;
  workflowId: number | null;
  headBranch: string | null;
  /** `success`, `failure`, `cancelled`, `skipped`, `neutral`, `timed_out`, … (null while running). */
  conclusion: string | null;
  /** `owner/repo` the run's head commit came from (null: a deleted fork, or the API did not say). */
  headRepository: string | null;
  /** What triggered the run (`push`, `pull_request`, `pull_request_target`, …). */
  event: string | null;
}

/**
 * A run of this repository's own code. GitHub's branch filter also matches a fork's pull-request runs whose
 * head branch has the same name, and a `pull_request_target` run may have been steered by a fork: neither
 * may stand for "the previous run" (its result or its artifacts are the fork's to choose).
 */
export function ownRun(run: WorkflowRunInfo, repository: string): boolean {
  return (
    run.headRepository !== null &&
    run.headRepository.toLowerCase() === repository.toLowerCase() &&
    run.event !== 'pull_request_target'
  );
}

/** The two calls the comparison makes; each must honour `signal`. */
export interface RunsApi {
  /** GET /repos/{owner}/{repo}/actions/runs/{run_id} */
  getRun(runId: number, signal: AbortSignal): Promise<WorkflowRunInfo>;
  /** GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs?branch=…&status=completed, newest first. */
  listCompletedRuns(
    workflowId: number,
    branch: string,
    page: number,
    perPage: number,
    signal: AbortSignal,
  ): Promise<WorkflowRunInfo[]>;
}

/** The API answered, but not with what the comparison reads (a run without an id, a list without runs). */
export class UnexpectedAnswer extends Error {
  override name = 'UnexpectedAnswer';
}

/** The whole comparison (every request together) gives up after this long: it runs before notifying. */
export const CHANGE_TIMEOUT_MS = 5000;
/** Completed runs looked at: enough to step over a few cancelled or skipped ones, bounded. */
const PER_PAGE = 20;
const MAX_PAGES = 2;

export interface ChangeRequest {
  status: BuildStatus;
  token: string | null;
  /** `owner/repo` (GITHUB_REPOSITORY). */
  repository: string | null;
  /** GITHUB_RUN_ID. */
  runId: number | null;
  /** For messages: where the API was asked. */
  apiUrl: string;
  /** Builds the API for a token (called only when there is one). */
  api: (token: string) => RunsApi;
  timeoutMs?: number;
}

export interface ChangeAnswer {
  change: ChangeState;
  /** Why the comparison could not be made (then `change` is `unknown`), for one warning. */
  warning: string | null;
  /** The run compared with, when one was found. */
  previousRunId: number | null;
}

/** Whether any target fires on `change`: only then is the previous run asked for. */
export function wantsChange(targets: readonly Target[]): boolean {
  return targets.some((t) => t.on === 'change');
}

/**
 * A previous run's conclusion as a result to compare with: `success`, or `failure` (a run that timed out
 * failed too); anything else (cancelled, skipped, neutral, …) says nothing about the build and is stepped over.
 */
export function previousResult(conclusion: string | null): 'success' | 'failure' | null {
  if (conclusion === 'success') return 'success';
  if (conclusion === 'failure' || conclusion === 'timed_out') return 'failure';
  return null;
}

/**
 * This build's change: failed then succeeded → `fixed`, succeeded then failed → `broken`, no earlier result →
 * `first`, else `same`. A cancelled build is `same`: a cancel is not a change of state.
 */
export function changeFrom(previous: 'success' | 'failure' | null, now: BuildStatus): ChangeState {
  if (now === 'cancelled') return 'same';
  if (previous === null) return 'first';
  if (previous === now) return 'same';
  return now === 'success' ? 'fixed' : 'broken';
}

const UNKNOWN_TAIL = '; notifying as always.';

/** The warning when there is no token (also printed at the start of the step, see notices.ts). */
export const NO_TOKEN_WARNING =
  'notify-on change: could not read the previous run (github-token is empty) — leave `github-token` at its ' +
  'default (`${{ github.token }}`) and give the workflow `permissions: actions: read`' +
  UNKNOWN_TAIL;

/** Compares with the previous run. Never throws: anything that goes wrong is `unknown` with a warning. */
export async function readChange(req: ChangeRequest): Promise<ChangeAnswer> {
  // A cancel is not a change of state: nothing to ask.
  if (req.status === 'cancelled') return { change: 'same', warning: null, previousRunId: null };
  if (req.token === null || req.token === '') return unknown(NO_TOKEN_WARNING);
  if (!req.repository || req.runId === null) {
    return unknown(
      couldNot('GITHUB_REPOSITORY or GITHUB_RUN_ID is not set', ' — this is not a GitHub Actions run'),
    );
  }
  const timeoutMs = req.timeoutMs ?? CHANGE_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const api = req.api(req.token);
    const previous = await findPrevious(api, req.runId, req.repository, signal);
    if (typeof previous === 'string') return unknown(couldNot(previous, ''));
    return {
      change: changeFrom(previous ? previousResult(previous.conclusion) : null, req.status),
      warning: null,
      previousRunId: previous?.id ?? null,
    };
  } catch (err) {
    return unknown(describeFailure(err, signal.aborted, req.apiUrl, timeoutMs));
  }
}

/** The most recent earlier completed run with a result, null when there is none, or why it cannot be told. */
async function findPrevious(
  api: RunsApi,
  runId: number,
  repository: string,
  signal: AbortSignal,
): Promise<WorkflowRunInfo | null | string> {
  const current = await api.getRun(runId, signal);
  if (current.workflowId === null) return 'the run has no workflow id';
  if (!current.headBranch) return 'the run has no branch';
  for (let page = 1; page <= MAX_PAGES; page++) {
    const runs = await api.listCompletedRuns(current.workflowId, current.headBranch, page, PER_PAGE, signal);
    const found = runs.find(
      (r) =>
        r.id !== current.id &&
        ownRun(r, repository) &&
        !(r.runNumber !== null && current.runNumber !== null && r.runNumber >= current.runNumber) &&
        previousResult(r.conclusion) !== null,
    );
    if (found) return found;
    if (runs.length < PER_PAGE) break;
  }
  return null;
}

function unknown(warning: string): ChangeAnswer {
  return { change: 'unknown', warning, previousRunId: null };
}

function couldNot(why: string, hint: string): string {
  return `notify-on change: could not read the previous run (${why})${hint}${UNKNOWN_TAIL}`;
}

const HINTS: Record<number, string> = {
  401: ' — the github-token is not valid (expired, revoked or not a token)',
  403: ' — the workflow needs `permissions: actions: read`',
  404: ' — the token cannot see this repository’s runs; the workflow needs `permissions: actions: read`',
};

/** An API error in one line: the HTTP status and GitHub's own words, or what kept the answer away. */
export function describeFailure(err: unknown, timedOut: boolean, apiUrl: string, timeoutMs: number): string {
  if (timedOut) return couldNot(`no answer from ${apiUrl} within ${timeoutMs / 1000} s`, '');
  const status = (err as { status?: unknown } | null)?.status;
  const message = oneLine(err instanceof Error ? err.message : String(err));
  // The server was reached and answered: what it said is the problem, not the way to it.
  if (err instanceof UnexpectedAnswer)
    return couldNot(`the answer from ${apiUrl} was not understood: ${message}`, '');
  if (typeof status === 'number' && status >= 400 && status !== 500) {
    return couldNot(`HTTP ${status}: ${message}`, HINTS[status] ?? '');
  }
  // Octokit reports a request that never got an answer (refused, reset, DNS) as status 500 with the cause.
  const response = (err as { response?: unknown } | null)?.response;
  if (status === 500 && response !== undefined) return couldNot(`HTTP 500: ${message}`, '');
  return couldNot(`${apiUrl} could not be reached: ${message}`, '');
}

/** GitHub's message without its documentation link, on one bounded line (it comes from a server). */
function oneLine(text: string): string {
  const line = text
    .replace(/ - https?:\/\/\S+$/, '')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line || 'no message';
}
