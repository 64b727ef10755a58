// One Discord message, whole step, against other actions that post to Discord (interleaved rounds, medians):
//   ours      main + post of dist/ with discord-webhook-url set and a build command that exits at once
//   --peer    a peer action's checkout (e.g. tsickert/discord-webhook, sarisia/actions-status-discord, kept
//             OUTSIDE this repository): its committed bundle (action.yml runs.main), with its input defaults
//             and a message, posting to the same loopback receiver
// Every process runs on the same Node 24; every run must deliver exactly one request, or the bench says so.
// Usage: node bench/peers.mjs --peer <path> [--peer <path> …] [--rounds N] [--quick] [--dist <dir>]
//        [--compare <dir>] (another dist/, e.g. an older build, in the same rounds)
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parse } from 'yaml';
import { interleave, loadavg, median, ratioLine, run } from './measure.mjs';
import { cleanup, runnerEnv, wholeStep } from './startup.mjs';
import { nodeBin, option, options, root } from './step-env.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const rounds = Number(option('--rounds', quick ? '5' : '21'));
const dist = path.resolve(option('--dist', path.join(root, 'dist')));
const peerDirs = options('--peer').map((p) => path.resolve(p));
const TOKEN = 'bench-token-0123456789abcdefghijklmnopqrstuvwxyz';

/** A Discord double on loopback: 200 with a message id to every request, counted per webhook id. */
function receiver() {
  const counts = new Map();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = /\/webhooks\/(\d+)\//.exec(req.url ?? '')?.[1] ?? '?';
      counts.set(id, (counts.get(id) ?? 0) + 1);
      const body = JSON.stringify({ id: '1300000000000000001', channel_id: '1', type: 0, content: '' });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        count: (id) => counts.get(id) ?? 0,
        close: () => new Promise((done) => server.close(done)),
      }),
    ),
  );
}

/**
 * How the runner would start a peer: its runs.main file, and INPUT_* for every input with a default (the
 * expressions a job would fill in, with a finished job's values) plus the message inputs it declares.
 */
function peerStep(dir, webhookUrl) {
  const action = parse(
    readFileSync(
      path.join(dir, existsSync(path.join(dir, 'action.yml')) ? 'action.yml' : 'action.yaml'),
      'utf8',
    ),
  );
  const entry = path.join(dir, action.runs.main);
  const expression = { 'job.status': 'success', 'github.workflow': 'bench' };
  const message = {
    'webhook-url': webhookUrl,
    webhook: webhookUrl,
    content: 'numpy built: numpy:r36.4.tegra-aarch64-cu126-22.04',
    status: 'success',
    title: 'jetson build',
    description: 'numpy built',
  };
  const inputs = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    const value =
      message[name] ??
      (spec?.default === undefined
        ? undefined
        : String(spec.default).replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, e) => expression[e] ?? ''));
    if (value !== undefined) inputs[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return { entry, inputs, name: path.basename(dir) };
}

async function main() {
  const r = await receiver();
  try {
    const ours = { packages: 'numpy', 'jetson-containers': '/bin/true', 'upload-logs': 'false' };
    let oursId = 100;
    const subjects = {
      bare: () => run([nodeBin, '-e', ''], runnerEnv()),
      ours: () => {
        oursId++;
        return wholeStep(dist, {
          ...ours,
          'discord-webhook-url': `${r.url}/api/webhooks/${oursId}/${TOKEN}`,
        }).then((s) => ({ ...s, delivered: r.count(String(oursId)) }));
      },
    };
    const other = option('--compare', null);
    if (other) {
      subjects['ours, --compare'] = () => {
        oursId++;
        return wholeStep(path.resolve(other), {
          ...ours,
          'discord-webhook-url': `${r.url}/api/webhooks/${oursId}/${TOKEN}`,
        }).then((s) => ({ ...s, delivered: r.count(String(oursId)) }));
      };
    }
    peerDirs.forEach((dir, i) => {
      let id = 1000 * (i + 2);
      const name = `peer ${path.basename(dir)}`;
      subjects[name] = async () => {
        id++;
        const step = peerStep(dir, `${r.url}/api/webhooks/${id}/${TOKEN}`);
        const s = await run([nodeBin, step.entry], runnerEnv(step.inputs));
        return { ...s, delivered: r.count(String(id)) };
      };
    });
    await interleave(subjects, 1);
    const samples = await interleave(subjects, rounds);
    console.log(`peers: one Discord message, whole step; ${rounds} interleaved rounds, medians`);
    for (const [name, s] of Object.entries(samples)) {
      if (name === 'bare') continue;
      const wrong = s.filter((x) => x.delivered !== 1).length;
      console.log(`peers: ${ratioLine(`${name} vs bare node`, s, samples.bare)}`);
      if (wrong > 0)
        console.log(`peers: WARNING ${name}: ${wrong} run(s) did not deliver exactly one request`);
    }
    for (const name of Object.keys(samples).filter((n) => n.startsWith('peer '))) {
      console.log(`peers: ${ratioLine(`ours vs ${name.slice(5)}`, samples.ours, samples[name])}`);
    }
    if (peerDirs.length === 0) console.log('peers: no --peer <path> given: ours vs bare node only');
    const mains = samples.ours.map((s) => s.main.wallMs);
    console.log(
      `peers: ours split: main ${median(mains).toFixed(1)} ms, post ${median(samples.ours.map((s) => s.post.wallMs)).toFixed(1)} ms`,
    );
  } finally {
    await r.close();
  }
}

try {
  console.log(`load before: ${loadavg()}`);
  await main();
  console.log(`load after: ${loadavg()}`);
} finally {
  cleanup();
}
