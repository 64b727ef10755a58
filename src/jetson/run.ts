// Runs the build command in its own process group. The build writes straight into console.log (stdout and
// stderr share one O_APPEND descriptor, so the kernel does the tee and the build never waits on the action);
// the action tails that file into the job log (protected by ::stop-commands::, one collapsible group per
// stage) and through the stream parser.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants as fsConstants,
  existsSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { printable, quoteValue } from '../runner/errors.js';

export interface StreamEventLike {
  kind: string;
  offset: number;
  title: string;
}

export interface ChunkParser {
  /** `chunk` is valid only while the call runs: its buffer may be read into again afterwards. */
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

/**
 * Creates console.log afresh: never through a link, never into a file an earlier run left (a log-dir reused
 * on a persistent runner), whatever it is. Returns the descriptor the build writes to, and what was there.
 */
function createConsoleLog(file: string): { fd: number; replaced: string | null } {
  const { O_WRONLY, O_APPEND, O_CREAT, O_EXCL, O_NOFOLLOW } = fsConstants;
  const flags = O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW;
  let replaced: string | null = null;
  // Bounded: something that keeps recreating the file between unlink and open is an error, not a loop.
  for (let attempt = 0; ; attempt++) {
    try {
      return { fd: openSync(file, flags, 0o644), replaced };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 2) throw err;
    }
    const st = lstatSync(file);
    if (st.isSymbolicLink()) replaced = `a symlink to ${readlinkSync(file)}`;
    else replaced = st.isFile() ? 'a file' : 'not a regular file';
    // A folder is not removed: unlink fails (EISDIR) and the build does not start, with that reason.
    unlinkSync(file);
  }
}

function newToken(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Whether all that was written to `out` has left the process, so the buffers it was given may be read into
 * again. process.stdout writes files, and on Linux pipes and terminals, before `write` returns; what it still
 * queues (a pipe elsewhere) counts in `writableLength`. Any other writable (a PassThrough) may keep the very
 * buffer it was given. (The parser reads a chunk only while `write` runs.)
 */
function handedOff(out: Writable): boolean {
  return out === process.stdout && out.writableLength === 0;
}

/** Group titles are one line of plain text. */
function groupTitle(title: string): string {
  // Outside the fence: no control character of the build's output may reach this line raw.
  return printable(title.replace(/[\r\n]+/g, ' ')).slice(0, 200);
}

/**
 * The job-log side of a build: its output fenced by `::stop-commands::<token>` (a fresh token at each group
 * switch), one collapsible group per stage, and after a cancel only a small budget of backlog replayed.
 */
class JobLog {
  private token = newToken();
  private inGroup = false;
  private atLineStart = true;
  private shownAfterCancel = 0;
  /** Bytes of backlog after a cancel that were parsed for the report but not replayed. */
  unshown = 0;

  constructor(
    private readonly out: Writable,
    private readonly parser: ChunkParser,
  ) {}

  /** A line of the action's own (between runs of build output; before the fence opens). */
  note(text: string): void {
    this.write(text);
  }

  open(): void {
    this.marker([`::stop-commands::${this.token}`]);
  }

  close(consoleLogPath: string): void {
    if (this.unshown > 0) {
      this.marker([
        `[jetson-build-action] ${(this.unshown / 1048576).toFixed(1)} MiB of output after the cancel are not shown here: see ${consoleLogPath}`,
      ]);
    }
    const closing = [`::${this.token}::`];
    if (this.inGroup) closing.push('::endgroup::');
    this.marker(closing);
  }

  /**
   * Parses bytes and passes them on, with group markers at stage starts. `view` is never reused. After a cancel
   * the runner allows seconds, not minutes: beyond a small budget (the tool's last words), a backlog the job log
   * has not caught up with is parsed for the report but not replayed. False when the job log wants a drain.
   */
  forward(view: Buffer, cancelled: boolean): boolean {
    const events = this.parser.write(view);
    if (cancelled) {
      if (this.shownAfterCancel >= SHOW_AFTER_CANCEL_BYTES) {
        this.unshown += view.length;
        return true;
      }
      this.shownAfterCancel += view.length;
    }
    let from = 0;
    let ok = true;
    for (const ev of events) {
      if (ev.kind !== 'stage') continue;
      const at = Math.min(Math.max(ev.offset, from), view.length);
      ok = this.emit(view, from, at) && ok;
      this.switchGroup(ev.title);
      from = at;
    }
    return this.emit(view, from, view.length) && ok;
  }

  private emit(view: Buffer, a: number, b: number): boolean {
    if (b <= a) return true;
    this.atLineStart = view[b - 1] === 10;
    return this.write(view.subarray(a, b));
  }

  private switchGroup(title: string): void {
    const next = newToken();
    const lines = [`::${this.token}::`];
    if (this.inGroup) lines.push('::endgroup::');
    lines.push(`::group::${groupTitle(title)}`, `::stop-commands::${next}`);
    this.marker(lines);
    this.token = next;
    this.inGroup = true;
  }

  private marker(lines: string[]): void {
    this.write((this.atLineStart ? '' : '\n') + lines.join('\n') + '\n');
    this.atLineStart = true;
  }

  private write(data: Buffer | string): boolean {
    return data.length === 0 ? true : this.out.write(data);
  }
}

type Exit = { code: number | null; signal: string | null };

export class BuildProcess {
  private child: ChildProcess | null = null;
  private cancelSignal: string | null = null;
  private killTimer: NodeJS.Timeout | null = null;
  private killed = false;
  private exited = false;
  private startError: string | null = null;

  constructor(private readonly opts: RunOptions) {}

  /** Spawns the command and resolves when it has exited and all its output is passed on. Never rejects. */
  async run(): Promise<RunResult> {
    const { opts } = this;
    const log = new JobLog(opts.out, opts.parser);
    const files = await this.openConsoleLog(log);
    if ('error' in files) return this.result(null, null, files.error);
    log.open();
    const exited = this.start(files.logFd);
    // The child holds its own copy of the descriptor.
    closeSync(files.logFd);
    let exit: Exit | null = null;
    void exited.then((e) => {
      exit = e;
      this.onExit();
    });
    await this.follow(files.reader, log, exited, () => exit !== null);
    opts.parser.end();
    log.close(opts.consoleLogPath);
    const { code, signal } = await exited;
    return this.result(code, signal, this.startError);
  }

  /**
   * console.log, created anew (never written through a link an earlier run left), and the action's reader of
   * it, opened before the build starts: a build that swaps console.log for a link later cannot redirect what the
   * action reads into the job log.
   */
  private async openConsoleLog(
    log: JobLog,
  ): Promise<{ logFd: number; reader: FileHandle } | { error: string }> {
    const file = this.opts.consoleLogPath;
    let logFd: number;
    try {
      const created = createConsoleLog(file);
      logFd = created.fd;
      if (created.replaced !== null) {
        log.note(
          `[jetson-build-action] ${file} is from an earlier run (${created.replaced}): replaced it with a new file; nothing was written through it.\n`,
        );
      }
    } catch (err) {
      return { error: `could not create ${file}: ${(err as Error).message}` };
    }
    try {
      return { logFd, reader: await open(file, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW) };
    } catch (err) {
      closeSync(logFd);
      return { error: `could not read ${file}: ${(err as Error).message}` };
    }
  }

  /** Starts the build in its own process group, writing into console.log; resolves when it has exited. */
  private start(logFd: number): Promise<Exit> {
    const { opts } = this;
    this.startError = preflight(opts.command, opts);
    return new Promise<Exit>((resolve) => {
      if (this.startError !== null) {
        resolve({ code: null, signal: null });
        return;
      }
      let child: ChildProcess;
      try {
        child = spawn(opts.command, opts.args, {
          cwd: opts.cwd,
          env: opts.env,
          detached: true,
          stdio: ['ignore', logFd, logFd],
        });
      } catch (err) {
        this.startError = (err as Error).message;
        resolve({ code: null, signal: null });
        return;
      }
      this.child = child;
      child.once('error', (err: NodeJS.ErrnoException) => {
        // Only spawn failures arrive here before 'close'; later errors (a failed kill) are harmless.
        if (child.pid === undefined) this.startError = describeSpawnError(opts.command, err, opts);
      });
      if (child.pid !== undefined) opts.onSpawn?.(child.pid);
      child.once('close', (code, signal) => resolve({ code, signal }));
    });
  }

  private onExit(): void {
    this.exited = true;
    if (this.killTimer) clearTimeout(this.killTimer);
    // Members of a cancelled build's group that ignored the signal do not outlive its leader.
    const pid = this.child?.pid;
    if (this.cancelSignal !== null && pid !== undefined && processGroupAlive(pid)) {
      this.killed = true;
      killProcessGroup(pid, 'SIGKILL');
    }
  }

  /** Tails console.log into the job log until the build has exited and everything it wrote is read. */
  private async follow(
    reader: FileHandle,
    log: JobLog,
    exited: Promise<Exit>,
    hasExited: () => boolean,
  ): Promise<void> {
    const { opts } = this;
    let position = 0;
    let size = MIN_READ_BYTES;
    /** The last buffer, when nothing holds it any more. */
    let spare: Buffer | null = null;
    // One listener on the build's exit wakes the current poll. (Racing `exited` in every poll added a reaction
    // to it each time that lived until the build ended: 43 MiB per hour of a quiet build.)
    let wake: (() => void) | null = null;
    void exited.then(() => wake?.());
    try {
      while (true) {
        // A fresh buffer per read unless the last one is free again: the job log's writable may hold on to what
        // it is given, so nothing is overwritten and nothing needs copying. (A fresh megabyte per read made
        // V8 collect garbage every 20 MiB of a flood: a fifth of the action's time.)
        const buffer: Buffer = spare !== null && spare.length >= size ? spare : Buffer.allocUnsafeSlow(size);
        spare = null;
        const { bytesRead } = await reader.read(buffer, 0, size, position);
        if (bytesRead > 0) {
          position += bytesRead;
          size = bytesRead === size ? Math.min(size * 2, MAX_READ_BYTES) : MIN_READ_BYTES;
          if (!log.forward(buffer.subarray(0, bytesRead), this.cancelSignal !== null)) {
            await new Promise<void>((resolve) => opts.out.once('drain', () => resolve()));
          }
          if (handedOff(opts.out)) spare = buffer;
          continue;
        }
        spare = buffer;
        // At the end of what is written so far: done once the build has exited (and this read came after).
        if (hasExited()) break;
        // The poll timer is cleared when the build exits first: a pending timer would hold the process open
        // (up to IDLE_POLL_MS after a short build's last byte).
        await new Promise<void>((resolve) => {
          const poll = setTimeout(() => {
            wake = null;
            resolve();
          }, IDLE_POLL_MS);
          wake = () => {
            clearTimeout(poll);
            wake = null;
            resolve();
          };
        });
      }
    } catch (err) {
      opts.out.write(`\nwarning: could not read ${opts.consoleLogPath}: ${(err as Error).message}\n`);
      await exited;
    } finally {
      await reader.close().catch(() => undefined);
    }
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

/**
 * Why a command could not be started, in words a person can act on. spawn says ENOENT both when there is no
 * such command and when the file exists but its `#!` interpreter does not (the kernel reports the missing
 * interpreter as a missing file), and EACCES for a file that is not executable and for a directory. So the
 * file is looked at: resolved as spawn resolves it (a path against `cwd`, a bare name on the child's PATH),
 * then its first line read.
 */
function describeSpawnError(
  command: string,
  err: NodeJS.ErrnoException,
  where: { cwd: string; env: NodeJS.ProcessEnv },
): string {
  const start = `could not start '${printable(command)}'`;
  const install =
    "install jetson-containers with its install.sh, or set the 'jetson-containers' input to the path of a clone's jetson-containers or build.sh";
  if (err.code !== 'ENOENT' && err.code !== 'EACCES' && err.code !== 'ENOEXEC') {
    return `${start}: ${printable(err.message)}`;
  }
  if (!isDirectory(where.cwd)) {
    return `${start}: its working directory '${printable(where.cwd)}' does not exist`;
  }
  const file = resolveCommandFile(command, where);
  if (file === null) {
    return command.includes('/')
      ? `${start}: command not found, there is no such file (${install})`
      : `${start}: command not found on the PATH (${install})`;
  }
  const what = file === command ? start : `${start} (${printable(file)})`;
  if (isDirectory(file)) return `${what}: it is a directory, not a program`;
  const head = readHead(file);
  const shebang =
    head !== null && head.subarray(0, 2).toString('latin1') === '#!' ? parseShebang(head) : null;
  if (err.code === 'ENOEXEC') {
    return `${what}: it is neither a program for this system nor a script starting with a #! line (exec format error)`;
  }
  if (err.code === 'EACCES') {
    if (!isExecutable(file)) return `${what}: permission denied: the file is not executable (chmod +x it)`;
    if (shebang !== null && shebang.interpreter !== '' && !isExecutable(shebang.interpreter)) {
      return `${what}: permission denied: its interpreter '${printable(shebang.interpreter)}' named on the #! line is not executable`;
    }
    return `${what}: permission denied (is it on a file system mounted noexec?)`;
  }
  // ENOENT, yet the file is there: something the kernel needs to run it is not.
  if (shebang !== null) {
    if (shebang.interpreter === '') return `${what}: its #! line names no interpreter`;
    if (!existsSync(shebang.interpreter)) {
      return `${what}: its interpreter '${printable(shebang.interpreter)}' named on the #! line does not exist`;
    }
    return `${what}: its interpreter '${printable(shebang.interpreter)}' named on the #! line could not be started (built for another system?)`;
  }
  if (head !== null && head.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) {
    return `${what}: the program's loader (its ELF interpreter) is missing: was it built for another architecture or C library?`;
  }
  return `${what}: the file exists but the system reports it missing (${printable(err.message)})`;
}

/**
 * What can be told before starting a script that cannot run, where starting it would only give exit 127 and a
 * line from `env` in the log: a `#!` line ending in a carriage return (Windows CRLF line endings: the kernel
 * or `env` looks for `bash\r`), and a `#!/usr/bin/env NAME` line whose NAME is not on the build's PATH.
 * Anything else is left to the kernel (and describeSpawnError).
 */
function preflight(command: string, where: { cwd: string; env: NodeJS.ProcessEnv }): string | null {
  const file = resolveCommandFile(command, where);
  if (file === null || isDirectory(file)) return null;
  const head = readHead(file);
  if (head === null || head.subarray(0, 2).toString('latin1') !== '#!') return null;
  const eol = head.indexOf(0x0a);
  const line = head.subarray(2, eol < 0 ? head.length : eol).toString('utf8');
  const what = `could not start '${printable(command)}'${file === command ? '' : ` (${printable(file)})`}`;
  if (line.endsWith('\r')) {
    return `${what}: its #! line ends with a carriage return (the file has Windows CRLF line endings), so it names ${quoteValue(line.trim() + '\r')} instead of a program; convert the file to LF line endings (dos2unix, or git's core.autocrlf=false)`;
  }
  const words = line.trim().split(/[ \t]+/);
  if (path.basename(words[0] ?? '') !== 'env') return null;
  const program = words.slice(1).find((w) => !w.startsWith('-'));
  if (program === undefined || program.includes('=')) return null;
  const found = program.includes('/')
    ? existsSync(program)
    : (where.env.PATH ?? '').split(':').some((dir) => existsSync(path.resolve(where.cwd, dir, program)));
  return found
    ? null
    : `${what}: its #! line runs '${printable(program)}' through env, and there is no '${printable(program)}' on the build's PATH`;
}

/** The file spawn would run: `command` against `cwd` if it holds a '/', else the first match on the child's PATH. */
function resolveCommandFile(command: string, where: { cwd: string; env: NodeJS.ProcessEnv }): string | null {
  if (command.includes('/')) {
    const file = path.resolve(where.cwd, command);
    return existsSync(file) ? file : null;
  }
  for (const dir of (where.env.PATH ?? '').split(':')) {
    // An empty PATH entry means the current directory, as for execvp.
    const file = path.resolve(where.cwd, dir, command);
    if (existsSync(file)) return file;
  }
  return null;
}

/**
 * The interpreter of a `#!` line as Linux reads it: after `#!` and blanks, up to the next blank or the end
 * of the line. (A CR is not a blank to the kernel: preflight reports `#!/bin/bash\r` before it is run.)
 */
function parseShebang(head: Buffer): { interpreter: string } {
  const text = head.toString('utf8');
  const eol = text.indexOf('\n');
  const line = (eol < 0 ? text : text.slice(0, eol)).slice(2);
  const interpreter = line.replace(/^[ \t]+/, '').split(/[ \t]/)[0] ?? '';
  return { interpreter };
}

/** The first 256 bytes of a file (what the kernel reads to find a #! line), or null. */
function readHead(file: string): Buffer | null {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(256);
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, fsConstants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
