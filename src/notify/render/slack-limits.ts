// Slack's side of a message: the body shape (typed with @slack/types, type-only: nothing of it runs), its
// limits and their check, and text made inert for mrkdwn. Slack has no backslash escapes: `&`, `<` and `>`
// become entities (that alone stops links, user/channel mentions and `<!channel>`), formatting marks become
// look-alikes, `@here`/`@channel`/`@everyone` are broken with a zero-width space, and every mrkdwn object is
// `verbatim` (no auto-linking of bare URLs or names). Pure.
import type {
  ContextBlock,
  HeaderBlock,
  KnownBlock,
  MessageAttachment,
  MrkdwnElement,
  PlainTextElement,
  SectionBlock,
} from '@slack/types';
import { ELLIPSIS, truncate, truncateMarkdown } from './limits.js';

/**
 * Slack's documented Block Kit limits (characters), plus two bounds of this action: `text` (the notification
 * line: Slack truncates at 40 000, a person reads one line) and `totalText` (all visible text together).
 */
export const SLACK_LIMITS = {
  blocks: 50,
  attachments: 100,
  headerText: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  text: 3000,
  totalText: 12_000,
} as const;

/** The blocks this action sends. */
export type SlackBlock = HeaderBlock | SectionBlock | ContextBlock;

/** The colour bar comes from a legacy attachment: the blocks live in it, `text` stays top-level. */
export type SlackAttachment = Omit<MessageAttachment, 'blocks' | 'color'> & {
  color: string;
  blocks: KnownBlock[];
};

/** An incoming-webhook body. */
export interface SlackBody {
  /** The notification text, also shown above the attachment. */
  text: string;
  attachments: SlackAttachment[];
  unfurl_links: false;
  unfurl_media: false;
}

export interface SlackRenderOptions {
  /** The text line as the user's `message-template` rendered it (already Slack-escaped); null: built in. */
  text?: string | null;
  /** The user's `message-template` (mustache source), rendered for Slack into the text line; over `text`. */
  messageTemplate?: string | null;
}

export const SLACK_COLOR = {
  success: '#2EB67D',
  failure: '#E01E5A',
  cancelled: '#868686',
  /** A build that has started (notify-start). */
  building: '#439FE0',
} as const;

// ---- inert text ----

const ZWSP = '\u200b';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Half a surrogate pair on its own becomes U+FFFD: it is not valid UTF-8 and some parsers refuse it. */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD');
}

export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Slack's three entities, the only escaping mrkdwn knows. */
export function slackEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `@here`, `@channel`, `@everyone` and `<!…>`/`<@…>`/`<#…>` lose their meaning (a zero-width space). */
export function defuseMentions(s: string): string {
  return s.replace(/@(here|channel|everyone)/gi, `@${ZWSP}$1`).replace(/<([!@#])/g, `<${ZWSP}$1`);
}

/**
 * Marks that would format text become look-alikes: `*` `~` and backticks always, `_` only where it could
 * open or close italics (at a word's edge), so `pip_cache` stays as it is written.
 */
function defuseFormatting(s: string): string {
  return s
    .replace(/\*/g, '∗')
    .replace(/~/g, '∼')
    .replace(/`/g, 'ˋ')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, 'ˍ');
}

/**
 * Text as inert mrkdwn: formatting marks as look-alikes, mentions defused, entities escaped. The one escaping of
 * report text for Slack, the built-in message's and a `message-template`'s values alike.
 */
export function slackInert(raw: string): string {
  return slackEscape(defuseMentions(defuseFormatting(raw)));
}

/** One line of report text as inert mrkdwn of at most `max` characters (cut before escaping: no half entity). */
export function inert(s: string, max: number): string {
  return fitEscaped(s, max, slackInert);
}

/** `s` made one line and passed through `escape`, at most `max` characters, cut before escaping. */
function fitEscaped(s: string, max: number, escape: (raw: string) => string): string {
  const raw = wellFormed(oneLine(s));
  let room = max;
  let out = escape(truncate(raw, room));
  // Each pass removes at least the overshoot, so this ends within a few passes.
  while (out.length > max && room > 0) {
    room -= out.length - max;
    out = escape(truncate(raw, room));
  }
  return out.length > max ? '' : out;
}

/** Report text for a plain_text object: no markup is read there, so only mentions are defused. */
export function plain(s: string, max: number): string {
  return truncate(defuseMentions(wellFormed(oneLine(s))), max);
}

/** Inline code (no formatting inside): backticks become a look-alike so the span cannot be closed early. */
export function inlineCode(s: string, max: number): string {
  const text = fitEscaped(s, max - 2, (raw) => slackEscape(defuseMentions(raw.replace(/`/g, 'ˋ'))));
  return text === '' ? '—' : '`' + text + '`';
}

/** Lines for a ``` block: entities escaped, mentions defused, no run of three backticks left to close it. */
export function codeLines(lines: readonly string[]): string[] {
  return lines.map((l) =>
    slackEscape(defuseMentions(wellFormed(l))).replace(/`{3,}/g, (m) => m.split('').join(ZWSP)),
  );
}

/** A `message-template` line: escaped by the template already, so only mentions are defused here. */
export function templateLine(text: string): string {
  return truncate(defuseMentions(wellFormed(text)), SLACK_LIMITS.text);
}

/** `<url|label>` for an absolute http(s) URL mrkdwn cannot be broken out of; null when unusable. */
export function slackLink(url: string | null | undefined, label: string, max = 2048): string | null {
  if (!url || url.length > max || !/^https?:\/\/[^\s<>"`]+$/i.test(url) || !URL.canParse(url)) return null;
  // `&` is escaped inside links too, and a `|` would end the URL early.
  return `<${url.replace(/&/g, '&amp;').replace(/\|/g, '%7C')}|${label}>`;
}

/**
 * Multi-line mrkdwn within `max`: whole lines are dropped from the end behind a `…` line (a cut line could
 * leave a link or an entity half open); a single line too long is cut, fences closed again.
 */
export function fitLines(text: string, max: number): string {
  if (text.length <= max) return text;
  const lines = text.split('\n');
  while (lines.length > 1) {
    lines.pop();
    const kept = [...lines, ELLIPSIS].join('\n');
    if (kept.length <= max && fencesClosed(kept)) return kept;
  }
  return truncateMarkdown(lines[0] ?? '', max);
}

function fencesClosed(text: string): boolean {
  return (text.match(/```/g) ?? []).length % 2 === 0;
}

export function mrkdwn(text: string): MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

export function plainText(text: string): PlainTextElement {
  return { type: 'plain_text', text, emoji: true };
}

// ---- the final guard ----

/** Clamps every limited text and the block count, whatever the builders produced. */
export function clampSlack(body: SlackBody): SlackBody {
  const L = SLACK_LIMITS;
  body.text = truncate(body.text, L.text) || ELLIPSIS;
  for (const a of body.attachments) {
    a.blocks = a.blocks.slice(0, L.blocks).map((b) => clampBlock(b));
  }
  return body;
}

function clampText<T extends MrkdwnElement | PlainTextElement>(t: T, max: number): T {
  const text = t.type === 'mrkdwn' ? fitLines(t.text, max) : truncate(t.text, max);
  return { ...t, text: text || ELLIPSIS };
}

function clampBlock(b: KnownBlock): KnownBlock {
  const L = SLACK_LIMITS;
  if (b.type === 'header') return { ...b, text: clampText(b.text, L.headerText) };
  if (b.type === 'section') {
    const out: SectionBlock = { ...b };
    if (b.text) out.text = clampText(b.text, L.sectionText);
    if (b.fields) out.fields = b.fields.slice(0, L.fields).map((f) => clampText(f, L.fieldText));
    return out;
  }
  if (b.type === 'context') {
    const elements = b.elements
      .slice(0, L.contextElements)
      .map((e) => (e.type === 'mrkdwn' || e.type === 'plain_text' ? clampText(e, L.contextText) : e));
    return { ...b, elements };
  }
  return b;
}

// ---- the check ----

const LIVE_MENTION = /<[!@#]|@(here|channel|everyone)\b/i;

/** Every way `body` breaks a Slack limit (or could ping), as readable sentences; empty when it fits. */
export function checkSlackLimits(body: unknown): string[] {
  const L = SLACK_LIMITS;
  const v: string[] = [];
  if (body === null || typeof body !== 'object') return ['body is not an object'];
  const b = body as Partial<SlackBody> & { blocks?: unknown };
  const counter = { chars: 0 };
  const text = (what: string, t: unknown, max: number, kind?: 'plain_text' | 'mrkdwn'): void =>
    checkText(v, counter, what, t, max, kind);
  if (typeof b.text !== 'string' || b.text.trim() === '') v.push('text is missing (Slack answers no_text)');
  else {
    if (b.text.length > L.text) v.push(`text has ${b.text.length} characters (max ${L.text})`);
    checkInert(v, 'text', b.text);
    counter.chars += b.text.length;
  }
  const attachments = Array.isArray(b.attachments) ? b.attachments : [];
  if (b.attachments !== undefined && !Array.isArray(b.attachments)) v.push('attachments is not a list');
  if (attachments.length > L.attachments) {
    v.push(`${attachments.length} attachments (max ${L.attachments}: Slack answers too_many_attachments)`);
  }
  const blocks: [string, unknown][] = [];
  if (Array.isArray(b.blocks)) b.blocks.forEach((x, i) => blocks.push([`blocks[${i}]`, x]));
  attachments.forEach((a, i) => {
    if (!Array.isArray(a?.blocks)) return;
    a.blocks.forEach((x, j) => blocks.push([`attachments[${i}].blocks[${j}]`, x]));
  });
  if (blocks.length > L.blocks) v.push(`${blocks.length} blocks (max ${L.blocks})`);
  for (const [at, block] of blocks) checkBlock(at, block, text, v);
  if (counter.chars > L.totalText)
    v.push(`the message shows ${counter.chars} characters (max ${L.totalText})`);
  return v;
}

type TextCheck = (what: string, t: unknown, max: number, kind?: 'plain_text' | 'mrkdwn') => void;

function checkBlock(at: string, block: unknown, text: TextCheck, v: string[]): void {
  const L = SLACK_LIMITS;
  const blk = block as { type?: unknown; text?: unknown; fields?: unknown; elements?: unknown };
  if (blk?.type === 'header') text(`${at}.text`, blk.text, L.headerText, 'plain_text');
  else if (blk?.type === 'section') {
    if (blk.text === undefined && blk.fields === undefined) v.push(`${at} has neither text nor fields`);
    if (blk.text !== undefined) text(`${at}.text`, blk.text, L.sectionText);
    if (blk.fields !== undefined) {
      const fields = Array.isArray(blk.fields) ? (blk.fields as unknown[]) : [];
      if (fields.length > L.fields) v.push(`${at} has ${fields.length} fields (max ${L.fields})`);
      fields.forEach((f, k) => text(`${at}.fields[${k}]`, f, L.fieldText));
    }
  } else if (blk?.type === 'context') {
    const elements = Array.isArray(blk.elements) ? (blk.elements as unknown[]) : [];
    if (elements.length === 0 || elements.length > L.contextElements) {
      v.push(`${at} has ${elements.length} elements (1 to ${L.contextElements})`);
    }
    elements.forEach((e, k) => text(`${at}.elements[${k}]`, e, L.contextText));
  } else if (blk?.type !== 'divider') v.push(`${at} has type ${String(blk?.type)}, which is not checked`);
}

function checkText(
  v: string[],
  counter: { chars: number },
  what: string,
  t: unknown,
  max: number,
  kind?: 'plain_text' | 'mrkdwn',
): void {
  const o = t as { type?: unknown; text?: unknown };
  if (o?.type !== 'plain_text' && o?.type !== 'mrkdwn') return void v.push(`${what} is not a text object`);
  if (kind && o.type !== kind) v.push(`${what} must be ${kind}`);
  if (typeof o.text !== 'string' || o.text.length === 0) return void v.push(`${what} is empty`);
  if (o.text.length > max) v.push(`${what} has ${o.text.length} characters (max ${max})`);
  counter.chars += o.text.length;
  checkInert(v, what, o.text);
  if (o.type === 'mrkdwn' && !fencesClosed(o.text)) v.push(`${what} leaves a code block open`);
}

function checkInert(v: string[], what: string, text: string): void {
  if (LIVE_MENTION.test(text)) v.push(`${what} holds a live mention`);
  if (new RegExp(LONE_SURROGATE.source).test(text)) v.push(`${what} holds a lone surrogate`);
}
