// Every form a configured secret can take in build output is masked in the job log and scrubbed from what
// leaves the runner, bytes included (a log tail attached as a file may not be valid UTF-8).
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const masked = vi.hoisted(() => [] as string[]);
vi.mock('@actions/core', () => ({ setSecret: (v: string) => masked.push(v) }));

import { deliverAll } from '../../src/notify/deliver.js';
import {
  registerCredential,
  registerSecret,
  registerSecretUrl,
  resetSecretsForTest,
  scrub,
  scrubBytes,
  scrubDeep,
} from '../../src/runner/secrets.js';
import type { Target } from '../../src/notify/types.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { NO_TEMPLATES } from '../support/targets.js';

beforeEach(() => {
  resetSecretsForTest();
  masked.length = 0;
});

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

describe('registerSecret: the forms a secret can take', () => {
  it('masks the key material of a whsec_ secret on its own, not only the whole value', () => {
    registerSecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect(masked).toContain('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect(masked).toContain('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect(scrub('echo $KEY -> MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toBe('echo $KEY -> ***');
  });

  it('masks the decoded key of a whsec_ secret when it is printable', () => {
    registerSecret(`whsec_${b64('team-signing-key-2024')}`);
    expect(masked).toContain('team-signing-key-2024');
    expect(scrub('key is team-signing-key-2024.')).toBe('key is ***.');
  });

  it('does not mask the decoded key of a whsec_ secret when it is binary', () => {
    registerSecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect(masked).toEqual(['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw']);
  });

  it('masks the token of a Bearer header value', () => {
    registerSecret('Bearer ghp_R2d2C3poBb8LukeLeia0123');
    expect(scrub('token=ghp_R2d2C3poBb8LukeLeia0123')).toBe('token=***');
  });

  it('masks the decoded user:password and the password of a Basic header value', () => {
    registerSecret(`Basic ${b64('ci-bot:s3cr3t-Pa55')}`);
    expect(masked).toContain(b64('ci-bot:s3cr3t-Pa55'));
    expect(masked).toContain('ci-bot:s3cr3t-Pa55');
    expect(masked).toContain('s3cr3t-Pa55');
    expect(scrub('login ci-bot:s3cr3t-Pa55 / pass s3cr3t-Pa55')).toBe('login *** / pass ***');
  });

  it('masks a URL password and query token both percent-encoded and decoded', () => {
    registerSecretUrl('https://ci-bot:p%40ss%2Fw0rd!x@hooks.example.com/in?token=a%2Bb%3Dcdefgh&v=2');
    expect(scrub('decoded p@ss/w0rd!x')).toBe('decoded ***');
    expect(scrub('encoded p%40ss%2Fw0rd!x')).toBe('encoded ***');
    expect(scrub('query a+b=cdefgh')).toBe('query ***');
    expect(scrub('query a%2Bb%3Dcdefgh')).toBe('query ***');
    // The user name and short query values are not secrets.
    expect(scrub('user ci-bot, v=2')).toBe('user ci-bot, v=2');
  });

  it("masks a Discord URL's token path segment on its own", () => {
    const token = 'AbC-dEf_GhIjKlMnOpQrStUvWxYz0123456789abcdefGHIJKLmnopqrstuvwxyz0123';
    registerSecretUrl(`https://discord.com/api/webhooks/1300000000000000001/${token}`);
    expect(scrub(`DISCORD_TOKEN=${token}`)).toBe('DISCORD_TOKEN=***');
    expect(scrub('https://discord.com/api/webhooks/1300000000000000001/' + token)).not.toContain(token);
  });

  it('does not mask short, common values such as `1`, `true` or `gzip`', () => {
    registerSecret('1');
    registerSecret('true');
    registerSecret('gzip');
    expect(masked).toEqual([]);
    // A short credential is masked only with its scheme, never `Bearer` or `1234` on their own.
    registerSecret('Bearer 1234');
    expect(masked).toEqual(['Bearer 1234', 'Bearer%201234']);
    expect(scrub('retries=1 debug=true gzip')).toBe('retries=1 debug=true gzip');
  });

  it('masks a short value given as a secret (a signing secret, a password) whole, but not shorter than 3', () => {
    registerCredential('k3y9');
    registerCredential('ab');
    expect(masked).toEqual(['k3y9']);
    expect(scrub('signing with k3y9, ab')).toBe('signing with ***, ab');
    // A short secret that is a whole value, as in a JSON field or a file of its own.
    expect(scrub('k3y9')).toBe('***');
    expect(scrubDeep({ password: 'k3y9', note: 'k3y9!' })).toEqual({ password: '***', note: '***!' });
    expect(scrubBytes(Buffer.from('k3y9')).toString()).toBe('***');
  });

  it('masks the start of a secret where a long line was cut (…), not other text before a cut', () => {
    registerSecret('tok-0123456789abcdefghij');
    expect(scrub('Authorization: tok-0123456789ab…')).toBe('Authorization: ***…');
    expect(scrub('a line that was simply cut here…')).toBe('a line that was simply cut here…');
    // Too short a start to say anything about the secret: left alone.
    expect(scrub('see tok-0…')).toBe('see tok-0…');
    expect(scrub('tok-0123456789abcdefghij and tok-012345…')).toBe('*** and ***…');
  });

  it('masks the end of a secret standing just after a cut (a line kept by its end)', () => {
    registerSecret('tok-0123456789abcdefghij');
    expect(scrub('…789abcdefghij was the token')).toBe('…*** was the token');
  });

  it('masks the encodings other tools print: lower-case hex, quote() keeping "/", JSON "\\/", base64', () => {
    registerCredential('p@ss/E2e-w0rd!');
    const forms = [
      'p%40ss%2FE2e-w0rd!',
      'p%40ss%2fE2e-w0rd!',
      'p%40ss/E2e-w0rd!',
      'p@ss\\/E2e-w0rd!',
      Buffer.from('p@ss/E2e-w0rd!').toString('base64'),
      Buffer.from('p@ss/E2e-w0rd!').toString('base64url'),
    ];
    for (const f of forms) expect(scrub(`auth ${f} end`), f).toBe('auth *** end');
  });

  it('never prints a control character of a secret on the ::add-mask:: line; scrubs the value whole', () => {
    registerCredential('abc\u001b[2Jdefghi\u2028jklmno');
    // eslint-disable-next-line no-control-regex -- the point is to find them
    expect(masked.some((m) => /[\u001b\u2028]/.test(m))).toBe(false);
    expect(masked).toContain('[2Jdefghi');
    expect(masked).toContain('jklmno');
    expect(scrub('x abc\u001b[2Jdefghi\u2028jklmno y')).toBe('x *** y');
  });

  it('masks only long words of a value with spaces that is not `<scheme> <credential>`', () => {
    registerSecret('Jetson nightly builds k8s-0f1e2d3c4b');
    expect(scrub('nightly builds: k8s-0f1e2d3c4b')).toBe('nightly builds: ***');
  });

  it('masks the JSON-escaped form of a secret holding a quote or a backslash', () => {
    const secret = 'pa"ss\\word-42';
    registerSecret(secret);
    const json = JSON.stringify({ echoed: `value ${secret}` });
    expect(json).not.toContain(secret);
    expect(scrub(json)).toBe('{"echoed":"value ***"}');
  });
});

describe('scrub: overlapping secrets', () => {
  it('replaces the longest match, not a shorter secret inside it', () => {
    registerSecret('hunter22-pw');
    registerSecret('admin:hunter22-pw');
    expect(scrub('auth admin:hunter22-pw ok')).toBe('auth *** ok');
  });

  it('leaves no byte of two secrets that overlap each other', () => {
    registerSecret('abcdef-1234');
    registerSecret('1234-uvwxyz');
    expect(scrub('[abcdef-1234-uvwxyz]')).toBe('[***]');
  });

  it('scrubs object keys as well as values', () => {
    registerSecret('tok-abcdef-123456');
    expect(scrubDeep({ 'tok-abcdef-123456': ['x tok-abcdef-123456'], n: 3 })).toEqual({
      '***': ['x ***'],
      n: 3,
    });
  });
});

describe('scrubBytes', () => {
  it('replaces a secret between invalid UTF-8 bytes and keeps those bytes exactly', () => {
    registerSecret('s3cr3t-Pa55');
    const input = Buffer.concat([
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('s3cr3t-Pa55'),
      Buffer.from([0xe2, 0x94, 0x0a]),
    ]);
    const out = scrubBytes(input);
    expect([...out]).toEqual([0xff, 0xfe, 0xc3, 0x2a, 0x2a, 0x2a, 0xe2, 0x94, 0x0a]);
  });

  it('replaces a secret at the very start and at the very end of the buffer', () => {
    registerSecret('edge-secret-77');
    expect(scrubBytes(Buffer.from('edge-secret-77 mid edge-secret-77')).toString()).toBe('*** mid ***');
    expect(scrubBytes(Buffer.from('edge-secret-77')).toString()).toBe('***');
  });

  it('replaces a non-ASCII secret by its UTF-8 bytes', () => {
    registerSecret('pässwörd-✅-9');
    expect(scrubBytes(Buffer.from('a pässwörd-✅-9 b\n')).toString()).toBe('a *** b\n');
  });

  it('prefers the longest of overlapping secrets and merges overlaps', () => {
    registerSecret('hunter22-pw');
    registerSecret('admin:hunter22-pw');
    registerSecret('abcdef-1234');
    registerSecret('1234-uvwxyz');
    expect(scrubBytes(Buffer.from('admin:hunter22-pw|abcdef-1234-uvwxyz')).toString()).toBe('***|***');
  });

  it('returns the same bytes when nothing matches', () => {
    registerSecret('not-in-there-1');
    const input = Buffer.from([0x00, 0xff, 0x41, 0x0a]);
    expect([...scrubBytes(input)]).toEqual([0x00, 0xff, 0x41, 0x0a]);
  });
});

describe('deliverAll: every part of a multipart body is scrubbed', () => {
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = await startReceiver({ fallback: { status: 200, body: { id: '9' } } });
  });
  afterEach(async () => {
    await receiver.close();
  });

  it('scrubs the attached file, the payload and the file name, and signs the bytes it sent', async () => {
    const signing = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    registerSecret('Bearer tok-abcdef-123456');
    registerSecret(signing);
    const target: Target = {
      source: 'test',
      url: receiver.urlFor('/api/v10/webhooks/1/tok') + '?wait=true',
      format: 'discord',
      on: 'always',
      method: 'POST',
      headers: {},
      basicAuth: null,
      timeoutMs: 5000,
      retries: 0,
      secret: signing,
      signature: 'standard',
      templates: NO_TEMPLATES,
    };
    const log = Buffer.concat([
      Buffer.from('step 1\nAuthorization: Bearer tok-abcdef-123456\n'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(' key MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n'),
    ]);
    const [result] = await deliverAll(
      [
        {
          target,
          message: {
            body: { content: 'failed: tok-abcdef-123456' },
            files: [{ name: 'tok-abcdef-123456-tail.txt', contentType: 'text/plain', data: log }],
          },
        },
      ],
      { deadlineMs: 10_000 },
    );
    expect(result?.delivered).toBe(true);
    const [req] = receiver.requests;
    const body = req!.body.toString('latin1');
    expect(body).not.toContain('tok-abcdef-123456');
    expect(body).not.toContain('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect(req!.multipart!.payloadJson).toEqual({
      content: 'failed: ***',
      attachments: [{ id: '0', filename: '***-tail.txt' }],
    });
    expect(req!.multipart!.files[0]!.filename).toBe('***-tail.txt');
    expect([...req!.multipart!.files[0]!.data]).toEqual([
      ...Buffer.from('step 1\nAuthorization: ***\n'),
      0xff,
      0xfe,
      ...Buffer.from(' key ***\n'),
    ]);
    // The signature covers the scrubbed bytes the receiver got (standardwebhooks needs UTF-8, so check by hand).
    const headers = req!.headers as Record<string, string>;
    const mac = createHmac('sha256', Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64'))
      .update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.`)
      .update(req!.body)
      .digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${mac}`);
  });
});
