// Issue 11 follow-ups in the Discord text: a failure point shown in a code span says what it says (no markdown
// escapes inside the backticks), and control characters from the build never reach a message.
import { describe, expect, it } from 'vitest';
import {
  renderDiscord,
  type DiscordBody,
  type DiscordRenderOptions,
} from '../../src/notify/render/discord.js';
import { legLine } from '../../src/notify/render/run-live-discord.js';
import * as F from '../support/reports.js';

const OPTS: DiscordRenderOptions = {
  username: null,
  avatarUrl: null,
  threadId: null,
  threadName: null,
  attachLog: 'failure',
  style: 'compact',
  mentionOnFailure: { users: [], roles: [] },
  live: false,
  liveIntervalMs: 10_000,
};

describe("a leg's line in the run message", () => {
  it('shows the failure point in a code span as it is: no backslash before `_`', () => {
    const line = legLine({
      leg: 'nano_llm',
      status: 'failure',
      url: null,
      durationSeconds: 5,
      where: 'nano_llm · build 3/9',
      cause: 'ModuleNotFoundError: No module named flash_attn',
    });
    expect(line.text).toBe(
      '❌ `nano_llm` · 5s — `nano_llm · build 3/9` ModuleNotFoundError: No module named flash\\_attn',
    );
  });

  it('cannot close the code span early: a backtick in the failure point is neutralised', () => {
    const line = legLine({
      leg: 'x',
      status: 'failure',
      url: null,
      durationSeconds: 1,
      where: 'a`b',
      cause: null,
    });
    expect(line.text).toBe('❌ `x` · 1s — `aˋb`');
  });
});

describe('control characters from the build', () => {
  it('never reach the compact message: ANSI sequences dropped, NUL, BEL and the like shown as �', () => {
    const r = F.stageFailure();
    const error = 'No module\u0000 named \u001b[31mfoo\u001b[0m\u0007 (\u0085next)';
    const report = {
      ...r,
      failure: { ...r.failure!, error, excerpt: ['build.sh: line 3\u0000: \u001b[1mboom\u001b[0m'] },
    };
    const body = renderDiscord(report, OPTS, { event: 'finished', change: 'unknown' }).body as DiscordBody;
    const description = body.embeds?.[0]?.description ?? '';
    expect(description.split('\n')).toContain('No module� named foo� ( next)');
    expect(description).toContain('build.sh: line 3�: boom');
    // eslint-disable-next-line no-control-regex
    expect(JSON.stringify(body).match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|\\u00[01]/g)).toBeNull();
  });
});
