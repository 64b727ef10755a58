// Start-up and size of the bundled action, side by side with baselines (interleaved rounds, medians):
//   bare        node -e ""
//   hello       bench/hello/main.ts, built with the same toolkit and ncc flags into a temporary folder: what any
//               ncc-bundled action using @actions/core pays at start
//   main+post   the whole step with no target: main (the build command exits at once) then post as the runner
//               runs it (main's GITHUB_STATE handed over as STATE_*)
//   post (done) post alone with nothing left to do (STATE_phase=done): it should cost a bare Node start
// and the size of what the runner downloads per job: the repository tarball (git archive HEAD | gzip -9), the
// same with the working tree's dist/, and the time to unpack each.
// Usage: node bench/startup.mjs [--rounds N] [--quick] [--dist <dir>] [--compare <dir>] [--parts startup,size]
//   --compare <dir>  another dist/ (e.g. an older build) measured in the same rounds
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { interleave, loadavg, measuresCpu, median, ratioLine, run, stop } from './measure.mjs';
import { nodeBin, option, options, root, stepEnv } from './step-env.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const rounds = Number(option('--rounds', quick ? '5' : '21'));
const dist = path.resolve(option('--dist', path.join(root, 'dist')));
const compare = option('--compare', null);
const parts = option('--parts', 'startup,size').split(',');
const work = mkdtempSync(path.join(os.tmpdir(), 'jba-startup-'));

/** The runner's files and variables for one step, in a fresh folder. */
export function runnerEnv(extra = {}) {
  return {
    ...stepEnv(work, {
      prefix: 'step-',
      files: ['env', 'path'],
      github: {
        GITHUB_WORKFLOW: 'bench',
        GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_ACTOR: 'octocat',
        GITHUB_SERVER_URL: 'https://github.com',
      },
    }),
    ...extra,
  };
}

/** `name=value` and `name<<DELIM … DELIM` entries of a GITHUB_STATE file, as the runner reads them. */
function parseCommandFile(text) {
  const out = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const value = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]);
      out[heredoc[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return out;
}

/**
 * main then post of `distDir`, as the runner runs a step with a post: the sum of both. `inputs` are INPUT_*
 * names without the prefix. Resolves { wallMs, cpuMs, main, post } (main and post: their own samples).
 */
export async function wholeStep(distDir, inputs, extraEnv = {}) {
  const input = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const env = runnerEnv({ ...input, ...extraEnv });
  const err = path.join(path.dirname(env.GITHUB_STATE), 'stderr');
  const main = await run([nodeBin, path.join(distDir, 'index.js')], env, err);
  const state = parseCommandFile(readFileSync(env.GITHUB_STATE, 'utf8'));
  const postEnv = { ...env, ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])) };
  const post = await run([nodeBin, path.join(distDir, 'post.js')], postEnv, err);
  rmSync(path.dirname(env.GITHUB_STATE), { recursive: true, force: true });
  return {
    wallMs: main.wallMs + post.wallMs,
    cpuMs: main.cpuMs === null ? null : main.cpuMs + post.cpuMs,
    main,
    post,
    phase: state.phase ?? null,
  };
}

/** Builds bench/hello/ with ncc (same flags as scripts/build.mjs) into a temporary folder; its entry file. */
export function buildHello() {
  const out = path.join(work, 'hello');
  const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  execFileSync(
    process.execPath,
    [ncc, 'build', 'bench/hello/main.ts', '-o', out, '--quiet', '--target', 'es2023'],
    { cwd: root, stdio: 'inherit' },
  );
  return path.join(out, 'index.js');
}

const print = (line) => console.log(line);

async function startup() {
  const hello = buildHello();
  const noTarget = { packages: 'numpy', 'jetson-containers': '/bin/true', 'upload-logs': 'false' };
  const subjects = {
    bare: () => run([nodeBin, '-e', ''], runnerEnv()),
    hello: () => run([nodeBin, hello], runnerEnv({ INPUT_WHO: 'bench' })),
    'main+post': () => wholeStep(dist, noTarget),
    'post (done)': () => run([nodeBin, path.join(dist, 'post.js')], runnerEnv({ STATE_phase: 'done' })),
  };
  if (compare) {
    const other = path.resolve(compare);
    subjects['main+post, --compare'] = () => wholeStep(other, noTarget);
    subjects['post (done), --compare'] = () =>
      run([nodeBin, path.join(other, 'post.js')], runnerEnv({ STATE_phase: 'done' }));
  }
  // One unmeasured round first: the page cache and Node's compile cache warm, as on a persistent runner.
  await interleave(subjects, 1);
  const samples = await interleave(subjects, rounds);
  const failed = samples['main+post'].filter((s) => s.main.code !== 1 || s.post.code !== 0).length;
  print(
    `start-up: ${rounds} interleaved rounds, medians; ratios to bare \`node -e ""\`, per-round range in ()`,
  );
  if (!measuresCpu()) print('start-up: python3 not found, CPU time not measured');
  for (const [name, s] of Object.entries(samples)) {
    if (name !== 'bare') print(`start-up: ${ratioLine(name, s, samples.bare)}`);
  }
  const bareWall = median(samples.bare.map((s) => s.wallMs));
  print(`start-up: ${'bare node -e ""'.padEnd(44)} wall ${bareWall.toFixed(1).padStart(6)} ms`);
  const mains = samples['main+post'].map((s) => s.main.wallMs);
  const posts = samples['main+post'].map((s) => s.post.wallMs);
  print(
    `start-up: main+post split: main ${median(mains).toFixed(1)} ms, post ${median(posts).toFixed(1)} ms ` +
      `(phase after main: ${samples['main+post'][0].phase}); vs hello: ` +
      `${(median(samples['main+post'].map((s) => s.wallMs)) / median(samples.hello.map((s) => s.wallMs))).toFixed(2)}×`,
  );
  // The build command exits 0 without building: main fails the step (exit 1) and says why.
  if (failed > 0)
    print(`start-up: WARNING ${failed} main+post run(s) did not end as expected (main 1, post 0)`);
}

/** Bytes of `dir` as a gzip -9 tar (no .git), and the median time to unpack it. */
function tarball(dir, name) {
  const file = path.join(work, `${name}.tar.gz`);
  const tar = spawnSync('sh', ['-c', `tar -c --exclude=.git -C "${dir}" . | gzip -9 > "${file}"`]);
  if (tar.status !== 0) throw new Error(`tar of ${dir} failed: ${tar.stderr}`);
  const times = [];
  for (let i = 0; i < 5; i++) {
    const into = mkdtempSync(path.join(work, 'unpack-'));
    const t0 = process.hrtime.bigint();
    spawnSync('tar', ['-xzf', file, '-C', into]);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    rmSync(into, { recursive: true, force: true });
  }
  return { bytes: readFileSync(file).length, unpackMs: median(times) };
}

function size() {
  const head = spawnSync('sh', ['-c', 'git archive --format=tar HEAD | gzip -9 | wc -c'], { cwd: root });
  const headBytes = Number(head.stdout.toString().trim());
  // HEAD's files, with dist/ as it is in the working tree (what the next commit ships once dist/ is rebuilt).
  const tree = path.join(work, 'tree');
  mkdirSync(tree);
  spawnSync('sh', ['-c', `git archive --format=tar HEAD | tar -x -C "${tree}"`], { cwd: root });
  const headOnly = tarball(tree, 'head');
  rmSync(path.join(tree, 'dist'), { recursive: true, force: true });
  cpSync(dist, path.join(tree, 'dist'), { recursive: true });
  const withDist = tarball(tree, 'working-dist');
  rmSync(path.join(tree, 'dist'), { recursive: true, force: true });
  const withoutDist = tarball(tree, 'no-dist');
  const distOnly = tarball(dist, 'dist-only');
  const shipped = exportTarball();
  const mb = (b) => `${(b / 1e6).toFixed(2)} MB`;
  print(`size: git archive HEAD | gzip -9                           ${mb(headBytes)}`);
  print(`size: HEAD's files with the working tree's dist/, gzip -9  ${mb(withDist.bytes)}`);
  print(`size:   of which dist/ alone                               ${mb(distOnly.bytes)}`);
  print(`size:   everything but dist/                               ${mb(withoutDist.bytes)}`);
  print(`size: the working tree as GitHub's tarball (export-ignore) ${mb(shipped.bytes)}`);
  print(
    `size: unpack (tar -xzf, median of 5): HEAD ${headOnly.unpackMs.toFixed(0)} ms, ` +
      `with working dist/ ${withDist.unpackMs.toFixed(0)} ms, the working tree's tarball ${shipped.unpackMs.toFixed(0)} ms`,
  );
  for (const peer of peers()) {
    const t = tarball(peer, path.basename(peer));
    print(`size: peer ${path.basename(peer)}: ${mb(t.bytes)}, unpack ${t.unpackMs.toFixed(0)} ms`);
  }
}

/**
 * The tarball GitHub would serve for a commit of the working tree (tracked and new files, `dist` as built):
 * the files committed to a scratch repository, then `git archive`, which honours .gitattributes' export-ignore
 * as GitHub's tarball does. { bytes (gzip -9), unpackMs }.
 */
export function exportTarball() {
  const scratch = mkdtempSync(path.join(work, 'export-'));
  const listed = spawnSync('git', ['ls-files', '-z', '-c', '-o', '--exclude-standard'], { cwd: root });
  const files = listed.stdout
    .toString()
    .split('\0')
    .filter((f) => f !== '' && !f.startsWith('dist/') && existsSync(path.join(root, f)));
  for (const f of files) cpSync(path.join(root, f), path.join(scratch, f), { recursive: true });
  cpSync(dist, path.join(scratch, 'dist'), { recursive: true });
  const git = (...a) => {
    const r = spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', ...a], {
      cwd: scratch,
    });
    if (r.status !== 0) throw new Error(`git ${a[0]} failed: ${r.stderr}`);
    return r;
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'bench');
  const tree = path.join(work, 'exported');
  mkdirSync(tree);
  spawnSync('sh', ['-c', `git archive --format=tar HEAD | tar -x -C "${tree}"`], { cwd: scratch });
  rmSync(scratch, { recursive: true, force: true });
  const out = tarball(tree, 'exported');
  rmSync(tree, { recursive: true, force: true });
  return out;
}

/** Removes the bench's temporary folder (bench/peers.mjs, which imports this file, calls it too). */
export function cleanup() {
  stop();
  rmSync(work, { recursive: true, force: true });
}

function peers() {
  return options('--peer').map((p) => path.resolve(p));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    if (!existsSync(path.join(dist, 'index.js')))
      throw new Error(`${dist} has no index.js: run npm run build`);
    print(`load before: ${loadavg()}`);
    if (parts.includes('startup')) await startup();
    if (parts.includes('size')) size();
    print(`load after: ${loadavg()}`);
  } finally {
    cleanup();
  }
}
