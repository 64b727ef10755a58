// `npm run bench`: measures the bundled action (dist/) on this machine and prints one line per figure.
//   startup        bench/startup.mjs: main + post with no target, post alone with nothing to do, and a hello
//                  action built with the same toolkit and ncc, vs `node -e ""` (interleaved rounds; wall and CPU)
//   size           bench/startup.mjs: the repository tarball the runner downloads (git archive HEAD | gzip -9),
//                  the same with the working tree's dist/, unpack times (and each --peer's)
//   peers          bench/peers.mjs: one Discord message, whole step, vs each --peer <path> (a peer action's
//                  checkout kept outside this repository, e.g. tsickert/discord-webhook) on the same receiver
//   streaming      1 GiB of build output through the action vs through `tee` (ratio), and peak RSS of the
//                  action with 100 MiB vs 1 GiB of output
//   notify         time from build end to the last delivery for 1 and 5 loopback targets, and a 429 once
//   upload         bench/upload.mjs: a 200 MiB log folder through @actions/artifact to a loopback double
//   packages       bench/packages.mjs: parse + status rules for 5 000 / 10 000 packages vs splitting the text
//   scrub          bench/scrub.mjs: scrubbing a 1 MiB attachment vs copying it
//   live           bench/live.mjs: 1 GiB of build output with discord-live on vs off (ratio)
//   stream         bench/stream.mjs: each line shape (BuildKit, cmake/ninja, tool lines) through the action vs tee
//   parser         bench/parser.mjs: the parser alone, MB/s per corpus
//   summarize      bench/summarize-step.mjs: dist/summarize.js on 2000 leg reports vs reading and parsing them
// At the end: the ratios table (what | now | goal), read from what the parts printed.
// Options: --quick (smaller sizes, for a smoke run), --only=startup,size,peers,streaming,notify,upload,…,
//          --peer <path> (repeatable; for size and peers)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { mainStepEnv, nodeBin, root } from './step-env.mjs';

const fake = path.join(root, 'test', 'fixtures', 'jetson-containers');
const probe = path.join(root, 'bench', 'rss-probe.mjs');
const quick = process.argv.includes('--quick');
const only = (
  process.argv.find((a) => a.startsWith('--only=')) ??
  '--only=startup,size,peers,stream,parser,summarize,streaming,notify,upload,packages,scrub'
)
  .slice('--only='.length)
  .split(',');
const work = mkdtempSync(path.join(os.tmpdir(), 'jba-bench-'));
/** `--peer <path>` pairs, passed on to the size and peers benches. */
const peerArgs = process.argv.flatMap((a, i, all) =>
  a === '--peer' && all[i + 1] ? ['--peer', path.resolve(all[i + 1])] : [],
);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(3)} s`;
const print = (name, value) => console.log(`${name.padEnd(58)} ${value}`);

function runnerEnv(extra = {}) {
  return { ...mainStepEnv(work, 'numpy'), ...extra };
}

/** Runs a command with stdout to /dev/null; resolves { ms, code, rssMiB }. */
function timed(cmd, args, env, { shell = false } = {}) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'inherit'], shell });
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      let rssMiB = null;
      let cpuMs = null;
      if (env?.RSS_OUT && existsSync(env.RSS_OUT)) {
        const probe = JSON.parse(readFileSync(env.RSS_OUT, 'utf8'));
        rssMiB = probe.maxRSS / 1024;
        cpuMs = probe.cpuMicros / 1000;
      }
      resolve({ ms, code, rssMiB, cpuMs });
    });
  });
}

async function streaming() {
  const big = quick ? 256 : 1024;
  const small = quick ? 32 : 100;
  const rounds = quick ? 1 : 5;
  const fakeEnv = { ...process.env, ANSI_COLORS_DISABLED: '1', FAKE_JC_FLOOD_MB: String(big) };
  const teeMs = [];
  const actionMs = [];
  const bigRss = [];
  const bigCpu = [];
  // Alternate the two so disk and page-cache noise hits both alike; report medians.
  for (let i = 0; i < rounds; i++) {
    const logs = path.join(work, `tee-logs-${i}`);
    const tee = await timed(
      'sh',
      [
        '-c',
        `"${nodeBin}" "${fake}" build --logs "${logs}" numpy | tee "${path.join(work, 'tee.log')}" > /dev/null`,
      ],
      fakeEnv,
    );
    teeMs.push(tee.ms);
    rmSync(path.join(work, 'tee.log'), { force: true });
    rmSync(logs, { recursive: true, force: true });
    const env = { ...runnerEnv({ 'INPUT_JETSON-CONTAINERS': fake }), FAKE_JC_FLOOD_MB: String(big) };
    const viaAction = await timed(nodeBin, ['--import', probe, path.join(root, 'dist', 'index.js')], env);
    actionMs.push(viaAction.ms);
    bigRss.push(viaAction.rssMiB);
    bigCpu.push(viaAction.cpuMs);
    rmSync(path.dirname(env.GITHUB_OUTPUT), { recursive: true, force: true });
  }
  print(`streaming: ${big} MiB through tee (median of ${rounds})`, fmt(median(teeMs)));
  print(`streaming: ${big} MiB through the action (median of ${rounds})`, fmt(median(actionMs)));
  print('streaming: ratio action / tee (target ≤ 1.15)', (median(actionMs) / median(teeMs)).toFixed(3));
  print(
    `streaming: ratio per round (action / tee)`,
    actionMs.map((a, i) => (a / teeMs[i]).toFixed(2)).join(' '),
  );
  print('streaming: seconds per round, tee', teeMs.map((t) => (t / 1000).toFixed(2)).join(' '));
  print('streaming: seconds per round, action', actionMs.map((t) => (t / 1000).toFixed(2)).join(' '));
  print(`streaming: CPU time of the action itself, ${big} MiB (median)`, fmt(median(bigCpu)));
  const smallEnv = { ...runnerEnv({ 'INPUT_JETSON-CONTAINERS': fake }), FAKE_JC_FLOOD_MB: String(small) };
  const smallRun = await timed(nodeBin, ['--import', probe, path.join(root, 'dist', 'index.js')], smallEnv);
  print(`streaming: peak RSS of the action, ${small} MiB of output`, `${smallRun.rssMiB?.toFixed(1)} MiB`);
  print(`streaming: peak RSS of the action, ${big} MiB of output`, `${median(bigRss).toFixed(1)} MiB`);
}

function receiver({ failFirst = false } = {}) {
  let count = 0;
  let last = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      count++;
      last = Date.now();
      if (failFirst && count === 1) {
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'You are being rate limited.', retry_after: 1, global: false }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        last: () => last,
        close: () => server.close(),
      }),
    ),
  );
}

async function notifyBench() {
  const n = quick ? 3 : 7;
  const endFile = path.join(work, 'build-end');
  const measure = async (targets, failFirst) => {
    const samples = [];
    for (let i = 0; i < n; i++) {
      const r = await receiver({ failFirst });
      const list = Array.from({ length: targets }, (_, k) => ({
        url: `${r.url}/hook/${k}`,
        format: 'generic',
      }));
      await timed(nodeBin, [path.join(root, 'dist', 'index.js')], {
        ...runnerEnv({ 'INPUT_JETSON-CONTAINERS': fake, INPUT_WEBHOOKS: JSON.stringify(list) }),
        FAKE_JC_END_FILE: endFile,
      });
      const buildEnd = Number(readFileSync(endFile, 'utf8'));
      samples.push(r.last() - buildEnd);
      r.close();
    }
    return median(samples);
  };
  print(`notify: build end → last delivery, 1 target (median of ${n})`, `${await measure(1, false)} ms`);
  print(`notify: build end → last delivery, 5 targets (median of ${n})`, `${await measure(5, false)} ms`);
  print(`notify: build end → delivery, 1 target answering 429 once`, `${await measure(1, true)} ms`);
  const without = [];
  const withOne = [];
  for (let i = 0; i < n; i++) {
    const r = await receiver();
    without.push(
      (
        await timed(
          nodeBin,
          [path.join(root, 'dist', 'index.js')],
          runnerEnv({ 'INPUT_JETSON-CONTAINERS': '/bin/true' }),
        )
      ).ms,
    );
    withOne.push(
      (
        await timed(
          nodeBin,
          [path.join(root, 'dist', 'index.js')],
          runnerEnv({ 'INPUT_JETSON-CONTAINERS': '/bin/true', 'INPUT_WEBHOOK-URL': `${r.url}/hook` }),
        )
      ).ms,
    );
    r.close();
  }
  print('notify: action wall time without a target (median)', fmt(median(without)));
  print('notify: action wall time with 1 loopback target (median)', fmt(median(withOne)));
}

/** What each stand-alone bench printed, by part: the ratios table at the end is read from it. */
const printed = {};

/** Runs one of the stand-alone bench scripts beside this file, its output shown as it comes and kept. */
async function script(part, name, args = []) {
  const child = spawn(nodeBin, [path.join(root, 'bench', name), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    text += chunk;
  });
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0) console.log(`${name} failed`);
  printed[part] = (printed[part] ?? '') + text;
}

/**
 * The table (what | now | goal), each row read from what a part printed; a row whose part did not run
 * (or printed no such line) says so.
 */
function ratiosTable() {
  const skipped = (part) =>
    only.includes(part) ? `not measured (${part} printed no such line)` : `skipped (--only without ${part})`;
  const find = (part, re, show) => {
    const m = re.exec(printed[part] ?? '');
    return m ? show(m) : skipped(part);
  };
  const ratio = (part, label) =>
    find(
      part,
      new RegExp(`${label}\\s+wall\\s+[\\d.]+ ms \\(([\\d.]+)×.*?CPU [\\d.]+ ms \\(([\\d.]+)×\\)`),
      (m) => `${m[1]}× wall, ${m[2]}× CPU`,
    );
  const peer = (names) => {
    if (peerArgs.length === 0)
      return only.includes('peers') ? 'skipped (no --peer <path>)' : skipped('peers');
    return find(
      'peers',
      new RegExp(`peers: ours vs \\S*(?:${names})\\S*\\s+wall\\s+([\\d.]+) ms \\(([\\d.]+)×`),
      (m) => `${m[2]}× (ours ${m[1]} ms)`,
    );
  };
  const stream = (shape) =>
    find(
      'stream',
      new RegExp(`^${shape}\\s+\\d+ MiB.*?; action [\\d.]+ s [^:]*: ×([\\d.]+)`, 'm'),
      (m) => `${m[1]}×`,
    );
  const parserRates = [...(printed.parser ?? '').matchAll(/^(\S+)\s+\d+ MiB\s+\S+ (\d+) MB\/s/gm)];
  const slowest = parserRates.sort((a, b) => Number(a[2]) - Number(b[2]))[0];
  const rows = [
    ['main + post, no target, vs bare `node -e ""`', ratio('startup', 'start-up: main\\+post'), '≤ 3×'],
    [
      'post alone with nothing to do (phase done) vs bare node',
      ratio('startup', 'start-up: post \\(done\\)'),
      '≤ 1.3×',
    ],
    [
      'one Discord message, whole step, vs tsickert/discord-webhook',
      peer('tsickert|discord-webhook'),
      '≤ 1.0×',
    ],
    [
      'one Discord message vs sarisia/actions-status-discord',
      peer('sarisia|actions-status-discord'),
      '≤ 0.8×',
    ],
    [
      'repository tarball (what the runner downloads and unpacks per job)',
      find('size', /GitHub's tarball \(export-ignore\)\s+([\d.]+) MB/, (m) => `${m[1]} MB gzipped`),
      '≤ 1.5 MB',
    ],
    ['`#N …` BuildKit lines vs `cat \\| tee`', stream('buildkit'), 'keep (1.02×)'],
    ['cmake/ninja `[ 45%] Building …` lines vs tee', stream('cmake'), '≤ 1.15×'],
    ['`[HH:MM:SS] …` tool lines vs tee', stream('tool'), '≤ 1.5×'],
    [
      'parser alone, slowest corpus',
      slowest ? `${slowest[2]} MB/s (${slowest[1]})` : skipped('parser'),
      '≥ 600 MB/s for every corpus',
    ],
    [
      'summarize, 2000 leg reports vs reading and parsing them',
      ratio('summarize', 'summarize: dist/summarize\\.js vs the floor'),
      '≤ 1.5×',
    ],
    [
      'log upload vs `zip -r` of the same folder',
      find(
        'upload',
        /upload vs zip -r: ([\d.]+)×[\s\S]*?peak RSS of the uploading process: ([\d.]+) MiB/,
        (m) => `${m[1]}×, RSS ${m[2]} MiB`,
      ),
      '≤ 1.1×, RSS < 150 MiB',
    ],
  ];
  console.log('');
  console.log(
    `ratios (load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );
  console.log('| what | now | goal |');
  console.log('| --- | --- | --- |');
  for (const [what, now, goal] of rows) console.log(`| ${what} | ${now} | ${goal} |`);
}

console.log(`jetson-build-action bench — ${new Date().toISOString()}`);
console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${spawnSync(nodeBin, ['--version']).stdout.toString().trim()}`,
);
if (!existsSync(path.join(root, 'dist', 'index.js'))) throw new Error('dist/ is missing: run npm run build');
try {
  if (only.includes('startup'))
    await script('startup', 'startup.mjs', ['--parts', 'startup', ...(quick ? ['--quick'] : [])]);
  if (only.includes('size')) await script('size', 'startup.mjs', ['--parts', 'size', ...peerArgs]);
  if (only.includes('peers'))
    await script('peers', 'peers.mjs', [...peerArgs, ...(quick ? ['--quick'] : [])]);
  if (only.includes('stream')) await script('stream', 'stream.mjs', quick ? ['--quick'] : []);
  if (only.includes('parser')) await script('parser', 'parser.mjs', quick ? ['--mib=16', '--rounds=3'] : []);
  if (only.includes('streaming')) await streaming();
  if (only.includes('notify')) await notifyBench();
  if (only.includes('summarize'))
    await script('summarize', 'summarize-step.mjs', quick ? ['--packages=200', '--rounds=3'] : []);
  if (only.includes('upload'))
    await script('upload', 'upload.mjs', quick ? ['--mib', '40', '--rounds', '2'] : ['--rounds', '5']);
  if (only.includes('packages'))
    await script('packages', 'packages.mjs', quick ? ['--rounds=1'] : ['--rounds=5']);
  if (only.includes('scrub')) await script('scrub', 'scrub.mjs', ['--runs', quick ? '11' : '101']);
  if (only.includes('live'))
    await script('live', 'live.mjs', quick ? ['--rounds', '1', '--mib', '256'] : ['--rounds', '5']);
  ratiosTable();
} finally {
  rmSync(work, { recursive: true, force: true });
}
