// Delivery against servers that misbehave on purpose (real loopback servers, real undici): what a user reads in
// the result when an answer is huge, broken, slow, rate-limited, or never comes. Waits are observed through the
// injected `sleep`, never measured.
import { execFileSync } from 'node:child_process';
import { getEventListeners } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Agent, ProxyAgent } from 'undici';
import { Webhook } from 'standardwebhooks';

vi.mock('@actions/core', () => ({ setSecret: () => {} }));

import {
  deliverAll,
  formatDeadline,
  formatSeconds,
  parseRetryAfter,
  userAgents,
  type DeliverOptions,
} from '../../src/notify/deliver.js';
import { registerSecret } from '../../src/runner/secrets.js';
import type { DeliveryResult, Target } from '../../src/notify/types.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { deliverOneTo, jsonMessage, serverPerTest, webhookTarget } from '../support/delivery.js';

let receiver: Receiver;
serverPerTest(startReceiver, (r) => (receiver = r));

/** Here no retries unless a test asks for them. */
const target = (url: string, over: Partial<Target> = {}): Target =>
  webhookTarget(url, { retries: 0, ...over });
const discordUrl = (): string => receiver.urlFor('/api/webhooks/1/t') + '?wait=true';
const message = jsonMessage;

/** Options that record every wait instead of waiting. */
function recordWaits(over: Partial<DeliverOptions> = {}): { waits: number[]; opts: DeliverOptions } {
  const waits: number[] = [];
  return {
    waits,
    opts: {
      deadlineMs: 600_000,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
      ...over,
    },
  };
}

async function deliver(
  t: Target,
  opts: Partial<DeliverOptions> = {},
  msg = message(),
): Promise<DeliveryResult> {
  return deliverOneTo(t, msg, { ...recordWaits().opts, ...opts });
}

/** A loopback server whose handler runs once the request body is in; closes every socket at the end. */
async function rawServer(
  onRequest: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => onRequest(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('the response cap (64 KiB by default)', () => {
  const pad = (total: number): string => {
    const head = '{"message":"too big","pad":"';
    return head + 'x'.repeat(total - head.length - 2) + '"}';
  };

  it('reads a JSON error of exactly 64 KiB whole', async () => {
    const body = pad(64 * 1024);
    receiver.setScript({ fallback: { status: 400, body } });
    const result = await deliver(target(receiver.urlFor('/hook')));
    expect(result.error).toBe('HTTP 400: too big');
  });

  it('reads one byte more only up to the cap: the JSON is cut, so the raw start is shown', async () => {
    const body = pad(64 * 1024 + 1);
    receiver.setScript({ fallback: { status: 400, body } });
    const result = await deliver(target(receiver.urlFor('/hook')));
    expect(result.error).toBe(`HTTP 400: ${body.slice(0, 299)}…`);
  });

  it('honours a smaller cap', async () => {
    const body = pad(2000);
    receiver.setScript({ fallback: { status: 400, body } });
    expect((await deliver(target(receiver.urlFor('/hook')), { maxResponseBytes: 2000 })).error).toBe(
      'HTTP 400: too big',
    );
    expect((await deliver(target(receiver.urlFor('/hook')), { maxResponseBytes: 1999 })).error).toBe(
      `HTTP 400: ${body.slice(0, 299)}…`,
    );
  });

  it('does not wait for the rest of an answer that stalls after the cap', async () => {
    const text = 'E'.repeat(64 * 1024);
    const server = await rawServer((_req, res) => {
      res.writeHead(400, { 'content-length': String(1024 * 1024), 'content-type': 'text/plain' });
      res.write(text); // and never the rest
    });
    try {
      const result = await deliver(target(server.url, { timeoutMs: 20_000 }));
      expect(result.error).toBe(`HTTP 400: ${'E'.repeat(299)}…`);
      expect(result.durationMs).toBeLessThan(10_000);
    } finally {
      await server.close();
    }
  });
});

describe('answers whose body breaks off', () => {
  /** Answers `status` promising 100 bytes, sends 5, then drops the connection. */
  const brokenBody = (status: number) =>
    rawServer((_req, res) => {
      res.writeHead(status, { 'content-length': '100' });
      res.write('short');
      setTimeout(() => res.socket?.destroy(), 20);
    });

  it('a 2xx counts as delivered (sending again would post twice), and says the body was lost', async () => {
    for (const status of [200, 299]) {
      const server = await brokenBody(status);
      try {
        const logged: string[] = [];
        const result = await deliver(target(server.url, { retries: 3 }), { log: (m) => logged.push(m) });
        expect(result).toMatchObject({ delivered: true, attempts: 1, httpStatus: status, error: null });
        expect(logged).toEqual([`test: HTTP ${status}, but the response body could not be read`]);
      } finally {
        await server.close();
      }
    }
  });

  it('any other status is a broken connection, retried, and may have landed', async () => {
    for (const status of [300, 500]) {
      const server = await brokenBody(status);
      try {
        const fates: string[] = [];
        const result = await deliver(target(server.url, { retries: 1 }), {
          onFate: (_t, r) => fates.push(r.fate),
        });
        expect(result).toMatchObject({ delivered: false, attempts: 2, httpStatus: null });
        expect(result.error).toBe(
          'connection closed by the server before it answered (UND_ERR_SOCKET) (2 attempts)',
        );
        expect(fates).toEqual(['sending', 'retry-wait', 'sending', 'unknown']);
      } finally {
        await server.close();
      }
    }
  });
});

describe('network failures: the message a user reads, and whether it is retried', () => {
  it('a server that closes the connection without answering', async () => {
    const server = await rawServer((_req, res) => res.socket?.end());
    try {
      const result = await deliver(target(server.url, { retries: 1 }));
      expect(result.error).toBe(
        'connection closed by the server before it answered (UND_ERR_SOCKET) (2 attempts)',
      );
    } finally {
      await server.close();
    }
  });

  it('a server that resets the connection', async () => {
    const server = await rawServer((_req, res) => (res.socket as Socket).resetAndDestroy());
    try {
      const result = await deliver(target(server.url, { retries: 1 }));
      expect(result.error).toBe('connection reset (ECONNRESET) (2 attempts)');
    } finally {
      await server.close();
    }
  });

  it('a host name that does not resolve is retried, and nothing was sent', async () => {
    for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
      const dispatcher = new Agent({
        connect: {
          lookup: ((_host: string, _opts: unknown, cb: (err: Error) => void) =>
            cb(Object.assign(new Error(`getaddrinfo ${code} hooks.example`), { code }))) as never,
        },
      });
      try {
        const fates: string[] = [];
        const result = await deliver(target('http://hooks.example/hook', { retries: 1 }), {
          dispatcher,
          onFate: (_t, r) => fates.push(r.fate),
        });
        expect(result).toMatchObject({ delivered: false, attempts: 2 });
        expect(result.error).toBe(`host name lookup failed (${code}) (2 attempts)`);
        expect(fates).toEqual(['retry-wait', 'failed']);
      } finally {
        await dispatcher.close();
      }
    }
  });

  it('a connect timeout is retried, even for Discord (nothing was sent)', async () => {
    const dispatcher = new Agent({ connect: { timeout: 50, lookup: (() => {}) as never } });
    try {
      const result = await deliver(
        target('http://discord.example/api/webhooks/1/t', { format: 'discord', retries: 1 }),
        {
          dispatcher,
        },
      );
      expect(result.error).toBe('connect timed out (UND_ERR_CONNECT_TIMEOUT) (2 attempts)');
    } finally {
      await dispatcher.destroy();
    }
  });

  it("undici's own header timeout is retried", async () => {
    const dispatcher = new Agent({ headersTimeout: 200 });
    receiver.setScript({ fallback: { hang: true } });
    try {
      const result = await deliver(target(receiver.urlFor('/hook'), { retries: 0 }), { dispatcher });
      expect(result).toMatchObject({ delivered: false, attempts: 1, httpStatus: null });
      expect(result.error).toBe('the server stopped answering (UND_ERR_HEADERS_TIMEOUT) (1 attempt)');
    } finally {
      await dispatcher.destroy();
    }
  });

  it("undici's own body timeout on an error answer is retried", async () => {
    const dispatcher = new Agent({ bodyTimeout: 200 });
    const server = await rawServer((_req, res) => {
      res.writeHead(503, { 'content-length': '100' });
      res.write('partial');
    });
    try {
      // Retried: with no retries left it ends with the count ('(1 attempt)'), as a permanent error does not.
      const result = await deliver(target(server.url, { retries: 0 }), { dispatcher });
      expect(result.error).toBe('the server stopped answering (UND_ERR_BODY_TIMEOUT) (1 attempt)');
    } finally {
      await dispatcher.destroy();
      await server.close();
    }
  });

  it('a header value undici refuses is not retried', async () => {
    const result = await deliver(
      target(receiver.urlFor('/hook'), { retries: 3, headers: { 'x-team': 'a\nb' } }),
    );
    expect(result).toMatchObject({ delivered: false, attempts: 1 });
    expect(result.error).toBe('network error: invalid x-team header (UND_ERR_INVALID_ARG)');
    expect(receiver.requests).toHaveLength(0);
  });

  it('a proxy that refuses the tunnel: retried, nothing sent', async () => {
    const proxy = http.createServer();
    proxy.on('connect', (_req, socket: Socket) => socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
    const { port } = proxy.address() as AddressInfo;
    const dispatcher = new ProxyAgent(`http://127.0.0.1:${port}`);
    try {
      const fates: string[] = [];
      const result = await deliver(target(receiver.urlFor('/hook'), { retries: 1 }), {
        dispatcher,
        onFate: (_t, r) => fates.push(r.fate),
      });
      expect(result.error).toBe(
        'network error: Proxy response (502) !== 200 when HTTP Tunneling (UND_ERR_ABORTED) (2 attempts)',
      );
      expect(fates).toEqual(['retry-wait', 'failed']);
      expect(receiver.requests).toHaveLength(0);
    } finally {
      await dispatcher.destroy();
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it('an error without a code shows its message; a code on its cause is used', async () => {
    const failing = (err: unknown) =>
      new Agent().compose(() => () => {
        throw err;
      });
    const plain = await deliver(target(receiver.urlFor('/hook'), { retries: 1 }), {
      dispatcher: failing(new Error('the tunnel is down')),
    });
    expect(plain.error).toBe('network error: the tunnel is down (2 attempts)');
    const wrapped = await deliver(target(receiver.urlFor('/hook')), {
      dispatcher: failing(
        new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }),
      ),
    });
    expect(wrapped.error).toBe('connection refused (ECONNREFUSED) (1 attempt)');
    const thrown = await deliver(target(receiver.urlFor('/hook')), { dispatcher: failing('no route') });
    expect(thrown.error).toBe('network error: no route (1 attempt)');
  });
});

describe('TLS failures are not retried', () => {
  let dir = '';
  let server: https.Server;
  let url = '';
  let cert = '';
  const opensslMissing = (() => {
    try {
      execFileSync('openssl', ['version'], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  })();

  beforeAll(async () => {
    if (opensslMissing) return;
    dir = mkdtempSync(join(tmpdir(), 'deliver-tls-'));
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
        ...['-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-days', '2'],
        ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    server = https.createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (_req, res) =>
      res.end('ok'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    if (opensslMissing) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(opensslMissing)('a self-signed certificate', async () => {
    const result = await deliver(target(url, { retries: 3 }));
    expect(result).toMatchObject({ delivered: false, attempts: 1 });
    // Newer Node versions add a hint about system CAs to the message.
    expect(result.error).toMatch(
      /^network error: self-signed certificate.* \(DEPTH_ZERO_SELF_SIGNED_CERT\)$/,
    );
  });

  it.skipIf(opensslMissing)('a trusted certificate for another host name', async () => {
    const dispatcher = new Agent({ connect: { ca: cert } });
    try {
      const result = await deliver(target(url, { retries: 3 }), { dispatcher });
      expect(result).toMatchObject({ delivered: false, attempts: 1 });
      expect(result.error).toMatch(
        /^network error: Hostname\/IP does not match certificate's altnames: .*\(ERR_TLS_CERT_ALTNAME_INVALID\)$/,
      );
    } finally {
      await dispatcher.close();
    }
  });
});

describe('which answers are retried', () => {
  it.each([408, 429, 500, 502, 503, 504])('HTTP %i is retried', async (status) => {
    receiver.setScript({ sequence: [{ status }, { status: 200 }] });
    const result = await deliver(target(receiver.urlFor('/hook'), { retries: 1 }));
    expect(result).toMatchObject({ delivered: true, attempts: 2 });
  });

  it.each([400, 401, 404, 409, 422, 501, 505])('HTTP %i is not', async (status) => {
    receiver.setScript({ sequence: [{ status }, { status: 200 }] });
    const result = await deliver(target(receiver.urlFor('/hook'), { retries: 1 }));
    expect(result).toMatchObject({ delivered: false, attempts: 1, httpStatus: status });
  });

  it('a Discord 401 or 403 means the webhook is gone', async () => {
    for (const status of [401, 403]) {
      receiver.setScript({ fallback: { status, body: { message: '401: Unauthorized', code: 0 } } });
      const result = await deliver(target(discordUrl(), { format: 'discord', retries: 2 }));
      expect(result.error).toBe(`HTTP ${status}: webhook is invalid or was deleted`);
    }
  });

  it('a generic 404 shows what the server said', async () => {
    receiver.setScript({ fallback: { status: 404, body: 'no such hook' } });
    expect((await deliver(target(receiver.urlFor('/hook')))).error).toBe('HTTP 404: no such hook');
  });

  it('redirects, at both ends of 3xx, are not followed', async () => {
    for (const status of [300, 399]) {
      receiver.setScript({ fallback: { status, headers: { location: '/elsewhere' }, body: 'moved' } });
      const result = await deliver(target(receiver.urlFor('/hook'), { retries: 2 }));
      expect(result.error).toBe(`HTTP ${status}: redirects are not followed; configure the final URL`);
    }
  });

  it('a refused connection to Discord is retried (the request never left)', async () => {
    const closed = await startReceiver();
    const url = closed.urlFor('/api/webhooks/1/t');
    await closed.close();
    const result = await deliver(target(url, { format: 'discord', retries: 2 }));
    expect(result.error).toBe('connection refused (ECONNREFUSED) (3 attempts)');
  });

  it('a Discord request reset after it was written is not retried', async () => {
    receiver.setScript({ fallback: { reset: true } });
    const result = await deliver(target(discordUrl(), { format: 'discord', retries: 2 }));
    expect(result.attempts).toBe(1);
    expect(result.error).toMatch(
      /^connection (reset \(ECONNRESET\)|closed by the server before it answered \(UND_ERR_SOCKET\)); not retried: the request was sent and may have been delivered \(Discord cannot drop a repeated message\) \(1 attempt\)$/,
    );
  });
});

describe('what the server said, as the user reads it', () => {
  it('message, code and errors together', async () => {
    receiver.setScript({
      fallback: {
        status: 400,
        body: { message: 'Invalid Form Body', code: 50035, errors: { content: ['too long'] } },
      },
    });
    expect((await deliver(target(receiver.urlFor('/hook')))).error).toBe(
      'HTTP 400: Invalid Form Body (code 50035) {"content":["too long"]}',
    );
  });

  it('a code of 0 is still shown', async () => {
    receiver.setScript({ fallback: { status: 400, body: { message: 'Bad', code: 0 } } });
    expect((await deliver(target(receiver.urlFor('/hook')))).error).toBe('HTTP 400: Bad (code 0)');
  });

  it('JSON without a text message is shown raw', async () => {
    receiver.setScript({ fallback: { status: 400, body: { message: 7, detail: 'x' } } });
    expect((await deliver(target(receiver.urlFor('/hook')))).error).toBe(
      'HTTP 400: {"message":7,"detail":"x"}',
    );
  });

  it('text that only looks like JSON is shown raw', async () => {
    receiver.setScript({ fallback: { status: 400, body: ' {"message":"hidden"}' } });
    expect((await deliver(target(receiver.urlFor('/hook')))).error).toBe('HTTP 400: {"message":"hidden"}');
    receiver.setScript({ fallback: { status: 400, body: '{"message": broken' } });
    expect((await deliver(target(receiver.urlFor('/hook')))).error).toBe('HTTP 400: {"message": broken');
    receiver.setScript({ fallback: { status: 400, body: 'null' } });
    expect((await deliver(target(receiver.urlFor('/hook')))).error).toBe('HTTP 400: null');
  });

  it('whitespace is collapsed onto one line', async () => {
    receiver.setScript({ fallback: { status: 422, body: '  line one\n\n\tline  two \r\n' } });
    expect((await deliver(target(receiver.urlFor('/hook')))).error).toBe('HTTP 422: line one line two');
  });

  it('an empty answer shows the status text, or "error" for a status without one', async () => {
    receiver.setScript({ fallback: { status: 418, body: '  \n' } });
    expect((await deliver(target(receiver.urlFor('/hook')))).error).toBe("HTTP 418: I'm a Teapot");
    receiver.setScript({ fallback: { status: 599, body: null } });
    expect((await deliver(target(receiver.urlFor('/hook')))).error).toBe('HTTP 599: error');
  });

  it('echoes at most 300 characters', async () => {
    receiver.setScript({ fallback: { status: 400, body: 'a'.repeat(300) } });
    expect((await deliver(target(receiver.urlFor('/hook')))).error).toBe(`HTTP 400: ${'a'.repeat(300)}`);
    receiver.setScript({ fallback: { status: 400, body: 'b'.repeat(301) } });
    expect((await deliver(target(receiver.urlFor('/hook')))).error).toBe(`HTTP 400: ${'b'.repeat(299)}…`);
  });

  it('a secret the server echoes is scrubbed from the retry log too', async () => {
    registerSecret('tok-abcdef-123456');
    receiver.setScript({ sequence: [{ status: 500, body: 'no tok-abcdef-123456' }, { status: 200 }] });
    const logged: string[] = [];
    await deliver(target(receiver.urlFor('/hook'), { retries: 1 }), { log: (m) => logged.push(m) });
    expect(logged).toEqual(['test: attempt 1 failed (HTTP 500: no ***); retrying in 0.5 s']);
  });
});

describe('the Discord message id', () => {
  it('is null for an answer without a body (Discord answers 204 without ?wait=true)', async () => {
    receiver.setScript({ fallback: { status: 204, body: null } });
    const result = await deliver(target(receiver.urlFor('/api/webhooks/1/t'), { format: 'discord' }));
    expect(result).toMatchObject({ delivered: true, httpStatus: 204, messageId: null, error: null });
  });

  it('is read only from a Discord answer with a string id', async () => {
    receiver.setScript({ fallback: { status: 200, body: { id: '42' } } });
    expect((await deliver(target(receiver.urlFor('/hook')))).messageId).toBeNull();
    expect((await deliver(target(discordUrl(), { format: 'discord' }))).messageId).toBe('42');
    receiver.setScript({ fallback: { status: 200, body: { id: 42 } } });
    expect((await deliver(target(discordUrl(), { format: 'discord' }))).messageId).toBeNull();
    receiver.setScript({ fallback: { status: 200, body: '["42"]' } });
    expect((await deliver(target(discordUrl(), { format: 'discord' }))).messageId).toBeNull();
  });
});

describe('waits between attempts (observed through the injected sleep)', () => {
  it('default backoff: 1 s doubling, capped at 30 s, full jitter', async () => {
    receiver.setScript({ fallback: { status: 503 } });
    const { waits, opts } = recordWaits();
    await deliver(target(receiver.urlFor('/hook'), { retries: 7 }), opts);
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000]);
  });

  it('default jitter stays below each ceiling', async () => {
    receiver.setScript({ fallback: { status: 503 } });
    const { waits, opts } = recordWaits();
    delete opts.random;
    await deliver(target(receiver.urlFor('/hook'), { retries: 3 }), opts);
    expect(waits).toHaveLength(3);
    waits.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(1000 * 2 ** i);
      expect(Number.isInteger(ms)).toBe(true);
    });
  });

  it('Retry-After on a 5xx answer is honoured', async () => {
    receiver.setScript({ sequence: [{ status: 500, headers: { 'retry-after': '12' } }, { status: 200 }] });
    const { waits, opts } = recordWaits();
    await deliver(target(receiver.urlFor('/hook'), { retries: 1 }), opts);
    expect(waits).toEqual([12_000]);
  });

  it('the first of two Retry-After headers counts', async () => {
    receiver.setScript({
      sequence: [{ status: 503, headers: { 'retry-after': ['3', '9'] } }, { status: 200 }],
    });
    const { waits, opts } = recordWaits();
    await deliver(target(receiver.urlFor('/hook'), { retries: 1 }), opts);
    expect(waits).toEqual([3000]);
  });

  it('an HTTP-date Retry-After is measured against the server Date', async () => {
    receiver.setScript({
      sequence: [
        {
          status: 503,
          headers: { date: 'Thu, 01 Jan 2026 00:00:00 GMT', 'retry-after': 'Thu, 01 Jan 2026 00:00:07 GMT' },
        },
        { status: 200 },
      ],
    });
    const { waits, opts } = recordWaits();
    await deliver(target(receiver.urlFor('/hook'), { retries: 1 }), opts);
    expect(waits).toEqual([7000]);
  });

  it('X-RateLimit-Reset-After and retry_after count on a 429, and the longest wins', async () => {
    const cases: [Record<string, string>, object, number][] = [
      [{ 'X-RateLimit-Reset-After': '2.5' }, {}, 2500],
      [{ 'retry-after': '1', 'x-ratelimit-reset-after': '4' }, { retry_after: 3 }, 4000],
      [{ 'retry-after': '5', 'x-ratelimit-reset-after': '4' }, { retry_after: 3 }, 5000],
      [{ 'retry-after': '1', 'x-ratelimit-reset-after': '2' }, { retry_after: 3.0004 }, 3001],
      [{}, { retry_after: 0 }, 0],
      [{}, { retry_after: -1 }, 500],
      [{}, { retry_after: '3' }, 500],
      [{ 'x-ratelimit-reset-after': 'soon' }, {}, 500],
    ];
    for (const [headers, body, expected] of cases) {
      receiver.setScript({ sequence: [{ status: 429, headers, body }, { status: 200 }] });
      receiver.clear();
      const { waits, opts } = recordWaits();
      await deliver(target(receiver.urlFor('/hook'), { retries: 1 }), opts);
      expect(waits, JSON.stringify([headers, body])).toEqual([expected]);
    }
  });

  it('X-RateLimit-Reset-After and retry_after do not count on a 503', async () => {
    receiver.setScript({
      sequence: [
        { status: 503, headers: { 'x-ratelimit-reset-after': '9' }, body: { retry_after: 8 } },
        { status: 200 },
      ],
    });
    const { waits, opts } = recordWaits();
    await deliver(target(receiver.urlFor('/hook'), { retries: 1 }), opts);
    expect(waits).toEqual([500]);
  });
});

describe('the overall deadline', () => {
  it('no time left: nothing is sent and no fate recorded', async () => {
    const fates: string[] = [];
    const result = await deliver(target(receiver.urlFor('/hook')), {
      deadlineMs: 0,
      onFate: (_t, r) => fates.push(r.fate),
    });
    expect(result).toMatchObject({ delivered: false, attempts: 0 });
    expect(result.error).toBe('gave up: the 0 min deadline was reached before the first attempt');
    expect(fates).toEqual([]);
    expect(receiver.requests).toHaveLength(0);
  });

  it('the deadline passing during a wait ends it before the next attempt', async () => {
    receiver.setScript({ fallback: { status: 503 } });
    const fates: string[] = [];
    // Only the clock is fake (the network is not): the wait moves it 4 s on, past the 3 s deadline.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const result = await deliver(target(receiver.urlFor('/hook'), { retries: 3 }), {
        deadlineMs: 3000,
        sleep: async () => {
          vi.setSystemTime(Date.now() + 4000);
        },
        onFate: (_t, r) => fates.push(r.fate),
      });
      expect(result).toMatchObject({ delivered: false, attempts: 1, httpStatus: 503 });
      expect(result.error).toBe('gave up: the 3 s deadline was reached (1 attempt)');
      expect(fates).toEqual(['sending', 'retry-wait', 'failed']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a Retry-After that fits the deadline but not the time left', async () => {
    receiver.setScript({ fallback: { status: 503, headers: { 'retry-after': '90' } } });
    const result = await deliver(target(receiver.urlFor('/hook'), { retries: 3 }), { deadlineMs: 90_000 });
    expect(result.error).toBe('gave up: Retry-After 90 s would pass the 90 s deadline (HTTP 503, 1 attempt)');
  });

  it('a Retry-After longer than the deadline', async () => {
    receiver.setScript({ fallback: { status: 429, headers: { 'retry-after': '90.5' } } });
    const result = await deliver(target(receiver.urlFor('/hook'), { retries: 3 }), { deadlineMs: 90_000 });
    expect(result.error).toBe('gave up: Retry-After 90.5 s exceeds the 90 s deadline (HTTP 429, 1 attempt)');
  });

  it('a Retry-After of exactly the time left gives up (measured on a frozen clock)', async () => {
    receiver.setScript({ fallback: { status: 503, headers: { 'retry-after': '60' } } });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const result = await deliver(target(receiver.urlFor('/hook'), { retries: 3 }), { deadlineMs: 60_000 });
      expect(result.error).toBe(
        'gave up: Retry-After 60 s would pass the 1 min deadline (HTTP 503, 1 attempt)',
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('a backoff after a network failure that would pass the deadline', async () => {
    const closed = await startReceiver();
    const url = closed.urlFor('/hook');
    await closed.close();
    const result = await deliver(target(url, { retries: 3 }), {
      deadlineMs: 60_000,
      backoffBaseMs: 200_000,
      backoffCapMs: 200_000,
    });
    expect(result.error).toBe(
      'gave up: the 1 min deadline was reached after 1 attempt (last: connection refused (ECONNREFUSED))',
    );
  });

  it('a backoff that would pass the deadline', async () => {
    receiver.setScript({ fallback: { status: 502 } });
    const result = await deliver(target(receiver.urlFor('/hook'), { retries: 3 }), {
      deadlineMs: 60_000,
      backoffBaseMs: 200_000,
      backoffCapMs: 200_000,
    });
    expect(result.error).toBe(
      'gave up: the 1 min deadline was reached after 1 attempt (last: HTTP 502: Bad Gateway)',
    );
  });
});

describe('stopping', () => {
  it('a stop during a long default wait ends it at once', async () => {
    const stop = new AbortController();
    receiver.setScript({ fallback: { status: 503 } });
    const result = await deliver(target(receiver.urlFor('/hook'), { retries: 1 }), {
      sleep: undefined,
      backoffBaseMs: 120_000,
      stop: stop.signal,
      onFate: (_t, r) => {
        if (r.fate === 'retry-wait') setTimeout(() => stop.abort(), 50);
      },
    });
    expect(result.error).toBe(
      'not retried: the step is being cancelled (last: HTTP 503: Service Unavailable)',
    );
    expect(result.durationMs).toBeLessThan(10_000);
  });

  it('a stop before a default wait starts skips it', async () => {
    const stop = new AbortController();
    receiver.setScript({ fallback: { status: 503 } });
    const result = await deliver(target(receiver.urlFor('/hook'), { retries: 1 }), {
      sleep: undefined,
      backoffBaseMs: 120_000,
      stop: stop.signal,
      onFate: (_t, r) => {
        if (r.fate === 'retry-wait') stop.abort();
      },
    });
    expect(result.error).toBe(
      'not retried: the step is being cancelled (last: HTTP 503: Service Unavailable)',
    );
    expect(result.durationMs).toBeLessThan(10_000);
  });

  it('an injected wait that never ends is cut short by a stop, before or during it', async () => {
    for (const when of ['before', 'during']) {
      const stop = new AbortController();
      receiver.setScript({ fallback: { status: 503 } });
      const result = await deliver(target(receiver.urlFor('/hook'), { retries: 1 }), {
        sleep: () => new Promise<void>(() => {}),
        stop: stop.signal,
        onFate: (_t, r) => {
          if (r.fate !== 'retry-wait') return;
          if (when === 'before') stop.abort();
          else setTimeout(() => stop.abort(), 50);
        },
      });
      expect(result.error, when).toBe(
        'not retried: the step is being cancelled (last: HTTP 503: Service Unavailable)',
      );
    }
  });
});

describe('requests as the receiver sees them', () => {
  it('header names in any case replace the defaults', async () => {
    await deliver(
      target(receiver.urlFor('/hook'), {
        headers: {
          'User-Agent': 'my-bot/2',
          Accept: 'text/plain',
          'Content-Type': 'application/cloudevents+json',
          'X-Team': 'jetson',
        },
      }),
    );
    const { headers } = receiver.requests[0]!;
    expect(headers['user-agent']).toBe('my-bot/2');
    expect(headers.accept).toBe('text/plain');
    expect(headers['content-type']).toBe('application/cloudevents+json');
    expect(headers['x-team']).toBe('jetson');
  });

  it('default headers: accept and the action User-Agent from the environment', async () => {
    const saved = { repo: process.env.GITHUB_ACTION_REPOSITORY, ref: process.env.GITHUB_ACTION_REF };
    try {
      process.env.GITHUB_ACTION_REPOSITORY = 'acme/jba';
      process.env.GITHUB_ACTION_REF = 'v9';
      await deliver(target(receiver.urlFor('/hook')));
      await deliver(target(discordUrl(), { format: 'discord' }));
    } finally {
      for (const [key, value] of [
        ['GITHUB_ACTION_REPOSITORY', saved.repo],
        ['GITHUB_ACTION_REF', saved.ref],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    const [generic, discord] = receiver.requests;
    expect(generic!.headers.accept).toBe('application/json, */*;q=0.5');
    expect(generic!.headers['user-agent']).toBe('jetson-build-action/v9 (+https://github.com/acme/jba)');
    expect(discord!.headers['user-agent']).toBe('DiscordBot (https://github.com/acme/jba, v9)');
  });

  it('User-Agent options win', async () => {
    await deliver(target(receiver.urlFor('/hook')), {
      userAgent: 'ua-generic',
      discordUserAgent: 'ua-discord',
    });
    await deliver(target(discordUrl(), { format: 'discord' }), {
      userAgent: 'ua-generic',
      discordUserAgent: 'ua-discord',
    });
    expect(receiver.requests.map((r) => r.headers['user-agent'])).toEqual(['ua-generic', 'ua-discord']);
  });

  it('a multipart body keeps its own content type over a configured one', async () => {
    await deliver(
      target(receiver.urlFor('/hook'), { headers: { 'Content-Type': 'application/json' } }),
      {},
      message({ a: 1 }, [{ name: 'a.txt', contentType: 'text/plain', data: Buffer.from('x') }]),
    );
    expect(receiver.requests[0]!.headers['content-type']).toMatch(
      /^multipart\/form-data; boundary=----jetson-build-action-[0-9a-f]{24}$/,
    );
  });

  it('a GET or DELETE sends no body and no content type, even a configured one', async () => {
    for (const method of ['GET', 'DELETE'] as const) {
      await deliver(
        target(receiver.urlFor('/hook'), { method, headers: { 'Content-Type': 'application/json' } }),
      );
    }
    expect(receiver.requests.map((r) => [r.method, r.body.length, r.headers['content-type']])).toEqual([
      ['GET', 0, undefined],
      ['DELETE', 0, undefined],
    ]);
  });

  it('a signed GET signs the empty body', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    await deliver(target(receiver.urlFor('/hook'), { method: 'GET', secret }));
    const req = receiver.requests[0]!;
    expect(() =>
      new Webhook(secret).verify('', req.headers as Record<string, string>, { jsonParse: false }),
    ).not.toThrow();
  });

  it('basic auth replaces a configured Authorization header; the signature replaces a forged one', async () => {
    await deliver(
      target(receiver.urlFor('/hook'), {
        headers: { Authorization: 'Bearer x', 'X-Hub-Signature-256': 'sha256=forged', 'Webhook-Id': 'mine' },
        basicAuth: { username: 'u', password: 'p' },
        secret: 's3cret',
        signature: 'github',
      }),
      { newId: () => 'delivery-7' },
    );
    const { headers } = receiver.requests[0]!;
    expect(headers.authorization).toBe('Basic dTpw');
    expect(headers['x-hub-signature-256']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(headers['webhook-id']).toBe('delivery-7');
  });

  it('the exact multipart bytes: payload_json, then each file with a safe name and type', async () => {
    await deliver(
      target(receiver.urlFor('/hook')),
      {},
      message({ content: 'hi' }, [
        { name: 'a\r\n"b".log', contentType: 'text/plain\r\nX-Evil: 1', data: Buffer.from('one') },
        { name: 'c.bin', contentType: '', data: Buffer.from([0, 1]) },
      ]),
    );
    const req = receiver.requests[0]!;
    const boundary = /boundary=(\S+)$/.exec(req.headers['content-type']!)![1]!;
    const expected = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="payload_json"\r\nContent-Type: application/json\r\n\r\n` +
          '{"content":"hi","attachments":[{"id":"0","filename":"a\\r\\n\\"b\\".log"},{"id":"1","filename":"c.bin"}]}\r\n' +
          `--${boundary}\r\nContent-Disposition: form-data; name="files[0]"; filename="a%0D%0A%22b%22.log"\r\n` +
          'Content-Type: text/plainX-Evil: 1\r\n\r\none\r\n' +
          `--${boundary}\r\nContent-Disposition: form-data; name="files[1]"; filename="c.bin"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      Buffer.from([0, 1]),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    expect(req.body.toString('latin1')).toBe(expected.toString('latin1'));
  });

  it('attachments the message already lists are kept; a non-object body gets none added', async () => {
    const file = { name: 'f.txt', contentType: 'text/plain', data: Buffer.from('x') };
    await deliver(target(receiver.urlFor('/hook')), {}, message({ attachments: [] }, [file]));
    for (const body of [['a'], 'text', null]) {
      await deliver(target(receiver.urlFor('/hook')), {}, { body, files: [file] });
    }
    expect(receiver.requests.map((r) => r.multipart!.payloadJson)).toEqual([
      { attachments: [] },
      ['a'],
      'text',
      null,
    ]);
  });

  it('secrets are scrubbed from the JSON, file names and file bytes', async () => {
    registerSecret('tok-abcdef-123456');
    await deliver(target(receiver.urlFor('/hook')), {}, message({ t: 'x tok-abcdef-123456' }));
    await deliver(
      target(receiver.urlFor('/hook')),
      {},
      message({}, [
        {
          name: 'tok-abcdef-123456.log',
          contentType: 'text/plain',
          data: Buffer.from('a tok-abcdef-123456'),
        },
      ]),
    );
    expect(receiver.requests[0]!.json).toEqual({ t: 'x ***' });
    const file = receiver.requests[1]!.multipart!.files[0]!;
    expect([file.filename, file.data.toString()]).toEqual(['***.log', 'a ***']);
  });

  it('an empty message body is sent as JSON null; an unserialisable one fails clearly', async () => {
    await deliver(target(receiver.urlFor('/hook')), {}, { body: undefined, files: [] });
    expect(receiver.requests[0]!.body.toString()).toBe('null');
    const result = await deliver(
      target(receiver.urlFor('/hook')),
      {},
      message(() => 1),
    );
    expect(result).toMatchObject({ delivered: false, attempts: 0 });
    expect(result.error).toBe('could not deliver: the rendered message is not JSON-serialisable');
  });

  it('a failure that is not an Error still reads clearly', async () => {
    const result = await deliver(target(receiver.urlFor('/hook')), {
      newId: () => {
        throw 'no id today';
      },
    });
    expect(result.error).toBe('could not deliver: no id today');
  });
});

describe('hooks and the dispatcher', () => {
  it("leaves no listener on the caller's stop signal after waiting, injected or real", async () => {
    for (const sleep of [async () => {}, undefined]) {
      const stop = new AbortController();
      receiver.setScript({ sequence: [{ status: 503 }, { status: 503 }, { status: 200 }] });
      receiver.clear();
      const result = await deliver(target(receiver.urlFor('/hook'), { retries: 2 }), {
        sleep,
        backoffBaseMs: 4,
        stop: stop.signal,
      });
      expect(result.attempts).toBe(3);
      expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
    }
  });

  it('closes its own connections when done (nothing keeps the step alive)', async () => {
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    server.keepAliveTimeout = 60_000; // the server would keep an idle connection for a minute
    const open = new Set<Socket>();
    server.on('connection', (socket: Socket) => {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await deliver(target(`http://127.0.0.1:${port}/hook`));
      expect(result.delivered).toBe(true);
      for (let i = 0; i < 100 && open.size > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(open.size).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('onResult sees each result; a throwing hook changes nothing', async () => {
    const seen: string[] = [];
    const results = await deliverAll(
      [
        { target: target(receiver.urlFor('/a'), { source: 'a' }), message: message() },
        { target: target(receiver.urlFor('/b'), { source: 'b' }), message: message() },
      ],
      {
        ...recordWaits().opts,
        onResult: (r) => {
          seen.push(`${r.source}:${r.delivered}`);
          throw new Error('hook broke');
        },
        onFate: () => {
          throw new Error('hook broke');
        },
      },
    );
    expect(results.map((r) => [r.source, r.delivered])).toEqual([
      ['a', true],
      ['b', true],
    ]);
    expect(seen.sort()).toEqual(['a:true', 'b:true']);
  });

  it('a dispatcher passed in is left open for the caller', async () => {
    const dispatcher = new Agent();
    try {
      await deliver(target(receiver.urlFor('/hook')), { dispatcher });
      expect(dispatcher.closed).toBe(false);
      expect(dispatcher.destroyed).toBe(false);
      expect((await deliver(target(receiver.urlFor('/hook')), { dispatcher })).delivered).toBe(true);
    } finally {
      await dispatcher.close();
    }
  });

  it('durations are measured per target', async () => {
    const result = await deliver(target(receiver.urlFor('/hook')));
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(result.durationMs).toBeLessThan(10_000);
  });
});

describe('formatting', () => {
  it('seconds', () => {
    expect([0, 500, 1234, 1500, 10_000, 90_500].map(formatSeconds)).toEqual([
      '0 s',
      '0.5 s',
      '1.2 s',
      '1.5 s',
      '10 s',
      '90.5 s',
    ]);
  });

  it('deadlines', () => {
    expect([60_000, 300_000, 90_000, 30_500].map(formatDeadline)).toEqual([
      '1 min',
      '5 min',
      '90 s',
      '30.5 s',
    ]);
  });

  it('default User-Agents', () => {
    const saved = { repo: process.env.GITHUB_ACTION_REPOSITORY, ref: process.env.GITHUB_ACTION_REF };
    delete process.env.GITHUB_ACTION_REPOSITORY;
    delete process.env.GITHUB_ACTION_REF;
    try {
      expect(userAgents()).toEqual({
        generic: 'jetson-build-action/1 (+https://github.com/jetson-build-action/jetson-build-action)',
        discord: 'DiscordBot (https://github.com/jetson-build-action/jetson-build-action, 1)',
      });
      expect(userAgents({ actionRepository: 'o/n', version: 'v3' }).generic).toBe(
        'jetson-build-action/v3 (+https://github.com/o/n)',
      );
    } finally {
      if (saved.repo !== undefined) process.env.GITHUB_ACTION_REPOSITORY = saved.repo;
      if (saved.ref !== undefined) process.env.GITHUB_ACTION_REF = saved.ref;
    }
  });

  it('Retry-After values that are not delays', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('2026-01-01T00:00:30Z', now)).toBeNull();
    expect(parseRetryAfter('1.', now)).toBeNull();
    expect(parseRetryAfter('.5', now)).toBeNull();
    expect(parseRetryAfter('1e3', now)).toBeNull();
    expect(parseRetryAfter('2 5', now)).toBeNull();
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now, 'garbage')).toBe(30_000);
    expect(parseRetryAfter('0.0004', now)).toBe(1);
  });
});
