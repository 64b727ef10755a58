// `npm run demo`: runs the bundled action (dist/) end to end on this machine, the way the runner does,
// against the fake jetson-containers, with an embedded webhook receiver that prints what it got and the
// loopback artifact service the e2e tests use (the logs really upload). Two builds: a successful chain with
// --name/--push, then a failing one (Discord + a signed generic webhook). It prints each Discord message whole,
// the failure excerpt and where the job summary went, and removes its temp folders (also on Ctrl-C).
// `npm run demo -- --keep` keeps the temp folders (job summaries, logs, report.json) to look at afterwards.
//
// scripts/screenshots.mjs imports DEMO_BUILDS and runDemoBuild: the pictures in docs/images/ are made from the
// very payloads and job summaries this demo produces.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// The loopback double of GitHub's artifact service the e2e tests use: the logs upload for real, as on a runner.
import { startResultsService } from '../test/support/results-service.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node24 = path.join(root, 'node_modules', 'node', 'bin', 'node');
const nodeBin = existsSync(node24) ? node24 : process.execPath;
const fake = path.join(root, 'test', 'fixtures', 'jetson-containers');
const secret = 'demo-secret-do-not-use';
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

/** The demo's two builds; `discord`/`webhook` are filled in with the receiver's URLs by runDemoBuild. */
export const DEMO_BUILDS = [
  {
    id: 'success',
    title: '1. numpy with --name runner/ --push myuser (succeeds)',
    inputs: { packages: 'numpy', name: 'runner/', push: 'myuser' },
    webhook: false,
    fakeEnv: {},
  },
  {
    id: 'failure',
    title:
      '2. --multiple --skip-errors numpy torchvision, torchvision fails in its last stage (upstream exits 0)',
    inputs: { packages: 'numpy torchvision', multiple: 'true', 'skip-errors': 'true' },
    webhook: true,
    fakeEnv: { FAKE_JC_FAIL_STAGE: 'torchvision' },
  },
];

// Everything the demo creates, removed at the end, on an error and on Ctrl-C (unless --keep).
const tempDirs = new Set();
const children = new Set();
let stopping = false;

/**
 * Ctrl-C: passes the signal to the running step and, once it is gone, removes the temp folders (unless `keep`).
 * The action cancels its build on SIGINT/SIGTERM and finishes (report, notifications) first: 10 s at most.
 */
export async function stopDemo(signal, { keep = false } = {}) {
  stopping = true;
  const running = [...children].map(
    (child) =>
      new Promise((resolve) => {
        child.once('close', resolve);
        child.kill(signal);
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  );
  await Promise.all(running);
  if (!keep) cleanUp();
}

export function cleanUp() {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** Discord's multipart body: the message (`payload_json`) and the attached files' names and sizes. */
function multipartPayload(body, type) {
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  let json = null;
  const files = [];
  // latin1 keeps one character per byte, so a part's length is its size in bytes.
  for (const part of boundary ? body.toString('latin1').split(`--${boundary}`).slice(1, -1) : []) {
    const at = part.indexOf('\r\n\r\n');
    const head = part.slice(0, at);
    const data = part.slice(at + 4, -2);
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (/name="payload_json"/.test(head)) json = JSON.parse(Buffer.from(data, 'latin1').toString('utf8'));
    else if (filename !== undefined)
      files.push({ name: Buffer.from(filename, 'latin1').toString('utf8'), size: data.length });
  }
  return { json, files };
}

/** A loopback receiver: Discord (`/api/…/webhooks/…`) answers with a message id, anything else 204. */
export function startReceiver(onRequest) {
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const type = String(req.headers['content-type'] ?? '');
      let json = null;
      let files = [];
      if (type.startsWith('application/json')) json = JSON.parse(body.toString('utf8'));
      else if (type.startsWith('multipart/form-data')) ({ json, files } = multipartPayload(body, type));
      const discord = /^\/api\/(v\d+\/)?webhooks\//.test(req.url);
      onRequest({ method: req.method, url: req.url, headers: req.headers, body, json, files, discord });
      if (discord) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: String(1_300_000_000_000_000_000n + BigInt(Date.now())) }));
      } else res.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function parseCommandFile(text) {
  const out = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const h = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (h) {
      const value = [];
      for (i++; i < lines.length && lines[i] !== h[2]; i++) value.push(lines[i]);
      out[h[1]] = value.join('\n');
    } else if (lines[i].includes('='))
      out[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
  }
  return out;
}

function step(script, env, log) {
  // Once Ctrl-C is handled no next step starts: the process exits when the running one is gone.
  if (stopping) return new Promise(() => {});
  return new Promise((resolve) => {
    const child = spawn(nodeBin, [path.join(root, 'dist', script)], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.add(child);
    let lines = 0;
    child.stdout.on('data', (c) => {
      // The action's own job log: show it, but fold the long docker output like the runner's groups do.
      for (const line of c.toString('utf8').split('\n')) {
        if (
          /^::(group|error|warning)::/.test(line) ||
          /^(Running|Logs|Notifications|\d+ of|Build|All|Reported)/.test(line)
        ) {
          log(`   ${line}`);
        }
        lines++;
      }
    });
    child.on('close', (code) => {
      children.delete(child);
      resolve({ code, lines });
    });
  });
}

function runnerEnv(dir) {
  return {
    PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH}`,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_REPOSITORY: 'octo-org/jetson-images',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: '3f5c0e9d2b7a41c8e6f0a9b1c2d3e4f5a6b7c8d9',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKFLOW: 'Jetson images',
    GITHUB_JOB: 'build',
    GITHUB_WORKSPACE: dir,
    RUNNER_NAME: 'orin-agx-01',
    RUNNER_TEMP: path.join(dir, 'temp'),
    FAKE_JC_STAGE_DELAY_MS: '30',
  };
}

/**
 * Runs one of DEMO_BUILDS through dist/index.js then dist/post.js, as the runner does, and returns what came
 * out: step exit code, outputs, the job summary's markdown (and where it was written), report.json.
 */
export async function runDemoBuild(build, { base, artifactEnv = {}, log = () => {} }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jetson-build-demo-'));
  tempDirs.add(dir);
  for (const f of ['output', 'state', 'summary']) writeFileSync(path.join(dir, f), '');
  mkdirSync(path.join(dir, 'temp'));
  // A fake docker (test/fixtures/docker) answers the image inspection the way docker does on a Jetson, and the
  // fake jetson-containers is on the PATH where `bash install.sh` puts the real one.
  mkdirSync(path.join(dir, 'bin'));
  symlinkSync(path.join(root, 'test', 'fixtures', 'docker'), path.join(dir, 'bin', 'docker'));
  symlinkSync(fake, path.join(dir, 'bin', 'jetson-containers'));
  const env = { ...runnerEnv(dir), ...artifactEnv, ...build.fakeEnv };
  const inputs = {
    'jetson-containers': 'jetson-containers',
    // The job's own page is linked from the message when the check run id is known (a real run always has one).
    'job-check-run-id': '31415926535',
    ...build.inputs,
    'discord-webhook-url': `${base}/api/webhooks/1234567890/demo-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaa`,
    ...(build.webhook ? { 'webhook-url': `${base}/hooks/builds`, 'webhook-secret': secret } : {}),
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const main = await step('index.js', env, log);
  const state = parseCommandFile(readFileSync(env.GITHUB_STATE, 'utf8'));
  const postEnv = { ...env };
  for (const [k, v] of Object.entries(state)) postEnv[`STATE_${k}`] = v;
  await step('post.js', postEnv, log);
  const outputs = parseCommandFile(readFileSync(env.GITHUB_OUTPUT, 'utf8'));
  const reportFile = outputs['report-file'];
  const report = reportFile && existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : null;
  return {
    code: main.code,
    lines: main.lines,
    outputs,
    report,
    dir,
    summaryPath: env.GITHUB_STEP_SUMMARY,
    summary: readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8'),
  };
}

// ---- what the demo prints ----

const indent = (text, prefix) =>
  String(text)
    .split('\n')
    .map((l) => `${prefix}${l}`)
    .join('\n');

/** The Discord message as a person reads it: every part whole, in the order Discord shows them. */
function printDiscord(json, files) {
  const hex = (c) => `#${Number(c).toString(16).padStart(6, '0')}`;
  if (json.content) console.log(`   │ content:\n${indent(json.content, '   │   ')}`);
  for (const e of json.embeds ?? []) {
    console.log(`   │ embed (colour bar ${hex(e.color ?? 0)})`);
    if (e.author?.name) console.log(`   │ author: ${e.author.name}`);
    if (e.title) console.log(`   │ title: ${bold(e.title)}${e.url ? `  → ${e.url}` : ''}`);
    if (e.description) console.log(`   │ description:\n${indent(e.description, '   │   ')}`);
    for (const f of e.fields ?? []) console.log(`   │ field ${bold(f.name)}:\n${indent(f.value, '   │   ')}`);
    if (e.footer?.text || e.timestamp)
      console.log(`   │ footer: ${[e.footer?.text, e.timestamp].filter(Boolean).join(' · ')}`);
  }
  console.log(`   │ attached files: ${files.map((f) => `${f.name} (${f.size} bytes)`).join(', ') || '-'}`);
}

function printRequest(r) {
  console.log(bold(`\n📨 receiver got ${r.method} ${r.url.replace(/\/[^/?]{20,}/, '/<token>')}`));
  console.log(`   user-agent: ${r.headers['user-agent']}`);
  console.log(`   webhook-id: ${r.headers['webhook-id'] ?? '-'}`);
  if (r.headers['webhook-signature']) {
    const expected = createHmac('sha256', Buffer.from(secret))
      .update(`${r.headers['webhook-id']}.${r.headers['webhook-timestamp']}.${r.body}`)
      .digest('base64');
    const ok = String(r.headers['webhook-signature']).split(' ').includes(`v1,${expected}`);
    console.log(`   webhook-signature: ${ok ? 'valid ✅' : 'INVALID ❌'}`);
  }
  if (r.discord && r.json) return printDiscord(r.json, r.files);
  if (r.json) {
    const { status, packages, message, log_url: logUrl, results } = r.json;
    console.log(
      `   │ status: ${status}\n   │ packages: ${JSON.stringify(packages)}\n   │ message: ${message}`,
    );
    console.log(`   │ log_url: ${logUrl}`);
    for (const x of results ?? []) console.log(`   │ - ${x.name}: ${x.status} ${x.image ?? ''}`);
  }
}

function printResult(result, artifacts, keep) {
  const { outputs, report } = result;
  console.log(bold(`\n   step exit code ${result.code}; ${result.lines} lines of job log; outputs:`));
  for (const k of [
    'status',
    'exit-code',
    'failed-packages',
    'images',
    'duration-seconds',
    'report-file',
    'message-id',
  ])
    console.log(`   ${k.padEnd(18)} ${outputs[k] ?? ''}`);
  for (const a of artifacts)
    console.log(`   logs artifact      ${a.name} (${a.size} bytes zipped, to the loopback artifact service)`);
  const excerpt = report?.failure?.excerpt ?? [];
  if (excerpt.length) {
    console.log(
      bold(
        `\n   failure excerpt (report.json, ${excerpt.length} lines; also in the summary and the annotation):`,
      ),
    );
    console.log(indent(excerpt.join('\n'), '   ┃ '));
  }
  const size = Buffer.byteLength(result.summary);
  console.log(
    bold(`\n   job summary (GITHUB_STEP_SUMMARY): ${result.summaryPath}`) +
      ` — ${size} bytes of markdown${keep ? '' : ', removed at exit (--keep keeps it)'}`,
  );
}

/**
 * Starts the webhook receiver and the artifact service double, runs `fn({ base, artifactEnv, artifacts })` and
 * stops both; the temp folders go too unless `keep`.
 */
export async function withDemoServices(onRequest, fn, { keep = false } = {}) {
  const server = await startReceiver(onRequest);
  const results = await startResultsService();
  try {
    const base = `http://127.0.0.1:${server.address().port}`;
    return await fn({ base, artifactEnv: results.env, artifacts: results.artifacts });
  } finally {
    server.close();
    await results.close();
    if (!keep) cleanUp();
  }
}

async function main() {
  const keep = process.argv.includes('--keep');
  const stop = async (signal) => {
    await stopDemo(signal, { keep });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await withDemoServices(
    printRequest,
    async ({ base, artifactEnv, artifacts }) => {
      for (const build of DEMO_BUILDS) {
        console.log(bold(`\n━━━ ${build.title} ━━━`));
        const uploaded = artifacts.length;
        const result = await runDemoBuild(build, { base, artifactEnv, log: console.log });
        printResult(result, artifacts.slice(uploaded), keep);
      }
      if (keep) console.log(bold(`\nKept: ${[...tempDirs].join(' ')}`));
    },
    { keep },
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
