// compare-size and size-warn-percent: read with the other settings, checked before anything runs.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCompareSizeSettings, readSettings } from '../../src/action/settings.js';
import { scrub } from '../../src/runner/secrets.js';

const ws = mkdtempSync(path.join(os.tmpdir(), 'jba-settings-size-'));
const env = { GITHUB_WORKSPACE: ws, RUNNER_TEMP: ws, GITHUB_JOB: 'build' };
const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('compare-size settings', () => {
  it('is off by default, and on with the threshold (default 10) and the token', () => {
    expect(readSettings(inputs({ packages: 'numpy' }), env).compareSize).toBeNull();
    expect(
      readCompareSizeSettings(inputs({ 'compare-size': 'true', 'github-token': 'ghs_size_token_1234' })),
    ).toEqual({ warnPercent: 10, token: 'ghs_size_token_1234' });
    expect(readCompareSizeSettings(inputs({ 'compare-size': 'true', 'size-warn-percent': ' 2.5 ' }))).toEqual(
      { warnPercent: 2.5, token: null },
    );
    expect(
      readCompareSizeSettings(inputs({ 'compare-size': 'true', 'size-warn-percent': '0' }))?.warnPercent,
    ).toBe(0);
    expect(
      readCompareSizeSettings(inputs({ 'compare-size': 'true', 'size-warn-percent': '1000' }))?.warnPercent,
    ).toBe(1000);
  });

  it('masks the token it will send', () => {
    readCompareSizeSettings(inputs({ 'compare-size': 'true', 'github-token': 'ghs_size_token_5678' }));
    expect(scrub('token ghs_size_token_5678')).toBe('token ***');
  });

  it.each(['-1', '1001', '10%', 'ten', '1e2', '0x10', 'NaN'])(
    'refuses size-warn-percent %j with an error naming the input and what it takes',
    (value) => {
      expect(() => readSettings(inputs({ packages: 'numpy', 'size-warn-percent': value }), env)).toThrow(
        `Input 'size-warn-percent' has an invalid value "${value}": a number of percent from 0 to 1000, e.g. 10 or 2.5 (default 10)`,
      );
    },
  );

  it('refuses a compare-size that is not a boolean', () => {
    expect(() => readSettings(inputs({ packages: 'numpy', 'compare-size': 'sometimes' }), env)).toThrow(
      /compare-size/,
    );
  });

  it('refuses a pr-comment that is not a boolean at start, naming the input', () => {
    expect(() => readSettings(inputs({ packages: 'numpy', 'pr-comment': 'maybe' }), env)).toThrow(
      `Input 'pr-comment' has an invalid value "maybe"`,
    );
  });
});
