// The one place that talks to the GitHub REST API: builds the @actions/github client (it honours
// GITHUB_API_URL and the runner's proxy settings) and reads the run context through @actions/github's
// `context`. Loaded only when something needs the API, so a plain build never pays for Octokit at start-up.
import { context, getOctokit } from '@actions/github';
import {
  readChange,
  UnexpectedAnswer,
  type ChangeAnswer,
  type RunsApi,
  type WorkflowRunInfo,
} from '../notify/change.js';
import type { BuildStatus } from '../notify/targets.js';

type GitHubContext = typeof context;
export type GitHubClient = ReturnType<typeof getOctokit>;

/** The run this step belongs to, as the runner describes it. Missing values are null, never NaN or ''. */
export interface GitHubRun {
  owner: string | null;
  repo: string | null;
  runId: number | null;
  runAttempt: number | null;
  sha: string | null;
  ref: string | null;
  eventName: string | null;
  /** The pull request's number on a pull_request(_target) event. */
  prNumber: number | null;
  apiUrl: string;
}

/** The run context; `ctx` is @actions/github's `context` (read from the environment when it was loaded). */
export function readGitHubRun(ctx: GitHubContext = context): GitHubRun {
  let owner: string | null = null;
  let repo: string | null = null;
  try {
    // Throws when neither GITHUB_REPOSITORY nor the event payload names the repository.
    ({ owner, repo } = ctx.repo);
  } catch {
    // Outside Actions: no repository.
  }
  const pr = (ctx.payload as { pull_request?: { number?: unknown } }).pull_request?.number;
  return {
    owner: owner || null,
    repo: repo || null,
    runId: positive(ctx.runId),
    runAttempt: positive(ctx.runAttempt),
    sha: ctx.sha || null,
    ref: ctx.ref || null,
    eventName: ctx.eventName || null,
    prNumber: typeof pr === 'number' && Number.isInteger(pr) && pr > 0 ? pr : null,
    apiUrl: ctx.apiUrl,
  };
}

function positive(n: number): number | null {
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Octokit for `token`, without retries of its own (every caller bounds its time) and without console noise. */
export function githubClient(token: string, apiUrl: string = context.apiUrl): GitHubClient {
  const quiet = (): void => undefined;
  return getOctokit(token, {
    baseUrl: apiUrl.replace(/\/+$/, ''),
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
}

/** The workflow-runs calls of the `notify-on: change` comparison, on a client. */
export function workflowRunsApi(client: GitHubClient, owner: string, repo: string): RunsApi {
  return {
    async getRun(runId, signal) {
      const { data } = await client.rest.actions.getWorkflowRun({
        owner,
        repo,
        run_id: runId,
        exclude_pull_requests: true,
        request: { signal },
      });
      return runInfo(data);
    },
    async listCompletedRuns(workflowId, branch, page, perPage, signal) {
      const { data } = await client.rest.actions.listWorkflowRuns({
        owner,
        repo,
        workflow_id: workflowId,
        branch,
        status: 'completed',
        per_page: perPage,
        page,
        exclude_pull_requests: true,
        request: { signal },
      });
      const runs: unknown = (data as { workflow_runs?: unknown }).workflow_runs;
      if (!Array.isArray(runs)) throw new UnexpectedAnswer('the list of runs has no workflow_runs');
      return runs.map(runInfo);
    },
  };
}

/** The fields the comparison uses, checked: the answer comes from a server. */
function runInfo(data: unknown): WorkflowRunInfo {
  const d = (data ?? {}) as Record<string, unknown>;
  if (typeof d.id !== 'number') throw new UnexpectedAnswer('a workflow run without an id');
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  return {
    id: d.id,
    runNumber: num(d.run_number),
    workflowId: num(d.workflow_id),
    headBranch: str(d.head_branch),
    conclusion: str(d.conclusion),
  };
}

/**
 * This build's outcome against the previous completed run of the same workflow on the same branch (see
 * notify/change.ts). Never throws; a warning says why when it cannot tell.
 */
export async function previousRunChange(
  status: BuildStatus,
  token: string | null,
  opts: { timeoutMs?: number; ctx?: GitHubContext } = {},
): Promise<ChangeAnswer> {
  const run = readGitHubRun(opts.ctx);
  return readChange({
    status,
    token,
    repository: run.owner && run.repo ? `${run.owner}/${run.repo}` : null,
    runId: run.runId,
    apiUrl: run.apiUrl,
    api: (t) => workflowRunsApi(githubClient(t, run.apiUrl), run.owner as string, run.repo as string),
    timeoutMs: opts.timeoutMs,
  });
}
