// End to end from dist/: the notification rules — notify-on by status and by change (against a loopback double
// of the GitHub REST API), notify-start, and the notice when no target is set.
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { apiRun, forbidden, startGitHubApi, type GitHubApiDouble } from '../support/github-api-double.js';
import { validateGenericPayload } from '../support/schema.js';

const GH_TOKEN = 'ghs_e2eTokenAbCdEfGhIjKlMnOpQrStUv';
const DISCORD_TOKEN = 'e2eDiscordTokenAbCdEfGhIjKlMnOpQrStUvWxYz01';

let receiver: Receiver | null = null;
let api: GitHubApiDouble | null = null;
afterEach(async () => {
  await receiver?.close();
  await api?.close();
  receiver = null;
  api = null;
});

const bodies = (r: Receiver): Record<string, unknown>[] =>
  r.requests.map((q) => (q.json ?? q.multipart?.payloadJson) as Record<string, unknown>);

describe('e2e: notification rules', () => {
  it('notify-on failure: a successful build sends nothing', async () => {
    receiver = await startReceiver();
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'webhook-url': `${receiver.url}/hooks/jetson`,
        'notify-on': 'failure',
        'upload-logs': 'false',
      },
      skipPost: true,
    });
    expect(run.main.code).toBe(0);
    expect(run.main.outputs.status).toBe('success');
    expect(receiver.requests).toEqual([]);
    expect(run.main.outputs.notifications).toBe('[]');
  });

  it('notify-on change: the previous run failed, this one succeeds → sent, with change "fixed"', async () => {
    receiver = await startReceiver();
    api = await startGitHubApi({
      runs: [apiRun(4240, 'success'), apiRun(4241, 'failure'), apiRun(4242, null)],
      token: GH_TOKEN,
    });
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'webhook-url': `${receiver.url}/hooks/jetson`,
        'notify-on': 'change',
        'github-token': GH_TOKEN,
        'upload-logs': 'false',
        // The job link is given, so the only API calls are the ones notify-on change makes.
        'job-check-run-id': '31415926535',
      },
      env: { GITHUB_API_URL: api.url },
      skipPost: true,
    });
    expect(run.main.code).toBe(0);
    expect(receiver.requests.length).toBe(1);
    const body = bodies(receiver)[0]!;
    expect(body).toMatchObject({ event: 'jetson.build.finished', status: 'success', change: 'fixed' });
    expect(() => validateGenericPayload(body)).not.toThrow();
    expect(api.requests.map((r) => r.path)).toEqual([
      '/repos/octo-org/jetson-images/actions/runs/4242',
      '/repos/octo-org/jetson-images/actions/workflows/161335/runs',
    ]);
    expect(run.main.stdout).toContain('notify-on change: fixed, compared with run 4241 on this branch.');
    // The runner consumes `::add-mask::` lines; nowhere else may the token appear.
    const shown = run.main.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(shown.join('\n')).not.toContain(GH_TOKEN);
  });

  it('notify-on change: the same result as before → nothing sent', async () => {
    receiver = await startReceiver();
    api = await startGitHubApi({ runs: [apiRun(4241, 'success'), apiRun(4242, null)], token: GH_TOKEN });
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'webhook-url': `${receiver.url}/hooks/jetson`,
        'notify-on': 'change',
        'github-token': GH_TOKEN,
        'upload-logs': 'false',
        // The job link is given, so the only API calls are the ones notify-on change makes.
        'job-check-run-id': '31415926535',
      },
      env: { GITHUB_API_URL: api.url },
      skipPost: true,
    });
    expect(run.main.code).toBe(0);
    expect(receiver.requests).toEqual([]);
  });

  it('notify-on change without actions: read (HTTP 403) → sent as always, with one warning saying why', async () => {
    receiver = await startReceiver();
    api = await startGitHubApi({ runs: [], fail: forbidden() });
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'webhook-url': `${receiver.url}/hooks/jetson`,
        'notify-on': 'change',
        'github-token': GH_TOKEN,
        'upload-logs': 'false',
        // The job link is given, so the only API calls are the ones notify-on change makes.
        'job-check-run-id': '31415926535',
      },
      env: { GITHUB_API_URL: api.url },
      skipPost: true,
    });
    expect(run.main.code).toBe(0);
    expect(receiver.requests.length).toBe(1);
    expect(bodies(receiver)[0]).toMatchObject({ status: 'success', change: null });
    const warnings = run.main.stdout
      .split('\n')
      .filter((l) => l.startsWith('::warning') && l.includes('notify-on change'));
    expect(warnings).toEqual([
      '::warning::notify-on change: could not read the previous run (HTTP 403: Resource not accessible by ' +
        'integration) — the workflow needs `permissions: actions: read`; notifying as always.',
    ]);
  });

  it('notify-start: a started event to the generic and the Discord target before the result', async () => {
    receiver = await startReceiver({
      paths: {
        [`/api/v10/webhooks/111/${DISCORD_TOKEN}`]: { status: 200, body: { id: '1300000000000000001' } },
      },
      fallback: { status: 204 },
    });
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'webhook-url': `${receiver.url}/hooks/jetson`,
        'discord-webhook-url': `${receiver.url}/api/webhooks/111/${DISCORD_TOKEN}`,
        'notify-start': 'true',
        'job-check-run-id': '777',
        'upload-logs': 'false',
      },
      skipPost: true,
    });
    expect(run.main.code).toBe(0);
    expect(receiver.requests.length).toBe(4);
    // What each request announced, in arrival order: the generic event, or the Discord title's first word.
    const kinds = receiver.requests.map((r, i) => {
      const body = bodies(receiver as Receiver)[i]!;
      if (r.path.startsWith('/hooks/')) return String(body.event);
      const title = String((body.embeds as { title: string }[])[0]?.title);
      return title.startsWith('🔨 Building numpy')
        ? 'discord started'
        : title.startsWith('✅ numpy')
          ? 'discord result'
          : title;
    });
    // Both started messages are in before either result.
    expect(kinds.slice(0, 2).sort()).toEqual(['discord started', 'jetson.build.started']);
    expect(kinds.slice(2).sort()).toEqual(['discord result', 'jetson.build.finished']);
    const started = bodies(receiver).find((b) => b.event === 'jetson.build.started')!;
    expect(started).toMatchObject({
      packages: ['numpy'],
      run_url: 'https://github.com/octo-org/jetson-images/actions/runs/4242',
      job_url: 'https://github.com/octo-org/jetson-images/actions/runs/4242/job/777',
      runner: { name: 'orin-agx-01', os: 'Linux', arch: 'ARM64', labels: [] },
    });
    expect(() => validateGenericPayload(started)).not.toThrow();
    // Each notification has its own webhook-id: a receiver never drops the result as a duplicate of the start.
    const ids = receiver.requests
      .filter((r) => r.path.startsWith('/hooks/'))
      .map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(2);
    expect(run.main.stdout).toContain('notify-start: 2 of 2 started notification(s) delivered.');
  });

  it('no target → one notice that no notification will be sent, and why', async () => {
    const run = await runAction({ inputs: { packages: 'numpy', 'upload-logs': 'false' }, skipPost: true });
    expect(run.main.code).toBe(0);
    const notices = run.main.stdout.split('\n').filter((l) => l.startsWith('::notice'));
    expect(notices).toEqual([
      '::notice title=No notification target::No notification will be sent: no notification target is set. ' +
        'discord-webhook-url, slack-webhook-url, teams-webhook-url, webhook-url, success-webhook-url, ' +
        'failure-webhook-url and webhooks are empty, and ' +
        'so are the WEBHOOK_URL, JC_BUILD_SUCCESS_WEBHOOK_URL and JC_BUILD_FAILURE_WEBHOOK_URL variables. A ' +
        'secret the run cannot read (e.g. on a pull request from a fork, or a typo in its name) is empty too.',
    ]);
  });
});
