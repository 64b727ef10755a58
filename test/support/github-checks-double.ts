// A loopback double of the GitHub REST API for the job link and `check-run`. Point GITHUB_API_URL at `url`
// (the @actions/github client honours it). It answers like api.github.com:
//   GET   /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt}/jobs?per_page=…&page=…  (paged)
//   POST  /repos/{owner}/{repo}/check-runs                    201, the new check run
//   PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}     200; annotations are appended, at most 50 a request
// 401 for a wrong token, 404 for anything else, 422 where GitHub refuses a body (no name or head_sha, more than
// 50 annotations, an output without title or summary, a summary or text over 65 535 characters), and per
// endpoint the failures a test asks for (403 without `checks: write`, 404, a hang, a reset).
import { startReceiver, type RecordedRequest, type Receiver, type Reply } from './receiver.js';

export interface ApiJob {
  id: number;
  name: string;
  status: 'queued' | 'in_progress' | 'completed';
  runner_name: string | null;
  /** Default: github.com's page of the job. */
  html_url?: string;
}

/** A check run as the double keeps it: what was created, every update, and the annotations in order. */
export interface StoredCheckRun {
  id: number;
  create: Record<string, unknown>;
  updates: Record<string, unknown>[];
  annotations: Record<string, unknown>[];
  status: string;
  conclusion: string | null;
}

export type Endpoint = 'jobs' | 'create' | 'update';

export interface ChecksDoubleOptions {
  /** `owner/repo` (default `octo-org/jetson-images`, runnerEnv's GITHUB_REPOSITORY). */
  repository?: string;
  /** The jobs of each run attempt, by `<run id>/<attempt>`. */
  jobs?: Record<string, ApiJob[]>;
  /** The token the double accepts (`Authorization: token …`); others get 401 Bad credentials. */
  token?: string;
  /** Answer this endpoint with this instead (a list: by that endpoint's request number, then the last). */
  fail?: Partial<Record<Endpoint, Reply | Reply[]>>;
  /** Longest a hung request stays open (default 10 s). */
  maxHangMs?: number;
}

export interface ChecksDouble {
  url: string;
  requests: RecordedRequest[];
  receiver: Receiver;
  checkRuns: Map<number, StoredCheckRun>;
  /** The requests to one endpoint, in order. */
  calls(endpoint: Endpoint): RecordedRequest[];
  close(): Promise<void>;
}

/** The answer GitHub gives a GITHUB_TOKEN without the permission the endpoint needs. */
export function forbidden(): Reply {
  return {
    status: 403,
    body: {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
      status: '403',
    },
  };
}

export function notFound(): Reply {
  return {
    status: 404,
    body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
  };
}

function unprocessable(message: string): Reply {
  return { status: 422, body: { message: `Invalid request.\n\n${message}`, status: '422' } };
}

const OUTPUT_MAX = 65_535;

function checkOutput(output: unknown): string | null {
  if (output === undefined) return null;
  const o = (output ?? {}) as Record<string, unknown>;
  if (typeof o.title !== 'string' || typeof o.summary !== 'string') return 'output needs title and summary';
  if (o.summary.length > OUTPUT_MAX) return 'output.summary is too long (maximum is 65535 characters)';
  if (typeof o.text === 'string' && o.text.length > OUTPUT_MAX) return 'output.text is too long';
  const annotations = o.annotations;
  if (annotations !== undefined) {
    if (!Array.isArray(annotations)) return 'annotations is not an array';
    if (annotations.length > 50) return 'at most 50 annotations per request';
    for (const a of annotations as Record<string, unknown>[]) {
      if (typeof a.path !== 'string' || typeof a.start_line !== 'number' || typeof a.message !== 'string') {
        return 'an annotation needs path, start_line and message';
      }
      if (!['notice', 'warning', 'failure'].includes(a.annotation_level as string)) {
        return 'annotation_level is not notice, warning or failure';
      }
    }
  }
  return null;
}

export async function startChecksDouble(opts: ChecksDoubleOptions = {}): Promise<ChecksDouble> {
  const repository = opts.repository ?? 'octo-org/jetson-images';
  const prefix = `/repos/${repository}`;
  const checkRuns = new Map<number, StoredCheckRun>();
  const counts: Record<Endpoint, number> = { jobs: 0, create: 0, update: 0 };
  let nextId = 5_000_000_001;

  const failure = (endpoint: Endpoint): Reply | null => {
    const f = opts.fail?.[endpoint];
    const n = counts[endpoint]++;
    if (f === undefined) return null;
    return Array.isArray(f) ? (f[Math.min(n, f.length - 1)] ?? null) : f;
  };

  const jobsPage = (req: RecordedRequest, runId: string, attempt: string): Reply => {
    const all = opts.jobs?.[`${runId}/${attempt}`];
    if (all === undefined) return notFound();
    const perPage = Math.min(100, Number(req.query.per_page ?? 30));
    const page = Math.max(1, Number(req.query.page ?? 1));
    const jobs = all.slice((page - 1) * perPage, page * perPage).map((j) => ({
      run_id: Number(runId),
      run_attempt: Number(attempt),
      html_url: `https://github.com/${repository}/actions/runs/${runId}/job/${j.id}`,
      ...j,
    }));
    return { body: { total_count: all.length, jobs } };
  };

  const create = (req: RecordedRequest): Reply => {
    const body = (req.json ?? {}) as Record<string, unknown>;
    if (typeof body.name !== 'string' || typeof body.head_sha !== 'string') {
      return unprocessable('name and head_sha are required');
    }
    const bad = checkOutput(body.output);
    if (bad) return unprocessable(bad);
    const id = nextId++;
    const annotations = ((body.output as { annotations?: [] } | undefined)?.annotations ?? []).slice();
    checkRuns.set(id, {
      id,
      create: body,
      updates: [],
      annotations,
      status: typeof body.status === 'string' ? body.status : 'queued',
      conclusion: null,
    });
    return {
      status: 201,
      body: {
        id,
        name: body.name,
        head_sha: body.head_sha,
        status: body.status ?? 'queued',
        html_url: `https://github.com/${repository}/runs/${id}`,
      },
    };
  };

  const update = (req: RecordedRequest, id: number): Reply => {
    const run = checkRuns.get(id);
    if (!run) return notFound();
    const body = (req.json ?? {}) as Record<string, unknown>;
    const bad = checkOutput(body.output);
    if (bad) return unprocessable(bad);
    run.updates.push(body);
    run.annotations.push(...((body.output as { annotations?: [] } | undefined)?.annotations ?? []));
    if (typeof body.status === 'string') run.status = body.status;
    if (typeof body.conclusion === 'string') {
      run.status = 'completed';
      run.conclusion = body.conclusion;
    }
    return { body: { id, status: run.status, conclusion: run.conclusion } };
  };

  const route = (req: RecordedRequest): Reply => {
    if (opts.token !== undefined && req.headers.authorization !== `token ${opts.token}`) {
      return { status: 401, body: { message: 'Bad credentials', status: '401' } };
    }
    const jobs = new RegExp(`^${prefix}/actions/runs/(\\d+)/attempts/(\\d+)/jobs$`).exec(req.path);
    if (jobs && req.method === 'GET') {
      return failure('jobs') ?? jobsPage(req, jobs[1] as string, jobs[2] as string);
    }
    if (req.path === `${prefix}/check-runs` && req.method === 'POST') return failure('create') ?? create(req);
    const one = new RegExp(`^${prefix}/check-runs/(\\d+)$`).exec(req.path);
    if (one && req.method === 'PATCH') return failure('update') ?? update(req, Number(one[1]));
    return notFound();
  };

  const receiver = await startReceiver({ fallback: route }, { maxHangMs: opts.maxHangMs ?? 10_000 });
  const endpointOf = (r: RecordedRequest): Endpoint | null =>
    r.method === 'GET' && r.path.endsWith('/jobs')
      ? 'jobs'
      : r.method === 'POST' && r.path.endsWith('/check-runs')
        ? 'create'
        : r.method === 'PATCH' && /\/check-runs\/\d+$/.test(r.path)
          ? 'update'
          : null;
  return {
    url: receiver.url,
    requests: receiver.requests,
    receiver,
    checkRuns,
    calls: (endpoint) => receiver.requests.filter((r) => endpointOf(r) === endpoint),
    close: () => receiver.close(),
  };
}
