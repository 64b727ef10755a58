// walkForReports on a hostile artifact: no folder is listed once 20 000 entries are counted, however many large
// folders there are.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const listed: string[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    readdirSync: ((dir: string, opts: unknown) => {
      listed.push(dir);
      return (real.readdirSync as (d: string, o: unknown) => unknown)(dir, opts);
    }) as typeof real.readdirSync,
  };
});

process.env.JETSON_BUILD_SUMMARIZE_NO_MAIN = '1';
const { walkForReports } = await import('../../src/fleet/summarize.js');

const root = mkdtempSync(path.join(os.tmpdir(), 'jba-walk-bound-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('walkForReports', () => {
  it('stops listing folders once 20 000 entries are counted', async () => {
    // 60 folders of 600 files (601 in the first and last, with a report): 36 062 entries. The root and the first
    // folder are 661, each next folder 600 more: the 34th folder crosses 20 000, and the other 26 are never listed.
    for (let f = 0; f < 60; f++) {
      const d = path.join(root, `leg-${String(f).padStart(2, '0')}`);
      mkdirSync(d);
      for (let i = 0; i < 600; i++) writeFileSync(path.join(d, `f${i}`), '');
    }
    writeFileSync(path.join(root, 'leg-00', 'report.json'), '{}');
    writeFileSync(path.join(root, 'leg-59', 'report.json'), '{}');
    listed.length = 0;
    const found = await walkForReports(root);
    expect(listed).toHaveLength(1 + 34);
    expect(listed.at(-1)).toBe(path.join(root, 'leg-33'));
    expect(found.reports).toEqual([path.join(root, 'leg-00', 'report.json')]);
  });
});
