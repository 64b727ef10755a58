// End to end: dist/ with the fake docker (test/fixtures/docker) first on PATH — image facts in report.json,
// the `digests` and `image-sizes` outputs, the job summary and the Discord message — and without docker (or
// with a failing one): the facts absent, exactly one warning, everything else as it was. And report.json of
// the version before (1) and of this one (2) are still read by the post step.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import {
  FAKE_JC,
  inputEnv,
  node24,
  parseCommandFile,
  ROOT,
  runAction,
  runnerEnv,
  type ActionRun,
} from '../support/action-runner.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { validateGenericPayload, validateReport } from '../support/schema.js';

const TOKEN = 'e2eImgTokenAbCdEfGhIjKlMnOpQrStUvWxYz012345';
const DIGEST = 'sha256:' + 'c0ffee00'.repeat(8);
const TAG = 'r36.4.tegra-aarch64-cu126-22.04';
const LOCAL = `numpy:${TAG}`;
const PUSHED = `myuser/numpy:${TAG}`;

let receiver: Receiver | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await receiver?.close();
  receiver = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * A PATH of one folder: `node` (for the fake jetson-containers and the fake docker) and, unless `absent`,
 * the fake docker. A docker installed on the machine is never on it.
 */
function onlyPath(opts: { absent?: boolean } = {}): string {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'jba-e2e-bin-'));
  dirs.push(bin);
  symlinkSync(node24(), path.join(bin, 'node'));
  if (!opts.absent) symlinkSync(path.join(ROOT, 'test', 'fixtures', 'docker'), path.join(bin, 'docker'));
  return bin;
}

async function build(env: Record<string, string>): Promise<ActionRun> {
  receiver = await startReceiver({
    paths: { [`/api/v10/webhooks/111/${TOKEN}`]: { status: 200, body: { id: '1300000000000000001' } } },
    fallback: { status: 204 },
  });
  return runAction({
    inputs: {
      packages: 'numpy',
      push: 'myuser',
      'discord-webhook-url': `${receiver.url}/api/webhooks/111/${TOKEN}`,
      'webhook-url': `${receiver.url}/hooks/jetson`,
      'upload-logs': 'false',
    },
    env,
  });
}

function reportOf(run: ActionRun): BuildReport {
  return validateReport(JSON.parse(readFileSync(run.main.outputs['report-file'] ?? '', 'utf8')));
}

function discordDescription(r: Receiver): string {
  const req = r.requests.find((x) => x.path.startsWith('/api/v10/webhooks/'));
  const body = (req?.json ?? req?.multipart?.payloadJson) as { embeds: { description: string }[] };
  return body.embeds[0]?.description ?? '';
}

const warnings = (stdout: string): string[] => stdout.split('\n').filter((l) => l.startsWith('::warning'));

/** The outputs that do not depend on the run's folder or clock, image facts taken out. */
function comparable(run: ActionRun): Record<string, unknown> {
  const o = run.main.outputs;
  const packages = (JSON.parse(o.packages ?? '[]') as Record<string, unknown>[]).map(
    ({ imageFacts: _f, durationSeconds: _d, ...rest }) => rest,
  );
  const notifications = (JSON.parse(o.notifications ?? '[]') as Record<string, unknown>[]).map((n) => ({
    format: n.format,
    delivered: n.delivered,
    status: n.status,
  }));
  return {
    status: o.status,
    'exit-code': o['exit-code'],
    packages,
    'failed-packages': o['failed-packages'],
    images: o.images,
    environment: o.environment,
    'log-artifact-url': o['log-artifact-url'],
    'message-id': o['message-id'],
    notifications,
    keys: Object.keys(o).sort(),
  };
}

describe('e2e: image facts', () => {
  it('docker answers: report.json, outputs, summary and the Discord message carry them', async () => {
    const bin = onlyPath();
    const log = path.join(bin, 'docker-calls.log');
    const run = await build({
      PATH: bin,
      FAKE_DOCKER_REPO_DIGESTS: `myuser/numpy@${DIGEST}`,
      FAKE_DOCKER_LOG: log,
    });
    expect(run.main.code).toBe(0);
    const report = reportOf(run);
    expect(report.schemaVersion).toBe(2);
    expect(report.packages[0]).toMatchObject({ image: LOCAL, pushedImage: PUSHED });
    expect(report.packages[0]?.imageFacts).toEqual({
      image: LOCAL,
      id: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      sizeBytes: 8123456789,
      layers: 42,
      created: '2026-11-30T13:58:07.123456789Z',
      architecture: 'arm64/v8',
      digest: `myuser/numpy@${DIGEST}`,
    });
    expect(JSON.parse(run.main.outputs.digests ?? '')).toEqual({ [PUSHED]: DIGEST });
    expect(JSON.parse(run.main.outputs['image-sizes'] ?? '')).toEqual({ [LOCAL]: 8123456789 });
    expect(discordDescription(receiver!)).toMatch(
      new RegExp(`^✅ \\*\\*numpy\\*\\* · \`${PUSHED}\` · Size 8\\.1 GB · 42 layers · \\d+s$`, 'm'),
    );
    const generic = validateGenericPayload(receiver!.requests.find((r) => r.path === '/hooks/jetson')?.json);
    expect(generic.results[0]?.image_facts).toMatchObject({ size_bytes: 8123456789, layers: 42 });
    expect(run.summary).toContain(`| \`${LOCAL}\` | 8.1 GB | 42 | arm64/v8 | \`${DIGEST}\` |`);
    // One silent call: no command echo, docker's JSON nowhere in the log; one summary line instead.
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      JSON.stringify(['image', 'inspect', '--', LOCAL]),
    ]);
    expect(run.main.stdout).not.toMatch(/\[command\]|"RootFS"/);
    expect(run.main.stdout).toContain(
      `Image facts (1 of 1 images): ${LOCAL}, 8.1 GB, 42 layers, sha256:c0ffee00c0ff`,
    );
    expect(warnings(run.main.stdout)).toEqual([]);
  });

  it.each([
    [
      'docker absent',
      { absent: true },
      {},
      `::warning::image facts left out: docker image inspect ${LOCAL} not found on PATH`,
    ],
    [
      'docker failing',
      {},
      { FAKE_DOCKER_MODE: 'failing' },
      `::warning::image facts left out: docker image inspect ${LOCAL} failed (exit 1: Cannot connect to the ` +
        'Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?)',
    ],
  ])(
    '%s: the fields absent, exactly one warning, everything else identical',
    async (_n, how, env, warning) => {
      const withDocker = await build({
        PATH: onlyPath(),
        FAKE_DOCKER_REPO_DIGESTS: `myuser/numpy@${DIGEST}`,
      });
      const withFacts = discordDescription(receiver!);
      await receiver?.close();
      const run = await build({ PATH: onlyPath(how), ...env });
      expect(run.main.code).toBe(0);
      const report = reportOf(run);
      expect(report.packages[0]).not.toHaveProperty('imageFacts');
      expect(run.main.outputs.digests).toBe('{}');
      expect(run.main.outputs['image-sizes']).toBe('{}');
      expect(warnings(run.main.stdout)).toEqual([warning]);
      expect(comparable(run)).toEqual(comparable(withDocker));
      const without = discordDescription(receiver!);
      expect(without).not.toContain('Size');
      // The message is the one with facts, minus them (the durations aside).
      const strip = (s: string): string =>
        s.replace(/ · Size 8\.1 GB · 42 layers/, '').replace(/\d+s/g, 'Ns');
      expect(strip(without)).toBe(strip(withFacts));
      expect(run.summary).not.toContain('### Images');
      validateGenericPayload(receiver!.requests.find((r) => r.path === '/hooks/jetson')?.json);
    },
  );

  it('a failed build: docker is never asked, no warning about it', async () => {
    const bin = onlyPath();
    const log = path.join(bin, 'docker-calls.log');
    receiver = await startReceiver({ fallback: { status: 204 } });
    const run = await runAction({
      inputs: { packages: 'numpy', 'upload-logs': 'false', 'webhook-url': `${receiver.url}/hooks/jetson` },
      env: { PATH: bin, FAKE_JC_FAIL_STAGE: 'python', FAKE_DOCKER_LOG: log },
    });
    expect(run.main.outputs.status).toBe('failure');
    expect(() => readFileSync(log, 'utf8')).toThrow(/ENOENT/);
    expect(run.main.outputs.digests).toBe('{}');
    expect(warnings(run.main.stdout).filter((w) => w.includes('image facts'))).toEqual([]);
  });
});

describe('e2e: report.json versions the post step reads', () => {
  /** Main cancelled mid-build writes report.json and leaves the rest to post; post runs on the file given. */
  async function postWith(edit: (r: BuildReport) => void): Promise<{ stdout: string; generic: unknown }> {
    receiver = await startReceiver({ fallback: { status: 204 } });
    const inputs = {
      packages: 'numpy',
      'upload-logs': 'false',
      'webhook-url': `${receiver.url}/hooks/jetson`,
    };
    const env = { FAKE_JC_WAIT_SIGNAL: '1', PATH: onlyPath() };
    const main = await runAction({ inputs, env, cancelWhen: 'Building pip_cache', skipPost: true });
    expect(main.state.phase).toBe('reported');
    const file = main.main.outputs['report-file'] ?? '';
    const report = JSON.parse(readFileSync(file, 'utf8')) as BuildReport;
    edit(report);
    writeFileSync(file, JSON.stringify(report));
    const postEnv: NodeJS.ProcessEnv = {
      ...runnerEnv(main.dir, env),
      ...inputEnv({ 'jetson-containers': FAKE_JC, ...inputs }),
    };
    for (const [k, v] of Object.entries(main.state)) postEnv[`STATE_${k}`] = v;
    // Not spawnSync: the receiver answers from this process's event loop.
    const post = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(node24(), [path.join(ROOT, 'dist', 'post.js')], {
        env: postEnv,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let stdout = '';
      const stop = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      child.on('close', (code) => {
        clearTimeout(stop);
        resolve({ code, stdout });
      });
    });
    expect(post.code).toBe(0);
    expect(parseCommandFile(readFileSync(postEnv.GITHUB_OUTPUT as string, 'utf8')).digests).toBe('{}');
    return { stdout: post.stdout, generic: receiver.requests[0]?.json };
  }

  it.each([1, 2] as const)(
    'post reads a schemaVersion %d report.json main wrote (not rebuilt)',
    async (v) => {
      const { stdout, generic } = await postWith((r) => {
        r.schemaVersion = v;
        r.message = `Marked by the test: version ${v}.`;
      });
      expect(stdout).not.toContain('rebuilding the report from the console log');
      expect(validateGenericPayload(generic).message).toBe(`Marked by the test: version ${v}.`);
    },
  );
});
