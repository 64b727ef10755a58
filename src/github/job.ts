// The job's own page (`…/actions/runs/<run id>/job/<job id>`), so every message links the job rather than the
// whole run: from the job's check run id when the runner gives it (`job-check-run-id`, default
// `${{ job.check_run_id }}`), else found through the REST API among the jobs of this run attempt (the one in
// progress on this runner). Anything in the way → the run's page, with one line saying why.
// Type-only: the client (and Octokit with it) loads only when the link must be looked up.
import type { GitHubClient, GitHubRun } from '../runner/github.js';
import { jobUrlOf, runUrlOf } from '../runner/context.js';
import { deadline, requestFailure } from './request-error.js';

/** Every request of the lookup together gives up after this long: it runs before the build starts. */
export const JOB_LOOKUP_TIMEOUT_MS = 5000;
const PER_PAGE = 100;
/** 500 jobs: more than one run attempt holds in practice (a matrix has at most 256 legs), bounded anyway. */
const MAX_PAGES = 5;

export interface JobLinkRequest {
  /** The `job-check-run-id` input (digits, or empty where the runner does not provide it). */
  checkRunId: string;
  token: string | null;
  run: GitHubRun;
  /** RUNNER_NAME: the job in progress on this runner is this job. */
  runnerName: string | null;
  timeoutMs?: number;
  /** The client for a token (default: @actions/github's, at the run's API URL). */
  client?: (token: string) => GitHubClient;
}

export interface JobLink {
  /** The job's page, or null when it could not be told (the run's page is the link then). */
  url: string | null;
  how: 'input' | 'api' | 'none';
  /** Why the run is linked instead, for one debug line (null when the job was found). */
  why: string | null;
}

/** One job of the run attempt, as the lookup reads it (checked: the answer comes from a server). */
interface JobInfo {
  id: number;
  name: string;
  status: string;
  runnerName: string | null;
  htmlUrl: string | null;
}

/** Resolves the job's link. Never throws. */
export async function resolveJobLink(req: JobLinkRequest): Promise<JobLink> {
  const fromInput = jobUrlOf(req.run, req.checkRunId);
  if (fromInput !== null) return { url: fromInput, how: 'input', why: null };
  const { owner, repo, runId } = req.run;
  const runUrl = runUrlOf(req.run);
  const fallBack = (why: string): JobLink => ({
    url: null,
    how: 'none',
    why: `job link: ${why}; ${runUrl ? `linking the run (${runUrl})` : 'no link'}.`,
  });
  if (!owner || !repo || runId === null) return fallBack('not a GitHub Actions run');
  if (!req.token) return fallBack('job-check-run-id and github-token are both empty');
  if (!req.runnerName) return fallBack('RUNNER_NAME is not set, so the job cannot be told apart');
  const attempt = req.run.runAttempt ?? 1;
  const timeoutMs = req.timeoutMs ?? JOB_LOOKUP_TIMEOUT_MS;
  const signal = deadline(timeoutMs);
  let jobs: JobInfo[];
  try {
    const client = req.client
      ? req.client(req.token)
      : (await import('../runner/github.js')).githubClient(req.token, req.run.apiUrl);
    jobs = await listJobs(client, { owner, repo, runId, attempt }, signal);
  } catch (err) {
    const failure = requestFailure(err, signal.aborted, req.run.apiUrl, timeoutMs);
    const hint = failure.status === 403 || failure.status === 404 ? ' (needs `actions: read`)' : '';
    return fallBack(
      `the jobs of run ${runId} attempt ${attempt} could not be listed: ${failure.text}${hint}`,
    );
  }
  const picked = pickJob(jobs, req.runnerName, req.run.job);
  if (typeof picked === 'string')
    return fallBack(`${picked} among the ${jobs.length} jobs of run ${runId} attempt ${attempt}`);
  return { url: jobPage(picked, req.run), how: 'api', why: null };
}

/** Every job of the run attempt, page by page (bounded by MAX_PAGES and the signal). */
async function listJobs(
  client: GitHubClient,
  at: { owner: string; repo: string; runId: number; attempt: number },
  signal: AbortSignal,
): Promise<JobInfo[]> {
  const all: JobInfo[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await client.rest.actions.listJobsForWorkflowRunAttempt({
      owner: at.owner,
      repo: at.repo,
      run_id: at.runId,
      attempt_number: at.attempt,
      per_page: PER_PAGE,
      page,
      request: { signal },
    });
    const d = (data ?? {}) as { jobs?: unknown; total_count?: unknown };
    if (!Array.isArray(d.jobs)) throw new Error('the answer has no list of jobs');
    const jobs = d.jobs.map(jobInfo).filter((j): j is JobInfo => j !== null);
    all.push(...jobs);
    const total = typeof d.total_count === 'number' ? d.total_count : null;
    if (d.jobs.length < PER_PAGE || (total !== null && page * PER_PAGE >= total)) break;
  }
  return all;
}

function jobInfo(raw: unknown): JobInfo | null {
  const j = (raw ?? {}) as Record<string, unknown>;
  if (typeof j.id !== 'number' || !Number.isSafeInteger(j.id) || j.id <= 0) return null;
  const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  return {
    id: j.id,
    name: str(j.name) ?? '',
    status: str(j.status) ?? '',
    runnerName: str(j.runner_name),
    htmlUrl: str(j.html_url),
  };
}

/**
 * The job in progress on this runner (a runner runs one job at a time); when several claim it, the one whose
 * name is this job's (`build`, a matrix leg `build (…)`, in a reusable workflow `caller / build (…)`).
 * Else why none could be picked.
 */
function pickJob(jobs: JobInfo[], runnerName: string, jobKey: string | null): JobInfo | string {
  const here = jobs.filter((j) => j.runnerName === runnerName && j.status === 'in_progress');
  if (here.length === 1) return here[0] as JobInfo;
  if (here.length === 0) return `no job in progress on runner ${runnerName}`;
  const named = jobKey === null ? [] : here.filter((j) => namedAs(j.name, jobKey));
  if (named.length === 1) return named[0] as JobInfo;
  return `${here.length} jobs in progress on runner ${runnerName}${jobKey ? ` and ${named.length === 0 ? 'none' : named.length} named ${jobKey}` : ''}`;
}

function namedAs(name: string, key: string): boolean {
  const own = name.includes(' / ') ? name.slice(name.lastIndexOf(' / ') + 3) : name;
  return own === key || own.startsWith(`${key} (`);
}

/**
 * The job's html_url when it is a page of this server, else built from its id: the answer comes from a
 * server, and only a link to this server's job page is put into messages.
 */
function jobPage(job: JobInfo, run: GitHubRun): string {
  const built = `${run.serverUrl}/${run.owner}/${run.repo}/actions/runs/${run.runId}/job/${job.id}`;
  if (job.htmlUrl === null) return built;
  try {
    const url = new URL(job.htmlUrl);
    const server = new URL(run.serverUrl);
    if (url.origin === server.origin && url.pathname.endsWith(`/job/${job.id}`) && !url.search && !url.hash) {
      return url.href;
    }
  } catch {
    // not a URL: the built one
  }
  return built;
}
