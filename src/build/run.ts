// Runs the build command in its own process group. The build writes straight into console.log (stdout and
// stderr share one O_APPEND descriptor, so the kernel does the tee and the build never waits on the action);
// the action tails that file into the job log (protected by ::stop-commands::, one collapsible group per
// stage) and through the stream parser.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
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

/** Reads of console.log grow with the flow (small when the build is quiet, large in a flood). */
const MIN_READ_BYTES = 64 * 1024;
const MAX_READ_BYTES = 1024 * 1024;
/** Output still shown in the job log after a cancel; the rest is only in console.log. */
const SHOW_AFTER_CANCEL_BYTES = 1024 * 1024;
/** How long to wait for more output when the build is quiet. */
const IDLE_POLL_MS = 25;

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

  /** Spawns the command and resolves when it has exited and all its output is passed on. Never rejects. */
  async run(): Promise<RunResult> {
    const { opts } = this;
    let token = newToken();
    let inGroup = false;
    let atLineStart = true;
    const out = (data: Buffer | string): boolean => (data.length === 0 ? true : opts.out.write(data));
    const marker = (lines: string[]): void => {
      out((atLineStart ? '' : '\n') + lines.join('\n') + '\n');
      atLineStart = true;
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
    let unshown = 0;
    let shownAfterCancel = 0;
    /** Passes bytes on to the job log, with group markers at stage starts. `view` is never reused. */
    const forward = (view: Buffer): boolean => {
      const events = opts.parser.write(view);
      // After a cancel the runner allows seconds, not minutes: beyond a small budget (the tool's last words),
      // a backlog the job log has not caught up with is parsed for the report but not replayed.
      if (this.cancelSignal !== null) {
        if (shownAfterCancel >= SHOW_AFTER_CANCEL_BYTES) {
          unshown += view.length;
          return true;
        }
        shownAfterCancel += view.length;
      }
      let from = 0;
      let ok = true;
      const emit = (a: number, b: number): void => {
        if (b <= a) return;
        ok = out(view.subarray(a, b)) && ok;
        atLineStart = view[b - 1] === 10;
      };
      for (const ev of events) {
        if (ev.kind !== 'stage') continue;
        const at = Math.min(Math.max(ev.offset, from), view.length);
        emit(from, at);
        switchGroup(ev.title);
        from = at;
      }
      emit(from, view.length);
      return ok;
    };

    let logFd: number;
    try {
      logFd = openSync(opts.consoleLogPath, 'w');
    } catch (err) {
      return this.result(null, null, `could not create ${opts.consoleLogPath}: ${(err as Error).message}`);
    }
    marker([`::stop-commands::${token}`]);

    let startError: string | null = null;
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
      let child: ChildProcess;
      try {
        child = spawn(opts.command, opts.args, {
          cwd: opts.cwd,
          env: opts.env,
          detached: true,
          stdio: ['ignore', logFd, logFd],
        });
      } catch (err) {
        startError = (err as Error).message;
        resolve({ code: null, signal: null });
        return;
      }
      this.child = child;
      child.once('error', (err: NodeJS.ErrnoException) => {
        // Only spawn failures arrive here before 'close'; later errors (a failed kill) are harmless.
        if (child.pid === undefined) startError = describeSpawnError(opts.command, err);
      });
      if (child.pid !== undefined) opts.onSpawn?.(child.pid);
      child.once('close', (code, signal) => resolve({ code, signal }));
    });
    // The child holds its own copy of the descriptor.
    closeSync(logFd);

    let exit: { code: number | null; signal: string | null } | null = null;
    void exited.then((e) => {
      exit = e;
      this.exited = true;
      if (this.killTimer) clearTimeout(this.killTimer);
      // Members of a cancelled build's group that ignored the signal do not outlive its leader.
      const pid = this.child?.pid;
      if (this.cancelSignal !== null && pid !== undefined && processGroupAlive(pid)) {
        this.killed = true;
        killProcessGroup(pid, 'SIGKILL');
      }
    });

    const reader = await open(opts.consoleLogPath, 'r');
    let position = 0;
    let size = MIN_READ_BYTES;
    try {
      while (true) {
        // A fresh buffer per read: the job log's writable may hold on to what it is given, so nothing is
        // overwritten and nothing needs copying.
        const buffer = Buffer.allocUnsafeSlow(size);
        const { bytesRead } = await reader.read(buffer, 0, size, position);
        if (bytesRead > 0) {
          position += bytesRead;
          size = bytesRead === size ? Math.min(size * 2, MAX_READ_BYTES) : MIN_READ_BYTES;
          if (!forward(buffer.subarray(0, bytesRead))) {
            await new Promise<void>((resolve) => opts.out.once('drain', () => resolve()));
          }
          continue;
        }
        // At the end of what is written so far: done once the build has exited (and this read came after).
        if (exit !== null) break;
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS))]);
      }
    } catch (err) {
      opts.out.write(`\nwarning: could not read ${opts.consoleLogPath}: ${(err as Error).message}\n`);
      await exited;
    } finally {
      await reader.close().catch(() => undefined);
    }
    opts.parser.end();
    if (unshown > 0) {
      marker([
        `[jetson-build-action] ${(unshown / 1048576).toFixed(1)} MiB of output after the cancel are not shown here: see ${opts.consoleLogPath}`,
      ]);
    }
    const closing = [`::${token}::`];
    if (inGroup) closing.push('::endgroup::');
    marker(closing);
    const { code, signal } = await exited;
    return this.result(code, signal, startError);
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

/**
 * Signals a whole process group. No fallback to a single PID: a detached child always leads its group, and
 * once the group is gone its number may belong to someone else. Returns false if nothing was there.
 */
export function killProcessGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/** When the process started, in clock ticks since boot (field 22 of /proc/<pid>/stat), or null. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
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
