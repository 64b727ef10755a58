// The HTTP client every notification uses: undici's `request` and `EnvHttpProxyAgent`, loaded from their own
// modules instead of undici's index.
//
// Why not `import { request } from 'undici'`: the index evaluates ~110 modules (fetch, WebSocket, EventSource, the
// cache and mock layers, zlib) and touches `globalThis.Headers`, which makes Node load its own internal copy of
// undici as well: for a step that sends one message, 134 → 113 ms of profile (bench/RESULTS.md, "Footprint").
// What delivery needs is the dispatcher classes and the request API (14 modules, no web globals, no zlib), with
// the one side effect of undici's index that they rely on: the API methods installed on Dispatcher.prototype
// (ProxyAgent tunnels through `client.connect`, so it is the same assignment, not a copy of it).
//
// undici has no `exports` map, so these paths are public to Node's resolver but not promised across versions:
// package.json pins undici exactly (with an override, so @actions/* share it), and test/notify/http-client.test.ts
// fails on a version that moves them, before a bundle could be built from it.
import type { Dispatcher, EnvHttpProxyAgent as EnvHttpProxyAgentType } from 'undici';
import api from 'undici/lib/api/index.js';
import DispatcherClass from 'undici/lib/dispatcher/dispatcher.js';
import EnvHttpProxyAgentClass from 'undici/lib/dispatcher/env-http-proxy-agent.js';

Object.assign(DispatcherClass.prototype, api);

export type { Dispatcher };
export type EnvHttpProxyAgent = EnvHttpProxyAgentType;
export const EnvHttpProxyAgent = EnvHttpProxyAgentClass;

export interface RequestOptions extends Omit<Dispatcher.RequestOptions, 'origin' | 'path' | 'method'> {
  method: Dispatcher.HttpMethod;
  dispatcher: Dispatcher;
}

/**
 * One request to `url` through `opts.dispatcher` (undici's own `request(url, opts)`, without its global
 * dispatcher fallback: every caller names the dispatcher). Rejects like undici does, with its error codes.
 */
export function request(url: string, opts: RequestOptions): Promise<Dispatcher.ResponseData> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    // undici's own error code for this, which delivery treats as permanent (no retry).
    const err = Object.assign(
      new TypeError(`unsupported protocol ${parsed.protocol} in a notification URL`),
      {
        code: 'UND_ERR_INVALID_ARG',
      },
    );
    return Promise.reject(err);
  }
  const { dispatcher, ...rest } = opts;
  return dispatcher.request({
    ...rest,
    origin: parsed.origin,
    path: `${parsed.pathname}${parsed.search}`,
  });
}
