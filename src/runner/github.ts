// The one place that talks to the GitHub REST API, through the @actions/github client (it honours
// GITHUB_API_URL and the runner's proxy settings). The run context is read by github-run.ts (re-exported
// here), which does not load the client: only the modules that make an API call import this file.
import { getOctokit } from '@actions/github';
import { readGitHubRun, type GitHubContext } from './github-run.js';
import {
  readChange,
  UnexpectedAnswer,
  type ChangeAnswer,
  type RunsApi,
  type WorkflowRunInfo,
} from '../notify/change.js';
import type { BuildStatus } from '../notify/targets.js';

export type GitHubClient = ReturnType<typeof getOctokit>;
export { readGitHubRun, workflowPath, type GitHubContext, type GitHubRun } from './github-run.js';

/** Octokit for `token`, without retries of its own (every caller bounds its time) and without console noise. */
export function githubClient(token: string, apiUrl: string = readGitHubRun().apiUrl): GitHubClient {
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
    headRepository: str((d.head_repository as { full_name?: unknown } | null | undefined)?.full_name),
    event: str(d.event),
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
