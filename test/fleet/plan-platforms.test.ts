// Issue 14: packages × platforms. The `platforms` input's grammar and errors, the grid of legs (order, names,
// titles, runner labels, per-platform overrides, chunking within 256 legs), and what the plan action writes.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { describePlan, parsePlatforms, planGrid } from '../../src/fleet/plan.js';
import { announceRun, runPlan } from '../../src/fleet/plan-main.js';
import { parseLiveRun } from '../../src/notify/render/run-live-discord.js';
import { startDiscordDouble } from '../support/discord-double.js';
import { inputs, outputs, platformsError, redirectJobFiles, usePlanRun } from '../support/plan-run.js';

const ORIN = ['self-hosted', 'jetson', 'orin', 'jp6'];
const XAVIER = ['self-hosted', 'jetson', 'xavier', 'jp5'];
const ISSUE_YAML = `jp6-orin:   [self-hosted, jetson, orin, jp6]
jp5-xavier: [self-hosted, jetson, xavier, jp5]
`;
const names = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `pkg-${String(i).padStart(3, '0')}`);

/** `n` platforms p-000 … as JSON, each on its own label. */
const manyPlatforms = (n: number): string =>
  JSON.stringify(
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`p-${String(i).padStart(3, '0')}`, [`l${i}`]])),
  );

describe('the platforms input', () => {
  it('reads a map of names to label lists, to one label string, and to objects with overrides', async () => {
    const platforms = await parsePlatforms(`jp6-orin: [self-hosted, jetson, orin, jp6]
x86: cuda-desktop
jp5-xavier:
  runs-on: self-hosted, jetson, xavier
  name: acme/jp5
  base: dustynv/l4t-base:r35.4.1
  push: ghcr.io/acme
  build-args: "PYTHON_VERSION=3.8"
`);
    expect(platforms).toEqual([
      { name: 'jp6-orin', slug: 'jp6-orin', labels: ORIN, overrides: {} },
      { name: 'x86', slug: 'x86', labels: ['cuda-desktop'], overrides: {} },
      {
        name: 'jp5-xavier',
        slug: 'jp5-xavier',
        labels: ['self-hosted', 'jetson', 'xavier'],
        overrides: {
          imageName: 'acme/jp5',
          base: 'dustynv/l4t-base:r35.4.1',
          push: 'ghcr.io/acme',
          buildArgs: 'PYTHON_VERSION=3.8',
        },
      },
    ]);
  });

  it('reads YAML and JSON alike, in the order written (a number-like name does not jump ahead)', async () => {
    const yaml = await parsePlatforms(`${ISSUE_YAML}6: {runs-on: [nano], base: b}\n`);
    const json = await parsePlatforms(
      '{"jp6-orin": ["self-hosted","jetson","orin","jp6"], "jp5-xavier": ["self-hosted","jetson","xavier","jp5"],' +
        ' "6": {"runs-on": ["nano"], "base": "b"}}',
    );
    expect(json).toEqual(yaml);
    expect(yaml.map((p) => [p.name, p.labels])).toEqual([
      ['jp6-orin', ORIN],
      ['jp5-xavier', XAVIER],
      ['6', ['nano']],
    ]);
  });

  it('is empty when the input is: the one-platform form', async () => {
    expect(await parsePlatforms('')).toEqual([]);
    expect(await parsePlatforms('  \n ')).toEqual([]);
  });

  it('names a list of label arrays by the labels not every platform shares', async () => {
    const platforms = await parsePlatforms(
      '- [self-hosted, jetson, orin, jp6]\n- [self-hosted, jetson, xavier, jp5]\n',
    );
    expect(platforms.map((p) => [p.name, p.labels])).toEqual([
      ['orin-jp6', ORIN],
      ['xavier-jp5', XAVIER],
    ]);
    expect(
      await parsePlatforms('[["self-hosted","jetson","orin","jp6"],["self-hosted","jetson","xavier","jp5"]]'),
    ).toEqual(platforms);
    // Nothing left to tell them apart (one platform; one label set inside another): every label, joined.
    expect((await parsePlatforms('- [self-hosted, orin]')).map((p) => p.name)).toEqual(['self-hosted-orin']);
    expect((await parsePlatforms('- [a, x]\n- [a, x, y]')).map((p) => p.name)).toEqual(['a-x', 'a-x-y']);
    // Objects name themselves with `platform`; `name` is the image name, as in the map form.
    const mixed = await parsePlatforms(
      '- {platform: jp6-orin, runs-on: [self-hosted, orin], name: acme/orin}\n- [self-hosted, xavier]\n- [self-hosted, nano]',
    );
    expect(mixed.map((p) => [p.name, p.labels, p.overrides])).toEqual([
      ['jp6-orin', ['self-hosted', 'orin'], { imageName: 'acme/orin' }],
      ['xavier', ['self-hosted', 'xavier'], {}],
      ['nano', ['self-hosted', 'nano'], {}],
    ]);
  });

  it('keeps a name that needs slugging as written and gives it an artifact-safe slug for leg names', async () => {
    const platforms = await parsePlatforms(
      '"JP 6/Orin": [orin]\n"Xavier – JetPack 5 (ü)": [xavier]\nオリン: [nano]\n' +
        '"Very long platform name for the Orin AGX": [big]',
    );
    expect(platforms.map((p) => [p.name, p.slug])).toEqual([
      ['JP 6/Orin', 'jp-6-orin'],
      ['Xavier – JetPack 5 (ü)', 'xavier-jetpack-5-u'],
      // Nothing artifact-safe in it: its position.
      ['オリン', 'platform-3'],
      // Cut to 32 characters for leg names (the name itself is at most 40).
      ['Very long platform name for the Orin AGX', 'very-long-platform-name-for-the'],
    ]);
  });

  it.each([
    [
      'a scalar',
      'jp6-orin',
      `expected a map of platform names to runner labels (jp6-orin: [self-hosted, jetson, orin]) or a list of label arrays, got the string "jp6-orin".`,
    ],
    [
      'a number',
      '42',
      `expected a map of platform names to runner labels (jp6-orin: [self-hosted, jetson, orin]) or a list of label arrays, got the JSON number 42.`,
    ],
    [
      'an empty map',
      '{}',
      'names no platform: give at least one (jp6-orin: [self-hosted, jetson, orin]), or leave it empty to build on runs-on.',
    ],
    [
      'a YAML syntax error',
      'jp6-orin: [self-hosted\njp5-xavier: [x]',
      'not valid YAML or JSON at line 2, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    [
      'broken JSON',
      '{"jp6-orin": ["a"]',
      'not valid YAML or JSON at line 1, column 19: Flow map must end with a }',
    ],
    [
      'a name given twice',
      'jp6-orin: [a]\njp6-orin: [b]',
      'not valid YAML or JSON at line 2, column 1: Map keys must be unique',
    ],
    [
      'no labels',
      'jp6-orin: [a]\njp5-xavier:',
      'jp5-xavier has no runner labels: give a list such as [self-hosted, jetson].',
    ],
    [
      'an empty label list',
      'jp5-xavier: []',
      'jp5-xavier has no runner labels: give a list such as [self-hosted, jetson].',
    ],
    [
      'an empty label string',
      'jp5-xavier: ""',
      'jp5-xavier has no runner labels: give a list such as [self-hosted, jetson].',
    ],
    [
      'an object without runs-on',
      'jp5-xavier: {base: x}',
      'jp5-xavier has no runner labels: give a list such as runs-on: [self-hosted, jetson].',
    ],
    ['an empty label', 'jp5-xavier: [self-hosted, ""]', 'jp5-xavier has an empty runner label.'],
    [
      // YAML reads every scalar as written (5 is the label "5"); JSON tells numbers from text.
      'a JSON number label',
      '{"jp5-xavier": ["self-hosted", 5]}',
      'jp5-xavier has a runner label that is not a string (the JSON number 5): quote it, e.g. "5".',
    ],
    [
      'a nested label list',
      'jp5-xavier: [[a]]',
      'jp5-xavier has a runner label that is not a string (a list): give each label as a plain string.',
    ],
    [
      'labels as a JSON number',
      '{"jp5-xavier": 5}',
      'jp5-xavier must be a list of runner labels, got the JSON number 5.',
    ],
    [
      'runs-on as a map',
      'jp5-xavier: {runs-on: {a: b}}',
      'jp5-xavier.runs-on must be a list of runner labels, got a map.',
    ],
    [
      'an unknown field',
      'jp5-xavier: {runs-on: [a], runson: [b]}',
      'platforms.jp5-xavier.runson is not a known field; accepted fields: runs-on, name, push, base, build-args.',
    ],
    [
      'a list override',
      'jp5-xavier: {runs-on: [a], base: [b]}',
      'platforms.jp5-xavier.base must be a string, got a list.',
    ],
    [
      'a control character',
      'jp5-xavier: {runs-on: [a], push: "x\\ny"}',
      'platforms.jp5-xavier.push holds a control character (\\n).',
    ],
    [
      'an empty name',
      '"": [a]',
      'a platform has an empty name: give each platform a name, e.g. jp6-orin: [self-hosted, jetson, orin].',
    ],
    [
      'a blank name',
      '"  ": [a]',
      'a platform has an empty name: give each platform a name, e.g. jp6-orin: [self-hosted, jetson, orin].',
    ],
    [
      'names alike once slugged',
      '"JP 6/Orin": [a]\njp-6-orin: [b]',
      '"JP 6/Orin" and "jp-6-orin" both make the leg name jp-6-orin: rename one so they differ in letters or digits.',
    ],
    [
      'names alike but for case',
      'Orin: [a]\norin: [b]',
      '"Orin" and "orin" both make the leg name orin: rename one so they differ in letters or digits.',
    ],
    [
      'a list entry of the wrong kind',
      '[["a"], 5]',
      'platforms[1] must be a list of runner labels, got the JSON number 5.',
    ],
    [
      'an unknown field in a list entry',
      '- {platform: x, labels: [a]}',
      'platforms[0].labels is not a known field; accepted fields: platform, runs-on, name, push, base, build-args.',
    ],
    [
      'an empty platform in a list entry',
      '- {platform: "", runs-on: [a]}',
      'platforms[0] has an empty name: give each platform a name, e.g. jp6-orin: [self-hosted, jetson, orin].',
    ],
    [
      'a platform named twice in a list',
      '- {platform: x, runs-on: [a]}\n- {platform: x, runs-on: [b]}',
      '"x" names two platforms: give each its own name.',
    ],
    [
      'one label set twice in a list',
      '- [a, b]\n- [a, b]',
      'platforms[0] and platforms[1] are both named a-b by their runner labels: name them, e.g. - {platform: jp6-orin, runs-on: [self-hosted, orin]}, or use the map form (jp6-orin: [self-hosted, jetson, orin]).',
    ],
  ])('rejects %s with a message naming the key', async (_what, text, message) => {
    expect(await platformsError(text)).toBe(`Input 'platforms': ${message}`);
  });
});

describe('the grid of legs', () => {
  it('plans 3 packages × 2 platforms package by package, with titles, labels and overrides', async () => {
    const platforms = await parsePlatforms(
      `jp6-orin: [self-hosted, jetson, orin, jp6]
jp5-xavier: {runs-on: [self-hosted, jetson, xavier, jp5], base: "dustynv/l4t-base:r35.4.1", push: ghcr.io/jp5}
`,
    );
    const plan = planGrid(['pytorch:2.8', 'torchvision', 'ros:humble*'], {
      platforms,
      defaults: { imageName: 'acme/jetson', push: 'docker.io/acme', buildArgs: 'A=1' },
    });
    const orin = {
      platform: 'jp6-orin',
      'runs-on': ORIN,
      'image-name': 'acme/jetson',
      push: 'docker.io/acme',
      base: '',
    };
    const xavier = {
      platform: 'jp5-xavier',
      'runs-on': XAVIER,
      'image-name': 'acme/jetson',
      push: 'ghcr.io/jp5',
      base: 'dustynv/l4t-base:r35.4.1',
    };
    expect(plan.include).toEqual([
      {
        leg: 'jp6-orin--pytorch-2.8',
        title: 'jp6-orin · pytorch:2.8',
        packages: 'pytorch:2.8',
        index: 0,
        multiple: false,
        ...orin,
        'build-args': 'A=1',
      },
      {
        leg: 'jp5-xavier--pytorch-2.8',
        title: 'jp5-xavier · pytorch:2.8',
        packages: 'pytorch:2.8',
        index: 1,
        multiple: false,
        ...xavier,
        'build-args': 'A=1',
      },
      {
        leg: 'jp6-orin--torchvision',
        title: 'jp6-orin · torchvision',
        packages: 'torchvision',
        index: 2,
        multiple: false,
        ...orin,
        'build-args': 'A=1',
      },
      {
        leg: 'jp5-xavier--torchvision',
        title: 'jp5-xavier · torchvision',
        packages: 'torchvision',
        index: 3,
        multiple: false,
        ...xavier,
        'build-args': 'A=1',
      },
      {
        leg: 'jp6-orin--ros-humble-all',
        title: 'jp6-orin · ros:humble*',
        packages: 'ros:humble*',
        index: 4,
        multiple: true,
        ...orin,
        'build-args': 'A=1',
      },
      {
        leg: 'jp5-xavier--ros-humble-all',
        title: 'jp5-xavier · ros:humble*',
        packages: 'ros:humble*',
        index: 5,
        multiple: true,
        ...xavier,
        'build-args': 'A=1',
      },
    ]);
    expect(plan.packages).toEqual(['pytorch:2.8', 'torchvision', 'ros:humble*']);
    expect(plan.runsOn).toEqual(ORIN);
    expect(describePlan(plan)).toBe('3 packages × 2 platforms = 6 legs');
  });

  it('plans 200 packages × 2 platforms in 256 legs, every package exactly once per platform', async () => {
    const plan = planGrid(names(200), { platforms: await parsePlatforms(ISSUE_YAML) });
    expect(plan.include).toHaveLength(256);
    expect(plan.legsPerPlatform).toEqual([128, 128]);
    for (const name of ['jp6-orin', 'jp5-xavier']) {
      const legs = plan.include.filter((l) => l.platform === name);
      expect(legs).toHaveLength(128);
      expect(legs.flatMap((l) => l.packages.split(' '))).toEqual(names(200));
      const sizes = legs.map((l) => l.packages.split(' ').length);
      expect([Math.min(...sizes), Math.max(...sizes)]).toEqual([1, 2]);
      expect(sizes.filter((s) => s === 2)).toHaveLength(72);
    }
    expect(plan.include.slice(0, 3).map((l) => [l.leg, l.title, l.packages, l.index, l.multiple])).toEqual([
      ['jp6-orin--chunk-1-of-128', 'jp6-orin · chunk 1 of 128', 'pkg-000 pkg-001', 0, true],
      ['jp5-xavier--chunk-1-of-128', 'jp5-xavier · chunk 1 of 128', 'pkg-000 pkg-001', 1, true],
      ['jp6-orin--chunk-2-of-128', 'jp6-orin · chunk 2 of 128', 'pkg-002 pkg-003', 2, true],
    ]);
    expect(plan.include.at(-1)?.title).toBe('jp5-xavier · chunk 128 of 128');
    expect(plan.include.at(-1)?.packages).toBe('pkg-199');
    expect(new Set(plan.include.map((l) => l.leg)).size).toBe(256);
    expect(plan.include.map((l) => l.index)).toEqual([...Array(256).keys()]);
    expect(describePlan(plan)).toBe(
      '200 packages × 2 platforms: 128 legs per platform, chunks of 1–2 packages',
    );
  });

  it('chunks evenly when the packages divide the legs, and shares a smaller max-legs out by platform', async () => {
    const two = await parsePlatforms(ISSUE_YAML);
    expect(describePlan(planGrid(names(512), { platforms: two }))).toBe(
      '512 packages × 2 platforms: 128 legs per platform, chunks of 4 packages',
    );
    const three = await parsePlatforms(`${ISSUE_YAML}x86: [cuda]`);
    const plan = planGrid(names(10), { platforms: three, maxLegs: 8 });
    // 8 legs shared by 3 platforms: 3, 3 and 2, every leg used, none dropped.
    expect(plan.include.map((l) => [l.leg, l.packages.split(' ').length])).toEqual([
      ['jp6-orin--chunk-1-of-3', 4],
      ['jp5-xavier--chunk-1-of-3', 4],
      ['x86--chunk-1-of-2', 5],
      ['jp6-orin--chunk-2-of-3', 3],
      ['jp5-xavier--chunk-2-of-3', 3],
      ['x86--chunk-2-of-2', 5],
      ['jp6-orin--chunk-3-of-3', 3],
      ['jp5-xavier--chunk-3-of-3', 3],
    ]);
  });

  it('plans 1 package × 256 platforms as 256 legs, and refuses 257 platforms', async () => {
    const plan = planGrid(['numpy'], { platforms: await parsePlatforms(manyPlatforms(256)) });
    expect(plan.include).toHaveLength(256);
    expect(plan.include[255]).toMatchObject({
      leg: 'p-255--numpy',
      title: 'p-255 · numpy',
      'runs-on': ['l255'],
      index: 255,
    });
    expect(describePlan(plan)).toBe('1 package × 256 platforms = 256 legs');
    const platforms = await parsePlatforms(manyPlatforms(257));
    expect(() => planGrid(['numpy'], { platforms })).toThrow(
      "Input 'platforms': 257 platforms need at least 257 legs, more than max-legs (256) allows: build at most 256 platforms per call.",
    );
    expect(() => planGrid(['numpy'], { platforms: platforms.slice(0, 4), maxLegs: 3 })).toThrow(
      "Input 'platforms': 4 platforms need at least 4 legs, more than max-legs (3) allows: build at most 3 platforms per call.",
    );
  });

  it('uses the display name in titles and the slug in leg names, unique and at most 60 characters', async () => {
    const platforms = await parsePlatforms(`"JP 6/Orin": [orin]\n"${'Xavier '.repeat(5)}": [xavier]`);
    const long = 'p'.repeat(40);
    const plan = planGrid(['torchvision', `${long}a`, `${long}b`], { platforms });
    expect(plan.include.map((l) => [l.leg, l.title])).toEqual([
      ['jp-6-orin--torchvision', 'JP 6/Orin · torchvision'],
      ['xavier-xavier-xavier-xavier-xavi--torchvision', `${'Xavier '.repeat(5).trim()} · torchvision`],
      [`jp-6-orin--${long}a`, `JP 6/Orin · ${long}a`],
      [`xavier-xavier-xavier-xavier-xavi--${'p'.repeat(26)}`, `${'Xavier '.repeat(5).trim()} · ${long}a`],
      [`jp-6-orin--${long}b`, `JP 6/Orin · ${long}b`],
      // Cut at 60 it meets its neighbour's name: the collision loop gives it a suffix.
      [`xavier-xavier-xavier-xavier-xavi--${'p'.repeat(24)}-2`, `${'Xavier '.repeat(5).trim()} · ${long}b`],
    ]);
    expect(plan.include.every((l) => l.leg.length <= 60)).toBe(true);
  });

  it('keeps the one-platform form on runs-on: the legs of today plus the added fields', () => {
    const plan = planGrid(names(300), { runsOn: ['self-hosted', 'jetson'], defaults: { base: 'b' } });
    expect(plan.include).toHaveLength(256);
    expect(plan.include[0]).toEqual({
      leg: 'chunk-1-of-256',
      title: 'chunk-1-of-256',
      packages: 'pkg-000 pkg-001',
      index: 0,
      multiple: true,
      platform: '',
      'runs-on': ['self-hosted', 'jetson'],
      'image-name': '',
      push: '',
      base: 'b',
      'build-args': '',
    });
    expect(plan.platforms).toEqual([]);
    expect(describePlan(plan)).toBe('300 packages: 256 legs, chunks of 1–2 packages');
    expect(describePlan(planGrid(['a', 'b', 'c'], { runsOn: ['jetson'] }))).toBe('3 packages = 3 legs');
    expect(describePlan(planGrid(['a'], { runsOn: ['jetson'] }))).toBe('1 package = 1 leg');
  });
});

describe('the plan action with platforms', () => {
  const job = usePlanRun('plan-platforms-');

  it('writes the grid: platforms, matrix, legs, and the first platform as runs-on; runs-on is not needed', async () => {
    await runPlan(
      inputs({ packages: 'pytorch:2.8 torchvision ros:humble-desktop', platforms: ISSUE_YAML }),
      () => 'k',
    );
    const out = outputs();
    expect(JSON.parse(out['platforms'] ?? '')).toEqual([
      { name: 'jp6-orin', labels: ORIN },
      { name: 'jp5-xavier', labels: XAVIER },
    ]);
    expect(JSON.parse(out['runs-on'] ?? '')).toEqual(ORIN);
    expect(out['legs']).toBe('6');
    expect(out['count']).toBe('3');
    const matrix = JSON.parse(out['matrix'] ?? '') as { include: { title: string; 'runs-on': string[] }[] };
    expect(matrix.include.map((l) => l.title)).toEqual([
      'jp6-orin · pytorch:2.8',
      'jp5-xavier · pytorch:2.8',
      'jp6-orin · torchvision',
      'jp5-xavier · torchvision',
      'jp6-orin · ros:humble-desktop',
      'jp5-xavier · ros:humble-desktop',
    ]);
    expect(matrix.include[1]?.['runs-on']).toEqual(XAVIER);
    expect(job.logged.join('')).not.toContain('runs-on is ignored');
  });

  it('says that runs-on is ignored when platforms is set too', async () => {
    await runPlan(inputs({ packages: 'numpy', platforms: ISSUE_YAML, 'runs-on': '["jetson"]' }));
    expect(job.logged.join('')).toContain(
      'runs-on is ignored: platforms is set, and each platform names its own runner labels.\n',
    );
    expect(JSON.parse(outputs()['runs-on'] ?? '')).toEqual(ORIN);
  });

  it('passes the plan inputs name, push, base and build-args to every leg a platform does not override', async () => {
    await runPlan(
      inputs({
        packages: 'numpy',
        platforms: 'jp6-orin: [orin]\njp5-xavier: {runs-on: [xavier], name: acme/jp5, build-args: ""}',
        name: 'acme/jetson',
        push: 'ghcr.io/acme',
        base: 'dustynv/l4t-base:r36',
        'build-args': 'A=1 B=2',
      }),
    );
    const matrix = JSON.parse(outputs()['matrix'] ?? '') as { include: Record<string, unknown>[] };
    expect(matrix.include.map((l) => [l['image-name'], l['push'], l['base'], l['build-args']])).toEqual([
      ['acme/jetson', 'ghcr.io/acme', 'dustynv/l4t-base:r36', 'A=1 B=2'],
      // An empty build-args is the platform's own value: no build args on jp5.
      ['acme/jp5', 'ghcr.io/acme', 'dustynv/l4t-base:r36', ''],
    ]);
  });

  it('writes a job summary saying how the legs were formed, with its platforms', async () => {
    await runPlan(
      inputs({
        packages: 'pytorch:2.8 torchvision ros:humble-desktop',
        platforms:
          'jp6-orin: [self-hosted, orin]\n"JP5 | Xavier": {runs-on: [self-hosted, xavier], base: r35}',
      }),
    );
    expect(readFileSync(job.summaryFile, 'utf8')).toBe(
      [
        '### Build plan',
        '',
        '3 packages × 2 platforms = 6 legs.',
        '',
        '| Platform | Runner labels | Legs | Overrides |',
        '| --- | --- | --: | --- |',
        '| jp6-orin | self-hosted, orin | 3 | — |',
        '| JP5 \\| Xavier | self-hosted, xavier | 3 | base "r35" |',
        '',
      ].join('\n'),
    );
  });

  it('says in the summary how 200 packages × 2 platforms were chunked', async () => {
    await runPlan(inputs({ packages: names(200).join(' '), platforms: ISSUE_YAML }));
    expect(readFileSync(job.summaryFile, 'utf8')).toBe(
      [
        '### Build plan',
        '',
        '200 packages × 2 platforms: 128 legs per platform, chunks of 1–2 packages.',
        '',
        "More legs than max-legs (256) allows: the packages are split into 128 contiguous chunks per platform, and a chunk's leg builds its packages one at a time.",
        '',
        '| Platform | Runner labels | Legs |',
        '| --- | --- | --: |',
        '| jp6-orin | self-hosted, jetson, orin, jp6 | 128 |',
        '| jp5-xavier | self-hosted, jetson, xavier, jp5 | 128 |',
        '',
      ].join('\n'),
    );
    expect(outputs()['legs']).toBe('256');
  });

  it('writes the one-platform summary too, and no summary without GITHUB_STEP_SUMMARY', async () => {
    await runPlan(inputs({ packages: 'a b', 'runs-on': 'self-hosted, jetson' }));
    expect(readFileSync(job.summaryFile, 'utf8')).toBe(
      '### Build plan\n\n2 packages = 2 legs.\n\nEvery leg runs on self-hosted, jetson.\n',
    );
    writeFileSync(job.summaryFile, '');
    delete process.env.GITHUB_STEP_SUMMARY;
    await runPlan(inputs({ packages: 'a b', 'runs-on': 'jetson' }));
    expect(readFileSync(job.summaryFile, 'utf8')).toBe('');
  });

  it('does not fail the plan when the summary cannot be written', async () => {
    rmSync(job.summaryFile);
    mkdirSync(job.summaryFile); // a folder where the file should be: the write fails
    await expect(runPlan(inputs({ packages: 'numpy', platforms: ISSUE_YAML }))).resolves.toMatchObject({
      packages: ['numpy'],
    });
    expect(outputs()['legs']).toBe('2');
    expect(job.logged.join('')).toContain("Could not write the plan's job summary: ");
  });

  it('fails early on a malformed platforms input or a multi-line default, and writes no output', async () => {
    await expect(
      runPlan(inputs({ packages: 'numpy', platforms: 'jp6-orin: {runson: [a]}' })),
    ).rejects.toThrow(
      "Input 'platforms': platforms.jp6-orin.runson is not a known field; accepted fields: runs-on, name, push, base, build-args.",
    );
    await expect(runPlan(inputs({ packages: 'numpy', platforms: ISSUE_YAML, base: 'a\nb' }))).rejects.toThrow(
      "Input 'base' holds a control character (\\n): give one line.",
    );
    // Without platforms, runs-on is still required, with today's message.
    await expect(runPlan(inputs({ packages: 'numpy' }))).rejects.toThrow(/^Input 'runs-on' is empty/);
    expect(readFileSync(process.env.GITHUB_OUTPUT as string, 'utf8')).toBe('');
  });
});

describe('the live run message of a grid', () => {
  it('shows each pending leg with its platform and packages', async () => {
    const double = await startDiscordDouble();
    const dispatcher = new Agent({ connections: 4 });
    const restore = redirectJobFiles('plan-live-');
    try {
      const plan = planGrid(['torchvision', 'a'], {
        platforms: await parsePlatforms(ISSUE_YAML),
      });
      const live = (name: string): string =>
        ({ 'discord-live': 'true', 'discord-webhook-url': double.webhookUrl() })[name] ?? '';
      const id = await announceRun(plan, live, { env: {}, dispatcher });
      const run = parseLiveRun({ embeds: double.message(id)?.embeds });
      expect(run?.lines.map((l) => [l.key, l.text])).toEqual([
        ['jp6-orin--torchvision', '⏳ `jp6-orin--torchvision` jp6-orin · torchvision'],
        ['jp5-xavier--torchvision', '⏳ `jp5-xavier--torchvision` jp5-xavier · torchvision'],
        ['jp6-orin--a', '⏳ `jp6-orin--a` jp6-orin · a'],
        ['jp5-xavier--a', '⏳ `jp5-xavier--a` jp5-xavier · a'],
      ]);
    } finally {
      restore();
      await dispatcher.close();
      await double.close();
    }
  });
});
