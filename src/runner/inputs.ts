// Reading input values the same way everywhere: one boolean grammar for every true/false input, one line
// splitter for multi-line inputs, one rule for the characters no input may hold.
import { InputError, escapeChar, findControlChar } from './errors.js';

/**
 * A boolean input, as the YAML 1.2 core schema (and @actions/core's getBooleanInput) reads it:
 * true/True/TRUE or false/False/FALSE; empty means the default.
 */
export function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  const value = raw.trim();
  if (value === '') return fallback;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  throw new InputError(name, value, 'use true or false');
}

/**
 * Line breaks between the items of a multi-line input: CRLF, a lone CR and LF alike (a lone CR is a line
 * break to the runner's log too, so leaving it inside an item would start a new job-log line).
 */
export const LINE_BREAK = /\r\n|\r|\n/;

/** One item per line; lines trimmed, blank ones dropped. No shell parsing: each line is one item. */
export function splitLines(value: string): string[] {
  return value
    .split(LINE_BREAK)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/**
 * Rejects a value that holds a control character (see findControlChar: anything but TAB), with the error
 * every single-line input gives. Inputs reach the job log outside the build's `::stop-commands::` fence
 * (the `Running …` and `Logs:` lines, messages), where a line break would start a runner command and ESC
 * a terminal sequence. Multi-line inputs check each item after splitLines.
 */
export function rejectControlChars(input: string, value: string | null): void {
  if (value === null) return;
  const c = findControlChar(value);
  if (c !== null) {
    throw new InputError(
      input,
      value,
      `a single line without control characters (found ${escapeChar(c)}; line breaks, NUL, ESC, DEL and U+0080–U+009F are not accepted, TAB is)`,
    );
  }
}
