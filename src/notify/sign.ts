// Signs a delivery so the receiver can authenticate it: Standard Webhooks, GitHub or Foundries JobServ style.
import { createHmac } from 'node:crypto';
import type { SignatureScheme } from './types.js';

export interface SignInput {
  /** The delivery id, the same on every retry (Standard Webhooks signs it). */
  id: string;
  /** Unix seconds. */
  timestamp: number;
  /** The exact bytes sent. */
  body: string | Buffer;
}

const STANDARD_PREFIX = 'whsec_';

/**
 * The Standard Webhooks HMAC key: a `whsec_<base64>` secret decodes to its bytes, anything else is used as
 * its UTF-8 bytes. (GitHub and JobServ receivers always key with the secret's UTF-8 bytes.)
 */
export function standardSigningKey(secret: string): Buffer {
  if (secret.startsWith(STANDARD_PREFIX)) {
    const encoded = secret.slice(STANDARD_PREFIX.length);
    const key = Buffer.from(encoded, 'base64');
    if (key.length > 0 && isBase64(encoded)) return key;
  }
  return Buffer.from(secret, 'utf8');
}

/** Whether `text` is canonical padded base64 (what a `whsec_` secret must hold). */
export function isBase64(text: string): boolean {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.length % 4 === 0;
}

function hmac(key: Buffer, ...parts: (string | Buffer)[]): Buffer {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** The headers that sign `input.body` with `secret` under `scheme`. */
export function signHeaders(
  scheme: SignatureScheme,
  secret: string,
  input: SignInput,
): Record<string, string> {
  switch (scheme) {
    case 'standard': {
      const key = standardSigningKey(secret);
      const timestamp = String(Math.floor(input.timestamp));
      const mac = hmac(key, `${input.id}.${timestamp}.`, input.body);
      return {
        'webhook-id': input.id,
        'webhook-timestamp': timestamp,
        'webhook-signature': `v1,${mac.toString('base64')}`,
      };
    }
    case 'github':
      return {
        'x-hub-signature-256': `sha256=${hmac(Buffer.from(secret, 'utf8'), input.body).toString('hex')}`,
      };
    case 'jobserv':
      return { 'x-jobserv-sig': `sha256:${hmac(Buffer.from(secret, 'utf8'), input.body).toString('hex')}` };
  }
}
