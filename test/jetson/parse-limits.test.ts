// Pins the parser's record caps with concrete numbers: what is kept, what is dropped and counted (failures
// separately, so a verdict never rests on kept records alone), and how requested packages and wildcards keep
// their own records.
import { describe, expect, it } from 'vitest';
import { BuildStreamParser, type ParseResult } from '../../src/jetson/parse/index.js';

function parse(lines: string[], requested?: string[]): ParseResult {
  const p = new BuildStreamParser({ now: () => new Date(0), ...(requested ? { requested } : {}) });
  const bytes = Buffer.from(lines.join('\n') + '\n');
  for (let pos = 0; pos < bytes.length; pos += 64 * 1024) p.write(bytes.subarray(pos, pos + 64 * 1024));
  p.end();
  return p.result();
}

const chain = (target: string) => `[10:00:00] BUILDING ['dep', '${target}']`;
const done = (name: string) => `[10:00:00] done ✅ \`jetson-containers build ${name}\` (${name}:r36)`;
const bomb = '[10:00:00] warn 💣 `jetson-containers build` failed after 1.0 seconds (0.0 minutes)';
const range = (n: number, f: (i: number) => string[]) => Array.from({ length: n }, (_, i) => f(i)).flat();

describe('per-package records', () => {
  it('without requested packages: 1000 chains, done lines and pushes; the rest counted', () => {
    const r = parse(
      range(1003, (i) => [chain(`p${i}`), `[10:00:00] done Pushed container me/p${i}:r36`, done(`p${i}`)]),
    );
    expect(r.chains).toHaveLength(1000);
    expect(r.chains[999]?.target).toBe('p999');
    expect(r.done).toHaveLength(1000);
    expect(r.pushed).toHaveLength(1000);
    expect(r.pushed[999]).toBe('me/p999:r36');
    expect(r.dropped).toEqual({ stages: 0, failures: 0, chains: 3, summary: 0, done: 3, failed: 0 });
  });

  it('a requested package keeps 4 records of each kind even after the others ran out', () => {
    const r = parse(
      [
        ...range(1000, (i) => [chain(`dep${i}`), done(`dep${i}`)]),
        ...range(6, () => [
          chain('python:3.10'),
          `[10:00:00] done Pushed container me/python:3.10`,
          done('python:3.10'),
        ]),
        chain('other'),
        done('other'),
      ],
      ['python'],
    );
    expect(r.chains.filter((c) => c.target === 'python:3.10')).toHaveLength(4);
    expect(r.done.filter((d) => d.name === 'python:3.10')).toHaveLength(4);
    // One push per record a chain may have: 1000 plus 4 for the one requested name.
    expect(r.pushed).toHaveLength(6);
    expect(r.dropped).toMatchObject({ chains: 3, done: 3, failed: 0 });
  });

  it('pushes: 1000, plus 4 per requested name, plus 20 000 with a wildcard', () => {
    const pushes = (n: number) => range(n, (i) => [`[10:00:00] done Pushed container me/p${i}:r36`]);
    expect(parse(pushes(1010), ['a', 'b']).pushed).toHaveLength(1008);
    expect(parse(pushes(1010), ['a*']).pushed).toHaveLength(1010);
  });

  it('only a `name:tag` of a requested name is its own, not a longer name', () => {
    const r = parse([...range(1000, (i) => [chain(`dep${i}`)]), chain('abc'), chain('ab:1')], ['ab']);
    expect(r.chains.slice(1000).map((c) => c.target)).toEqual(['ab:1']);
    expect(r.dropped.chains).toBe(1);
  });

  it('an exactly requested `name:tag` counts as its own', () => {
    const r = parse(
      [
        ...range(1000, (i) => [chain(`dep${i}`)]),
        ...range(5, () => [chain('python:3.10')]),
        chain('python:3.11'),
      ],
      ['python:3.10'],
    );
    expect(r.chains.slice(1000).map((c) => c.target)).toEqual(Array(4).fill('python:3.10'));
    expect(r.dropped.chains).toBe(2);
  });

  it('a wildcard, or `--multiple` with no package, keeps 21 000 records', () => {
    for (const [requested, namespace] of [
      [['ros:*'], "Namespace(packages=['ros:*'], multiple=True)"],
      [['l4t-?'], "Namespace(packages=['x'], multiple=False)"],
      [['[ab]*'], "Namespace(packages=['x'], multiple=False)"],
      [[], 'Namespace(packages=[], multiple=True)'],
    ] as const) {
      const r = parse([namespace, ...range(21_002, (i) => [chain(`p${i}`)])], [...requested]);
      expect(r.chains).toHaveLength(21_000);
      expect(r.dropped.chains).toBe(2);
    }
    const plain = parse(['Namespace(packages=[], multiple=False)', ...range(1002, (i) => [chain(`p${i}`)])]);
    expect(plain.chains).toHaveLength(1000);
  });

  it('the packages of the Namespace dump count as requested', () => {
    const r = parse([
      "Namespace(packages=['numpy'], multiple=False)",
      ...range(1000, (i) => [chain(`dep${i}`)]),
      chain('numpy'),
    ]);
    expect(r.chains.at(-1)?.target).toBe('numpy');
    expect(r.dropped.chains).toBe(0);
  });

  it('a failure of a chain that was not kept is dropped and counted as failed', () => {
    const r = parse([
      ...range(1000, (i) => [chain(`dep${i}`)]),
      chain('lost'),
      '[10:00:00] [1/1] Building lost (lost:r36)',
      bomb,
      '[10:00:00] warn Error: "boom"',
    ]);
    expect(r.failures).toEqual([]);
    expect(r.stages[0]?.status).toBe('failure');
    expect(r.dropped).toMatchObject({ chains: 1, failures: 1, failed: 1 });
  });
});

describe('the --multiple --skip-errors summary', () => {
  const summary = (pkg: string, status: 'SUCCESS' | 'FAILED') =>
    status === 'SUCCESS'
      ? `[10:00:00] done    * ${pkg} (${pkg}:r36) SUCCESS`
      : `[10:00:00] error    * ${pkg} () FAILED  (${'why '.repeat(300)})`;

  it('keeps 1000 lines; of the others it counts those that failed', () => {
    const r = parse([
      '[10:00:00] Build logs at:  /l/build  ',
      ...range(1000, (i) => [summary(`p${i}`, 'SUCCESS')]),
      summary('x1', 'FAILED'),
      summary('x2', 'SUCCESS'),
      summary('x3', 'FAILED'),
    ]);
    expect(r.buildLogsDir).toBe('/l/build');
    expect(r.summary).toHaveLength(1000);
    expect(r.dropped).toMatchObject({ summary: 3, failed: 2, chains: 0 });
  });

  it('each line: package, image, status and its error up to 1000 characters', () => {
    const r = parse(['[10:00:00] Build logs at: /l', summary('a', 'FAILED'), summary('b', 'SUCCESS')]);
    expect(r.summary).toEqual([
      { package: 'a', image: null, status: 'failure', error: 'why '.repeat(300).trim().slice(0, 999) + '…' },
      { package: 'b', image: 'b:r36', status: 'success', error: null },
    ]);
  });

  it('is read only after `Build logs at:`, and a second such line keeps what was read', () => {
    const r = parse([
      summary('early', 'SUCCESS'),
      '[10:00:00] Build logs at: /l/one',
      summary('a', 'SUCCESS'),
      '[10:00:00] Build logs at: /l/two',
      summary('b', 'SUCCESS'),
    ]);
    expect(r.summary?.map((s) => s.package)).toEqual(['a', 'b']);
    expect(r.buildLogsDir).toBe('/l/two');
    expect(parse([summary('a', 'SUCCESS')]).summary).toBeNull();
  });
});

describe('failures', () => {
  it('100 kept outside chains; the rest counted', () => {
    const r = parse(range(103, (i) => [bomb, `[10:00:00] warn Error: "e${i}"`]));
    expect(r.failures).toHaveLength(100);
    expect(r.failures[99]?.error).toBe('e99');
    expect(r.dropped.failures).toBe(3);
    expect(r.dropped.failed).toBe(0);
  });

  it('past 100, a kept chain’s failure keeps its one-line error but no excerpt', () => {
    const r = parse(
      range(102, (i) => [chain(`p${i}`), `#5 1.0 output of p${i}`, bomb, `[10:00:00] warn Error: "e${i}"`]),
    );
    expect(r.failures).toHaveLength(102);
    expect(r.failures[99]?.excerpt).toHaveLength(40);
    expect(r.failures[99]?.excerpt.slice(-4)).toEqual([
      chain('p99'),
      '#5 1.0 output of p99',
      bomb,
      '[10:00:00] warn Error: "e99"',
    ]);
    expect(r.failures[100]).toMatchObject({ error: 'e100', excerpt: [], chain: 100, target: 'p100' });
    expect(r.failures[101]).toMatchObject({ error: 'e101', excerpt: [], chain: 101, target: 'p101' });
    expect(r.chains[101]?.failure).toBe(101);
    expect(r.dropped.failures).toBe(0);
  });

  it('`Failed building:` with no 💣 block past 100 failures is counted, not kept', () => {
    const r = parse([
      ...range(100, () => [bomb]),
      chain('a'),
      '[10:00:00] error Failed building:  a',
      'Traceback (most recent call last):',
      'RuntimeError: boom',
    ]);
    expect(r.failures).toHaveLength(100);
    expect(r.dropped.failures).toBe(1);
    expect(r.failedBuilding).toEqual(['a']);
    expect(r.tracebackError).toBe('RuntimeError: boom');
  });

  it('`Failed building:` right after a 💣 block answers it; after a later chain it is a new failure', () => {
    const answered = parse([chain('a'), bomb, '[10:00:00] error Failed building:  a']);
    expect(answered.failures).toHaveLength(1);
    expect(answered.failures[0]?.excerpt.at(-1)).toBe('[10:00:00] error Failed building:  a');

    const later = parse([chain('a'), bomb, chain('b'), '[10:00:00] error Failed building:  a']);
    expect(later.failures).toHaveLength(2);
    expect(later.failures[1]).toMatchObject({ chain: null, phase: 'resolve' });

    const twice = parse([
      bomb,
      '[10:00:00] error Failed building:  a',
      '[10:00:00] error Failed building:  b',
    ]);
    expect(twice.failures).toHaveLength(2);
    expect(twice.failedBuilding).toEqual(['b']);
  });
});

describe('stages', () => {
  it('2000 kept; the rest counted', () => {
    const r = parse(range(2003, (i) => [`[10:00:00] [1/1] Building s${i} (s:r36)`]));
    expect(r.stages).toHaveLength(2000);
    expect(r.stages[1999]?.name).toBe('s1999');
    expect(r.dropped.stages).toBe(3);
  });
});
