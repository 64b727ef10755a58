// loadReports: a report.json over 32 MiB is refused by its size before a byte of it is read; a readable one
// is checked and kept; unreadable JSON is a warning, never a crash.
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

process.env.JETSON_BUILD_SUMMARIZE_NO_MAIN = '1';
const { loadReports } = await import('../../src/fleet/summarize.js');

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
