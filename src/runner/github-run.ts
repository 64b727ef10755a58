// The GitHub run context as @actions/github's Context reads it (repository, run id and attempt, sha, ref,
// event and its payload), without loading @actions/github: its index also builds Octokit and the REST
// endpoint tables, which every step would then pay for at start-up though most never call the API (the
// client is src/runner/github.ts, loaded only by the modules that make a call).
// The package's exports name only its index (importing it builds Octokit), so the few lines of its Context
// that read the environment are repeated here; its type is still the package's.
import { existsSync, readFileSync } from 'node:fs';
import { EOL } from 'node:os';
import type { context } from '@actions/github';

export type GitHubContext = typeof context;
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

/**
 * What @actions/github's Context constructor reads, read the same way from `env`: the event payload from
 * GITHUB_EVENT_PATH (a missing file is said on stdout, as the Context says it; a malformed one throws), the
 * numbers through parseInt, the URLs defaulted only when unset, and `repo` from GITHUB_REPOSITORY, else from
 * the payload, else a throw.
 */
function contextOf(env: Env): GitHubContext {
  let payload: GitHubContext['payload'] = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath) {
    if (existsSync(eventPath)) payload = JSON.parse(readFileSync(eventPath, 'utf8')) as typeof payload;
    else process.stdout.write(`GITHUB_EVENT_PATH ${eventPath} does not exist${EOL}`);
  }
  const int = (v: string | undefined): number => parseInt(v as string, 10);
  return {
    payload,
    eventName: env.GITHUB_EVENT_NAME as string,
    sha: env.GITHUB_SHA as string,
    ref: env.GITHUB_REF as string,
    workflow: env.GITHUB_WORKFLOW as string,
    action: env.GITHUB_ACTION as string,
    actor: env.GITHUB_ACTOR as string,
    job: env.GITHUB_JOB as string,
    runAttempt: int(env.GITHUB_RUN_ATTEMPT),
    runNumber: int(env.GITHUB_RUN_NUMBER),
    runId: int(env.GITHUB_RUN_ID),
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    graphqlUrl: env.GITHUB_GRAPHQL_URL ?? 'https://api.github.com/graphql',
    get issue() {
      const p = payload as { issue?: { number: number }; pull_request?: { number: number }; number?: number };
      return { ...this.repo, number: (p.issue ?? p.pull_request ?? p).number as number };
    },
    get repo() {
      if (env.GITHUB_REPOSITORY) {
        const [owner, repo] = env.GITHUB_REPOSITORY.split('/');
        return { owner: owner as string, repo: repo as string };
      }
      if (payload.repository) {
        return { owner: payload.repository.owner.login, repo: payload.repository.name };
      }
      throw new Error("context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'");
    },
  } as GitHubContext;
}

/**
 * The run context, read now: from `source` when it is a Context (@actions/github's, or one shaped like
 * it), else from that environment (the process's by default), as a fresh @actions/github Context would
 * read it. Read now rather than once at load: a step that sets its environment later (the fleet steps,
 * tests) still gets the values it set.
 */
export function readGitHubRun(source: GitHubContext | Env = process.env): GitHubRun {
  // An environment holds strings only, never a payload.
  if (typeof (source as { payload?: unknown }).payload === 'object') {
    return fromContext(source as GitHubContext, process.env);
  }
  const env = source as Env;
  return fromContext(contextOf(env), env);
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
