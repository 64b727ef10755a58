// `node bench/summarize-step.mjs`: the whole summarize step (dist/summarize.js: start, find, read and check
// every leg report, build the run report, write it, the job summary and the outputs; no target) on a
// packages × platforms grid, against the I/O floor: a Node process that only finds, reads and JSON-parses the
// same report.json and jetson-leg.json files (16 reads at a time, as summarize does). Interleaved rounds,
// medians, wall and CPU, with the machine's load.
//   node bench/summarize-step.mjs [--packages=1000] [--platforms=2] [--rounds=11]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { argValue, nodeBin, root, stepEnv, writeReportArtifacts } from './step-env.mjs';
import { resolveTsSources, underNode24 } from './ts-hooks.mjs';

const arg = (name, fallback) => Number(argValue(name, String(fallback)));

// Re-run under node24 (type stripping, for test/support/grid.ts) when the current Node cannot load .ts.
underNode24(import.meta.url);
resolveTsSources();
const { interleave, loadavg, median, ratioLine, stop, run } = await import('./measure.mjs');
const { scaledGridInput } = await import(pathToFileURL(path.join(root, 'test/support/grid.ts')).href);

const packages = arg('packages', 1000);
const platforms = arg('platforms', 2);
const rounds = arg('rounds', 11);
const input = scaledGridInput({ packages, platforms, failEvery: 7 });
const work = mkdtempSync(path.join(os.tmpdir(), 'jba-summarize-step-'));
const reportsDir = path.join(work, 'reports');
writeReportArtifacts(reportsDir, input);

// The floor the issue names: find every file, read and parse it, 16 at a time (asynchronous reads).
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

// A stricter floor: the same files read one after the other with synchronous reads (no thread-pool round trip
// per file), as summarize itself reads them since it has nothing else to do meanwhile.
const syncFloor = path.join(work, 'floor-sync.mjs');
writeFileSync(
  syncFloor,
  `import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
const dir = process.argv[2];
const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && (e.name === 'report.json' || e.name === 'jetson-leg.json'))
  .map((e) => path.join(e.parentPath, e.name));
let parsed = 0;
for (const f of files) if (JSON.parse(readFileSync(f, 'utf8'))) parsed++;
if (parsed !== files.length) process.exit(1);
`,
);

function summarizeEnv() {
  return {
    ...stepEnv(work, {
      prefix: 'step-',
      job: 'summarize',
      github: { GITHUB_SERVER_URL: 'https://github.com' },
    }),
    INPUT_REPORTS: reportsDir,
    INPUT_PACKAGES: JSON.stringify(input.planned),
    INPUT_PLATFORMS: JSON.stringify(input.platforms),
    'INPUT_FAIL-ON-BUILD-ERROR': 'false',
    INPUT_NEEDS: '{}',
  };
}

const summarize = path.join(root, 'dist', 'summarize.js');
// --profile=<dir>: one run of the step under --cpu-prof into <dir> (for a look at where its time goes).
const profile = argValue('profile', undefined);
if (profile) {
  const entry = path.resolve(argValue('entry', 'dist/summarize.js'));
  for (let i = 0; i < 5; i++)
    spawnSync(nodeBin, ['--cpu-prof', '--cpu-prof-dir', profile, entry], {
      env: summarizeEnv(),
      stdio: 'ignore',
    });
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}
const subjects = {
  'read + parse (floor)': () => run([nodeBin, floor, reportsDir], summarizeEnv()),
  'read + parse, synchronous': () => run([nodeBin, syncFloor, reportsDir], summarizeEnv()),
  'dist/summarize.js': () => run([nodeBin, summarize], summarizeEnv(), path.join(work, 'stderr')),
};
try {
  console.log(
    `summarize: ${input.reports.length} leg reports (${packages} packages × ${platforms} platforms), ` +
      `${rounds} interleaved rounds, medians; load ${loadavg()}`,
  );
  await interleave(subjects, 1);
  const samples = await interleave(subjects, rounds);
  const failed = samples['dist/summarize.js'].filter((s) => s.code !== 0).length;
  if (failed > 0) console.log(`summarize: WARNING ${failed} run(s) of dist/summarize.js exited non-zero`);
  console.log(
    `summarize: ${ratioLine('dist/summarize.js vs the floor', samples['dist/summarize.js'], samples['read + parse (floor)'])}`,
  );
  console.log(
    `summarize: ${ratioLine('dist/summarize.js vs synchronous reads', samples['dist/summarize.js'], samples['read + parse, synchronous'])}`,
  );
  console.log(
    `summarize: floor ${median(samples['read + parse (floor)'].map((s) => s.wallMs)).toFixed(1)} ms wall; ` +
      `load after ${loadavg()}`,
  );
} finally {
  stop();
  rmSync(work, { recursive: true, force: true });
}
