// A loopback double of the GitHub REST API's issue comments, for `pr-comment`. Point GITHUB_API_URL at `url`
// (the @actions/github client honours it). It keeps comments per issue and answers like api.github.com:
//   GET   /repos/{owner}/{repo}/issues/{n}/comments?per_page=…&page=…   (oldest first, paged, Link header)
//   POST  /repos/{owner}/{repo}/issues/{n}/comments                     {body} → 201, written by `botLogin`
//   PATCH /repos/{owner}/{repo}/issues/comments/{id}                    {body} → 200; 404 when there is none
//   GET   /user    the token's own user for a personal access token; 403 for GITHUB_TOKEN or an app's token
// 401 for a wrong token, 404 for anything else, and can answer any one kind of request as GitHub does without
// permission (403) or when the pull request is gone (404), or hang it.
import { startReceiver, type RecordedRequest, type Receiver, type Reply } from './receiver.js';

export interface ApiUser {
  login: string;
  type: 'Bot' | 'User' | 'Organization';
}

export interface ApiComment {
  id: number;
  issue: number;
  body: string;
  user: ApiUser;
  created_at: string;
  updated_at: string;
}

export type CommentCall = 'list' | 'create' | 'update' | 'user';

export interface CommentsDoubleOptions {
  /** `owner/repo` the double serves (default `octo-org/jetson-images`, runnerEnv's GITHUB_REPOSITORY). */
  repository?: string;
  /** Comments already there (ids are kept; new ones count on from the highest). */
  comments?: Omit<ApiComment, 'created_at' | 'updated_at'>[];
  /** The author of the comments the token writes (default the GITHUB_TOKEN's `github-actions[bot]`). */
  author?: ApiUser;
  /** The token the double accepts (`Authorization: token …`); others get 401 Bad credentials. */
  token?: string;
  /** Answer these kinds of request with this instead (see `forbidden()`, `notFound()`, `{ hang: true }`). */
  fail?: Partial<Record<CommentCall, Reply>>;
  /** The most per page the double gives, whatever per_page asks (GitHub: 100). */
  maxPerPage?: number;
  maxHangMs?: number;
}

export interface CommentsDouble {
  url: string;
  requests: RecordedRequest[];
  receiver: Receiver;
  /** The comments as they are now, every issue, in id order. */
  comments: ApiComment[];
  /** The requests of one kind, in order. */
  calls(kind: CommentCall): RecordedRequest[];
  close(): Promise<void>;
}

/** GitHub's answer to a GITHUB_TOKEN without `pull-requests: write` (or `issues: write`). */
export function forbidden(): Reply {
  return {
    status: 403,
    body: {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '403',
    },
  };
}

export function notFound(): Reply {
  return {
    status: 404,
    body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
  };
}

export const BOT: ApiUser = { login: 'github-actions[bot]', type: 'Bot' };

function kindOf(req: RecordedRequest, prefix: string): CommentCall | null {
  if (req.path === '/user' && req.method === 'GET') return 'user';
  if (new RegExp(`^${prefix}/issues/\\d+/comments$`).test(req.path)) {
    return req.method === 'GET' ? 'list' : req.method === 'POST' ? 'create' : null;
  }
  if (new RegExp(`^${prefix}/issues/comments/\\d+$`).test(req.path) && req.method === 'PATCH')
    return 'update';
  return null;
}

export async function startCommentsDouble(opts: CommentsDoubleOptions = {}): Promise<CommentsDouble> {
  const repository = opts.repository ?? 'octo-org/jetson-images';
  const prefix = `/repos/${repository}`;
  const author = opts.author ?? BOT;
  const maxPerPage = opts.maxPerPage ?? 100;
  const stamp = (i: number): string => new Date(Date.UTC(2026, 2, 1, 0, i)).toISOString();
  const comments: ApiComment[] = (opts.comments ?? []).map((c) => ({
    ...c,
    created_at: stamp(c.id % 1000),
    updated_at: stamp(c.id % 1000),
  }));
  let nextId = Math.max(1000, ...comments.map((c) => c.id)) + 1;
  let base = '';
  const full = (c: ApiComment): Record<string, unknown> => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${base}${prefix}/issues/comments/${c.id}`,
    html_url: `https://github.com/${repository}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${base}${prefix}/issues/${c.issue}`,
    body: c.body,
    user: { ...c.user, id: c.user.type === 'Bot' ? 41898282 : 583231 },
    author_association: c.user.type === 'Bot' ? 'NONE' : 'OWNER',
    created_at: c.created_at,
    updated_at: c.updated_at,
  });

  const route = (req: RecordedRequest): Reply => {
    if (opts.token !== undefined && req.headers.authorization !== `token ${opts.token}`) {
      return { status: 401, body: { message: 'Bad credentials', status: '401' } };
    }
    const kind = kindOf(req, prefix);
    if (kind === null) return notFound();
    const failure = opts.fail?.[kind];
    if (failure) return failure;
    if (kind === 'user') {
      // Only a user's token (a PAT) has a user; an installation token (GITHUB_TOKEN, an app) is refused.
      return author.type === 'User'
        ? { body: { login: author.login, id: 583231, type: 'User' } }
        : forbidden();
    }
    const body = (req.json as { body?: unknown } | undefined)?.body;
    if (kind === 'list') {
      const issue = Number(/\/issues\/(\d+)\//.exec(req.path)?.[1]);
      const perPage = Math.min(maxPerPage, Number(req.query.per_page ?? 30));
      const page = Math.max(1, Number(req.query.page ?? 1));
      const all = comments.filter((c) => c.issue === issue);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const link = (p: number, rel: string): string =>
        `<${base}${req.path}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
      const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
      return {
        headers: links.length ? { link: links.join(', ') } : {},
        body: all.slice((page - 1) * perPage, page * perPage).map(full),
      };
    }
    if (typeof body !== 'string') {
      return {
        status: 422,
        body: { message: 'Invalid request.\n\n"body" wasn\'t supplied.', status: '422' },
      };
    }
    if (body.length > 65_536) {
      return {
        status: 422,
        body: { message: 'Validation Failed: body is too long (maximum is 65536 characters)' },
      };
    }
    if (kind === 'create') {
      const issue = Number(/\/issues\/(\d+)\//.exec(req.path)?.[1]);
      const c: ApiComment = {
        id: nextId++,
        issue,
        body,
        user: author,
        created_at: stamp(nextId % 1000),
        updated_at: stamp(nextId % 1000),
      };
      comments.push(c);
      return { status: 201, body: full(c) };
    }
    const id = Number(/\/comments\/(\d+)$/.exec(req.path)?.[1]);
    const c = comments.find((x) => x.id === id);
    if (!c) return notFound();
    // GitHub lets a token edit only what its own identity wrote.
    if (c.user.login !== author.login) return forbidden();
    c.body = body;
    c.updated_at = stamp((c.id + 500) % 1000);
    return { body: full(c) };
  };
  const receiver = await startReceiver({ fallback: route }, { maxHangMs: opts.maxHangMs ?? 15_000 });
  base = receiver.url;
  return {
    url: receiver.url,
    requests: receiver.requests,
    receiver,
    comments,
    calls: (kind) => receiver.requests.filter((r) => kindOf(r, prefix) === kind),
    close: () => receiver.close(),
  };
}
