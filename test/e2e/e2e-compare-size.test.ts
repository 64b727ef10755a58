// End to end: dist/ with `compare-size: true` — a fake docker on PATH says how big the image is now, a loopback
// GitHub API (GITHUB_API_URL) serves the previous successful run and its logs artifact (report.json inside),
// and the Discord message, the job summary, report.json and the warnings show the change.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runAction } from '../support/action-runner.js';
import {
  apiRun,
  forbidden,
  reportWithSizes,
  startGitHubArtifacts,
  type GitHubArtifactsDouble,
} from '../support/github-artifacts-double.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { validateReport } from '../support/schema.js';

const TOKEN = 'e2eCompareSizeTokenAbCdEfGhIjKlMnOpQrStUv';
const GH_TOKEN = 'ghs_e2eCompareSizeGitHubToken0123456789';
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
// runnerEnv's run is 4242, job `build`, attempt 1: its default logs artifact name.
const ARTIFACT = 'jetson-build-logs-build-attempt1';

let github: GitHubArtifactsDouble | null = null;
let discord: Receiver | null = null;
afterEach(async () => {
  await github?.close();
  await discord?.close();
  github = null;
  discord = null;
});

async function build(extraInputs: Record<string, string> = {}) {
  discord = await startReceiver({
    paths: { [`/api/v10/webhooks/111/${TOKEN}`]: { status: 200, body: { id: '1300000000000000001' } } },
    fallback: { status: 204 },
  });
  return runAction({
    inputs: {
      packages: 'pytorch:2.8',
      'discord-webhook-url': `${discord.url}/api/webhooks/111/${TOKEN}`,
      'upload-logs': 'false',
      'compare-size': 'true',
      'github-token': GH_TOKEN,
      ...extraInputs,
    },
    env: {
      GITHUB_API_URL: (github as GitHubArtifactsDouble).url,
      PATH: `${FIXTURES}:${process.env.PATH ?? ''}`,
      FAKE_DOCKER_SIZE: String(8_240_000_000),
    },
  });
}

function discordText(): string {
  const post = discord?.requests.find((r) => r.path.startsWith('/api/v10/webhooks/'));
  return JSON.stringify(post?.json ?? post?.multipart?.payloadJson ?? null);
}

/** The warning commands as the runner shows them (it decodes the `%25` a command writes for `%`). */
const warnings = (stdout: string): string[] =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('::warning'))
    .map((l) => l.replace(/%25/g, '%'));

describe('e2e: compare-size', () => {
  it('shows +340 MB against the previous successful run, flagged over size-warn-percent', async () => {
    github = await startGitHubArtifacts({
      token: GH_TOKEN,
      runs: [apiRun(4242, null, { run_number: 131 }), apiRun(4241, 'success', { run_number: 123 })],
      artifacts: [
        {
          id: 77,
          runId: 4241,
          name: ARTIFACT,
          files: { 'report.json': reportWithSizes({ 'pytorch:2.8': 7_900_000_000 }) },
        },
      ],
    });
    const run = await build({ 'size-warn-percent': '3' });
    expect(run.main.code).toBe(0);

    // The payload and the summary: the change next to the size.
    expect(discordText()).toContain('Size 8.2 GB · 42 layers · ⚠ +340 MB (+4.3 %)');
    expect(run.summary).toContain(
      '| 8.2 GB · ⚠ [+340 MB (+4.3 %)](https://github.com/octo-org/jetson-images/actions/runs/4241) |',
    );
    // One warning, the flag, worded for a person.
    expect(warnings(run.main.stdout)).toEqual([
      '::warning title=Image size grew::pytorch:2.8 grew by 340 MB (+4.3 %) since run #123, over size-warn-percent 3',
    ]);
    // report.json keeps the numbers (what the next run compares with, and what a later step reads).
    const report = validateReport(
      JSON.parse(readFileSync(run.main.outputs['report-file'] as string, 'utf8')),
    );
    expect(report.packages[0]?.imageFacts?.sizeChange).toEqual({
      previousBytes: 7_900_000_000,
      deltaBytes: 340_000_000,
      percent: expect.closeTo(4.3038, 3) as number,
      flagged: true,
      previousRunUrl: 'https://github.com/octo-org/jetson-images/actions/runs/4241',
    });
    // The previous run's artifact came through the API's redirect to the blob.
    expect(github.paths()).toEqual(
      expect.arrayContaining([
        '/repos/octo-org/jetson-images/actions/runs/4241/artifacts',
        '/repos/octo-org/jetson-images/actions/artifacts/77/zip',
        '/blob/77.zip',
      ]),
    );
  }, 60_000);

  it('under the threshold: the change without ⚠ and without a warning', async () => {
    github = await startGitHubArtifacts({
      token: GH_TOKEN,
      runs: [apiRun(4242, null), apiRun(4241, 'success')],
      artifacts: [
        {
          id: 77,
          runId: 4241,
          name: ARTIFACT,
          files: { 'report.json': reportWithSizes({ 'pytorch:2.8': 7_900_000_000 }) },
        },
      ],
    });
    const run = await build();
    expect(run.main.code).toBe(0);
    expect(discordText()).toContain('Size 8.2 GB · 42 layers · +340 MB (+4.3 %)');
    expect(discordText()).not.toContain('⚠');
    expect(warnings(run.main.stdout)).toEqual([]);
  }, 60_000);

  it('a token without actions: read: one warning naming the permission, the build and notification unharmed', async () => {
    github = await startGitHubArtifacts({ token: GH_TOKEN, runs: [], answer: () => forbidden() });
    const run = await build();
    expect(run.main.code).toBe(0);
    expect(discordText()).toContain('Size 8.2 GB · 42 layers');
    expect(discordText()).not.toContain('MB (');
    expect(warnings(run.main.stdout)).toEqual([
      '::warning title=compare-size::compare-size: could not read the previous image sizes (HTTP 403: Resource not accessible by integration) — the workflow needs `permissions: actions: read`.',
    ]);
  }, 60_000);

  it('no earlier successful run: the size alone, no warning, one line in the log', async () => {
    github = await startGitHubArtifacts({
      token: GH_TOKEN,
      runs: [apiRun(4242, null), apiRun(4240, 'failure')],
    });
    const run = await build();
    expect(run.main.code).toBe(0);
    expect(discordText()).toContain('Size 8.2 GB · 42 layers');
    expect(discordText()).not.toContain('MB (');
    expect(warnings(run.main.stdout)).toEqual([]);
    expect(run.main.stdout).toContain(
      'compare-size: no earlier successful run of this workflow on this branch; nothing to compare.',
    );
  }, 60_000);
});
