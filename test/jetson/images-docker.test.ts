// Image facts through @actions/exec and a real process: the fake docker (test/fixtures/docker) first on PATH,
// or no docker at all. PATH holds only a folder of our own, so a docker installed on the machine never answers.
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addImageFacts, CappedOutput, execDocker } from '../../src/jetson/images.js';
import * as F from '../support/reports.js';
import { ROOT } from '../support/action-runner.js';

const FAKE_DOCKER = path.join(ROOT, 'test', 'fixtures', 'docker');
const DIGEST = 'sha256:' + 'c0ffee00'.repeat(8);
const PUSHED = 'myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04';
const LOCAL = 'runner/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04';

let bin: string;

/** A PATH of one folder: `node` (the fake's interpreter) and, unless `absent`, the fake docker. */
function pathWith(opts: { absent?: boolean } = {}): void {
  bin = mkdtempSync(path.join(os.tmpdir(), 'jba-docker-'));
  symlinkSync(process.execPath, path.join(bin, 'node'));
  if (!opts.absent) symlinkSync(FAKE_DOCKER, path.join(bin, 'docker'));
  vi.stubEnv('PATH', bin);
}

beforeEach(() => {
  for (const k of Object.keys(process.env)) if (k.startsWith('FAKE_DOCKER_')) vi.stubEnv(k, undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(bin, { recursive: true, force: true });
});

describe('image facts from the fake docker', () => {
  it('a pushed image: size, 42 layers, arm64/v8 and the digest, in one silent call', async () => {
    pathWith();
    vi.stubEnv('FAKE_DOCKER_REPO_DIGESTS', `myuser/numpy@${DIGEST}`);
    vi.stubEnv('FAKE_DOCKER_LOG', path.join(bin, 'calls.log'));
    const report = F.successChainWithPush();
    const stdout = vi.spyOn(process.stdout, 'write');
    const result = await addImageFacts(report);
    // silent: @actions/exec echoes no `[command]` line and passes none of docker's output through.
    expect(stdout.mock.calls.map((c) => String(c[0])).filter((l) => /docker|\[command\]/.test(l))).toEqual(
      [],
    );
    stdout.mockRestore();
    expect(report.packages[0]?.imageFacts).toEqual({
      image: LOCAL,
      id: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      sizeBytes: 8123456789,
      layers: 42,
      created: '2026-11-30T13:58:07.123456789Z',
      architecture: 'arm64/v8',
      digest: `myuser/numpy@${DIGEST}`,
    });
    expect(result.problem).toBeNull();
    const calls = readFileSync(path.join(bin, 'calls.log'), 'utf8').trim().split('\n');
    expect(calls).toEqual([JSON.stringify(['image', 'inspect', '--', LOCAL])]);
  });

  it('no RepoDigests entry: the digest from `docker buildx imagetools inspect`', async () => {
    pathWith();
    vi.stubEnv('FAKE_DOCKER_MANIFEST_DIGEST', DIGEST);
    const report = F.successChainWithPush();
    await addImageFacts(report);
    expect(report.packages[0]?.imageFacts?.digest).toBe(`myuser/numpy@${DIGEST}`);
  });

  it('the local tag gone: the pushed one is inspected', async () => {
    pathWith();
    vi.stubEnv('FAKE_DOCKER_MISSING', LOCAL);
    vi.stubEnv('FAKE_DOCKER_REPO_DIGESTS', `docker.io/myuser/numpy@${DIGEST}`);
    const report = F.successChainWithPush();
    const result = await addImageFacts(report);
    expect(report.packages[0]?.imageFacts).toMatchObject({ image: PUSHED, layers: 42 });
    expect(result.problem).toBeNull();
  });

  it('docker absent: no facts, one sentence, nothing thrown', async () => {
    pathWith({ absent: true });
    const report = F.multipleSkipErrorsMixed();
    const result = await addImageFacts(report);
    expect(result).toEqual({
      inspected: 0,
      problem: 'docker image inspect numpy:r36.4.tegra-aarch64-cu126-22.04 not found on PATH',
      summary: null,
    });
    expect(report.packages.some((p) => 'imageFacts' in p)).toBe(false);
  });

  it('docker failing (exit 1 with a message): docker own words, asked once', async () => {
    pathWith();
    vi.stubEnv('FAKE_DOCKER_MODE', 'failing');
    vi.stubEnv(
      'FAKE_DOCKER_MESSAGE',
      'permission denied while trying to connect to the Docker daemon socket',
    );
    vi.stubEnv('FAKE_DOCKER_LOG', path.join(bin, 'calls.log'));
    const report = F.multipleSkipErrorsMixed();
    const result = await addImageFacts(report);
    expect(result.problem).toBe(
      'docker image inspect numpy:r36.4.tegra-aarch64-cu126-22.04 failed (exit 1: permission denied while ' +
        'trying to connect to the Docker daemon socket)',
    );
    expect(readFileSync(path.join(bin, 'calls.log'), 'utf8').trim().split('\n').length).toBe(1);
    expect(report.packages.some((p) => p.imageFacts)).toBe(false);
  });

  it('docker slow: given up on at the call limit, before it answers', async () => {
    pathWith();
    vi.stubEnv('FAKE_DOCKER_MODE', 'slow');
    vi.stubEnv('FAKE_DOCKER_SLOW_MS', '3000');
    const report = F.successChainWithPush();
    const result = await addImageFacts(report, { callTimeoutMs: 400 });
    expect(result.problem).toBe(`docker image inspect ${LOCAL} did not answer within 0.4 s`);
    expect(report.packages[0]?.imageFacts).toBeUndefined();
  });

  it.each([
    ['not-json', 'gave output that is not an image'],
    ['object', 'gave output that is not an image'],
    ['wrong-types', 'gave output that is not an image'],
  ])('docker answering weird JSON (%s): that image left out, said so', async (weird, words) => {
    pathWith();
    vi.stubEnv('FAKE_DOCKER_MODE', 'weird');
    vi.stubEnv('FAKE_DOCKER_WEIRD', weird);
    const report = F.successChainWithPush();
    const result = await addImageFacts(report);
    expect(result.problem).toBe(`docker image inspect ${LOCAL} ${words}`);
    expect(report.packages[0]?.imageFacts).toBeUndefined();
  });

  it('docker flooding 24 MiB: only the cap is kept (8 MiB + 1 byte), and the image is left out, said so', async () => {
    pathWith();
    vi.stubEnv('FAKE_DOCKER_MODE', 'weird');
    vi.stubEnv('FAKE_DOCKER_WEIRD', 'flood');
    const answer = await execDocker(['image', 'inspect', '--', LOCAL]);
    expect(answer.kind).toBe('exit');
    expect(answer.kind === 'exit' ? answer.stdout.length : 0).toBe(8 * 1024 * 1024 + 1);
    expect(answer.kind === 'exit' ? answer.truncated : false).toBe(true);
    const report = F.successChainWithPush();
    const result = await addImageFacts(report);
    expect(result.problem).toBe(`docker image inspect ${LOCAL} gave more than 8 MiB of output (too large)`);
    expect(report.packages[0]?.imageFacts).toBeUndefined();
  });

  it('docker flooding 12 MiB of two-byte characters (under 8 Mi characters): too large by its bytes', async () => {
    pathWith();
    vi.stubEnv('FAKE_DOCKER_MODE', 'weird');
    vi.stubEnv('FAKE_DOCKER_WEIRD', 'flood-utf8');
    const answer = await execDocker(['image', 'inspect', '--', LOCAL]);
    expect(answer.kind === 'exit' ? answer.stdout.length < 8 * 1024 * 1024 : false).toBe(true);
    const report = F.successChainWithPush();
    const result = await addImageFacts(report);
    expect(result.problem).toBe(`docker image inspect ${LOCAL} gave more than 8 MiB of output (too large)`);
    expect(report.packages[0]?.imageFacts).toBeUndefined();
  });

  it('CappedOutput keeps the first bytes up to its cap across chunks, and drops the rest', () => {
    const out = new CappedOutput(10);
    out.add(Buffer.from('abcdef'));
    out.add(Buffer.from('ghijkl'));
    out.add(Buffer.from('mnop'));
    expect(out.text()).toBe('abcdefghij');
  });

  it('execDocker reports docker missing as such, not as an error', async () => {
    pathWith({ absent: true });
    expect(await execDocker(['version'])).toEqual({ kind: 'missing' });
  });
});
