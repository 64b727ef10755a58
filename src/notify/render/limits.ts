// Text-fitting primitives for chat limits: truncate with a visible '…', and never cut a code fence open.

export const ELLIPSIS = '…';

/** `text` cut to at most `max` characters (UTF-16 units, as Discord counts), ending in '…' when cut. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  if (text.length <= max) return text;
  if (max === 1) return ELLIPSIS;
  let cut = max - 1;
  // Do not split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, cut) + ELLIPSIS;
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
  const safe = lines.map(escapeFence);
  const body = safe.join('\n');
  if (body.length <= budget) return open + body + close;
  const kept: string[] = [];
  let used = 2; // the '…' line and its newline
  for (let i = safe.length - 1; i >= 0; i--) {
    const line = safe[i] ?? '';
    const cost = line.length + 1;
    if (used + cost > budget) {
      if (kept.length === 0) kept.unshift(ELLIPSIS + line.slice(line.length - (budget - used - 1)));
      break;
    }
    kept.unshift(line);
    used += cost;
  }
  return open + [ELLIPSIS, ...kept].join('\n') + close;
}
