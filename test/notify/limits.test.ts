// The text-fitting primitives every renderer leans on: what a reader sees when a message is cut, exactly.
import { describe, expect, it } from 'vitest';
import {
  codeBlock,
  escapeFence,
  fenceFor,
  formatDuration,
  hasMassMention,
  isoSeconds,
  longestBacktickRun,
  neutraliseMentions,
  tail,
  truncate,
  truncateMarkdown,
} from '../../src/notify/render/limits.js';

const Z = '\u200b';
/** U+10000 and U+10FFFF: the lowest and highest surrogate halves (D800/DC00, DBFF/DFFF). */
const LOWEST = '\ud800\udc00';
const HIGHEST = '\udbff\udfff';

describe('truncate', () => {
  it('keeps text that fits, exactly at the limit too', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abc', 10)).toBe('abc');
    expect(truncate('', 0)).toBe('');
  });

  it('cuts to the limit with a visible ellipsis', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abcdef', 2)).toBe('a…');
    expect(truncate('abcdef', 1)).toBe('…');
  });

  it('gives nothing for no room at all', () => {
    expect(truncate('abc', 0)).toBe('');
    expect(truncate('abc', -5)).toBe('');
  });

  it('drops a whole character rather than half a surrogate pair, at either end of the range', () => {
    expect(truncate(`ab${LOWEST}cd`, 4)).toBe('ab…');
    expect(truncate(`ab${HIGHEST}cd`, 4)).toBe('ab…');
    expect(truncate(`${LOWEST}ab`, 2)).toBe('…');
  });

  it('keeps a pair that ends right before the cut, and the characters just outside the surrogate range', () => {
    expect(truncate(`a${LOWEST}bc`, 4)).toBe(`a${LOWEST}…`);
    expect(truncate(`a${HIGHEST}bc`, 4)).toBe(`a${HIGHEST}…`);
    expect(truncate('ab\ud7ffcd', 4)).toBe('ab\ud7ff…');
    expect(truncate('ab\ue000cd', 4)).toBe('ab\ue000…');
  });
});

describe('tail', () => {
  it('keeps the last characters', () => {
    expect(tail('abcdef', 3)).toBe('def');
    expect(tail('abcdef', 1)).toBe('f');
  });

  it('keeps text that fits, exactly at the limit too', () => {
    expect(tail('abc', 3)).toBe('abc');
    expect(tail('abc', 9)).toBe('abc');
    expect(tail('abcdef', 8)).toBe('abcdef');
  });

  it('gives nothing for no room', () => {
    expect(tail('abc', 0)).toBe('');
    expect(tail('abc', -2)).toBe('');
    expect(tail('', 0)).toBe('');
  });

  it('never starts on the low half of a pair, at either end of the range', () => {
    expect(tail(`a${LOWEST}b`, 2)).toBe('b');
    expect(tail(`a${HIGHEST}b`, 2)).toBe('b');
  });

  it('keeps a whole pair and the characters just outside the low-surrogate range', () => {
    expect(tail(`a${HIGHEST}`, 2)).toBe(HIGHEST);
    expect(tail(`a${LOWEST}`, 2)).toBe(LOWEST);
    expect(tail('a\udbffb', 2)).toBe('\udbffb');
    expect(tail('a\ue000b', 2)).toBe('\ue000b');
  });
});

describe('escapeFence', () => {
  it('breaks every run of three or more backticks with zero-width spaces', () => {
    expect(escapeFence('```')).toBe(`\`${Z}\`${Z}\``);
    expect(escapeFence('a ````b')).toBe(`a \`${Z}\`${Z}\`${Z}\`b`);
    expect(escapeFence('```js x ```')).toBe(`\`${Z}\`${Z}\`js x \`${Z}\`${Z}\``);
  });

  it('leaves inline code and plain text alone', () => {
    expect(escapeFence('use `make` or ``a``')).toBe('use `make` or ``a``');
    expect(escapeFence('')).toBe('');
  });
});

describe('codeBlock', () => {
  it('fences lines that fit, with the language', () => {
    expect(codeBlock(['one', 'two'], 100, 'sh')).toBe('```sh\none\ntwo\n```');
    expect(codeBlock(['one'], 100)).toBe('```\none\n```');
  });

  it('fills the limit exactly when the lines just fit', () => {
    expect(codeBlock(['abc'], 11)).toBe('```\nabc\n```');
  });

  it('gives nothing when there is room for two characters or less inside the fences', () => {
    expect(codeBlock(['ab'], 10)).toBe('');
    expect(codeBlock(['a'], 3)).toBe('');
  });

  it('keeps the last lines that fit after a … line', () => {
    expect(codeBlock(['one', 'two', 'three'], 22, 'sh')).toBe('```sh\n…\ntwo\nthree\n```');
    expect(codeBlock(['one', 'two', 'three'], 21, 'sh')).toBe('```sh\n…\nthree\n```');
  });

  it('stops at the first line that does not fit, even when an earlier one would', () => {
    expect(codeBlock(['a', 'toolong', 'xyz'], 16)).toBe('```\n…\nxyz\n```');
  });

  it('shows the end of a single line that is too long', () => {
    expect(codeBlock(['abcdefghij'], 16)).toBe('```\n…\n…fghij\n```');
    expect(codeBlock(['first', 'abcdefghij'], 16)).toBe('```\n…\n…fghij\n```');
  });

  it('escapes fences inside the lines so the block cannot be closed early', () => {
    expect(codeBlock(['a ``` b'], 100)).toBe(`\`\`\`\na \`${Z}\`${Z}\` b\n\`\`\``);
  });

  it('never starts the kept end of a long line on half a surrogate pair', () => {
    const block = codeBlock([`abcd${LOWEST}ef`], 14);
    expect(block).toBe('```\n…\n…ef\n```');
  });
});

describe('mentions', () => {
  it('defuses @everyone, @here and user/role mentions with a zero-width space', () => {
    expect(neutraliseMentions('hi @everyone and @Here')).toBe(`hi @${Z}everyone and @${Z}Here`);
    expect(neutraliseMentions('<@123> <@&45> <@!6>')).toBe(`<@${Z}123> <@${Z}&45> <@${Z}!6>`);
    expect(neutraliseMentions('mail a@b.c, <@name>')).toBe('mail a@b.c, <@name>');
  });

  it('tells a live mass mention from a defused one', () => {
    expect(hasMassMention('ping @everyone')).toBe(true);
    expect(hasMassMention('ping @HERE')).toBe(true);
    expect(hasMassMention(neutraliseMentions('ping @everyone @here'))).toBe(false);
    expect(hasMassMention('ping @someone')).toBe(false);
  });
});

describe('backtick fences', () => {
  it('measures the longest backtick run', () => {
    expect(longestBacktickRun('a ` b `````` c ``')).toBe(6);
    expect(longestBacktickRun('no code')).toBe(0);
  });

  it('picks a fence nothing inside can close', () => {
    expect(fenceFor('plain')).toBe('```');
    expect(fenceFor('has ``` inside')).toBe('````');
    expect(fenceFor('a `` b')).toBe('```');
  });
});

describe('truncateMarkdown', () => {
  it('never touches text that fits, even with an open fence or a backtick before an ellipsis', () => {
    expect(truncateMarkdown('abc', 3)).toBe('abc');
    expect(truncateMarkdown('```code', 7)).toBe('```code');
    expect(truncateMarkdown('```code', 100)).toBe('```code');
    expect(truncateMarkdown('ab`…', 4)).toBe('ab`…');
  });

  it('cuts plain text like truncate', () => {
    expect(truncateMarkdown('abcdefgh', 5)).toBe('abcd…');
  });

  it('closes a code block it cuts into, inside the limit', () => {
    const text = 'intro\n```\nline one\nline two\n```\nafter';
    expect(truncateMarkdown(text, 24)).toBe('intro\n```\nline one\n…\n```');
    expect(truncateMarkdown(text, 28)).toBe('intro\n```\nline one\nline…\n```');
  });

  it('adds no fence when the cut falls after a closed block', () => {
    const text = 'intro\n```\nline one\nline two\n```\nafter';
    expect(truncateMarkdown(text, 36)).toBe('intro\n```\nline one\nline two\n```\naft…');
  });

  it('leaves no partial fence marker in front of the ellipsis', () => {
    expect(truncateMarkdown('ab``cdef', 5)).toBe('ab…');
    expect(truncateMarkdown('abc`defg', 5)).toBe('abc…');
  });

  it('only strips backticks right before its own ellipsis', () => {
    expect(truncateMarkdown('x``…yyyyyy', 8)).toBe('x``…yyy…');
  });

  it('gives nothing for no room', () => {
    expect(truncateMarkdown('```abc', 0)).toBe('');
    expect(truncateMarkdown('```abc', -3)).toBe('');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [42.4, '42s'],
    [59.6, '1m 00s'],
    [61, '1m 01s'],
    [303, '5m 03s'],
    [3599, '59m 59s'],
    [3600, '1h 00m 00s'],
    [3733, '1h 02m 13s'],
    [90061, '25h 01m 01s'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY, -1, -0.1])('%s → —', (seconds) => {
    expect(formatDuration(seconds)).toBe('—');
  });
});

describe('isoSeconds', () => {
  it('drops the milliseconds and normalises to UTC', () => {
    expect(isoSeconds('2026-01-01T00:00:00.123Z')).toBe('2026-01-01T00:00:00Z');
    expect(isoSeconds('2026-01-01T01:30:05+01:00')).toBe('2026-01-01T00:30:05Z');
  });

  it('leaves an unparsable value as it was', () => {
    expect(isoSeconds('yesterday-ish')).toBe('yesterday-ish');
  });
});
