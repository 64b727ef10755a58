// Uploads the log folder as a workflow artifact through @actions/artifact, bounded in time, and never throws:
// every way it can fail comes back as one sentence the notifications and the job log can show.
//
// How a hung upload is ended: the library takes no abort signal and can wait for minutes (a 3 min socket
// timeout × 5 Twirp attempts, a 5 min stall timer on blob storage). Every HTTP request the library makes
// while uploading is tagged through AsyncLocalStorage (seen via the `http.client.request.start`
// diagnostics channel); when our timer fires, those requests are destroyed and any the library still
// starts is destroyed at once (with errors the library does not retry), so its promise settles within
// seconds: at most one retry sleep already under way (≤ ~15 s for Twirp, ≤ 12 s for Azure) and no socket
// keeps the process alive. The blob stall timer is also capped at our bound (ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS).
// `uploadsInFlight()` tells an entry point whether an abandoned upload is still unwinding; the action
// should end its entry points with an explicit `process.exit()` once outputs are written, as the last
// guard against anything else left open. One upload at a time: the library reads process.env.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { lstat, mkdir, mkdtemp, readdir, realpath, rm, stat, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InputError, errorMessage } from '../runner/errors.js';
import { canonicalJson } from '../report/canonical-json.js';

type Env = Record<string, string | undefined>;

export type UploadResult =
  { ok: true; id: number; url: string | null; size: number } | { ok: false; reason: string };

export interface UploadLogsOptions {
  /** The log folder: console.log, build/, test/, report.json. */
  dir: string;
  /** The artifact name (unique within the run). */
  name: string;
  /** 1–90; undefined keeps the repository's setting. */
  retentionDays?: number;
  /** Overall bound for the upload, from the first request to FinalizeArtifact. */
  timeoutMs: number;
  /** Where the library's variables come from; default process.env. Applied to process.env for the call. */
  env?: Env;
  serverUrl: string;
  repository: string | null;
  runId: string | null;
}

/** Characters the artifact service refuses in a name (it also refuses all but `\` and `/` in file paths). */
const INVALID_NAME_CHARS = /["':<>|*?\r\n\\/]/;
const INVALID_PATH_CHARS = /["':<>|*?\r\n]/;
const MAX_NAME_LENGTH = 200;
const MAX_FILES = 100_000;
const MAX_DEPTH = 32;
const DEFAULT_TIMEOUT_MS = 5 * 60_000;

/** The variables @actions/artifact reads from process.env while it uploads. */
const LIBRARY_ENV = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'GITHUB_SERVER_URL',
  'GITHUB_RETENTION_DAYS',
  'ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY',
  'ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS',
] as const;

function slug(value: string): string {
  return value
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[_.-]+|[_.-]+$/g, '');
}

/** The leaf values of a matrix leg, in key order, e.g. `{"pkg":"torch:2.8","l4t":"r36"}` → torch:2.8, r36. */
function matrixValues(value: unknown, out: string[], depth = 0): void {
  if (depth > 8 || out.length > 32) return;
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const v of value) matrixValues(v, out, depth + 1);
  } else if (typeof value === 'object') {
    for (const v of Object.values(value as Record<string, unknown>)) matrixValues(v, out, depth + 1);
  } else {
    out.push(String(value));
  }
}

/**
 * A name unique per job, matrix leg and run attempt: `jetson-build-logs-<job>[-<leg values>-<hash>]-attempt<n>`.
 * The leg part shows the matrix values for people and adds 8 hex digits of a hash of the whole leg, so two
 * legs whose values read alike after cleaning never collide. Without a run attempt (not on Actions), a UTC
 * timestamp keeps re-runs apart instead.
 */
export function defaultArtifactName(ctx: {
  job: string | null;
  matrix: string | null;
  runAttempt: string | null;
  /** GITHUB_ACTION: the step's id, so two uses of the action in one job get two names. */
  step?: string | null;
  now?: Date;
}): string {
  const job = slug(ctx.job ?? '').slice(0, 60) || 'job';
  const step = stepPart(ctx.step ?? null);
  let leg = '';
  const raw = ctx.matrix?.trim() ?? '';
  if (raw !== '' && raw !== 'null' && raw !== '{}') {
    let parsed: unknown;
    let canonical = raw;
    try {
      parsed = JSON.parse(raw);
      canonical = canonicalJson(parsed);
    } catch {
      parsed = raw;
    }
    const values: string[] = [];
    matrixValues(parsed, values);
    const readable = slug(values.join('-'))
      .slice(0, 80)
      .replace(/[_.-]+$/, '');
    const hash = createHash('sha256').update(canonical).digest('hex').slice(0, 8);
    leg = readable ? `-${readable}-${hash}` : `-${hash}`;
  }
  const attempt = ctx.runAttempt && /^\d+$/.test(ctx.runAttempt) ? ctx.runAttempt : null;
  const suffix = attempt
    ? `-attempt${attempt}`
    : `-${(ctx.now ?? new Date())
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z')}`;
  return `jetson-build-logs-${job}${step}${leg}${suffix}`.slice(0, MAX_NAME_LENGTH);
}

/**
 * The step's part of a default name: a step id the user chose, or the `_2`, `_3`… the runner appends to
 * its generated id (`__owner_repo_2`) when the same action is used again in a job; nothing for the first use.
 */
function stepPart(step: string | null): string {
  if (!step) return '';
  if (step.startsWith('__')) {
    const again = /_(\d+)$/.exec(step);
    return again ? `-step${again[1]}` : '';
  }
  const s = slug(step).slice(0, 40);
  return s ? `-${s}` : '';
}

/** True when an upload failed only because the name is taken in this run (HTTP 409 on CreateArtifact). */
export function isNameConflict(reason: string): boolean {
  return reason.includes('already exists in this run');
}

/** `retention-days`: a whole number 1–90, or empty for the repository's setting. */
export function parseRetentionDays(value: string): number | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 90) {
    throw new InputError(
      'retention-days',
      value,
      'a whole number of days from 1 to 90, or empty for the default',
    );
  }
  return Number(v);
}

/** `artifact-name`: empty for the derived default, else a name the artifact service accepts. */
export function parseArtifactName(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (INVALID_NAME_CHARS.test(v) || v.length > MAX_NAME_LENGTH) {
    throw new InputError(
      'artifact-name',
      value,
      `at most ${MAX_NAME_LENGTH} characters, none of " ' : < > | * ? \\ / or line breaks`,
    );
  }
  return v;
}

/** What @actions/artifact itself treats as GHES: any host but github.com, *.ghe.com and *.localhost. */
export function isGhesServer(serverUrl: string): boolean {
  const host = new URL(serverUrl).hostname.trimEnd().toLowerCase();
  return !(host === 'github.com' || host.endsWith('.ghe.com') || host.endsWith('.localhost'));
}

/**
 * The regular files under `dir`, recursively. Symlinks count only when they lead to a regular file
 * inside `dir`; sockets, pipes, devices and links out of the folder are skipped.
 */
export async function collectLogFiles(dir: string): Promise<string[]> {
  const root = await realpath(dir);
  const files: string[] = [];
  const walk = async (current: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) return;
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (err) {
      // An unreadable sub-folder (a root-owned docker leftover) should not cost the rest of the logs.
      if (depth === 0) throw err;
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (files.length >= MAX_FILES) return;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        await walk(full, depth + 1);
      } else if (entry.isFile()) {
        files.push(full);
      } else if (entry.isSymbolicLink()) {
        try {
          const target = await realpath(full);
          if (target.startsWith(root + path.sep) && (await stat(target)).isFile()) files.push(full);
        } catch {
          // A dangling link: nothing to upload.
        }
      }
    }
  };
  await walk(root, 0);
  return files;
}

/**
 * When some relative path holds a character the artifact service refuses (a `:` from an image tag),
 * mirrors the folder as symlinks with cleaned names (the library zips a link's target) and returns it.
 */
async function stageCleanNames(
  root: string,
  files: string[],
): Promise<{ root: string; files: string[] } | null> {
  const rel = files.map((f) => path.relative(root, f));
  if (!rel.some((r) => INVALID_PATH_CHARS.test(r))) return null;
  const stage = await mkdtemp(path.join(os.tmpdir(), 'jetson-build-logs-'));
  const used = new Set<string>();
  const staged: string[] = [];
  for (let i = 0; i < files.length; i++) {
    const clean = (rel[i] as string)
      .split(path.sep)
      .map((part) => part.replace(/["':<>|*?\r\n]/g, '_'))
      .join(path.sep);
    let candidate = clean;
    for (let n = 2; used.has(candidate) && n < MAX_FILES; n++) {
      const ext = path.extname(clean);
      candidate = `${clean.slice(0, clean.length - ext.length)}~${n}${ext}`;
    }
    used.add(candidate);
    const link = path.join(stage, candidate);
    await mkdir(path.dirname(link), { recursive: true });
    await symlink(await realpath(files[i] as string), link);
    staged.push(link);
  }
  return { root: stage, files: staged };
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim().replace(/\.+$/, '');
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? String(s) : s.toFixed(1);
}

/** What a request of the upload was for, from its path; `service` = the results service (Twirp). */
function operationOf(req: ClientRequest): { op: string; service: boolean } {
  const [pathname = '', query = ''] = req.path.split('?');
  const twirp = /\/twirp\/[^/]+\/(\w+)$/.exec(pathname);
  if (twirp) return { op: twirp[1] as string, service: true };
  if (/(^|&)comp=blocklist(&|$)/.test(query)) return { op: 'the block list commit', service: false };
  if (/(^|&)comp=block(&|$)/.test(query)) return { op: 'a block upload', service: false };
  return { op: 'the blob upload', service: false };
}

interface Observed {
  /** The last non-2xx answer: status and what it answered. */
  lastFailure: { status: number; op: string; service: boolean } | null;
  /** Requests started and not yet answered. */
  open: Map<ClientRequest, string>;
}

function describeError(err: unknown, name: string, observed: Observed, stallMs: number): string {
  const e = err as { name?: unknown; message?: unknown; code?: unknown; statusCode?: unknown };
  const errName = typeof e?.name === 'string' ? e.name : '';
  const message = errorMessage(err);
  if (errName === 'GHESNotSupportedError')
    return 'artifact uploads are not supported on GitHub Enterprise Server';
  if (errName === 'UsageError') return 'the artifact storage quota of this account is used up';
  // The Twirp client rewraps its NetworkError as `Failed to <method>: Unable to make request: <code>`.
  const network = /Unable to make request: (\w+)/.exec(message);
  if (errName === 'NetworkError' || network) {
    const code = network?.[1] ?? String(e.code);
    return `could not reach the artifact service (${code}); a self-hosted runner needs access to GitHub's artifact endpoints`;
  }
  if (errName === 'FilesNotFoundError') return 'no log files were found to upload';
  const twirp = /^Failed to (\w+): .*?\((\d{3})\)[^:]*(?::\s*([\s\S]*))?$/.exec(message);
  if (twirp) {
    const [, method, status, detail] = twirp;
    if (status === '409' && method === 'CreateArtifact') {
      return `an artifact named '${name}' already exists in this run (HTTP 409 on CreateArtifact); set a different artifact-name`;
    }
    const why = detail ? `: ${firstLine(detail)}` : '';
    return `the artifact service answered HTTP ${status} on ${method}${why}`;
  }
  const notOk = /^(\w+): response from backend was not ok/.exec(message);
  if (notOk) return `the artifact service answered ok: false on ${notOk[1]}`;
  if (/Upload progress stalled/.test(message)) {
    return `the upload to blob storage made no progress for ${seconds(stallMs)} s`;
  }
  const call = /^Failed to (\w+): ([\s\S]*)$/.exec(message);
  if (call) return `the artifact service call ${call[1]} failed: ${firstLine(call[2] as string)}`;
  if (errName === 'RestError') {
    const status = typeof e.statusCode === 'number' ? e.statusCode : observed.lastFailure?.status;
    const op =
      observed.lastFailure && !observed.lastFailure.service ? observed.lastFailure.op : 'the blob upload';
    if (status) return `blob storage answered HTTP ${status} on ${op}`;
    return `the upload to blob storage failed: ${firstLine(message)}`;
  }
  if (/artifact name is not valid/.test(message)) return firstLine(message);
  if (observed.lastFailure) {
    const f = observed.lastFailure;
    return `${f.service ? 'the artifact service' : 'blob storage'} answered HTTP ${f.status} on ${f.op}`;
  }
  return `the artifact upload failed: ${firstLine(message)}`;
}

function describeTimeout(timeoutMs: number, observed: Observed): string {
  const base = `upload timed out after ${seconds(timeoutMs)} s`;
  const waiting = [...observed.open.values()].pop();
  if (waiting) return `${base} waiting for an answer to ${waiting}`;
  const f = observed.lastFailure;
  if (f) return `${base}; the last answer was HTTP ${f.status} on ${f.op}`;
  return base;
}

/** Applies the library's variables from `env` to process.env; returns how to put them back. */
function applyEnv(env: Env, timeoutMs: number): () => void {
  const saved = new Map<string, string | undefined>();
  const set = (key: string, value: string | undefined): void => {
    if (!saved.has(key)) saved.set(key, process.env[key]);
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  };
  if (env !== process.env) for (const key of LIBRARY_ENV) set(key, env[key]);
  // The blob stall timer: never longer than our own bound.
  const stall = Number.parseInt(env.ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS ?? '', 10);
  const bound = Math.max(1000, Math.ceil(timeoutMs));
  set(
    'ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS',
    String(Number.isFinite(stall) && stall > 0 ? Math.min(stall, bound) : bound),
  );
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/** An error the library treats as final: ECONNRESET stops Twirp retries; an unknown code stops Azure's. */
function abandonError(service: boolean): Error {
  return Object.assign(new Error('artifact upload abandoned after its time limit'), {
    code: service ? 'ECONNRESET' : 'ERR_ARTIFACT_ABANDONED',
  });
}

const uploadContext = new AsyncLocalStorage<symbol>();
let inFlight = 0;

/**
 * Library uploads not yet settled, including ones abandoned at their time limit (they settle within
 * seconds once abandoned). Lets an entry point wait briefly for them before it exits.
 */
export function uploadsInFlight(): number {
  return inFlight;
}

/**
 * Watches the HTTP requests made inside one upload (tagged via AsyncLocalStorage) so they can be reported
 * on and, once the upload is abandoned, destroyed.
 */
function watchRequests(tag: symbol) {
  const observed: Observed = { lastFailure: null, open: new Map() };
  const ours = new Set<ClientRequest>();
  let abandoned = false;
  const destroy = (req: ClientRequest, service: boolean): void => {
    process.nextTick(() => {
      if (!req.destroyed) req.destroy(abandonError(service));
    });
  };
  const onStart = (message: unknown): void => {
    if (uploadContext.getStore() !== tag) return;
    const req = (message as { request: ClientRequest }).request;
    const { op, service } = operationOf(req);
    if (abandoned) {
      destroy(req, service);
      return;
    }
    ours.add(req);
    observed.open.set(req, op);
    req.once('response', (res: IncomingMessage) => {
      observed.open.delete(req);
      const status = res.statusCode ?? 0;
      if (status >= 300) observed.lastFailure = { status, op, service };
    });
    req.once('close', () => {
      observed.open.delete(req);
      ours.delete(req);
    });
  };
  diagnostics.subscribe('http.client.request.start', onStart);
  return {
    observed,
    abandon(): void {
      abandoned = true;
      for (const req of ours) destroy(req, operationOf(req).service);
    },
    stop(): void {
      diagnostics.unsubscribe('http.client.request.start', onStart);
    },
  };
}

/** Pre-checks that make an upload impossible, as a reason, or null. */
function precheck(env: Env): string | null {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((k) => !env[k]).join(' and ');
    return `${missing} ${missing.includes(' and ') ? 'are' : 'is'} not set: artifact uploads only work inside a GitHub Actions JavaScript action step`;
  }
  try {
    new URL(env.ACTIONS_RESULTS_URL);
  } catch {
    return `ACTIONS_RESULTS_URL is not a valid URL`;
  }
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  try {
    if (isGhesServer(server)) {
      return `artifact uploads are not supported on GitHub Enterprise Server (host ${new URL(server).hostname})`;
    }
  } catch {
    return `GITHUB_SERVER_URL is not a valid URL`;
  }
  return null;
}

/** Uploads the log folder. Never throws; a failure comes back as `{ ok: false, reason }`. */
export async function uploadLogs(opts: UploadLogsOptions): Promise<UploadResult> {
  try {
    return await uploadLogsUnsafe(opts);
  } catch (err) {
    return { ok: false, reason: `the artifact upload failed: ${firstLine(errorMessage(err))}` };
  }
}

/** Why an upload cannot even be tried (no runtime, GHES, a bad name or retention), or null. */
function checkRequest(opts: UploadLogsOptions, env: NodeJS.ProcessEnv): string | null {
  const impossible = precheck(env);
  if (impossible) return impossible;
  if (!opts.name || INVALID_NAME_CHARS.test(opts.name)) {
    return `the artifact name ${JSON.stringify(opts.name)} is empty or holds a character artifacts refuse`;
  }
  if (opts.retentionDays !== undefined && !(opts.retentionDays >= 1 && opts.retentionDays <= 90)) {
    return `retention days must be from 1 to 90, not ${opts.retentionDays}`;
  }
  return null;
}

/** The files of the log folder to upload, staged under clean names when some names would be refused. */
async function filesToUpload(
  dir: string,
): Promise<{ root: string; files: string[]; staged: boolean } | { reason: string }> {
  let root: string;
  try {
    const st = await lstat(dir);
    if (!st.isDirectory()) return { reason: `the log folder ${dir} is not a folder` };
    root = await realpath(dir);
  } catch {
    return { reason: `the log folder ${dir} does not exist` };
  }
  const files = await collectLogFiles(root);
  if (files.length === 0) return { reason: `the log folder ${dir} holds no files` };
  if (files.length >= MAX_FILES) return { reason: `the log folder holds more than ${MAX_FILES} files` };
  const staged = await stageCleanNames(root, files);
  return staged ? { ...staged, staged: true } : { root, files, staged: false };
}

async function uploadLogsUnsafe(opts: UploadLogsOptions): Promise<UploadResult> {
  const env = opts.env ?? process.env;
  const refused = checkRequest(opts, env);
  if (refused) return { ok: false, reason: refused };
  const found = await filesToUpload(opts.dir);
  if ('reason' in found) return { ok: false, reason: found.reason };
  const { root, files, staged } = found;
  // setTimeout fires at once for NaN or anything past 2^31-1 ms.
  const timeoutMs =
    Number.isFinite(opts.timeoutMs) && opts.timeoutMs > 0
      ? Math.min(opts.timeoutMs, 2 ** 31 - 1)
      : DEFAULT_TIMEOUT_MS;
  const restoreEnv = applyEnv(env, timeoutMs);
  const tag = Symbol('artifact-upload');
  const watch = watchRequests(tag);
  const cleanup = (): void => {
    watch.stop();
    inFlight--;
    if (staged) void rm(root, { recursive: true, force: true }).catch(() => undefined);
  };

  const upload = uploadContext.run(tag, async () => {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    return new DefaultArtifactClient().uploadArtifact(
      opts.name,
      files,
      root,
      opts.retentionDays === undefined ? {} : { retentionDays: opts.retentionDays },
    );
  });
  inFlight++;
  // Settled: stop watching and drop the staging folder, whether we waited for it or not.
  upload.then(cleanup, cleanup);

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    // Not unref'd: if the library ever waited on nothing that holds the event loop, the process must not
    // end quietly in the middle of the action; this timer keeps it going until the bound.
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([upload, timedOut]);
    if (outcome === 'timeout') {
      const reason = describeTimeout(timeoutMs, watch.observed);
      watch.abandon();
      return { ok: false, reason };
    }
    const base = opts.serverUrl.replace(/\/+$/, '');
    const url =
      opts.repository && opts.runId
        ? `${base}/${opts.repository}/actions/runs/${opts.runId}/artifacts/${outcome.id}`
        : null;
    if (typeof outcome.id !== 'number' || !Number.isFinite(outcome.id)) {
      return { ok: false, reason: 'the artifact service answered FinalizeArtifact without an artifact id' };
    }
    return { ok: true, id: outcome.id, url, size: outcome.size ?? 0 };
  } catch (err) {
    return {
      ok: false,
      reason: describeError(
        err,
        opts.name,
        watch.observed,
        Number(process.env.ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS),
      ),
    };
  } finally {
    clearTimeout(timer);
    restoreEnv();
  }
}
