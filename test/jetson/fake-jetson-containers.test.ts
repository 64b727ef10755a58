// Runs the fake jetson-containers for real, streams its output through the parser and checks the verdicts and log files.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decideOutcome, type Outcome } from '../../src/jetson/outcome.js';
import { BuildStreamParser, type ParseResult, type StreamEvent } from '../../src/jetson/parse/index.js';

const FAKE = join(import.meta.dirname, '..', 'fixtures', 'jetson-containers');
const ROOT = mkdtempSync(join(tmpdir(), 'fake-jc-test-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

let dirs = 0;
const newDir = () => join(ROOT, `logs${++dirs}`);

interface Run {
  code: number | null;
  signal: string | null;
  parse: ParseResult;
  events: StreamEvent[];
  stderr: string;
  bytes: number;
}

/** A clean environment: nothing inherited may switch the fake's knobs or colours. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (
      !k.startsWith('FAKE_JC_') &&
      k !== 'ANSI_COLORS_DISABLED' &&
      !/^(L4T|JETPACK|CUDA|PYTHON|LSB)_/.test(k)
    )
      env[k] = v;
  }
  return { ...env, ...extra };
}

function runFake(
  args: string[],
  extraEnv: Record<string, string> = {},
  opts: { detached?: boolean; onStart?: (pid: number) => void; timeoutMs?: number } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [FAKE, ...args], {
      env: childEnv(extraEnv),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: opts.detached ?? false,
    });
    const parser = new BuildStreamParser();
    const events: StreamEvent[] = [];
    let stderr = '';
    let bytes = 0;
    // Like the action: stdout and stderr merged into one stream in arrival order.
    const feed = (chunk: Buffer) => {
      bytes += chunk.length;
      events.push(...parser.write(chunk));
    };
    child.stdout.on('data', feed);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      feed(chunk);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`fake did not finish in time: ${args.join(' ')}`));
    }, opts.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('spawn', () => opts.onStart?.(child.pid as number));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      events.push(...parser.end());
      resolve({ code, signal, parse: parser.result(), events, stderr, bytes });
    });
  });
}

function outcome(
  run: Run,
  requested: string[],
  opts: { multiple?: boolean; skipErrors?: boolean; cancelled?: boolean } = {},
): Outcome {
  return decideOutcome({
    parse: run.parse,
    requested,
    exitCode: run.code,
    signal: run.signal,
    cancelled: opts.cancelled ?? false,
    startError: null,
    multiple: opts.multiple ?? false,
    skipErrors: opts.skipErrors ?? false,
  });
}

const statuses = (o: Outcome) => o.packages.map((p) => `${p.name}:${p.status}`);
const TAG = 'r36.4.tegra-aarch64-cu126-22.04';

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A zombie is dead too: an orphan is only reaped if PID 1 does it, which not every container's init does. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true;
  }
}

describe('fake jetson-containers, run for real', () => {
  it('builds a chain: exit 0, success, the image, stage events and every log file', async () => {
    const logs = newDir();
    const run = await runFake(['build', '--logs', logs, 'numpy']);
    expect(run.code).toBe(0);
    const o = outcome(run, ['numpy']);
    expect(o.status).toBe('success');
    expect(o.images).toEqual([`numpy:${TAG}`]);
    expect(run.parse.environment).toMatchObject({
      L4T_VERSION: '36.4.4',
      JETPACK_VERSION: '6.2.1',
      LSB_RELEASE: '22.04',
    });
    expect(run.parse.chains[0]?.packages).toEqual(['build-essential', 'pip_cache', 'python', 'numpy']);
    expect(run.parse.toolBuildSeconds).not.toBeNull();
    expect(run.events.filter((e) => e.kind === 'stage').map((e) => e.title)).toContain(
      'numpy · 3/4 build python',
    );
    for (const f of [
      `build/01o4_numpy_${TAG}-build-essential.sh`,
      `build/01o4_numpy_${TAG}-build-essential.txt`,
      `build/01o4_numpy_${TAG}-build-essential.Dockerfile`,
      `build/04o4_numpy_${TAG}-numpy.txt`,
      `test/04-1_numpy_${TAG}-numpy_test.py.txt`,
      `test/04-1_numpy_${TAG}_test.py.txt`,
    ]) {
      expect(existsSync(join(logs, f)), f).toBe(true);
    }
    expect(readFileSync(join(logs, `build/04o4_numpy_${TAG}-numpy.txt`), 'utf8')).toContain(
      `naming to docker.io/library/numpy:${TAG}-numpy`,
    );
  });

  it('works without the word build, and with --simulate runs nothing yet reports done', async () => {
    const logs = newDir();
    const run = await runFake(['--simulate', '--logs', logs, 'numpy']);
    expect(run.code).toBe(0);
    expect(outcome(run, ['numpy']).status).toBe('success');
    expect(run.parse.args?.simulate).toBe(true);
    expect(existsSync(join(logs, `build/04o4_numpy_${TAG}-numpy.sh`))).toBe(true);
    expect(existsSync(join(logs, `build/04o4_numpy_${TAG}-numpy.txt`))).toBe(false);
  });

  it('a failing docker build: exit 1, the stage, the error and a log file that exists', async () => {
    const logs = newDir();
    const run = await runFake(['build', '--logs', logs, 'numpy'], { FAKE_JC_FAIL_STAGE: 'python' });
    expect(run.code).toBe(1);
    const o = outcome(run, ['numpy']);
    expect(o.status).toBe('failure');
    expect(o.failure).toMatchObject({ stage: 'python', stageIndex: 3, stageCount: 4, phase: 'build' });
    expect(o.failure?.error).toBe('E: Unable to locate package foo (RUN /tmp/build.sh, exit code: 100)');
    expect(o.failure?.logFile).toBe(join(logs, `build/03o4_numpy_${TAG}-python.txt`));
    expect(readFileSync(o.failure?.logFile as string, 'utf8')).toContain('E: Unable to locate package foo');
    expect(o.message).toMatch(
      /^numpy failed in stage python \(build 3\/4\): E: Unable to locate package foo/,
    );
    expect(run.parse.tracebackError).toMatch(/^subprocess\.CalledProcessError/);
  });

  it('a failing test: phase test, its test log, the assertion as the error', async () => {
    const logs = newDir();
    const run = await runFake(['build', '--logs', logs, 'numpy'], { FAKE_JC_FAIL_TEST: 'numpy' });
    expect(run.code).toBe(1);
    const o = outcome(run, ['numpy']);
    expect(o.failure).toMatchObject({ stage: 'numpy', phase: 'test', stageIndex: 4 });
    expect(o.failure?.error).toBe(
      "test 'python3 /test/test.py' failed: AssertionError: numpy self-test failed",
    );
    expect(o.failure?.logFile).toBe(join(logs, `test/04-1_numpy_${TAG}-numpy_test.py.txt`));
    expect(existsSync(o.failure?.logFile as string)).toBe(true);
  });

  it('--multiple without --skip-errors: exits 0 after a failure, the rest never built', async () => {
    const logs = newDir();
    const pkgs = ['numpy', 'torchvision', 'build-essential'];
    const run = await runFake(['build', '--multiple', '--logs', logs, ...pkgs], {
      FAKE_JC_FAIL_STAGE: 'torchvision',
    });
    expect(run.code).toBe(0);
    expect(run.parse.summary).toBeNull();
    const o = outcome(run, pkgs, { multiple: true });
    expect(o.status).toBe('failure');
    expect(statuses(o)).toEqual(['numpy:success', 'torchvision:failure', 'build-essential:not-built']);
    expect(o.packages[1]?.failure).toMatchObject({ stage: 'torchvision', phase: 'build' });
    expect(o.message).toMatch(
      /^1 of 3 packages built; torchvision failed in stage torchvision .*; not built: build-essential; jetson-containers itself exited 0\.$/,
    );
    // Numbering restarts for each package in the shared log dir.
    const files = readdirSync(join(logs, 'build'));
    expect(files).toContain(`01o4_numpy_${TAG}-build-essential.txt`);
    expect(files.some((f) => f.startsWith('01o') && f.includes('torchvision_'))).toBe(true);
  });

  it('--multiple --skip-errors: exits 0 with the summary, which still fails the build', async () => {
    const logs = newDir();
    const pkgs = ['numpy', 'build-essential', 'ros:humble*'];
    const run = await runFake(['build', '--multiple', '--skip-errors', '--logs', logs, ...pkgs], {
      FAKE_JC_FAIL_TEST: 'numpy/numpy',
    });
    expect(run.code).toBe(0);
    expect(run.parse.buildLogsDir).toBe(join(logs, 'build'));
    expect(run.parse.summary?.map((s) => `${s.package}:${s.status}`)).toEqual([
      'numpy:failure',
      'build-essential:success',
      'ros:humble-ros-base:success',
      'ros:humble-desktop:success',
    ]);
    const o = outcome(run, pkgs, { multiple: true, skipErrors: true });
    expect(o.status).toBe('failure');
    expect(statuses(o)).toEqual([
      'numpy:failure',
      'build-essential:success',
      'ros:humble-ros-base:success',
      'ros:humble-desktop:success',
    ]);
    expect(o.images).toEqual([
      `build-essential:${TAG}`,
      `ros:humble-ros-base-${TAG}`,
      `ros:humble-desktop-${TAG}`,
    ]);
    expect(o.failure).toMatchObject({ stage: 'numpy', phase: 'test' });
    expect(existsSync(join(logs, `build/01o1_build-essential_${TAG}-build-essential.txt`))).toBe(true);
  });

  it('an old version that exits 0 for a failed chain is still a failure', async () => {
    const run = await runFake(['build', '--logs', newDir(), 'numpy'], {
      FAKE_JC_FAIL_STAGE: 'pip_cache',
      FAKE_JC_EXIT_ZERO_ON_FAILURE: '1',
    });
    expect(run.code).toBe(0);
    const o = outcome(run, ['numpy']);
    expect(o.status).toBe('failure');
    expect(o.message).toMatch(/stage pip_cache .*itself exited 0\.$/);
  });

  it('unknown packages, chained and under --multiple', async () => {
    const chained = await runFake(['build', '--logs', newDir(), 'numpy', 'nopkg']);
    expect(chained.code).toBe(1);
    const a = outcome(chained, ['numpy', 'nopkg']);
    expect(statuses(a)).toEqual(['numpy:failure', 'nopkg:failure']);
    expect(a.message).toBe("Unknown package nopkg: jetson-containers couldn't find it.");

    const multiple = await runFake(['build', '--multiple', '--logs', newDir(), 'numpy', 'ros:nothing*']);
    expect(multiple.code).toBe(1);
    const b = outcome(multiple, ['numpy', 'ros:nothing*'], { multiple: true });
    expect(statuses(b)).toEqual(['numpy:not-built', 'ros:nothing*:failure']);
    expect(b.failure?.phase).toBe('resolve');
  });

  it('argparse errors exit 2; --skip-errors without --multiple exits 1 at start-up', async () => {
    const bad = await runFake(['build', '--bogus', 'numpy']);
    expect(bad.code).toBe(2);
    expect(bad.parse.usageError).toBe('error: unrecognized arguments: --bogus');
    expect(outcome(bad, ['numpy']).message).toBe(
      'jetson-containers rejected its arguments: error: unrecognized arguments: --bogus.',
    );

    const missing = await runFake(['build', 'numpy', '--name']);
    expect(missing.code).toBe(2);
    expect(missing.parse.usageError).toBe('error: argument --name: expected one argument');

    const skip = await runFake(['build', '--skip-errors', 'numpy']);
    expect(skip.code).toBe(1);
    expect(outcome(skip, ['numpy']).message).toMatch(
      /stopped before building: ValueError: --skip-errors can only be used with --multiple/,
    );
  });

  it('--name namespace and --push: the local image and the pushed one', async () => {
    const run = await runFake(['build', '--name=runner/', '--push=myuser', '--logs', newDir(), 'numpy']);
    expect(run.code).toBe(0);
    const o = outcome(run, ['numpy']);
    expect(o.packages[0]).toMatchObject({
      status: 'success',
      image: `runner/numpy:${TAG}`,
      pushedImage: `myuser/numpy:${TAG}`,
    });
  });

  it('a failed push is a push failure', async () => {
    const run = await runFake(['build', '--push=myuser', '--logs', newDir(), 'build-essential'], {
      FAKE_JC_FAIL_PUSH: '1',
    });
    expect(run.code).toBe(1);
    const o = outcome(run, ['build-essential']);
    expect(o.failure).toMatchObject({ phase: 'push', stage: null });
    expect(o.failure?.error).toBe('docker push failed: denied: requested access to the resource is denied');
  });

  it('colours on give the same verdict; ANSI_COLORS_DISABLED wins', async () => {
    const colored = await runFake(['build', '--logs', newDir(), 'numpy'], {
      FAKE_JC_COLOR: '1',
      FAKE_JC_FAIL_STAGE: 'python',
    });
    expect(colored.parse.colors).toBe(true);
    expect(outcome(colored, ['numpy']).failure).toMatchObject({ stage: 'python', phase: 'build' });
    expect(outcome(colored, ['numpy']).failure?.excerpt.join('\n')).not.toContain('\x1b');
    const disabled = await runFake(['build', '--logs', newDir(), 'numpy'], {
      FAKE_JC_COLOR: '1',
      ANSI_COLORS_DISABLED: '1',
    });
    expect(disabled.parse.colors).toBe(false);
    expect(outcome(disabled, ['numpy']).status).toBe('success');
  });

  it('--version prints the environment and exits 0', async () => {
    const run = await runFake(['build', '--version'], {
      L4T_VERSION: '38.2.0',
      JETPACK_VERSION: '7.0',
      CUDA_VERSION: '13.0',
      LSB_RELEASE: '24.04',
    });
    expect(run.code).toBe(0);
    expect(run.parse.environment).toMatchObject({
      L4T_VERSION: '38.2.0',
      JETPACK_VERSION: '7.0',
      CUDA_VERSION: '13.0',
      PYTHON_VERSION: '3.12',
    });
  });

  it('echoed lines change no verdict, and the end time is stamped on exit', async () => {
    const endFile = join(ROOT, 'end-time');
    const before = Date.now();
    const run = await runFake(['build', '--logs', newDir(), 'build-essential'], {
      FAKE_JC_ECHO: '::set-output name=status::hacked\n[10:00:00] warn 💣 `jetson-containers build` failed',
      FAKE_JC_END_FILE: endFile,
    });
    expect(run.code).toBe(0);
    const end = Number(readFileSync(endFile, 'utf8'));
    expect(end).toBeGreaterThanOrEqual(before);
    expect(end).toBeLessThanOrEqual(Date.now());
    // A line at line start that looks like the tool's own is taken as such: the verdict errs toward failure.
    expect(run.parse.failures).toHaveLength(1);
    expect(outcome(run, ['build-essential']).status).toBe('failure');
  });

  it('echo lines and env lines appear where documented', async () => {
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [FAKE, 'build', '--logs', newDir(), 'build-essential'], {
        env: childEnv({
          FAKE_JC_ECHO: '::error::injected',
          FAKE_JC_ECHO_ENV: 'FAKE_JC_X,JC_UNSET_Y',
          FAKE_JC_X: 'x1',
        }),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child.stdout.on('data', (c: Buffer) => chunks.push(c));
      child.on('error', reject);
      child.on('close', () => resolve());
    });
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toMatch(
      /\n\$ jetson-containers --logs \S+ build-essential\n\nFAKE_JC_X=x1\nJC_UNSET_Y=<unset>\n/,
    );
    expect(text).toMatch(/\n#5 \[2\/3\] RUN \/tmp\/build\.sh\n::error::injected\n/);
  });

  it('floods, long lines and invalid UTF-8 in the middle of a stage change nothing', async () => {
    const run = await runFake(['build', '--logs', newDir(), 'numpy'], {
      FAKE_JC_FLOOD_MB: '48',
      FAKE_JC_LONG_LINE_KB: '3072',
      FAKE_JC_INVALID_UTF8: '1',
    });
    expect(run.code).toBe(0);
    expect(run.bytes).toBeGreaterThan(51 * 1024 * 1024);
    expect(outcome(run, ['numpy']).status).toBe('success');
    expect(run.parse.stages).toHaveLength(12);
  });
});

describe('signals', () => {
  it('SIGINT to the process group: exit 130, the docker grandchild dies too, the verdict is cancelled', async () => {
    const pidFile = join(ROOT, 'child-int.pid');
    let pid = 0;
    const running = runFake(
      ['build', '--logs', newDir(), 'numpy'],
      { FAKE_JC_WAIT_SIGNAL: '1', FAKE_JC_WAIT_STAGE: 'python', FAKE_JC_CHILD_PID_FILE: pidFile },
      {
        detached: true,
        onStart: (p) => (pid = p),
      },
    );
    await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').length > 0);
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    expect(alive(grandchild)).toBe(true);
    process.kill(-pid, 'SIGINT');
    const run = await running;
    expect(run.code).toBe(130);
    await waitFor(() => !alive(grandchild));
    const o = outcome(run, ['numpy'], { cancelled: true });
    expect(o.status).toBe('cancelled');
    expect(statuses(o)).toEqual(['numpy:cancelled']);
    expect(o.stages.find((s) => s.name === 'python' && s.phase === 'build')?.status).toBe('cancelled');
  });

  it('a signal outside the waiting stage stops the fake at the next stage', async () => {
    let pid = 0;
    const running = runFake(
      ['build', '--multiple', '--logs', newDir(), 'numpy', 'opencv'],
      { FAKE_JC_STAGE_DELAY_MS: '300' },
      { onStart: (p) => (pid = p) },
    );
    await new Promise((r) => setTimeout(r, 400));
    process.kill(pid, 'SIGINT');
    const run = await running;
    expect(run.code).toBe(130);
    const o = outcome(run, ['numpy', 'opencv'], { multiple: true, cancelled: true });
    expect(o.status).toBe('cancelled');
    expect(statuses(o)).toEqual(['numpy:cancelled', 'opencv:not-built']);
  });

  it('SIGTERM to the tool alone: exit 143, the grandchild survives, someone killed it: failure', async () => {
    const pidFile = join(ROOT, 'child-term.pid');
    let pid = 0;
    const running = runFake(
      ['build', '--logs', newDir(), 'numpy'],
      { FAKE_JC_WAIT_SIGNAL: '1', FAKE_JC_CHILD_PID_FILE: pidFile, FAKE_JC_CHILD_MS: '10000' },
      {
        onStart: (p) => (pid = p),
      },
    );
    await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').length > 0);
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    process.kill(pid, 'SIGTERM');
    const run = await running;
    try {
      expect(run.code).toBe(143);
      expect(alive(grandchild)).toBe(true);
      const o = outcome(run, ['numpy']);
      expect(o.status).toBe('failure');
      expect(o.message).toMatch(
        /^jetson-containers was killed by SIGTERM \(exit 143\) while building numpy in stage pip_cache \(build 2\/4\)\.$/,
      );
    } finally {
      if (alive(grandchild)) process.kill(grandchild, 'SIGKILL');
    }
  });
});
