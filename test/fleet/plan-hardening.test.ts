// Issue 14, review: the `platforms` input keeps what was written (no YAML retyping), refuses what it cannot
// honour with a message naming the input, keeps names short and visible, fits GitHub's 1 MB of job outputs,
// uses every leg max-legs allows, and escapes its job summary; the workflow passes runs-on only when used.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { describePlan, parsePlatforms, planGrid } from '../../src/fleet/plan.js';
import { runPlan } from '../../src/fleet/plan-main.js';
import { parseCommandFile, ROOT } from '../support/action-runner.js';
import {
  captureStdout,
  inputs,
  outputText,
  platformsError,
  redirectJobFiles,
  usePlanRun,
} from '../support/plan-run.js';

const names = (n: number, prefix = 'pkg'): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
const platformsJson = (n: number): string =>
  JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, [`l${i}`]])));

describe('the platforms input keeps what was written', () => {
  it('keeps YAML names that look like numbers as written: 6.10 and 6.1 are two platforms', async () => {
    const platforms = await parsePlatforms(
      '6.0: [a]\n5.10: [b]\n0o17: [c]\n1e3: [d]\n6.10: [e]\n6.1: [f]\ntrue: [g]\n',
    );
    expect(platforms.map((p) => [p.name, p.labels])).toEqual([
      ['6.0', ['a']],
      ['5.10', ['b']],
      ['0o17', ['c']],
      ['1e3', ['d']],
      ['6.10', ['e']],
      ['6.1', ['f']],
      ['true', ['g']],
    ]);
  });

  it('keeps YAML override values, labels and list names as written', async () => {
    const [jp6, listed] = [
      await parsePlatforms(
        'jp6: {runs-on: [self-hosted, 5, 0x10, true], base: 1.10, push: 0x10, name: 1e3, build-args: 0o17}',
      ),
      await parsePlatforms('- {platform: 6.10, runs-on: [a]}\n- {platform: 6.1, runs-on: [b]}'),
    ];
    expect(jp6[0]?.labels).toEqual(['self-hosted', '5', '0x10', 'true']);
    expect(jp6[0]?.overrides).toEqual({ base: '1.10', push: '0x10', imageName: '1e3', buildArgs: '0o17' });
    expect(listed.map((p) => p.name)).toEqual(['6.10', '6.1']);
    // Left empty, a field is still not set: the plan's default applies; "" is the platform's own empty value.
    expect((await parsePlatforms('jp6:\n  runs-on: [a]\n  base:\n  push: ""'))[0]?.overrides).toEqual({
      push: '',
    });
  });

  it.each([
    [
      'a number override',
      '{"jp6": {"runs-on": ["a"], "base": 1.10}}',
      'platforms.jp6.base must be a string, got the JSON number 1.10: quote it, e.g. "1.10".',
    ],
    [
      'a boolean override',
      '{"jp6": {"runs-on": ["a"], "push": true}}',
      'platforms.jp6.push must be a string, got the JSON boolean true: quote it, e.g. "true".',
    ],
    [
      'a number label',
      '{"jp6": ["self-hosted", 5.10]}',
      'jp6 has a runner label that is not a string (the JSON number 5.10): quote it, e.g. "5.10".',
    ],
    [
      'a number platform in a list',
      '[{"platform": 6.10, "runs-on": ["a"]}]',
      'platforms[0].platform must be a string, got the JSON number 6.10: quote it, e.g. "6.10".',
    ],
  ])('refuses %s in JSON, naming the key', async (_what, text, message) => {
    expect(await platformsError(text)).toBe(`Input 'platforms': ${message}`);
  });

  it('reads JSON null as not set, as an empty YAML field', async () => {
    const [p] = await parsePlatforms('{"jp6": {"runs-on": ["a"], "base": null, "push": "p"}}');
    expect(p?.overrides).toEqual({ push: 'p' });
  });
});

describe('the platforms input refuses what it cannot read, naming the input', () => {
  it('wraps an alias bomb and an unknown alias', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    expect(await platformsError(bomb)).toBe(
      "Input 'platforms': expands too many aliases (*name): write the platforms out, or use fewer aliases.",
    );
    expect(await platformsError('jp6: *orin')).toBe(
      "Input 'platforms': could not be read: Unresolved alias (the anchor must be set before the alias): orin",
    );
  });

  it.each([
    ['a map as a name', '{a: 1}: [x]', 'a map'],
    ['a list as a name', '[a, b]: [x]', 'a list'],
    ['an explicit list key', '? [a, b]\n: [x]', 'a list'],
  ])('refuses %s', async (_what, text, kind) => {
    expect(await platformsError(text)).toBe(
      `Input 'platforms': a platform's name is ${kind}: write each name as plain text, e.g. jp6-orin: [self-hosted, jetson, orin].`,
    );
  });

  it('refuses a field whose key is a list', async () => {
    expect(await platformsError('jp6: {runs-on: [a], [b]: c}')).toBe(
      "Input 'platforms': platforms.jp6 has a key that is a list, not a field name; accepted fields: runs-on, name, push, base, build-args.",
    );
  });

  it('accepts YAML merge keys: a platform shares another one’s settings and overrides some', async () => {
    const platforms = await parsePlatforms(
      [
        'jp6-orin: &orin {runs-on: [self-hosted, orin], base: r36, push: ghcr.io/acme}',
        'jp6-orin-nx:',
        '  <<: *orin',
        '  runs-on: [self-hosted, orin-nx]',
      ].join('\n'),
    );
    expect(platforms.map((p) => [p.name, p.labels, p.overrides])).toEqual([
      ['jp6-orin', ['self-hosted', 'orin'], { base: 'r36', push: 'ghcr.io/acme' }],
      ['jp6-orin-nx', ['self-hosted', 'orin-nx'], { base: 'r36', push: 'ghcr.io/acme' }],
    ]);
  });
});

describe('platform names are short and visible', () => {
  it('accepts 40 characters and refuses 41, naming the platform and the limit', async () => {
    const forty = 'JetPack 6 Orin AGX 64GB NVMe Developer K';
    expect(forty).toHaveLength(40);
    expect((await parsePlatforms(`${forty}: [a]`))[0]?.name).toBe(forty);
    expect(await platformsError(`${forty}i: [a]`)).toBe(
      `Input 'platforms': the platform name "${forty}i" is 41 characters long, more than 40: GitHub cuts long job and check-run names, so two long names would read alike. Shorten it.`,
    );
    // Named by its labels: the name to shorten is the labels', so the message says how to name it.
    expect(await platformsError('- [self-hosted, jetson, orin-agx-64gb-nvme, jp6-r36.4.3-super]')).toBe(
      `Input 'platforms': the platform name "self-hosted-jetson-orin-agx-64gb-nvme-jp6-r36.4.3-super" (from the runner labels of platforms[0]) is 55 characters long, more than 40: GitHub cuts long job and check-run names, so two long names would read alike. Name it, e.g. - {platform: jp6-orin, runs-on: [self-hosted, orin]}.`,
    );
  });

  it.each([
    ['a bidi override in a name', '"\\u202Eniro-6pj": [a]', 'the platform name "\\u202eniro-6pj"', 'U+202E'],
    ['a zero-width space in a name', '"jp6\\u200B": [a]', 'the platform name "jp6\\u200b"', 'U+200B'],
    [
      'a bidi isolate in a label',
      'jp6: [self-hosted, "orin\\u2066"]',
      'jp6\'s runner label "orin\\u2066"',
      'U+2066',
    ],
    ['a BOM in an override', 'jp6: {runs-on: [a], base: "r\\uFEFF36"}', 'platforms.jp6.base', 'U+FEFF'],
    [
      'a word joiner in a list name',
      '- {platform: "jp\\u20606", runs-on: [a]}',
      'platforms[0].platform',
      'U+2060',
    ],
  ])('refuses %s, naming the key and the code point', async (_what, text, who, code) => {
    expect(await platformsError(text)).toBe(
      `Input 'platforms': ${who} holds ${code}, an invisible formatting character: remove it.`,
    );
  });
});

describe('every leg max-legs allows is used', () => {
  /** Each platform's legs and packages, in plan order. */
  function perPlatform(plan: ReturnType<typeof planGrid>): Map<string, string[][]> {
    const by = new Map<string, string[][]>();
    for (const l of plan.include) by.set(l.platform, [...(by.get(l.platform) ?? []), l.packages.split(' ')]);
    return by;
  }

  it('5 packages × 100 platforms: 256 legs, the first 56 platforms with 3, the others with 2', async () => {
    const plan = planGrid(names(5), { platforms: await parsePlatforms(platformsJson(100)) });
    expect(plan.include).toHaveLength(256);
    const by = perPlatform(plan);
    expect([...by.values()].map((legs) => legs.length)).toEqual([
      ...Array<number>(56).fill(3),
      ...Array<number>(44).fill(2),
    ]);
    for (const legs of by.values()) expect(legs.flat()).toEqual(names(5));
    expect(plan.include.find((l) => l.platform === 'p0')?.title).toBe('p0 · chunk 1 of 3');
    expect(plan.include.find((l) => l.platform === 'p99')?.title).toBe('p99 · chunk 1 of 2');
    expect(new Set(plan.include.map((l) => l.leg)).size).toBe(256);
    expect(plan.include.map((l) => l.index)).toEqual([...Array(256).keys()]);
    expect(describePlan(plan)).toBe(
      '5 packages × 100 platforms: 2–3 legs per platform, chunks of 1–3 packages',
    );
  });

  it('10 packages × 26 platforms: 256 legs (22 platforms with 10, 4 with 9), never more legs than packages', async () => {
    const plan = planGrid(names(10), { platforms: await parsePlatforms(platformsJson(26)) });
    expect(plan.include).toHaveLength(256);
    const counts = [...perPlatform(plan).values()].map((legs) => legs.length);
    expect(counts).toEqual([...Array<number>(22).fill(10), ...Array<number>(4).fill(9)]);
    for (const legs of perPlatform(plan).values()) expect(legs.flat()).toEqual(names(10));
    // A package's legs sit side by side: the first 26 legs are each platform's first leg.
    expect(plan.include.slice(0, 26).map((l) => l.packages)).toEqual([
      ...Array<string>(22).fill('pkg-000'),
      ...Array<string>(4).fill('pkg-000 pkg-001'),
    ]);
    expect(describePlan(plan)).toBe(
      '10 packages × 26 platforms: 9–10 legs per platform, chunks of 1–2 packages',
    );
    // 3 packages × 26 platforms fit: 78 legs, none chunked.
    const small = planGrid(names(3), { platforms: await parsePlatforms(platformsJson(26)) });
    expect(small.include).toHaveLength(78);
    expect(describePlan(small)).toBe('3 packages × 26 platforms = 78 legs');
  });

  it('200 packages × 3 platforms: 86, 85 and 85 legs', async () => {
    const plan = planGrid(names(200), { platforms: await parsePlatforms(platformsJson(3)) });
    expect(plan.include).toHaveLength(256);
    expect([...perPlatform(plan).values()].map((legs) => legs.length)).toEqual([86, 85, 85]);
    for (const legs of perPlatform(plan).values()) expect(legs.flat()).toEqual(names(200));
    expect(plan.include.at(-1)).toMatchObject({ platform: 'p0', title: 'p0 · chunk 86 of 86' });
  });
});

describe('the plan action', () => {
  const job = usePlanRun('plan-hardening-');

  it('refuses outputs past GitHub’s 1 MB per job (1000 packages × 100 platforms), and writes none', async () => {
    const run = runPlan(
      inputs({ packages: names(1000, 'package').join(' '), platforms: platformsJson(100) }),
      () => 'k',
    );
    await expect(run).rejects.toThrow(
      "The plan's outputs would be 1264339 characters (matrix 1247143, packages 14001, platforms 3181, the rest 14), more than the 900000 a plan may set: GitHub keeps at most 1 MB of a job's outputs. Build fewer packages or platforms per call (split it into several calls), or lower max-legs.",
    );
    expect(outputText()).toBe('');
    // 300 packages × 100 platforms fit.
    await runPlan(inputs({ packages: names(300, 'package').join(' '), platforms: platformsJson(100) }));
    const size = Object.values(parseCommandFile(outputText())).reduce((n, v) => n + v.length, 0);
    expect(size).toBeGreaterThan(300_000);
    expect(size).toBeLessThan(900_000);
  });

  it('refuses invisible formatting in the defaults a platform may override', async () => {
    await expect(
      runPlan(inputs({ packages: 'numpy', platforms: 'jp6: [orin]', 'build-args': 'A=1\u2067 B=2' })),
    ).rejects.toThrow("Input 'build-args' holds U+2067, an invisible formatting character: remove it.");
    expect(outputText()).toBe('');
  });

  it('refuses invisible formatting in a runs-on label of the one-platform form', async () => {
    await expect(
      runPlan(inputs({ packages: 'numpy', 'runs-on': 'self-hosted, jet\u200bson' })),
    ).rejects.toThrow(
      'Input \'runs-on\' is invalid: the runner label "jet\\u200bson" holds U+200B, an invisible formatting character: remove it.',
    );
  });

  it('escapes the summary table: no mention, strike-through, entity or emoji from a platform name', async () => {
    await runPlan(
      inputs({
        packages: 'numpy',
        platforms: '"jp6 @everyone ~~s~~ &amp; :skull:": [self-hosted, "@here"]',
      }),
    );
    const row = readFileSync(job.summaryFile, 'utf8')
      .split('\n')
      .find((l) => l.includes('everyone'));
    expect(row).toBe(
      '| jp6 @\u200beveryone \\~\\~s\\~\\~ &amp;amp; :\u200bskull: | self-hosted, @\u200bhere | 1 |',
    );
  });

  it('says 128–129 legs per platform when max-legs does not divide evenly', async () => {
    await runPlan(inputs({ packages: names(200).join(' '), platforms: platformsJson(2), 'max-legs': '255' }));
    const summary = readFileSync(job.summaryFile, 'utf8');
    expect(summary).toContain(
      "\n\n200 packages × 2 platforms: 127–128 legs per platform, chunks of 1–2 packages.\n\nMore legs than max-legs (255) allows: the packages are split into 127–128 contiguous chunks per platform, and a chunk's leg builds its packages one at a time.\n",
    );
    expect(summary).toContain('| p0 | l0 | 128 |\n| p1 | l1 | 127 |\n');
  });
});

describe('the reusable workflow’s plan step', () => {
  const workflow = parseYaml(readFileSync(path.join(ROOT, '.github/workflows/jetson-build.yml'), 'utf8')) as {
    on: { workflow_call: { inputs: Record<string, { default?: string }> } };
    jobs: { plan: { steps: { uses?: string; with?: Record<string, string> }[] } };
  };
  const planWith = workflow.jobs.plan.steps.find((s) => s.uses === './.jetson-build-action/plan')?.with ?? {};
  const defaults = workflow.on.workflow_call.inputs;

  /** A `${{ … }}` value as GitHub evaluates it, with the caller's inputs over the workflow's defaults. */
  function evaluate(value: string, given: Record<string, string>): string {
    const m = /^\$\{\{(.*)\}\}$/s.exec(value.trim());
    if (!m) return value;
    const names = Object.keys(defaults);
    const inputsData = new data.Dictionary(
      ...names.map((n) => ({ key: n, value: new data.StringData(given[n] ?? defaults[n]?.default ?? '') })),
    );
    const expr = new Parser(new Lexer(m[1] as string).lex().tokens, ['inputs'], []).parse();
    return new Evaluator(expr, new data.Dictionary({ key: 'inputs', value: inputsData }))
      .evaluate()
      .coerceString();
  }

  it('passes runs-on only in the one-platform form, so a grid logs no "runs-on is ignored"', async () => {
    const runsOn = planWith['runs-on'] as string;
    expect(evaluate(runsOn, {})).toBe('["self-hosted","jetson"]');
    expect(evaluate(runsOn, { 'runs-on': 'orin' })).toBe('orin');
    expect(evaluate(runsOn, { platforms: 'jp6: [orin]' })).toBe('');
    const logged = captureStdout();
    const restore = redirectJobFiles('plan-step-', null);
    try {
      const given = { packages: 'numpy', platforms: 'jp6: [orin]\njp5: [xavier]' };
      await runPlan((name) => evaluate(planWith[name] ?? '', given));
      expect(logged.join('')).not.toContain('runs-on is ignored');
    } finally {
      vi.restoreAllMocks();
      restore();
    }
  });
});
