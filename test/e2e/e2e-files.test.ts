// End to end: dist/ and the files the action writes on the runner — a full disk, a log-dir that cannot be
// used, symlinks planted before or during the build, a GITHUB_OUTPUT that cannot be written. Each ends in a
// truthful status, the outputs that can be set, and a notification.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import type { GenericPayload } from '../../src/notify/render/generic.js';
import {
  FAKE_JC,
  ROOT,
  inputEnv,
  node24,
  parseCommandFile,
  runAction,
  runnerEnv,
} from '../support/action-runner.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { validateGenericPayload, validateReport } from '../support/schema.js';

const mounts: string[] = [];

/** Mounts a tmpfs (root only); null when it worked, else why not. Bounded by a timeout. */
function mountTmpfs(dir: string, options: string): string | null {
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], {
    timeout: 10_000,
    encoding: 'utf8',
  });
  if (r.status === 0) {
    mounts.push(dir);
    return null;
  }
  return (r.stderr || r.error?.message || `mount exited ${r.status}`).trim();
}

function unmount(dir: string): void {
  const r = spawnSync('umount', [dir], { timeout: 10_000 });
  if (r.status !== 0) spawnSync('umount', ['-l', dir], { timeout: 10_000 });
}

/** Whether this machine lets the tests mount a tmpfs; the message says why not. */
const mountProblem = ((): string | null => {
  const probe = mkdtempSync(path.join(os.tmpdir(), 'jba-mount-probe-'));
  const problem = mountTmpfs(probe, 'size=64k');
  if (problem === null) {
    unmount(probe);
    mounts.pop();
  }
  rmSync(probe, { recursive: true, force: true });
  if (problem !== null) {
    console.warn(`e2e-files: skipping the tmpfs tests, mounting a tmpfs is not permitted here: ${problem}`);
  }
  return problem;
})();

afterAll(() => {
  for (const dir of mounts.splice(0)) unmount(dir);
});

let receiver: Receiver | null = null;
afterEach(async () => {
  await receiver?.close();
  receiver = null;
});

function readReport(file: string | undefined): BuildReport {
  expect(file, 'report-file output').toBeTruthy();
  const report = JSON.parse(readFileSync(file as string, 'utf8')) as BuildReport;
  validateReport(report);
  return report;
}

function onlyPayload(r: Receiver): GenericPayload {
  expect(r.requests.length).toBe(1);
  return validateGenericPayload(r.requests[0]?.json);
}

/** Runs only the main step with GITHUB_OUTPUT wherever the test wants it (the shared runner reads it back). */
function runMainOnly(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(node24(), [path.join(ROOT, 'dist', 'index.js')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const stop = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.on('close', (code) => {
      clearTimeout(stop);
      resolve({ code, stdout });
    });
  });
}

describe('e2e: dist/ and a full log disk', () => {
  it.skipIf(mountProblem !== null)(
    'console.log fills a 256 KiB tmpfs: failure naming the disk and the path, a valid report.json, a notification',
    async () => {
      const mnt = mkdtempSync(path.join(os.tmpdir(), 'jba-full-'));
      expect(mountTmpfs(mnt, 'size=256k')).toBeNull();
      const logDir = path.join(mnt, 'logs');
      receiver = await startReceiver();
      const run = await runAction({
        inputs: {
          packages: 'numpy',
          'log-dir': logDir,
          'webhook-url': `${receiver.url}/hook`,
          'upload-logs': 'false',
        },
        env: { FAKE_JC_FLOOD_MB: '1' },
      });
      const o = run.main.outputs;
      expect(o.status).toBe('failure');
      expect(run.main.code).toBe(1);
      // Never a 0-byte or half-written report.json in the log folder: there is a whole one, or none.
      const inLogDir = path.join(logDir, 'report.json');
      if (existsSync(inLogDir)) validateReport(JSON.parse(readFileSync(inLogDir, 'utf8')));
      const report = readReport(o['report-file']);
      expect(report.status).toBe('failure');
      expect(report.message).toContain('No space left on device');
      expect(report.message).toContain(logDir);
      expect(report.failure?.error).toContain('No space left on device');
      expect(report.message).not.toMatch(/never built/);
      const payload = onlyPayload(receiver);
      expect(payload.status).toBe('failure');
      expect(payload.message).toContain('No space left on device');
      expect(payload.message).toContain(logDir);
      expect(run.main.stdout).not.toContain('failed unexpectedly');
    },
  );
});

describe('e2e: dist/ and a log-dir it cannot use', () => {
  it('a log-dir below a regular file: fails before building, names the path, sets outputs, notifies', async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'jba-notdir-'));
    writeFileSync(path.join(base, 'file'), 'x');
    const logDir = path.join(base, 'file', 'logs');
    const endFile = path.join(base, 'build-ended');
    receiver = await startReceiver();
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'log-dir': logDir,
        'webhook-url': `${receiver.url}/hook`,
        'upload-logs': 'false',
      },
      env: { FAKE_JC_END_FILE: endFile },
    });
    expect(run.main.code).toBe(1);
    expect(existsSync(endFile), 'the build must not run').toBe(false);
    const o = run.main.outputs;
    expect(o.status).toBe('failure');
    const report = readReport(o['report-file']);
    expect(report.message).toContain(logDir);
    expect(report.message).toMatch(/not a folder/);
    expect(report.failure?.error).toContain(logDir);
    expect(run.main.stdout).toMatch(
      new RegExp(`::error::.*${logDir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`),
    );
    expect(run.main.stdout).not.toContain('failed unexpectedly');
    const payload = onlyPayload(receiver);
    expect(payload.status).toBe('failure');
    expect(payload.message).toContain(logDir);
    // post has nothing left to do
    expect(run.post.code).toBe(0);
    expect(receiver.requests.length).toBe(1);
  });

  it.skipIf(mountProblem !== null)(
    'a log-dir on a read-only file system: fails before building with the errno in words, notifies',
    async () => {
      const mnt = mkdtempSync(path.join(os.tmpdir(), 'jba-ro-'));
      expect(mountTmpfs(mnt, 'ro,size=64k')).toBeNull();
      const endFile = path.join(os.tmpdir(), `jba-ro-end-${process.pid}`);
      receiver = await startReceiver();
      for (const logDir of [mnt, path.join(mnt, 'logs')]) {
        const run = await runAction({
          inputs: {
            packages: 'numpy',
            'log-dir': logDir,
            'webhook-url': `${receiver.url}/hook`,
            'upload-logs': 'false',
          },
          env: { FAKE_JC_END_FILE: endFile },
        });
        expect(run.main.code).toBe(1);
        expect(existsSync(endFile), 'the build must not run').toBe(false);
        expect(run.main.outputs.status, run.main.stdout.slice(-1500)).toBe('failure');
        const report = readReport(run.main.outputs['report-file']);
        expect(report.message).toContain(logDir);
        expect(report.message, report.message).toMatch(/read-only file system/);
        expect(run.main.stdout).not.toContain('failed unexpectedly');
      }
      expect(receiver.requests.length).toBe(2);
      const payload = validateGenericPayload(receiver.requests[1]?.json);
      expect(payload.status).toBe('failure');
      expect(payload.message).toMatch(/read-only file system/);
    },
  );
});

describe('e2e: dist/ never writes or reads through a planted link', () => {
  it('console.log and report.json left as symlinks by an earlier run are replaced, not written through', async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'jba-links-'));
    const logDir = path.join(base, 'logs');
    mkdirSync(logDir);
    const victimLog = path.join(base, 'victim-console');
    const victimReport = path.join(base, 'victim-report');
    writeFileSync(victimLog, 'VICTIM LOG\n');
    writeFileSync(victimReport, 'VICTIM REPORT\n');
    symlinkSync(victimLog, path.join(logDir, 'console.log'));
    symlinkSync(victimReport, path.join(logDir, 'report.json'));
    const run = await runAction({ inputs: { packages: 'numpy', 'log-dir': logDir, 'upload-logs': 'false' } });
    expect(run.main.code, run.main.stdout.slice(-2000)).toBe(0);
    expect(readFileSync(victimLog, 'utf8')).toBe('VICTIM LOG\n');
    expect(readFileSync(victimReport, 'utf8')).toBe('VICTIM REPORT\n');
    expect(lstatSync(path.join(logDir, 'console.log')).isFile()).toBe(true);
    expect(readFileSync(path.join(logDir, 'console.log'), 'utf8')).toContain('done ✅');
    expect(lstatSync(path.join(logDir, 'report.json')).isFile()).toBe(true);
    expect(readReport(run.main.outputs['report-file']).status).toBe('success');
    expect(run.main.outputs['report-file']).toBe(path.join(logDir, 'report.json'));
    // The log says what happened to the old files.
    expect(run.main.stdout).toMatch(/console\.log.*earlier run.*symlink.*replaced|replaced.*console\.log/i);
    expect(run.main.stdout).toMatch(/report\.json.*earlier run.*symlink.*removed|removed.*report\.json/i);
  });

  it('a build that swaps report.json for a link to $GITHUB_ENV and its logs for links to a secret leaks neither', async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'jba-swap-'));
    const logDir = path.join(base, 'logs');
    const secretFile = path.join(base, 'shadow');
    const githubEnv = path.join(base, 'github-env');
    writeFileSync(githubEnv, '');
    writeFileSync(secretFile, 'root:TOPSECRET-HASH-4f1c:19000:0:99999:7:::\n');
    chmodSync(secretFile, 0o600);
    // A build that, once done, points the action's files and its own stage logs at things it should not see.
    const wrapper = path.join(base, 'jetson-containers');
    writeFileSync(
      wrapper,
      [
        '#!/bin/sh',
        'logs=""',
        'for a in "$@"; do case "$a" in --logs=*) logs="${a#--logs=}";; esac; done',
        '"$SWAP_FAKE" "$@"; rc=$?',
        'ln -sfn "$SWAP_TARGET" "$logs/report.json"',
        'for f in "$logs"/build/*.txt; do rm -f "$f"; ln -s "$SWAP_SECRET" "$f"; done',
        'rm -f "$logs/console.log"; ln -s "$SWAP_SECRET" "$logs/console.log"',
        'exit $rc',
        '',
      ].join('\n'),
    );
    chmodSync(wrapper, 0o755);
    receiver = await startReceiver({ fallback: { status: 204 } });
    const token = 'swapTokenAbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
    const run = await runAction({
      inputs: {
        'jetson-containers': wrapper,
        packages: 'numpy',
        'log-dir': logDir,
        'discord-webhook-url': `${receiver.url}/api/webhooks/222/${token}`,
        'webhook-url': `${receiver.url}/hook`,
        'upload-logs': 'false',
      },
      // The action keeps GITHUB_ENV from the build; the wrapper learns the path as a planted link would.
      env: {
        GITHUB_ENV: githubEnv,
        SWAP_TARGET: githubEnv,
        SWAP_FAKE: FAKE_JC,
        SWAP_SECRET: secretFile,
        FAKE_JC_FAIL_STAGE: 'python',
      },
    });
    expect(run.main.outputs.status, run.main.stdout.slice(-1500)).toBe('failure');
    expect(readFileSync(githubEnv, 'utf8')).toBe('');
    expect(lstatSync(path.join(logDir, 'report.json')).isFile()).toBe(true);
    expect(readReport(run.main.outputs['report-file']).failedPackages).toEqual(['numpy']);
    expect(receiver.requests.length).toBe(2);
    for (const req of receiver.requests) expect(req.body.toString('latin1')).not.toContain('TOPSECRET');
    expect(run.main.stdout).not.toContain('TOPSECRET');
    expect(
      run.main.stdout,
      run.main.stdout
        .split('\n')
        .filter((l) => l.includes('report'))
        .join('\n'),
    ).toMatch(/report\.json.*symlink/);
  });
});

describe('e2e: dist/ with a GITHUB_OUTPUT it cannot write', () => {
  it('the step still reflects the build, the summary and the notification still happen, a warning names the outputs', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-out-'));
    receiver = await startReceiver();
    const env = {
      ...runnerEnv(dir, { GITHUB_OUTPUT: path.join(dir, 'missing', 'output') }),
      ...inputEnv({
        'jetson-containers': FAKE_JC,
        packages: 'numpy',
        'webhook-url': `${receiver.url}/hook`,
        'upload-logs': 'false',
      }),
    };
    const run = await runMainOnly(env);
    expect(run.code, run.stdout.slice(-2000)).toBe(0);
    expect(run.stdout).toMatch(/::warning::.*outputs.*GITHUB_OUTPUT|::warning::.*GITHUB_OUTPUT.*outputs/);
    expect(run.stdout).not.toContain('failed unexpectedly');
    expect(readFileSync(path.join(dir, 'summary'), 'utf8')).toContain('numpy');
    expect(onlyPayload(receiver).status).toBe('success');
    expect(parseCommandFile(readFileSync(path.join(dir, 'state'), 'utf8')).phase).toBe('done');
  });
});
