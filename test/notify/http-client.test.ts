// The HTTP client every notification goes through (src/notify/http-client.ts): undici's request API and
// EnvHttpProxyAgent loaded from their own modules. These tests fail on an undici version that moves them or
// that stops installing what ProxyAgent needs, before a bundle can be built from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvHttpProxyAgent, request } from '../../src/notify/http-client.js';
import { startReceiver, startRecordingProxy, type Receiver } from '../support/receiver.js';

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver({
    paths: { '/hook': { status: 201, headers: { 'x-answer': 'yes' }, body: 'created' } },
  });
});
afterAll(async () => {
  await receiver.close();
});

describe('request', () => {
  it('sends the method, headers, body and query, and answers with status, headers and body', async () => {
    const agent = new EnvHttpProxyAgent();
    try {
      const res = await request(`${receiver.url}/hook?wait=true&thread_id=42`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sent': 'one' },
        body: '{"content":"numpy built"}',
        dispatcher: agent,
      });
      expect(res.statusCode).toBe(201);
      expect(res.headers['x-answer']).toBe('yes');
      expect(await res.body.text()).toBe('created');
      const [got] = receiver.requestsTo('/hook');
      expect(got?.method).toBe('POST');
      expect(got?.url).toBe('/hook?wait=true&thread_id=42');
      expect(got?.headers['x-sent']).toBe('one');
      expect(got?.body.toString()).toBe('{"content":"numpy built"}');
    } finally {
      await agent.close();
    }
  });

  it('refuses a URL that is not http or https, naming its protocol', async () => {
    const agent = new EnvHttpProxyAgent();
    try {
      // undici's own code for it, which delivery treats as permanent: no retry.
      await expect(
        request('ftp://127.0.0.1/hook', { method: 'POST', body: 'x', dispatcher: agent }),
      ).rejects.toMatchObject({
        message: 'unsupported protocol ftp: in a notification URL',
        code: 'UND_ERR_INVALID_ARG',
      });
    } finally {
      await agent.close();
    }
  });

  it('tunnels through HTTPS_PROXY/HTTP_PROXY (ProxyAgent needs the connect API installed)', async () => {
    const proxy = await startRecordingProxy();
    const saved = { ...process.env };
    for (const key of ['http_proxy', 'https_proxy', 'no_proxy', 'NO_PROXY', 'HTTPS_PROXY'])
      delete process.env[key];
    process.env.HTTP_PROXY = proxy.url;
    const agent = new EnvHttpProxyAgent();
    try {
      const res = await request(`${receiver.url}/hook`, {
        method: 'POST',
        body: 'via proxy',
        dispatcher: agent,
      });
      expect(res.statusCode).toBe(201);
      await res.body.dump();
      expect([...proxy.connects, ...proxy.forwarded]).toEqual([`127.0.0.1:${receiver.port}`]);
    } finally {
      await agent.close();
      await proxy.close();
      process.env = saved;
    }
  });
});
