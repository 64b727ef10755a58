// What the bench scripts share to start the action as a runner would: this checkout's paths, the Node 24 that
// ships in node_modules (the runner's node24; the current Node when it is missing), a step's files and
// variables, and the two styles of command-line option the scripts take.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const node24 = path.join(root, 'node_modules', 'node', 'bin', 'node');
export const nodeBin = existsSync(node24) ? node24 : process.execPath;

/** `--name=value`'s value (a string), or `fallback`. */
export const argValue = (name, fallback) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a === undefined ? fallback : a.slice(name.length + 3);
};

/** `--name value`'s value (a string), or `fallback` (`name` with its dashes). */
export const option = (name, fallback) => {
  const args = process.argv.slice(2);
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};

/** Every `--name value`'s value, in order (`name` with its dashes). */
export const options = (name) => {
  const args = process.argv.slice(2);
  return args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]] : []));
};

/**
 * The runner's files and variables for one step, in a fresh folder under `work` (GITHUB_WORKSPACE is that
 * folder). `files` adds command files beside output/state/summary (e.g. 'env' → GITHUB_ENV); `github` adds
 * GITHUB_* variables. The caller spreads its own INPUT_* and other variables after these.
 */
export function stepEnv(work, { prefix = 'run-', files = [], job = 'bench', github = {} } = {}) {
  const dir = mkdtempSync(path.join(work, prefix));
  for (const f of ['output', 'state', 'summary', ...files]) writeFileSync(path.join(dir, f), '');
  mkdirSync(path.join(dir, 'temp'));
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    ...Object.fromEntries(files.map((f) => [`GITHUB_${f.toUpperCase()}`, path.join(dir, f)])),
    GITHUB_REPOSITORY: 'octo-org/jetson-images',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: job,
    ...github,
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: path.join(dir, 'temp'),
  };
}

/**
 * stepEnv for the action's main step: INPUT_PACKAGES `packages`, no log upload, and RSS_OUT where
 * bench/rss-probe.mjs (`node --import`) writes the process's peak RSS and CPU time.
 */
export function mainStepEnv(work, packages) {
  const env = stepEnv(work);
  return {
    ...env,
    RSS_OUT: path.join(env.GITHUB_WORKSPACE, 'rss'),
    INPUT_PACKAGES: packages,
    'INPUT_UPLOAD-LOGS': 'false',
  };
}

/**
 * A grid's leg reports (test/support/grid.ts's scaledGridInput) as download-artifact leaves them under `dir`:
 * one folder per leg with its report.json and jetson-leg.json.
 */
export function writeReportArtifacts(dir, input) {
  input.reports.forEach((r, i) => {
    const leg = input.legs[i];
    const d = path.join(dir, `jetson-report-${leg.leg}-1`);
    mkdirSync(d, { recursive: true });
    writeFileSync(path.join(d, 'report.json'), JSON.stringify(r, null, 2));
    writeFileSync(
      path.join(d, 'jetson-leg.json'),
      JSON.stringify({ ...leg, packages: leg.packages.join(' ') }),
    );
  });
}
