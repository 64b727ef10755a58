// What every Microsoft Teams message shares: the Adaptive Card types this action sends, the `message`
// envelope a Teams Workflows (Power Automate) or legacy connector webhook takes, text made inert for the
// card's markdown, the fitting of a card under Teams' size limit, and the check dry-run applies. Pure.
import { truncate } from './limits.js';

/**
 * Teams' limits for a webhook message: Adaptive Cards up to 1.5 render in Teams (1.6 does not), and a message
 * of about 28 KB; above it the webhook answers 413 (Request Entity Too Large).
 */
export const TEAMS_LIMITS = {
  version: '1.5',
  /** The whole JSON body, in UTF-8 bytes. */
  bodyBytes: 28_000,
} as const;

/**
 * What a renderer fits a card into: below the limit, because a Workflows flow posts the card inside a message
 * of its own, and the service has been seen to count some text twice (UTF-16).
 */
export const TEAMS_FIT_BYTES = 24_000;

export type TeamsColor = 'Default' | 'Good' | 'Attention' | 'Warning' | 'Accent';

export interface TeamsTextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  size?: 'Small' | 'Medium' | 'Large';
  weight?: 'Bolder';
  color?: TeamsColor;
  isSubtle?: boolean;
  fontType?: 'Monospace';
  spacing?: 'None' | 'Small' | 'Medium';
  separator?: boolean;
}

export interface TeamsFact {
  title: string;
  value: string;
}

export interface TeamsFactSet {
  type: 'FactSet';
  facts: TeamsFact[];
  spacing?: 'None' | 'Small' | 'Medium';
}

export interface TeamsContainer {
  type: 'Container';
  items: TeamsElement[];
  style?: 'emphasis';
  spacing?: 'None' | 'Small' | 'Medium';
  separator?: boolean;
}

export type TeamsElement = TeamsTextBlock | TeamsFactSet | TeamsContainer;

export interface TeamsOpenUrl {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: typeof TEAMS_LIMITS.version;
  body: TeamsElement[];
  actions?: TeamsOpenUrl[];
  /** Teams' own: the card uses the whole width of the conversation. Never `entities`: nobody is mentioned. */
  msteams: { width: 'Full' };
}

/** The body a Teams webhook takes: one Adaptive Card attachment in a `message`. */
export interface TeamsMessage {
  type: 'message';
  attachments: [
    { contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: AdaptiveCard },
  ];
}

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The `message` envelope around a card with `body` and `actions` (left out when there is none). */
export function teamsMessage(body: TeamsElement[], actions: TeamsOpenUrl[]): TeamsMessage {
  const content: AdaptiveCard = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: TEAMS_LIMITS.version,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
  return {
    type: 'message',
    attachments: [{ contentType: CARD_CONTENT_TYPE, contentUrl: null, content }],
  };
}

/** The UTF-8 bytes of `body` as JSON: what Teams measures against its limit. */
export function teamsBytes(body: unknown): number {
  return Buffer.byteLength(JSON.stringify(body) ?? '', 'utf8');
}

// ---- text ----

/**
 * Text a JSON body can carry and a card can show: a lone surrogate (half an emoji, cut by a log line's cap)
 * becomes U+FFFD, and control characters other than tab and newline are dropped.
 */
export function wellFormed(text: string): string {
  return (
    text
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      // eslint-disable-next-line no-control-regex -- dropping control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * Plain text made inert for the markdown a TextBlock or a Fact renders: formatting, links, lists, HTML and
 * entities are backslash-escaped (CommonMark escapes, which Teams reads), `<at>` mention tags can no longer
 * match, and a bare URL is broken with a zero-width space so that Teams does not turn it into a link. One
 * line, at most `max` characters before escaping.
 */
export function inert(text: string, max: number): string {
  const cut = truncate(oneLine(wellFormed(text)), max);
  return cut
    .replace(/[\\`*_~[\]<>|]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^([#+-])(?=\s|$)|^(-)(?=[-\s]*$)/, '\\$1$2')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200b.`);
}

/** A plain-text title (an action's): no markdown is rendered there, but mention tags and controls are dropped. */
export function plainTitle(text: string, max: number): string {
  return truncate(oneLine(wellFormed(text)).replace(/<\/?at>/gi, ''), max) || '—';
}

/** `url` when it is an absolute https URL a card may open; else null (http, javascript:, spaces, too long). */
export function httpsUrl(url: string | null | undefined, max = 2048): string | null {
  if (!url || url.length > max || !/^https:\/\/[^\s<>"`]+$/i.test(url)) return null;
  return URL.canParse(url) ? url : null;
}

// ---- fitting ----

/**
 * The first of `levels` (most detailed first) whose card fits TEAMS_FIT_BYTES; the last level always wins
 * when none does (it is built to be small whatever the report).
 */
export function fitCard<L>(levels: readonly L[], build: (level: L) => TeamsMessage): TeamsMessage {
  let card: TeamsMessage | null = null;
  for (const level of levels) {
    card = build(level);
    if (teamsBytes(card) <= TEAMS_FIT_BYTES) return card;
  }
  if (card === null) throw new Error('fitCard needs at least one level');
  return card;
}

// ---- check ----

const ELEMENT_TYPES = new Set(['TextBlock', 'FactSet', 'Container']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function versionAtMost(version: unknown, max: string): boolean {
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version)) return false;
  const [a, b] = version.split('.').map(Number) as [number, number];
  const [x, y] = max.split('.').map(Number) as [number, number];
  return a < x || (a === x && b <= y);
}

function elementProblems(elements: unknown, at: string, out: string[]): void {
  if (!Array.isArray(elements)) {
    out.push(`${at} is not a list`);
    return;
  }
  elements.forEach((e, i) => {
    const here = `${at}[${i}]`;
    if (!isRecord(e) || typeof e.type !== 'string') out.push(`${here} is not an element`);
    else if (!ELEMENT_TYPES.has(e.type)) out.push(`${here} is a ${e.type}, which this action does not send`);
    else if (e.type === 'TextBlock' && typeof e.text !== 'string') out.push(`${here}.text is not a string`);
    else if (e.type === 'FactSet' && !Array.isArray(e.facts)) out.push(`${here}.facts is not a list`);
    else if (e.type === 'Container') elementProblems(e.items, `${here}.items`, out);
  });
}

/** Every way `body` breaks what a Teams webhook takes, as readable sentences; empty when it fits. */
export function checkTeamsLimits(body: unknown): string[] {
  const out: string[] = [];
  if (!isRecord(body) || body.type !== 'message') return ['body is not a Teams message (type: message)'];
  const attachments = body.attachments;
  if (!Array.isArray(attachments) || attachments.length !== 1) {
    return ['the message does not carry exactly one attachment'];
  }
  const attachment: unknown = attachments[0];
  if (!isRecord(attachment) || attachment.contentType !== CARD_CONTENT_TYPE) {
    return [`the attachment is not an Adaptive Card (contentType ${CARD_CONTENT_TYPE})`];
  }
  const card = attachment.content;
  if (!isRecord(card) || card.type !== 'AdaptiveCard')
    return ['the attachment content is not an AdaptiveCard'];
  if (!versionAtMost(card.version, TEAMS_LIMITS.version)) {
    out.push(
      `card version ${String(card.version)} is above ${TEAMS_LIMITS.version}, the newest Teams renders`,
    );
  }
  elementProblems(card.body, 'body', out);
  const actions = card.actions ?? [];
  if (!Array.isArray(actions)) out.push('actions is not a list');
  else {
    actions.forEach((a: unknown, i) => {
      if (!isRecord(a) || a.type !== 'Action.OpenUrl') out.push(`actions[${i}] is not an Action.OpenUrl`);
      else if (typeof a.url !== 'string' || httpsUrl(a.url) === null) {
        out.push(`actions[${i}].url is not an https URL`);
      }
    });
  }
  if (isRecord(card.msteams) && card.msteams.entities !== undefined) {
    out.push('msteams.entities is set: the card would mention someone');
  }
  const bytes = teamsBytes(body);
  if (bytes > TEAMS_LIMITS.bodyBytes)
    out.push(`body is ${bytes} bytes of JSON (max ${TEAMS_LIMITS.bodyBytes})`);
  return out;
}
