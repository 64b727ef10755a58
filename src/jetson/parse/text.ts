// Text helpers and patterns more than one part of the parser needs.

export const NL = 0x0a;

// CSI sequences, OSC sequences and two-byte escapes: enough for termcolor and docker's tty output.
// eslint-disable-next-line no-control-regex
const ANSI_RE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])/g;
export const TIMESTAMP_RE = /^\[(\d\d):(\d\d):(\d\d)\] ?(?:(status|done|warn|error|debug|verbose) )?(.*)$/;
export const EXCEPTION_RE =
  /^((?:[A-Za-z_][\w]*\.)*[A-Za-z_]\w*(?:Error|Exception|Interrupt|Exit))(?::\s*(.*))?$/;
export const UNKNOWN_PACKAGE_RE = /couldn't find package:\s+([^\s"'\\]+)/;

/** Removes ANSI escape sequences. */
export function stripAnsi(text: string): string {
  return text.includes('\x1b') ? text.replace(ANSI_RE, '') : text;
}

export function capText(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/**
 * A copy that does not keep its source alive: V8's substrings (split, slice, regex groups) point into the
 * whole string they came from, here the 64 KiB tail, which every kept failure would otherwise pin.
 */
export function detach(text: string): string {
  return text.length === 0 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/** What a terminal would show of one line: ANSI gone, carriage-return redraws resolved to their last frame. */
export function visibleLine(raw: string): string {
  const line = stripAnsi(raw);
  // (A loop, not /\r+$/: a regular expression tries every position of the line for a line without CR.)
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 0x0d) end--;
  const cr = end > 0 ? line.lastIndexOf('\r', end - 1) : -1;
  return (cr >= 0 || end < line.length ? line.slice(cr + 1, end) : line).trimEnd();
}

export function isSeparatorMessage(message: string): boolean {
  return /^=+$/.test(message);
}

/** `[17:38:51] warn ====` separators carry no information and would crowd out the real lines of an excerpt. */
export function isSeparatorLine(line: string): boolean {
  const m = TIMESTAMP_RE.exec(line);
  return m !== null && isSeparatorMessage((m[5] ?? '').trim());
}
