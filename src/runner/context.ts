// The GitHub run context and runner facts. The run context comes through readGitHubRun (src/runner/github-run.ts,
// @actions/github's Context): no other module reads GITHUB_* for it.
import os from 'node:os';
import type { RunContext, RunnerInfo } from '../report/build-report.js';
import { readGitHubRun, type GitHubContext, type GitHubRun } from './github-run.js';

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | null {
  const v = env[name];
  return v === undefined || v === '' ? null : v;
}

/**
 * The job's own page as main found it (src/github/job.ts), once per step, before anything is sent: every
 * later reader in this process (the live message, the start notification, the report) links the same page.
 * Undefined until then: the `job-check-run-id` input alone decides.
 */
let resolvedJobUrl: string | null | undefined;

export function rememberJobUrl(url: string | null): void {
  resolvedJobUrl = url;
}

/** The run's page (`…/actions/runs/<id>`, `/attempts/<n>` past the first), or null outside a run. */
export function runUrlOf(run: GitHubRun): string | null {
  if (!run.owner || !run.repo || run.runId === null) return null;
  const url = `${run.serverUrl}/${run.owner}/${run.repo}/actions/runs/${run.runId}`;
  return run.runAttempt !== null && run.runAttempt !== 1 ? `${url}/attempts/${run.runAttempt}` : url;
}

/** The job's page from its check run id (digits; anything else is no id), or null. */
export function jobUrlOf(run: GitHubRun, checkRunId: string): string | null {
  const id = checkRunId.trim();
  if (!run.owner || !run.repo || run.runId === null || !/^\d{1,20}$/.test(id)) return null;
  return `${run.serverUrl}/${run.owner}/${run.repo}/actions/runs/${run.runId}/job/${id}`;
}

/**
 * The run context (see readGitHubRun for `source`). `checkRunId` is the job's check run id (input
 * `job-check-run-id`, default `${{ job.check_run_id }}`): with it the job's own page is linked, unless main
 * already resolved the link (rememberJobUrl).
 */
export function readRunContext(checkRunId = '', source?: GitHubContext | Env): RunContext {
  const run = readGitHubRun(source);
  return {
    serverUrl: run.serverUrl,
    repository: run.owner && run.repo ? `${run.owner}/${run.repo}` : null,
    ref: run.ref,
    sha: run.sha,
    workflow: run.workflow,
    job: run.job,
    runId: run.runId === null ? null : String(run.runId),
    runAttempt: run.runAttempt === null ? null : String(run.runAttempt),
    runUrl: runUrlOf(run),
    jobUrl: resolvedJobUrl !== undefined ? resolvedJobUrl : jobUrlOf(run, checkRunId),
    matrix: null,
  };
}

/** The `matrix` input (`${{ toJSON(matrix) }}` by default) as compact JSON, or null outside a matrix. */
export function normalizeMatrix(raw: string): string | null {
  const text = raw.trim();
  if (text === '' || text === 'null' || text === '{}') return null;
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

/** The `runner-labels` input: space, comma or newline separated, duplicates dropped. */
export function parseLabels(raw: string): string[] {
  return [...new Set(raw.split(/[\s,]+/).filter((l) => l !== ''))];
}

export function readRunnerInfo(env: Env = process.env, labels: string[] = []): RunnerInfo {
  return {
    name: value(env, 'RUNNER_NAME') ?? os.hostname(),
    os: value(env, 'RUNNER_OS') ?? os.platform(),
    arch: value(env, 'RUNNER_ARCH') ?? os.arch(),
    labels,
  };
}
