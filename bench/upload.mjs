// Benchmark: upload a generated 200 MiB log folder through @actions/artifact to the loopback results-service
// double, and print upload time, throughput and the uploading process's peak RSS; against `zip -r` of the same
// folder (the floor: the same deflate, level 6, with no upload), in interleaved rounds.
//   node bench/upload.mjs [--mib 200] [--rounds 5] [--concurrency N] (ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY)
// The upload runs in a child process so its peak RSS is the library's alone (the double, holding the
// uploaded blob, lives in this parent). The generated folder is deleted afterwards.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MiB = 1024 * 1024;
const here = path.dirname(fileURLToPath(import.meta.url));

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.join(entry.parentPath ?? entry.path, entry.name));
  }
  return out;
}

/** The child: upload the folder named in argv, report figures as one JSON line on stdout. */
async function child(dir) {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const files = await listFiles(dir);
  const t0 = process.hrtime.bigint();
  const result = await new DefaultArtifactClient().uploadArtifact(
    `bench-logs-${process.pid}`,
    files,
    dir,
    {},
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const peakRssMiB = peakRss();
  process.stdout.write(`\nBENCH_RESULT ${JSON.stringify({ seconds, size: result.size, peakRssMiB })}\n`);
}

/**
 * This process's peak RSS in MiB: VmHWM of /proc/self/status where there is one. Not resourceUsage().maxRSS:
 * on Linux a spawned child's maxRSS starts at its parent's RSS at the fork (exec keeps it), and the parent here
 * holds every uploaded blob, so later rounds would report the parent's size.
 */
function peakRss() {
  try {
    const kib = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kib !== undefined) return Number(kib) / 1024;
  } catch {
    // Not Linux: fall back to the rusage figure (KiB on Linux and macOS).
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Log-like text: build steps with counters and hashes, so it compresses like real build output. */
async function writeLog(file, bytes) {
  await mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  let written = 0;
  let n = 0;
  while (written < bytes) {
    const lines = [];
    for (let i = 0; i < 2000; i++, n++) {
      const hash = ((n * 2654435761) >>> 0).toString(16).padStart(8, '0');
      lines.push(
        `#${n % 97} ${(n / 1000).toFixed(3)} [${1 + (n % 7)}/7] building CXX object caffe2/CMakeFiles/torch_cpu.dir/aten/src/ATen/native/op_${hash}.cpp.o (${n % 4096} of 4096)`,
      );
    }
    const chunk = lines.join('\n') + '\n';
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
  return written;
}

/** Runs this script as a child with `args`, bounded to 120 s; returns its BENCH_RESULT. */
async function runChild(args, env) {
  const proc = spawn(process.execPath, [fileURLToPath(import.meta.url), ...args], {
    cwd: path.join(here, '..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  proc.stdout.on('data', (c) => (stdout += c));
  const killer = setTimeout(() => proc.kill('SIGKILL'), 120_000);
  const code = await new Promise((resolve) => proc.on('close', resolve));
  clearTimeout(killer);
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (code !== 0 || !line)
    throw new Error(`the child ${args[0]} failed (exit ${code}):\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice('BENCH_RESULT '.length));
}

async function parent() {
  const mibArg = process.argv.indexOf('--mib');
  const totalMiB = mibArg > 0 ? Number(process.argv[mibArg + 1]) : 200;
  const { startResultsService } = await import(
    path.join(here, '..', 'test', 'support', 'results-service.mjs')
  );
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-upload-'));
  const svc = await startResultsService();
  try {
    // One big console.log and eight stage logs, as a long chain build leaves them.
    let bytes = await writeLog(path.join(dir, 'console.log'), (totalMiB / 2) * MiB);
    for (let i = 1; i <= 8; i++) {
      bytes += await writeLog(
        path.join(dir, 'build', `0${i}o8_torch_r36.4-stage${i}.txt`),
        (totalMiB / 16) * MiB,
      );
    }

    const roundsArg = process.argv.indexOf('--rounds');
    const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 5;
    const concArg = process.argv.indexOf('--concurrency');
    const env =
      concArg > 0 ? { ...svc.env, ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY: process.argv[concArg + 1] } : svc.env;
    const uploads = [];
    const zips = [];
    for (let i = 0; i < rounds; i++) {
      // Alternate which goes first, so page cache and machine noise hit both alike.
      const pair = [
        async () => uploads.push(await runChild(['--child', dir], env)),
        async () => zips.push(await zipFolder(dir)),
      ];
      for (const step of i % 2 === 0 ? pair : pair.reverse()) await step();
    }
    const { size } = uploads[0];
    const art = svc.artifacts[0];
    if (!art || art.size !== size) throw new Error('the double did not receive the whole artifact');
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const seconds = med(uploads.map((u) => u.seconds));
    const zipSeconds = med(zips.map((z) => z.seconds));
    const ratios = uploads.map((u, i) => u.seconds / zips[i].seconds).sort((a, b) => a - b);

    console.log(
      `log folder: ${(bytes / MiB).toFixed(1)} MiB in 9 files; ${rounds} interleaved rounds, medians`,
    );
    console.log(
      `zip uploaded: ${(size / MiB).toFixed(1)} MiB (zip -r: ${(zips[0].size / MiB).toFixed(1)} MiB)`,
    );
    console.log(`upload time: ${seconds.toFixed(2)} s`);
    console.log(`zip -r time: ${zipSeconds.toFixed(2)} s`);
    console.log(
      `upload vs zip -r: ${med(ratios).toFixed(2)}× (rounds ${ratios.map((r) => r.toFixed(2)).join(' ')})`,
    );
    console.log(`throughput: ${(bytes / MiB / seconds).toFixed(1)} MiB/s of log data`);
    console.log(`peak RSS of the uploading process: ${med(uploads.map((u) => u.peakRssMiB)).toFixed(1)} MiB`);
    const base = await runChild(['--baseline'], {});
    console.log(`peak RSS of node with the library loaded, no upload: ${base.peakRssMiB.toFixed(1)} MiB`);
  } finally {
    await svc.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** `zip -r -q` (level 6, as the library's default) of `dir` into a temporary file: { seconds, size }. */
async function zipFolder(dir) {
  const out = path.join(os.tmpdir(), `bench-upload-${process.pid}.zip`);
  await rm(out, { force: true });
  const t0 = process.hrtime.bigint();
  const proc = spawn('zip', ['-r', '-q', out, '.'], { cwd: dir, stdio: 'ignore' });
  const code = await new Promise((resolve) => proc.on('close', resolve));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (code !== 0) throw new Error(`zip -r exited ${code}`);
  const { size } = await stat(out);
  await rm(out, { force: true });
  return { seconds, size };
}

/** The baseline: node with the library loaded, uploading nothing. */
async function baseline() {
  await import('@actions/artifact');
  process.stdout.write(`BENCH_RESULT ${JSON.stringify({ peakRssMiB: peakRss() })}\n`);
}

if (process.argv[2] === '--child') await child(process.argv[3]);
else if (process.argv[2] === '--baseline') await baseline();
else await parent();
