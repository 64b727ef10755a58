// Tests the package-list splitting, the name grammar and the fnmatch-style wildcard matching.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/runner/errors.js';
import { isWildcard, matchesPattern, splitPackages, validatePackageName } from '../../src/jetson/packages.js';

describe('splitPackages', () => {
  it('splits on spaces, commas and newlines, trims, drops empties and keeps the first of duplicates', () => {
    expect(splitPackages(' pytorch:2.8, torchvision\n\n ros:humble*,,numpy  pytorch:2.8\r\nnumpy ')).toEqual([
      'pytorch:2.8',
      'torchvision',
      'ros:humble*',
      'numpy',
    ]);
  });
  it('returns nothing for blank input', () => {
    expect(splitPackages(' \n , \t')).toEqual([]);
  });
});

describe('validatePackageName', () => {
  it.each([
    'pytorch',
    'build-essential',
    'ros:humble-desktop',
    'pytorch:2.8',
    'l4t-pytorch',
    'cuda:12.6',
    'llama_cpp:0.3.8',
    'jax:0.6.2+cu126',
    '_private',
    'ros:humble*',
    '*',
    'py?orch',
    'cuda:12.[68]',
    'ros:[!j]*',
    'a'.repeat(200),
  ])('accepts %s', (name) => {
    expect(() => validatePackageName(name)).not.toThrow();
  });

  it.each([
    '',
    ' ',
    'pytorch torchvision',
    'numpy;rm -rf /',
    '$(id)',
    'a`b`',
    '-rf',
    '--name=x',
    '"numpy"',
    "'numpy'",
    'ros:',
    ':tag',
    'a:b:c',
    'runner/numpy',
    '../numpy',
    '.hidden',
    'a|b',
    'a&b',
    'numpy\n',
    'cuda:12.[',
    'a'.repeat(201),
  ])('rejects %j with an InputError naming the input and what is accepted', (name) => {
    let err: unknown;
    try {
      validatePackageName(name);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe('packages');
    expect((err as InputError).message).toMatch(/Input 'packages'.*letters, digits/);
  });
});

describe('isWildcard / matchesPattern', () => {
  it('tells patterns from names', () => {
    expect(isWildcard('ros:humble*')).toBe(true);
    expect(isWildcard('py?orch')).toBe(true);
    expect(isWildcard('cuda:12.[68]')).toBe(true);
    expect(isWildcard('pytorch:2.8')).toBe(false);
  });
  it.each([
    ['ros:humble-desktop', 'ros:humble*', true],
    ['ros:humble-ros-base', 'ros:humble*', true],
    ['ros:jazzy-ros-base', 'ros:humble*', false],
    ['pytorch', 'py?orch', true],
    ['pytorch', 'p?orch', false],
    ['cuda:12.6', 'cuda:12.[68]', true],
    ['cuda:12.4', 'cuda:12.[68]', false],
    ['cuda:12.4', 'cuda:12.[!68]', true],
    ['cuda:12.5', 'cuda:12.[4-6]', true],
    ['numpy', '*', true],
    ['numpy', 'n*m*y', true],
    ['numpy', 'n*x*', false],
    ['a[b', 'a[b', true],
    ['', '*', true],
  ])('%s against %s → %s', (name, pattern, expected) => {
    expect(matchesPattern(name, pattern)).toBe(expected);
  });
  it('stays fast on a pathological pattern', () => {
    const t0 = Date.now();
    expect(matchesPattern('a'.repeat(200), `${'*a'.repeat(50)}b`)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
