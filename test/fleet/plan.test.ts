import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_MATRIX_LEGS, legSlug, normalizeRunsOn, planKey, planMatrix } from '../../src/fleet/plan.js';
import { readRunsOn, runPlan } from '../../src/fleet/plan-main.js';
import { parseCommandFile } from '../support/action-runner.js';

const names = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `pkg-${String(i).padStart(3, '0')}`);
/** Characters upload-artifact refuses in a name. */
const ARTIFACT_BAD = /[":<>|*?\\/\r\n]/;

/** Every planned package appears in exactly one leg. */
function legsCover(plan: ReturnType<typeof planMatrix>): string[] {
  return plan.include.flatMap((l) => l.packages.split(' '));
}

describe('planMatrix', () => {
  it('plans one package as one leg', () => {
    const plan = planMatrix(['pytorch:2.8']);
    expect(plan.include).toEqual([
      { leg: 'pytorch-2.8', packages: 'pytorch:2.8', index: 0, multiple: false },
    ]);
    expect(plan.packages).toEqual(['pytorch:2.8']);
  });

  it('plans three packages as three legs in order', () => {
    const plan = planMatrix(['pytorch:2.8', 'torchvision', 'ros:humble-desktop']);
    expect(plan.include.map((l) => [l.leg, l.packages, l.index])).toEqual([
      ['pytorch-2.8', 'pytorch:2.8', 0],
      ['torchvision', 'torchvision', 1],
      ['ros-humble-desktop', 'ros:humble-desktop', 2],
    ]);
    expect(plan.include.every((l) => !l.multiple)).toBe(true);
  });

  it('keeps 256 packages as 256 single-package legs', () => {
    const plan = planMatrix(names(256));
    expect(plan.include).toHaveLength(256);
    expect(plan.include.every((l) => !l.packages.includes(' '))).toBe(true);
    expect(legsCover(plan)).toEqual(names(256));
  });

  it('chunks 300 packages into 256 legs without dropping or repeating one', () => {
    const plan = planMatrix(names(300));
    expect(plan.include).toHaveLength(MAX_MATRIX_LEGS);
    expect(legsCover(plan)).toEqual(names(300));
    const sizes = plan.include.map((l) => l.packages.split(' ').length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    // A chunk of several packages builds them one at a time with --multiple --skip-errors.
    expect(plan.include.filter((l) => l.packages.includes(' ')).every((l) => l.multiple)).toBe(true);
    expect(plan.include.filter((l) => l.packages.includes(' '))).toHaveLength(44);
    expect(plan.include[0]?.leg).toBe('chunk-1-of-256');
    expect(new Set(plan.include.map((l) => l.leg)).size).toBe(256);
  });

  it('honours a smaller maxLegs and rejects an impossible one', () => {
    const plan = planMatrix(names(10), { maxLegs: 3 });
    expect(plan.include.map((l) => l.packages.split(' ').length)).toEqual([4, 3, 3]);
    expect(legsCover(plan)).toEqual(names(10));
    expect(() => planMatrix(names(3), { maxLegs: 0 })).toThrow(/maxLegs/);
    expect(() => planMatrix(names(3), { maxLegs: 257 })).toThrow(/maxLegs/);
  });

  it('keeps a wildcard as its own leg, built with --multiple since it expands on the runner', () => {
    const plan = planMatrix(['ros:humble*', 'pytorch:2.8', 'l4t-*']);
    expect(plan.include.map((l) => [l.packages, l.multiple])).toEqual([
      ['ros:humble*', true],
      ['pytorch:2.8', false],
      ['l4t-*', true],
    ]);
    expect(plan.packages).toEqual(['ros:humble*', 'pytorch:2.8', 'l4t-*']);
  });

  it('removes duplicates, keeping the first occurrence', () => {
    const plan = planMatrix(['torchvision', 'pytorch:2.8', 'torchvision', ' pytorch:2.8 ', '']);
    expect(plan.packages).toEqual(['torchvision', 'pytorch:2.8']);
    expect(plan.include).toHaveLength(2);
  });

  it('gives every leg a unique, artifact-safe name even when names slug alike', () => {
    const plan = planMatrix(['a:b', 'a-b', 'ros:humble*', 'x[ab]?', 'p+q', '_under']);
    const legs = plan.include.map((l) => l.leg);
    expect(new Set(legs).size).toBe(legs.length);
    for (const leg of legs) expect(leg).not.toMatch(ARTIFACT_BAD);
    expect(legs[1]).toBe('a-b-2');
  });

  it('counts past a suffix that is already a real name (`a-b-3 a:b a-b`)', () => {
    expect(planMatrix(['a-b-3', 'a:b', 'a-b']).include.map((l) => l.leg)).toEqual(['a-b-3', 'a-b', 'a-b-4']);
    expect(planMatrix(['a:b', 'a-b', 'a-b-2', 'a_b']).include.map((l) => l.leg)).toEqual([
      'a-b',
      'a-b-2',
      'a-b-2-3',
      'a_b',
    ]);
    // Many names slugging alike stay unique.
    const alike = ['a:b', 'a-b', 'a+b', 'a b', 'a=b', 'a-b-2', 'a-b-3', 'a-b-4', 'a-b-5'];
    const legs = planMatrix(alike).include.map((l) => l.leg);
    expect(new Set(legs).size).toBe(alike.length);
  });

  it('names a wildcard leg so it does not read like a package (`ros:humble*` → `ros-humble-all`)', () => {
    expect(planMatrix(['ros:humble*', 'l4t-*', '*']).include.map((l) => l.leg)).toEqual([
      'ros-humble-all',
      'l4t-all',
      'all',
    ]);
  });

  it('refuses an empty plan', () => {
    expect(() => planMatrix([])).toThrow(/empty/);
    expect(() => planMatrix([' ', ''])).toThrow(/empty/);
  });
});

describe('legSlug', () => {
  it('bounds the length and never returns an empty name', () => {
    expect(legSlug('x'.repeat(300))).toHaveLength(60);
    expect(legSlug('::')).toBe('package');
  });
});

describe('planKey', () => {
  it('is 12 hex characters, different every time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => planKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{12}$/);
    expect(planKey(() => Buffer.from([0, 1, 2, 0xab, 0xcd, 0xef]))).toBe('000102abcdef');
  });
});

describe('normalizeRunsOn', () => {
  it('takes a JSON array, a JSON string or a plain list', () => {
    expect(normalizeRunsOn('["self-hosted", "jetson", "orin"]')).toEqual(['self-hosted', 'jetson', 'orin']);
    expect(normalizeRunsOn('"jetson"')).toEqual(['jetson']);
    expect(normalizeRunsOn('self-hosted, jetson')).toEqual(['self-hosted', 'jetson']);
  });

  it('rejects what GitHub could not route', () => {
    expect(() => normalizeRunsOn('')).toThrow(/empty/);
    expect(() => normalizeRunsOn('["jetson",')).toThrow(/JSON/);
    expect(() => normalizeRunsOn('[1, 2]')).toThrow(/label strings/);
    expect(() => normalizeRunsOn('[]')).toThrow(/no runner label/);
  });
});

describe('the plan action entry point', () => {
  let dir: string;
  let saved: string | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'plan-test-'));
    saved = process.env.GITHUB_OUTPUT;
    process.env.GITHUB_OUTPUT = path.join(dir, 'output');
    writeFileSync(process.env.GITHUB_OUTPUT, '');
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_OUTPUT;
    else process.env.GITHUB_OUTPUT = saved;
    rmSync(dir, { recursive: true, force: true });
  });
  const inputs =
    (values: Record<string, string>) =>
    (name: string): string =>
      values[name] ?? '';

  it('writes matrix, packages, count and runs-on outputs that fromJSON can read', async () => {
    await runPlan(
      inputs({ packages: 'pytorch:2.8, torchvision\nros:humble*', 'runs-on': 'self-hosted, jetson' }),
    );
    const out = parseCommandFile(readFileSync(process.env.GITHUB_OUTPUT as string, 'utf8'));
    const matrix = JSON.parse(out['matrix'] ?? '') as { include: { packages: string }[] };
    expect(matrix.include.map((l) => l.packages)).toEqual(['pytorch:2.8', 'torchvision', 'ros:humble*']);
    // The one-platform form: today's legs, with the fields of #14 (no platform, the job title = the leg).
    const same = { platform: '', 'runs-on': ['self-hosted', 'jetson'], 'image-name': '', push: '', base: '' };
    expect(out['matrix']).toBe(
      JSON.stringify({
        include: [
          { leg: 'pytorch-2.8', title: 'pytorch-2.8', packages: 'pytorch:2.8', index: 0, multiple: false },
          { leg: 'torchvision', title: 'torchvision', packages: 'torchvision', index: 1, multiple: false },
          {
            leg: 'ros-humble-all',
            title: 'ros-humble-all',
            packages: 'ros:humble*',
            index: 2,
            multiple: true,
          },
        ].map((l) => ({ ...l, ...same, 'build-args': '' })),
      }),
    );
    expect(out['platforms']).toBe('[]');
    expect(JSON.parse(out['packages'] ?? '')).toEqual(['pytorch:2.8', 'torchvision', 'ros:humble*']);
    expect(out['count']).toBe('3');
    expect(out['legs']).toBe('3');
    expect(JSON.parse(out['runs-on'] ?? '')).toEqual(['self-hosted', 'jetson']);
    expect(out['key']).toMatch(/^[0-9a-f]{12}$/);
  });

  it('writes the key it is given, for the artifact names', async () => {
    await runPlan(inputs({ packages: 'numpy', 'runs-on': '["jetson"]' }), () => 'abc123abc123');
    const out = parseCommandFile(readFileSync(process.env.GITHUB_OUTPUT as string, 'utf8'));
    expect(out['key']).toBe('abc123abc123');
  });

  it('fails early, naming the input, on an empty or malformed runs-on', async () => {
    await expect(runPlan(inputs({ packages: 'numpy' }))).rejects.toThrow(/Input 'runs-on' is empty/);
    await expect(runPlan(inputs({ packages: 'numpy', 'runs-on': '  ' }))).rejects.toThrow(
      /'runs-on' is empty/,
    );
    await expect(runPlan(inputs({ packages: 'numpy', 'runs-on': '["jetson",' }))).rejects.toThrow(
      /Input 'runs-on' is invalid: .*not valid JSON/,
    );
    expect(() => readRunsOn('[]')).toThrow(/'runs-on' is invalid: .*no runner label/);
    // Nothing was written: the build job is skipped, not started with fromJSON('').
    expect(readFileSync(process.env.GITHUB_OUTPUT as string, 'utf8')).toBe('');
  });

  it('rejects a name the main action would reject, naming the input', async () => {
    await expect(runPlan(inputs({ packages: 'pytorch --push evil' }))).rejects.toThrow(/'packages'/);
    await expect(runPlan(inputs({ packages: '  ' }))).rejects.toThrow(/no package/);
    await expect(runPlan(inputs({ packages: 'a', 'max-legs': '300' }))).rejects.toThrow(/max-legs/);
  });
});
