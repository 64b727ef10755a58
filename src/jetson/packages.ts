// Splits the `packages` input into names and checks each against the upstream package grammar.

import { InputError } from '../runner/errors.js';

const MAX_NAME_LENGTH = 200;

/** What the error message tells a person is accepted; kept next to the grammar it describes. */
export const PACKAGE_NAME_RULE =
  'a jetson-containers package name: letters, digits, ".", "_", "-", "+", an optional ":tag" ' +
  '(pytorch:2.8, ros:humble-desktop), and shell wildcards *, ? and [...]; ' +
  `it must start with a letter, digit, "_" or wildcard and be at most ${MAX_NAME_LENGTH} characters`;

// Upstream matches names with fnmatch against its package table; names never contain "/" or spaces,
// and argv elements starting with "-" would be taken as flags by argparse.
const PLAIN = 'A-Za-z0-9._+\\-';
const PART = `(?:[${PLAIN}*?]|\\[!?[${PLAIN}]+\\])`;
const NAME_RE = new RegExp(`^(?:[A-Za-z0-9_*?]|\\[!?[${PLAIN}]+\\])${PART}*(?::${PART}+)?$`);

/** Space, comma or newline separated; trimmed; empties dropped; duplicates removed keeping the first. */
export function splitPackages(input: string): string[] {
  const seen = new Set<string>();
  // Split on every separator: the empty parts between runs of them are dropped.
  for (const name of input.split(/[\s,]/)) {
    if (name.length > 0) seen.add(name);
  }
  return [...seen];
}

/** Throws an InputError for anything upstream would not take as a package name or pattern. */
export function validatePackageName(name: string): void {
  if (name.length > MAX_NAME_LENGTH || !NAME_RE.test(name)) {
    throw new InputError('packages', name, PACKAGE_NAME_RULE);
  }
}

/** True when the name is a shell pattern that upstream expands against its package table. */
export function isWildcard(name: string): boolean {
  return /[*?[]/.test(name);
}

/**
 * fnmatch-style matching, as upstream uses to expand patterns (`ros:humble*`).
 * Written as a small backtracking matcher instead of a RegExp so a hostile pattern cannot blow up.
 */
export function matchesPattern(name: string, pattern: string): boolean {
  let n = 0;
  let p = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    const c = pattern[p];
    if (c === '*') {
      starP = p++;
      starN = n;
      continue;
    }
    if (c === '?') {
      n++;
      p++;
      continue;
    }
    if (c === '[') {
      const cls = matchClass(pattern, p, name[n] as string);
      if (cls === null) {
        // No closing "]": the "[" is a plain character.
        if (name[n] === '[') {
          n++;
          p++;
          continue;
        }
      } else if (cls.matched) {
        n++;
        p = cls.next;
        continue;
      }
    } else if (c === name[n]) {
      n++;
      p++;
      continue;
    }
    if (starP < 0) return false;
    p = starP + 1;
    n = ++starN;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** The class `[...]` opening at `open` tested against `ch`, or null when it has no closing "]". */
function matchClass(pattern: string, open: number, ch: string): { matched: boolean; next: number } | null {
  let i = open + 1;
  const negate = pattern[i] === '!';
  if (negate) i++;
  const first = i;
  let matched = false;
  // A "]" right after the "[" (or "[!") is a plain character, the next one closes the class.
  while (pattern[i] !== ']' || i === first) {
    const lo = pattern[i];
    if (lo === undefined) return null;
    // A range `a-z`; a "-" before the closing "]" is a plain character. (A range cut off by the end of the
    // pattern leaves the class without its "]", so what it would match does not matter.)
    if (pattern[i + 1] === '-' && pattern[i + 2] !== ']') {
      const hi = pattern[i + 2] as string;
      if (ch >= lo && ch <= hi) matched = true;
      i += 3;
    } else {
      if (ch === lo) matched = true;
      i++;
    }
  }
  return { matched: matched !== negate, next: i + 1 };
}
