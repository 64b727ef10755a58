// Runs the bundled action the way the GitHub runner does: INPUT_* env, GITHUB_OUTPUT/STATE/STEP_SUMMARY
// files, `node dist/index.js`, then STATE_* env and `node dist/post.js` — on Node 24, the action's runtime.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FAKE_JC = path.join(ROOT, 'test', 'fixtures', 'jetson-containers');

/** The Node 24 binary from the `node` npm package (the runner's node24), else the current one. */
export function node24(): string {
  const bin = path.join(ROOT, 'node_modules', 'node', 'bin', 'node');
  return existsSync(bin) ? bin : process.execPath;
}

export interface StepResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  durationMs: number;
}

export interface ActionRun {
  main: StepResult;
  post: StepResult;
  state: Record<string, string>;
  summary: string;
  dir: string;
}

/** Parses a GITHUB_OUTPUT / GITHUB_STATE file (`name=value` and `name<<DELIM ... DELIM` blocks). */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delim) value.push(lines[i++] ?? '');
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      out[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

export interface RunActionOptions {
  inputs: Record<string, string>;
  env?: Record<string, string>;
  /** Send the runner's cancel sequence once stdout contains this text. */
  cancelWhen?: string;
  /** Emulate the runner's escalation: SIGINT, SIGTERM after 7.5 s, SIGKILL 2.5 s later (scaled down by `cancelScale`). */
  cancelScale?: number;
  /** Send the runner's cancel sequence when this promise resolves (e.g. when a webhook request arrives). */
  cancelOn?: Promise<unknown>;
  /** Kill main outright (SIGKILL, no SIGINT first) once stdout contains this text. */
  killWhen?: string;
  /** Kill main outright (SIGKILL, no SIGINT first) when this promise resolves (e.g. mid-request). */
  killOn?: Promise<unknown>;
  timeoutMs?: number;
  skipPost?: boolean;
  entry?: string;
}

function runStep(
  script: string,
  env: NodeJS.ProcessEnv,
  opts: {
    cancelWhen?: string;
    cancelOn?: Promise<unknown>;
    cancelScale?: number;
    killWhen?: string;
    killOn?: Promise<unknown>;
    timeoutMs: number;
  },
): Promise<StepResult> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(node24(), [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    const timers: NodeJS.Timeout[] = [];
    const hardStop = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    const cancelSequence = (): void => {
      if (signalled) return;
      signalled = true;
      const scale = opts.cancelScale ?? 1;
      child.kill('SIGINT');
      timers.push(setTimeout(() => child.kill('SIGTERM'), 7500 * scale));
      timers.push(setTimeout(() => child.kill('SIGKILL'), 10000 * scale));
    };
    void opts.cancelOn?.then(cancelSequence);
    void opts.killOn?.then(() => {
      if (signalled) return;
      signalled = true;
      child.kill('SIGKILL');
    });
    child.stdout.on('data', (c: Buffer) => {
      // Keep memory bounded for flood tests: the head and the tail of the log are what tests read.
      stdout = stdout.length > 4_000_000 ? stdout.slice(0, 1_000_000) + stdout.slice(-1_000_000) : stdout;
      stdout += c.toString('utf8');
      if (signalled) return;
      if (opts.cancelWhen && stdout.includes(opts.cancelWhen)) {
        cancelSequence();
      } else if (opts.killWhen && stdout.includes(opts.killWhen)) {
        signalled = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code, signal) => {
      clearTimeout(hardStop);
      for (const t of timers) clearTimeout(t);
      // A test may point GITHUB_OUTPUT where nothing can be written: then the step set no outputs.
      let outputs: Record<string, string> = {};
      try {
        outputs = parseCommandFile(readFileSync(env.GITHUB_OUTPUT as string, 'utf8'));
        writeFileSync(env.GITHUB_OUTPUT as string, '');
      } catch {
        outputs = {};
      }
      resolve({ code, signal, stdout, stderr, outputs, durationMs: Date.now() - started });
    });
  });
}

/** A fresh runner-like environment: temp dirs, command files, GitHub context. */
export function runnerEnv(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const files = ['output', 'state', 'summary', 'env', 'path'];
  for (const f of files) writeFileSync(path.join(dir, f), '');
  const temp = path.join(dir, 'runner-temp');
  const workspace = path.join(dir, 'workspace');
  mkdirSync(temp, { recursive: true });
  mkdirSync(workspace, { recursive: true });
  const base: NodeJS.ProcessEnv = {};
  // Only what a runner gives: PATH and HOME, nothing of the test process's own GitHub env.
  for (const k of ['PATH', 'HOME', 'LANG', 'TMPDIR']) if (process.env[k]) base[k] = process.env[k];
  return {
    ...base,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_PATH: path.join(dir, 'path'),
    GITHUB_REPOSITORY: 'octo-org/jetson-images',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKFLOW: 'Jetson images',
    GITHUB_JOB: 'build',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_WORKSPACE: workspace,
    RUNNER_NAME: 'orin-agx-01',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'ARM64',
    RUNNER_TEMP: temp,
    ...extra,
  };
}

export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  return env;
}

export async function runAction(opts: RunActionOptions): Promise<ActionRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-e2e-'));
  const env = { ...runnerEnv(dir, opts.env), ...inputEnv({ 'jetson-containers': FAKE_JC, ...opts.inputs }) };
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const main = await runStep(path.join(ROOT, 'dist', opts.entry ?? 'index.js'), env, {
    cancelWhen: opts.cancelWhen,
    cancelOn: opts.cancelOn,
    cancelScale: opts.cancelScale,
    killWhen: opts.killWhen,
    killOn: opts.killOn,
    timeoutMs,
  });
  const state = parseCommandFile(readFileSync(env.GITHUB_STATE as string, 'utf8'));
  let post: StepResult = { code: null, signal: null, stdout: '', stderr: '', outputs: {}, durationMs: 0 };
  if (!opts.skipPost) {
    const postEnv: NodeJS.ProcessEnv = { ...env };
    for (const [k, v] of Object.entries(state)) postEnv[`STATE_${k}`] = v;
    post = await runStep(path.join(ROOT, 'dist', 'post.js'), postEnv, { timeoutMs });
  }
  const summary = readFileSync(env.GITHUB_STEP_SUMMARY as string, 'utf8');
  return { main, post, state, summary, dir };
}
