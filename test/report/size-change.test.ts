import { describe, expect, it } from 'vitest';
import type { ImageFacts } from '../../src/report/build-report.js';
import {
  changeOf,
  formatPercent,
  sizeChange,
  sizeChangeNote,
  sizeChangeText,
  sizeFactsText,
  sizeWarningText,
} from '../../src/report/size-change.js';

const MB = 1_000_000;

describe('sizeChange', () => {
  it('computes the change from two sizes: 7.9 GB → 8.24 GB is +340 MB, +4.3 %', () => {
    const c = sizeChange(8_240 * MB, 7_900 * MB, 10, 'https://github.com/o/r/actions/runs/77');
    expect(c).not.toBeNull();
    expect(c?.previousBytes).toBe(7_900_000_000);
    expect(c?.deltaBytes).toBe(340_000_000);
    expect(c?.percent).toBeCloseTo(4.3037, 3);
    expect(c?.flagged).toBe(false);
    expect(c?.previousRunUrl).toBe('https://github.com/o/r/actions/runs/77');
  });

  it('flags growth over the threshold only, never at it and never a shrink', () => {
    expect(sizeChange(8_240 * MB, 7_900 * MB, 3)?.flagged).toBe(true);
    expect(sizeChange(110 * MB, 100 * MB, 10)?.flagged).toBe(false);
    expect(sizeChange(111 * MB, 100 * MB, 10)?.flagged).toBe(true);
    expect(sizeChange(50 * MB, 100 * MB, 0)?.flagged).toBe(false);
    // 0 %: any growth at all is flagged, no change is not.
    expect(sizeChange(100 * MB + 1, 100 * MB, 0)?.flagged).toBe(true);
    expect(sizeChange(100 * MB, 100 * MB, 0)?.flagged).toBe(false);
  });

  it('gives no change without a usable previous size', () => {
    expect(sizeChange(100, 0, 10)).toBeNull();
    expect(sizeChange(100, -5, 10)).toBeNull();
    expect(sizeChange(100, 1.5, 10)).toBeNull();
    expect(sizeChange(Number.NaN, 100, 10)).toBeNull();
    expect(sizeChange(-1, 100, 10)).toBeNull();
  });
});

describe('formatting', () => {
  it('writes percentages with a sign, one decimal, and says when a change is below 0.1 %', () => {
    expect(formatPercent(4.3037)).toBe('+4.3 %');
    expect(formatPercent(-0.15)).toBe('\u22120.1 %');
    expect(formatPercent(0.01)).toBe('+<0.1 %');
    expect(formatPercent(150.4)).toBe('+150 %');
    expect(formatPercent(0)).toBe('0 %');
  });

  it('shows the change as a reader sees it', () => {
    const grew = sizeChange(8_240 * MB, 7_900 * MB, 10);
    const shrank = sizeChange(7_888 * MB, 7_900 * MB, 10);
    const same = sizeChange(7_900 * MB, 7_900 * MB, 10);
    const flagged = sizeChange(8_240 * MB, 7_900 * MB, 3);
    expect(grew && sizeChangeText(grew)).toBe('+340 MB (+4.3 %)');
    expect(shrank && sizeChangeText(shrank)).toBe('\u221212 MB (\u22120.2 %)');
    expect(same && sizeChangeText(same)).toBe('±0 B (0 %)');
    const small = sizeChange(1_012_345_678, 1_000_000_000, 10);
    expect(small && sizeChangeText(small)).toBe('+12.3 MB (+1.2 %)');
    expect(grew && sizeChangeNote(grew)).toBe('+340 MB (+4.3 %)');
    expect(flagged && sizeChangeNote(flagged)).toBe('⚠ +340 MB (+4.3 %)');
  });

  it('words the warning for a flagged image', () => {
    const c = sizeChange(8_240 * MB, 7_900 * MB, 3);
    expect(c && sizeWarningText('pytorch:2.8', c, 123, 3)).toBe(
      'pytorch:2.8 grew by 340 MB (+4.3 %) since run #123, over size-warn-percent 3',
    );
    expect(c && sizeWarningText('pytorch:2.8', c, null, 3)).toBe(
      'pytorch:2.8 grew by 340 MB (+4.3 %) since the previous successful run, over size-warn-percent 3',
    );
  });
});

describe('the size line in payloads', () => {
  const facts = (extra: Partial<ImageFacts> = {}): ImageFacts => ({
    image: 'pytorch:2.8-r36.4.tegra-aarch64-cu126-22.04',
    id: null,
    sizeBytes: 8_240 * MB,
    layers: 42,
    created: null,
    architecture: 'arm64',
    digest: null,
    ...extra,
  });

  it('puts the change after size and layers, ⚠ first when flagged', () => {
    expect(sizeFactsText(facts())).toBe('Size 8.2 GB · 42 layers');
    expect(sizeFactsText(facts({ sizeChange: sizeChange(8_240 * MB, 7_900 * MB, 10) }))).toBe(
      'Size 8.2 GB · 42 layers · +340 MB (+4.3 %)',
    );
    expect(sizeFactsText(facts({ sizeChange: sizeChange(8_240 * MB, 7_900 * MB, 3) }))).toBe(
      'Size 8.2 GB · 42 layers · ⚠ +340 MB (+4.3 %)',
    );
    expect(sizeFactsText(facts({ sizeChange: sizeChange(8_228 * MB, 8_240 * MB, 3) }))).toBe(
      'Size 8.2 GB · 42 layers · \u221212 MB (\u22120.1 %)',
    );
  });

  it('reads a change from a report file only when it is one', () => {
    const bad = { previousBytes: 'a lot', deltaBytes: 1, percent: 1, flagged: true, previousRunUrl: null };
    expect(changeOf(facts({ sizeChange: bad as never }))).toBeNull();
    expect(sizeFactsText(facts({ sizeChange: bad as never }))).toBe('Size 8.2 GB · 42 layers');
    const odd = {
      previousBytes: 10,
      deltaBytes: 5,
      percent: 50,
      flagged: false,
      previousRunUrl: 'javascript:x',
    };
    expect(changeOf(facts({ sizeChange: odd }))?.previousRunUrl).toBeNull();
    expect(sizeFactsText(null)).toBeNull();
  });
});
