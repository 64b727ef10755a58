import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { verify as verifyGithub } from '@octokit/webhooks-methods';
import { signHeaders, standardSigningKey } from '../../src/notify/sign.js';

describe('signHeaders', () => {
  it('matches the Standard Webhooks test vector', () => {
    const headers = signHeaders('standard', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', {
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
    });
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('matches the GitHub test vector', () => {
    const headers = signHeaders('github', "It's a Secret to Everybody", {
      id: 'x',
      timestamp: 0,
      body: 'Hello, World!',
    });
    expect(headers).toEqual({
      'x-hub-signature-256': 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    });
  });

  it('signs JobServ style with a colon over the same HMAC', () => {
    const headers = signHeaders('jobserv', "It's a Secret to Everybody", {
      id: 'x',
      timestamp: 0,
      body: 'Hello, World!',
    });
    expect(headers).toEqual({
      'x-jobserv-sig': 'sha256:757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    });
  });

  it('signs the bytes given, Buffer or string alike', () => {
    const body = '{"emoji":"✅"}';
    const a = signHeaders('standard', 'raw-secret', { id: 'msg_1', timestamp: 1700000000, body });
    const b = signHeaders('standard', 'raw-secret', {
      id: 'msg_1',
      timestamp: 1700000000,
      body: Buffer.from(body),
    });
    expect(a).toEqual(b);
  });

  it('is verified by standardwebhooks for a whsec_ secret', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = JSON.stringify({ status: 'failure', packages: ['pytorch'] });
    const headers = signHeaders('standard', secret, {
      id: 'msg_abc',
      timestamp: Math.floor(Date.now() / 1000),
      body,
    });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    // A tampered body fails.
    expect(() => new Webhook(secret).verify(body.replace('failure', 'success'), headers)).toThrow();
  });

  it('keys a raw secret with its UTF-8 bytes, as standardwebhooks sees it given their base64', () => {
    const secret = 'UseSomethingGoodHere-ü';
    const body = '{"ok":true}';
    const headers = signHeaders('standard', secret, {
      id: 'msg_raw',
      timestamp: Math.floor(Date.now() / 1000),
      body,
    });
    expect(standardSigningKey(secret)).toEqual(Buffer.from(secret, 'utf8'));
    // The constructor base64-decodes a string secret, so the raw bytes go in as base64 (or with format: raw).
    const b64 = Buffer.from(secret, 'utf8').toString('base64');
    expect(() => new Webhook(b64).verify(body, headers)).not.toThrow();
    expect(() =>
      new Webhook(new Uint8Array(Buffer.from(secret, 'utf8')), { format: 'raw' }).verify(body, headers),
    ).not.toThrow();
    // Taking the raw secret as if it were base64 gives another key: the signature must not match it.
    expect(() => new Webhook('c2VjcmV0').verify(body, headers)).toThrow();
  });

  it('is verified by @octokit/webhooks-methods for GitHub style', async () => {
    const secret = 'gh-secret-value';
    const body = JSON.stringify({ status: 'success' });
    const { 'x-hub-signature-256': signature } = signHeaders('github', secret, {
      id: 'x',
      timestamp: 0,
      body,
    });
    expect(await verifyGithub(secret, body, signature as string)).toBe(true);
    expect(await verifyGithub('other', body, signature as string)).toBe(false);
  });

  it('uses the raw string of a whsec_ secret for GitHub style (as GitHub receivers do)', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = 'x';
    const { 'x-hub-signature-256': signature } = signHeaders('github', secret, {
      id: 'x',
      timestamp: 0,
      body,
    });
    expect(await verifyGithub(secret, body, signature as string)).toBe(true);
  });
});
