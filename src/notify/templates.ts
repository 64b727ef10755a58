// The user's templates: `message-template` (the text line of a Discord, Slack or Teams message) and
// `payload-template(-file)` (a whole generic JSON body). Logic-less mustache, never code. Every template is
// checked when the settings are read, before the build runs: it must parse, name only known fields, and (a
// payload) render valid JSON for the sample report and for one whose values are all empty. Values are
// escaped for where they land before mustache sees them, so `{{x}}`, `{{{x}}}` and `{{&x}}` all give the same
// escaped text: a package name or a log line can neither break a JSON body nor add markup or a mention.
// Pure: no I/O.
import Mustache from 'mustache';
import { InputError } from '../runner/errors.js';
import { md } from './render/discord-common.js';
import { neutraliseMentions, truncate, truncateMarkdown } from './render/limits.js';
import { slackInert } from './render/slack-limits.js';
import {
  COMPACT_VIEW_CAPS,
  FIELDS,
  VIEW_CAPS,
  buildTemplateView,
  sampleTemplateReport,
  type FieldSpec,
  type FieldValue,
  type TemplateItem,
  type TemplateView,
  type ViewCaps,
} from './template-fields.js';
import type { TargetTemplates } from './types.js';

export type ChatPlatform = 'discord' | 'slack' | 'teams';
/** Where a value lands: a chat platform's text, or a JSON string. */
export type TemplatePlatform = ChatPlatform | 'json';

/**
 * The most a rendered text line may hold, in characters: Discord's `content` (2000), a Slack section's text
 * (3000; the top-level `text` allows 40 000, a section is the tighter place it may land), a Teams TextBlock
 * (no documented limit; the whole card must stay under ~28 KB).
 */
export const MESSAGE_LIMITS: Record<ChatPlatform, number> = { discord: 2000, slack: 3000, teams: 4000 };

const ZWSP = '\u200b';
/** A rendered value is never longer than this before the line limit: a text line is not a log. */
const VALUE_MAX = 100_000;

// ------------------------------------------------------------------------------------------- escaping

/** A URL a value may keep as is in chat text: absolute http(s), nothing markdown or a link could break on. */
function plainUrl(value: string): string | null {
  if (value.length > 2048 || !/^https?:\/\/[^\s<>()[\]`|"'\\]+$/i.test(value)) return null;
  return URL.canParse(value) ? value : null;
}

function oneLine(value: string): string {
  return value.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}

/** `@everyone`, `@here`, `@channel` and `@all` with a zero-width space after the `@`: shown, never a ping. */
function defuseAtMentions(value: string): string {
  return value.replace(/@(everyone|here|channel|all)\b/gi, `@${ZWSP}$1`);
}

/**
 * One plain value made inert for a platform's text, on one line:
 * - discord: markdown characters backslashed, `@everyone`/`<@id>` defused (md + neutraliseMentions);
 * - slack: as the built-in Slack message's text (slackInert): `&`, `<`, `>` as entities (so no `<!channel>`,
 *   `<@U…>`, `<#C…>` or `<url|link>`), `*` `~` backticks and edge `_` as look-alikes, `@channel` and the like
 *   defused;
 * - teams: markdown characters and `<` `>` backslashed (no `<at>` mention, no HTML), entities and list
 *   markers defused, bare URLs broken, `@` names defused.
 */
export function escapeText(value: string, platform: ChatPlatform): string {
  const text = truncate(value, VALUE_MAX);
  switch (platform) {
    case 'discord':
      return md(neutraliseMentions(text), VALUE_MAX);
    case 'slack':
      return defuseAtMentions(slackInert(oneLine(text)));
    case 'teams':
      // The markdown a TextBlock renders: emphasis, links, HTML and entities, and list or heading markers at
      // the start; a bare URL in report text does not become a link either.
      return defuseAtMentions(
        oneLine(text)
          .replace(/[\\`*_~[\]<>|]/g, '\\$&')
          .replace(/&(?=#?\w+;)/g, '\\&')
          .replace(/^([#+-])(?=\s|$)/, '\\$1')
          .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
          .replace(/:\/\//g, `:${ZWSP}//`),
      );
  }
}

/** A URL for a platform's text: kept clickable when it is a plain http(s) URL, else escaped like any text. */
function escapeUrl(value: string, platform: ChatPlatform): string {
  const url = plainUrl(value);
  // A Slack link is `<url|label>`: a `|` from the value must not end the URL part.
  if (url === null || /@/.test(url)) {
    const text = escapeText(value, platform);
    return platform === 'slack' ? text.replace(/\|/g, '%7C') : text;
  }
  return platform === 'slack' ? url.replace(/&/g, '&amp;') : url;
}

/** A value as the inside of a JSON string: quotes, backslashes and every control character escaped. */
export function escapeJson(value: string): string {
  return JSON.stringify(value)
    .slice(1, -1)
    .replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

function escapeValue(key: string, value: string, platform: TemplatePlatform): string {
  if (platform === 'json') return escapeJson(value);
  return key.endsWith('_url') ? escapeUrl(value, platform) : escapeText(value, platform);
}

/** The view with every text value escaped for `platform` (numbers and flags need none). */
function escapeView(view: TemplateView, platform: TemplatePlatform): TemplateView {
  const walk = (values: Record<string, FieldValue>): Record<string, FieldValue> => {
    const out = Object.create(null) as Record<string, FieldValue>;
    for (const [key, value] of Object.entries(values)) {
      if (typeof value === 'string') out[key] = escapeValue(key, value, platform);
      else if (Array.isArray(value)) out[key] = value.map((item) => walk(item) as TemplateItem);
      else out[key] = value;
    }
    return out;
  };
  return walk(view);
}

/** Mustache with the values already escaped: its own HTML escaping is off, for this render only. */
function renderEscaped(template: string, view: TemplateView): string {
  return Mustache.render(template, view, undefined, { escape: (v: unknown) => String(v) });
}

// ------------------------------------------------------------------------------------------- rendering

/**
 * The user's `message-template` rendered for one platform: every value escaped for it (see escapeText; URL
 * fields stay clickable), trailing white space dropped, cut with `…` to `max` characters (default: the
 * platform's MESSAGE_LIMITS). Never throws for a template that passed validateTemplates.
 */
export function renderMessageTemplate(
  template: string,
  view: TemplateView,
  platform: ChatPlatform,
  max: number = MESSAGE_LIMITS[platform],
): string {
  const text = renderEscaped(template, escapeView(view, platform)).replace(/\s+$/, '');
  return platform === 'discord' ? truncateMarkdown(text, max) : truncate(text, max);
}

/**
 * The user's `payload-template` rendered into the JSON body it describes (parsed). `viewFor` gives the view at
 * a size cap: when the body is over `maxBytes` it is rendered again from the compact view (short texts, 20
 * list items); still over, or not JSON (a value the sample never had), it throws an Error that says why, and
 * that target's delivery fails with it.
 */
export function renderPayloadTemplate(
  template: string,
  viewFor: (caps: ViewCaps) => TemplateView,
  maxBytes: number,
  caps: readonly ViewCaps[] = [VIEW_CAPS, COMPACT_VIEW_CAPS],
): unknown {
  let size = 0;
  for (const cap of caps) {
    const view = escapeView(viewFor(cap), 'json');
    const text = renderEscaped(template, view);
    size = Buffer.byteLength(text, 'utf8');
    if (size > maxBytes) continue;
    const problem = jsonSyntaxError(text);
    if (problem) {
      const at = templatePosition(template, view, problem.offset);
      throw new Error(`the payload template renders invalid JSON ${at}: ${problem.reason}`);
    }
    return JSON.parse(text) as unknown;
  }
  throw new Error(
    `the payload template renders ${size} bytes, over the ${Math.floor(maxBytes / 1024)} KiB limit, even with every list cut to ${caps[caps.length - 1]?.items} items`,
  );
}

// ------------------------------------------------------------------------------------------- validation

type Token = [string, string, number, number, Token[]?, number?];

/** Line and column (1-based, in characters) of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  return { line, column };
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end);
}

/** `shown`: the value to show instead of the template's line (a file's path: its text is never shown). */
function fail(source: string, template: string, offset: number, what: string, shown?: string | null): never {
  const { line, column } = lineColumn(template, offset);
  const value = shown ?? lineAt(template, offset);
  throw new InputError(source, value, what.replace('@', `line ${line}, column ${column}`));
}

/** Where a mustache parse error is, and what it means in words. */
function parseProblem(template: string, message: string): { offset: number; what: string } {
  const at = Number(/ at (\d+)$/.exec(message)?.[1] ?? template.length);
  const section = /section "([^"]*)"/.exec(message)?.[1] ?? '';
  if (message.startsWith('Unclosed tag')) {
    const after = template.indexOf('{{', template.lastIndexOf('}}') + 2);
    const offset = after >= 0 ? after : Math.max(0, template.lastIndexOf('{{'));
    return { offset, what: 'a tag opened at @ is never closed (no "}}")' };
  }
  if (message.startsWith('Unopened section')) {
    return { offset: at, what: `{{/${section}}} at @ closes a section that is not open` };
  }
  if (message.startsWith('Unclosed section') && at < template.length) {
    return {
      offset: at,
      what: `section "${section}" is still open at @: close it with {{/${section}}} first`,
    };
  }
  if (message.startsWith('Unclosed section')) {
    const open = [...template.matchAll(/\{\{\s*[#^]\s*([^}]*?)\s*\}\}/g)].filter((m) => m[1] === section);
    const offset = open.length > 0 ? (open[open.length - 1]?.index ?? at) : at;
    return { offset, what: `section "${section}" opened at @ is never closed (add {{/${section}}})` };
  }
  return {
    offset: Math.max(0, template.lastIndexOf('{{=')),
    what: `the tag at @ does not parse (${message})`,
  };
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next[j] = Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + cost);
    }
    row = next;
  }
  return row[b.length] as number;
}

function unknownField(name: string, scopes: readonly (readonly FieldSpec[])[]): string {
  const names = [...new Set(scopes.flat().map((f) => f.name))];
  const best = names
    .map((n) => ({ n, d: distance(name.toLowerCase(), n) }))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n))[0];
  const lists = scopes.flat().filter((f) => f.items?.some((i) => i.name === name));
  if (lists.length > 0) {
    const where = lists.map((l) => `{{#${l.name}}}…{{/${l.name}}}`).join(' or ');
    return `a template naming known fields; "${name}" at @ is a field of each list item: use it inside ${where}`;
  }
  const hint =
    best && best.d <= Math.max(2, Math.floor(name.length / 3))
      ? `did you mean "${best.n}"?`
      : `the fields are ${names.join(', ')}`;
  return `a template naming known fields; "${name}" at @ is not one (${hint})`;
}

/**
 * Every name the tokens use, checked against the fields in scope (a list section adds its items' fields).
 * `inList`: the list section these tokens render inside, if any. A list section inside one is refused: each
 * level multiplies what is rendered (three levels of 1000 packages are a billion items), and no message needs
 * a list per item of another.
 */
function checkNames(
  tokens: readonly Token[],
  scopes: readonly (readonly FieldSpec[])[],
  check: (offset: number, what: string) => never,
  inList: string | null = null,
): void {
  for (const [type, name, start, , children] of tokens) {
    if (type === '>') check(start, `a template without partials: {{>${name}}} at @ is one`);
    if (!['name', '&', '#', '^'].includes(type)) continue;
    // Every value has a name (a list item's fields too): `{{.}}` would show `[object Object]` or the whole view.
    if (name === '.') check(start, 'a template naming fields: {{.}} at @ names none (write the field)');
    const field = scopes.map((s) => s.find((f) => f.name === name)).find((f) => f !== undefined);
    if (!field) check(start, unknownField(name, scopes));
    if (field.type === 'list' && (type === 'name' || type === '&')) {
      check(
        start,
        `a template using lists as sections; "${name}" at @ is a list: write {{#${name}}}…{{/${name}}}`,
      );
    }
    const iterates = type === '#' && field.type === 'list';
    if (iterates && inList !== null) {
      check(
        start,
        `a template without a list inside a list; {{#${name}}} at @ is inside {{#${inList}}} (close the outer list first)`,
      );
    }
    const inner = type === '#' && field.items ? [field.items, ...scopes] : scopes;
    checkNames(children ?? [], inner, check, iterates ? name : inList);
  }
}

/** The parsed template, or an InputError saying where it does not parse. */
function parseTemplate(source: string, template: string, shown?: string | null): Token[] {
  try {
    return Mustache.parse(template) as unknown as Token[];
  } catch (err) {
    const { offset, what } = parseProblem(template, err instanceof Error ? err.message : String(err));
    return fail(source, template, offset, `a mustache template; it does not parse: ${what}`, shown);
  }
}

const EMPTY: Record<FieldSpec['type'], FieldValue> = { string: null, number: 0, boolean: false, list: [] };

/** A view like `view` with every value empty (texts and nullable numbers null, lists empty, flags false). */
function blankView(view: TemplateView): TemplateView {
  const out = Object.create(null) as TemplateView;
  for (const f of FIELDS) out[f.name] = emptyValue(f, view[f.name]);
  return out;
}

/** The value an unknown field of `type` renders as: nothing (texts and numbers that can be unknown), or empty. */
function emptyValue(f: FieldSpec, known: FieldValue | undefined): FieldValue {
  if (f.type === 'number' && (f.nullable || typeof known !== 'number')) return null;
  return EMPTY[f.type];
}

/**
 * A view like `blankView`, but with one item in every list whose values are all empty too (but its position:
 * first and last): what a package that was never built looks like (no duration, no image, no error).
 */
function blankItemsView(view: TemplateView): TemplateView {
  const out = blankView(view);
  for (const f of FIELDS) {
    if (f.type !== 'list' || !f.items) continue;
    const known = ((view[f.name] as TemplateItem[] | undefined) ?? [])[0];
    const item = Object.create(null) as TemplateItem;
    for (const i of f.items) item[i.name] = emptyValue(i, known?.[i.name]);
    item.first = true;
    item.last = true;
    out[f.name] = [item];
  }
  return out;
}

/** The sample view with its one failure repeated: lists of several items, for separators between them. */
function manyFailures(view: TemplateView): TemplateView {
  const failed = view.failed as TemplateItem[];
  const item = failed[0] as TemplateItem;
  const many = [0, 1, 2].map((i) =>
    Object.assign(Object.create(null), { ...item, first: i === 0, last: i === 2 }),
  );
  return Object.assign(Object.create(null) as TemplateView, { ...view, failed: many });
}

let sample: TemplateView | null = null;

/** The views a payload template must render valid JSON for: the sample, several failures, all empty. */
function checkViews(): { label: string; view: TemplateView }[] {
  sample ??= buildTemplateView(sampleTemplateReport());
  return [
    { label: 'for the sample report', view: sample },
    { label: 'for a report with several failures', view: manyFailures(sample) },
    { label: 'when its values are empty (unknown: put such a field in quotes)', view: blankView(sample) },
    {
      label: "when a list item's values are empty (unknown: put such a field in quotes)",
      view: blankItemsView(sample),
    },
  ];
}

function checkJson(source: string, template: string, shown?: string | null): void {
  for (const { label, view } of checkViews()) {
    const escaped = escapeView(view, 'json');
    const problem = jsonSyntaxError(renderEscaped(template, escaped));
    if (!problem) continue;
    const offset = templateOffset(template, escaped, problem.offset);
    const hint = problem.reason.includes('trailing comma')
      ? ' (separate list items with {{^last}},{{/last}})'
      : '';
    const what = `a template that renders JSON; ${label} it renders invalid JSON at @: ${problem.reason}`;
    fail(source, template, offset, what + hint, shown);
  }
}

/**
 * Checks one target's templates, as read from the settings: each must parse, name only known fields, and (a
 * payload) render valid JSON. Throws InputError naming the template's source and the line and column.
 */
export function validateTemplates(templates: TargetTemplates): void {
  if (templates.message !== null) {
    const source = templates.messageSource ?? 'message-template';
    const tokens = parseTemplate(source, templates.message);
    checkNames(tokens, [FIELDS], (offset, what) => fail(source, templates.message as string, offset, what));
  }
  if (templates.payload !== null) {
    const source = templates.payloadSource ?? 'payload-template';
    const file = templates.payloadFile ?? null;
    const tokens = parseTemplate(source, templates.payload, file);
    checkNames(tokens, [FIELDS], (offset, what) =>
      fail(source, templates.payload as string, offset, what, file),
    );
    checkJson(source, templates.payload, file);
  }
}

// ------------------------------------------------------------------------------------------- positions

interface Span {
  /** Where this piece starts in the output. */
  out: number;
  /** Where it comes from in the template: the text itself, or the tag that gave a value. */
  at: number;
  text: boolean;
  /** A value that rendered as nothing. */
  empty: boolean;
}

/** Renders `tokens` as mustache does, recording where each piece of the output came from. */
function renderMapped(
  tokens: readonly Token[],
  context: Mustache.Context,
  out: { s: string; spans: Span[] },
): void {
  for (const [type, name, start, , children] of tokens) {
    if (type === 'text') {
      out.spans.push({ out: out.s.length, at: start, text: true, empty: false });
      out.s += name;
    } else if (type === 'name' || type === '&') {
      const value: unknown = context.lookup(name);
      const shown = value == null ? '' : String(value);
      out.spans.push({ out: out.s.length, at: start, text: false, empty: shown === '' });
      out.s += shown;
    } else if (type === '#' || type === '^') {
      const value: unknown = context.lookup(name);
      const empty = !value || (Array.isArray(value) && value.length === 0);
      if (type === '^') {
        if (empty) renderMapped(children ?? [], context, out);
      } else if (Array.isArray(value)) {
        for (const item of value) renderMapped(children ?? [], context.push(item), out);
      } else if (!empty) {
        renderMapped(children ?? [], typeof value === 'boolean' ? context : context.push(value), out);
      }
    }
  }
}

/** The template offset that produced output offset `offset` (the tag, for a value). */
function templateOffset(template: string, view: TemplateView, offset: number): number {
  const out = { s: '', spans: [] as Span[] };
  renderMapped(Mustache.parse(template) as unknown as Token[], new Mustache.Context(view), out);
  // A value that rendered empty where JSON needs one is the cause: its tag, not the text after it.
  const empty = out.spans.findLast(
    (s) => s.empty && s.out <= offset && /^\s*$/.test(out.s.slice(s.out, offset)),
  );
  if (empty) return empty.at;
  let span: Span | undefined;
  for (const s of out.spans) if (s.out <= offset) span = s;
  if (!span || offset >= out.s.length) return template.replace(/\s+$/, '').length;
  return span.text ? span.at + (offset - span.out) : span.at;
}

function templatePosition(template: string, view: TemplateView, offset: number): string {
  const { line, column } = lineColumn(template, templateOffset(template, view, offset));
  return `at line ${line}, column ${column} of the template`;
}

// ------------------------------------------------------------------------------------------- JSON syntax

/**
 * The first JSON syntax error in `text` (offset and reason), or null: its own scanner, so the place and the
 * words do not depend on the JavaScript engine's messages (some name no position).
 */
export function jsonSyntaxError(text: string): { offset: number; reason: string } | null {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const bad = (reason: string): never => {
    throw new JsonProblem(i, reason);
  };
  const string = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) bad('a control character inside a string (write it escaped)');
      if (text[i] === '\\') {
        const e = text[i + 1] ?? '';
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if ('"\\/bfnrt'.includes(e) && e !== '') i += 2;
        else bad('an invalid escape inside a string');
      } else i++;
    }
    if (i >= text.length) bad('a string that is never closed (missing ")');
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return members('}', true);
    if (c === '[') return members(']', false);
    if (c === '"') return string();
    const word = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    );
    if (!word) bad(i >= text.length ? 'the text ends where a value is expected' : 'a value is expected here');
    i += (word as RegExpExecArray)[0].length;
  };
  const members = (close: string, object: boolean): void => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (object) {
        if (text[i] !== '"') bad('a property name in double quotes is expected here');
        string();
        ws();
        if (text[i] !== ':') bad('":" is expected after a property name');
        i++;
      }
      value();
      ws();
      if (text[i] === ',') {
        i++;
        ws();
        if (text[i] === close) bad(`a value is expected after "," (no trailing comma before "${close}")`);
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      bad(`"," or "${close}" is expected here`);
    }
  };
  try {
    value();
    ws();
    if (i < text.length) bad('there is more text after the JSON value');
    return null;
  } catch (err) {
    if (err instanceof JsonProblem) return { offset: err.offset, reason: err.reason };
    // Only a stack overflow gets here: nesting deeper than any receiver takes.
    return { offset: i, reason: 'the JSON nests too deeply' };
  }
}

class JsonProblem extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}
