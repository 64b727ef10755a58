// Set-up shared by the tests that reach the GitHub REST API through a loopback double with the real Octokit
// client: the run those calls are about, and a proxy setting that keeps loopback requests off any proxy.
import { afterAll, beforeAll } from 'vitest';
import type { GitHubRun } from '../../src/runner/github.js';

/**
 * Run 4242 (attempt 1) of octo-org/jetson-images, a push to main, with its API at `apiUrl`: pass the double's
 * URL, or undefined when none is up (then a port nothing listens on).
 */
export function octoRun(apiUrl: string | undefined, extra: Partial<GitHubRun> = {}): GitHubRun {
  return {
    owner: 'octo-org',
    repo: 'jetson-images',
    runId: 4242,
    runAttempt: 1,
    sha: '0123456789abcdef0123456789abcdef01234567',
    ref: 'refs/heads/main',
    eventName: 'push',
    prNumber: null,
    prHeadSha: null,
    prFromFork: null,
    workflow: 'Jetson images',
    job: 'build',
    workflowPath: '.github/workflows/jetson.yml',
    step: null,
    serverUrl: 'https://github.com',
    apiUrl: apiUrl ?? 'http://127.0.0.1:9',
    ...extra,
  };
}

/** For the calling file: requests to 127.0.0.1 bypass any proxy the environment sets (restored after). */
export function useNoProxyForLoopback(): void {
  const saved = { NO_PROXY: process.env.NO_PROXY, no_proxy: process.env.no_proxy };
  beforeAll(() => Object.assign(process.env, { NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' }));
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}
