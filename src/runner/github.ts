// The one place that reads the GitHub run context and talks to the GitHub REST API: the run context through
// @actions/github's Context (repository, run id and attempt, sha, ref, event and its payload), and the
// @actions/github client (it honours GITHUB_API_URL and the runner's proxy settings).
import { context, getOctokit } from '@actions/github';
import {
  readChange,
  UnexpectedAnswer,
  type ChangeAnswer,
  type RunsApi,
  type WorkflowRunInfo,
} from '../notify/change.js';
import type { BuildStatus } from '../notify/targets.js';

export type GitHubContext = typeof context;
export type GitHubClient = ReturnType<typeof getOctokit>;
type Env = Record<string, string | undefined>;

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
  /** The pull request's head commit (GITHUB_SHA is the merge commit there), when the payload has one. */
  prHeadSha: string | null;
  /** The pull request comes from another repository (a fork): its token is read-only. Null outside a PR. */
  prFromFork: boolean | null;
  /** The workflow's name and the job's id (`jobs.<id>`). */
  workflow: string | null;
  job: string | null;
  /** The workflow file in the repository (`.github/workflows/build.yml`), from GITHUB_WORKFLOW_REF. */
  workflowPath: string | null;
  /** The step (GITHUB_ACTION: its `id`, else `__owner_repo` with `_2`, `_3` for later uses in the job). */
  step: string | null;
  /** No trailing slash. */
  serverUrl: string;
  apiUrl: string;
}

const ContextClass = context.constructor as new () => GitHubContext;

/**
 * Runs `fn` with `env`'s GITHUB_* values in place of the process's own: the Context reads process.env, and
 * the fleet steps and tests hand an environment in. Synchronous, so nothing else can see the swap.
 */
function inEnv<T>(env: Env, fn: () => T): T {
  if (env === process.env) return fn();
  const names = new Set(
    [...Object.keys(process.env), ...Object.keys(env)].filter((k) => k.startsWith('GITHUB_')),
  );
  const saved = new Map([...names].map((k) => [k, process.env[k]]));
  const put = (k: string, v: string | undefined): void => {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  };
  for (const k of names) put(k, env[k]);
  try {
    return fn();
  } finally {
    for (const [k, v] of saved) put(k, v);
  }
}

/**
 * The run context, read now through @actions/github's Context: from `source` when it is one, else from a
 * fresh one made from that environment (the process's by default). A fresh one rather than the module's
 * `context`, which was read once when @actions/github was loaded: a step that sets its environment later
 * (the fleet steps, tests) still gets the values it set.
 */
export function readGitHubRun(source: GitHubContext | Env = process.env): GitHubRun {
  // A context made elsewhere (or one shaped like it): an environment holds strings only, never a payload.
  if (source instanceof ContextClass || typeof (source as { payload?: unknown }).payload === 'object') {
    return fromContext(source as GitHubContext, process.env);
  }
  return inEnv(source, () => fromContext(new ContextClass(), process.env));
}

function fromContext(ctx: GitHubContext, env: Env): GitHubRun {
  let owner: string | null = null;
  let repo: string | null = null;
  try {
    // Throws when neither GITHUB_REPOSITORY nor the event payload names the repository.
    ({ owner, repo } = ctx.repo);
  } catch {
    // Outside Actions: no repository.
  }
  const pr = (ctx.payload as { pull_request?: PullRequestPayload }).pull_request;
  const number = pr?.number;
  return {
    owner: owner || null,
    repo: repo || null,
    runId: positive(ctx.runId),
    runAttempt: positive(ctx.runAttempt),
    sha: ctx.sha || null,
    ref: ctx.ref || null,
    eventName: ctx.eventName || null,
    prNumber: typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : null,
    prHeadSha: commitSha(pr?.head?.sha),
    prFromFork: pr ? forked(pr) : null,
    workflow: ctx.workflow || null,
    job: ctx.job || null,
    workflowPath: workflowPath(env.GITHUB_WORKFLOW_REF),
    step: ctx.action || null,
    serverUrl: (ctx.serverUrl || 'https://github.com').replace(/\/+$/, ''),
    apiUrl: ctx.apiUrl || 'https://api.github.com',
  };
}

interface PullRequestPayload {
  number?: unknown;
  head?: { sha?: unknown; repo?: { full_name?: unknown; fork?: unknown } | null };
  base?: { repo?: { full_name?: unknown } | null };
}

function positive(n: number): number | null {
  return Number.isInteger(n) && n > 0 ? n : null;
}

function commitSha(v: unknown): string | null {
  return typeof v === 'string' && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(v) ? v : null;
}

/** A head repository other than the base (a deleted fork has none): the PR's token is read-only. */
function forked(pr: PullRequestPayload): boolean {
  const head = pr.head?.repo;
  if (!head) return true;
  const base = pr.base?.repo?.full_name;
  return typeof base === 'string' && typeof head.full_name === 'string'
    ? head.full_name !== base
    : head.fork === true;
}

/**
 * `owner/repo/.github/workflows/build.yml@refs/heads/main` → `.github/workflows/build.yml`; null when the
 * value is not a workflow file's ref (a path that climbs or leaves .github/ is not taken).
 */
export function workflowPath(ref: string | undefined): string | null {
  const m = /^[^/@\s]+\/[^/@\s]+\/(\.github\/[^@\s]+\.ya?ml)@/.exec(ref ?? '');
  if (!m?.[1] || m[1].split('/').some((part) => part === '..' || part === '')) return null;
  return m[1];
}

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
