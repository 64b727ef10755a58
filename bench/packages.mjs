// `node bench/packages.mjs`: time and memory of parsing + deciding a `--multiple` console of 5 000 and 10 000
// packages, against a baseline of only reading and splitting the same console text into lines.
// Each figure comes from a fresh child process (peak RSS is per process). The parser and decideOutcome are the
// TypeScript sources, loaded with Node's type stripping (Node >= 22.18; the runner's node24 has it).
//   node bench/packages.mjs [--rounds=N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeBin, root } from './step-env.mjs';
import { resolveTsSources } from './ts-hooks.mjs';

const here = fileURLToPath(import.meta.url);
const TAG = 'r36.4.tegra-aarch64-cu126-22.04';
const CCACHE =
  'if command -v ccache >/dev/null 2>&1; then export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache ' +
  'CMAKE_CUDA_COMPILER_LAUNCHER=ccache; ccache --set-config=max_size="${CCACHE_MAXSIZE:-20G}" || true; fi; ';

/** The same shape as test/jetson/scale.test.ts: one short chain per package, `failEvery` packages fail. */
function consoleText(n, failEvery) {
  const pkgs = Array.from({ length: n }, (_, i) => `pkg${i + 1}`);
  const out = [
    '',
    `Namespace(packages=[${pkgs.map((p) => `'${p}'`).join(', ')}], name='', multiple=True, skip_errors=True, log_dir='/l')`,
    `$ jetson-containers --multiple --skip-errors ${pkgs.join(' ')}`,
  ];
  const summary = [];
  pkgs.forEach((p, i) => {
    const img = `${p}:${TAG}`;
    out.push(`[09:30:47] BUILDING ['build-essential', '${p}']`);
    out.push(
      `[09:30:47] [#########---------] 1/2 Building build-essential (${img}-build-essential) 0 stages completed in 00m00s at 09:30:47`,
    );
    for (let k = 0; k < 20; k++) out.push(`#8 0.${k} some docker output of ${p} line ${k}`);
    out.push(
      `[09:30:47] [##################] 2/2 Building ${p} (${img}-${p}) 1 stages completed in 00m00s at 09:30:47`,
    );
    out.push(`#6 [3/3] RUN ${CCACHE}bash /tmp/${p}/install.sh`);
    for (let k = 0; k < 20; k++) out.push(`#6 0.${k} installing ${p} step ${k}`);
    if (failEvery > 0 && i % failEvery === failEvery - 1) {
      const proc = `process "/bin/sh -c ${CCACHE}bash /tmp/${p}/install.sh" did not complete successfully: exit code: 100`;
      const cmd = `docker buildx build --tag ${img}-${p} . 2>&1 | tee /l/build/02o2_${p}.txt; exit \${PIPESTATUS[0]}`;
      out.push(`#6 1.024 E: Unable to locate package lib${p}-dev`, `#6 ERROR: ${proc}`, '------');
      out.push(`ERROR: failed to solve: ${proc}`);
      out.push('[09:30:48] warn 💣 `jetson-containers build` failed after 0.5 seconds (0.0 minutes)');
      out.push(`[09:30:48] warn Error: Command '${cmd}' returned non-zero exit status 1.`);
      summary.push(
        `[09:30:49] error    * ${p} () FAILED  (Command '${cmd}' returned non-zero exit status 1.)`,
      );
      return;
    }
    out.push(`[09:30:48] done ✅ \`jetson-containers build ${p}\` (${img})`);
    out.push('[09:30:48] done ⏱️  Total build time: 0.3 seconds (0.0 minutes)');
    summary.push(`[09:30:49] done    * ${p} (${img}) SUCCESS`);
  });
  out.push('[09:30:49] Build logs at:  /l/build', ...summary);
  return { text: out.join('\n') + '\n', requested: pkgs };
}

/** Child: read the console in 256 KiB chunks like the action, then split (baseline) or parse + decide. */
async function child(mode, file, requestedFile) {
  let t0 = performance.now();
  let loadMs = 0;
  const bytes = readFileSync(file);
  const readMs = performance.now() - t0;
  let summary;
  if (mode === 'baseline') {
    let lines = 0;
    for (let pos = 0; pos < bytes.length; pos += 256 * 1024) {
      lines += bytes
        .subarray(pos, pos + 256 * 1024)
        .toString('utf8')
        .split('\n').length;
    }
    summary = { lines };
  } else {
    resolveTsSources();
    const { BuildStreamParser } = await import(
      pathToFileURL(path.join(root, 'src/jetson/parse/index.ts')).href
    );
    const { decideOutcome } = await import(pathToFileURL(path.join(root, 'src/jetson/outcome.ts')).href);
    const requested = JSON.parse(readFileSync(requestedFile, 'utf8'));
    // Loading (and type-stripping) the modules is start-up, not parsing: the clock restarts here.
    loadMs = performance.now() - t0;
    t0 = performance.now() - readMs;
    const parser = new BuildStreamParser({ requested });
    for (let pos = 0; pos < bytes.length; pos += 256 * 1024)
      parser.write(bytes.subarray(pos, pos + 256 * 1024));
    parser.end();
    const parse = parser.result();
    const out = decideOutcome({
      parse,
      requested,
      exitCode: 0,
      signal: null,
      cancelled: false,
      startError: null,
      multiple: true,
      skipErrors: true,
    });
    summary = {
      status: out.status,
      success: out.packages.filter((p) => p.status === 'success').length,
      failed: out.failedPackages.length,
    };
    globalThis.keep = { parse, out };
  }
  const ms = performance.now() - t0;
  globalThis.gc?.();
  const heapUsed = process.memoryUsage().heapUsed;
  const u = process.resourceUsage();
  console.log(JSON.stringify({ ms, loadMs, maxRSSKiB: u.maxRSS, heapUsed, summary }));
}

function runChild(mode, file, requestedFile) {
  const r = spawnSync(nodeBin, ['--expose-gc', here, '--child', mode, file, requestedFile], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${mode} child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

async function main() {
  const rounds = Number((process.argv.find((a) => a.startsWith('--rounds=')) ?? '--rounds=3').slice(9));
  const work = mkdtempSync(path.join(os.tmpdir(), 'jba-bench-packages-'));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const mib = (b) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
  try {
    console.log(
      `node ${spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim()}, median of ${rounds}`,
    );
    for (const [n, failEvery] of [
      [5000, 0],
      [5000, 50],
      [10000, 0],
      [10000, 50],
    ]) {
      const { text, requested } = consoleText(n, failEvery);
      const file = path.join(work, `console-${n}-${failEvery}.log`);
      const reqFile = path.join(work, `requested-${n}.json`);
      writeFileSync(file, text);
      writeFileSync(reqFile, JSON.stringify(requested));
      const base = [];
      const full = [];
      for (let i = 0; i < rounds; i++) {
        base.push(runChild('baseline', file, reqFile));
        full.push(runChild('parse', file, reqFile));
      }
      const bMs = median(base.map((r) => r.ms));
      const pMs = median(full.map((r) => r.ms));
      const bRss = median(base.map((r) => r.maxRSSKiB)) * 1024;
      const pRss = median(full.map((r) => r.maxRSSKiB)) * 1024;
      const pHeap = median(full.map((r) => r.heapUsed));
      const load = median(full.map((r) => r.loadMs));
      const s = full[0].summary;
      const label = `${n} packages${failEvery ? `, 1 in ${failEvery} failing` : ''} (${mib(text.length)})`;
      console.log(
        `${label.padEnd(42)} split ${bMs.toFixed(0)} ms / parse+decide ${pMs.toFixed(0)} ms (×${(pMs / bMs).toFixed(1)}); ` +
          `peak RSS ${mib(bRss)} / ${mib(pRss)} (×${(pRss / bRss).toFixed(2)}); heap kept ${mib(pHeap)}; ` +
          `${s.status}: ${s.success} success, ${s.failed} failed (module load ${load.toFixed(0)} ms, not counted)`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4], process.argv[5]);
else await main();
