// Checks on rendered markdown shared by the renderer tests.

/** Every string inside a JSON-like value, with its path. */
export function stringsIn(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => stringsIn(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/**
 * Discord-style fences (``` opens, the next ``` closes): balanced when every run of three or more backticks
 * is exactly a fence and there is an even number of them.
 */
export function discordFencesBalanced(text: string): boolean {
  const runs = [...text.matchAll(/`{3,}/g)].map((m) => m[0].length);
  return runs.every((n) => n === 3) && runs.length % 2 === 0;
}

/** CommonMark fences: a line opening with N≥3 backticks is closed only by a line of ≥N backticks. */
export function commonMarkFencesBalanced(markdown: string): boolean {
  let open: number | null = null;
  for (const line of markdown.split('\n')) {
    const m = /^ {0,3}(`{3,})(.*)$/.exec(line);
    if (!m) continue;
    const len = m[1]!.length;
    if (open === null) open = len;
    else if (len >= open && m[2]!.trim() === '') open = null;
  }
  return open === null;
}

/** True when `s` holds half of a surrogate pair on its own. */
export function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}
