// The log tail attached to Discord messages: last bytes only, at a line boundary, ANSI stripped.
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TAIL_BYTES, readLogTail, stripAnsi } from '../../src/logs/tail.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tail-test-'));
  await mkdir(path.join(tmp, 'build'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** ~5 MB of numbered lines with colour codes, ending with the failure. */
function bigLog(): string {
  const lines: string[] = [];
  for (let i = 0; i < 60_000; i++) {
    lines.push(
      `\x1b[1;32m#${i} [stage 3/7]\x1b[0m step ${i}: compiling torch/csrc/some/long/path/file_${i}.cpp ✓`,
    );
  }
  lines.push(
    '\x1b[31mERROR: failed to solve: process "/bin/sh -c make" did not complete successfully\x1b[0m',
  );
  return lines.join('\n') + '\n';
}

describe('readLogTail', () => {
  it('gives at most 1 MiB of the stage log, from a line boundary, without ANSI escapes', async () => {
    const file = path.join(tmp, 'build', '03o7_torch_r36.4-pytorch.txt');
    const text = bigLog();
    await writeFile(file, text);
    expect(Buffer.byteLength(text)).toBeGreaterThan(5_000_000);

    const tail = await readLogTail({ failureLogFile: file, consoleLog: path.join(tmp, 'console.log') });
    expect(tail).not.toBeNull();
    expect(tail!.name).toBe('03o7_torch_r36.4-pytorch-tail.txt');
    expect(tail!.contentType).toBe('text/plain; charset=utf-8');
    expect(tail!.data.length).toBeLessThanOrEqual(DEFAULT_TAIL_BYTES);
    expect(tail!.data.length).toBeGreaterThan(DEFAULT_TAIL_BYTES * 0.8);
    const out = tail!.data.toString('utf8');
    expect(out).not.toContain('\x1b');
    expect(out).not.toContain('\uFFFD');
    // Starts with a whole line, ends with the failure.
    expect(out).toMatch(/^#\d+ \[stage 3\/7\] step \d+: compiling/);
    expect(
      out.endsWith('ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully\n'),
    ).toBe(true);
    // It is exactly the end of the stripped log.
    expect(stripAnsi(text).endsWith(out)).toBe(true);
  });

  it("honours a smaller maxBytes and never exceeds Discord's 10 MiB", async () => {
    const file = path.join(tmp, 'build', '01o1_x.txt');
    await writeFile(file, bigLog());
    const small = await readLogTail({ failureLogFile: file, consoleLog: '/nonexistent', maxBytes: 4096 });
    expect(small!.data.length).toBeLessThanOrEqual(4096);
    const huge = await readLogTail({
      failureLogFile: file,
      consoleLog: '/nonexistent',
      maxBytes: 64 * 1024 * 1024,
    });
    expect(huge!.data.length).toBeLessThan(10 * 1024 * 1024);
  });

  it('returns a short log whole', async () => {
    const file = path.join(tmp, 'short.txt');
    await writeFile(file, 'one\n\x1b[33mtwo\x1b[0m\n');
    const tail = await readLogTail({ failureLogFile: file, consoleLog: '/nonexistent' });
    expect(tail!.data.toString()).toBe('one\ntwo\n');
  });

  it('falls back to console.log when the stage log is missing or empty', async () => {
    const consoleLog = path.join(tmp, 'console.log');
    await writeFile(consoleLog, 'Namespace(...)\n\x1b]0;title\x07-- Building x\nfailed\n');
    const missing = await readLogTail({ failureLogFile: path.join(tmp, 'build', 'gone.txt'), consoleLog });
    expect(missing).toMatchObject({ name: 'console-tail.txt' });
    expect(missing!.data.toString()).toBe('Namespace(...)\n-- Building x\nfailed\n');
    const emptyStage = path.join(tmp, 'build', 'empty.txt');
    await writeFile(emptyStage, '');
    expect(await readLogTail({ failureLogFile: emptyStage, consoleLog })).toMatchObject({
      name: 'console-tail.txt',
    });
    expect(await readLogTail({ failureLogFile: null, consoleLog })).toMatchObject({
      name: 'console-tail.txt',
    });
  });

  it('is null when there is nothing to attach', async () => {
    expect(
      await readLogTail({ failureLogFile: path.join(tmp, 'no.txt'), consoleLog: path.join(tmp, 'no.log') }),
    ).toBeNull();
    expect(await readLogTail({ failureLogFile: null, consoleLog: tmp })).toBeNull();
  });

  it('does not start inside a UTF-8 character when the tail has no line break', async () => {
    const file = path.join(tmp, 'oneline.txt');
    await writeFile(file, 'é'.repeat(10_000));
    const tail = await readLogTail({ failureLogFile: file, consoleLog: '/nonexistent', maxBytes: 1001 });
    const out = tail!.data.toString('utf8');
    expect(out).not.toContain('\uFFFD');
    expect(out).toBe('é'.repeat(500));
  });
});
