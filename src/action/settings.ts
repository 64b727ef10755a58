// Inputs + env → one typed, validated Settings object (the only place that reads build inputs).
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { splitPackages, validatePackageName } from '../jetson/packages.js';
import { InputError } from '../runner/errors.js';
import { parseBoolean, rejectControlChars, splitLines } from '../runner/inputs.js';
import { parseArtifactName, parseRetentionDays } from '../logs/artifact.js';
import { DEFAULT_SIZE_WARN_PERCENT } from '../report/size-change.js';
import { registerSecret } from '../runner/secrets.js';

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

/**
 * `dry-run` (render every payload, send nothing) or `test-notification` (send a marked sample to every
 * target): either way nothing is built. `reportFile` is `report-file`, resolved against working-directory.
 */
export interface TrialSettings {
  mode: 'dry-run' | 'test-notification';
  reportFile: string | null;
}

/** `compare-size: true`: what the comparison needs. */
export interface CompareSizeSettings {
  /** `size-warn-percent`: growth over this many percent is flagged (and warned about). */
  warnPercent: number;
  /** `github-token`; null when empty (one warning then, nothing compared). */
  token: string | null;
}

export interface Settings {
  build: BuildSettings;
  logs: LogSettings;
  /** Null unless `compare-size` is true. */
  compareSize: CompareSizeSettings | null;
  /** Null for a build. */
  trial: TrialSettings | null;
}

/** Reads a boolean input (see parseBoolean), with an error that names the input. */
export function readBoolean(getInput: GetInput, name: string, fallback: boolean): boolean {
  return parseBoolean(name, getInput(name), fallback);
}

function optional(getInput: GetInput, name: string): string | null {
  const v = getInput(name).trim();
  return v === '' ? null : v;
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
    rejectControlChars('extra-args', arg);
    const flag = arg.split('=')[0] ?? arg;
    const instead = RESERVED_FLAGS[flag];
    if (instead) throw new InputError('extra-args', arg, `${flag} is set through ${instead}`);
  }
  return args;
}

export function readBuildSettings(
  getInput: GetInput,
  env: Env,
  opts: { packagesOptional?: boolean } = {},
): BuildSettings {
  const packagesRaw = getInput('packages');
  const packages = splitPackages(packagesRaw);
  if (packages.length === 0 && opts.packagesOptional !== true) {
    throw new InputError(
      'packages',
      packagesRaw,
      'name at least one package, e.g. "pytorch:2.8 torchvision"',
    );
  }
  for (const p of packages) {
    rejectControlChars('packages', p);
    validatePackageName(p);
  }

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
  rejectControlChars('working-directory', wdRaw);
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
  rejectControlChars('log-dir', logDirRaw);
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
  const artifactName = getInput('artifact-name').trim();
  rejectControlChars('artifact-name', artifactName);
  return {
    upload: readBoolean(getInput, 'upload-logs', true),
    artifactName: parseArtifactName(artifactName) ?? null,
    retentionDays: parseRetentionDays(getInput('retention-days')),
    uploadTimeoutMs: timeoutSeconds * 1000,
  };
}

/**
 * Inputs main and post read themselves (for the report) but that are checked here with the rest, so bad
 * input fails the step before anything runs. `runner-labels` goes into the report and every notification:
 * labels are separated by whitespace and commas, so line breaks and TABs are separators, any other control
 * character is an error. `matrix` is not checked: it is JSON from `toJSON(matrix)`, never printed to the
 * job log, and only ever shown re-serialized (JSON escapes) or slugged (in the artifact name).
 */
function checkReportInputs(getInput: GetInput): void {
  // Read again (and only then used) by the back half; a bad value is found before hours of building.
  readBoolean(getInput, 'pr-comment', false);
  for (const label of getInput('runner-labels').split(/[\s,]+/)) rejectControlChars('runner-labels', label);
  // The platform name is printed in the report, its mismatch warning and every notification.
  rejectControlChars('platform', getInput('platform').trim());
  // Found now, not after hours of building when the leg would write its line in the run message.
  const runMessage = getInput('discord-run-message-id').trim();
  if (runMessage !== '' && !/^\d{1,20}(?::\d{1,20})?$/.test(runMessage)) {
    throw new InputError(
      'discord-run-message-id',
      runMessage,
      "a Discord message id (digits, the plan's discord-message-id output)",
    );
  }
}

/** `size-warn-percent`: a number of percent from 0 to 1000 (decimals allowed); empty is the default, 10. */
export function parseSizeWarnPercent(value: string): number {
  const v = value.trim();
  if (v === '') return DEFAULT_SIZE_WARN_PERCENT;
  const n = Number(v);
  if (!/^\d+(?:\.\d+)?$/.test(v) || !Number.isFinite(n) || n > 1000) {
    throw new InputError(
      'size-warn-percent',
      value,
      `a number of percent from 0 to 1000, e.g. 10 or 2.5 (default ${DEFAULT_SIZE_WARN_PERCENT})`,
    );
  }
  return n;
}

/** `compare-size`, `size-warn-percent` (checked even when compare-size is off) and the token it uses. */
export function readCompareSizeSettings(getInput: GetInput): CompareSizeSettings | null {
  const warnPercent = parseSizeWarnPercent(getInput('size-warn-percent'));
  if (!readBoolean(getInput, 'compare-size', false)) return null;
  const token = getInput('github-token').trim();
  registerSecret(token);
  return { warnPercent, token: token === '' ? null : token };
}

/** `dry-run`, `test-notification` and `report-file`; null for a build. */
export function readTrialSettings(getInput: GetInput): TrialSettings | null {
  const dryRun = readBoolean(getInput, 'dry-run', false);
  const test = readBoolean(getInput, 'test-notification', false);
  if (dryRun && test) {
    // Each promises something the other breaks: a dry run sends nothing, a test sends to every target.
    throw new InputError(
      'test-notification',
      'true',
      'dry-run and test-notification cannot both be true (dry-run renders and sends nothing; test-notification sends a sample)',
    );
  }
  const reportFile = optional(getInput, 'report-file');
  rejectControlChars('report-file', reportFile);
  if (reportFile !== null && !dryRun) {
    throw new InputError('report-file', reportFile, 'report-file is only read with dry-run: true');
  }
  if (!dryRun && !test) return null;
  return { mode: dryRun ? 'dry-run' : 'test-notification', reportFile };
}

export function readSettings(getInput: GetInput, env: Env): Settings {
  const trial = readTrialSettings(getInput);
  // Nothing is built in a trial: without packages the sample report names a default list.
  const build = readBuildSettings(getInput, env, { packagesOptional: trial !== null });
  if (trial?.reportFile) trial.reportFile = path.resolve(build.workingDirectory, trial.reportFile);
  const settings = {
    build,
    logs: readLogSettings(getInput),
    compareSize: readCompareSizeSettings(getInput),
    trial,
  };
  checkReportInputs(getInput);
  return settings;
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
 * The runner's file commands. The build gets none of them: with GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH,
 * GITHUB_STEP_SUMMARY and GITHUB_STATE it could set the step's outputs, NODE_OPTIONS or PATH for every later
 * step, write the summary, or hand post a process group to kill.
 */
const FILE_COMMANDS = new Set([
  'GITHUB_OUTPUT',
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
]);

/** Set in the build's environment to a per-build random id; post checks it before stopping leftovers. */
export const BUILD_ID_ENV = 'JETSON_BUILD_ACTION_ID';

/**
 * The child's environment: the runner's, minus what is ours (inputs carry webhook URLs, the runtime
 * token is for artifact uploads, the file commands are the step's), minus upstream's own webhook variables
 * (the action notifies, not the tool), plus CI-friendly output settings unless the user set them, plus
 * `buildId` under BUILD_ID_ENV: every process of the build inherits it, which is how post tells the build's
 * processes from anyone else's.
 */
export function childEnv(env: Env, buildId: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) continue;
    if (k.startsWith('INPUT_') || k.startsWith('STATE_')) continue;
    if (k === 'JC_BUILD_SUCCESS_WEBHOOK_URL' || k === 'JC_BUILD_FAILURE_WEBHOOK_URL' || k === 'WEBHOOK_URL')
      continue;
    if (k === 'ACTIONS_RUNTIME_TOKEN' || k === 'ACTIONS_ID_TOKEN_REQUEST_TOKEN') continue;
    if (FILE_COMMANDS.has(k)) continue;
    out[k] = v;
  }
  out.ANSI_COLORS_DISABLED ??= '1';
  out.BUILDKIT_PROGRESS ??= 'plain';
  out.PYTHONUNBUFFERED ??= '1';
  out[BUILD_ID_ENV] = buildId;
  return out;
}
