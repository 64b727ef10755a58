// The shape of the bundle scripts/build.mjs writes (run `npm run build` first, as for the e2e tests): every
// step shares one folder of chunks and one HTTP stack, and the post step leaves before loading any of it when
// main finished — what the runner downloads per job and what every post step costs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { node24, ROOT, runAction } from '../support/action-runner.js';
import { startReceiver } from '../support/receiver.js';

const DIST = path.join(ROOT, 'dist');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

describe('dist/', () => {
  it('is the four files the action.yml files name and one folder of chunks they share', () => {
    expect(readdirSync(DIST).sort()).toEqual([
      'index.js',
      'lib',
      'package.json',
      'plan.js',
      'post.js',
      'summarize.js',
    ]);
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const file of files(DIST).filter((f) => f.endsWith('.js'))) {
      const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
      const first = seen.get(hash);
      if (first !== undefined) twice.push(`${path.relative(DIST, first)} = ${path.relative(DIST, file)}`);
      else seen.set(hash, file);
    }
    expect(twice).toEqual([]);
  });

  it('carries one copy of undici, which @actions/core, @actions/github and the notifiers all use', () => {
    // A module every undici version defines once: its table of well-known header names, exported by that name
    // (the minifier renames the table itself, never the export).
    const copies = files(DIST)
      .filter((f) => f.endsWith('.js'))
      .reduce(
        (n, f) =>
          n + (readFileSync(f, 'utf8').match(/exports\s*=\s*\{\s*wellknownHeaderNames\b/g)?.length ?? 0),
        0,
      );
    expect(copies).toBe(1);
  });

  it('post.js leaves before loading the bundle when main is done or never started, and loads it otherwise', () => {
    // The entry file alone, without lib/: it can only succeed by not loading the bundle at all.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-post-shim-'));
    try {
      for (const f of ['post.js', 'package.json']) copyFileSync(path.join(DIST, f), path.join(dir, f));
      const post = (phase: string | undefined) => {
        const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
        if (phase !== undefined) env.STATE_phase = phase;
        const res = spawnSync(node24(), [path.join(dir, 'post.js')], {
          env,
          encoding: 'utf8',
          timeout: 20_000,
        });
        return { code: res.status, stdout: res.stdout, stderr: res.stderr };
      };
      for (const phase of ['done', '', undefined]) {
        expect(post(phase), `STATE_phase=${String(phase)}`).toEqual({ code: 0, stdout: '', stderr: '' });
      }
      // Main stopped while finishing: post must load the bundle (here missing) to finish the report.
      const finishing = post('finishing');
      expect(finishing.code).not.toBe(0);
      expect(finishing.stderr).toContain(path.join(dir, 'lib', 'index.js'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a build with no GitHub token and no notification target loads no HTTP client, renderer, template engine, signing or YAML', async () => {
    const loaded = await loadedChunks({ packages: 'numpy', 'upload-logs': 'false' });
    expect(loaded.length).toBeGreaterThan(1);
    expect(found(loaded)).toEqual([]);
  });

  it('a build with a Discord URL and no YAML input loads the Discord renderer and undici, not the YAML parser', async () => {
    const receiver = await startReceiver({ fallback: { status: 200, body: { id: '1300000000000000001' } } });
    try {
      const loaded = await loadedChunks({
        packages: 'numpy',
        'upload-logs': 'false',
        'discord-webhook-url': `${receiver.url}/api/webhooks/111/${TOKEN}`,
      });
      expect(receiver.requests.length).toBe(1);
      expect(found(loaded)).toContain('Discord renderer');
      expect(found(loaded)).toContain('undici');
      expect(found(loaded)).not.toContain('YAML parser');
      // Only undici's dispatchers and request API: not its index (fetch, WebSocket, mocks), which also made
      // Node load its own copy of undici.
      expect(found(loaded)).not.toContain("undici's index");
      expect(loaded.builtins).not.toContain('internal/deps/undici/undici');
      expect(loaded.builtins).not.toContain('zlib');
    } finally {
      await receiver.close();
    }
  });

  it('a build whose `webhooks` input is YAML loads the YAML parser and delivers to the target it names', async () => {
    const receiver = await startReceiver();
    try {
      const loaded = await loadedChunks({
        packages: 'numpy',
        'upload-logs': 'false',
        webhooks: `- url: ${receiver.url}/hooks/one\n  format: generic\n`,
      });
      expect(receiver.requestsTo('/hooks/one').length).toBe(1);
      expect(found(loaded)).toContain('YAML parser');
    } finally {
      await receiver.close();
    }
  });
});

const TOKEN = 'bundle-token-0123456789abcdefghijklmnopqrstuvwxyz';

/** Libraries a step may load, each by a text only its own code has (kept by the minifier). */
const LIBRARIES: [string, RegExp][] = [
  ['Octokit', /\bclass Octokit\b/],
  ['undici', /exports\s*=\s*\{\s*wellknownHeaderNames\b/],
  ["undici's index", /\bclass MockAgent\b/],
  ['Discord renderer', /\bfunction \w*renderDiscord\(/],
  ['run-message renderer', /\bfunction \w*renderLiveRun\(/],
  ['template engine', /name:\s*["']mustache\.js["']/],
  ['signing', /\bfunction \w*signHeaders\(/],
  ['YAML parser', /\bclass YAMLMap\b/],
];

/** The LIBRARIES found in any of the `chunks` texts, in LIBRARIES order. */
function found(chunks: string[]): string[] {
  return LIBRARIES.filter(([, marker]) => chunks.some((text) => marker.test(text))).map(([name]) => name);
}

/**
 * The texts of the dist/lib/ chunks the main and post steps load for `inputs`: Node's module hooks name every
 * file a step loads.
 */
async function loadedChunks(inputs: Record<string, string>): Promise<string[] & { builtins: string[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-loaded-'));
  const log = path.join(dir, 'loaded.txt');
  const hook = path.join(dir, 'hook.mjs');
  writeFileSync(
    hook,
    "import { appendFileSync } from 'node:fs';\nimport { registerHooks } from 'node:module';\n" +
      'registerHooks({ load(url, context, next) {\n' +
      '  appendFileSync(process.env.JBA_LOADED_LOG, url + "\\n");\n  return next(url, context);\n} });\n' +
      // Node's own modules each step loaded, as `builtin:<name>` lines.
      "process.on('exit', () => appendFileSync(process.env.JBA_LOADED_LOG, process.moduleLoadList\n" +
      "  .filter((m) => m.startsWith('NativeModule ')).map((m) => 'builtin:' + m.slice(13) + '\\n').join('')));\n",
  );
  try {
    const run = await runAction({ inputs, env: { NODE_OPTIONS: `--import=${hook}`, JBA_LOADED_LOG: log } });
    rmSync(run.dir, { recursive: true, force: true });
    expect(run.main.code, run.main.stderr).toBe(0);
    expect(run.post.code, run.post.stderr).toBe(0);
    const lines = readFileSync(log, 'utf8').split('\n');
    const chunks = new Set(lines.filter((u) => u.startsWith('file:') && u.includes('/dist/lib/')));
    const texts = [...chunks]
      .map((u) => new URL(u).pathname)
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f, 'utf8'));
    const builtins = [...new Set(lines.filter((l) => l.startsWith('builtin:')).map((l) => l.slice(8)))];
    return Object.assign(texts, { builtins });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
