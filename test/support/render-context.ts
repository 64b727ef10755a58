import type { DiscordOptions } from '../../src/notify/types.js';

/**
 * A Discord target as the run renderers' tests use it: compact style, a log attached on failure, no thread,
 * no mentions, not live. A fresh object each call, so a test may change its copy.
 */
export function compactDiscordOptions(): DiscordOptions {
  return {
    username: 'Jetson CI',
    avatarUrl: null,
    threadId: null,
    threadName: null,
    attachLog: 'failure',
    style: 'compact',
    mentionOnFailure: { users: [], roles: [] },
    live: false,
    liveIntervalMs: 10_000,
  };
}
