// The outcome record of one target before (or without) any successful attempt.
import { maskUrl } from '../runner/secrets.js';
import type { DeliveryResult, Target } from './types.js';

export function undeliveredResult(target: Target, error: string | null = null): DeliveryResult {
  return {
    source: target.source,
    url: maskUrl(target.url),
    format: target.format,
    delivered: false,
    httpStatus: null,
    attempts: 0,
    error,
    messageId: null,
    durationMs: 0,
    confirmed: false,
    note: null,
  };
}
