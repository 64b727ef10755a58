// The packages × platforms grid as every run renderer shows it: the 10 × 3 grid with every cell state (built,
// failed at build/test/setup, timed out, cancelled, not built, no report, platform mismatch, newly broken,
// fixed), failures first, escaped, linked to the jobs; and a one-platform run as it always was.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { renderRunGeneric } from '../../src/notify/render/run-generic.js';
import type { RunReport } from '../../src/report/run-report.js';
import { renderRunDiscord } from '../../src/notify/render/run-discord.js';
import { renderRunSlack } from '../../src/notify/render/run-slack.js';
import { renderRunTeams } from '../../src/notify/render/run-teams.js';
import { gridHeadline } from '../../src/notify/render/run-grid.js';
import { checkSlackLimits } from '../../src/notify/render/slack-limits.js';
import { checkTeamsLimits } from '../../src/notify/render/teams-limits.js';
import { renderRunSummary } from '../../src/report/run-summary.js';
import { renderRunComment, runMarker } from '../../src/report/pr-comment.js';
import { expectValidDiscordBody } from '../support/discord-spec.js';
import { GRID_RUN_URL } from '../support/grid.js';
import { compactDiscordOptions } from '../support/render-context.js';
import { cellRow, grid10x3, gridReport } from './render-grid-run.js';

const opts = compactDiscordOptions();
const JOB = `${GRID_RUN_URL}/job`;

interface Embed {
  title: string;
  description: string;
  fields: { name: string; value: string }[];
}
function embedOf(run: RunReport): { content: string; embed: Embed; body: unknown } {
  const { body } = renderRunDiscord(run, opts);
  const b = body as { content: string; embeds: Embed[] };
  return { content: b.content, embed: b.embeds[0] as Embed, body };
}

/** The package each table row or chat line names, in order. */
function packageOrder(lines: string[], re: RegExp): string[] {
  return lines.flatMap((l) => {
    const m = re.exec(l);
    return m ? [m[1] as string] : [];
  });
}

const ORDER = [
  'pytorch:2.8',
  'torchvision',
  'opencv',
  'tensorrt',
  'l4t-ml',
  'onnxruntime',
  'ros:humble-desktop',
  'cmake',
  'numpy',
  'transformers',
];

describe('job summary of a grid', () => {
  const md = renderRunSummary(grid10x3());
  const lines = md.split('\n');

  it('has a column per platform, headed by the environment its runners really had', () => {
    expect(lines).toContain(
      '| Package | jp6-orin<br>L4T 36.4.4 · CUDA 12.6 | jp5-xavier<br>L4T 35.4.1 · CUDA 11.4 | x86-desktop<br>CUDA 12.8 · x86\\_64 |',
    );
    expect(lines).toContain('| --- | :-: | :-: | :-: |');
    expect(lines).toContain(
      '**10 packages × 3 platforms** = 30 builds: ✅ 22 built · ❌ 5 failed · ❔ 1 without a report · ⏭ 2 cancelled or not built  ',
    );
  });

  it('writes a row per package, failures first, each cell linked to its job with where it stopped', () => {
    expect(packageOrder(lines, /^\| `([^`]+)` \|/)).toEqual(ORDER);
    expect(lines).toContain(
      `| \`torchvision\` | [✅](${JOB}/jp6-orin--torchvision) | [🆕❌ build](${JOB}/jp5-xavier--torchvision) | [✅](${JOB}/x86-desktop--torchvision) |`,
    );
    expect(lines).toContain(
      `| \`l4t-ml\` | [❌ timeout (cudnn)](${JOB}/jp6-orin--l4t-ml) | [✅](${JOB}/jp5-xavier--l4t-ml) | [✅](${JOB}/x86-desktop--l4t-ml) |`,
    );
    expect(lines).toContain(
      `| \`onnxruntime\` | [✅](${JOB}/jp6-orin--onnxruntime) | [❔ no report](${GRID_RUN_URL}) | [✅](${JOB}/x86-desktop--onnxruntime) |`,
    );
    expect(lines).toContain(
      `| \`cmake\` | [✅](${JOB}/jp6-orin--cmake) | [✅](${JOB}/jp5-xavier--cmake) | [⏭ not built](${JOB}/x86-desktop--cmake) |`,
    );
    expect(lines.find((l) => l.startsWith('| `pytorch:2.8`'))).toContain(
      `[🔧✅](${JOB}/jp6-orin--pytorch-2.8)`,
    );
    expect(lines.find((l) => l.startsWith('| `ros:humble-desktop`'))).toContain(
      `[⏭](${JOB}/jp5-xavier--ros-humble-desktop)`,
    );
    expect(lines.find((l) => l.startsWith('| `tensorrt`'))).toContain(
      `[❌ setup](${JOB}/x86-desktop--tensorrt)`,
    );
  });

  it('flags the cell whose runner does not match its platform, and says why under the grid', () => {
    expect(lines.find((l) => l.startsWith('| `transformers`'))).toContain(
      `[✅ ⚠](${JOB}/jp5-xavier--transformers)`,
    );
    expect(lines).toContain(
      '- ⚠ jp5-xavier: jp5-xavier promises JetPack 5 (L4T R35), but the runner has L4T 36.4.0 (JetPack 6.1) (transformers)',
    );
    expect(md).toContain('🆕 newly broken · 🔧 fixed since the last run');
  });

  it('lists every failed cell below the grid, with its excerpt, in grid order', () => {
    const summaries = lines.filter((l) => l.startsWith('<details><summary>'));
    expect(summaries.map((s) => /<summary>(.+?): /.exec(s)?.[1])).toEqual([
      '❌ pytorch:2.8 on x86-desktop',
      '❌ torchvision on jp5-xavier',
      '❌ opencv on x86-desktop',
      '❌ tensorrt on x86-desktop',
      '❌ l4t-ml on jp6-orin',
      '❔ onnxruntime on jp5-xavier',
    ]);
    expect(summaries[1]).toBe(
      '<details><summary>❌ torchvision on jp5-xavier: build · ERROR: failed to solve: process "/bin/sh -c /tmp/torchvision/install.sh" did not complete successfully: exit code: 1</summary>',
    );
    const block = md.slice(md.indexOf('❌ torchvision on jp5-xavier'));
    expect(block).toContain('```text\n#7 [3/4] RUN /tmp/torchvision/install.sh\n#7 ERROR: exit code: 1\n');
  });

  it('keeps names from the build inert: no link, HTML, table break or mention', () => {
    const run = gridReport(
      [{ name: 'jp6-orin' }, { name: 'jp5|xavier' }],
      [
        cellRow('[evil](https://evil.example)', 'jp6-orin', 'success'),
        {
          ...cellRow('[evil](https://evil.example)', 'jp5|xavier', 'build-failure'),
          failure: {
            stage: '<img src=x> @everyone *bold*',
            phase: 'build',
            error: 'x',
            excerpt: ['```', '</details>'],
          },
        },
      ],
    );
    const out = renderRunSummary(run);
    // The job URL holds a `|` (the fixture's leg name): not linked, the table stays whole.
    expect(out).toContain(' | ❌ build (&lt;img src=x&gt; @\u200beveryone \\*bold\\*) |\n');
    expect(out).toContain('| `[evil](https://evil.example)` |');
    expect(out).toContain('jp5\\|xavier<br>');
    expect(out).not.toContain('<img');
    expect(out).toContain('````text\n```\n</details>\n````');
  });
});

describe('Discord message of a grid', () => {
  const { content, embed, body } = embedOf(grid10x3());
  const lines = embed.description.split('\n');

  it('counts builds and platforms in the title', () => {
    expect(embed.title).toBe(
      '❌ Jetson build failed: 5 failed, 1 without a report (of 30 builds) on all 3 platforms',
    );
    expect(embed.fields[0]).toEqual({
      name: 'Builds (10 packages × 3 platforms)',
      value: '✅ 22 built\n❌ 5 failed\n❔ 1 no report\n⏭ 2 cancelled',
      inline: true,
    });
    expect(content).toBe(
      'Jetson build failed: pytorch:2.8 \\(x86-desktop\\), torchvision \\(jp5-xavier\\), opencv \\(x86-desktop\\), onnxruntime \\(jp5-xavier\\), tensorrt \\(x86-desktop\\), l4t-ml \\(jp6-orin\\)',
    );
  });

  it('writes one line per package, failures first, each cell linked to its job', () => {
    expect(packageOrder(lines, /^\*\*(.+?)\*\* — /)).toEqual(ORDER);
    expect(lines).toContain(
      `**torchvision** — [✅ jp6-orin](${JOB}/jp6-orin--torchvision) · [🆕❌ jp5-xavier build](${JOB}/jp5-xavier--torchvision) · [✅ x86-desktop](${JOB}/x86-desktop--torchvision)`,
    );
    expect(lines).toContain(
      `**l4t-ml** — [❌ jp6-orin timeout \\(cudnn\\)](${JOB}/jp6-orin--l4t-ml) · [✅ jp5-xavier](${JOB}/jp5-xavier--l4t-ml) · [✅ x86-desktop](${JOB}/x86-desktop--l4t-ml)`,
    );
    expect(lines).toContain('**numpy** — ✅ all 3 platforms');
    // Failed cells lead their line; among the built ones, the one on a mismatched runner.
    expect(lines.find((l) => l.startsWith('**transformers**'))).toBe(
      `**transformers** — [✅ jp6-orin](${JOB}/jp6-orin--transformers) · [✅ jp5-xavier ⚠](${JOB}/jp5-xavier--transformers) · [✅ x86-desktop](${JOB}/x86-desktop--transformers)`,
    );
    expectValidDiscordBody(body);
  });

  it('says on how many platforms the failures are', () => {
    const run = gridReport(
      [{ name: 'jp6-orin' }, { name: 'jp5-xavier' }],
      [
        cellRow('pytorch:2.8', 'jp6-orin', 'success'),
        cellRow('pytorch:2.8', 'jp5-xavier', 'success'),
        cellRow('torchvision', 'jp6-orin', 'success'),
        cellRow('torchvision', 'jp5-xavier', 'build-failure'),
        cellRow('numpy', 'jp6-orin', 'success'),
        cellRow('numpy', 'jp5-xavier', 'build-failure'),
      ],
    );
    expect(embedOf(run).embed.title).toBe('❌ Jetson build failed: 2 of 6 builds failed on 1 of 2 platforms');
    expect(gridHeadline(run, 'broken')).toBe(
      '❌ Jetson build broken: 2 of 6 builds failed on 1 of 2 platforms',
    );
    const ok = gridReport(
      run.platforms,
      run.runs.map((r) => cellRow(r.name, r.platform as string, 'success')),
    );
    expect(embedOf(ok).embed.title).toBe('✅ Jetson build: 6/6 built on 2 platforms');
    expect(gridHeadline(ok, 'fixed')).toBe('✅ Jetson build fixed: 6/6 built on 2 platforms');
  });
});

describe('Slack and Teams messages of a grid', () => {
  it('Slack: the same line per package, failures first, cells linked, within the limits', () => {
    const { body } = renderRunSlack(grid10x3());
    expect(checkSlackLimits(body)).toEqual([]);
    const b = body as { text: string; attachments: { blocks: { text?: { text: string } }[] }[] };
    expect(b.text).toBe(
      '❌ Jetson build failed: 5 failed, 1 without a report (of 30 builds) on all 3 platforms · acme/jetson-images',
    );
    const section = b.attachments[0]!.blocks.map((x) => x.text?.text ?? '').find((t) => t.startsWith('*'));
    const lines = (section ?? '').split('\n');
    expect(packageOrder(lines, /^\*(.+?)\* — /)).toEqual(ORDER);
    expect(lines).toContain(
      `*torchvision* — <${JOB}/jp6-orin--torchvision|✅ jp6-orin> · <${JOB}/jp5-xavier--torchvision|🆕❌ jp5-xavier build> · <${JOB}/x86-desktop--torchvision|✅ x86-desktop>`,
    );
    expect(lines).toContain('*numpy* — ✅ all 3 platforms');
  });

  it('Teams: a fact per package, failures first, within the limits', () => {
    const { body } = renderRunTeams(grid10x3());
    expect(checkTeamsLimits(body)).toEqual([]);
    const card = (body as { attachments: { content: { body: unknown[]; actions: unknown[] } }[] })
      .attachments[0]!.content;
    const factSets = card.body.filter((e) => (e as { type: string }).type === 'FactSet') as {
      facts: { title: string; value: string }[];
    }[];
    const rows = factSets[1]!.facts;
    expect(rows.map((f) => f.title)).toEqual(
      ORDER.map((n, i) => `${['❌', '❌', '❌', '❌', '❌', '❔', '⏭', '⏭', '✅', '✅'][i]} ${n}`),
    );
    expect(rows[1]).toEqual({
      title: '❌ torchvision',
      value: '✅ jp6-orin · 🆕❌ jp5-xavier build · ✅ x86-desktop',
    });
    expect(rows[7]).toEqual({
      title: '⏭ cmake',
      value: '✅ jp6-orin · ✅ jp5-xavier · ⏭ x86-desktop not built',
    });
    expect(card.actions[1]).toEqual({
      type: 'Action.OpenUrl',
      title: 'Job: pytorch:2.8 on x86-desktop',
      url: `${JOB}/x86-desktop--pytorch-2.8`,
    });
  });
});

describe('pull-request comment of a grid', () => {
  const marker = runMarker({ workflow: 'fleet.yml', job: 'summarize', packages: ['numpy'] });

  it('shows the grid table like the summary, and the first failure with its platform', () => {
    const out = renderRunComment(grid10x3(), { marker, now: new Date('2026-11-20T14:00:00Z') });
    expect(out).toContain(
      '| Package | jp6-orin<br>L4T 36.4.4 · CUDA 12.6 | jp5-xavier<br>L4T 35.4.1 · CUDA 11.4 | x86-desktop<br>CUDA 12.8 · x86\\_64 |',
    );
    expect(out).toContain(
      `| torchvision | [✅](${JOB}/jp6-orin--torchvision) | [🆕❌ build](${JOB}/jp5-xavier--torchvision) | [✅](${JOB}/x86-desktop--torchvision) |`,
    );
    expect(out).toContain(
      '**Cause** (pytorch:2.8 on x86-desktop)**:** AssertionError: pytorch:2.8 test\\_cuda.py: torch.cuda.is\\_available() returned False',
    );
    expect(out).toContain(
      '### ❌ Jetson build failed: 5 failed, 1 without a report (of 30 builds) on all 3 platforms',
    );
  });

  it('is another comment for the same packages on other platforms; a one-platform run keeps its marker', () => {
    const base = { workflow: 'fleet.yml', job: 'summarize', packages: ['numpy', 'torchvision'] };
    expect(runMarker({ ...base, platforms: [] })).toBe(runMarker(base));
    expect(runMarker({ ...base, platforms: ['jp6-orin'] })).not.toBe(runMarker(base));
    expect(runMarker({ ...base, platforms: ['jp6-orin', 'jp5-xavier'] })).toBe(
      runMarker({ ...base, platforms: ['jp5-xavier', 'jp6-orin'] }),
    );
  });
});

describe('a one-platform run', () => {
  it('renders the per-package table and lines as before (no grid)', () => {
    const rows = [cellRow('numpy', 'x', 'success'), cellRow('torchvision', 'x', 'build-failure')].map(
      (r) => ({ ...r, platform: null }),
    );
    const run = { ...gridReport([], rows), platforms: [] };
    expect(renderRunSummary(run)).toContain(
      '| Status | Package | Image | Duration | Runner | Failure | Links |',
    );
    const { embed } = embedOf(run);
    expect(embed.title).toBe('❌ Jetson build failed: 1 of 2 failed');
    expect(embed.fields[0]!.name).toBe('Packages');
    expect(embed.description).toContain(`❌ [torchvision](${JOB}/x--torchvision) — \`build\``);
  });
});

describe('generic webhook body of a grid', () => {
  it('is the RunReport itself, valid by the shipped run-report schema', () => {
    const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
      addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    const validate = ajv.compile(
      JSON.parse(
        readFileSync(new URL('../../schema/run-report.schema.json', import.meta.url), 'utf8'),
      ) as object,
    );
    const run = grid10x3();
    const { body } = renderRunGeneric(run);
    expect(body).toBe(run);
    validate(body);
    expect(validate.errors ?? []).toEqual([]);
    expect((body as RunReport).failed).toContainEqual({ package: 'torchvision', platform: 'jp5-xavier' });
  });
});
