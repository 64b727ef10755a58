// `node bench/stream.mjs`: a build's output streamed through the bundled action (dist/: console.log, the job
// log, the parser) against the same bytes through `cat | tee <file> > /dev/null`, per line shape of
// bench/corpus.mjs. The build command is `cat <corpus>`, so both sides start from the same page-cached file.
// Rounds interleave the two; the ratio is the median of per-round ratios, with their spread. Wall time on a
// shared machine is mostly the kernel's writeback of the file both sides write, so CPU time (the action's plus
// its build's, against cat's plus tee's) is printed beside it.
//   --only=shape:MiB,...   default buildkit:1024,cmake:1024,tool:256
//   --rounds=N             default 7
//   --quick                buildkit:128,cmake:128,tool:64, 3 rounds
//   --action=FILE          the action's entry (default dist/index.js)
//   --baseline=FILE        another build of the action (e.g. an older checkout's dist/index.js), run in the same
//                          rounds: its ratio to tee is printed beside this one's
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusBlocks } from './corpus.mjs';
import { argValue as arg, mainStepEnv, nodeBin, root } from './step-env.mjs';

const probe = path.join(root, 'bench', 'rss-probe.mjs');
const quick = process.argv.includes('--quick');
const rounds = Number(arg('rounds', quick ? '3' : '7'));
const plan = arg('only', quick ? 'buildkit:128,cmake:128,tool:64' : 'buildkit:1024,cmake:1024,tool:256')
  .split(',')
  .map((s) => {
    const [shape, mib] = s.split(':');
    return { shape, mib: Number(mib ?? 256) };
  });
const actionEntry = path.resolve(arg('action', path.join(root, 'dist', 'index.js')));
const baselineEntry = arg('baseline', null);
for (const entry of [actionEntry, baselineEntry]) {
  if (entry !== null && !existsSync(entry)) throw new Error(`${entry} is missing (dist/: run npm run build)`);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'jba-bench-stream-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function writeCorpus(shape, mib) {
  const file = path.join(work, `${shape}-${mib}.log`);
  const out = createWriteStream(file);
  for (const block of corpusBlocks(shape, mib * 1024 * 1024)) {
    if (!out.write(block)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
  return file;
}

function runnerEnv(corpusFile, build) {
  const env = mainStepEnv(work, 'pytorch:2.5');
  return {
    ...env,
    'INPUT_JETSON-CONTAINERS': build,
    JBA_BENCH_CORPUS: corpusFile,
    JBA_BENCH_TIMES: path.join(env.GITHUB_WORKSPACE, 'times'),
  };
}

function timed(cmd, args, env) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      let cpuMs = null;
      if (env.RSS_OUT && existsSync(env.RSS_OUT))
        cpuMs = JSON.parse(readFileSync(env.RSS_OUT, 'utf8')).cpuMicros / 1000;
      resolve({ ms, code, cpuMs });
    });
  });
}

const build = path.join(work, 'cat-build');
// `times` (the shell's children: cat) goes to a file, not into the build output.
writeFileSync(
  build,
  '#!/bin/sh\ncat "$JBA_BENCH_CORPUS"\nstatus=$?\ntimes > "$JBA_BENCH_TIMES"\nexit $status\n',
);

/** CPU seconds of the children in `times` output (its second line: `0m0.010s 0m0.120s`). */
function childCpu(file) {
  const line = readFileSync(file, 'utf8').trim().split('\n')[1] ?? '';
  return line
    .split(/\s+/)
    .map((t) => /^(\d+)m([\d.]+)s$/.exec(t))
    .reduce((sum, m) => sum + (m ? Number(m[1]) * 60 + Number(m[2]) : 0), 0);
}
chmodSync(build, 0o755);

console.log(
  `streaming vs cat | tee — node ${spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim()}, ` +
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${rounds} interleaved rounds, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
);
try {
  for (const { shape, mib } of plan) {
    const file = await writeCorpus(shape, mib);
    const teeOut = path.join(work, 'tee.out');
    const sides = [
      ['tee', null],
      ['action', actionEntry],
    ];
    if (baselineEntry) sides.push(['baseline', path.resolve(baselineEntry)]);
    const ms = Object.fromEntries(sides.map(([name]) => [name, []]));
    const cpu = Object.fromEntries(sides.map(([name]) => [name, []]));
    // Warm the page cache for every side.
    await timed('sh', ['-c', `cat "${file}" > /dev/null`], process.env);
    for (let i = 0; i < rounds; i++) {
      // Rotate which goes first, so page-cache and writeback noise hit all alike.
      const order = sides.map((_, k) => sides[(k + i) % sides.length]);
      for (const [name, entry] of order) {
        if (entry === null) {
          const times = path.join(work, 'tee.times');
          const t = await timed(
            'sh',
            ['-c', `cat "${file}" | tee "${teeOut}" > /dev/null; times > "${times}"`],
            process.env,
          );
          ms.tee.push(t.ms);
          cpu.tee.push(childCpu(times) * 1000);
          rmSync(teeOut, { force: true });
          continue;
        }
        const env = runnerEnv(file, build);
        const a = await timed(nodeBin, ['--import', probe, entry], env);
        if (a.code !== 0 && i === 0) console.log(`  (${name}: the action exited ${a.code})`);
        ms[name].push(a.ms);
        // The action's own CPU plus its build's (cat): what `cat | tee` spends is compared with the same.
        cpu[name].push(a.cpuMs + childCpu(env.JBA_BENCH_TIMES) * 1000);
        rmSync(path.dirname(env.GITHUB_OUTPUT), { recursive: true, force: true });
      }
    }
    const cells = sides
      .filter(([name]) => name !== 'tee')
      .map(([name]) => {
        const ratios = ms[name].map((a, k) => a / ms.tee[k]);
        const cpuRatios = cpu[name].map((a, k) => a / cpu.tee[k]);
        return (
          `${name} ${(median(ms[name]) / 1000).toFixed(3)} s (CPU with cat ${(median(cpu[name]) / 1000).toFixed(3)} s, ` +
          `×${median(cpuRatios).toFixed(2)} of tee's): ` +
          `×${median(ratios).toFixed(2)} (${[...ratios]
            .sort((x, y) => x - y)
            .map((r) => r.toFixed(2))
            .join(' ')})`
        );
      });
    console.log(
      `${`${shape} ${mib} MiB`.padEnd(16)} tee ${(median(ms.tee) / 1000).toFixed(3)} s (CPU ${(median(cpu.tee) / 1000).toFixed(3)} s); ` +
        `${cells.join('; ')}; load ${os.loadavg()[0].toFixed(2)}`,
    );
    rmSync(file, { force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
