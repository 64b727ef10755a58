// A loopback webhook receiver for tests, e2e runs and the demo: records every request (raw bytes, parsed JSON
// or multipart) and answers from a script that can misbehave on purpose (errors, delays, hangs, resets).
// Also a tiny recording HTTP proxy, to show that deliveries honour HTTP(S)_PROXY / NO_PROXY.
import http, { type IncomingHttpHeaders } from 'node:http';
import net, { type AddressInfo } from 'node:net';

/** One answer. Defaults: status 200, no extra headers, an empty body. (No script at all: 200 `{"ok":true}`.) */
export interface Reply {
  status?: number;
  headers?: Record<string, string | string[]>;
  /** A string or Buffer as-is; anything else is sent as JSON. */
  body?: string | Buffer | object | null;
  /** Wait this long (after reading the request) before answering. */
  delayMs?: number;
  /** Never answer: the socket stays open until `close()` (or `maxHangMs`). */
  hang?: boolean;
  /** Destroy the socket instead of answering. */
  reset?: boolean;
}
export type ReplyFn = (req: RecordedRequest) => Reply | Promise<Reply>;
export type ScriptStep = Reply | ReplyFn;

export interface ReceiverScript {
  /** Answers by request number over all paths (0-based); past its end, `fallback`. */
  sequence?: ScriptStep[];
  /** Answers by path (pathname only): one step for every request, or a list by that path's request number. */
  paths?: Record<string, ScriptStep | ScriptStep[]>;
  /** The answer when nothing else matches (default 200 `{"ok":true}`). */
  fallback?: ScriptStep;
}

export interface ReceiverOptions {
  /** Longest a `hang` lasts before the socket is destroyed (default 60 s): every test stays bounded. */
  maxHangMs?: number;
  /** Request bodies larger than this are answered 413 (default 32 MiB). */
  maxBodyBytes?: number;
}

export interface MultipartPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  headers: Record<string, string>;
  data: Buffer;
}

export interface ParsedMultipart {
  parts: MultipartPart[];
  /** Parsed `payload_json` (Discord's message), if there is one. */
  payloadJson: unknown;
  /** The parts with a filename, in order (`files[0]`, `files[1]` …). */
  files: MultipartPart[];
}

export interface RecordedRequest {
  /** Arrival order over all paths, 0-based. */
  index: number;
  method: string;
  /** Path and query as sent. */
  url: string;
  /** Path without the query. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: IncomingHttpHeaders;
  /** The exact bytes received. */
  body: Buffer;
  /** The body parsed as JSON when it is JSON, else undefined. */
  json: unknown;
  multipart: ParsedMultipart | null;
  /** Date.now() when the request line and headers arrived. */
  receivedAt: number;
  /** Date.now() when the whole body was in. */
  completedAt: number;
  /** Date.now() when the answer was sent (null: hung, reset or not yet). */
  answeredAt: number | null;
  /** What the script did with it. */
  outcome: 'answered' | 'hung' | 'reset' | 'pending';
}

export interface Receiver {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  port: number;
  /** Every request so far, in arrival order. */
  requests: RecordedRequest[];
  /** `url + path`. */
  urlFor(path: string): string;
  /** The requests to one path. */
  requestsTo(path: string): RecordedRequest[];
  /** Replaces the script (request numbering keeps counting). */
  setScript(script: ReceiverScript): void;
  /** Resolves once `count` requests have fully arrived; rejects after `timeoutMs` (default 5 s). */
  waitForRequests(count: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  /** Forgets recorded requests and restarts the numbering. */
  clear(): void;
  /** Destroys every open socket (hung ones too) and stops listening. */
  close(): Promise<void>;
}

const DEFAULT_REPLY: Reply = { status: 200, body: { ok: true } };

/** Starts a receiver on 127.0.0.1 with a free port. */
export async function startReceiver(
  script: ReceiverScript = {},
  options: ReceiverOptions = {},
): Promise<Receiver> {
  const maxHangMs = options.maxHangMs ?? 60_000;
  const maxBodyBytes = options.maxBodyBytes ?? 32 * 1024 * 1024;
  let current = script;
  let counter = 0;
  const perPath = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const waiters = new Set<() => void>();

  const later = (ms: number, fn: () => void): void => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const server = http.createServer((req, res) => {
    const receivedAt = Date.now();
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('error', () => {});
    req.on('end', () => {
      const url = req.url ?? '/';
      const parsed = new URL(url, 'http://127.0.0.1');
      const body = Buffer.concat(chunks);
      const record: RecordedRequest = {
        index: counter++,
        method: req.method ?? 'GET',
        url,
        path: parsed.pathname,
        query: Object.fromEntries(parsed.searchParams),
        headers: req.headers,
        body,
        json: parseJsonBody(req.headers['content-type'], body),
        multipart: parseMultipartBody(req.headers['content-type'], body),
        receivedAt,
        completedAt: Date.now(),
        answeredAt: null,
        outcome: 'pending',
      };
      const pathIndex = perPath.get(record.path) ?? 0;
      perPath.set(record.path, pathIndex + 1);
      requests.push(record);
      for (const wake of [...waiters]) wake();
      if (tooLarge) {
        answer(res, record, { status: 413, body: 'too large' });
        return;
      }
      void pickReply(current, record, pathIndex).then(
        (reply) => act(req, res, record, reply),
        (err: unknown) =>
          answer(res, record, { status: 500, body: `receiver script failed: ${String(err)}` }),
      );
    });
  });

  const act = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    record: RecordedRequest,
    reply: Reply,
  ): void => {
    const go = (): void => {
      if (reply.reset) {
        record.outcome = 'reset';
        req.socket.destroy();
        return;
      }
      if (reply.hang) {
        record.outcome = 'hung';
        later(maxHangMs, () => req.socket.destroy());
        return;
      }
      answer(res, record, reply);
    };
    if (reply.delayMs && reply.delayMs > 0) later(reply.delayMs, go);
    else go();
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    port,
    requests,
    urlFor: (path) => base + (path.startsWith('/') ? path : `/${path}`),
    requestsTo: (path) => requests.filter((r) => r.path === path),
    setScript(next) {
      current = next;
    },
    waitForRequests(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          if (requests.length < count) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(requests.slice(0, count));
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`receiver: ${requests.length} of ${count} requests after ${timeoutMs} ms`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    clear() {
      requests.length = 0;
      counter = 0;
      perPath.clear();
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function pickReply(script: ReceiverScript, req: RecordedRequest, pathIndex: number): Promise<Reply> {
  let step: ScriptStep | undefined;
  const byPath = script.paths?.[req.path];
  if (byPath !== undefined) step = Array.isArray(byPath) ? (byPath[pathIndex] ?? script.fallback) : byPath;
  else step = script.sequence?.[req.index] ?? script.fallback;
  step ??= DEFAULT_REPLY;
  return typeof step === 'function' ? await step(req) : step;
}

function answer(res: http.ServerResponse, record: RecordedRequest, reply: Reply): void {
  const headers: Record<string, string | string[]> = { ...(reply.headers ?? {}) };
  let payload: Buffer | string = '';
  const body = reply.body ?? null;
  if (typeof body === 'string' || Buffer.isBuffer(body)) payload = body;
  else if (body !== null) {
    payload = JSON.stringify(body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
  }
  record.outcome = 'answered';
  record.answeredAt = Date.now();
  res.writeHead(reply.status ?? 200, headers);
  res.end(payload);
}

function parseJsonBody(contentType: string | undefined, body: Buffer): unknown {
  if (!contentType?.includes('json') || body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** A strict, bounded multipart/form-data parser (enough for Discord's payload_json + files[n]). */
export function parseMultipartBody(contentType: string | undefined, body: Buffer): ParsedMultipart | null {
  const m = /^multipart\/form-data;.*\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  if (!m) return null;
  const boundary = m[1] ?? m[2] ?? '';
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(delimiter);
  for (let guard = 0; pos !== -1 && guard < 1000; guard++) {
    const afterDelimiter = pos + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const headerStart = afterDelimiter + 2;
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1) break;
    const end = body.indexOf(next, headerEnd + 4);
    if (end === -1) break;
    const headers: Record<string, string> = {};
    for (const line of body.subarray(headerStart, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const disposition = headers['content-disposition'] ?? '';
    parts.push({
      name: /\bname="([^"]*)"/.exec(disposition)?.[1] ?? '',
      filename: /\bfilename="([^"]*)"/.exec(disposition)?.[1] ?? null,
      contentType: headers['content-type'] ?? null,
      headers,
      data: body.subarray(headerEnd + 4, end),
    });
    pos = end + 2;
  }
  const payloadPart = parts.find((p) => p.name === 'payload_json');
  let payloadJson: unknown = undefined;
  if (payloadPart) {
    try {
      payloadJson = JSON.parse(payloadPart.data.toString('utf8'));
    } catch {
      payloadJson = undefined;
    }
  }
  return { parts, payloadJson, files: parts.filter((p) => p.filename !== null) };
}

export interface RecordingProxy {
  /** `http://127.0.0.1:<port>`, for HTTP_PROXY / HTTPS_PROXY. */
  url: string;
  port: number;
  /** `host:port` of every CONNECT tunnel opened (undici tunnels through proxies by default). */
  connects: string[];
  /** Absolute-form URLs of plain proxied requests. */
  forwarded: string[];
  close(): Promise<void>;
}

/** A minimal forward proxy on 127.0.0.1 that records what went through it (CONNECT and absolute-form). */
export async function startRecordingProxy(): Promise<RecordingProxy> {
  const connects: string[] = [];
  const forwarded: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    forwarded.push(req.url ?? '');
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute-form URL expected');
      return;
    }
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: req.method,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connects,
    forwarded,
    async close() {
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
