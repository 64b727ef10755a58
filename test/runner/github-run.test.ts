// The run context read from an environment (src/runner/github-run.ts), the way @actions/github's Context reads
// it, without loading @actions/github: the repository from the event payload when GITHUB_REPOSITORY is unset,
// and a missing event file said on stdout as the Context says it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readGitHubRun } from '../../src/runner/github-run.js';

let dir: string | null = null;
afterEach(() => {
  vi.restoreAllMocks();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('readGitHubRun from an environment', () => {
  it('takes the repository from the event payload when GITHUB_REPOSITORY is unset', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'jba-gh-run-'));
    const event = path.join(dir, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        repository: { name: 'jetson-images', owner: { login: 'octo-org' } },
        pull_request: {
          number: 5,
          head: { sha: 'a'.repeat(40), repo: { full_name: 'octo-org/jetson-images' } },
          base: { repo: { full_name: 'octo-org/jetson-images' } },
        },
      }),
    );
    const run = readGitHubRun({
      GITHUB_EVENT_PATH: event,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_RUN_ID: '77',
      GITHUB_RUN_ATTEMPT: '3',
      GITHUB_API_URL: '',
    });
    expect(run).toMatchObject({
      owner: 'octo-org',
      repo: 'jetson-images',
      runId: 77,
      runAttempt: 3,
      eventName: 'pull_request',
      prNumber: 5,
      prHeadSha: 'a'.repeat(40),
      prFromFork: false,
      // Set but empty: not defaulted by the Context, so the public API is this step's fallback.
      apiUrl: 'https://api.github.com',
      serverUrl: 'https://github.com',
    });
  });

  it('says on stdout that the event file is missing, and reads the rest', () => {
    const writes: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    const missing = path.join(os.tmpdir(), 'jba-no-such-event.json');
    const run = readGitHubRun({
      GITHUB_EVENT_PATH: missing,
      GITHUB_REPOSITORY: 'octo-org/jetson-images',
      GITHUB_RUN_ID: 'x12',
      GITHUB_SERVER_URL: 'https://ghe.example.com/',
    });
    expect(writes).toEqual([`GITHUB_EVENT_PATH ${missing} does not exist${os.EOL}`]);
    expect(run).toMatchObject({
      owner: 'octo-org',
      repo: 'jetson-images',
      runId: null,
      prNumber: null,
      prFromFork: null,
      serverUrl: 'https://ghe.example.com',
    });
  });
});
