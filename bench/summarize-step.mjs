// `node bench/summarize-step.mjs`: the whole summarize step (dist/summarize.js: start, find, read and check
// every leg report, build the run report, write it, the job summary and the outputs; no target) on a
// packages × platforms grid, against the I/O floor: a Node process that only finds, reads and JSON-parses the
// same report.json and jetson-leg.json files (16 reads at a time, as summarize does). Interleaved rounds,
// medians, wall and CPU, with the machine's load.
//   node bench/summarize-step.mjs [--packages=1000] [--platforms=2] [--rounds=11]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');
const node24 = path.join(root, 'node_modules', 'node', 'bin', 'node');
const arg = (name, fallback) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : fallback;
};

if (!process.argv.includes('--child')) {
  // Re-run under node24 (type stripping, for test/support/grid.ts) when the current Node cannot load .ts.
  const bin = existsSync(node24) ? node24 : process.execPath;
  const r = spawnSync(bin, [here, '--child', ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const { registerHooks } = await import('node:module');
registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (err) {
      if (specifier.startsWith('.') && specifier.endsWith('.js'))
        return next(specifier.slice(0, -3) + '.ts', context);
      throw err;
    }
  },
});
const { interleave, median, ratioLine, stop, run } = await import('./measure.mjs');
const { scaledGridInput } = await import(pathToFileURL(path.join(root, 'test/support/grid.ts')).href);

const packages = arg('packages', 1000);
const platforms = arg('platforms', 2);
const rounds = arg('rounds', 11);
const input = scaledGridInput({ packages, platforms, failEvery: 7 });
const work = mkdtempSync(path.join(os.tmpdir(), 'jba-summarize-step-'));
const reportsDir = path.join(work, 'reports');
// The artifacts as download-artifact leaves them: one folder per leg.
input.reports.forEach((r, i) => {
  const leg = input.legs[i];
  const d = path.join(reportsDir, `jetson-report-${leg.leg}-1`);
  mkdirSync(d, { recursive: true });
  writeFileSync(path.join(d, 'report.json'), JSON.stringify(r, null, 2));
  writeFileSync(
    path.join(d, 'jetson-leg.json'),
    JSON.stringify({ ...leg, packages: leg.packages.join(' ') }),
  );
});

// The floor: find every file, read and parse it, 16 at a time.
const floor = path.join(work, 'floor.mjs');
writeFileSync(
  floor,
  `import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
const dir = process.argv[2];
const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && (e.name === 'report.json' || e.name === 'jetson-leg.json'))
  .map((e) => path.join(e.parentPath, e.name));
let next = 0;
let parsed = 0;
await Promise.all(Array.from({ length: 16 }, async () => {
  while (next < files.length) {
    const f = files[next++];
    if (JSON.parse(await readFile(f, 'utf8'))) parsed++;
  }
}));
if (parsed !== files.length) process.exit(1);
`,
);

function stepEnv() {
  const dir = mkdtempSync(path.join(work, 'step-'));
  for (const f of ['output', 'state', 'summary']) writeFileSync(path.join(dir, f), '');
  mkdirSync(path.join(dir, 'temp'));
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_REPOSITORY: 'octo-org/jetson-images',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'summarize',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: path.join(dir, 'temp'),
    INPUT_REPORTS: reportsDir,
    INPUT_PACKAGES: JSON.stringify(input.planned),
    INPUT_PLATFORMS: JSON.stringify(input.platforms),
    'INPUT_FAIL-ON-BUILD-ERROR': 'false',
    INPUT_NEEDS: '{}',
  };
}

const bin = existsSync(node24) ? node24 : process.execPath;
const summarize = path.join(root, 'dist', 'summarize.js');
// --profile=<dir>: one run of the step under --cpu-prof into <dir> (for a look at where its time goes).
const profile = process.argv.find((x) => x.startsWith('--profile='))?.slice('--profile='.length);
if (profile) {
  const entry = path.resolve(
    process.argv.find((x) => x.startsWith('--entry='))?.slice(8) ?? 'dist/summarize.js',
  );
  for (let i = 0; i < 5; i++)
    spawnSync(bin, ['--cpu-prof', '--cpu-prof-dir', profile, entry], { env: stepEnv(), stdio: 'ignore' });
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}
const subjects = {
  'read + parse (floor)': () => run([bin, floor, reportsDir], stepEnv()),
  'dist/summarize.js': () => run([bin, summarize], stepEnv(), path.join(work, 'stderr')),
};
try {
  console.log(
    `summarize: ${input.reports.length} leg reports (${packages} packages × ${platforms} platforms), ` +
      `${rounds} interleaved rounds, medians; load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  await interleave(subjects, 1);
  const samples = await interleave(subjects, rounds);
  const failed = samples['dist/summarize.js'].filter((s) => s.code !== 0).length;
  if (failed > 0) console.log(`summarize: WARNING ${failed} run(s) of dist/summarize.js exited non-zero`);
  console.log(
    `summarize: ${ratioLine('dist/summarize.js vs the floor', samples['dist/summarize.js'], samples['read + parse (floor)'])}`,
  );
  console.log(
    `summarize: floor ${median(samples['read + parse (floor)'].map((s) => s.wallMs)).toFixed(1)} ms wall; ` +
      `load after ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
} finally {
  stop();
  rmSync(work, { recursive: true, force: true });
}
