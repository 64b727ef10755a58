// Checks a Teams message against the Adaptive Cards SDK itself (the `adaptivecards` package, loaded as its
// CommonJS bundle: its ESM build does not resolve in node). Three nets: the parse events (unknown elements,
// invalid values, elements newer than the card's version), the SDK's own validation, and a round trip: a
// property the SDK does not know is silently dropped when it serialises the card again, so every key of the
// input that does not come back is reported. Plus the envelope, the version (≤ 1.5), https buttons, no
// mentions and the size (≤ 28 000 bytes).
import { createRequire } from 'node:module';

interface ValidationEvent {
  phase: number;
  event: number;
  message: string;
}
interface SerializationContext {
  eventCount: number;
  getEventAt(i: number): ValidationEvent;
}
interface CardInstance {
  parse(json: unknown, context: SerializationContext): void;
  validateProperties(): { validationEvents: ValidationEvent[] };
  toJSON(context: SerializationContext): unknown;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => CardInstance;
  SerializationContext: new (version?: unknown) => SerializationContext;
  Versions: Record<string, unknown>;
}

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

export const TEAMS_MAX_BYTES = 28_000;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every key path of `input` missing from `output` (or holding another scalar there). */
function lostKeys(input: unknown, output: unknown, at: string, out: string[]): void {
  if (Array.isArray(input)) {
    const list = Array.isArray(output) ? output : [];
    input.forEach((v, i) => lostKeys(v, list[i], `${at}[${i}]`, out));
    return;
  }
  if (isRecord(input)) {
    const obj = isRecord(output) ? output : {};
    for (const [k, v] of Object.entries(input)) {
      if (!(k in obj)) out.push(`${at}.${k}: unknown or invalid property (dropped by the SDK)`);
      else lostKeys(v, obj[k], `${at}.${k}`, out);
    }
    return;
  }
  if (input !== output) out.push(`${at}: ${JSON.stringify(input)} came back as ${JSON.stringify(output)}`);
}

/** The card's problems according to the Adaptive Cards SDK at version 1.5; empty when there is none. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(card)) return ['the card is not an object'];
  if (card.version !== '1.0' && !/^1\.[0-5]$/.test(String(card.version))) {
    problems.push(`version ${String(card.version)} is above 1.5`);
  }
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  const { msteams, ...rest } = card;
  if (msteams !== undefined) {
    if (JSON.stringify(msteams) !== JSON.stringify({ width: 'Full' })) {
      problems.push(`msteams is ${JSON.stringify(msteams)}, not {"width":"Full"}`);
    }
  }
  lostKeys(rest, parsed.toJSON(new AC.SerializationContext(AC.Versions.v1_5)), 'card', problems);
  const urls = JSON.stringify(card).match(/"url":"[^"]*"/g) ?? [];
  for (const u of urls) if (!u.startsWith('"url":"https://')) problems.push(`a button opens ${u}`);
  return problems;
}

/** A whole Teams webhook body: the envelope, the card, the size. Empty when Teams would take and show it. */
export function adaptiveCardProblems(body: unknown): string[] {
  if (!isRecord(body) || body.type !== 'message') return ['not a Teams message envelope'];
  const atts = body.attachments;
  if (!Array.isArray(atts) || atts.length !== 1) return ['not exactly one attachment'];
  const a: unknown = atts[0];
  if (!isRecord(a) || a.contentType !== 'application/vnd.microsoft.card.adaptive' || a.contentUrl !== null) {
    return ['the attachment is not an Adaptive Card attachment with contentUrl null'];
  }
  const problems = cardProblems(a.content);
  const bytes = Buffer.byteLength(JSON.stringify(body), 'utf8');
  if (bytes > TEAMS_MAX_BYTES) problems.push(`${bytes} bytes (max ${TEAMS_MAX_BYTES})`);
  if (/<at>/i.test(JSON.stringify(body))) problems.push('an <at> mention tag');
  return problems;
}

/** Every string a person sees in the card's body (text, fact titles and values), in order. */
export function cardTexts(body: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isRecord(v)) {
      if (v.type === 'TextBlock' && typeof v.text === 'string') out.push(v.text);
      if (typeof v.title === 'string' && typeof v.value === 'string') out.push(`${v.title}: ${v.value}`);
      for (const [k, x] of Object.entries(v)) if (k !== 'actions') walk(x);
    }
  };
  walk(cardOf(body).body);
  return out;
}

/** The card inside a Teams message. */
export function cardOf(
  body: unknown,
): { body: unknown[]; actions?: { title: string; url: string }[] } & Record<string, unknown> {
  const content = (body as { attachments: { content: unknown }[] }).attachments[0]?.content;
  return content as ReturnType<typeof cardOf>;
}
