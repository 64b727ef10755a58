// End to end from dist/: a cancel that arrives while main is finishing (a Discord answer still on its way)
// stops main from starting the check run's update and the pull request comment. Post must then give the check
// run its result and write the comment — each exactly once, and nothing main already delivered again.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { startChecksDouble, type ChecksDouble } from '../support/github-checks-double.js';
import { startCommentsDouble, type CommentsDouble } from '../support/github-comments-double.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

const GH_TOKEN = 'ghs_e2eCancelFinishToken0123456789';
const DISCORD_TOKEN = 'e2eTokenCancelFinish0123456789AbCdEfGhIjKlMn';
const DISCORD_PATH = `/api/v10/webhooks/111/${DISCORD_TOKEN}`;
const MESSAGE_ID = '1300000000000000077';
const REPO = 'octo-org/jetson-images';
const HEAD = 'fedcba9876543210fedcba9876543210fedcba98';

let discord: Receiver | null = null;
let checks: ChecksDouble | null = null;
let comments: CommentsDouble | null = null;
afterEach(async () => {
  await Promise.all([discord?.close(), checks?.close(), comments?.close()]);
  discord = checks = comments = null;
});

function pullRequestEvent(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'jba-event-')), 'event.json');
  writeFileSync(
    file,
    JSON.stringify({
      action: 'synchronize',
      number: 12,
      pull_request: {
        number: 12,
        head: { sha: HEAD, ref: 'feature', repo: { full_name: REPO, fork: false } },
        base: { ref: 'main', repo: { full_name: REPO } },
      },
      repository: { full_name: REPO },
    }),
  );
  return file;
}

/** Discord answers after 1 s; the runner's SIGINT goes out as its request arrives (inside the finish phase). */
async function slowDiscord(): Promise<{ receiver: Receiver; arrived: Promise<void> }> {
  let arrive: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const receiver = await startReceiver({
    paths: {
      [DISCORD_PATH]: () => {
        arrive();
        return { delayMs: 1000, status: 200, body: { id: MESSAGE_ID } };
      },
    },
  });
  return { receiver, arrived };
}

function runWith(apiUrl: string, discordUrl: string, arrived: Promise<void>, inputs: Record<string, string>) {
  return runAction({
    inputs: {
      packages: 'numpy',
      'upload-logs': 'false',
      'github-token': GH_TOKEN,
      'job-check-run-id': '901',
      'discord-webhook-url': `${discordUrl}/api/webhooks/111/${DISCORD_TOKEN}`,
      ...inputs,
    },
    env: {
      GITHUB_API_URL: apiUrl,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: pullRequestEvent(),
      GITHUB_REF: 'refs/pull/12/merge',
      NO_PROXY: '127.0.0.1',
      no_proxy: '127.0.0.1',
    },
    cancelOn: arrived,
    timeoutMs: 30_000,
  });
}

describe('e2e: a cancel during the finish phase', () => {
  it('check-run: post completes the check run main left in progress, once; Discord is not sent again', async () => {
    const d = await slowDiscord();
    discord = d.receiver;
    checks = await startChecksDouble({ token: GH_TOKEN, jobs: {} });
    const run = await runWith(checks.url, d.receiver.url, d.arrived, { 'check-run': 'true' });
    expect(run.main.code).toBe(1);
    expect(run.state.phase).toBe('reported');
    expect([...checks.checkRuns.values()].map((c) => [c.status, c.conclusion])).toEqual([
      ['completed', 'success'],
    ]);
    expect(checks.calls('update')).toHaveLength(1);
    expect(run.post.stdout).toContain(`Check run ${run.state.checkRunId}: success`);
    expect(discord.requestsTo(DISCORD_PATH)).toHaveLength(1);
  });

  it('pr-comment: post writes the comment main did not start, exactly once; Discord is not sent again', async () => {
    const d = await slowDiscord();
    discord = d.receiver;
    comments = await startCommentsDouble({ token: GH_TOKEN });
    const run = await runWith(comments.url, d.receiver.url, d.arrived, { 'pr-comment': 'true' });
    expect(run.main.code).toBe(1);
    expect(run.state.phase).toBe('reported');
    expect(comments.calls('create')).toHaveLength(1);
    expect(comments.calls('update')).toHaveLength(0);
    expect(
      comments.comments.map((c) => [c.issue, c.body.split('\n')[1]?.startsWith('### ✅ numpy built in ')]),
    ).toEqual([[12, true]]);
    expect(discord.requestsTo(DISCORD_PATH)).toHaveLength(1);
  });
});

describe('e2e: a cancel just before the build starts', () => {
  it('SIGINT while the check run is being created (the API hangs): nothing is built, post has nothing to do', async () => {
    checks = await startChecksDouble({ token: GH_TOKEN, jobs: {}, fail: { create: { hang: true } } });
    const double = checks;
    const ran = path.join(mkdtempSync(path.join(os.tmpdir(), 'jba-ran-')), 'ran');
    // The runner's cancel goes out once the check run's create request has arrived (bounded: 10 s).
    const createArrived = new Promise<void>((resolve) => {
      const until = Date.now() + 10_000;
      const poll = setInterval(() => {
        if (double.calls('create').length > 0 || Date.now() > until) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'upload-logs': 'false',
        'github-token': GH_TOKEN,
        'job-check-run-id': '901',
        'check-run': 'true',
      },
      env: {
        GITHUB_API_URL: double.url,
        FAKE_JC_END_FILE: ran,
        NO_PROXY: '127.0.0.1',
        no_proxy: '127.0.0.1',
      },
      cancelOn: createArrived,
      timeoutMs: 30_000,
    });
    expect(double.calls('create')).toHaveLength(1);
    expect(existsSync(ran)).toBe(false);
    expect(run.main.code).toBe(1);
    expect(run.main.stdout).toContain(
      '::warning::Cancelled (SIGINT) before the build started; nothing was built.',
    );
    expect(run.main.stdout).not.toContain('Running ');
    expect(run.state.phase).toBe('done');
    expect(run.post.stdout).toBe('');
  });
});
