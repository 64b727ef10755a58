// `node bench/summarize-grid.mjs`: the summarize step's work on a large packages × platforms grid (one report
// and one leg record per cell, every seventh cell failing with a 40-line excerpt), against a baseline of only
// reading and parsing the same report.json / jetson-leg.json files. Also the leg look-up the RunReport used
// before issue 14 (a scan of every leg record per report), timed alone on the same data.
// The TypeScript sources are loaded with Node's type stripping (Node >= 22.18; the runner's node24 has it).
//   node bench/summarize-grid.mjs [--packages=1000] [--platforms=2] [--rounds=5]
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { argValue, root, writeReportArtifacts } from './step-env.mjs';
import { resolveTsSources, underNode24 } from './ts-hooks.mjs';

const arg = (name, fallback) => Number(argValue(name, String(fallback)));

// Re-run under node24 (type stripping) when the current Node cannot load .ts.
underNode24(import.meta.url);
resolveTsSources();
const { scaledGridInput } = await import(pathToFileURL(path.join(root, 'test/support/grid.ts')).href);
const { buildRunReport, checkBuildReport, parseLegRecord } = await import(
  pathToFileURL(path.join(root, 'src/report/run-report.ts')).href
);

const packages = arg('packages', 1000);
const platforms = arg('platforms', 2);
const rounds = arg('rounds', 5);
const input = scaledGridInput({ packages, platforms, failEvery: 7 });

const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-grid-bench-'));
writeReportArtifacts(dir, input);

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
