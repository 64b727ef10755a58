// End to end from dist/: `pr-comment: true` on a pull_request event (GITHUB_EVENT_PATH → a payload file,
// GITHUB_API_URL → a loopback double of the issue-comments API). The first run writes the comment, the next
// one (same workflow, job and leg) updates that same comment; a push event and a fork's pull request make no
// request; a token without pull-requests: write costs one warning and nothing else.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { forbidden, startCommentsDouble, type CommentsDouble } from '../support/github-comments-double.js';

const TOKEN = 'ghs_e2ePrCommentTokenAbCdEfGhIjKlMn';
const REPO = 'octo-org/jetson-images';
const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'reports');

let api: CommentsDouble | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

function eventFile(payload: Record<string, unknown>): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'jba-event-')), 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

function pullRequest(n: number, head = REPO): Record<string, unknown> {
  return {
    action: 'synchronize',
    number: n,
    pull_request: {
      number: n,
      head: { sha: 'b'.repeat(40), ref: 'feature', repo: { full_name: head, fork: head !== REPO } },
      base: { ref: 'main', repo: { full_name: REPO } },
    },
    repository: { full_name: REPO },
  };
}

function prEnv(
  double: CommentsDouble,
  event: string,
  payload: Record<string, unknown>,
): Record<string, string> {
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventFile(payload),
    GITHUB_API_URL: double.url,
    GITHUB_REF: 'refs/pull/12/merge',
    NO_PROXY: '127.0.0.1',
    no_proxy: '127.0.0.1',
  };
}

const build = (env: Record<string, string>, extra: Record<string, string> = {}) =>
  runAction({
    inputs: {
      packages: 'numpy',
      'upload-logs': 'false',
      'pr-comment': 'true',
      'github-token': TOKEN,
      matrix: '{"package":"numpy","runner":"orin"}',
      // The job's link from its check run id: no job lookup through the API in these runs.
      'job-check-run-id': '901',
      ...extra,
    },
    env,
    skipPost: true,
  });

/** The requests to the issue-comments API (another feature may ask the same double for something else). */
const commentRequests = (double: CommentsDouble) =>
  double.requests.filter((r) => r.path.includes('/issues/'));

const MARKER_LINE = /^<!-- jetson-build-action:v1 id=[0-9a-f]{16} -->$/;

describe('e2e: pr-comment from dist/index.js', () => {
  it('the first run writes the comment, the second (a new push, a failure now) updates the same one', async () => {
    api = await startCommentsDouble({ token: TOKEN });
    const env = prEnv(api, 'pull_request', pullRequest(12));
    const first = await build(env);
    expect(first.main.code, first.main.stdout).toBe(0);
    expect(api.calls('create')).toHaveLength(1);
    expect(api.comments).toHaveLength(1);
    const created = api.comments[0]!;
    expect(created.issue).toBe(12);
    const marker = created.body.split('\n')[0]!;
    expect(marker).toMatch(MARKER_LINE);
    expect(created.body.startsWith(`${marker}\n### ✅ numpy built in `)).toBe(true);
    expect(first.main.stdout).toContain(
      `pr-comment: wrote a comment on pull request #12: https://github.com/${REPO}/pull/12#issuecomment-${created.id}`,
    );

    const second = await runAction({
      inputs: {
        packages: 'numpy',
        'upload-logs': 'false',
        'pr-comment': 'true',
        'github-token': TOKEN,
        matrix: '{"package":"numpy","runner":"orin"}',
        'job-check-run-id': '901',
        'fail-on-build-error': 'false',
      },
      env: { ...env, FAKE_JC_FAIL_STAGE: 'python' },
      skipPost: true,
    });
    expect(second.main.outputs.status).toBe('failure');
    expect(api.calls('create')).toHaveLength(1);
    expect(api.calls('update').map((r) => r.path)).toEqual([`/repos/${REPO}/issues/comments/${created.id}`]);
    expect(api.comments).toHaveLength(1);
    const updated = api.comments[0]!.body;
    expect(updated.startsWith(`${marker}\n### ❌ numpy failed at build `)).toBe(true);
    expect(updated).toContain('**Cause:** ');
    expect(updated).toContain('<details><summary>Last ');
    expect(updated).toMatch(/\| ❌ failure \| numpy \| {3}\| .+ \| python \(\d\/\d, build\) \|/);
    expect(second.main.stdout).toContain(`pr-comment: updated its comment on pull request #12`);
    // The token never shows in the log (the runner consumes ::add-mask:: lines).
    const shown = [first, second].map((r) =>
      r.main.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')),
    );
    expect(shown.flat().join('\n')).not.toContain(TOKEN);
  });

  it('a push event: no request at all', async () => {
    api = await startCommentsDouble({ token: TOKEN });
    const run = await build(prEnv(api, 'push', { ref: 'refs/heads/main', after: 'c'.repeat(40) }));
    expect(run.main.code).toBe(0);
    expect(commentRequests(api)).toEqual([]);
    expect(run.main.stdout).toContain('::debug::pr-comment: a push event has no pull request to comment on.');
  });

  it("a fork's pull request: no request, and a notice that says why", async () => {
    api = await startCommentsDouble({ token: TOKEN });
    const run = await build(prEnv(api, 'pull_request', pullRequest(31, 'contributor/jetson-images')));
    expect(run.main.code).toBe(0);
    expect(commentRequests(api)).toEqual([]);
    expect(run.main.stdout).toContain(
      "::notice title=Pull request comment::pr-comment: pull request #31 comes from a fork, and a fork's pull_request run gets a read-only token: no comment (the job summary has the result).",
    );
  });

  it('without pull-requests: write (403): one warning naming it; the step and its outputs are as without', async () => {
    api = await startCommentsDouble({ token: TOKEN, fail: { create: forbidden() } });
    const run = await build(prEnv(api, 'pull_request', pullRequest(12)));
    expect(run.main.code).toBe(0);
    expect(run.main.outputs.status).toBe('success');
    // Only this feature's warnings (docker missing on the test machine warns about image facts).
    const warnings = run.main.stdout
      .split('\n')
      .filter((l) => l.startsWith('::warning') && l.includes('pr-comment'));
    expect(warnings).toEqual([
      "::warning title=Pull request comment::pr-comment: the token may not comment on pull request #12 (HTTP 403: Resource not accessible by integration): give the job 'permissions: pull-requests: write'. The build's result is unaffected.",
    ]);
  });

  it('pr-comment off (the default): no request on a pull request either', async () => {
    api = await startCommentsDouble({ token: TOKEN });
    const run = await build(prEnv(api, 'pull_request', pullRequest(12)), { 'pr-comment': 'false' });
    expect(run.main.code).toBe(0);
    expect(commentRequests(api)).toEqual([]);
  });
});

describe('e2e: pr-comment from dist/summarize.js', () => {
  it('one comment for the whole run, updated in place by the next run', async () => {
    api = await startCommentsDouble({ token: TOKEN });
    const env = prEnv(api, 'pull_request', pullRequest(12));
    const summarize = () =>
      runAction({
        entry: 'summarize.js',
        skipPost: true,
        inputs: {
          reports: FIXTURES,
          packages: JSON.stringify(['pytorch:2.8', 'torchvision', 'l4t-ml']),
          'fail-on-build-error': 'false',
          'pr-comment': 'true',
          'github-token': TOKEN,
        },
        env,
      });
    const first = await summarize();
    expect(first.main.code, first.main.stdout).toBe(0);
    const second = await summarize();
    expect(second.main.code).toBe(0);
    expect(api.calls('create')).toHaveLength(1);
    expect(api.calls('update')).toHaveLength(1);
    expect(api.comments).toHaveLength(1);
    const body = api.comments[0]!.body;
    expect(body).toMatch(/^<!-- jetson-build-action:v1 id=[0-9a-f]{16} -->\n### /);
    expect(body).toContain('| Status | Package | Image | Duration | Failure point | Links |');
    expect(body).toContain('torchvision');
  });

  it('pr-comment: maybe fails the step at start, naming the input, before any request', async () => {
    api = await startCommentsDouble({ token: TOKEN });
    const run = await runAction({
      entry: 'summarize.js',
      skipPost: true,
      inputs: {
        reports: FIXTURES,
        packages: '["torchvision"]',
        'pr-comment': 'maybe',
        'github-token': TOKEN,
      },
      env: prEnv(api, 'pull_request', pullRequest(12)),
    });
    expect(run.main.code).toBe(1);
    expect(run.main.stdout).toContain(`::error::Input 'pr-comment' has an invalid value "maybe"`);
    expect(api.requests).toEqual([]);
  });
});
