// The log artifact upload, through the real @actions/artifact code against a loopback results service.
import AdmZip from 'adm-zip';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  collectLogFiles,
  defaultArtifactName,
  isGhesServer,
  parseArtifactName,
  parseRetentionDays,
  uploadLogs,
  uploadsInFlight,
  type UploadLogsOptions,
} from '../../src/logs/artifact.js';
import { InputError } from '../../src/runner/errors.js';
import { startResultsService, type ResultsService } from '../support/results-service.js';

let tmp: string;
const services: ResultsService[] = [];

async function service(opts?: Parameters<typeof startResultsService>[0]): Promise<ResultsService> {
  const svc = await startResultsService(opts);
  services.push(svc);
  return svc;
}

const CONTENTS: Record<string, string> = {
  'console.log': "Namespace(packages=['x'])\n-- Building container x:r36.4\nERROR: failed to solve\n",
  'build/01o4_x.txt': '#1 [internal] load build definition\n#2 DONE 0.1s\n',
  'test/01-1_x_test.py.txt': 'testing x...\nOK\n',
  'report.json': '{"schemaVersion":1,"status":"failure"}\n',
};

async function makeLogDir(files: Record<string, string | Buffer> = CONTENTS): Promise<string> {
  const dir = await mkdtemp(path.join(tmp, 'logs-'));
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  return dir;
}

function options(
  svc: ResultsService,
  dir: string,
  extra: Partial<UploadLogsOptions> = {},
): UploadLogsOptions {
  return {
    dir,
    name: 'jetson-build-logs-build-attempt1',
    timeoutMs: 20_000,
    env: svc.env,
    serverUrl: 'https://github.com',
    repository: 'octo/jetson',
    runId: '987654321',
    ...extra,
  };
}

function zipEntries(zip: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of new AdmZip(zip).getEntries()) {
    if (!e.isDirectory) out[e.entryName] = e.getData().toString('utf8');
  }
  return out;
}

/** Polls `check` every 50 ms until it holds or `ms` pass. */
async function eventually(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

let stdout: string[] = [];
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'artifact-test-'));
});
beforeEach(() => {
  // The library prints progress and ::debug:: lines; keep them for assertions, out of the test output.
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(services.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('uploadLogs against the results-service double', () => {
  it('uploads the log folder as a zip holding exactly its files and links the artifact', async () => {
    const svc = await service();
    const dir = await makeLogDir();
    const before = { ...process.env };
    const result = await uploadLogs(options(svc, dir, { retentionDays: 5 }));

    expect(result).toEqual({
      ok: true,
      id: svc.artifacts[0]?.id,
      url: `https://github.com/octo/jetson/actions/runs/987654321/artifacts/${svc.artifacts[0]?.id}`,
      size: svc.artifacts[0]?.zip.length,
    });
    expect(svc.artifacts).toHaveLength(1);
    const art = svc.artifacts[0]!;
    expect(art.name).toBe('jetson-build-logs-build-attempt1');
    expect(zipEntries(art.zip)).toEqual(CONTENTS);
    // Retention went through as an expiry about five days out.
    const days = (Date.parse(art.expiresAt ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(4.9);
    expect(days).toBeLessThan(5.1);
    // The Azure block-blob protocol: staged blocks, then one block list.
    const paths = svc.requests.map(
      (r) =>
        `${r.method} ${r.path.split('/').pop()}${r.query.includes('comp=blocklist') ? ' blocklist' : r.query.includes('comp=block') ? ' block' : ''}`,
    );
    expect(paths[0]).toBe('POST CreateArtifact');
    expect(paths.at(-1)).toBe('POST FinalizeArtifact');
    expect(paths.filter((p) => p.endsWith(' block')).length).toBeGreaterThanOrEqual(1);
    expect(paths.filter((p) => p.endsWith(' blocklist'))).toHaveLength(1);
    // The library's variables were applied for the call only, and nothing is left running.
    expect(process.env).toEqual(before);
    expect(uploadsInFlight()).toBe(0);
    // The signed URL's signature was masked by the library.
    expect(stdout.join('')).toMatch(/::add-mask::/);
  });

  it('assembles a multi-block upload of a large log byte for byte', async () => {
    const svc = await service();
    // Random bytes do not compress: ~20 MiB of zip, three 8 MiB blocks.
    const big = randomBytes(20 * 1024 * 1024).toString('base64');
    const dir = await makeLogDir({ 'console.log': 'start\n', 'build/01o1_big.txt': big });
    const result = await uploadLogs(options(svc, dir));
    expect(result.ok).toBe(true);
    const blocks = svc.requests.filter((r) => /(^|[?&])comp=block(&|$)/.test(r.query));
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    const entries = zipEntries(svc.artifacts[0]!.zip);
    expect(entries['build/01o1_big.txt']).toBe(big);
    expect(Object.keys(entries).sort()).toEqual(['build/01o1_big.txt', 'console.log']);
  });

  it('renames files whose names the artifact service refuses instead of failing the upload', async () => {
    const svc = await service();
    const dir = await makeLogDir({
      'console.log': 'c\n',
      'build/01o2_numpy:r36.4-python.txt': 'python stage\n',
      'build/01o2_numpy_r36.4-python.txt': 'already clean\n',
    });
    const result = await uploadLogs(options(svc, dir));
    expect(result.ok).toBe(true);
    expect(zipEntries(svc.artifacts[0]!.zip)).toEqual({
      'console.log': 'c\n',
      'build/01o2_numpy_r36.4-python.txt': 'python stage\n',
      'build/01o2_numpy_r36.4-python~2.txt': 'already clean\n',
    });
  });

  it('skips symlinks that leave the folder, sockets and dangling links', async () => {
    const outside = path.join(tmp, 'secret.txt');
    await writeFile(outside, 'not a log\n');
    const dir = await makeLogDir({ 'console.log': 'c\n', 'build/a.txt': 'a\n' });
    await symlink(outside, path.join(dir, 'escape.txt'));
    await symlink(path.join(dir, 'build', 'a.txt'), path.join(dir, 'inside.txt'));
    await symlink(path.join(dir, 'missing.txt'), path.join(dir, 'dangling.txt'));
    const sock = net.createServer();
    await new Promise<void>((resolve) => sock.listen(path.join(dir, 'docker.sock'), resolve));
    try {
      const files = (await collectLogFiles(dir)).map((f) => path.relative(dir, f)).sort();
      expect(files).toEqual(['build/a.txt', 'console.log', 'inside.txt']);
      const svc = await service();
      const result = await uploadLogs(options(svc, dir));
      expect(result.ok).toBe(true);
      expect(zipEntries(svc.artifacts[0]!.zip)).toEqual({
        'build/a.txt': 'a\n',
        'console.log': 'c\n',
        'inside.txt': 'a\n',
      });
    } finally {
      await new Promise((resolve) => sock.close(resolve));
    }
  });

  it('gives no URL, but still uploads, when the run is unknown', async () => {
    const svc = await service();
    const result = await uploadLogs(options(svc, await makeLogDir(), { repository: null, runId: null }));
    expect(result).toMatchObject({ ok: true, url: null });
  });
});

describe('uploadLogs when an upload is impossible or fails', () => {
  it('does not try without ACTIONS_RUNTIME_TOKEN (not in a JavaScript action step)', async () => {
    const svc = await service();
    const env = { ...svc.env, ACTIONS_RUNTIME_TOKEN: undefined };
    const result = await uploadLogs(options(svc, await makeLogDir(), { env }));
    expect(result).toEqual({
      ok: false,
      reason:
        'ACTIONS_RUNTIME_TOKEN is not set: artifact uploads only work inside a GitHub Actions JavaScript action step',
    });
    expect(svc.requests).toHaveLength(0);
  });

  it('does not try without ACTIONS_RESULTS_URL either', async () => {
    const svc = await service();
    const result = await uploadLogs(options(svc, await makeLogDir(), { env: {} }));
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({
      reason: expect.stringMatching(/^ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set/),
    });
  });

  it('does not try on GitHub Enterprise Server', async () => {
    const svc = await service();
    const env = { ...svc.env, GITHUB_SERVER_URL: 'https://ghe.example.com' };
    const t0 = Date.now();
    const result = await uploadLogs(
      options(svc, await makeLogDir(), { env, serverUrl: 'https://ghe.example.com' }),
    );
    expect(result).toEqual({
      ok: false,
      reason: 'artifact uploads are not supported on GitHub Enterprise Server (host ghe.example.com)',
    });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(svc.requests).toHaveLength(0);
  });

  it('treats hosts as GHES exactly as the library does', () => {
    expect(isGhesServer('https://github.com')).toBe(false);
    expect(isGhesServer('https://octo.ghe.com')).toBe(false);
    expect(isGhesServer('http://github.localhost')).toBe(false);
    expect(isGhesServer('https://ghe.example.com')).toBe(true);
    expect(isGhesServer('https://github.example.com')).toBe(true);
  });

  it('reports an empty or missing log folder', async () => {
    const svc = await service();
    const empty = await mkdtemp(path.join(tmp, 'empty-'));
    await mkdir(path.join(empty, 'build'));
    expect(await uploadLogs(options(svc, empty))).toEqual({
      ok: false,
      reason: `the log folder ${empty} holds no files`,
    });
    const missing = path.join(tmp, 'nope');
    expect(await uploadLogs(options(svc, missing))).toEqual({
      ok: false,
      reason: `the log folder ${missing} does not exist`,
    });
    expect(svc.requests).toHaveLength(0);
  });

  it('says when the service cannot be reached at all', async () => {
    const svc = await startResultsService();
    await svc.close();
    const t0 = Date.now();
    const result = await uploadLogs(options(svc, await makeLogDir(), { timeoutMs: 10_000 }));
    expect(result).toEqual({
      ok: false,
      reason:
        "could not reach the artifact service (ECONNREFUSED); a self-hosted runner needs access to GitHub's artifact endpoints",
    });
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('says which call the service refused (a non-retryable 403)', async () => {
    const svc = await service({ failCreate: 403 });
    const result = await uploadLogs(options(svc, await makeLogDir()));
    expect(result).toEqual({
      ok: false,
      reason: 'the artifact service answered HTTP 403 on CreateArtifact: the double was told to fail',
    });
  });

  it('stops within its bound while the library retries a service answering 500', async () => {
    const svc = await service({ failCreate: 500 });
    const t0 = Date.now();
    const result = await uploadLogs(options(svc, await makeLogDir(), { timeoutMs: 4000 }));
    const elapsed = Date.now() - t0;
    expect(result).toEqual({
      ok: false,
      reason: 'upload timed out after 4 s; the last answer was HTTP 500 on CreateArtifact',
    });
    expect(elapsed).toBeGreaterThanOrEqual(3900);
    expect(elapsed).toBeLessThan(5500);
    // The library did retry (3 s base interval) before we gave up.
    expect(svc.requests.filter((r) => r.path.endsWith('/CreateArtifact')).length).toBe(2);
    // Its next retry (after a 4.5-6.75 s sleep) is destroyed before it leaves: the library settles.
    expect(uploadsInFlight()).toBe(1);
    expect(await eventually(() => uploadsInFlight() === 0, 8000)).toBe(true);
    expect(svc.requests.filter((r) => r.path.endsWith('/CreateArtifact')).length).toBe(2);
  });

  it('abandons a hung CreateArtifact at the bound and leaves no connection open', async () => {
    const svc = await service({ hang: 'create' });
    const t0 = Date.now();
    const result = await uploadLogs(options(svc, await makeLogDir(), { timeoutMs: 2000 }));
    const elapsed = Date.now() - t0;
    expect(result).toEqual({
      ok: false,
      reason: 'upload timed out after 2 s waiting for an answer to CreateArtifact',
    });
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    expect(elapsed).toBeLessThan(3000);
    expect(svc.hungRequests()).toBeLessThanOrEqual(1);
    // The hung request is destroyed client-side: the double sees the connection close, the library settles.
    expect(await eventually(() => svc.openConnections() === 0 && svc.hungRequests() === 0, 3000)).toBe(true);
    expect(await eventually(() => uploadsInFlight() === 0, 3000)).toBe(true);
    // And the library, told ECONNRESET, does not retry.
    const seen = svc.requests.length;
    await new Promise((r) => setTimeout(r, 3500));
    expect(svc.requests.length).toBe(seen);
  });

  it('abandons a hung blob upload at the bound and leaves no connection open', async () => {
    const svc = await service({ hang: 'upload' });
    const t0 = Date.now();
    const result = await uploadLogs(options(svc, await makeLogDir(), { timeoutMs: 2000 }));
    expect(result).toEqual({
      ok: false,
      reason: 'upload timed out after 2 s waiting for an answer to a block upload',
    });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(await eventually(() => svc.openConnections() === 0 && svc.hungRequests() === 0, 3000)).toBe(true);
    expect(await eventually(() => uploadsInFlight() === 0, 3000)).toBe(true);
    const seen = svc.requests.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(svc.requests.length).toBe(seen);
    expect(svc.artifacts).toHaveLength(0);
  });

  it('names the duplicate when the run already has an artifact of that name', async () => {
    const svc = await service();
    const dir = await makeLogDir();
    expect((await uploadLogs(options(svc, dir))).ok).toBe(true);
    const again = await uploadLogs(options(svc, dir));
    expect(again).toEqual({
      ok: false,
      reason:
        "an artifact named 'jetson-build-logs-build-attempt1' already exists in this run (HTTP 409 on CreateArtifact); set a different artifact-name",
    });
  });

  it('reports a blob storage refusal', async () => {
    const svc = await service({ failBlob: 403 });
    const result = await uploadLogs(options(svc, await makeLogDir()));
    expect(result).toEqual({ ok: false, reason: 'blob storage answered HTTP 403 on a block upload' });
  });

  it('refuses a name the service would refuse, without calling it', async () => {
    const svc = await service();
    const result = await uploadLogs(options(svc, await makeLogDir(), { name: 'logs: x86/arm' }));
    expect(result.ok).toBe(false);
    expect(svc.requests).toHaveLength(0);
  });
});

describe('defaultArtifactName', () => {
  const invalid = /["':<>|*?\r\n\\/]/;

  it('names job and attempt', () => {
    expect(defaultArtifactName({ job: 'build', matrix: null, runAttempt: '1' })).toBe(
      'jetson-build-logs-build-attempt1',
    );
    expect(defaultArtifactName({ job: 'build', matrix: 'null', runAttempt: '2' })).toBe(
      'jetson-build-logs-build-attempt2',
    );
  });

  it('gives every matrix leg its own name, stable across key order', () => {
    const a = defaultArtifactName({
      job: 'build',
      matrix: '{"package":"pytorch:2.8","l4t":"r36.4"}',
      runAttempt: '1',
    });
    const b = defaultArtifactName({
      job: 'build',
      matrix: '{"package":"pytorch:2.9","l4t":"r36.4"}',
      runAttempt: '1',
    });
    const a2 = defaultArtifactName({
      job: 'build',
      matrix: '{"l4t":"r36.4","package":"pytorch:2.8"}',
      runAttempt: '1',
    });
    expect(a).toMatch(/^jetson-build-logs-build-pytorch_2\.8-r36\.4-[0-9a-f]{8}-attempt1$/);
    expect(b).not.toBe(a);
    expect(a2.replace(/-r36\.4|-pytorch_2\.8/g, '')).toBe(a.replace(/-r36\.4|-pytorch_2\.8/g, ''));
    expect(invalid.test(a)).toBe(false);
  });

  it('keeps legs apart whose values read alike once cleaned', () => {
    const a = defaultArtifactName({ job: 'build', matrix: '{"p":"a:b"}', runAttempt: '1' });
    const b = defaultArtifactName({ job: 'build', matrix: '{"p":"a/b"}', runAttempt: '1' });
    expect(a).not.toBe(b);
  });

  it('gives re-runs their own name', () => {
    const m = '{"package":"numpy"}';
    expect(defaultArtifactName({ job: 'build', matrix: m, runAttempt: '1' })).not.toBe(
      defaultArtifactName({ job: 'build', matrix: m, runAttempt: '2' }),
    );
    // Off Actions there is no attempt: a timestamp keeps runs apart.
    expect(
      defaultArtifactName({
        job: null,
        matrix: null,
        runAttempt: null,
        now: new Date('2026-05-01T10:20:30.456Z'),
      }),
    ).toBe('jetson-build-logs-job-20260501T102030Z');
  });

  it('removes every character artifacts refuse and stays short', () => {
    const name = defaultArtifactName({
      job: 'my "job": <a|b>*?\\/\r\n',
      matrix: JSON.stringify({ x: 'q"u:o<t>e|s*?\\/\r\n'.repeat(40), nested: { list: ['a', 'b'] } }),
      runAttempt: '12',
    });
    expect(invalid.test(name)).toBe(false);
    expect(name.length).toBeLessThanOrEqual(200);
    expect(name).toMatch(/^jetson-build-logs-my_job_a_b-.*-[0-9a-f]{8}-attempt12$/);
  });
});

describe('input parsing', () => {
  it('parses retention days 1-90', () => {
    expect(parseRetentionDays('')).toBeUndefined();
    expect(parseRetentionDays(' 1 ')).toBe(1);
    expect(parseRetentionDays('90')).toBe(90);
    for (const bad of ['0', '91', '-1', '7.5', 'seven', '1e1']) {
      expect(() => parseRetentionDays(bad)).toThrow(InputError);
    }
    expect(() => parseRetentionDays('91')).toThrow(/retention-days.*"91".*1 to 90/);
  });

  it('parses artifact names', () => {
    expect(parseArtifactName('')).toBeUndefined();
    expect(parseArtifactName('logs-1')).toBe('logs-1');
    expect(() => parseArtifactName('a/b')).toThrow(InputError);
    expect(() => parseArtifactName('x'.repeat(201))).toThrow(/artifact-name/);
  });
});
