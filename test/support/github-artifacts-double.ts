// A loopback double of the GitHub REST API for `compare-size`: the workflow runs (one run, the list of a
// workflow's runs on a branch), a run's artifacts, and the artifact download the way api.github.com does it:
//   GET /repos/{owner}/{repo}/actions/runs/{run_id}
//   GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs?branch=…&status=…&per_page=…&page=…
//   GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts?per_page=…
//   GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/zip → 302 to a signed blob URL
//   GET /blob/{artifact_id}.zip?sig=… → the zip (application/zip), as blob storage serves it
// Point GITHUB_API_URL at `url`: both the action's client and @actions/artifact's download honour it.
// `answer` can replace any answer (a 403, a failing blob) by path.
import AdmZip from 'adm-zip';
import type { ApiRun } from './github-api-double.js';
import { startReceiver, type RecordedRequest, type Receiver, type Reply } from './receiver.js';

export { apiRun, forbidden, type ApiRun } from './github-api-double.js';

export interface ApiArtifact {
  id: number;
  /** The run that uploaded it. */
  runId: number;
  name: string;
  /** Path in the zip → content (objects are written as JSON). */
  files: Record<string, string | Buffer | object>;
  expired?: boolean;
  /** What the listing says of its size (default: the zip's real size). */
  sizeBytes?: number;
}

export interface GitHubArtifactsDoubleOptions {
  /** `owner/repo` (default `octo-org/jetson-images`, runnerEnv's GITHUB_REPOSITORY). */
  repository?: string;
  runs: ApiRun[];
  artifacts?: ApiArtifact[];
  /** The token the double accepts (`Authorization: token …`); others get 401 Bad credentials. */
  token?: string;
  /** Answers a request instead of the double when it returns one (by path: `req.path`). */
  answer?: (req: RecordedRequest) => Reply | undefined;
  maxHangMs?: number;
}

export interface GitHubArtifactsDouble {
  url: string;
  requests: RecordedRequest[];
  receiver: Receiver;
  /** The paths asked for, in order (without the query). */
  paths(): string[];
  /**
   * Serves another scenario from the same address (and forgets the requests so far). @actions/github reads
   * GITHUB_API_URL once, when it is loaded: a test file keeps one double and changes what it serves.
   */
  serve(opts: GitHubArtifactsDoubleOptions): void;
  close(): Promise<void>;
}

const NOT_FOUND: Reply = {
  status: 404,
  body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
};

/** A report.json as the action writes it, with the packages' image sizes (schema 2: imageFacts). */
export function reportWithSizes(sizes: Record<string, number | null>, schemaVersion = 2): object {
  return {
    schemaVersion,
    status: 'success',
    packages: Object.entries(sizes).map(([name, sizeBytes]) => ({
      name,
      status: 'success',
      image: `${name}-r36.4.tegra-aarch64-cu126-22.04`,
      pushedImage: null,
      durationSeconds: 600,
      failure: null,
      ...(schemaVersion >= 2
        ? {
            imageFacts: {
              image: `${name}-r36.4.tegra-aarch64-cu126-22.04`,
              id: 'sha256:' + 'ab'.repeat(32),
              sizeBytes,
              layers: 42,
              created: '2026-03-01T00:00:00Z',
              architecture: 'arm64',
              digest: null,
            },
          }
        : {}),
    })),
  };
}

function zipOf(files: ApiArtifact['files']): Buffer {
  const zip = new AdmZip();
  for (const [name, content] of Object.entries(files)) {
    const data =
      typeof content === 'string'
        ? Buffer.from(content)
        : Buffer.isBuffer(content)
          ? content
          : Buffer.from(JSON.stringify(content));
    zip.addFile(name, data);
  }
  return zip.toBuffer();
}

function fullRun(run: ApiRun, repository: string): Record<string, unknown> {
  return {
    ...run,
    name: 'Jetson images',
    head_sha: '0123456789abcdef0123456789abcdef01234567',
    path: '.github/workflows/build.yml',
    event: run.event ?? 'push',
    head_repository: run.head_repository === undefined ? { full_name: repository } : run.head_repository,
    run_attempt: 1,
    html_url: `https://github.com/${repository}/actions/runs/${run.id}`,
    pull_requests: [],
    updated_at: run.created_at,
  };
}

export async function startGitHubArtifacts(
  first: GitHubArtifactsDoubleOptions,
): Promise<GitHubArtifactsDouble> {
  let opts = first;
  let repository = '';
  let prefix = '';
  let zips = new Map<number, Buffer>();
  const serve = (next: GitHubArtifactsDoubleOptions): void => {
    opts = next;
    repository = opts.repository ?? 'octo-org/jetson-images';
    prefix = `/repos/${repository}/actions`;
    zips = new Map((opts.artifacts ?? []).map((a) => [a.id, zipOf(a.files)]));
  };
  serve(first);
  let base = '';
  const route = (req: RecordedRequest): Reply => {
    const custom = opts.answer?.(req);
    if (custom) return custom;
    if (req.method !== 'GET') return NOT_FOUND;
    const blob = /^\/blob\/(\d+)\.zip$/.exec(req.path);
    if (blob) {
      // Blob storage checks its signature, not a token.
      const zip = zips.get(Number(blob[1]));
      if (!zip || req.query.sig !== `signed-${blob[1]}`) return { status: 403, body: 'AuthenticationFailed' };
      return { headers: { 'content-type': 'application/zip' }, body: zip };
    }
    if (opts.token !== undefined && req.headers.authorization !== `token ${opts.token}`) {
      return { status: 401, body: { message: 'Bad credentials', status: '401' } };
    }
    return api(req);
  };
  const api = (req: RecordedRequest): Reply => {
    const one = new RegExp(`^${prefix}/runs/(\\d+)$`).exec(req.path);
    if (one) {
      const run = opts.runs.find((r) => r.id === Number(one[1]));
      return run ? { body: fullRun(run, repository) } : NOT_FOUND;
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
      const runs = matching.slice((page - 1) * perPage, page * perPage).map((r) => fullRun(r, repository));
      return { body: { total_count: matching.length, workflow_runs: runs } };
    }
    const artifacts = new RegExp(`^${prefix}/runs/(\\d+)/artifacts$`).exec(req.path);
    if (artifacts) {
      const runId = Number(artifacts[1]);
      if (!opts.runs.some((r) => r.id === runId)) return NOT_FOUND;
      const list = (opts.artifacts ?? []).filter((a) => a.runId === runId);
      return {
        body: {
          total_count: list.length,
          artifacts: list.map((a) => ({
            id: a.id,
            node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
            name: a.name,
            size_in_bytes: a.sizeBytes ?? zips.get(a.id)?.length ?? 0,
            url: `${base}${prefix}/artifacts/${a.id}`,
            archive_download_url: `${base}${prefix}/artifacts/${a.id}/zip`,
            expired: a.expired === true,
            created_at: '2026-03-01T00:00:00Z',
            expires_at: '2026-05-30T00:00:00Z',
            updated_at: '2026-03-01T00:00:00Z',
            workflow_run: { id: runId, head_branch: 'main' },
          })),
        },
      };
    }
    const zip = new RegExp(`^${prefix}/artifacts/(\\d+)/zip$`).exec(req.path);
    if (zip) {
      const a = (opts.artifacts ?? []).find((x) => x.id === Number(zip[1]));
      if (!a) return NOT_FOUND;
      if (a.expired) return { status: 410, body: { message: 'Artifact has expired', status: '410' } };
      return { status: 302, headers: { location: `${base}/blob/${a.id}.zip?sig=signed-${a.id}` } };
    }
    return NOT_FOUND;
  };
  const receiver = await startReceiver({ fallback: route }, { maxHangMs: opts.maxHangMs ?? 10_000 });
  base = receiver.url;
  return {
    url: receiver.url,
    get requests() {
      return receiver.requests;
    },
    receiver,
    paths: () => receiver.requests.map((r) => r.path),
    serve(next) {
      serve(next);
      receiver.clear();
    },
    close: () => receiver.close(),
  };
}
