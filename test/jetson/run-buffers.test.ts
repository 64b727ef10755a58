// The job log's read buffers: one is read into again only once what was written from it has left the process
// (process.stdout), never while a writable may still hold it (a PassThrough). Either way every byte of a flood
// reaches the job log as the build wrote it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BuildProcess } from '../../src/jetson/run.js';
import { node24, ROOT } from '../support/action-runner.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-run-buffers-'));

/**
 * A build that writes `mib` MiB of numbered lines, in bursts with pauses, so that the reader both catches up
 * (small reads) and falls behind (1 MiB reads), and every line says where it belongs.
 */
const FLOOD = `
const mib = Number(process.argv[1]);
let n = 0;
function burst(left) {
  if (left <= 0) return;
  const lines = [];
  for (let size = 0; size < 256 * 1024; n++) {
    const line = 'line ' + n + ' ' + 'x'.repeat(n % 97) + '\\n';
    lines.push(line);
    size += line.length;
  }
  const ok = process.stdout.write(lines.join(''));
  const next = () => setTimeout(() => burst(left - 1), n % 3 === 0 ? 5 : 0);
  if (ok) next(); else process.stdout.once('drain', next);
}
burst(mib * 4);
`;

/** What the job log shows of the build: its output without the stop-commands fence around it. */
function buildOutput(jobLog: string): string {
  const lines = jobLog.split('\n');
  expect(lines[0]).toMatch(/^::stop-commands::[0-9a-f]{32}$/);
  expect(lines.at(-2)).toMatch(/^::[0-9a-f]{32}::$/);
  return lines.slice(1, -2).join('\n') + '\n';
}

const parser = { write: () => [], end: () => [] };

/** Where two texts first differ, with a little of each there (-1 when equal): a 12 MiB diff helps no one. */
function firstDifference(a: string, b: string): number | string {
  if (a === b) return -1;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(i, i + 40))} vs ${JSON.stringify(b.slice(i, i + 40))}`;
}

describe('a flood through the job log', () => {
  it('into a writable that keeps what it is given: every chunk still as written', async () => {
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on('data', (c: Buffer) => parts.push(c));
    const consoleLogPath = path.join(dir, 'pass.log');
    const res = await new BuildProcess({
      command: process.execPath,
      args: ['-e', FLOOD, '12'],
      cwd: dir,
      env: process.env,
      consoleLogPath,
      parser,
      out,
    }).run();
    expect(res.exitCode).toBe(0);
    const written = readFileSync(consoleLogPath, 'utf8');
    expect(written.length).toBeGreaterThan(12 * 1024 * 1024);
    expect(firstDifference(buildOutput(Buffer.concat(parts).toString('utf8')), written)).toBe(-1);
  });

  it('into process.stdout (a pipe): every chunk as written', async () => {
    // The runner in a child of its own, with the parent reading its stdout as the job log does.
    const consoleLogPath = path.join(dir, 'stdout.log');
    const child = path.join(dir, 'child.mjs');
    writeFileSync(
      child,
      `import { registerHooks } from 'node:module';
registerHooks({
  resolve(specifier, context, next) {
    try { return next(specifier, context); } catch (err) {
      if (specifier.startsWith('.') && specifier.endsWith('.js')) return next(specifier.slice(0, -3) + '.ts', context);
      throw err;
    }
  },
});
const { BuildProcess } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'src/jetson/run.ts')).href)});
const res = await new BuildProcess({
  command: process.execPath,
  args: ['-e', ${JSON.stringify(FLOOD)}, '12'],
  cwd: ${JSON.stringify(dir)},
  env: process.env,
  consoleLogPath: ${JSON.stringify(consoleLogPath)},
  parser: { write: () => [], end: () => [] },
  out: process.stdout,
}).run();
process.exitCode = res.exitCode ?? 1;
`,
    );
    // (run.ts has parameter properties, which plain type stripping does not take.)
    const proc = spawn(node24(), ['--experimental-transform-types', '--no-warnings', child], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const parts: Buffer[] = [];
    // A slow reader now and then, so that the pipe fills and the child's writes have to wait.
    proc.stdout.on('data', (c: Buffer) => {
      parts.push(c);
      if (parts.length % 16 === 0) {
        proc.stdout.pause();
        setTimeout(() => proc.stdout.resume(), 5);
      }
    });
    const code = await new Promise<number | null>((resolve) => proc.on('close', resolve));
    expect(code).toBe(0);
    const written = readFileSync(consoleLogPath, 'utf8');
    expect(written.length).toBeGreaterThan(12 * 1024 * 1024);
    expect(firstDifference(buildOutput(Buffer.concat(parts).toString('utf8')), written)).toBe(-1);
  }, 60_000);
});
