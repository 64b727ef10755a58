// Benchmark: upload a generated 200 MiB log folder through @actions/artifact to the loopback results-service
// double, and print upload time, throughput and the uploading process's peak RSS.
//   node bench/upload.mjs [--mib 200]
// The upload runs in a child process so its peak RSS is the library's alone (the double, holding the
// uploaded blob, lives in this parent). The generated folder is deleted afterwards.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
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
  const result = await new DefaultArtifactClient().uploadArtifact('bench-logs', files, dir, {});
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  // maxRSS is in KiB on Linux and macOS.
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`\nBENCH_RESULT ${JSON.stringify({ seconds, size: result.size, peakRssMiB })}\n`);
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

    const { seconds, size, peakRssMiB } = await runChild(['--child', dir], svc.env);
    const art = svc.artifacts[0];
    if (!art || art.size !== size) throw new Error('the double did not receive the whole artifact');

    console.log(`log folder: ${(bytes / MiB).toFixed(1)} MiB in 9 files`);
    console.log(`zip uploaded: ${(size / MiB).toFixed(1)} MiB`);
    console.log(`upload time: ${seconds.toFixed(2)} s`);
    console.log(`throughput: ${(bytes / MiB / seconds).toFixed(1)} MiB/s of log data`);
    console.log(`peak RSS of the uploading process: ${peakRssMiB.toFixed(1)} MiB`);
    const base = await runChild(['--baseline'], {});
    console.log(`peak RSS of node with the library loaded, no upload: ${base.peakRssMiB.toFixed(1)} MiB`);
  } finally {
    await svc.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The baseline: node with the library loaded, uploading nothing. */
async function baseline() {
  await import('@actions/artifact');
  process.stdout.write(
    `BENCH_RESULT ${JSON.stringify({ peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
}

if (process.argv[2] === '--child') await child(process.argv[3]);
else if (process.argv[2] === '--baseline') await baseline();
else await parent();
