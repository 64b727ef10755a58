// `node bench/parser.mjs`: the stream parser alone, in MB/s, over one corpus per line shape (bench/corpus.mjs),
// fed in the action's largest read size (1 MiB). The parser is the TypeScript source, loaded with Node's type
// stripping (Node >= 22.18; the runner's node24 has it), so no build is needed.
//   --mib=N           corpus size (default 64)
//   --rounds=N        rounds; each round parses every corpus once per parser, interleaved (default 9)
//   --chunk=BYTES     write size (default 1048576)
//   --only=a,b        shapes (default: all of bench/corpus.mjs)
//   --baseline=DIR    also time the parser of another checkout (DIR/src/jetson/parse/index.ts), side by side,
//                     and check that both give the same result for every corpus
// Prints per shape: median MB/s (min–max over rounds) for each parser, and the ratio. MB/s are per second of
// CPU time of this process (user + system): on a shared machine wall time measures the neighbours as much as
// the parser. Wall-time MB/s follow in brackets.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpus, SHAPES } from './corpus.mjs';
import { argValue as arg, root } from './step-env.mjs';
import { resolveTsSources } from './ts-hooks.mjs';

const mib = Number(arg('mib', '64'));
const rounds = Number(arg('rounds', '9'));
const chunk = Number(arg('chunk', String(1 << 20)));
const shapes = arg('only', SHAPES.join(',')).split(',');
const baselineDir = arg('baseline', null);

resolveTsSources();

async function load(dir) {
  const file = path.join(dir, 'src/jetson/parse/index.ts');
  if (!existsSync(file)) throw new Error(`--baseline: no parser at ${file}`);
  return (await import(pathToFileURL(file).href)).BuildStreamParser;
}

const parsers = [['now', await load(root)]];
if (baselineDir) parsers.unshift(['baseline', await load(path.resolve(baselineDir))]);

const fixedNow = () => new Date(0);
function run(Parser, bytes) {
  const p = new Parser({ now: fixedNow });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let pos = 0; pos < bytes.length; pos += chunk) p.write(bytes.subarray(pos, pos + chunk));
  p.end();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, result: p.result() };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load1 = () => os.loadavg()[0].toFixed(2);

console.log(
  `parser alone — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${mib} MiB per corpus, ` +
    `${chunk} B writes, ${rounds} interleaved rounds, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
);
const rows = [];
for (const shape of shapes) {
  const bytes = corpus(shape, mib * 1024 * 1024);
  const samples = Object.fromEntries(parsers.map(([name]) => [name, []]));
  const wall = Object.fromEntries(parsers.map(([name]) => [name, []]));
  // One warm-up each, which is also where the results are compared.
  const results = parsers.map(([, P]) => JSON.stringify(run(P, bytes).result));
  const same = results.every((r) => r === results[0]);
  for (let i = 0; i < rounds; i++) {
    // Alternate which parser goes first, so neither always inherits the other's garbage.
    const order = i % 2 === 0 ? parsers : [...parsers].reverse();
    for (const [name, P] of order) {
      const r = run(P, bytes);
      samples[name].push(bytes.length / 1e6 / (r.cpuMs / 1000));
      wall[name].push(bytes.length / 1e6 / (r.ms / 1000));
    }
  }
  const cells = parsers.map(([name]) => {
    const xs = samples[name];
    return `${name} ${median(xs).toFixed(0)} MB/s (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}) [wall ${median(wall[name]).toFixed(0)}]`;
  });
  const ratio = baselineDir ? `  ×${(median(samples.now) / median(samples.baseline)).toFixed(2)}` : '';
  const check = baselineDir ? (same ? '  same result' : '  RESULTS DIFFER') : '';
  const line = `${shape.padEnd(9)} ${(bytes.length / 1048576).toFixed(0).padStart(4)} MiB  ${cells.join('  ')}${ratio}${check}  (load ${load1()})`;
  console.log(line);
  rows.push({ shape, same });
}
if (rows.some((r) => !r.same)) process.exitCode = 1;
