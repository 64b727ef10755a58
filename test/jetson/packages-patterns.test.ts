// Pins the wildcard matching against Python's fnmatch (what upstream uses to expand `ros:humble*`), and the exact
// error a user reads for a package name the action refuses.
import { describe, expect, it } from 'vitest';
import { matchesPattern, splitPackages, validatePackageName } from '../../src/jetson/packages.js';

// Every expected value below is what Python 3's fnmatch.fnmatchcase(name, pattern) returns.
describe('matchesPattern agrees with fnmatch', () => {
  it.each([
    // A character range matches its range only, not everything.
    ['ros:jazzy-ros-base', 'ros:[a-h]*', false],
    ['ros:iron', 'ros:[a-h]*', false],
    ['ros:humble-desktop', 'ros:[a-h]*', true],
    ['c', '[a-c]', true],
    ['a', '[a-c]', true],
    ['d', '[a-c]', false],
    ['`', '[a-c]', false],
    ['b', '[c-a]', false],
    ['b', '[!a-c]', false],
    ['d', '[!a-c]', true],
    ['a1', '*[0-9]', true],
    ['ab1c', 'a*[0-9]c', true],
    // Without a trailing `*` the whole name must match.
    ['numpy', 'num', false],
    ['num', 'numpy', false],
    ['numpy-extra', 'numpy', false],
    ['xnumpy', 'numpy', false],
    ['numpy', 'numpy?', false],
    ['a', 'a?', false],
    ['ab', 'a?', true],
    ['numpy', '?umpy', true],
    ['ros:humble', 'ros:*-*', false],
    ['ros:humble-x', 'ros:*-*', true],
    // A leading `*` backtracks.
    ['ab', '*b', true],
    ['abb', '*b', true],
    ['ba', '*b', false],
    ['aaa', 'a*a', true],
    ['aa', 'a*a*a', false],
    ['abc', 'a*c*', true],
    ['numpy', 'numpy*', true],
    ['', '**', true],
    ['', 'a', false],
    ['', '?', false],
    // `]` first in a class is a plain character; `-` last in a class too.
    [']', '[]a]', true],
    ['a', '[]a]', true],
    ['b', '[]a]', false],
    ['b', '[!]a]', true],
    [']', '[!]a]', false],
    ['a]', 'a[]]', true],
    ['-', '[a-]', true],
    ['a', '[a-]', true],
    ['b', '[a-]', false],
    ['b', '[ab-]', true],
    ['-', '[ab-]', true],
    ['c', '[ab-]', false],
    ['ab', 'a[b]', true],
    ['ab', '[a][b]', true],
    ['ba', '[a][b]', false],
    // A `[` without a closing `]` is a plain character.
    ['axb', 'a[b', false],
    ['a[b', 'a[b*', true],
    ['a[bc', 'a[b*', true],
    ['x-a', 'x[a-', false],
    ['x[a-', 'x[a-', true],
    ['cuda:12.6', 'cuda:12.[!', false],
    ['x[!', 'x[!', true],
    ['a[]', 'a[]', true],
    ['a', '[a', false],
    ['[a', '[a', true],
    ['[', '[', true],
    ['x', '*[', false],
  ])('%j against %j → %s', (name, pattern, expected) => {
    expect(matchesPattern(name, pattern)).toBe(expected);
  });
});

describe('splitPackages', () => {
  it('takes tabs and runs of mixed separators as one break', () => {
    expect(splitPackages('\tnumpy\t,\t opencv,,,\n\ntorch\u00a0onnx')).toEqual([
      'numpy',
      'opencv',
      'torch',
      'onnx',
    ]);
  });
});

describe('the error for a refused package name', () => {
  const messageOf = (name: string): string => {
    try {
      validatePackageName(name);
    } catch (e) {
      return (e as Error).message;
    }
    return 'accepted';
  };
  const RULE =
    'a jetson-containers package name: letters, digits, ".", "_", "-", "+", an optional ":tag" ' +
    '(pytorch:2.8, ros:humble-desktop), and shell wildcards *, ? and [...]; ' +
    'it must start with a letter, digit, "_" or wildcard and be at most 200 characters';

  it('names the input, the value and what is accepted', () => {
    expect(messageOf('-rf')).toBe(`Input 'packages' has an invalid value "-rf": ${RULE}`);
    expect(messageOf('numpy;rm -rf /')).toBe(
      `Input 'packages' has an invalid value "numpy;rm -rf /": ${RULE}`,
    );
    expect(messageOf('')).toBe(`Input 'packages' has an invalid value "": ${RULE}`);
  });

  it('shows a control character escaped, on one line', () => {
    expect(messageOf('numpy\n')).toBe(`Input 'packages' has an invalid value "numpy\\n": ${RULE}`);
  });

  it('cuts a long value at 200 characters', () => {
    expect(messageOf('a'.repeat(201))).toBe(
      `Input 'packages' has an invalid value "${'a'.repeat(200)}…": ${RULE}`,
    );
  });

  it.each([
    ['ros:[a-h]*', 'accepted'],
    ['[!.]x', 'accepted'],
    ['[ab]:[0-9]', 'accepted'],
    ['+x', 'refused'],
    ['_x', 'accepted'],
    ['x+', 'accepted'],
    ['a.b_c-d', 'accepted'],
    ['?', 'accepted'],
    ['[]', 'refused'],
    ['[!]', 'refused'],
    ['a[', 'refused'],
    ['a]', 'refused'],
    ['a:', 'refused'],
    ['a:[]', 'refused'],
    ['a:b*', 'accepted'],
    ['a:*', 'accepted'],
    ['a:[x', 'refused'],
    ['a/b', 'refused'],
    ['a b', 'refused'],
    ['.x', 'refused'],
    ['-x', 'refused'],
    ['a!b', 'refused'],
    ['[a/b]', 'refused'],
    ['[a b]', 'refused'],
    ['Z9', 'accepted'],
    ['9', 'accepted'],
  ])('%j is %s', (name, verdict) => {
    expect(messageOf(name) === 'accepted' ? 'accepted' : 'refused').toBe(verdict);
  });
});
