// loadReports: a report.json over 32 MiB is refused by its size before a byte of it is read; a readable one
// is checked and kept; unreadable JSON is a warning, never a crash.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

process.env.JETSON_BUILD_SUMMARIZE_NO_MAIN = '1';
const { loadLegs, loadReports } = await import('../../src/fleet/summarize.js');

describe('loadReports', () => {
  it('skips a report over 32 MiB with a warning naming its size, and reads the others', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-load-'));
    const big = path.join(dir, 'big.json');
    writeFileSync(big, '');
    // Sparse: the size is what is checked, so nothing is written or read.
    truncateSync(big, 32 * 1024 * 1024 + 1);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"schemaVersion": 2,');
    const warnings: string[] = [];
    const reports = await loadReports([big, bad], (m) => warnings.push(m));
    expect(reports).toEqual([]);
    expect(warnings[0]).toBe(`${big}: 33554433 bytes is too large for a report.json; skipped.`);
    expect(warnings[1]).toMatch(
      new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be read as JSON \\(`),
    );
    expect(warnings).toHaveLength(2);
  });
});

describe('loadLegs', () => {
  it('reads a leg record of any size up to 4 MiB whole, and skips a larger one with a warning', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-legs-'));
    // 20 000 package names: about 300 KB, more than one read.
    const names = Array.from({ length: 20_000 }, (_, i) => `package-number-${i}`);
    const long = path.join(dir, 'long.json');
    writeFileSync(long, JSON.stringify({ leg: 'jp6 · many', packages: names.join(' '), platform: 'jp6' }));
    const small = path.join(dir, 'small.json');
    writeFileSync(small, JSON.stringify({ leg: 'numpy', packages: 'numpy' }));
    const empty = path.join(dir, 'empty.json');
    writeFileSync(empty, '');
    const huge = path.join(dir, 'huge.json');
    writeFileSync(huge, JSON.stringify({ leg: 'x', packages: 'y'.repeat(4 * 1024 * 1024) }));
    const warnings: string[] = [];
    const legs = await loadLegs([long, small, empty, huge], (m) => warnings.push(m));
    expect(legs.map((l) => [l.leg, l.packages.length, l.packages.at(-1), l.platform])).toEqual([
      ['jp6 · many', 20_000, 'package-number-19999', 'jp6'],
      ['numpy', 1, 'numpy', null],
    ]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/empty\.json could not be read as JSON/);
    expect(warnings[1]).toBe(`${huge}: more than 4194304 bytes is too large for a leg record; skipped.`);
  });
});

describe('a FIFO where a report or leg record was', () => {
  it('is skipped with a warning instead of blocking the step', { timeout: 5000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-fifo-'));
    const fifo = path.join(dir, 'report.json');
    execFileSync('mkfifo', [fifo]);
    const warnings: string[] = [];
    expect(await loadReports([fifo], (m) => warnings.push(m))).toEqual([]);
    expect(await loadLegs([fifo], (m) => warnings.push(m))).toEqual([]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/report\.json could not be read as JSON|not a usable report/);
    expect(warnings[1]).toMatch(/report\.json could not be read as JSON/);
  });
});
