// `pr-comment`: find by marker, create, update — the real @actions/github client against a loopback double
// of the issue-comments API, the run read through @actions/github's context from an event payload file.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  commentOnBuild,
  commentOnRun,
  upsertPrComment,
  type CommentLog,
} from '../../src/github/pr-comment.js';
import { readGitHubRun, type GitHubRun } from '../../src/runner/github.js';
import { buildMarker } from '../../src/report/pr-comment.js';
import { registerSecret, resetSecretsForTest } from '../../src/runner/secrets.js';
import { buildRunReport } from '../../src/report/run-report.js';
import * as F from '../support/reports.js';
import {
  BOT,
  forbidden,
  notFound,
  startCommentsDouble,
  type CommentsDouble,
} from '../support/github-comments-double.js';

const TOKEN = 'ghs_prCommentTokenAbCdEfGhIjKlMnOp';
const REPO = 'octo-org/jetson-images';
const MARKER = '<!-- jetson-build-action:v1 id=0123456789abcdef -->';

let api: CommentsDouble | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});
beforeEach(() => resetSecretsForTest());

interface Logged {
  log: CommentLog;
  lines: { level: keyof CommentLog; text: string }[];
}

function logger(): Logged {
  const lines: Logged['lines'] = [];
  const at =
    (level: keyof CommentLog) =>
    (text: string): void => {
      lines.push({ level, text });
    };
  return { lines, log: { debug: at('debug'), info: at('info'), notice: at('notice'), warn: at('warn') } };
}

function pullRequest(n: number, head = REPO, fork = head !== REPO): Record<string, unknown> {
  return {
    number: n,
    pull_request: {
      number: n,
      head: { sha: 'a'.repeat(40), repo: { full_name: head, fork } },
      base: { repo: { full_name: REPO } },
    },
  };
}

/** The run as the action reads it: GITHUB_* variables and the event payload file. */
function runFor(event: string, payload: Record<string, unknown>, apiUrl: string): GitHubRun {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-pr-'));
  const file = path.join(dir, 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return readGitHubRun({
    GITHUB_REPOSITORY: REPO,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: file,
    GITHUB_API_URL: apiUrl,
    GITHUB_WORKFLOW: 'Jetson images',
    GITHUB_JOB: 'build',
  });
}

async function upsert(
  run: GitHubRun,
  body: string,
  extra: { token?: string | null; timeoutMs?: number } = {},
): Promise<{ outcome: Awaited<ReturnType<typeof upsertPrComment>>; lines: Logged['lines'] }> {
  const { log, lines } = logger();
  const outcome = await upsertPrComment({
    marker: MARKER,
    body: () => `${MARKER}\n${body}`,
    token: extra.token === undefined ? TOKEN : extra.token,
    log,
    run,
    timeoutMs: extra.timeoutMs,
  });
  return { outcome, lines };
}

describe('upsertPrComment', () => {
  it('creates the comment on the first run and updates the same one on the next', async () => {
    api = await startCommentsDouble({ token: TOKEN });
    const run = runFor('pull_request', pullRequest(12), api.url);
    const first = await upsert(run, 'first push');
    expect(first.outcome).toEqual({
      action: 'created',
      id: 1001,
      url: 'https://github.com/octo-org/jetson-images/pull/12#issuecomment-1001',
    });
    expect(first.lines).toEqual([
      {
        level: 'info',
        text: 'pr-comment: wrote a comment on pull request #12: https://github.com/octo-org/jetson-images/pull/12#issuecomment-1001',
      },
    ]);
    const second = await upsert(run, 'second push');
    expect(second.outcome).toMatchObject({ action: 'updated', id: 1001 });
    expect(api.comments.map((c) => [c.id, c.issue, c.body])).toEqual([[1001, 12, `${MARKER}\nsecond push`]]);
    expect(api.calls('create').map((r) => r.path)).toEqual([
      '/repos/octo-org/jetson-images/issues/12/comments',
    ]);
    expect(api.calls('update').map((r) => r.path)).toEqual([
      '/repos/octo-org/jetson-images/issues/comments/1001',
    ]);
    expect(api.calls('list').map((r) => r.query)).toEqual([
      { per_page: '100', page: '1' },
      { per_page: '100', page: '1' },
    ]);
  });

  it('a secret equal to the workflow name or to text of the marker tag changes nothing: the comment is updated', async () => {
    registerSecret('Jetson images');
    registerSecret('jetson-build-action');
    api = await startCommentsDouble({ token: TOKEN });
    const run = runFor('pull_request', pullRequest(12), api.url);
    const marker = buildMarker({
      workflow: 'Jetson images',
      job: 'build',
      matrix: null,
      step: 'jetson',
      packages: ['numpy'],
    });
    for (const push of ['first Jetson images push', 'second push']) {
      const { log } = logger();
      await upsertPrComment({ marker, body: () => `${marker}\n${push}`, token: TOKEN, log, run });
    }
    expect(api.comments.map((c) => c.body)).toEqual([`${marker}\nsecond push`]);
    // The rest of the body is still scrubbed.
    expect(api.calls('create').map((r) => (r.json as { body: string }).body)).toEqual([
      `${marker}\nfirst *** push`,
    ]);
  });

  it('pages through a long conversation to find its comment (on page 3 of 3)', async () => {
    const others = Array.from({ length: 230 }, (_, i) => ({
      id: i + 1,
      issue: 7,
      body: `review comment ${i}`,
      user: { login: `reviewer${i % 3}`, type: 'User' as const },
    }));
    api = await startCommentsDouble({
      token: TOKEN,
      comments: [...others, { id: 231, issue: 7, body: `${MARKER}\nold`, user: BOT }],
    });
    const { outcome } = await upsert(runFor('pull_request', pullRequest(7), api.url), 'new');
    expect(outcome).toMatchObject({ action: 'updated', id: 231 });
    expect(api.calls('list').map((r) => r.query.page)).toEqual(['1', '2', '3']);
    expect(api.calls('create')).toEqual([]);
  });

  it("a person's comment quoting the marker is not taken over: a comment of its own is written", async () => {
    api = await startCommentsDouble({
      token: TOKEN,
      comments: [
        {
          id: 5,
          issue: 12,
          body: `${MARKER}\nhijacked @maintainer`,
          user: { login: 'mallory', type: 'User' },
        },
        { id: 6, issue: 12, body: `> ${MARKER}`, user: BOT },
      ],
    });
    const { outcome } = await upsert(runFor('pull_request', pullRequest(12), api.url), 'real');
    expect(outcome).toMatchObject({ action: 'created', id: 1001 });
    expect(api.comments.find((c) => c.id === 5)?.body).toBe(`${MARKER}\nhijacked @maintainer`);
    expect(api.calls('update')).toEqual([]);
  });

  it("an app's bot comment with the marker is ours too (a GitHub App token)", async () => {
    const app = { login: 'jetson-ci[bot]', type: 'Bot' as const };
    api = await startCommentsDouble({
      token: TOKEN,
      author: app,
      comments: [{ id: 9, issue: 12, body: `${MARKER}\nold`, user: app }],
    });
    const { outcome } = await upsert(runFor('pull_request', pullRequest(12), api.url), 'new');
    expect(outcome).toMatchObject({ action: 'updated', id: 9 });
  });

  it("an app's token with an older github-actions[bot] comment too: the app's own (newest) is updated, every run", async () => {
    const app = { login: 'jetson-ci[bot]', type: 'Bot' as const };
    api = await startCommentsDouble({
      token: TOKEN,
      author: app,
      comments: [
        { id: 4, issue: 12, body: `${MARKER}\nfrom GITHUB_TOKEN days ago`, user: BOT },
        { id: 9, issue: 12, body: `${MARKER}\nold`, user: app },
      ],
    });
    const run = runFor('pull_request', pullRequest(12), api.url);
    expect((await upsert(run, 'first')).outcome).toMatchObject({ action: 'updated', id: 9 });
    expect((await upsert(run, 'second')).outcome).toMatchObject({ action: 'updated', id: 9 });
    expect(api.calls('create')).toEqual([]);
    expect(api.comments.map((c) => [c.id, c.body])).toEqual([
      [4, `${MARKER}\nfrom GITHUB_TOKEN days ago`],
      [9, `${MARKER}\nsecond`],
    ]);
  });

  it("an app's token whose newest marked comment is github-actions[bot]'s: refused (403), the app's older one is updated instead of a new one", async () => {
    const app = { login: 'jetson-ci[bot]', type: 'Bot' as const };
    api = await startCommentsDouble({
      token: TOKEN,
      author: app,
      comments: [
        { id: 2, issue: 12, body: `${MARKER}\nold`, user: app },
        { id: 4, issue: 12, body: `${MARKER}\nfrom GITHUB_TOKEN`, user: BOT },
      ],
    });
    const run = runFor('pull_request', pullRequest(12), api.url);
    for (const text of ['first', 'second']) {
      const { outcome, lines } = await upsert(run, text);
      expect(outcome).toMatchObject({ action: 'updated', id: 2 });
      expect(lines.filter((l) => l.level === 'warn')).toEqual([]);
    }
    expect(api.calls('create')).toEqual([]);
    expect(api.comments.map((c) => [c.id, c.body])).toEqual([
      [2, `${MARKER}\nsecond`],
      [4, `${MARKER}\nfrom GITHUB_TOKEN`],
    ]);
  });

  it("a personal access token: the token's own user's comment is found and updated, not a new one per run", async () => {
    const me = { login: 'release-bot-user', type: 'User' as const };
    api = await startCommentsDouble({ token: TOKEN, author: me });
    const run = runFor('pull_request', pullRequest(12), api.url);
    await upsert(run, 'first');
    const { outcome } = await upsert(run, 'second');
    expect(outcome).toMatchObject({ action: 'updated', id: 1001 });
    expect(api.comments.map((c) => [c.id, c.user.login, c.body])).toEqual([
      [1001, 'release-bot-user', `${MARKER}\nsecond`],
    ]);
    // Asked once per run, bounded like the rest.
    expect(api.calls('user').length).toBe(2);
  });

  it("another app's bot comment forging the marker: our own is preferred; it alone is not edited, a new one is written", async () => {
    const forger = { login: 'dependabot[bot]', type: 'Bot' as const };
    api = await startCommentsDouble({
      token: TOKEN,
      comments: [{ id: 7, issue: 12, body: `${MARKER}\nforged`, user: forger }],
    });
    const run = runFor('pull_request', pullRequest(12), api.url);
    const first = await upsert(run, 'ours');
    expect(first.outcome).toMatchObject({ action: 'created', id: 1001 });
    // Written anew without a word about permissions: the token could comment.
    expect(first.lines.filter((l) => l.level === 'warn')).toEqual([]);
    const second = await upsert(run, 'ours again');
    expect(second.outcome).toMatchObject({ action: 'updated', id: 1001 });
    expect(api.comments.map((c) => [c.id, c.body])).toEqual([
      [7, `${MARKER}\nforged`],
      [1001, `${MARKER}\nours again`],
    ]);
  });

  it('a comment deleted between the listing and the update is written anew', async () => {
    api = await startCommentsDouble({
      token: TOKEN,
      comments: [{ id: 3, issue: 12, body: `${MARKER}\nold`, user: BOT }],
      fail: { update: notFound() },
    });
    const { outcome, lines } = await upsert(runFor('pull_request', pullRequest(12), api.url), 'new');
    expect(outcome).toMatchObject({ action: 'created', id: 1001 });
    expect(lines.filter((l) => l.level === 'warn')).toEqual([]);
  });

  it('403 (no pull-requests: write): one warning naming the permission, nothing thrown', async () => {
    api = await startCommentsDouble({ token: TOKEN, fail: { create: forbidden() } });
    const { outcome, lines } = await upsert(runFor('pull_request', pullRequest(12), api.url), 'x');
    expect(outcome).toEqual({ action: 'failed', reason: 'HTTP 403: Resource not accessible by integration' });
    expect(lines).toEqual([
      {
        level: 'warn',
        text: "pr-comment: the token may not comment on pull request #12 (HTTP 403: Resource not accessible by integration): give the job 'permissions: pull-requests: write'. The build's result is unaffected.",
      },
    ]);
  });

  it('404 on the listing: one warning, no comment written', async () => {
    api = await startCommentsDouble({ token: TOKEN, fail: { list: notFound() } });
    const { outcome, lines } = await upsert(runFor('pull_request', pullRequest(12), api.url), 'x');
    expect(outcome.action).toBe('failed');
    expect(lines.map((l) => l.text)).toEqual([
      'pr-comment: pull request #12 was not found with this token (HTTP 404: Not Found); no comment.',
    ]);
    expect(api.calls('create')).toEqual([]);
  });

  it('an API that never answers: a warning once the time is up', async () => {
    api = await startCommentsDouble({ token: TOKEN, fail: { list: { hang: true } }, maxHangMs: 3000 });
    const { outcome, lines } = await upsert(runFor('pull_request', pullRequest(12), api.url), 'x', {
      timeoutMs: 300,
    });
    expect(outcome.action).toBe('failed');
    expect(lines.map((l) => l.text)).toEqual([
      `pr-comment: could not comment on pull request #12: no answer from ${api.url} within 0.3 s.`,
    ]);
  });

  it('a push event: no request, one debug line', async () => {
    api = await startCommentsDouble({ token: TOKEN });
    const { outcome, lines } = await upsert(runFor('push', { ref: 'refs/heads/main' }, api.url), 'x');
    expect(outcome).toEqual({ action: 'skipped', reason: 'not a pull request event' });
    expect(lines).toEqual([
      { level: 'debug', text: 'pr-comment: a push event has no pull request to comment on.' },
    ]);
    expect(api.requests).toEqual([]);
  });

  it('a fork pull request: a notice before any request (its token is read-only)', async () => {
    api = await startCommentsDouble({ token: TOKEN });
    const run = runFor('pull_request', pullRequest(31, 'contributor/jetson-images'), api.url);
    const { outcome, lines } = await upsert(run, 'x');
    expect(outcome).toEqual({ action: 'skipped', reason: 'fork pull request' });
    expect(lines).toEqual([
      {
        level: 'notice',
        text: "pr-comment: pull request #31 comes from a fork, and a fork's pull_request run gets a read-only token: no comment (the job summary has the result).",
      },
    ]);
    expect(api.requests).toEqual([]);
  });

  it("pull_request_target from a fork runs with the base repository's token: it comments", async () => {
    api = await startCommentsDouble({ token: TOKEN });
    const run = runFor('pull_request_target', pullRequest(31, 'contributor/jetson-images'), api.url);
    const { outcome } = await upsert(run, 'x');
    expect(outcome).toMatchObject({ action: 'created' });
  });

  it('no token: one warning naming the input, no request', async () => {
    api = await startCommentsDouble({ token: TOKEN });
    const { lines } = await upsert(runFor('pull_request', pullRequest(12), api.url), 'x', { token: null });
    expect(lines.map((l) => l.text)).toEqual([
      "pr-comment: input 'github-token' is empty: no comment on pull request #12.",
    ]);
    expect(api.requests).toEqual([]);
  });
});

describe('commentOnBuild / commentOnRun', () => {
  it('sends the rendered build comment scrubbed of secrets, with the marker of its workflow, job and leg', async () => {
    const secret = 'hunter2-SuperSecretValue-42';
    registerSecret(secret);
    const report = F.stageFailure();
    report.failure = { ...report.failure!, error: `auth failed with ${secret}` };
    report.packages[0]!.failure = { ...report.failure };
    report.run = { ...report.run, workflow: 'Jetson images', job: 'build', matrix: '{"package":"numpy"}' };
    api = await startCommentsDouble({ token: TOKEN });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-pr-'));
    writeFileSync(path.join(dir, 'event.json'), JSON.stringify(pullRequest(12)));
    const saved = { ...process.env };
    Object.assign(process.env, {
      GITHUB_REPOSITORY: REPO,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
      GITHUB_API_URL: api.url,
    });
    try {
      const { log } = logger();
      const outcome = await commentOnBuild(report, TOKEN, log, {
        now: () => new Date(Date.UTC(2026, 2, 14, 17, 40)),
      });
      expect(outcome.action).toBe('created');
      const sent = (api.calls('create')[0]!.json as { body: string }).body;
      // The id: sha256 of the identity as canonical JSON (sorted keys), first 16 hex digits.
      const identity =
        '{"job":"build","kind":"build","matrix":"{\\"package\\":\\"numpy\\"}","packages":["numpy"],"step":null,"workflow":"Jetson images"}';
      const id = createHash('sha256').update(identity).digest('hex').slice(0, 16);
      expect(sent.startsWith(`<!-- jetson-build-action:v1 id=${id} -->\n### ❌ numpy failed`)).toBe(true);
      expect(sent).toContain('auth failed with \\*\\*\\*');
      expect(sent).not.toContain(secret);

      const run = buildRunReport({
        reports: [F.stageFailure()],
        planned: ['numpy'],
        needs: {},
        context: { ...report.run, workflow: 'Jetson images' },
        now: new Date(Date.UTC(2026, 2, 14, 18)),
      });
      await commentOnRun(run, TOKEN, log);
      const runBody = (api.calls('create')[1]!.json as { body: string }).body;
      const runId = createHash('sha256')
        .update('{"job":null,"kind":"run","packages":["numpy"],"workflow":"Jetson images"}')
        .digest('hex')
        .slice(0, 16);
      expect(
        runBody.startsWith(`<!-- jetson-build-action:v1 id=${runId} -->\n### ❌ Jetson build failed`),
      ).toBe(true);
      expect(api.comments.length).toBe(2);
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });
});
