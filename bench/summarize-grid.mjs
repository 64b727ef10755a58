// `node bench/summarize-grid.mjs`: the summarize step's work on a large packages × platforms grid (one report
// and one leg record per cell, every seventh cell failing with a 40-line excerpt), against a baseline of only
// reading and parsing the same report.json / jetson-leg.json files. Also the leg look-up the RunReport used
// before issue 14 (a scan of every leg record per report), timed alone on the same data.
// The TypeScript sources are loaded with Node's type stripping (Node >= 22.18; the runner's node24 has it).
//   node bench/summarize-grid.mjs [--packages=1000] [--platforms=2] [--rounds=5]
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');
const node24 = path.join(root, 'node_modules', 'node', 'bin', 'node');
const arg = (name, fallback) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : fallback;
};

if (!process.argv.includes('--child')) {
  // Re-run under node24 (type stripping) when the current Node cannot load .ts.
  const bin = existsSync(node24) ? node24 : process.execPath;
  const r = spawnSync(bin, [here, '--child', ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const { registerHooks } = await import('node:module');
// The sources import each other as `./x.js`; point those at the `.ts` files.
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
const { scaledGridInput } = await import(pathToFileURL(path.join(root, 'test/support/grid.ts')).href);
const { buildRunReport, checkBuildReport, parseLegRecord } = await import(
  pathToFileURL(path.join(root, 'src/report/run-report.ts')).href
);

const packages = arg('packages', 1000);
const platforms = arg('platforms', 2);
const rounds = arg('rounds', 5);
const input = scaledGridInput({ packages, platforms, failEvery: 7 });

// The artifacts as download-artifact leaves them: one folder per leg.
const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-grid-bench-'));
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

function readAll() {
  const reports = [];
  const legs = [];
  for (const d of readdirSync(dir)) {
    const checked = checkBuildReport(JSON.parse(readFileSync(path.join(dir, d, 'report.json'), 'utf8')));
    if (checked.ok) reports.push(checked.report);
    const leg = parseLegRecord(JSON.parse(readFileSync(path.join(dir, d, 'jetson-leg.json'), 'utf8')));
    if (leg) legs.push(leg);
  }
  return { reports, legs };
}

/** The look-up before issue 14: every leg record scanned for every report. */
function scanLookups(reports, legs) {
  let found = 0;
  for (const report of reports) {
    const packages = report.requestedPackages;
    let best = null;
    for (const leg of legs) {
      if (!packages.some((p) => leg.packages.includes(p))) continue;
      if (!best || Number(leg.runAttempt ?? 0) >= Number(best.runAttempt ?? 0)) best = leg;
    }
    if (best) found += 1;
  }
  return found;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = { read: [], build: [], scan: [] };
let out = null;
for (let i = 0; i < rounds; i++) {
  let t = performance.now();
  const { reports, legs } = readAll();
  times.read.push(performance.now() - t);
  t = performance.now();
  out = buildRunReport({ ...input, reports, legs });
  times.build.push(performance.now() - t);
  t = performance.now();
  scanLookups(reports, legs);
  times.scan.push(performance.now() - t);
}
rmSync(dir, { recursive: true, force: true });
const ms = (x) => `${median(x).toFixed(1)} ms`;
console.log(
  `${packages} packages × ${platforms} platforms = ${input.reports.length} reports (node ${process.version}, median of ${rounds})`,
);
console.log(`  read + parse the files:           ${ms(times.read)}`);
console.log(
  `  buildRunReport:                   ${ms(times.build)}  (${out.totals.cells} cells, ${out.totals.failure} failed)`,
);
console.log(`  the old per-report scan of legs:  ${ms(times.scan)}  (look-up only, for comparison)`);
