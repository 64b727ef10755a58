// Benchmark: what `discord-live: true` costs a build that streams 1 GiB of output through the bundled action
// (dist/), against the same build with live status off. A loopback server plays Discord (message ids, edits).
// Rounds alternate off / on so that disk and page-cache noise hits both alike; medians are reported.
//   node bench/live.mjs [--rounds 5] [--mib 1024] [--dist DIR (default dist/)]
// Also run by `npm run bench -- --only=live`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { mainStepEnv, nodeBin, option, root } from './step-env.mjs';

const rounds = Number(option('--rounds', '5'));
const mib = Number(option('--mib', '1024'));
const fake = path.join(root, 'test', 'fixtures', 'jetson-containers');
const dist = path.resolve(option('--dist', path.join(root, 'dist')));
const probe = path.join(root, 'bench', 'rss-probe.mjs');
const work = mkdtempSync(path.join(os.tmpdir(), 'jba-bench-live-'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(3)} s`;
const print = (name, value) => console.log(`${name.padEnd(58)} ${value}`);

/** A Discord stand-in: POST answers a message with an id, PATCH answers it again; counts both. */
function discord() {
  const counts = { create: 0, edit: 0 };
  let next = 1300000000000000000n;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'PATCH') counts.edit++;
      else counts.create++;
      const id = req.method === 'PATCH' ? req.url.split('/messages/')[1].split('?')[0] : String(next++);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id, channel_id: '1', content: '', embeds: [] }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, counts, close: () => server.close() }),
    ),
  );
}

function runnerEnv(extra) {
  return {
    ...mainStepEnv(work, 'numpy'),
    'INPUT_JETSON-CONTAINERS': fake,
    ANSI_COLORS_DISABLED: '1',
    FAKE_JC_FLOOD_MB: String(mib),
    ...extra,
  };
}

/** One run of the action; resolves { ms, cpuMs }. */
function timed(env) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(nodeBin, ['--import', probe, path.join(dist, 'index.js')], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const { cpuMicros } = JSON.parse(readFileSync(env.RSS_OUT, 'utf8'));
      rmSync(path.dirname(env.GITHUB_OUTPUT), { recursive: true, force: true });
      resolve({ ms, cpuMs: cpuMicros / 1000, code });
    });
  });
}

if (!existsSync(path.join(dist, 'index.js'))) throw new Error(`${dist} is missing: run npm run build`);
const off = [];
const on = [];
const requests = [];
try {
  for (let i = 0; i < rounds; i++) {
    // Off: the same Discord target, live status off (one message at the end).
    const d0 = await discord();
    off.push(await timed(runnerEnv({ 'INPUT_DISCORD-WEBHOOK-URL': `${d0.url}/api/webhooks/1/tok` })));
    d0.close();
    const d1 = await discord();
    on.push(
      await timed(
        runnerEnv({
          'INPUT_DISCORD-WEBHOOK-URL': `${d1.url}/api/webhooks/1/tok`,
          'INPUT_DISCORD-LIVE': 'true',
          'INPUT_DISCORD-LIVE-INTERVAL': '2',
        }),
      ),
    );
    requests.push(d1.counts.create + d1.counts.edit);
    d1.close();
  }
  const wall = (xs) => median(xs.map((x) => x.ms));
  const cpu = (xs) => median(xs.map((x) => x.cpuMs));
  print(`live: ${mib} MiB, live status off (median of ${rounds})`, fmt(wall(off)));
  print(`live: ${mib} MiB, live status on (median of ${rounds})`, fmt(wall(on)));
  print('live: ratio on / off, wall time', (wall(on) / wall(off)).toFixed(3));
  print('live: ratio per round (on / off)', on.map((x, i) => (x.ms / off[i].ms).toFixed(2)).join(' '));
  print('live: CPU time of the action, off / on (median)', `${fmt(cpu(off))} / ${fmt(cpu(on))}`);
  print('live: ratio on / off, CPU time', (cpu(on) / cpu(off)).toFixed(3));
  print('live: Discord requests per live run (create + edits + final)', requests.join(' '));
  const failed = [...off, ...on].filter((x) => x.code !== 0).length;
  if (failed > 0) print('live: runs that did not exit 0', String(failed));
} finally {
  rmSync(work, { recursive: true, force: true });
}
