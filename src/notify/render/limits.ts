// Text-fitting primitives for chat limits: truncate with a visible '…', and never cut a code fence open.

export const ELLIPSIS = '…';

/** `text` cut to at most `max` characters (UTF-16 units, as Discord counts), ending in '…' when cut. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  if (text.length <= max) return text;
  let cut = max - 1;
  // Do not split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, cut) + ELLIPSIS;
}

/**
 * The most the mention line of a failure may take (`discord-mention-on-failure`, ids separated by spaces):
 * ~45 ids, far more than a team pings, and the message keeps its own room. More ids are refused as input.
 */
export const MENTION_LINE_MAX = 1000;

/* eslint-disable no-control-regex -- matching control characters is the point */
/** An ANSI escape sequence (CSI `ESC [ … m`, OSC `ESC ] … BEL`, or a two-character one). */
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
/** Control characters with no place in a chat message: C0 but TAB and line breaks, DEL, C1 but NEL. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
/* eslint-enable no-control-regex */

/**
 * Text from the build made printable for a chat message: colour and other ANSI sequences dropped, any other
 * control character (NUL, BEL, a lone ESC …) shown as `�`. TAB and line breaks stay (callers decide on lines).
 */
export function printableText(text: string): string {
  return text.replace(ANSI, '').replace(CONTROL, '\ufffd');
}

/** Neutralises backtick runs so user text can never close (or open) a code fence. */
export function escapeFence(text: string): string {
  return text.replace(/`{3,}/g, (m) => m.split('').join('\u200b'));
}

/**
 * A fenced code block of at most `max` characters in total. When the lines do not fit, the first lines are
 * dropped (the end of a log matters most) and a `…` line marks the cut; the closing fence is always kept.
 */
export function codeBlock(lines: string[], max: number, lang = ''): string {
  const open = '```' + lang + '\n';
  const close = '\n```';
  const budget = max - open.length - close.length;
  if (budget <= 2) return '';
  const safe = lines.map((l) => escapeFence(printableText(l)));
  const body = safe.join('\n');
  if (body.length <= budget) return open + body + close;
  const kept: string[] = [];
  let used = 2; // the '…' line and its newline
  for (const line of [...safe].reverse()) {
    const cost = line.length + 1;
    if (used + cost > budget) {
      if (kept.length === 0) kept.unshift(ELLIPSIS + tail(line, budget - used - 1));
      break;
    }
    kept.unshift(line);
    used += cost;
  }
  return open + [ELLIPSIS, ...kept].join('\n') + close;
}

/** The last `max` characters of `text`, never starting on the low half of a surrogate pair. */
export function tail(text: string, max: number): string {
  // No room (max <= 0) needs no case of its own: the start then lies at or past the end.
  if (text.length <= max) return text;
  let start = text.length - max;
  const code = text.charCodeAt(start);
  if (code >= 0xdc00 && code <= 0xdfff) start += 1;
  return text.slice(start);
}

const ZWSP = '\u200b';

/**
 * Defuses mass and user/role mentions in text bound for chat: `@everyone`, `@here`, `<@123>`, `<@&123>`,
 * `<@!123>`. `allowed_mentions` already stops the ping; this keeps it from even looking like one.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<@([!&]?\d)/g, `<@${ZWSP}$1`);
}

/** True when `text` still holds a live-looking mass mention. */
export function hasMassMention(text: string): boolean {
  return /@(everyone|here)/i.test(text);
}

/** The longest run of consecutive backticks in `text`. */
export function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return longest;
}

/** A backtick fence that nothing in `text` can close: at least three, longer than any run inside. */
export function fenceFor(text: string): string {
  return '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
}

/**
 * `text` cut to at most `max` characters like `truncate`, but aware of ``` code fences: when the cut lands
 * inside a fenced block the block is closed again, so the rest of the message never renders as code.
 * Assumes fences are ``` runs (as `codeBlock` and `escapeFence` produce).
 */
export function truncateMarkdown(text: string, max: number): string {
  if (text.length <= max) return text;
  const close = '\n```';
  const fit = (room: number): string => {
    // Never leave a partial fence marker just before the '…'.
    const cut = truncate(text, room).replace(/`{1,2}(?=…$)/, '');
    const open = (cut.match(/```/g) ?? []).length % 2 === 1;
    return open ? cut + close : cut;
  };
  const whole = fit(max);
  // With `close.length` less room the closed cut always fits: below 5 characters the first cut cannot hold a
  // whole ``` (the marker before the '…' is stripped), and no room at all gives ''.
  return whole.length <= max ? whole : fit(max - close.length);
}

/** A duration a person reads at a glance: `42s`, `5m 03s`, `1h 02m 13s`; `—` when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  const known = seconds ?? Number.NaN;
  if (!Number.isFinite(known) || known < 0) return '—';
  const total = Math.round(known);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}

/** A duration for a headline, to two units: `42s`, `42m 10s`, `1h 12m`; `—` when unknown. */
export function formatShortDuration(seconds: number | null | undefined): string {
  const known = seconds ?? Number.NaN;
  if (!Number.isFinite(known) || known < 0) return '—';
  const total = Math.round(known);
  if (total < 3600) return formatDuration(total);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  return `${h}h ${String(m).padStart(2, '0')}m`;
}

/** An ISO timestamp as `YYYY-MM-DDTHH:MM:SSZ` (the upstream webhook's `end_time` format); unchanged if unparsable. */
export function isoSeconds(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t).toISOString().replace(/\.\d{3}Z/, 'Z'); // the only '.' in an ISO string
}

/** Discord's documented limits for an execute-webhook body (characters are UTF-16 units). */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedTotal: 6000,
  usernameMin: 1,
  usernameMax: 80,
  threadName: 100,
  attachments: 10,
  attachmentDescription: 1024,
} as const;
