// walkForReports on a hostile artifact: listings run at most 16 folders ahead of the count and stop at 20 000
// entries, however many large folders there are.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const listed: string[] = [];
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    readdir: ((dir: string, opts: unknown) => {
      listed.push(dir);
      return (real.readdir as (d: string, o: unknown) => Promise<unknown>)(dir, opts);
    }) as typeof real.readdir,
  };
});

process.env.JETSON_BUILD_SUMMARIZE_NO_MAIN = '1';
const { walkForReports } = await import('../../src/fleet/summarize.js');

const root = mkdtempSync(path.join(os.tmpdir(), 'jba-walk-bound-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('walkForReports', () => {
  it('stops listing folders once 20 000 entries are counted', async () => {
    // 60 folders of 600 files: 36 060 entries. After 33 folders 60 + 19 800 entries are counted (under the
    // bound); the 34th crosses it, when folders up to the 49th (16 ahead) are listed: the last 11 never are.
    for (let f = 0; f < 60; f++) {
      const d = path.join(root, `leg-${String(f).padStart(2, '0')}`);
      mkdirSync(d);
      for (let i = 0; i < 600; i++) writeFileSync(path.join(d, `f${i}`), '');
    }
    writeFileSync(path.join(root, 'leg-00', 'report.json'), '{}');
    writeFileSync(path.join(root, 'leg-59', 'report.json'), '{}');
    listed.length = 0;
    const found = await walkForReports(root);
    expect(listed).toHaveLength(1 + 49);
    expect(listed.at(-1)).toBe(path.join(root, 'leg-48'));
    expect(found.reports).toEqual([path.join(root, 'leg-00', 'report.json')]);
  });
});
