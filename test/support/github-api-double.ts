// A loopback double of the GitHub REST API's workflow-run endpoints, for `notify-on: change`. Point
// GITHUB_API_URL at `url` (the @actions/github client honours it). It answers like api.github.com:
//   GET /repos/{owner}/{repo}/actions/runs/{run_id}
//   GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs?branch=…&status=…&per_page=…&page=…
// (newest first, filtered by branch and status, paged), 401 for a wrong token, 404 for anything else, and can
// be told to fail every request the way GitHub does (403 without `actions: read`, 500, a hang, a reset).
import { startReceiver, type RecordedRequest, type Receiver, type Reply } from './receiver.js';

export interface ApiRun {
  id: number;
  run_number: number;
  workflow_id: number;
  head_branch: string | null;
  status: 'completed' | 'in_progress' | 'queued';
  conclusion: string | null;
  created_at: string;
  /** The repository the run's head commit came from (default: the repository served); null: a deleted fork. */
  head_repository?: { full_name: string } | null;
  /** What triggered the run (default `push`). */
  event?: string;
}

export interface GitHubApiDoubleOptions {
  /** `owner/repo` the double serves (default `octo-org/jetson-images`, runnerEnv's GITHUB_REPOSITORY). */
  repository?: string;
  /** Every run the double knows, any order (the current one included). */
  runs: ApiRun[];
  /** The token the double accepts (`Authorization: token …`); others get 401 Bad credentials. */
  token?: string;
  /** Answer every request with this instead (see `forbidden()`). */
  fail?: Reply;
  /** Longest a hung request stays open (default 10 s). */
  maxHangMs?: number;
}

export interface GitHubApiDouble {
  url: string;
  requests: RecordedRequest[];
  receiver: Receiver;
  close(): Promise<void>;
}

/** The answer GitHub gives a GITHUB_TOKEN without `actions: read`. */
export function forbidden(): Reply {
  return {
    status: 403,
    body: {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/actions/workflow-runs#get-a-workflow-run',
      status: '403',
    },
  };
}

const WORKFLOW_ID = 161335;

/** A run of the build workflow on `main` (run_number = id), created `id` minutes after a fixed time. */
export function apiRun(id: number, conclusion: string | null, extra: Partial<ApiRun> = {}): ApiRun {
  return {
    id,
    run_number: id,
    workflow_id: WORKFLOW_ID,
    head_branch: 'main',
    status: conclusion === null ? 'in_progress' : 'completed',
    conclusion,
    created_at: new Date(Date.UTC(2026, 2, 1, 0, id % 100_000)).toISOString(),
    ...extra,
  };
}

/** What the real API puts in a run besides the fields the action reads (so the client sees a realistic body). */
function fullRun(run: ApiRun, repository: string): Record<string, unknown> {
  return {
    ...run,
    name: 'Jetson images',
    node_id: `WFR_${run.id}`,
    head_sha: '0123456789abcdef0123456789abcdef01234567',
    path: '.github/workflows/build.yml',
    event: run.event ?? 'push',
    head_repository: run.head_repository === undefined ? { full_name: repository } : run.head_repository,
    run_attempt: 1,
    html_url: `https://github.com/${repository}/actions/runs/${run.id}`,
    pull_requests: [],
    updated_at: run.created_at,
    run_started_at: run.created_at,
  };
}

export async function startGitHubApi(opts: GitHubApiDoubleOptions): Promise<GitHubApiDouble> {
  const repository = opts.repository ?? 'octo-org/jetson-images';
  const prefix = `/repos/${repository}/actions`;
  const notFound: Reply = {
    status: 404,
    body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
  };
  const route = (req: RecordedRequest): Reply => {
    if (opts.fail) return opts.fail;
    if (opts.token !== undefined && req.headers.authorization !== `token ${opts.token}`) {
      return { status: 401, body: { message: 'Bad credentials', status: '401' } };
    }
    if (req.method !== 'GET') return notFound;
    const one = new RegExp(`^${prefix}/runs/(\\d+)$`).exec(req.path);
    if (one) {
      const run = opts.runs.find((r) => r.id === Number(one[1]));
      return run ? { body: fullRun(run, repository) } : notFound;
    }
    const list = new RegExp(`^${prefix}/workflows/(\\d+)/runs$`).exec(req.path);
    if (list) {
      const perPage = Math.min(100, Number(req.query.per_page ?? 30));
      const page = Math.max(1, Number(req.query.page ?? 1));
      const matching = opts.runs
        .filter((r) => r.workflow_id === Number(list[1]))
        .filter((r) => req.query.branch === undefined || r.head_branch === req.query.branch)
        .filter((r) => req.query.status === undefined || r.status === req.query.status)
        .sort((a, b) => b.created_at.localeCompare(a.created_at));
      const pageRuns = matching.slice((page - 1) * perPage, page * perPage);
      return {
        body: { total_count: matching.length, workflow_runs: pageRuns.map((r) => fullRun(r, repository)) },
      };
    }
    return notFound;
  };
  const receiver = await startReceiver({ fallback: route }, { maxHangMs: opts.maxHangMs ?? 10_000 });
  return { url: receiver.url, requests: receiver.requests, receiver, close: () => receiver.close() };
}
