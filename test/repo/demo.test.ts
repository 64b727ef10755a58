// `npm run demo` (scripts/demo.mjs) on the bundled action: what it prints is what a newcomer reads first, so the
// Discord message must read whole, and it must leave no temp folders behind (also when stopped with Ctrl-C).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/action-runner.js';

const SCRIPT = path.join(ROOT, 'scripts', 'demo.mjs');

interface Run {
  child: ChildProcess;
  out: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function demo(args: string[] = []): Run {
  const child = spawn(process.execPath, [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    }),
  );
  return { child, out: () => out, done };
}

/** Every `jetson-build-demo-*` folder the output mentions. */
function tempFolders(out: string): string[] {
  return [...new Set([...out.matchAll(/(\/\S*?\/jetson-build-demo-[A-Za-z0-9]+)/g)].map((m) => m[1]!))];
}

describe('npm run demo', () => {
  it('prints the Discord message whole, the failure excerpt and where the job summary went, then cleans up', async () => {
    const run = demo();
    expect(await run.done).toEqual({ code: 0, signal: null });
    const out = run.out();
    expect(out).toContain('   │ title: ❌ torchvision failed at build 9/9');
    // A long line of the description, past the first 120 characters (the excerpt's docker command).
    expect(out).toMatch(
      /│ {3}\[\d\d:\d\d:\d\d\] warn Error: Command 'DOCKER_BUILDKIT=1 .* --network=host --shm-size=8g/,
    );
    expect(out).toContain(
      '   │   ✅ **numpy** · `myuser/numpy:r36.4.tegra-aarch64-cu126-22.04` · Size 8.1 GB · 42 layers · ',
    );
    expect(out).toContain(
      '   │ footer: L4T 36.4.4 · JetPack 6.2.1 · CUDA 12.6 · Python 3.10 · orin-agx-01 · main @ 3f5c0e9',
    );
    expect(out).toContain('-torchvision-tail.txt (432 bytes)');
    expect(out).toContain('   ┃ #5 12.34 E: Unable to locate package foo');
    const summaries = [
      ...out.matchAll(/job summary \(GITHUB_STEP_SUMMARY\): (\S+) — (\d+) bytes of markdown/g),
    ];
    expect(summaries).toHaveLength(2);
    for (const [, file] of summaries) expect(existsSync(file!)).toBe(false);
    const folders = tempFolders(out);
    expect(folders).toHaveLength(2);
    for (const dir of folders) expect(existsSync(dir)).toBe(false);
  }, 60_000);

  it('removes its temp folders when stopped with Ctrl-C (SIGINT) mid-build, and exits 130', async () => {
    const run = demo();
    const started = Date.now();
    while (!/Running jetson-containers build/.test(run.out()) && Date.now() - started < 30_000)
      await new Promise((r) => setTimeout(r, 20));
    const folders = tempFolders(run.out());
    expect(folders).toHaveLength(1);
    expect(existsSync(folders[0]!)).toBe(true);
    run.child.kill('SIGINT');
    expect(await run.done).toEqual({ code: 130, signal: null });
    expect(existsSync(folders[0]!)).toBe(false);
  }, 60_000);
});
