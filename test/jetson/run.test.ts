// The process runner: process-group signalling, line-coherent merging, stop-commands and stage groups.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import {
  BuildProcess,
  processGroupAlive,
  type ChunkParser,
  type StreamEventLike,
} from '../../src/jetson/run.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-run-'));

/** A parser double: reports a stage wherever a line starts with "STAGE ". */
class StageSpotter implements ChunkParser {
  bytes = 0;
  write(chunk: Buffer): StreamEventLike[] {
    this.bytes += chunk.length;
    const events: StreamEventLike[] = [];
    let at = chunk.indexOf('STAGE ');
    while (at >= 0) {
      if (at === 0 || chunk[at - 1] === 10) {
        const end = chunk.indexOf(10, at);
        events.push({
          kind: 'stage',
          offset: at,
          title: chunk.subarray(at + 6, end < 0 ? undefined : end).toString(),
        });
      }
      at = chunk.indexOf('STAGE ', at + 1);
    }
    return events;
  }
  end(): StreamEventLike[] {
    return [];
  }
}

function collect(): { out: PassThrough; text: () => string } {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  return { out, text: () => Buffer.concat(parts).toString('utf8') };
}

function script(js: string): { command: string; args: string[] } {
  return { command: process.execPath, args: ['-e', js] };
}

describe('BuildProcess', () => {
  it('tees output to the log and console.log, fenced by stop-commands, one group per stage', async () => {
    const { out, text } = collect();
    const parser = new StageSpotter();
    const consoleLogPath = path.join(dir, 'a.log');
    const proc = new BuildProcess({
      ...script(
        `console.log('hello'); console.log('STAGE one'); console.log('::set-output name=x::y'); console.log('STAGE two'); console.log('bye'); process.exit(3)`,
      ),
      cwd: dir,
      env: process.env,
      consoleLogPath,
      parser,
      out,
    });
    const res = await proc.run();
    expect(res).toMatchObject({ exitCode: 3, signal: null, startError: null, cancelSignal: null });
    const log = text();
    const lines = log.split('\n');
    expect(lines[0]).toMatch(/^::stop-commands::[0-9a-f]{32}$/);
    const groups = lines.filter((l) => l.startsWith('::group::'));
    expect(groups).toEqual(['::group::one', '::group::two']);
    // every group switch resumes the current token first, then fences again with a new one
    const tokens = lines.filter((l) => l.startsWith('::stop-commands::')).map((l) => l.slice(17));
    expect(new Set(tokens).size).toBe(3);
    for (const t of tokens) expect(lines).toContain(`::${t}::`);
    expect(lines.at(-2)).toBe('::endgroup::');
    expect(readFileSync(consoleLogPath, 'utf8')).toBe(
      'hello\nSTAGE one\n::set-output name=x::y\nSTAGE two\nbye\n',
    );
    expect(parser.bytes).toBe(readFileSync(consoleLogPath).length);
  });

  it('keeps whole-line writes of stdout and stderr whole in console.log', async () => {
    const { out } = collect();
    const consoleLogPath = path.join(dir, 'b.log');
    const js = `
      const a = 'o'.repeat(50000), b = 'e'.repeat(50000);
      for (let i = 0; i < 40; i++) { process.stdout.write(a + '\\n'); process.stderr.write(b + '\\n'); }`;
    await new BuildProcess({
      ...script(js),
      cwd: dir,
      env: process.env,
      consoleLogPath,
      parser: new StageSpotter(),
      out,
    }).run();
    const lines = readFileSync(consoleLogPath, 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBe(80);
    for (const l of lines) expect(l === 'o'.repeat(50000) || l === 'e'.repeat(50000)).toBe(true);
  });

  it('does not wait for a background process that inherited the output, once the build itself exits', async () => {
    const { out } = collect();
    const js = `
      const { spawn } = require('node:child_process');
      spawn(process.execPath, ['-e', "console.log('daemon up'); setTimeout(() => {}, 20000)"], { stdio: 'inherit' }).unref();
      setTimeout(() => { console.log('build done'); process.exit(0); }, 200);`;
    const proc = new BuildProcess({
      ...script(js),
      cwd: dir,
      env: process.env,
      consoleLogPath: path.join(dir, 'daemon.log'),
      parser: new StageSpotter(),
      out,
    });
    const started = Date.now();
    const res = await proc.run();
    expect(res.exitCode).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(readFileSync(path.join(dir, 'daemon.log'), 'utf8')).toContain('build done');
    if (processGroupAlive(proc.pid as number)) process.kill(-(proc.pid as number), 'SIGKILL');
  });

  it('leaves no poll timer behind when the build exits while the action waits for more output', async () => {
    const { out, text } = collect();
    // Every timer the run sets, until it fires or is cleared.
    const pending = new Set<NodeJS.Timeout>();
    const realSet = globalThis.setTimeout;
    const realClear = globalThis.clearTimeout;
    const set = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
      fn: (...args: unknown[]) => void,
      ms?: number,
      ...args: unknown[]
    ) => {
      const handle: NodeJS.Timeout = realSet(() => {
        pending.delete(handle);
        fn(...args);
      }, ms);
      pending.add(handle);
      return handle;
    }) as typeof setTimeout);
    const clear = vi.spyOn(globalThis, 'clearTimeout').mockImplementation((handle) => {
      pending.delete(handle as NodeJS.Timeout);
      realClear(handle);
    });
    try {
      // Quiet for a while after its first line: the action is between two polls of console.log when it exits.
      const proc = new BuildProcess({
        ...script(`console.log('first'); setTimeout(() => process.exit(0), 120);`),
        cwd: dir,
        env: process.env,
        consoleLogPath: path.join(dir, 'poll.log'),
        parser: new StageSpotter(),
        out,
      });
      const res = await proc.run();
      expect(res.exitCode).toBe(0);
      expect(text()).toContain('first');
      expect(set).toHaveBeenCalled();
      // A pending timer would keep the step's process alive after its work is done.
      expect(pending.size).toBe(0);
    } finally {
      set.mockRestore();
      clear.mockRestore();
    }
  });

  it('reports a command that cannot start', async () => {
    const { out } = collect();
    const res = await new BuildProcess({
      command: path.join(dir, 'missing-tool'),
      args: [],
      cwd: dir,
      env: process.env,
      consoleLogPath: path.join(dir, 'c.log'),
      parser: new StageSpotter(),
      out,
    }).run();
    expect(res.exitCode).toBeNull();
    expect(res.startError).toMatch(/command not found/);
  });

  // Issue 8 item 13: spawn says ENOENT both for a missing command and for a script whose #! interpreter is missing.
  async function startError(file: string, content: string | null, mode = 0o755): Promise<string | null> {
    const command = path.join(dir, file);
    if (content !== null) {
      writeFileSync(command, content);
      chmodSync(command, mode);
    }
    const { out } = collect();
    const res = await new BuildProcess({
      command,
      args: [],
      cwd: dir,
      env: process.env,
      consoleLogPath: path.join(dir, `${file}.log`),
      parser: new StageSpotter(),
      out,
    }).run();
    expect(res.exitCode).toBe(res.startError === null ? 0 : null);
    return res.startError;
  }

  it('names the missing #! interpreter of a script instead of saying the command is not found', async () => {
    const err = await startError('py9-tool', '#!/nonexistent/python9 -u\nprint("hi")\n');
    expect(err).toBe(
      `could not start '${path.join(dir, 'py9-tool')}': its interpreter '/nonexistent/python9' named on the #! line does not exist`,
    );
  });

  it('says so when a #! line ends in a carriage return (a script saved with Windows line endings)', async () => {
    const err = await startError('crlf-tool', '#!/bin/bash\r\necho hi\r\n');
    expect(err).toBe(
      `could not start '${path.join(dir, 'crlf-tool')}': its #! line ends with a carriage return (the file has Windows CRLF line endings), so it names "/bin/bash\\r" instead of a program; convert the file to LF line endings (dos2unix, or git's core.autocrlf=false)`,
    );
    // The form upstream's own jetson-containers script uses: env would only exit 127 with `bash\r` not found.
    const viaEnv = await startError('crlf-env-tool', '#!/usr/bin/env bash\r\necho hi\r\n');
    expect(viaEnv).toBe(
      `could not start '${path.join(dir, 'crlf-env-tool')}': its #! line ends with a carriage return (the file has Windows CRLF line endings), so it names "/usr/bin/env bash\\r" instead of a program; convert the file to LF line endings (dos2unix, or git's core.autocrlf=false)`,
    );
  });

  it('names the program a `#!/usr/bin/env NAME` line asks for when it is not on the PATH', async () => {
    const err = await startError('env-py9-tool', '#!/usr/bin/env python9\nprint("hi")\n');
    expect(err).toBe(
      `could not start '${path.join(dir, 'env-py9-tool')}': its #! line runs 'python9' through env, and there is no 'python9' on the build's PATH`,
    );
    // A program that is there starts as usual.
    expect(await startError('env-sh-tool', '#!/usr/bin/env -S sh -e\nexit 0\n')).toBeNull();
  });

  it('says a script is not executable, and that a directory is not a program', async () => {
    expect(await startError('noexec-tool', '#!/bin/sh\necho hi\n', 0o644)).toBe(
      `could not start '${path.join(dir, 'noexec-tool')}': permission denied: the file is not executable (chmod +x it)`,
    );
    mkdirSync(path.join(dir, 'a-directory'), { recursive: true });
    expect(await startError('a-directory', null)).toBe(
      `could not start '${path.join(dir, 'a-directory')}': it is a directory, not a program`,
    );
  });

  it('still says "command not found" for a bare command that is not on the PATH', async () => {
    const { out } = collect();
    const res = await new BuildProcess({
      command: 'jetson-containers-not-installed',
      args: [],
      cwd: dir,
      env: { PATH: dir },
      consoleLogPath: path.join(dir, 'bare.log'),
      parser: new StageSpotter(),
      out,
    }).run();
    expect(res.startError).toMatch(
      /^could not start 'jetson-containers-not-installed': command not found on the PATH \(install jetson-containers/,
    );
  });

  it('forwards a cancel to the whole process group and escalates to SIGKILL', async () => {
    const { out, text } = collect();
    // A parent that ignores SIGINT, with a grandchild that ignores it too: only SIGKILL of the group ends both.
    const js = `
      process.on('SIGINT', () => {});
      const { spawn } = require('node:child_process');
      const c = spawn(process.execPath, ['-e', "process.on('SIGINT', () => {}); setInterval(() => {}, 1000)"], { stdio: 'ignore' });
      console.log('grandchild ' + c.pid);
      setInterval(() => {}, 1000);`;
    const proc = new BuildProcess({
      ...script(js),
      cwd: dir,
      env: process.env,
      consoleLogPath: path.join(dir, 'd.log'),
      parser: new StageSpotter(),
      out,
      killAfterMs: 300,
    });
    const done = proc.run();
    for (let i = 0; i < 100 && !/grandchild \d+/.test(text()); i++)
      await new Promise((r) => setTimeout(r, 20));
    const grandchild = Number(/grandchild (\d+)/.exec(text())?.[1]);
    expect(grandchild).toBeGreaterThan(0);
    const pid = proc.pid as number;
    proc.cancel('SIGINT');
    const res = await done;
    expect(res.cancelSignal).toBe('SIGINT');
    expect(res.killed).toBe(true);
    expect(res.signal).toBe('SIGKILL');
    let gone = false;
    for (let i = 0; i < 50 && !gone; i++) {
      gone = !processGroupAlive(pid);
      if (!gone) await new Promise((r) => setTimeout(r, 20));
    }
    expect(gone).toBe(true);
  });

  it('after a cancel, a large backlog is parsed and kept in console.log but not replayed into the job log', async () => {
    const { out, text } = collect();
    const consoleLogPath = path.join(dir, 'backlog.log');
    const js = `
      process.on('SIGINT', () => {
        const line = 'x'.repeat(1023) + '\\n';
        process.stdout.write(line.repeat(5 * 1024));
        console.log('last words');
        process.exit(130);
      });
      console.log('ready');
      setInterval(() => {}, 1000);`;
    const parser = new StageSpotter();
    const proc = new BuildProcess({ ...script(js), cwd: dir, env: process.env, consoleLogPath, parser, out });
    const done = proc.run();
    for (let i = 0; i < 100 && !text().includes('ready'); i++) await new Promise((r) => setTimeout(r, 20));
    proc.cancel('SIGINT');
    const res = await done;
    expect(res.exitCode).toBe(130);
    const log = text();
    expect(log.length).toBeLessThan(2.5 * 1024 * 1024);
    expect(log).toMatch(/MiB of output after the cancel are not shown here/);
    expect(readFileSync(consoleLogPath, 'utf8')).toContain('last words');
    expect(parser.bytes).toBe(readFileSync(consoleLogPath).length);
  });

  it('a well-behaved build exits on the forwarded SIGINT without being killed', async () => {
    const { out, text } = collect();
    const proc = new BuildProcess({
      ...script(
        `process.on('SIGINT', () => { console.log('got SIGINT'); process.exit(130); }); console.log('ready'); setInterval(() => {}, 1000);`,
      ),
      cwd: dir,
      env: process.env,
      consoleLogPath: path.join(dir, 'e.log'),
      parser: new StageSpotter(),
      out,
      killAfterMs: 5000,
    });
    const done = proc.run();
    for (let i = 0; i < 100 && !text().includes('ready'); i++) await new Promise((r) => setTimeout(r, 20));
    proc.cancel('SIGINT');
    const res = await done;
    expect(res).toMatchObject({ exitCode: 130, cancelSignal: 'SIGINT', killed: false });
    expect(text()).toContain('got SIGINT');
  });
});
