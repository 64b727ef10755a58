// Errors a person can act on: bad input names the input, the value (masked if secret) and what is accepted.

/**
 * The characters that must never reach the job log raw, because the runner or the terminal acts on them:
 * the C0 controls (NUL, CR and LF that start a new log line — and with it a `::command::` —, ESC that starts
 * an ANSI sequence, …), DEL, the C1 controls U+0080–U+009F (NEL, CSI) and the Unicode line and paragraph
 * separators U+2028/U+2029. TAB is the one exception inputs may hold (see inputs.ts): it only moves the
 * cursor, so it can neither start a line nor a sequence.
 */
/* eslint-disable no-control-regex -- matching control characters is the point */
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const CONTROL_BUT_TAB = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/;
/* eslint-enable no-control-regex */

/** The first character of `text` an input may not hold (any control character but TAB), or null. */
export function findControlChar(text: string): string | null {
  return CONTROL_BUT_TAB.exec(text)?.[0] ?? null;
}

/** `\n`, `\r`, `\t` or `\uXXXX`: how a control character is shown. */
export function escapeChar(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with every control character (TAB included) written as an escape: safe on one log line. */
export function printable(text: string): string {
  return text.replace(CONTROL_ALL, escapeChar);
}

const CONTROL_BUT_TAB_ALL = new RegExp(CONTROL_BUT_TAB.source, 'g');

/**
 * Every string inside a JSON-like value with its control characters but TAB written as escapes. The report
 * carries text from the build's output (errors, excerpt lines, stage and package names) that is printed outside
 * the build's fence (messages, annotations, group titles): this is what makes that safe.
 */
export function printableDeep<T>(value: T): T {
  if (typeof value === 'string') return value.replace(CONTROL_BUT_TAB_ALL, escapeChar) as T;
  if (Array.isArray(value)) return value.map((v) => printableDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printableDeep(v)])) as T;
  }
  return value;
}

/** A value quoted for a message: JSON string syntax, with DEL, C1 and U+2028/9 escaped too (JSON leaves those raw). */
export function quoteValue(value: string): string {
  return printable(JSON.stringify(value));
}

export class InputError extends Error {
  readonly input: string;
  constructor(input: string, value: string, accepted: string, opts: { secret?: boolean } = {}) {
    const shown = opts.secret ? '***' : quoteValue(value.length > 200 ? value.slice(0, 200) + '…' : value);
    // The name can carry user text too (a header or map key from YAML): the whole message stays one line.
    super(`Input '${printable(input)}' has an invalid value ${shown}: ${printable(accepted)}`);
    this.name = 'InputError';
    this.input = input;
  }
}

/** The message of anything thrown, without a stack trace. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
