// Runs the build command in its own process group and tees its output to the job log (protected by
// ::stop-commands::, one collapsible group per stage), to console.log, and through the stream parser.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readdirSync, readFileSync, type WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

export interface StreamEventLike {
  kind: string;
  offset: number;
  title: string;
}

export interface ChunkParser {
  write(chunk: Buffer): StreamEventLike[];
  end(): StreamEventLike[];
}

export interface RunOptions {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  consoleLogPath: string;
  parser: ChunkParser;
  /** Where the live output goes (the job log). */
  out: Writable;
  /** After forwarding a cancel signal, SIGKILL the group if it is still alive after this long. */
  killAfterMs?: number;
  onSpawn?: (pid: number) => void;
}

export interface RunResult {
  exitCode: number | null;
  signal: string | null;
  /** Set when the command could not be started at all. */
  startError: string | null;
  /** The signal the action received and forwarded, if the build was cancelled. */
  cancelSignal: string | null;
  /** True when the group had to be SIGKILLed after the grace period. */
  killed: boolean;
}

/** A partial line longer than this is passed on without waiting for its newline. */
const MAX_PENDING = 256 * 1024;

/**
 * Passes a stream on in whole lines so stdout and stderr interleave only at line boundaries: the parser
 * and the job log always see complete lines. No copying: a held partial line is a view of its chunk, and
 * a line that was held is released as two pieces back to back (the parser takes any split).
 */
class LineGate {
  private pending: Buffer | null = null;

  constructor(private readonly emit: (data: Buffer) => void) {}

  push(chunk: Buffer): void {
    const lastNewline = chunk.lastIndexOf(10);
    if (lastNewline < 0) {
      this.pending = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
      if (this.pending.length >= MAX_PENDING) this.flush();
      return;
    }
    if (this.pending) {
      this.emit(this.pending);
      this.pending = null;
    }
    if (lastNewline === chunk.length - 1) {
      this.emit(chunk);
    } else {
      this.emit(chunk.subarray(0, lastNewline + 1));
      this.pending = chunk.subarray(lastNewline + 1);
    }
  }

  flush(): void {
    if (this.pending) this.emit(this.pending);
    this.pending = null;
  }
}

function newToken(): string {
  return randomBytes(16).toString('hex');
}

/** Group titles are one line of plain text. */
function groupTitle(title: string): string {
  return title.replace(/[\r\n]+/g, ' ').slice(0, 200);
}

export class BuildProcess {
  private child: ChildProcess | null = null;
  private cancelSignal: string | null = null;
  private killTimer: NodeJS.Timeout | null = null;
  private killed = false;
  private exited = false;

  constructor(private readonly opts: RunOptions) {}

  /** Spawns the command and resolves when it has exited and all output is written. Never rejects. */
  run(): Promise<RunResult> {
    const { opts } = this;
    return new Promise<RunResult>((resolve) => {
      // A large buffer lets disk writes overlap with reading instead of pausing the build at every chunk.
      const file: WriteStream = createWriteStream(opts.consoleLogPath, {
        flags: 'a',
        highWaterMark: 4 * 1024 * 1024,
      });
      let fileError: string | null = null;
      file.on('error', (err) => {
        fileError = err.message;
      });
      let token = newToken();
      let inGroup = false;
      let atLineStart = true;
      const write = (data: Buffer | string): boolean => {
        if (data.length === 0) return true;
        return opts.out.write(data);
      };
      const marker = (lines: string[]): void => {
        write((atLineStart ? '' : '\n') + lines.join('\n') + '\n');
        atLineStart = true;
      };
      marker([`::stop-commands::${token}`]);

      let child: ChildProcess;
      try {
        child = spawn(opts.command, opts.args, {
          cwd: opts.cwd,
          env: opts.env,
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      } catch (err) {
        marker([`::${token}::`]);
        file.end();
        resolve(this.result(null, null, (err as Error).message));
        return;
      }
      this.child = child;

      const paused = new Set<string>();
      const pauseAll = (why: string): void => {
        paused.add(why);
        child.stdout?.pause();
        child.stderr?.pause();
      };
      const resume = (why: string): void => {
        paused.delete(why);
        if (paused.size === 0) {
          child.stdout?.resume();
          child.stderr?.resume();
        }
      };

      const switchGroup = (title: string): void => {
        const next = newToken();
        const lines = [`::${token}::`];
        if (inGroup) lines.push('::endgroup::');
        lines.push(`::group::${groupTitle(title)}`, `::stop-commands::${next}`);
        marker(lines);
        token = next;
        inGroup = true;
      };

      const forward = (data: Buffer): void => {
        if (!file.write(data)) {
          pauseAll('file');
          file.once('drain', () => resume('file'));
        }
        const events = opts.parser.write(data);
        let from = 0;
        let ok = true;
        for (const ev of events) {
          if (ev.kind !== 'stage') continue;
          const at = Math.min(Math.max(ev.offset, from), data.length);
          if (at > from) {
            ok = write(data.subarray(from, at)) && ok;
            atLineStart = data[at - 1] === 10;
          }
          switchGroup(ev.title);
          from = at;
        }
        if (from < data.length) {
          ok = write(data.subarray(from)) && ok;
          atLineStart = data[data.length - 1] === 10;
        }
        if (!ok) {
          pauseAll('out');
          opts.out.once('drain', () => resume('out'));
        }
      };

      const outGate = new LineGate(forward);
      const errGate = new LineGate(forward);
      child.stdout?.on('data', (c: Buffer) => outGate.push(c));
      child.stderr?.on('data', (c: Buffer) => errGate.push(c));

      let startError: string | null = null;
      child.once('error', (err: NodeJS.ErrnoException) => {
        // Only spawn failures arrive here before 'close'; later errors (a failed kill) are harmless.
        if (child.pid === undefined) startError = describeSpawnError(opts.command, err);
      });
      if (child.pid !== undefined) opts.onSpawn?.(child.pid);

      child.once('close', (code, signal) => {
        this.exited = true;
        if (this.killTimer) clearTimeout(this.killTimer);
        outGate.flush();
        errGate.flush();
        opts.parser.end();
        const closing = [`::${token}::`];
        if (inGroup) closing.push('::endgroup::');
        marker(closing);
        file.end(() => {
          const res = this.result(code, signal, startError);
          if (fileError && !res.startError) {
            opts.out.write(`warning: could not write ${opts.consoleLogPath}: ${fileError}\n`);
          }
          resolve(res);
        });
      });
    });
  }

  /**
   * Forwards a cancel signal to the whole process group at once and schedules SIGKILL for the group.
   * A second signal escalates to SIGKILL immediately.
   */
  cancel(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined || this.exited) {
      this.cancelSignal ??= signal;
      return;
    }
    if (this.cancelSignal !== null) {
      this.killGroup('SIGKILL');
      return;
    }
    this.cancelSignal = signal;
    this.killGroup(signal);
    const after = this.opts.killAfterMs ?? 5000;
    this.killTimer = setTimeout(() => this.killGroup('SIGKILL'), after);
    this.killTimer.unref();
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  private killGroup(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined || this.exited) return;
    if (signal === 'SIGKILL') this.killed = true;
    killProcessGroup(pid, signal);
  }

  private result(code: number | null, signal: string | null, startError: string | null): RunResult {
    return {
      exitCode: startError ? null : code,
      signal: startError ? null : signal,
      startError,
      cancelSignal: this.cancelSignal,
      killed: this.killed,
    };
  }
}

/** Signals a whole process group; falls back to the process itself. Returns false if nothing was there. */
export function killProcessGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    try {
      process.kill(pid, signal);
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * True if any process of the group is still running. Zombies do not count: an orphan killed in a container
 * whose init never reaps it still answers `kill(pid, 0)`, but it is gone. Reads /proc where there is one.
 */
export function processGroupAlive(pgid: number): boolean {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') return true;
  }
  return false;
}

function describeSpawnError(command: string, err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT':
      return `could not start '${command}': command not found (install jetson-containers with its install.sh, or set the 'jetson-containers' input to the path of a clone's jetson-containers or build.sh)`;
    case 'EACCES':
      return `could not start '${command}': permission denied (is it executable? chmod +x)`;
    default:
      return `could not start '${command}': ${err.message}`;
  }
}
