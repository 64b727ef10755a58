// Secret handling: every secret is registered (masked in the job log via core.setSecret) the moment it
// is read, in every form a build could print it, and is scrubbed from anything the action sends or writes:
// text (`scrub`), JSON-like values (`scrubDeep`) and raw bytes that need not be UTF-8 (`scrubBytes`).
import * as core from '@actions/core';

/**
 * Shorter values are neither masked nor scrubbed: a header such as `X-Debug: true` or a port would otherwise
 * turn every `true` or `8080` in the log into `***`. Derived forms (a decoded half, a word of a header) use it.
 */
export const MIN_SECRET_LENGTH = 6;
/**
 * A value given as a secret (a signing secret, a password) is masked whole down to this length: short is a bad
 * secret, but still one the user meant to keep out of the log.
 */
export const MIN_CREDENTIAL_LENGTH = 3;
/** Query parameters that are routing, not credentials (Discord's `?wait=true&thread_id=…`). */
const PUBLIC_QUERY_KEYS = new Set(['wait', 'thread_id']);
/** Words of a multi-word value shorter than this are not masked on their own. */
const LONG_PART = 8;
const STANDARD_PREFIX = 'whsec_';
const MASK = '***';
const MASK_BYTES = Buffer.from(MASK);

const registered = new Set<string>();
/** The registered values as search needles, longest first; rebuilt lazily after a registration. */
let needles: { text: string[]; bytes: Buffer[] } | null = null;

/**
 * Masks a secret in all later log output and remembers it for scrubbing, in each form it can be printed in:
 * the whole value; the credential of `<scheme> <credential>` (`Bearer …`, `Basic …`); the key material after
 * `whsec_`; the decoded text of a base64 value when it is printable, and for `user:password` the password;
 * percent-encoded and decoded; JSON-escaped. Empty and short values are ignored.
 */
export function registerSecret(value: string | null | undefined): void {
  if (!value) return;
  for (const form of secretForms(value)) add(form, MIN_SECRET_LENGTH);
}

/** registerSecret for a value that is a credential through and through: masked whole even when short. */
export function registerCredential(value: string | null | undefined): void {
  if (!value) return;
  add(value.trim(), MIN_CREDENTIAL_LENGTH);
  registerSecret(value);
}

/**
 * Registers a URL and the parts of it that carry credentials (password, query values, long path segments).
 * `queryKeys`: only these query parameters carry one (a Power Automate URL's `sig`; its `api-version`,
 * `sp` and `sv` are the same for everyone, and masking them would hide every date like 2016-06-01).
 */
export function registerSecretUrl(url: string, opts: { queryKeys?: readonly string[] } = {}): void {
  registerSecret(url);
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return; // Not a URL: the whole value is already registered.
  }
  if (u.password) {
    registerSecret(u.password);
    const user = safeDecode(u.username);
    const password = safeDecode(u.password);
    registerSecret(password);
    // What an `Authorization: Basic` header built from the URL carries, and its decoded pair.
    registerSecret(Buffer.from(`${user}:${password}`, 'utf8').toString('base64'));
  }
  for (const pair of u.search.slice(1).split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = safeDecode(pair.slice(0, eq).replace(/\+/g, ' '));
    if (PUBLIC_QUERY_KEYS.has(key) || (opts.queryKeys && !opts.queryKeys.includes(key))) continue;
    const raw = pair.slice(eq + 1);
    registerSecret(raw);
    registerSecret(safeDecode(raw.replace(/\+/g, ' ')));
  }
  // A token in the path, as Discord's /api/webhooks/<id>/<token> or Slack's /services/T…/B…/<token>.
  for (const segment of u.pathname.split('/')) if (segment.length >= 16) registerSecret(segment);
}

/** Every form of `value` worth masking (see registerSecret), short ones included; exported for tests. */
export function secretForms(value: string): string[] {
  const forms = new Set<string>();
  const whole = value.trim();
  const bases = [whole];
  const parts = whole.split(/\s+/);
  if (parts.length === 2 && /^[A-Za-z][A-Za-z-]*$/.test(parts[0] as string)) {
    // `Bearer <token>`: the token on its own; the scheme word (`Bearer`, `Basic`, `token`) is no secret.
    bases.push(parts[1] as string);
  } else if (parts.length > 1) {
    // Anything else with spaces: only long words, so a title like `Jetson nightly builds` masks no word.
    bases.push(...parts.filter((p) => p.length >= LONG_PART));
  }
  for (const base of bases) {
    forms.add(base);
    let material = base;
    if (base.startsWith(STANDARD_PREFIX)) {
      material = base.slice(STANDARD_PREFIX.length);
      forms.add(material);
    }
    const decoded = printableBase64(material);
    if (decoded !== null) {
      forms.add(decoded);
      // A Basic credential decodes to `user:password`; the password alone is the secret part.
      const colon = decoded.indexOf(':');
      if (colon > 0) forms.add(decoded.slice(colon + 1));
    }
  }
  for (const form of [...forms]) {
    const plain = /%[0-9A-Fa-f]{2}/.test(form) ? safeDecode(form) : form;
    forms.add(plain);
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(plain)) {
      const encoded = encodeURIComponent(plain);
      // As other tools write it: lower-case hex, and Python's quote() that keeps '/'.
      for (const e of [encoded, encoded.replace(/%2F/g, '/')]) {
        forms.add(e);
        forms.add(e.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()));
      }
    }
  }
  for (const base of bases) {
    // A credential a tool encodes on its own (an auth header, a config file): base64 and base64url. Not for a
    // value with a scheme word, a whsec_ key (its material is base64 already) or one that is base64 itself.
    if (base.length < MIN_SECRET_LENGTH || /\s/.test(base) || base.startsWith(STANDARD_PREFIX)) continue;
    if (printableBase64(base) !== null) continue;
    const bytes = Buffer.from(base, 'utf8');
    forms.add(bytes.toString('base64'));
    forms.add(bytes.toString('base64url'));
  }
  for (const form of [...forms]) {
    const json = JSON.stringify(form).slice(1, -1);
    forms.add(json);
    forms.add(json.replace(/\//g, '\\/')); // JSON writers that escape '/' (PHP, some loggers)
  }
  return [...forms].filter((f) => f.length > 0);
}

/* eslint-disable no-control-regex -- the point is to find control characters */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/;
/* eslint-enable no-control-regex */

/** The length of the shortest registered form: shorter text cannot hold any. */
let shortest = Number.POSITIVE_INFINITY;

function add(form: string, minLength: number): void {
  if (form.length < minLength || registered.has(form)) return;
  registered.add(form);
  shortest = Math.min(shortest, form.length);
  needles = null;
  // `::add-mask::` prints the value on a job-log line of its own: no control character may ride along raw
  // (the toolkit escapes only CR and LF). Such a value is masked by its pieces; it is scrubbed whole.
  if (!CONTROL.test(form)) core.setSecret(form);
  else for (const piece of form.split(CONTROL)) if (piece.length >= minLength) core.setSecret(piece);
}

/** The UTF-8 text of a canonical base64 value when it is printable (no control characters), else null. */
function printableBase64(text: string): string | null {
  if (text.length < 8 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'base64'));
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  return /^[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufffd]+$/.test(decoded) ? decoded : null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function currentNeedles(): { text: string[]; bytes: Buffer[] } {
  if (needles === null) {
    const text = [...registered].sort((a, b) => b.length - a.length);
    needles = { text, bytes: text.map((s) => Buffer.from(s, 'utf8')) };
  }
  return needles;
}

/**
 * The spans to mask: every occurrence of every secret (overlapping ones too), merged where they overlap, so
 * no byte of any secret survives and a longer secret is never left half-masked around a shorter one.
 */
function spans<N extends { length: number }>(
  list: readonly N[],
  find: (needle: N, from: number) => number,
  found: [number, number][] = [],
): [number, number][] {
  for (const needle of list) {
    for (let at = find(needle, 0); at >= 0; at = find(needle, at + 1)) found.push([at, at + needle.length]);
  }
  if (found.length <= 1) return found;
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [found[0] as [number, number]];
  for (const [start, end] of found.slice(1)) {
    const last = merged[merged.length - 1] as [number, number];
    if (start < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The shortest start of a secret that counts as the secret where a cut (`…`) ended it. */
const MIN_CUT_PREFIX = MIN_SECRET_LENGTH;
const CUT = '…';

/**
 * Where the parser or a renderer cut a long line (`…` marks the cut), a secret can stand there half: its start
 * (or, where a line was kept by its end, its end) leaves as surely as the whole. The spans of such pieces: the
 * longest start of any secret just before a `…`, and the longest end of one just after it.
 */
function cutSpans(text: string, secrets: readonly string[]): [number, number][] {
  const found: [number, number][] = [];
  for (let cut = text.indexOf(CUT); cut >= 0; cut = text.indexOf(CUT, cut + 1)) {
    // The start of a secret just before the cut, and the end of one just after it (a line kept by its end).
    let before = 0;
    let after = 0;
    const rest = text.length - cut - CUT.length;
    for (const secret of secrets) {
      for (let k = Math.min(secret.length - 1, cut); k > Math.max(before, MIN_CUT_PREFIX - 1); k--) {
        if (text.startsWith(secret.slice(0, k), cut - k)) {
          before = k;
          break;
        }
      }
      for (let k = Math.min(secret.length - 1, rest); k > Math.max(after, MIN_CUT_PREFIX - 1); k--) {
        if (text.startsWith(secret.slice(secret.length - k), cut + CUT.length)) {
          after = k;
          break;
        }
      }
    }
    if (before > 0) found.push([cut - before, cut]);
    if (after > 0) found.push([cut + CUT.length, cut + CUT.length + after]);
  }
  return found;
}

/** Replaces every registered secret in `text` with `***`, and the piece of one a `…` cut off. */
export function scrub(text: string): string {
  if (text.length < shortest) return text;
  const needlesText = currentNeedles().text;
  const cuts = text.includes(CUT) ? cutSpans(text, needlesText) : [];
  const found = spans(needlesText, (s, from) => text.indexOf(s, from), cuts);
  if (found.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const [start, end] of found) {
    out += text.slice(pos, start) + MASK;
    pos = end;
  }
  return out + text.slice(pos);
}

/**
 * `scrub` for bytes: a log tail or any file that leaves the runner. Works on the raw bytes (each secret is
 * searched as its UTF-8 encoding), so invalid UTF-8 around a secret neither hides it nor gets altered.
 * Returns `data` itself when there is nothing to replace.
 */
export function scrubBytes(data: Buffer): Buffer {
  if (data.length < shortest) return data;
  const found = spans(currentNeedles().bytes, (s, from) => data.indexOf(s, from));
  if (found.length === 0) return data;
  const chunks: Buffer[] = [];
  let pos = 0;
  for (const [start, end] of found) {
    chunks.push(data.subarray(pos, start), MASK_BYTES);
    pos = end;
  }
  chunks.push(data.subarray(pos));
  return Buffer.concat(chunks);
}

/**
 * `scrub` applied to every string inside a JSON-like value, object keys included. Scrubbing before
 * serialising matters: JSON escaping would hide a secret holding `"` or `\` from a scrub of the text.
 */
export function scrubDeep<T>(value: T): T {
  if (registered.size === 0) return value;
  if (typeof value === 'string') return scrub(value) as T;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrub(k), scrubDeep(v)])) as T;
  }
  return value;
}

/** A URL safe to print: scheme and host only, the rest masked. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/***`;
  } catch {
    return '***';
  }
}

/** For tests: forget what was registered. */
export function resetSecretsForTest(): void {
  registered.clear();
  needles = null;
  shortest = Number.POSITIVE_INFINITY;
}
