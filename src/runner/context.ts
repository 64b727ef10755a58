// The GitHub run context and runner facts, read from the environment the runner sets.
// Read directly from env rather than @actions/github's context so start-up stays small.
import os from 'node:os';
import type { RunContext, RunnerInfo } from '../report/build-report.js';

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | null {
  const v = env[name];
  return v === undefined || v === '' ? null : v;
}

/**
 * The run context from the runner's environment. `checkRunId` is the job's check run id (input
 * `job-check-run-id`, default `${{ job.check_run_id }}`): with it the job's own page is linked.
 */
export function readRunContext(env: Env = process.env, checkRunId = ''): RunContext {
  const serverUrl = (value(env, 'GITHUB_SERVER_URL') ?? 'https://github.com').replace(/\/+$/, '');
  const repository = value(env, 'GITHUB_REPOSITORY');
  const runId = value(env, 'GITHUB_RUN_ID');
  const runAttempt = value(env, 'GITHUB_RUN_ATTEMPT');
  let runUrl: string | null = null;
  if (repository && runId) {
    runUrl = `${serverUrl}/${repository}/actions/runs/${runId}`;
    if (runAttempt && runAttempt !== '1') runUrl += `/attempts/${runAttempt}`;
  }
  return {
    serverUrl,
    repository,
    ref: value(env, 'GITHUB_REF'),
    sha: value(env, 'GITHUB_SHA'),
    workflow: value(env, 'GITHUB_WORKFLOW'),
    job: value(env, 'GITHUB_JOB'),
    runId,
    runAttempt,
    runUrl,
    jobUrl:
      repository && runId && /^\d{1,20}$/.test(checkRunId.trim())
        ? `${serverUrl}/${repository}/actions/runs/${runId}/job/${checkRunId.trim()}`
        : null,
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
