// Bundles the action with @vercel/ncc — ONE build of scripts/bundle-entry.ts, whose lazy imports are the four
// steps (main, post, plan, summarize), so webpack splits them into chunks that every step shares (one copy of
// @actions/artifact, of undici, of the notifiers) — into dist/lib/, and writes the thin files the action.yml
// files name (dist/index.js, post.js, plan.js, summarize.js), each of which loads its step.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist');
// Build into a fresh folder of this process and swap it in at the end, so a failed build never leaves dist/
// half-written and two builds at once (parallel test runs) never write into each other's folder.
const builds = join(root, '.dist-build');
const dist = join(builds, String(process.pid));
const lock = join(builds, 'swap.lock');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
/** The file each action.yml names → the step it runs (a key of `steps` in scripts/bundle-entry.ts). */
const shims = { 'index.js': 'main', 'post.js': 'post', 'summarize.js': 'summarize', 'plan.js': 'plan' };

/** The build's own copy of the entry and of the packages in SIDE_EFFECT_FREE (see stage()). */
const staged = join(builds, `${process.pid}-stage`);
/**
 * Packages whose modules only define things when evaluated but whose package.json does not say so
 * (`"sideEffects": false`). Without the flag webpack keeps every module such a package imports, used or not:
 * @actions/core's index imports its OIDC client, which imports @actions/http-client and with it all of undici
 * (about 1.1 MB of source, half the start-up of a step that sends nothing). With the flag, a module none of
 * whose exports is used is left out, and undici loads only when something sends a request.
 */
const SIDE_EFFECT_FREE = ['@actions/core'];

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
process.on('exit', () => {
  rmSync(dist, { recursive: true, force: true });
  rmSync(staged, { recursive: true, force: true });
});
stage();
execFileSync(
  process.execPath,
  // --no-cache: ncc keys its cache by the working folder, which is a fresh staging folder per build, so a
  // cache would only leave ~60 MB in ~/.cache/ncc per build, never read again.
  [ncc, 'build', 'entry.ts', '-o', join(dist, 'lib'), '--quiet', '--no-cache', '--target', 'es2023'],
  { cwd: staged, stdio: 'inherit' },
);
await minifyChunks(join(dist, 'lib'));
for (const [file, step] of Object.entries(shims)) writeFileSync(join(dist, file), shim(step));
// The shims are CommonJS (see shim()); ncc marks dist/lib/ as ESM with its own package.json.
writeFileSync(join(dist, 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
swapIn();

/**
 * ncc bundles from `staged`, two levels below the root like `dist`: a copy of scripts/bundle-entry.ts, a
 * tsconfig.json that extends the root's and maps each package of SIDE_EFFECT_FREE to a copy flagged
 * `"sideEffects": false`. ncc resolves imports through the tsconfig's `paths` (its TsconfigPathsPlugin reads
 * the tsconfig.json of the folder it runs in), for our sources and for the packages that import them alike, so
 * the bundle holds one copy of each; TypeScript reads the same types from the copy.
 */
function stage() {
  rmSync(staged, { recursive: true, force: true });
  mkdirSync(staged, { recursive: true });
  const entry = readFileSync(join(root, 'scripts', 'bundle-entry.ts'), 'utf8');
  const moved = entry.replaceAll("import('../src/", "import('../../src/");
  if (moved === entry) throw new Error('scripts/bundle-entry.ts imports no ../src/ module');
  writeFileSync(join(staged, 'entry.ts'), moved);
  const paths = {};
  for (const name of SIDE_EFFECT_FREE) {
    const copy = join(staged, 'packages', name);
    cpSync(join(root, 'node_modules', name), copy, { recursive: true, dereference: true });
    const manifest = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8'));
    writeFileSync(join(copy, 'package.json'), JSON.stringify({ ...manifest, sideEffects: false }, null, 2));
    paths[name] = [`./packages/${name}`];
  }
  const tsconfig = { extends: '../../tsconfig.json', compilerOptions: { paths } };
  writeFileSync(join(staged, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
}

/**
 * ncc's own `-m` minifies only the entry chunk, so every chunk goes through terser here: names of locals
 * shortened and comments dropped (licence comments kept), nothing rewritten (`compress: false`: the code
 * runs as its authors wrote it), and function and class names kept, because error messages, `err.name`
 * checks and stack traces use them. Chunks are minified one by one, in name order: the same sources always
 * give the same bytes.
 */
async function minifyChunks(dir) {
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    const code = readFileSync(join(dir, file), 'utf8');
    const out = await minify(code, {
      module: true,
      compress: false,
      mangle: true,
      keep_classnames: true,
      keep_fnames: true,
      format: { comments: 'some' },
    });
    writeFileSync(join(dir, file), out.code);
  }
}

/**
 * The entry point of one step: Node's compile cache, then the step's chunks. CommonJS (dist/package.json), not
 * ESM: Node starts a CommonJS file as fast as `node -e ""`, and an ESM one first sets up its module loader,
 * which the post step's early exit would pay for.
 */
function shim(step) {
  // Node's on-disk compile cache (Node 22.1+) saves re-compiling the bundle on every run of a persistent
  // self-hosted runner; the bundle is imported only once the cache is enabled.
  const load =
    `try {\n  require('node:module').enableCompileCache?.();\n} catch {\n  // The cache is an optimisation only.\n}\n` +
    `import('./lib/index.js').then(({ steps }) => steps.${step}());\n`;
  const head = `// Generated by scripts/build.mjs: the ${step} step.\n'use strict';\n\n`;
  if (step !== 'post') return head + load;
  // The runner hands main's saved state to post as STATE_<name>. With main done (or never started: no phase),
  // post has nothing to do (src/action/post.ts returns at once), so it exits here, before loading the bundle:
  // the post step of every build that ended normally costs a bare Node start. Any other value, even one post
  // does not know, goes to post.ts, which decides.
  const indented = load.replace(/^(?=.)/gm, '  ');
  return (
    head +
    `const phase = process.env.STATE_phase ?? '';\n` +
    `if (phase !== '' && phase !== 'done') {\n${indented}}\n`
  );
}

/** Replaces dist/ with the new build, one build at a time (a lock folder; a stale one is taken over). */
function swapIn() {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const age = Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (age > 60_000 || Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    rmSync(target, { recursive: true, force: true });
    renameSync(dist, target);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
