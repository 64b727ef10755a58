import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { verify as verifyGithub } from '@octokit/webhooks-methods';

vi.mock('@actions/core', () => ({ setSecret: () => {} }));

import { deliverAll, parseRetryAfter, type DeliverOptions } from '../../src/notify/deliver.js';
import { registerSecret } from '../../src/runner/secrets.js';
import type { Target } from '../../src/notify/types.js';
import { startReceiver, startRecordingProxy, type Receiver } from '../support/receiver.js';
import { deliverOneTo, jsonMessage, serverPerTest, webhookTarget } from '../support/delivery.js';

let receiver: Receiver;
serverPerTest(startReceiver, (r) => (receiver = r));

const target = webhookTarget;
const message = jsonMessage;
function discordUrl(): string {
  return receiver.urlFor('/api/v10/webhooks/123/tok') + '?wait=true';
}
/** Tiny backoff so retries are quick; real waits only where a server asks for them. */
const quick: DeliverOptions = { deadlineMs: 20_000, backoffBaseMs: 5, random: () => 0.5 };

async function deliverOne(t: Target, opts: Partial<DeliverOptions> = {}, msg = message()) {
  return deliverOneTo(t, msg, { ...quick, ...opts });
}

describe('deliverAll: retries', () => {
  it('retries 500 twice, then delivers once with the same webhook-id on every attempt', async () => {
    receiver.setScript({ sequence: [{ status: 500 }, { status: 500, body: 'boom' }, { status: 200 }] });
    const logged: string[] = [];
    const result = await deliverOne(target(receiver.urlFor('/hook')), { log: (m) => logged.push(m) });
    expect(logged).toEqual([
      'test: attempt 1 failed (HTTP 500: Internal Server Error); retrying in 0 s',
      'test: attempt 2 failed (HTTP 500: boom); retrying in 0 s',
    ]);
    expect(result).toMatchObject({
      delivered: true,
      attempts: 3,
      httpStatus: 200,
      error: null,
      source: 'test',
    });
    expect(result.url).toBe(`${receiver.url}/***`);
    expect(receiver.requests).toHaveLength(3);
    const ids = receiver.requests.map((r) => r.headers['webhook-id']);
    expect(ids[0]).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(1);
    expect(receiver.requests.every((r) => r.body.equals(receiver.requests[0]!.body))).toBe(true);
  });

  it('reports the last status when the retries run out', async () => {
    receiver.setScript({ fallback: { status: 502, body: 'bad gateway upstream' } });
    const result = await deliverOne(target(receiver.urlFor('/hook'), { retries: 2 }));
    expect(result).toMatchObject({ delivered: false, attempts: 3, httpStatus: 502 });
    expect(result.error).toBe('HTTP 502: bad gateway upstream (3 attempts)');
  });

  it('honours Retry-After: 1 on a 429', async () => {
    receiver.setScript({ sequence: [{ status: 429, headers: { 'retry-after': '1' } }, { status: 200 }] });
    const result = await deliverOne(target(receiver.urlFor('/hook')));
    expect(result).toMatchObject({ delivered: true, attempts: 2 });
    const [first, second] = receiver.requests;
    expect(second!.receivedAt - first!.answeredAt!).toBeGreaterThanOrEqual(990);
  });

  it("honours Discord's JSON retry_after (1.5 s) and reads the message id", async () => {
    receiver.setScript({
      sequence: [
        { status: 429, body: { message: 'You are being rate limited.', retry_after: 1.5, global: false } },
        { status: 200, body: { id: '1300000000000000001', channel_id: '9' } },
      ],
    });
    const waits: number[] = [];
    const result = await deliverOne(target(discordUrl(), { format: 'discord' }), {
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(result).toMatchObject({
      delivered: true,
      attempts: 2,
      messageId: '1300000000000000001',
      format: 'discord',
    });
    expect(waits).toEqual([1500]);
  });

  it('takes the larger of Retry-After and retry_after', async () => {
    receiver.setScript({
      sequence: [
        { status: 429, headers: { 'retry-after': '0.2' }, body: { retry_after: 0.6 } },
        { status: 200 },
      ],
    });
    const waits: number[] = [];
    await deliverOne(target(discordUrl(), { format: 'discord' }), {
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(waits).toEqual([600]);
  });

  it('honours an HTTP-date Retry-After on a 503', async () => {
    receiver.setScript({
      sequence: [
        () => ({ status: 503, headers: { 'retry-after': new Date(Date.now() + 2000).toUTCString() } }),
        { status: 200 },
      ],
    });
    const waits: number[] = [];
    const result = await deliverOne(target(receiver.urlFor('/hook')), {
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(result).toMatchObject({ delivered: true, attempts: 2 });
    // Second resolution on both dates (Retry-After against the answer's own Date): 2 s, or 1 s when the
    // clock ticked over between the two; far more than the 2.5 ms backoff either way.
    expect([1000, 2000]).toContain(waits[0]);
    expect(waits).toHaveLength(1);
  });

  it('never retries a Discord request that went out and was not answered (it may have posted)', async () => {
    receiver.setScript({ fallback: { hang: true } });
    const result = await deliverOne(target(discordUrl(), { format: 'discord', timeoutMs: 300, retries: 3 }));
    expect(result).toMatchObject({ delivered: false, attempts: 1, httpStatus: null });
    expect(result.error).toBe(
      'timed out after 0.3 s; not retried: the request was sent and may have been delivered (Discord cannot drop a repeated message) (1 attempt)',
    );
    expect(receiver.requests).toHaveLength(1);
  });

  it('times out a hanging server per attempt', async () => {
    receiver.setScript({ fallback: { hang: true } });
    const started = Date.now();
    const result = await deliverOne(target(receiver.urlFor('/hook'), { timeoutMs: 500, retries: 1 }));
    expect(result).toMatchObject({ delivered: false, attempts: 2, httpStatus: null });
    expect(result.error).toBe('timed out after 0.5 s (2 attempts)');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(receiver.requests).toHaveLength(2);
  });

  it('retries a connection reset', async () => {
    receiver.setScript({ sequence: [{ reset: true }, { status: 204, body: null }] });
    const result = await deliverOne(target(receiver.urlFor('/hook')));
    expect(result).toMatchObject({ delivered: true, attempts: 2, httpStatus: 204 });
  });

  it('reports a connection that is always reset', async () => {
    receiver.setScript({ fallback: { reset: true } });
    const result = await deliverOne(target(receiver.urlFor('/hook'), { retries: 1 }));
    expect(result).toMatchObject({ delivered: false, attempts: 2 });
    expect(result.error).toMatch(/^connection (reset|closed).*\(2 attempts\)$/);
  });

  it('retries a refused connection and says so', async () => {
    const closed = await startReceiver();
    const url = closed.urlFor('/hook');
    await closed.close();
    const result = await deliverOne(target(url, { retries: 2 }));
    expect(result).toMatchObject({ delivered: false, attempts: 3 });
    expect(result.error).toBe('connection refused (ECONNREFUSED) (3 attempts)');
  });
});

describe('deliverAll: no retry', () => {
  it('stops at once on a Discord 404', async () => {
    receiver.setScript({ fallback: { status: 404, body: { message: 'Unknown Webhook', code: 10015 } } });
    const result = await deliverOne(target(discordUrl(), { format: 'discord' }));
    expect(result).toMatchObject({ delivered: false, attempts: 1, httpStatus: 404 });
    expect(result.error).toBe('HTTP 404: webhook is invalid or was deleted');
  });

  it('stops at once on a generic 400 and shows why', async () => {
    receiver.setScript({
      fallback: { status: 400, body: { message: 'Invalid Form Body', errors: { content: 'too long' } } },
    });
    const result = await deliverOne(target(receiver.urlFor('/hook')));
    expect(result).toMatchObject({ delivered: false, attempts: 1, httpStatus: 400 });
    expect(result.error).toBe('HTTP 400: Invalid Form Body {"content":"too long"}');
  });

  it('does not follow a redirect', async () => {
    receiver.setScript({ fallback: { status: 302, headers: { location: '/elsewhere' }, body: null } });
    const result = await deliverOne(target(receiver.urlFor('/hook')));
    expect(result).toMatchObject({ delivered: false, attempts: 1, httpStatus: 302 });
    expect(receiver.requests.map((r) => r.path)).toEqual(['/hook']);
  });

  it('scrubs secrets a server echoes back', async () => {
    registerSecret('tok-abcdef-123456');
    receiver.setScript({ fallback: { status: 401, body: 'bad token tok-abcdef-123456' } });
    const result = await deliverOne(target(receiver.urlFor('/hook')));
    expect(result.error).toBe('HTTP 401: bad token ***');
  });
});

describe('deliverAll: deadline and concurrency', () => {
  it('does not hold a fast target up behind a slow one', async () => {
    receiver.setScript({ paths: { '/slow': { delayMs: 800 }, '/fast': { status: 200 } } });
    const results = await deliverAll(
      [
        { target: target(receiver.urlFor('/slow'), { source: 'slow' }), message: message() },
        { target: target(receiver.urlFor('/fast'), { source: 'fast' }), message: message() },
      ],
      quick,
    );
    expect(results.map((r) => [r.source, r.delivered])).toEqual([
      ['slow', true],
      ['fast', true],
    ]);
    const slow = receiver.requestsTo('/slow')[0]!;
    const fast = receiver.requestsTo('/fast')[0]!;
    expect(fast.answeredAt! - slow.receivedAt).toBeLessThan(300);
    expect(slow.answeredAt! - fast.answeredAt!).toBeGreaterThan(500);
    expect(results[1]!.durationMs).toBeLessThan(500);
    expect(results[0]!.durationMs).toBeGreaterThanOrEqual(790);
  });

  it('cuts retries off at the deadline', async () => {
    receiver.setScript({ fallback: { status: 500 } });
    const started = Date.now();
    const result = await deliverOne(target(receiver.urlFor('/hook'), { retries: 10 }), {
      deadlineMs: 1000,
      backoffBaseMs: 200,
      random: () => 0.999,
    });
    const elapsed = Date.now() - started;
    expect(result.delivered).toBe(false);
    expect(result.attempts).toBeGreaterThanOrEqual(2);
    expect(result.attempts).toBeLessThan(11);
    expect(result.error).toMatch(
      /^gave up: the 1 s deadline was reached after \d+ attempts \(last: HTTP 500: Internal Server Error\)$/,
    );
    expect(elapsed).toBeLessThan(1500);
  });

  it('cuts a hanging attempt at the deadline', async () => {
    receiver.setScript({ fallback: { hang: true } });
    const result = await deliverOne(target(receiver.urlFor('/hook'), { timeoutMs: 10_000 }), {
      deadlineMs: 600,
    });
    expect(result.error).toBe('gave up: the 0.6 s deadline was reached during attempt 1');
    expect(result.durationMs).toBeLessThan(2000);
  });

  it('gives up at once when Retry-After is past the deadline', async () => {
    receiver.setScript({ fallback: { status: 429, headers: { 'retry-after': '600' } } });
    const result = await deliverOne(target(receiver.urlFor('/hook')), { deadlineMs: 300_000 });
    expect(result).toMatchObject({ delivered: false, attempts: 1, httpStatus: 429 });
    expect(result.error).toBe('gave up: Retry-After 600 s exceeds the 5 min deadline (HTTP 429, 1 attempt)');
    expect(result.durationMs).toBeLessThan(1000);
  });

  it('honours a server delay above the backoff cap', async () => {
    const waits: number[] = [];
    receiver.setScript({ sequence: [{ status: 429, headers: { 'retry-after': '45' } }, { status: 200 }] });
    const result = await deliverOne(target(receiver.urlFor('/hook')), {
      deadlineMs: 120_000,
      backoffCapMs: 30_000,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(result.delivered).toBe(true);
    expect(waits).toEqual([45_000]);
  });

  it('uses exponential backoff with full jitter, capped', async () => {
    const waits: number[] = [];
    receiver.setScript({ fallback: { status: 503 } });
    await deliverOne(target(receiver.urlFor('/hook'), { retries: 6 }), {
      deadlineMs: 600_000,
      backoffBaseMs: 1000,
      backoffCapMs: 8000,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(waits).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
  });
});

describe('deliverAll: bodies and headers', () => {
  it('sends JSON with the action User-Agent', async () => {
    const result = await deliverOne(
      target(receiver.urlFor('/hook')),
      {},
      message({ status: 'success', n: 1 }),
    );
    expect(result.delivered).toBe(true);
    const [req] = receiver.requests;
    expect(req!.method).toBe('POST');
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.json).toEqual({ status: 'success', n: 1 });
    expect(req!.headers['user-agent']).toMatch(
      /^jetson-build-action\/\S+ \(\+https:\/\/github\.com\/[^/]+\/jetson-build-action\)$/,
    );
  });

  it('sends Discord the DiscordBot User-Agent', async () => {
    await deliverOne(target(discordUrl(), { format: 'discord' }), {
      actionRepository: 'acme/jetson-build-action',
      version: 'v2',
    });
    expect(receiver.requests[0]!.headers['user-agent']).toBe(
      'DiscordBot (https://github.com/acme/jetson-build-action, v2)',
    );
    expect(receiver.requests[0]!.query).toEqual({ wait: 'true' });
  });

  it('sends multipart with payload_json and files[n]', async () => {
    receiver.setScript({ fallback: { status: 200, body: { id: '77' } } });
    const log = Buffer.from('line 1\nerror: it broke\n');
    const result = await deliverOne(
      target(discordUrl(), { format: 'discord' }),
      {},
      message({ content: 'failed' }, [{ name: 'build "tail".log', contentType: 'text/plain', data: log }]),
    );
    expect(result).toMatchObject({ delivered: true, messageId: '77' });
    const [req] = receiver.requests;
    expect(req!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(req!.multipart!.payloadJson).toEqual({
      content: 'failed',
      attachments: [{ id: '0', filename: 'build "tail".log' }],
    });
    expect(req!.multipart!.files).toHaveLength(1);
    expect(req!.multipart!.files[0]).toMatchObject({
      name: 'files[0]',
      filename: 'build %22tail%22.log',
      contentType: 'text/plain',
    });
    expect(req!.multipart!.files[0]!.data.equals(log)).toBe(true);
  });

  it('sends a GET without a body', async () => {
    await deliverOne(target(receiver.urlFor('/ping?x=1'), { method: 'GET', secret: 'raw-secret' }));
    const [req] = receiver.requests;
    expect(req!.method).toBe('GET');
    expect(req!.body.length).toBe(0);
    expect(req!.headers['content-type']).toBeUndefined();
    expect(req!.headers['webhook-id']).toBeDefined();
    expect(req!.headers['webhook-signature']).toMatch(/^v1,/);
  });

  it('sends basic auth and custom headers', async () => {
    await deliverOne(
      target(receiver.urlFor('/hook'), {
        method: 'PUT',
        headers: { 'x-team': 'jetson', 'content-type': 'application/cloudevents+json' },
        basicAuth: { username: 'alice', password: 'wonder:land' },
      }),
    );
    const [req] = receiver.requests;
    expect(req!.method).toBe('PUT');
    expect(req!.headers.authorization).toBe(`Basic ${Buffer.from('alice:wonder:land').toString('base64')}`);
    expect(req!.headers['x-team']).toBe('jetson');
    expect(req!.headers['content-type']).toBe('application/cloudevents+json');
  });

  it('reads a large answer only up to the cap and still delivers', async () => {
    receiver.setScript({ fallback: { status: 200, body: Buffer.alloc(1024 * 1024, 'a') } });
    const result = await deliverOne(target(receiver.urlFor('/hook')), { maxResponseBytes: 1024 });
    expect(result.delivered).toBe(true);
  });

  it('never throws: an unserialisable message fails its target only', async () => {
    const results = await deliverAll(
      [
        { target: target(receiver.urlFor('/a'), { source: 'bad' }), message: message({ n: 1n }) },
        { target: target(receiver.urlFor('/b'), { source: 'good' }), message: message() },
      ],
      quick,
    );
    expect(results[0]).toMatchObject({ source: 'bad', delivered: false, attempts: 0 });
    expect(results[0]!.error).toMatch(/^could not deliver: .*BigInt/);
    expect(results[1]).toMatchObject({ source: 'good', delivered: true });
  });
});

describe('deliverAll: signatures verified on the received bytes', () => {
  it('Standard Webhooks (whsec_), checked by standardwebhooks, on every retry', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    receiver.setScript({ sequence: [{ status: 500 }, { status: 200 }] });
    await deliverOne(target(receiver.urlFor('/hook'), { secret }), {}, message({ text: 'héllo ✅' }));
    expect(receiver.requests).toHaveLength(2);
    for (const req of receiver.requests) {
      const headers = req.headers as Record<string, string>;
      expect(new Webhook(secret).verify(req.body, headers)).toEqual({ text: 'héllo ✅' });
    }
  });

  it('Standard Webhooks with a raw secret over a multipart body', async () => {
    const secret = 'plain-shared-secret';
    const binary = Buffer.from([0, 255, 1, 0x80]);
    await deliverOne(
      target(receiver.urlFor('/hook'), { secret }),
      {},
      message({ a: 1 }, [
        { name: 'x.txt', contentType: 'text/plain', data: Buffer.from('tail ✅\n') },
        { name: 'x.bin', contentType: 'application/octet-stream', data: binary },
      ]),
    );
    const [req] = receiver.requests;
    const headers = req!.headers as Record<string, string>;
    // Independent check over the exact received bytes (binary parts included).
    const signed = Buffer.concat([
      Buffer.from(`${headers['webhook-id']}.${headers['webhook-timestamp']}.`),
      req!.body,
    ]);
    const mac = createHmac('sha256', Buffer.from(secret)).update(signed).digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${mac}`);
    // standardwebhooks decodes a Buffer payload as UTF-8 before signing, so it can only verify a body that is
    // valid UTF-8: check it on the same delivery without the binary part.
    receiver.clear();
    await deliverOne(
      target(receiver.urlFor('/hook'), { secret }),
      {},
      message({ a: 1 }, [{ name: 'x.txt', contentType: 'text/plain', data: Buffer.from('tail ✅\n') }]),
    );
    const [textReq] = receiver.requests;
    const wh = new Webhook(Buffer.from(secret).toString('base64'));
    expect(() =>
      wh.verify(textReq!.body, textReq!.headers as Record<string, string>, { jsonParse: false }),
    ).not.toThrow();
    // The verifier does check: a different secret fails on the same bytes.
    expect(() =>
      new Webhook(Buffer.from('other').toString('base64')).verify(
        textReq!.body,
        textReq!.headers as Record<string, string>,
        { jsonParse: false },
      ),
    ).toThrow(/No matching signature/);
  });

  it('GitHub style, checked by @octokit/webhooks-methods', async () => {
    const secret = "It's a Secret to Everybody";
    await deliverOne(
      target(receiver.urlFor('/hook'), { secret, signature: 'github' }),
      {},
      message({ ok: 'yes' }),
    );
    const [req] = receiver.requests;
    const signature = req!.headers['x-hub-signature-256'] as string;
    expect(await verifyGithub(secret, req!.body.toString('utf8'), signature)).toBe(true);
    expect(req!.headers['webhook-id']).toBeDefined();
  });

  it('JobServ style', async () => {
    const secret = 'UseSomethingGoodHere';
    await deliverOne(target(receiver.urlFor('/hook'), { secret, signature: 'jobserv' }));
    const [req] = receiver.requests;
    const expected = createHmac('sha256', secret).update(req!.body).digest('hex');
    expect(req!.headers['x-jobserv-sig']).toBe(`sha256:${expected}`);
  });
});

describe('deliverAll: fates (what a stopped step tells the post step)', () => {
  type Seen = {
    source: string;
    fate: string;
    attempts: number;
    httpStatus: number | null;
    messageId: string | null;
  };
  function recorder(): { seen: Seen[]; onFate: DeliverOptions['onFate'] } {
    const seen: Seen[] = [];
    return { seen, onFate: (t, r) => seen.push({ source: t.source, ...r }) };
  }

  it('records each change: sending, retry-wait, sending, delivered with the Discord message id', async () => {
    receiver.setScript({ sequence: [{ status: 500 }, { status: 200, body: { id: '1300000000000000077' } }] });
    const { seen, onFate } = recorder();
    const result = await deliverOne(
      target(discordUrl(), { format: 'discord', source: 'discord-webhook-url' }),
      {
        onFate,
      },
    );
    expect(result).toMatchObject({ delivered: true, messageId: '1300000000000000077' });
    expect(seen).toEqual([
      { source: 'discord-webhook-url', fate: 'sending', attempts: 1, httpStatus: null, messageId: null },
      { source: 'discord-webhook-url', fate: 'retry-wait', attempts: 1, httpStatus: 500, messageId: null },
      { source: 'discord-webhook-url', fate: 'sending', attempts: 2, httpStatus: 500, messageId: null },
      {
        source: 'discord-webhook-url',
        fate: 'delivered',
        attempts: 2,
        httpStatus: 200,
        messageId: '1300000000000000077',
      },
    ]);
  });

  it('a refused connection never counts as sending: nothing left the runner, so it ends definitely failed', async () => {
    const closed = await startReceiver();
    const url = closed.urlFor('/hook');
    await closed.close();
    const { seen, onFate } = recorder();
    await deliverOne(target(url, { retries: 1 }), { onFate });
    expect(seen.map((s) => s.fate)).toEqual(['retry-wait', 'failed']);
  });

  it('a 4xx answer is definitely failed', async () => {
    receiver.setScript({ fallback: { status: 400, body: 'bad' } });
    const { seen, onFate } = recorder();
    await deliverOne(target(receiver.urlFor('/hook')), { onFate });
    expect(seen.map((s) => [s.fate, s.httpStatus])).toEqual([
      ['sending', null],
      ['failed', 400],
    ]);
  });

  it('an attempt that was sent but never answered, with no retry left, ends unknown', async () => {
    receiver.setScript({ fallback: { hang: true } });
    const { seen, onFate } = recorder();
    const result = await deliverOne(target(receiver.urlFor('/hook'), { timeoutMs: 300, retries: 0 }), {
      onFate,
    });
    expect(result.error).toBe('timed out after 0.3 s (1 attempt)');
    expect(seen.map((s) => s.fate)).toEqual(['sending', 'unknown']);
  });

  it('once stopped, an attempt in flight still runs to its answer and is recorded', async () => {
    const stop = new AbortController();
    receiver.setScript({
      fallback: () => {
        stop.abort();
        return { delayMs: 400, status: 200, body: { id: '1300000000000000078' } };
      },
    });
    const { seen, onFate } = recorder();
    const result = await deliverOne(target(discordUrl(), { format: 'discord' }), {
      onFate,
      stop: stop.signal,
    });
    expect(result).toMatchObject({ delivered: true, attempts: 1, messageId: '1300000000000000078' });
    expect(seen.map((s) => s.fate)).toEqual(['sending', 'delivered']);
    expect(receiver.requests).toHaveLength(1);
  });

  it('once stopped, a retry-wait ends without another attempt and stays retry-wait (safe to send again)', async () => {
    const stop = new AbortController();
    receiver.setScript({ sequence: [{ status: 503 }, { status: 200 }] });
    const { seen, onFate } = recorder();
    const result = await deliverOne(target(receiver.urlFor('/hook')), {
      // The wait would be 2 s; the stop cuts it short.
      backoffBaseMs: 4000,
      random: () => 0.5,
      onFate: (t, r) => {
        onFate?.(t, r);
        if (r.fate === 'retry-wait') stop.abort();
      },
      stop: stop.signal,
    });
    expect(result).toMatchObject({ delivered: false, attempts: 1, httpStatus: 503 });
    expect(result.error).toBe(
      'not retried: the step is being cancelled (last: HTTP 503: Service Unavailable)',
    );
    expect(seen.map((s) => s.fate)).toEqual(['sending', 'retry-wait']);
    expect(receiver.requests).toHaveLength(1);
  });

  it('stopped before the first attempt: nothing is sent and no fate recorded', async () => {
    const stop = new AbortController();
    stop.abort();
    const { seen, onFate } = recorder();
    const result = await deliverOne(target(receiver.urlFor('/hook')), { onFate, stop: stop.signal });
    expect(result).toMatchObject({ delivered: false, attempts: 0 });
    expect(result.error).toBe('not sent: the step is being cancelled');
    expect(seen).toEqual([]);
    expect(receiver.requests).toHaveLength(0);
  });
});

describe('deliverAll: proxies', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  it('goes through HTTP_PROXY, and not when NO_PROXY names the host', async () => {
    const proxy = await startRecordingProxy();
    try {
      for (const key of ['http_proxy', 'https_proxy', 'no_proxy', 'NO_PROXY']) delete process.env[key];
      process.env.HTTP_PROXY = proxy.url;
      const viaProxy = await deliverOne(target(receiver.urlFor('/hook')));
      expect(viaProxy.delivered).toBe(true);
      expect(proxy.connects.length + proxy.forwarded.length).toBe(1);
      expect([...proxy.connects, ...proxy.forwarded].join()).toContain(`127.0.0.1:${receiver.port}`);

      process.env.NO_PROXY = '127.0.0.1';
      const direct = await deliverOne(target(receiver.urlFor('/hook')));
      expect(direct.delivered).toBe(true);
      expect(proxy.connects.length + proxy.forwarded.length).toBe(1);
      expect(receiver.requests).toHaveLength(2);
    } finally {
      await proxy.close();
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['1', 1000],
    ['1.5', 1500],
    [' 0 ', 0],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30_000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['soon', null],
    ['-1', null],
  ])('%s → %s', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
  it('measures a date against the server Date header', () => {
    expect(
      parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now + 3_600_000, 'Thu, 01 Jan 2026 00:00:10 GMT'),
    ).toBe(20_000);
  });
});
