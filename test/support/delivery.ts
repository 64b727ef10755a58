// Set-up shared by the delivery tests (src/notify/deliver.ts): a fresh loopback server per test with the
// secret registry reset, a webhook target with every field spelled out, and one message delivered to one target.
import { afterEach, beforeEach } from 'vitest';
import { deliverAll, type DeliverOptions } from '../../src/notify/deliver.js';
import type { DeliveryResult, RenderedMessage, Target } from '../../src/notify/types.js';
import { resetSecretsForTest } from '../../src/runner/secrets.js';
import { NO_TEMPLATES } from './targets.js';

/**
 * Before each test of the calling file: the secret registry reset, then a server from `start` handed to `use`
 * (the file keeps it in its own variable); the server is closed after the test.
 */
export function serverPerTest<T extends { close(): Promise<void> }>(
  start: () => Promise<T>,
  use: (server: T) => void,
): void {
  let server: T | null = null;
  beforeEach(async () => {
    resetSecretsForTest();
    server = await start();
    use(server);
  });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
}

/** A generic POST webhook target named `test`: 5 s per attempt, 3 retries, unsigned, no templates. */
export function webhookTarget(url: string, over: Partial<Target> = {}): Target {
  return {
    source: 'test',
    url,
    format: 'generic',
    on: 'always',
    method: 'POST',
    headers: {},
    basicAuth: null,
    timeoutMs: 5000,
    retries: 3,
    secret: null,
    signature: 'standard',
    templates: NO_TEMPLATES,
    ...over,
  };
}

/** A JSON message (by default `{"hello":"world"}`) with these files. */
export const jsonMessage = (
  body: unknown = { hello: 'world' },
  files: RenderedMessage['files'] = [],
): RenderedMessage => ({
  body,
  files,
});

/** Delivers one message to one target and answers its result. */
export async function deliverOneTo(
  target: Target,
  message: RenderedMessage,
  opts: DeliverOptions,
): Promise<DeliveryResult> {
  const [result] = await deliverAll([{ target, message }], opts);
  if (!result) throw new Error('no result');
  return result;
}
