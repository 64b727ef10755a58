// `npm run demo`: runs the bundled action (dist/) end to end on this machine, the way the runner does,
// against the fake jetson-containers, with an embedded webhook receiver that prints what it got.
// Two builds: a successful chain with --name/--push, then a failing one (Discord + a signed generic webhook).
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node24 = path.join(root, 'node_modules', 'node', 'bin', 'node');
const nodeBin = existsSync(node24) ? node24 : process.execPath;
const fake = path.join(root, 'test', 'fixtures', 'jetson-containers');
const secret = 'demo-secret-do-not-use';
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

function startReceiver() {
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const isDiscord = req.url.startsWith('/api/v10/webhooks/');
      console.log(bold(`\n📨 receiver got ${req.method} ${req.url.replace(/\/[^/?]{20,}/, '/<token>')}`));
      console.log(`   user-agent: ${req.headers['user-agent']}`);
      console.log(`   webhook-id: ${req.headers['webhook-id'] ?? '-'}`);
      if (req.headers['webhook-signature']) {
        const expected = createHmac('sha256', Buffer.from(secret))
          .update(`${req.headers['webhook-id']}.${req.headers['webhook-timestamp']}.${body}`)
          .digest('base64');
        const ok = String(req.headers['webhook-signature']).split(' ').includes(`v1,${expected}`);
        console.log(`   webhook-signature: ${ok ? 'valid ✅' : 'INVALID ❌'}`);
      }
      const type = String(req.headers['content-type'] ?? '');
      let json = null;
      if (type.startsWith('application/json')) json = JSON.parse(body.toString('utf8'));
      else if (type.startsWith('multipart/form-data')) {
        const text = body.toString('utf8');
        const m = /name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(text);
        if (m) json = JSON.parse(m[1]);
        const files = [...text.matchAll(/name="files\[\d+\]"; filename="([^"]+)"/g)].map((f) => f[1]);
        console.log(`   attached files: ${files.join(', ') || '-'}`);
      }
      if (isDiscord && json) {
        // The compact message has no content unless someone is mentioned: everything is in the embed.
        if (json.content)
          console.log(
            json.content
              .split('\n')
              .map((l) => `   │ ${l}`)
              .join('\n'),
          );
        for (const e of json.embeds ?? []) {
          console.log(`   │ [embed] ${e.title} (colour ${e.color})`);
          for (const l of (e.description ?? '').split('\n').filter(Boolean))
            console.log(`   │   ${l.slice(0, 120)}`);
          if (e.footer?.text) console.log(`   │   — ${e.footer.text}`);
          for (const f of e.fields ?? [])
            console.log(`   │   ${f.name}: ${f.value.split('\n')[0].slice(0, 100)}`);
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: String(1_300_000_000_000_000_000n + BigInt(Date.now())) }));
        return;
      }
      if (json) {
        const { status, packages, message, log_url: logUrl, results } = json;
        console.log(
          `   │ status: ${status}\n   │ packages: ${JSON.stringify(packages)}\n   │ message: ${message}`,
        );
        console.log(`   │ log_url: ${logUrl}`);
        for (const r of results ?? []) console.log(`   │ - ${r.name}: ${r.status} ${r.image ?? ''}`);
      }
      res.writeHead(204).end();
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

function step(script, env) {
  return new Promise((resolve) => {
    const child = spawn(nodeBin, [path.join(root, 'dist', script)], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let lines = 0;
    child.stdout.on('data', (c) => {
      // The action's own job log: show it, but fold the long docker output like the runner's groups do.
      for (const line of c.toString('utf8').split('\n')) {
        if (
          /^::(group|error|warning)::/.test(line) ||
          /^(Running|Logs|Notifications|\d+ of|Build|All|Reported)/.test(line)
        ) {
          console.log(`   ${line}`);
        }
        lines++;
      }
    });
    child.on('close', (code) => resolve({ code, lines }));
  });
}

async function runDemo(title, inputs, fakeEnv) {
  console.log(bold(`\n━━━ ${title} ━━━`));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jetson-build-demo-'));
  for (const f of ['output', 'state', 'summary']) writeFileSync(path.join(dir, f), '');
  mkdirSync(path.join(dir, 'temp'));
  // A fake docker (test/fixtures/docker) answers the image inspection the way docker does on a Jetson.
  mkdirSync(path.join(dir, 'bin'));
  symlinkSync(path.join(root, 'test', 'fixtures', 'docker'), path.join(dir, 'bin', 'docker'));
  const env = {
    PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH}`,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_REPOSITORY: 'octo-org/jetson-images',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKFLOW: 'Jetson images',
    GITHUB_JOB: 'build',
    GITHUB_WORKSPACE: dir,
    RUNNER_NAME: 'orin-agx-01',
    RUNNER_TEMP: path.join(dir, 'temp'),
    FAKE_JC_STAGE_DELAY_MS: '30',
    ...fakeEnv,
  };
  for (const [k, v] of Object.entries({ 'jetson-containers': fake, ...inputs }))
    env[`INPUT_${k.toUpperCase()}`] = v;
  const main = await step('index.js', env);
  const state = parseCommandFile(readFileSync(env.GITHUB_STATE, 'utf8'));
  const postEnv = { ...env };
  for (const [k, v] of Object.entries(state)) postEnv[`STATE_${k}`] = v;
  await step('post.js', postEnv);
  const outputs = parseCommandFile(readFileSync(env.GITHUB_OUTPUT, 'utf8'));
  console.log(bold(`\n   step exit code ${main.code}; ${main.lines} lines of job log; outputs:`));
  for (const k of [
    'status',
    'exit-code',
    'failed-packages',
    'images',
    'duration-seconds',
    'report-file',
    'message-id',
  ]) {
    console.log(`   ${k.padEnd(18)} ${outputs[k] ?? ''}`);
  }
  console.log(
    `   job summary        ${env.GITHUB_STEP_SUMMARY} (${readFileSync(env.GITHUB_STEP_SUMMARY).length} bytes)`,
  );
}

const server = await startReceiver();
const base = `http://127.0.0.1:${server.address().port}`;
const discord = `${base}/api/webhooks/1234567890/demo-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaa`;
try {
  await runDemo('1. numpy with --name runner/ --push myuser (succeeds)', {
    packages: 'numpy',
    name: 'runner/',
    push: 'myuser',
    'discord-webhook-url': discord,
  });
  await runDemo(
    '2. --multiple --skip-errors numpy torchvision, torchvision fails in its last stage (upstream exits 0)',
    {
      packages: 'numpy torchvision',
      multiple: 'true',
      'skip-errors': 'true',
      'discord-webhook-url': discord,
      'webhook-url': `${base}/hooks/builds`,
      'webhook-secret': secret,
    },
    { FAKE_JC_FAIL_STAGE: 'torchvision' },
  );
} finally {
  server.close();
}
