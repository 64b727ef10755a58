// Issue 8, items 4 and 11, end to end on dist/: inputs cannot print runner commands into the job log, the
// build cannot use the runner's file commands, and post signals no process group it cannot tie to the build.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readState } from '../../src/runner/state.js';
import { ROOT, inputEnv, node24, runAction, runnerEnv } from '../support/action-runner.js';

const BUILD_ID = '0123456789abcdef0123456789abcdef';

/** Every job-log line, split the way the runner splits them (CRLF, CR and LF all end a line). */
function logLines(stdout: string): string[] {
  return stdout.split(/\r\n|\r|\n/);
}

describe('e2e: inputs never print a runner command from outside the stop-commands fence', () => {
  it.each([
    ['logs\n::warning title=X::y', '"logs\\n::warning title=X::y"', '::warning title=X'],
    ['x\r::add-mask::numpy', '"x\\r::add-mask::numpy"', '::add-mask::'],
  ])('log-dir %j fails with the input error and prints no command', async (logDir, shown, command) => {
    const run = await runAction({ inputs: { packages: 'numpy', 'log-dir': logDir }, skipPost: true });
    expect(run.main.code).toBe(1);
    expect(run.main.stdout).toContain(
      `::error::Input 'log-dir' has an invalid value ${shown}: a single line without control characters`,
    );
    expect(logLines(run.main.stdout).filter((l) => l.startsWith(command))).toEqual([]);
    // Nothing ran: the failure is the input, not a build.
    expect(run.main.stdout).not.toContain('Running ');
  });
});

describe("e2e: the build gets none of the runner's file commands", () => {
  it('finds GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, GITHUB_STATE and GITHUB_STEP_SUMMARY unset', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'jba-filecmd-'));
    const probe = path.join(tmp, 'probe.txt');
    const tool = path.join(tmp, 'jetson-containers');
    // A hostile build: reports what it sees, then tries every file command it can find.
    writeFileSync(
      tool,
      [
        '#!/bin/sh',
        `{`,
        `  for v in GITHUB_OUTPUT GITHUB_ENV GITHUB_PATH GITHUB_STATE GITHUB_STEP_SUMMARY JETSON_BUILD_ACTION_ID; do`,
        `    eval "echo \\"$v=\\\${$v-unset}\\""`,
        `  done`,
        `} > "$PROBE_FILE"`,
        `[ -n "$GITHUB_OUTPUT" ] && echo "status=hijacked" >> "$GITHUB_OUTPUT"`,
        `[ -n "$GITHUB_ENV" ] && echo "NODE_OPTIONS=--require=/tmp/evil.js" >> "$GITHUB_ENV"`,
        `[ -n "$GITHUB_PATH" ] && echo "/tmp/evil-bin" >> "$GITHUB_PATH"`,
        `[ -n "$GITHUB_STATE" ] && printf 'pid=1\\npidStart=\\n' >> "$GITHUB_STATE"`,
        `[ -n "$GITHUB_STEP_SUMMARY" ] && echo "# hijacked" >> "$GITHUB_STEP_SUMMARY"`,
        'exit 0',
        '',
      ].join('\n'),
    );
    chmodSync(tool, 0o755);
    const run = await runAction({
      inputs: { packages: 'numpy', 'jetson-containers': tool, 'upload-logs': 'false' },
      env: { PROBE_FILE: probe },
    });
    const seen = Object.fromEntries(
      readFileSync(probe, 'utf8')
        .trim()
        .split('\n')
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(seen).toMatchObject({
      GITHUB_OUTPUT: 'unset',
      GITHUB_ENV: 'unset',
      GITHUB_PATH: 'unset',
      GITHUB_STATE: 'unset',
      GITHUB_STEP_SUMMARY: 'unset',
    });
    // The build's id is random per build, and what main saved for post.
    expect(seen.JETSON_BUILD_ACTION_ID).toMatch(/^[0-9a-f]{32}$/);
    expect(run.state.buildId).toBe(seen.JETSON_BUILD_ACTION_ID);
    expect(run.state.pid).not.toBe('1');
    expect(run.main.outputs.status).not.toBe('hijacked');
    expect(readFileSync(path.join(run.dir, 'env'), 'utf8')).toBe('');
    expect(readFileSync(path.join(run.dir, 'path'), 'utf8')).toBe('');
    expect(run.summary).not.toContain('# hijacked');
  });
});

// ------------------------------------------------------------------------------------------- post and pids

/** Field 22 of /proc/<pid>/stat: the start time post compares. */
function startTimeOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] as string;
}

function alive(pid: number): boolean {
  try {
    return !/^State:\s+[ZX]/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

const victims: ChildProcess[] = [];
afterEach(() => {
  for (const v of victims.splice(0)) {
    try {
      process.kill(-(v.pid as number), 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** A sleeping process leading its own group: what post would kill if it trusted the state it is given. */
function victim(env: NodeJS.ProcessEnv = {}): number {
  const child = spawn('sleep', ['60'], {
    detached: true,
    stdio: 'ignore',
    env: { PATH: process.env.PATH, ...env },
  });
  child.unref();
  victims.push(child);
  return child.pid as number;
}

/** Runs dist/post.js alone, as the runner would after a main step that saved `state`. */
function runPost(state: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-post-'));
  const logDir = path.join(dir, 'logs');
  mkdirSync(logDir);
  writeFileSync(path.join(logDir, 'console.log'), '');
  const env: NodeJS.ProcessEnv = {
    ...runnerEnv(dir),
    ...inputEnv({ packages: 'numpy', 'upload-logs': 'false' }),
    STATE_phase: 'building',
    STATE_logDir: logDir,
  };
  for (const [k, v] of Object.entries(state)) env[`STATE_${k}`] = v;
  return new Promise((resolve) => {
    const child = spawn(node24(), [path.join(ROOT, 'dist', 'post.js')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout });
    });
  });
}

describe('e2e: post signals only a process group it can tie to this build', () => {
  it('leaves alone a group whose start time matches but whose processes lack the build id', async () => {
    const pid = victim();
    const post = await runPost({ pid: String(pid), pidStart: startTimeOf(pid), buildId: BUILD_ID });
    expect(post.code).toBe(0);
    expect(alive(pid)).toBe(true);
    expect(post.stdout).toContain(
      `::warning::Left process group ${pid} alone: none of its processes carries this build's id`,
    );
  });

  it('leaves alone a group whose leader started at another time, even with the build id', async () => {
    const pid = victim({ JETSON_BUILD_ACTION_ID: BUILD_ID });
    const wrongStart = String(Number(startTimeOf(pid)) + 1);
    const post = await runPost({ pid: String(pid), pidStart: wrongStart, buildId: BUILD_ID });
    expect(post.code).toBe(0);
    expect(alive(pid)).toBe(true);
    expect(post.stdout).toContain(
      `Left process group ${pid} alone: its leader is not the process the build started`,
    );
  });

  it('leaves alone a group when main recorded no start time or no build id', async () => {
    const pid = victim({ JETSON_BUILD_ACTION_ID: BUILD_ID });
    const noStart = await runPost({ pid: String(pid), buildId: BUILD_ID });
    expect(alive(pid)).toBe(true);
    expect(noStart.stdout).toContain(`Left process group ${pid} alone: main did not record`);
    const noId = await runPost({ pid: String(pid), pidStart: startTimeOf(pid) });
    expect(alive(pid)).toBe(true);
    expect(noId.stdout).toContain(`Left process group ${pid} alone: main did not record`);
  });

  it("stops a group that is the build's: start time and build id match", async () => {
    const pid = victim({ JETSON_BUILD_ACTION_ID: BUILD_ID });
    const post = await runPost({ pid: String(pid), pidStart: startTimeOf(pid), buildId: BUILD_ID });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(
      `::warning::The build's processes (group ${pid}) were still running; stopping them.`,
    );
    // SIGKILL is delivered by the time kill() returns; the zombie is reaped by its parent (this process).
    expect(alive(pid)).toBe(false);
  });
});

describe('state: pids post must never signal', () => {
  // Run against readState only: a post given pid=1 on the old code would kill(-1, SIGKILL) every process on the machine.
  it.each([['1'], ['0'], ['-5'], ['0x10'], [' 12'], ['1e3'], ['']])('reads pid %j as no pid', (pid) => {
    const saved = { ...process.env };
    try {
      process.env.STATE_pid = pid;
      process.env.STATE_pidStart = '123';
      process.env.STATE_buildId = BUILD_ID;
      expect(readState().pid).toBeNull();
    } finally {
      for (const k of ['STATE_pid', 'STATE_pidStart', 'STATE_buildId']) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });
});

describe('e2e: control characters the build prints stay inside the fence', () => {
  /** The job-log lines outside every `::stop-commands::TOKEN` … `::TOKEN::` region. */
  function unfenced(stdout: string): string[] {
    const out: string[] = [];
    let token: string | null = null;
    for (const line of stdout.split('\n')) {
      if (token !== null) {
        if (line === `::${token}::`) token = null;
        continue;
      }
      const open = /^::stop-commands::([0-9a-f]+)$/.exec(line);
      if (open) token = open[1] as string;
      else out.push(line);
    }
    return out;
  }

  it('the error line the report carries is printed with escapes, never raw NEL, CSI, DEL or BS', async () => {
    const run = await runAction({
      inputs: { packages: 'numpy' },
      env: {
        FAKE_JC_FAIL_STAGE: 'build-essential',
        FAKE_JC_FAIL_ECHO: 'error: boom \u0085NEL \u009b2J \u007fDEL \u0008BS',
      },
      skipPost: true,
    });
    expect(run.main.code).toBe(1);
    const outside = unfenced(run.main.stdout);
    const mentions = outside.filter((l) => l.includes('boom'));
    // The failure is told outside the fence (the message and the ::error annotation), escaped.
    expect(mentions.length).toBeGreaterThanOrEqual(2);
    for (const line of mentions) {
      expect(line).toContain('error: boom \\u0085NEL \\u009b2J \\u007fDEL \\u0008BS');
      // eslint-disable-next-line no-control-regex
      expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
  });
});
