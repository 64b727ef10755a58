// A grid of up to 256 legs (128 × 2, 256 × 1, 2 × 128) within every limit of every format: Discord's embed
// (description 4096, total 6000, Discord's schema), Slack's and Teams' own checks, the job summary's 1 MiB
// and the pull-request comment's size; what does not fit folds into counts, failures last to go.
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/report/run-report.js';
import { embedTextLength, renderRunDiscord } from '../../src/notify/render/run-discord.js';
import { renderRunSlack } from '../../src/notify/render/run-slack.js';
import { renderRunTeams } from '../../src/notify/render/run-teams.js';
import { checkSlackLimits } from '../../src/notify/render/slack-limits.js';
import { checkTeamsLimits } from '../../src/notify/render/teams-limits.js';
import { renderRunSummary } from '../../src/report/run-summary.js';
import { renderRunComment } from '../../src/report/pr-comment.js';
import { expectValidDiscordBody } from '../support/discord-spec.js';
import { compactDiscordOptions } from '../support/render-context.js';
import { scaledGrid } from './render-grid-run.js';

const opts = compactDiscordOptions();

/** Packages with a failed cell. */
function failingPackages(run: RunReport): number {
  return new Set(run.runs.filter((r) => r.status === 'failure').map((r) => r.name)).size;
}

const SHAPES: [string, number, number][] = [
  ['128 × 2', 128, 2],
  ['256 × 1', 256, 1],
  ['2 × 128', 2, 128],
];

describe.each(SHAPES)('a %s grid', (_, packages, platforms) => {
  const run = scaledGrid(packages, platforms);

  it('Discord: within every limit, failures first, the rest counted and attached', () => {
    const { body, files } = renderRunDiscord(run, opts);
    expectValidDiscordBody(body);
    const embed = (body as { embeds: Parameters<typeof embedTextLength>[0][] }).embeds[0]!;
    expect(embed.description!.length).toBeLessThanOrEqual(4096);
    expect(embedTextLength(embed)).toBeLessThanOrEqual(6000);
    const lines = embed.description!.split('\n');
    const shown = lines.filter((l) => l.startsWith('**'));
    const failedShown = shown.filter((l) => l.includes('❌')).length;
    const fold = lines.filter((l) => /^… and \d+ more|^(❌|✅) \d+ (failed|built)$/.test(l));
    const folded = fold.reduce((n, l) => n + Number(/(\d+)/.exec(l)![1]), 0);
    // Every package is either a line or counted in a fold line.
    expect(shown.length + folded).toBe(packages);
    // A built package is shown only when every failing one is.
    if (shown.length > failedShown) expect(failedShown).toBe(failingPackages(run));
    if (folded > 0) expect(files.map((f) => f.name)).toEqual(['packages.txt']);
  });

  it('Slack and Teams: within their limits, failures first', () => {
    const slack = renderRunSlack(run).body;
    expect(checkSlackLimits(slack)).toEqual([]);
    expect(JSON.stringify(slack)).toContain('❌ Jetson build failed');
    const teams = renderRunTeams(run).body;
    expect(checkTeamsLimits(teams)).toEqual([]);
    const facts = JSON.stringify(teams).match(/"title":"(❌|✅) l4t-package/g) ?? [];
    expect(facts[0]).toBe('"title":"❌ l4t-package');
  });

  it('the job summary and the pull-request comment: every package row, within their limits', () => {
    const md = renderRunSummary(run);
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(1024 * 1024 - 16 * 1024);
    expect(md.split('\n').filter((l) => l.startsWith('| `l4t-package')).length).toBe(packages);
    const comment = renderRunComment(run, { marker: '<!-- m -->', now: new Date('2026-11-20T14:00:00Z') });
    expect(Buffer.byteLength(comment, 'utf8')).toBeLessThanOrEqual(60_000);
    expect(comment).toContain('| Package |');
  });
});

describe('a 128 × 2 grid in Discord', () => {
  it('shows every failing package, links the first failed cells as room allows, counts the built ones', () => {
    const run = scaledGrid(128, 2);
    const { body } = renderRunDiscord(run, opts);
    const description = (body as { embeds: { description: string }[] }).embeds[0]!.description;
    const lines = description.split('\n');
    // Cell 6 (package 3 on jp6-orin: cells run row by row) is the first failure, its job linked.
    expect(lines[2]).toBe(
      '**l4t-package-with-a-long-name-003:r36.4** — [❌ jp6-orin build](https://github.com/acme/jetson-images/actions/runs/987654321/job/50000000006) · ✅ jp5-xavier',
    );
    const failing = lines.filter((l) => l.includes('❌'));
    expect(failing).toHaveLength(failingPackages(run));
    // Room ran out for links before it ran out for failures: the last failing lines have none.
    expect(failing.at(-1)).not.toContain('](');
    // The built packages are counted: the links took their room.
    expect(lines.at(-2)).toMatch(/^(… and \d+ more built|✅ \d+ built)$/);
  });
});

describe('a grid beyond the job summary limit', () => {
  it('folds rows and says how many, under 1 MiB', () => {
    const run = scaledGrid(4000, 3, 50);
    const md = renderRunSummary(run);
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(1024 * 1024 - 16 * 1024);
    const rows = md.split('\n').filter((l) => l.startsWith('| `l4t-package')).length;
    expect(rows).toBeGreaterThan(1000);
    expect(md).toContain(`_${4000 - rows} more packages left out to stay under the 1 MiB summary limit._`);
    expect(md).not.toContain('### Failures');
  });

  it('leaves out the excerpts that do not fit and says how many', () => {
    const run = scaledGrid(400, 3, 1);
    const md = renderRunSummary(run);
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(1024 * 1024 - 16 * 1024);
    expect(md.split('\n').filter((l) => l.startsWith('| `l4t-package')).length).toBe(400);
    const shown = md.split('\n').filter((l) => l.startsWith('<details><summary>❌')).length;
    expect(shown).toBeGreaterThan(50);
    expect(md).toContain(`_${1200 - shown} more failures left out to stay under the 1 MiB summary limit._`);
  });
});
