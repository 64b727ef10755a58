// `pr-comment: true`: one sticky comment on the pull request the run belongs to — per job and matrix leg for
// the action, one per run for the summarize action — found again by the hidden marker it starts with and
// updated in place, never a new one per push. Only on pull_request(_target) events; a fork's pull_request
// run has a read-only token, so it is skipped with a notice before any request. Bounded (10 s for every
// request together), scrubbed (the body leaves the runner), and it never fails the step: at worst one
// warning that says why, naming the permission when GitHub answered 403.
import type { BuildReport } from '../report/build-report.js';
import type { RunReport } from '../report/run-report.js';
import { buildMarker, renderBuildComment, renderRunComment, runMarker } from '../report/pr-comment.js';
import { githubClient, readGitHubRun, type GitHubClient, type GitHubRun } from '../runner/github.js';
import { scrub, scrubDeep } from '../runner/secrets.js';
import { deadline, requestFailure } from './request-error.js';

/** Every request of one comment together: listing, then creating or updating. */
export const PR_COMMENT_TIMEOUT_MS = 10_000;
const PER_PAGE = 100;
/** Listing stops after this many pages (1000 comments): a sticky comment is written early in a PR's life. */
const MAX_PAGES = 10;
const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

export interface CommentLog {
  debug(message: string): void;
  info(message: string): void;
  notice(message: string): void;
  warn(message: string): void;
}

export type PrCommentOutcome =
  | { action: 'created' | 'updated'; id: number; url: string | null }
  | { action: 'skipped' | 'failed'; reason: string };

export interface PrCommentRequest {
  /** The hidden marker the body starts with (buildMarker / runMarker). */
  marker: string;
  /** The body, rendered only once a comment is going to be written. */
  body: () => string;
  token: string | null;
  log: CommentLog;
  timeoutMs?: number;
  /** The run (default: read now through @actions/github's context). */
  run?: GitHubRun;
}

interface ListedComment {
  id: number;
  body: string;
  login: string | null;
  bot: boolean;
}

/** GITHUB_TOKEN's identity: the author preferred when the token's own user is not known. */
const ACTIONS_BOT = 'github-actions[bot]';

function listed(raw: unknown): ListedComment | null {
  const c = (raw ?? {}) as {
    id?: unknown;
    body?: unknown;
    user?: { login?: unknown; type?: unknown } | null;
  };
  if (typeof c.id !== 'number' || typeof c.body !== 'string') return null;
  const login = typeof c.user?.login === 'string' ? c.user.login : null;
  const bot = c.user?.type === 'Bot' || login === ACTIONS_BOT;
  return { id: c.id, body: c.body, login, bot };
}

interface CommentsApi {
  /** The token's own user's login (a personal access token); throws for an installation token. */
  me(signal: AbortSignal): Promise<string | null>;
  list(page: number, signal: AbortSignal): Promise<unknown[]>;
  create(body: string, signal: AbortSignal): Promise<unknown>;
  update(id: number, body: string, signal: AbortSignal): Promise<unknown>;
}

function restApi(client: GitHubClient, owner: string, repo: string, issue: number): CommentsApi {
  return {
    async me(signal) {
      const { data } = await client.rest.users.getAuthenticated({ request: { signal } });
      return typeof data?.login === 'string' && data.login !== '' ? data.login : null;
    },
    async list(page, signal) {
      const { data } = await client.rest.issues.listComments({
        owner,
        repo,
        issue_number: issue,
        per_page: PER_PAGE,
        page,
        request: { signal },
      });
      return Array.isArray(data) ? (data as unknown[]) : [];
    },
    async create(body, signal) {
      const { data } = await client.rest.issues.createComment({
        owner,
        repo,
        issue_number: issue,
        body,
        request: { signal },
      });
      return data;
    },
    async update(id, body, signal) {
      const { data } = await client.rest.issues.updateComment({
        owner,
        repo,
        comment_id: id,
        body,
        request: { signal },
      });
      return data;
    },
  };
}

/**
 * The token's own login, when it is a user's token (a PAT): comments it wrote are its own. GITHUB_TOKEN and
 * an app's token are refused (403): then null, and only bots' comments are candidates.
 */
async function ownLogin(api: CommentsApi, signal: AbortSignal): Promise<string | null> {
  try {
    return await api.me(signal);
  } catch (err) {
    if (signal.aborted) throw err;
    return null;
  }
}

/** The most existing comments one run tries to update (each refusal costs a request) before writing anew. */
const MAX_UPDATE_TRIES = 5;

/**
 * The comments starting with `marker` that may be ours, in the order to try them, looking through at most
 * MAX_PAGES pages: with a user's token (a PAT), that user's own first, newest first; then every bot's, newest
 * first — an installation token (GITHUB_TOKEN, an app's) cannot tell which bot it is, and the newest marked
 * comment is the likeliest to be the one this identity wrote last. A person's comment quoting the marker is
 * never one, unless that person is the token's own user.
 */
async function findComments(
  api: CommentsApi,
  marker: string,
  self: string | null,
  signal: AbortSignal,
): Promise<number[]> {
  const own: number[] = [];
  const bots: number[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const comments = await api.list(page, signal);
    for (const c of comments.map(listed)) {
      if (c === null || !c.body.startsWith(marker)) continue;
      if (self !== null && c.login === self) own.push(c.id);
      else if (c.bot) bots.push(c.id);
    }
    if (comments.length < PER_PAGE) break;
  }
  // Ids grow with time: the highest is the newest.
  const newestFirst = (ids: number[]): number[] => [...ids].sort((a, b) => b - a);
  return [...newestFirst(own), ...newestFirst(bots)].slice(0, MAX_UPDATE_TRIES);
}

function written(action: 'created' | 'updated', data: unknown): PrCommentOutcome {
  const d = (data ?? {}) as { id?: unknown; html_url?: unknown };
  return {
    action,
    id: typeof d.id === 'number' ? d.id : 0,
    url: typeof d.html_url === 'string' ? d.html_url : null,
  };
}

async function write(
  api: CommentsApi,
  req: PrCommentRequest,
  signal: AbortSignal,
): Promise<PrCommentOutcome> {
  const self = await ownLogin(api, signal);
  const candidates = await findComments(api, req.marker, self, signal);
  // The marker is hex and ours: only the rest is scrubbed, so no secret can mask the marker and lose the
  // comment on the next run.
  const full = req.body();
  const body = full.startsWith(req.marker)
    ? `${req.marker}${scrub(full.slice(req.marker.length))}`
    : scrub(full);
  for (const existing of candidates) {
    try {
      return written('updated', await api.update(existing, body, signal));
    } catch (err) {
      // Deleted between the listing and the update (404), or written by another identity that only looks
      // like ours (403: a token edits only its own comments): the next candidate, else one of our own.
      const status = (err as { status?: unknown } | null)?.status;
      if (status !== 404 && status !== 403) throw err;
      req.log.debug(`pr-comment: comment ${existing} could not be updated (HTTP ${status}).`);
    }
  }
  return written('created', await api.create(body, signal));
}

/** Why there is no comment on this run, or null when there is one to write. */
function skipReason(run: GitHubRun, token: string | null, log: CommentLog): string | null {
  if (!run.eventName || !PR_EVENTS.has(run.eventName)) {
    log.debug(`pr-comment: a ${run.eventName ?? 'run without an'} event has no pull request to comment on.`);
    return 'not a pull request event';
  }
  if (run.prNumber === null || !run.owner || !run.repo) {
    log.debug(`pr-comment: the ${run.eventName} event names no pull request; no comment.`);
    return 'no pull request number';
  }
  // pull_request_target runs with the base repository's token, which may write.
  if (run.eventName === 'pull_request' && run.prFromFork === true) {
    log.notice(
      `pr-comment: pull request #${run.prNumber} comes from a fork, and a fork's pull_request run gets a read-only token: no comment (the job summary has the result).`,
    );
    return 'fork pull request';
  }
  if (!token) {
    log.warn(`pr-comment: input 'github-token' is empty: no comment on pull request #${run.prNumber}.`);
    return 'no token';
  }
  return null;
}

function failureWarning(prNumber: number, status: number | null, text: string): string {
  if (status === 403) {
    return `pr-comment: the token may not comment on pull request #${prNumber} (${text}): give the job 'permissions: pull-requests: write'. The build's result is unaffected.`;
  }
  if (status === 404) {
    return `pr-comment: pull request #${prNumber} was not found with this token (${text}); no comment.`;
  }
  return `pr-comment: could not comment on pull request #${prNumber}: ${text}.`;
}

/**
 * Creates or updates the comment that starts with `req.marker` on the run's pull request. Never throws, never
 * takes longer than the timeout (10 s) however the API behaves.
 */
export async function upsertPrComment(req: PrCommentRequest): Promise<PrCommentOutcome> {
  const run = req.run ?? readGitHubRun();
  const skip = skipReason(run, req.token, req.log);
  if (skip !== null) return { action: 'skipped', reason: skip };
  const prNumber = run.prNumber as number;
  const timeoutMs = req.timeoutMs ?? PR_COMMENT_TIMEOUT_MS;
  const signal = deadline(timeoutMs);
  let timer: NodeJS.Timeout | undefined;
  // The abort ends every request; this also ends a wait the client would not give up on its own.
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeoutMs + 250);
  });
  try {
    const api = restApi(githubClient(req.token as string, run.apiUrl), run.owner!, run.repo!, prNumber);
    const outcome = await Promise.race([write(api, req, signal), late]);
    if (outcome === 'late') throw new Error('late');
    if (outcome.action === 'created' || outcome.action === 'updated') {
      const verb = outcome.action === 'created' ? 'wrote a comment on' : 'updated its comment on';
      req.log.info(`pr-comment: ${verb} pull request #${prNumber}${outcome.url ? `: ${outcome.url}` : '.'}`);
    }
    return outcome;
  } catch (err) {
    const failure = requestFailure(err, signal.aborted, run.apiUrl, timeoutMs);
    req.log.warn(scrub(failureWarning(prNumber, failure.status, failure.text)));
    return { action: 'failed', reason: failure.text };
  } finally {
    clearTimeout(timer);
  }
}

export interface CommentOptions {
  now?: () => Date;
  /** The run (default: read now through @actions/github's context). */
  run?: GitHubRun;
}

/** The action's comment for one build (job and matrix leg), rendered from the scrubbed report. */
export function commentOnBuild(
  report: BuildReport,
  token: string | null,
  log: CommentLog,
  opts: CommentOptions = {},
): Promise<PrCommentOutcome> {
  const run = opts.run ?? readGitHubRun();
  const marker = buildMarker({
    workflow: run.workflowPath ?? run.workflow ?? report.run.workflow,
    job: run.job ?? report.run.job,
    matrix: report.run.matrix,
    step: run.step,
    packages: report.requestedPackages,
  });
  const now = opts.now ?? ((): Date => new Date());
  return upsertPrComment({
    marker,
    body: () => renderBuildComment(scrubDeep(report), { marker, now: now() }),
    token,
    log,
    run,
  });
}

/** The summarize action's one comment for the whole run. */
export function commentOnRun(
  run: RunReport,
  token: string | null,
  log: CommentLog,
  opts: CommentOptions = {},
): Promise<PrCommentOutcome> {
  const github = opts.run ?? readGitHubRun();
  const marker = runMarker({
    workflow: github.workflowPath ?? github.workflow ?? run.trigger_name,
    job: github.job,
    // The planned entries (a wildcard as typed): each row answers one.
    packages: run.runs.map((r) => r.requested ?? r.name),
    platforms: run.platforms.map((p) => p.name),
  });
  const now = opts.now ?? ((): Date => new Date());
  return upsertPrComment({
    marker,
    body: () => renderRunComment(scrubDeep(run), { marker, now: now() }),
    token,
    log,
    run: github,
  });
}
