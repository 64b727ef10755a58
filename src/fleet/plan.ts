// The matrix plan of the reusable workflow: packages × platforms → matrix legs (one per package and platform,
// chunked past 256 legs), and the `platforms` input's grammar. Pure apart from planKey's random bytes and the
// lazy load of `yaml`: no inputs, no env, no I/O. src/fleet/plan-main.ts wires it to the `plan` action.
import { randomBytes } from 'node:crypto';
import { isWildcard } from '../jetson/packages.js';
import { escapeChar, findControlChar } from '../runner/errors.js';

/** GitHub's limit of jobs per matrix. */
export const MAX_MATRIX_LEGS = 256;

export interface MatrixLeg {
  /**
   * A name safe for artifact names and job titles, unique within the plan (e.g. `pytorch-2.8`,
   * `ros-humble-all` for `ros:humble*`, `chunk-2-of-3`).
   */
  leg: string;
  /** The package(s) this leg builds, space separated, exactly as planned. */
  packages: string;
  /** 0-based position of the leg in the plan. */
  index: number;
  /**
   * Whether the leg builds with `--multiple --skip-errors`: true for a chunk of several packages and for a
   * wildcard (it expands on the runner to possibly many packages, each its own chain).
   */
  multiple: boolean;
}

export interface MatrixPlan {
  /** `fromJSON` of this object is a `strategy.matrix`. */
  include: MatrixLeg[];
  /** Every planned package once, in the order given (wildcards as typed). */
  packages: string[];
}

/**
 * A random key for one call of the reusable workflow: it goes into every artifact name of the call, so two
 * calls in one caller run never collide nor read each other's reports. 12 hex characters.
 */
export function planKey(random: (bytes: number) => Buffer = randomBytes): string {
  return random(6).toString('hex');
}

export interface PlanOptions {
  /** At most this many legs (1-256); more packages are chunked so that none is dropped. */
  maxLegs?: number;
}

/**
 * A name usable in an artifact name: no `" ' : < > | * ? \ /`, no spaces, at most 60 characters. A `*` reads
 * as `all` (`ros:humble*` → `ros-humble-all`), so a wildcard leg is not mistaken for a package of that name.
 */
/** The longest leg name: the live run message keys a leg's line by it, cut to this length. */
const LEG_NAME_MAX = 60;

export function legSlug(name: string): string {
  const slug = name
    .replace(/-*\*+-*/g, '-all-')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, LEG_NAME_MAX)
    .replace(/[-.]+$/, '');
  return slug === '' ? 'package' : slug;
}

/** Removes exact duplicates, keeping the first occurrence and the given order. */
export function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

/**
 * Splits `packages` into matrix legs: one leg per package while they fit in `maxLegs`, otherwise `maxLegs`
 * chunks of near-equal size (in the given order), each built one package at a time on its runner.
 * Duplicates are removed; wildcards are kept as their own leg (only chunked together when there are more
 * entries than legs). Throws when there is nothing to build.
 */
export function planMatrix(packages: string[], opts: PlanOptions = {}): MatrixPlan {
  const maxLegs = opts.maxLegs ?? MAX_MATRIX_LEGS;
  if (!Number.isInteger(maxLegs) || maxLegs < 1 || maxLegs > MAX_MATRIX_LEGS) {
    throw new RangeError(`maxLegs must be an integer from 1 to ${MAX_MATRIX_LEGS}, got ${maxLegs}`);
  }
  const unique = dedupe(packages);
  if (unique.length === 0) throw new Error('No packages to build: the package list is empty.');

  const include: MatrixLeg[] = [];
  if (unique.length <= maxLegs) {
    const used = new Set<string>();
    unique.forEach((name, index) => {
      const slug = legSlug(name);
      // Two names can slug alike (`a:b`, `a-b`), and a suffixed name can meet a real one (`a-b-3 a:b a-b`):
      // count up from the position until the name is free.
      const leg = claimName(slug, used, index + 1);
      include.push({ leg, packages: name, index, multiple: isWildcard(name) });
    });
  } else {
    const chunks = chunk(unique, maxLegs);
    chunks.forEach((names, index) => {
      include.push({
        leg: `chunk-${index + 1}-of-${chunks.length}`,
        packages: names.join(' '),
        index,
        multiple: names.length > 1 || names.some(isWildcard),
      });
    });
  }
  return { include, packages: unique };
}

/**
 * `slug`, or `slug-<n>` counting up from `from` until the name is not in `used`; the name is added to `used`.
 * The suffix replaces the end of a long name rather than growing it: a name over LEG_NAME_MAX would be cut
 * back to its twin's as a line key of the live run message.
 */
function claimName(slug: string, used: Set<string>, from: number): string {
  let name = slug;
  for (let n = from; used.has(name); n++) {
    const suffix = `-${n}`;
    name = `${slug.slice(0, LEG_NAME_MAX - suffix.length).replace(/[-.]+$/, '')}${suffix}`;
  }
  used.add(name);
  return name;
}

/** `items` in `count` contiguous groups whose sizes differ by at most one. */
function chunk<T>(items: T[], count: number): T[][] {
  const groups: T[][] = [];
  const base = Math.floor(items.length / count);
  const extra = items.length % count;
  let at = 0;
  for (let i = 0; i < count; i++) {
    const size = base + (i < extra ? 1 : 0);
    groups.push(items.slice(at, at + size));
    at += size;
  }
  return groups;
}

/**
 * The `runs-on` input as a label list: a JSON array (`["self-hosted","jetson"]`), a JSON string, or plain
 * labels separated by commas or spaces (`self-hosted, jetson`). Throws on an empty or malformed value.
 */
export function normalizeRunsOn(input: string): string[] {
  const text = input.trim();
  if (text === '') throw new Error('runs-on is empty: give a JSON array of runner labels.');
  let labels: unknown;
  if (text.startsWith('[') || text.startsWith('"')) {
    try {
      labels = JSON.parse(text);
    } catch {
      throw new Error(`runs-on is not valid JSON: ${text}`);
    }
    if (typeof labels === 'string') labels = [labels];
  } else {
    labels = text.split(/[\s,]+/);
  }
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) {
    throw new Error(`runs-on must be a list of label strings: ${text}`);
  }
  const out = dedupe(labels as string[]);
  if (out.length === 0) throw new Error('runs-on names no runner label.');
  for (const label of out) {
    const hidden = findHiddenChar(label);
    if (hidden !== null)
      throw new Error(`the runner label ${quoted(label)} holds ${codePoint(hidden)}, ${HIDDEN_FIX}`);
  }
  return out;
}

// ------------------------------------------------------------------------------------------- platforms

/** What a leg passes to the action besides its packages: the plan's defaults, or its platform's own values. */
export interface LegSettings {
  /** The image name (`--name`); not the platform's name. */
  imageName: string;
  push: string;
  base: string;
  buildArgs: string;
}

/** One column of the grid: runners told apart by labels, with optional overrides of the plan's defaults. */
export interface Platform {
  /** As the user wrote it (`JP 6/Orin`): the job titles, the reports and the grid show it. */
  name: string;
  /** Its leg-name part: lower case, artifact-safe, at most PLATFORM_SLUG_MAX characters (`jp-6-orin`). */
  slug: string;
  labels: string[];
  /** Only the fields the platform sets; the others come from the plan's defaults. */
  overrides: Partial<LegSettings>;
}

/** A matrix leg of the reusable workflow (the `matrix` output's include entries). */
export interface GridLeg {
  leg: string;
  /** The job's name: `jp6-orin · torchvision`, `jp6-orin · chunk 2 of 3`; the leg name in the one-platform form. */
  title: string;
  packages: string;
  index: number;
  multiple: boolean;
  /** The platform's name as written; '' in the one-platform form. */
  platform: string;
  'runs-on': string[];
  /** The effective values: the platform's override, else the plan's default ('' for none). */
  'image-name': string;
  push: string;
  base: string;
  'build-args': string;
}

export interface GridPlan {
  include: GridLeg[];
  /** Every planned package once, in the order given (wildcards as typed). */
  packages: string[];
  /** The platforms in order; empty in the one-platform form (runs-on). */
  platforms: Platform[];
  /** The runner labels of the one-platform form; the first platform's labels in a grid. */
  runsOn: string[];
  /**
   * The legs of each platform, in order (of the one platform in the one-platform form): one per package, or
   * fewer chunks past max-legs; the first platforms may have one more than the others.
   */
  legsPerPlatform: number[];
}

export interface GridOptions {
  /** The platforms of the grid; none or empty → the one-platform form on `runsOn`. */
  platforms?: Platform[];
  runsOn?: string[];
  defaults?: Partial<LegSettings>;
  /** At most this many legs in all (1-256). */
  maxLegs?: number;
}

/** The platform part of a leg name is cut to this, leaving the package part at least 26 characters. */
const PLATFORM_SLUG_MAX = 32;
const PLATFORM_FIELDS = ['runs-on', 'name', 'push', 'base', 'build-args'] as const;
const LIST_FIELDS = ['platform', ...PLATFORM_FIELDS] as const;
const SETTING_FIELDS = { name: 'imageName', push: 'push', base: 'base', 'build-args': 'buildArgs' } as const;
const PREFIX = "Input 'platforms': ";
const EXAMPLE = 'jp6-orin: [self-hosted, jetson, orin]';

function fail(message: string): never {
  throw new Error(PREFIX + message);
}

/** What a JSON number or boolean reads as: refused where text is expected, its digits shown as written. */
class JsonLiteral {
  constructor(readonly text: string) {}
  get kind(): string {
    return this.text === 'true' || this.text === 'false' ? 'boolean' : 'number';
  }
}

/** Far more than any platform list needs; an alias bomb (a billion laughs) stops here. */
const MAX_ALIAS_COUNT = 100;

/**
 * The `platforms` input (YAML or JSON, YAML being JSON's superset) as platforms; [] when it is empty.
 * Throws an error naming the input and the key at fault; `yaml` is loaded only when there is something to parse.
 */
export async function parsePlatforms(text: string): Promise<Platform[]> {
  if (text.trim() === '') return [];
  return platformsFrom(await readInput(text));
}

/**
 * The input as maps (in the order written), lists and strings exactly as written: YAML's failsafe schema, so
 * that `6.10` stays `6.10` (not the number 6.1) and `0x10` stays `0x10` (not 16), in names, labels and
 * values alike. A YAML field left empty is null (not set). In JSON, where text is always quoted, an unquoted
 * number or boolean is kept as a JsonLiteral, to be refused where text is expected; JSON null is null.
 */
async function readInput(text: string): Promise<unknown> {
  const { LineCounter, parseDocument, visit } = await import('yaml');
  const json = isJson(text);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    schema: 'failsafe',
    merge: !json,
    uniqueKeys: true,
    prettyErrors: false,
    lineCounter,
  });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    // The first line only: yaml goes on with the offending source.
    const { line, col } = lineCounter.linePos(problem.pos[0]);
    fail(`not valid YAML or JSON at line ${line}, column ${col}: ${firstLine(problem.message)}`);
  }
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || node.type !== 'PLAIN') return;
      const source = String(node.value);
      if (source === '' || (json && source === 'null')) node.value = null;
      else if (json) node.value = new JsonLiteral(source);
    },
  });
  try {
    // Maps as Maps: an object would put integer-like keys (`6: [...]`) before the others.
    return doc.toJS({ mapAsMap: true, maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = firstLine(err instanceof Error ? err.message : String(err));
    if (/alias count/i.test(message))
      fail('expands too many aliases (*name): write the platforms out, or use fewer aliases.');
    fail(`could not be read: ${message}`);
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? '';
}

/** Platforms from the parsed input: a map name → labels or → {runs-on, …}, or a list of label arrays / objects. */
function platformsFrom(value: unknown): Platform[] {
  let platforms: Platform[];
  if (value instanceof Map) {
    platforms = [...value].map(([key, spec]) => fromMapEntry(nameOf(key), spec));
  } else if (Array.isArray(value)) {
    platforms = fromList(value);
  } else {
    fail(
      `expected a map of platform names to runner labels (${EXAMPLE}) or a list of label arrays, got ${kindOf(value)}.`,
    );
  }
  if (platforms.length === 0)
    fail(`names no platform: give at least one (${EXAMPLE}), or leave it empty to build on runs-on.`);
  // A name with nothing artifact-safe in it (`オリン`) still needs a leg-name part: its position.
  const slugged = platforms.map((p, i) => (p.slug === '' ? { ...p, slug: `platform-${i + 1}` } : p));
  rejectDuplicates(slugged);
  return slugged;
}

/** A platform's name from its map key: text (failsafe makes every scalar key text), never a map or list. */
function nameOf(key: unknown): string {
  if (key === null || key === undefined) return '';
  if (typeof key !== 'string')
    fail(`a platform's name is ${kindOf(key)}: write each name as plain text, e.g. ${EXAMPLE}.`);
  return key;
}

function fromMapEntry(name: string, spec: unknown): Platform {
  const display = checkName(name, 'a platform', `the platform name ${quoted(name.trim())}`);
  if (!(spec instanceof Map)) return platform(display, labelsOf(spec, display), {});
  const fields = readFields(spec, `platforms.${display}`, PLATFORM_FIELDS);
  return platform(
    display,
    labelsOf(fields.get('runs-on'), display, true),
    overridesOf(fields, `platforms.${display}`),
  );
}

/** A list: label arrays (or label strings) and objects; those without a `platform` are named by their labels. */
function fromList(items: unknown[]): Platform[] {
  const specs = items.map((item, i) => {
    const at = `platforms[${i}]`;
    if (!(item instanceof Map)) return { named: null, labels: labelsOf(item, at), overrides: {} };
    const fields = readFields(item, at, LIST_FIELDS);
    const named = fields.get('platform');
    if (named !== undefined && named !== null && typeof named !== 'string')
      fail(`${at}.platform must be a string, got ${kindOf(named)}${quoteIt(named)}.`);
    return {
      named: typeof named === 'string' ? checkName(named, at, `${at}.platform`) : null,
      labels: labelsOf(fields.get('runs-on'), at, true),
      overrides: overridesOf(fields, at),
    };
  });
  const names = labelNames(specs.filter((s) => s.named === null).map((s) => s.labels));
  let next = 0;
  const named = specs.map((s) =>
    s.named === null
      ? { ...s, named: names[next++] as string, byLabels: true }
      : { ...s, named: s.named, byLabels: false },
  );
  named.forEach((s, i) => {
    const twin = named.findIndex((t) => t.byLabels && s.byLabels && t.named === s.named);
    if (twin !== -1 && twin < i) {
      fail(
        `platforms[${twin}] and platforms[${i}] are both named ${s.named} by their runner labels: name them, e.g. - {platform: jp6-orin, runs-on: [self-hosted, orin]}, or use the map form (${EXAMPLE}).`,
      );
    }
    if (s.byLabels) checkLength(s.named, `platforms[${i}]`);
  });
  return named.map((s) => platform(s.named, s.labels, s.overrides));
}

/**
 * Names for platforms known by their labels only: the labels not every one of them shares, joined with `-`
 * ([self-hosted, jetson, orin, jp6] and [self-hosted, jetson, xavier, jp5] → `orin-jp6`, `xavier-jp5`); all
 * labels joined when that leaves a name empty or two alike.
 */
function labelNames(labelSets: string[][]): string[] {
  const shared = labelSets.reduce<string[]>(
    (common, labels, i) => (i === 0 ? labels : common.filter((l) => labels.includes(l))),
    [],
  );
  const distinct = labelSets.map((labels) => labels.filter((l) => !shared.includes(l)).join('-'));
  const clash = distinct.some((n) => n === '') || new Set(distinct).size < distinct.length;
  return clash ? labelSets.map((labels) => labels.join('-')) : distinct;
}

function readFields(
  spec: Map<unknown, unknown>,
  at: string,
  accepted: readonly string[],
): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const [rawKey, value] of spec) {
    if (rawKey instanceof Map || Array.isArray(rawKey)) {
      fail(
        `${at} has a key that is ${kindOf(rawKey)}, not a field name; accepted fields: ${accepted.join(', ')}.`,
      );
    }
    const key = rawKey === null || rawKey === undefined ? '' : String(rawKey);
    if (!accepted.includes(key)) {
      fail(`${at}.${key} is not a known field; accepted fields: ${accepted.join(', ')}.`);
    }
    fields.set(key, value);
  }
  return fields;
}

/** The fields a platform sets; a field left empty (`base:`) is not set, so the plan's default applies. */
function overridesOf(fields: Map<string, unknown>, at: string): Partial<LegSettings> {
  const overrides: Partial<LegSettings> = {};
  for (const [field, setting] of Object.entries(SETTING_FIELDS)) {
    const value = fields.get(field);
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string')
      fail(`${at}.${field} must be a string, got ${kindOf(value)}${quoteIt(value)}.`);
    const text = value.trim();
    rejectHidden(text, `${at}.${field}`);
    overrides[setting] = text;
  }
  return overrides;
}

/** `: quote it, e.g. "1.10"` for a JSON number or boolean, whose digits only quotes keep. */
function quoteIt(value: unknown): string {
  return value instanceof JsonLiteral ? `: quote it, e.g. "${value.text}"` : '';
}

/**
 * Runner labels: a list of strings, or one string of labels separated by commas or spaces (as `runs-on`).
 * `who` is the platform's name or position, for the message.
 */
function labelsOf(value: unknown, who: string, field = false): string[] {
  const none = `${who} has no runner labels: give a list such as ${field ? 'runs-on: ' : ''}[self-hosted, jetson].`;
  if (value === undefined || value === null) fail(none);
  let raw: unknown[];
  if (typeof value === 'string') raw = value.split(/[\s,]+/).filter((l) => l !== '');
  else if (Array.isArray(value)) raw = value;
  else fail(`${who}${field ? '.runs-on' : ''} must be a list of runner labels, got ${kindOf(value)}.`);
  const labels: string[] = [];
  for (const label of raw) {
    if (typeof label !== 'string') {
      fail(
        `${who} has a runner label that is not a string (${kindOf(label)})` +
          (label instanceof JsonLiteral ? `${quoteIt(label)}.` : ': give each label as a plain string.'),
      );
    }
    const trimmed = label.trim();
    if (trimmed === '') fail(`${who} has an empty runner label.`);
    rejectHidden(trimmed, `${who}'s runner label ${quoted(trimmed)}`);
    if (!labels.includes(trimmed)) labels.push(trimmed);
  }
  if (labels.length === 0) fail(none);
  return labels;
}

/** Job and check-run names are `<platform> · <package>`, cut by GitHub near 100 characters. */
const PLATFORM_NAME_MAX = 40;

/** The name, trimmed, once it is neither empty, nor hidden, nor long; `who`/`what` say where it is written. */
function checkName(name: string, who: string, what: string): string {
  const display = name.trim();
  if (display === '') fail(`${who} has an empty name: give each platform a name, e.g. ${EXAMPLE}.`);
  rejectHidden(display, what);
  checkLength(display);
  return display;
}

/** `fromLabelsOf`: the list entry a name was made from by joining its labels. */
function checkLength(name: string, fromLabelsOf?: string): void {
  const length = [...name].length;
  if (length <= PLATFORM_NAME_MAX) return;
  const origin = fromLabelsOf === undefined ? '' : ` (from the runner labels of ${fromLabelsOf})`;
  const fix =
    fromLabelsOf === undefined
      ? 'Shorten it.'
      : 'Name it, e.g. - {platform: jp6-orin, runs-on: [self-hosted, orin]}.';
  fail(
    `the platform name ${quoted(name)}${origin} is ${length} characters long, more than ${PLATFORM_NAME_MAX}: GitHub cuts long job and check-run names, so two long names would read alike. ${fix}`,
  );
}

/**
 * Invisible formatting (Unicode category Cf: bidi overrides and isolates U+202A–U+202E, U+2066–U+2069,
 * zero-width U+200B–U+200F, U+2060–U+2064, the BOM U+FEFF, …): a name that reads as another one in job
 * titles, the grid and chat, or a label or value that differs from what is shown.
 */
const HIDDEN = /\p{Cf}/u;
const HIDDEN_FIX = 'an invisible formatting character: remove it.';

/** The first invisible formatting character of `text`, or null. */
export function findHiddenChar(text: string): string | null {
  return HIDDEN.exec(text)?.[0] ?? null;
}

/** Refuses control characters and invisible formatting, naming where (`what`) and which. */
function rejectHidden(text: string, what: string): void {
  const c = findControlChar(text);
  if (c !== null) fail(`${what} holds a control character (${escapeChar(c)}).`);
  const hidden = findHiddenChar(text);
  if (hidden !== null) fail(`${what} holds ${codePoint(hidden)}, ${HIDDEN_FIX}`);
}

/** `U+202E`. */
export function codePoint(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A JSON-quoted string with invisible formatting written as escapes (`"\u202ejp6"`): safe to print. */
function quoted(text: string): string {
  return JSON.stringify(text).replace(/\p{Cf}/gu, (c) => {
    const hex = (c.codePointAt(0) ?? 0).toString(16);
    return hex.length > 4 ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
  });
}

function platform(name: string, labels: string[], overrides: Partial<LegSettings>): Platform {
  const display = name.trim();
  return { name: display, slug: platformSlug(display), labels, overrides };
}

/** The leg-name part of a platform's name; '' when nothing of it is artifact-safe (`オリン`). */
export function platformSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, PLATFORM_SLUG_MAX)
    .replace(/[-.]+$/, '');
}

/** Two platforms of one name, or of one leg-name part: their legs and artifacts would be mistaken for each other. */
function rejectDuplicates(platforms: Platform[]): void {
  platforms.forEach((p, i) => {
    const twin = platforms.slice(0, i).find((q) => q.slug === p.slug);
    if (twin === undefined) return;
    if (twin.name === p.name) fail(`${JSON.stringify(p.name)} names two platforms: give each its own name.`);
    fail(
      `${JSON.stringify(twin.name)} and ${JSON.stringify(p.name)} both make the leg name ${p.slug}: rename one so they differ in letters or digits.`,
    );
  });
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (value instanceof JsonLiteral) return `the JSON ${value.kind} ${value.text}`;
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Map) return 'a map';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  return `a ${typeof value}`;
}

// ------------------------------------------------------------------------------------------------ grid

/**
 * The matrix of packages × platforms. Without platforms, the one-platform form on `runsOn`: the legs of
 * planMatrix, unchanged, with the added fields (`platform: ''`, `title` = the leg name). With platforms,
 * max-legs is shared out: each platform gets floor(maxLegs / platforms) legs and the first maxLegs % platforms
 * one more, never more than its packages; past that its packages are chunked as planMatrix chunks them, so no
 * package is ever dropped nor built twice on a platform. Throws when there are more platforms than legs.
 */
export function planGrid(packages: string[], opts: GridOptions = {}): GridPlan {
  const maxLegs = opts.maxLegs ?? MAX_MATRIX_LEGS;
  const platforms = opts.platforms ?? [];
  const defaults: LegSettings = { imageName: '', push: '', base: '', buildArgs: '', ...opts.defaults };
  if (platforms.length === 0) {
    const runsOn = opts.runsOn ?? [];
    if (runsOn.length === 0) throw new Error('runs-on names no runner label.');
    const plan = planMatrix(packages, { maxLegs });
    return {
      include: plan.include.map((l) => gridLeg(l, l.leg, '', runsOn, defaults)),
      packages: plan.packages,
      platforms: [],
      runsOn,
      legsPerPlatform: [plan.include.length],
    };
  }
  if (platforms.length > maxLegs) {
    fail(
      `${platforms.length} platforms need at least ${platforms.length} legs, more than max-legs (${maxLegs}) allows: build at most ${maxLegs} platforms per call.`,
    );
  }
  const parts = shareLegs(packages, platforms.length, maxLegs);
  const used = new Set<string>();
  const include: GridLeg[] = [];
  // Package-major: a package's legs on every platform sit side by side, in the Actions UI and in the live
  // message, which is the comparison the grid is for (torchvision fails on jp5 only). It also starts every
  // platform's runners at once when the caller caps the matrix with max-parallel.
  const rounds = Math.max(...parts.map((p) => p.include.length));
  for (let round = 0; round < rounds; round++) {
    platforms.forEach((p, i) => {
      const plan = parts[i] as MatrixPlan;
      const part = plan.include[round];
      if (part === undefined) return;
      const chunked = plan.include.length < plan.packages.length;
      const what = chunked ? `chunk ${round + 1} of ${plan.include.length}` : part.packages;
      const leg = claimName(fitLegName(`${p.slug}--${part.leg}`), used, 2);
      const settings = { ...defaults, ...p.overrides };
      include.push(
        gridLeg({ ...part, leg, index: include.length }, `${p.name} · ${what}`, p.name, p.labels, settings),
      );
    });
  }
  return {
    include,
    packages: (parts[0] as MatrixPlan).packages,
    platforms,
    runsOn: platforms[0]?.labels ?? [],
    legsPerPlatform: parts.map((p) => p.include.length),
  };
}

/** Each platform's legs: maxLegs shared out, the remainder one each to the first platforms. */
function shareLegs(packages: string[], platforms: number, maxLegs: number): MatrixPlan[] {
  const base = Math.floor(maxLegs / platforms);
  const extra = maxLegs % platforms;
  const plans = new Map<number, MatrixPlan>();
  return Array.from({ length: platforms }, (_, i) => {
    const share = base + (i < extra ? 1 : 0);
    const plan = plans.get(share) ?? planMatrix(packages, { maxLegs: share });
    plans.set(share, plan);
    return plan;
  });
}

function fitLegName(name: string): string {
  return name.slice(0, LEG_NAME_MAX).replace(/[-.]+$/, '');
}

function gridLeg(
  part: MatrixLeg,
  title: string,
  platform: string,
  runsOn: string[],
  settings: LegSettings,
): GridLeg {
  return {
    leg: part.leg,
    title,
    packages: part.packages,
    index: part.index,
    multiple: part.multiple,
    platform,
    'runs-on': runsOn,
    'image-name': settings.imageName,
    push: settings.push,
    base: settings.base,
    'build-args': settings.buildArgs,
  };
}

/**
 * How the legs were formed, in one line: `3 packages × 2 platforms = 6 legs`,
 * `200 packages × 2 platforms: 128 legs per platform, chunks of 1–2 packages`, `3 packages = 3 legs`.
 */
export function describePlan(plan: GridPlan): string {
  const packages = count(plan.packages.length, 'package');
  const platforms = plan.platforms.length;
  const what = platforms === 0 ? packages : `${packages} × ${count(platforms, 'platform')}`;
  if (!isChunked(plan)) return `${what} = ${count(plan.include.length, 'leg')}`;
  const sizes = plan.include.map((l) => l.packages.split(' ').length);
  const [min, max] = [Math.min(...sizes), Math.max(...sizes)];
  const chunks = min === max ? `chunks of ${count(min, 'package')}` : `chunks of ${min}–${max} packages`;
  return `${what}: ${legShares(plan)}${platforms === 0 ? '' : ' per platform'}, ${chunks}`;
}

/** Whether some platform builds its packages in fewer legs than there are packages. */
export function isChunked(plan: GridPlan): boolean {
  return plan.legsPerPlatform.some((n) => n < plan.packages.length);
}

/** `128 legs`, or `128–129 legs` when max-legs did not share out evenly. */
export function legShares(plan: GridPlan, noun = 'leg'): string {
  const [min, max] = [Math.min(...plan.legsPerPlatform), Math.max(...plan.legsPerPlatform)];
  return min === max ? count(min, noun) : `${min}–${max} ${noun}s`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
