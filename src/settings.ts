// Inputs + env → one typed, validated Settings object (the only place that reads build inputs).
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { splitPackages, validatePackageName } from './build/packages.js';
import { InputError } from './errors.js';
import { parseBoolean } from './inputs.js';
import { parseArtifactName, parseRetentionDays } from './logs/artifact.js';

export type GetInput = (name: string) => string;
type Env = Record<string, string | undefined>;

export interface BuildSettings {
  packages: string[];
  multiple: boolean;
  skipErrors: boolean;
  name: string | null;
  base: string | null;
  push: string | null;
  skipTests: string | null;
  buildArgs: string | null;
  buildFlags: string | null;
  extraArgs: string[];
  /** The executable to run and whether it wants the `build` sub-command (not for build.sh). */
  command: string;
  commandTakesBuild: boolean;
  workingDirectory: string;
  logDir: string;
  failOnBuildError: boolean;
}

export interface LogSettings {
  upload: boolean;
  artifactName: string | null;
  retentionDays: number | undefined;
  uploadTimeoutMs: number;
}

export interface Settings {
  build: BuildSettings;
  logs: LogSettings;
}

/** Reads a boolean input (see parseBoolean), with an error that names the input. */
export function readBoolean(getInput: GetInput, name: string, fallback: boolean): boolean {
  return parseBoolean(name, getInput(name), fallback);
}

function optional(getInput: GetInput, name: string): string | null {
  const v = getInput(name).trim();
  return v === '' ? null : v;
}

/** One argument per line; blank lines ignored. No shell parsing: each line is one argv element. */
export function splitLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function rejectControlChars(input: string, value: string | null): void {
  if (value !== null && /[\0\r\n]/.test(value)) {
    throw new InputError(input, value, 'a single line without control characters');
  }
}

function resolveCommand(raw: string, cwd: string): { command: string; takesBuild: boolean } {
  let command = raw;
  if (command.includes('/') || command.startsWith('.')) {
    command = path.resolve(cwd, command);
    let isDir = false;
    try {
      isDir = statSync(command).isDirectory();
    } catch {
      // A missing path is reported when the build is started, with the same clear message.
    }
    if (isDir) command = path.join(command, 'jetson-containers');
  }
  return { command, takesBuild: path.basename(command) !== 'build.sh' };
}

export function defaultLogDir(env: Env, now: Date = new Date()): string {
  const root = env.RUNNER_TEMP && env.RUNNER_TEMP !== '' ? env.RUNNER_TEMP : os.tmpdir();
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const job = (env.GITHUB_JOB ?? 'local').replace(/[^A-Za-z0-9_.-]/g, '_');
  return path.join(
    root,
    'jetson-build-logs',
    `${job}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${stamp}-${process.pid}`,
  );
}

/** Flags the action sets itself, and the inputs to use instead of passing them in extra-args. */
const RESERVED_FLAGS: Record<string, string> = {
  '--logs': "the 'log-dir' input (the action always passes --logs so it can upload and parse the logs)",
  '--log-dir': "the 'log-dir' input (the action always passes --logs so it can upload and parse the logs)",
  '--multiple': "the 'multiple' input",
  '--skip-errors': "the 'skip-errors' input",
  '--name': "the 'name' input",
  '--base': "the 'base' input",
  '--push': "the 'push' input",
  '--skip-tests': "the 'skip-tests' input",
  '--build-flags': "the 'build-flags' input",
  '--build-args': "the 'build-args' input",
};

function checkExtraArgs(args: string[]): string[] {
  for (const arg of args) {
    const flag = arg.split('=')[0] ?? arg;
    const instead = RESERVED_FLAGS[flag];
    if (instead) throw new InputError('extra-args', arg, `${flag} is set through ${instead}`);
  }
  return args;
}

export function readBuildSettings(getInput: GetInput, env: Env): BuildSettings {
  const packagesRaw = getInput('packages');
  const packages = splitPackages(packagesRaw);
  if (packages.length === 0) {
    throw new InputError(
      'packages',
      packagesRaw,
      'name at least one package, e.g. "pytorch:2.8 torchvision"',
    );
  }
  for (const p of packages) validatePackageName(p);

  const multiple = readBoolean(getInput, 'multiple', false);
  const skipErrors = readBoolean(getInput, 'skip-errors', false);
  if (skipErrors && !multiple) {
    throw new InputError('skip-errors', 'true', 'skip-errors only works together with multiple: true');
  }
  const single = ['name', 'base', 'push', 'skip-tests', 'build-args', 'build-flags'] as const;
  const values = Object.fromEntries(single.map((n) => [n, optional(getInput, n)])) as Record<
    (typeof single)[number],
    string | null
  >;
  for (const n of single) rejectControlChars(n, values[n]);

  const workspace =
    env.GITHUB_WORKSPACE && env.GITHUB_WORKSPACE !== '' ? env.GITHUB_WORKSPACE : process.cwd();
  const wdRaw = optional(getInput, 'working-directory');
  const workingDirectory = wdRaw ? path.resolve(workspace, wdRaw) : workspace;
  try {
    if (!statSync(workingDirectory).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new InputError('working-directory', wdRaw ?? workingDirectory, 'an existing directory');
  }

  const cmdRaw = optional(getInput, 'jetson-containers') ?? 'jetson-containers';
  rejectControlChars('jetson-containers', cmdRaw);
  const { command, takesBuild } = resolveCommand(cmdRaw, workingDirectory);

  const logDirRaw = optional(getInput, 'log-dir');
  const logDir = logDirRaw ? path.resolve(workingDirectory, logDirRaw) : defaultLogDir(env);

  return {
    packages,
    multiple,
    skipErrors,
    name: values.name,
    base: values.base,
    push: values.push,
    skipTests: values['skip-tests'],
    buildArgs: values['build-args'],
    buildFlags: values['build-flags'],
    extraArgs: checkExtraArgs(splitLines(getInput('extra-args'))),
    command,
    commandTakesBuild: takesBuild,
    workingDirectory,
    logDir,
    failOnBuildError: readBoolean(getInput, 'fail-on-build-error', true),
  };
}

export function readLogSettings(getInput: GetInput): LogSettings {
  const timeoutRaw = getInput('upload-timeout').trim();
  const timeoutSeconds = timeoutRaw === '' ? 300 : Number(timeoutRaw);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > 3600) {
    throw new InputError('upload-timeout', timeoutRaw, 'a number of seconds from 1 to 3600 (default 300)');
  }
  return {
    upload: readBoolean(getInput, 'upload-logs', true),
    artifactName: parseArtifactName(getInput('artifact-name')) ?? null,
    retentionDays: parseRetentionDays(getInput('retention-days')),
    uploadTimeoutMs: timeoutSeconds * 1000,
  };
}

export function readSettings(getInput: GetInput, env: Env): Settings {
  return { build: readBuildSettings(getInput, env), logs: readLogSettings(getInput) };
}

/** The argv for the build: flags in `--flag=value` form so values starting with '-' stay values. */
export function buildArgv(s: BuildSettings): { command: string; args: string[]; display: string } {
  const args: string[] = [];
  if (s.commandTakesBuild) args.push('build');
  const flag = (name: string, value: string | null): void => {
    if (value !== null) args.push(`--${name}=${value}`);
  };
  flag('name', s.name);
  flag('base', s.base);
  if (s.multiple) args.push('--multiple');
  if (s.skipErrors) args.push('--skip-errors');
  flag('skip-tests', s.skipTests);
  flag('push', s.push);
  flag('build-flags', s.buildFlags);
  flag('build-args', s.buildArgs);
  args.push(`--logs=${s.logDir}`);
  args.push(...s.extraArgs);
  args.push(...s.packages);
  return { command: s.command, args, display: [s.command, ...args].map(shellQuote).join(' ') };
}

/** Quotes a word for display (never executed). */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The child's environment: the runner's, minus what is ours (inputs carry webhook URLs, the runtime
 * token is for artifact uploads) and minus upstream's own webhook variables (the action notifies, not the
 * tool), plus CI-friendly output settings unless the user set them.
 */
export function childEnv(env: Env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) continue;
    if (k.startsWith('INPUT_') || k.startsWith('STATE_')) continue;
    if (k === 'JC_BUILD_SUCCESS_WEBHOOK_URL' || k === 'JC_BUILD_FAILURE_WEBHOOK_URL' || k === 'WEBHOOK_URL')
      continue;
    if (k === 'ACTIONS_RUNTIME_TOKEN' || k === 'ACTIONS_ID_TOKEN_REQUEST_TOKEN') continue;
    out[k] = v;
  }
  out.ANSI_COLORS_DISABLED ??= '1';
  out.BUILDKIT_PROGRESS ??= 'plain';
  out.PYTHONUNBUFFERED ??= '1';
  return out;
}
