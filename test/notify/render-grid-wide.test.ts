// A grid wider than a chat line: 2 packages × 128 platforms whose only failure is the last column. Each
// package line lists its failed cells first and counts the built ones it has no room for, so the failure on
// jp6-orin-127 is on screen in Discord and Slack, no link or code span is cut open, and Discord attaches the
// full list whenever a line counted cells instead of listing them.
import { describe, expect, it } from 'vitest';
import type { RunReport, RunRow } from '../../src/report/run-report.js';
import { renderRunDiscord } from '../../src/notify/render/run-discord.js';
import { renderRunSlack } from '../../src/notify/render/run-slack.js';
import { renderRunTeams } from '../../src/notify/render/run-teams.js';
import { checkSlackLimits } from '../../src/notify/render/slack-limits.js';
import { checkTeamsLimits } from '../../src/notify/render/teams-limits.js';
import { expectValidDiscordBody } from '../support/discord-spec.js';
import { GRID_RUN_URL, scaledPlatforms } from '../support/grid.js';
import { compactDiscordOptions } from '../support/render-context.js';
import { cellRow, gridReport } from './render-grid-run.js';

const opts = compactDiscordOptions();

/** `packages` × 128 platforms; `fails(pkg, platform)` says which cells failed their build. */
function wideGrid(packages: string[], fails: (pkg: string, platform: string) => boolean): RunReport {
  const platforms = scaledPlatforms(128);
  let cell = 0;
  const rows: RunRow[] = packages.flatMap((pkg) =>
    platforms.map((pl) => {
      const row = cellRow(pkg, pl.name, fails(pkg, pl.name) ? 'build-failure' : 'success', cell);
      // Job URLs as GitHub writes them: the longest part of a linked cell.
      row.web_url = `${GRID_RUN_URL}/job/${50_000_000_000 + cell++}`;
      return row;
    }),
  );
  return gridReport(platforms, rows);
}

const lastColumnFails = (): RunReport =>
  wideGrid(['pkg-000', 'pkg-001'], (pkg, platform) => pkg === 'pkg-001' && platform === 'jp6-orin-127');

/** Discord markdown with every well-formed link taken out: what is left must hold no link syntax. */
function withoutLinks(line: string): string {
  return line.replace(/\[[^\]]*\]\(https:\/\/[^\s()]+\)/g, '');
}

describe('a 2 × 128 grid whose only failure is pkg-001 on jp6-orin-127', () => {
  it('Discord: the failed cell first on its line, the built ones counted, nothing cut open, the list attached', () => {
    const { body, files } = renderRunDiscord(lastColumnFails(), opts);
    expectValidDiscordBody(body);
    const description = (body as { embeds: { description: string }[] }).embeds[0]!.description;
    const lines = description.split('\n');
    const line = lines.find((l) => l.startsWith('**pkg-001**'))!;
    expect(line).toMatch(
      /^\*\*pkg-001\*\* — \[❌ jp6-orin-127 build\]\(https:\/\/github\.com\/acme\/jetson-images\/actions\/runs\/987654321\/job\/50000000255\) · /,
    );
    // The built cells it had no room for are counted at the end: shown + counted = the 127 that built.
    const counted = /· ✅ (\d+) others$/.exec(line);
    expect(counted).not.toBeNull();
    const shownBuilt = (line.match(/✅ jp6-orin|✅ jp5-xavier|✅ x86-desktop|✅ jp7-thor|✅ jp4-nano/g) ?? [])
      .length;
    expect(shownBuilt + Number(counted![1])).toBe(127);
    expect(line.length).toBeLessThanOrEqual(1000);
    for (const l of lines) {
      expect(withoutLinks(l)).not.toMatch(/(?<!\\)[[\]]|\]\(|…$/);
      expect(l.endsWith('…')).toBe(false);
    }
    expect(files.map((f) => f.name)).toEqual(['packages.txt']);
    const text = files[0]!.data.toString('utf8');
    expect(text).toContain('failure   pkg-001 on jp6-orin-127');
    expect(text.split('\n').filter((l) => / on jp6-orin-\d+ /.test(l)).length).toBe(2 * 122);
  });

  it('Slack: jp6-orin-127 named as failed, within the limits', () => {
    const { body } = renderRunSlack(lastColumnFails());
    expect(checkSlackLimits(body)).toEqual([]);
    const b = body as { attachments: { blocks: { text?: { text: string } }[] }[] };
    const section = b.attachments[0]!.blocks.map((x) => x.text?.text ?? '').find((t) => t.startsWith('*'))!;
    const line = section.split('\n').find((l) => l.startsWith('*pkg-001*'))!;
    expect(line).toMatch(
      /^\*pkg-001\* — <https:\/\/github\.com\/acme\/jetson-images\/actions\/runs\/987654321\/job\/50000000255\|❌ jp6-orin-127 build> · /,
    );
    expect(line).toMatch(/· ✅ \d+ others$/);
    // Every `<` opens a whole link.
    expect(line.replace(/<https:[^<>|]+\|[^<>]*>/g, '')).not.toMatch(/[<>]/);
  });

  it('Teams: the failed cell first, as in the chat lines', () => {
    const { body } = renderRunTeams(lastColumnFails());
    expect(checkTeamsLimits(body)).toEqual([]);
    expect(JSON.stringify(body)).toContain(
      '"title":"❌ pkg-001","value":"❌ jp6-orin-127 build · ✅ jp6-orin',
    );
  });
});

describe('a package that failed on all 128 platforms', () => {
  it('Discord and Slack: as many failed cells as fit, then how many more failed', () => {
    const run = wideGrid(['pkg-000'], () => true);
    const { body, files } = renderRunDiscord(run, opts);
    expectValidDiscordBody(body);
    const line = (body as { embeds: { description: string }[] }).embeds[0]!.description.split('\n').find(
      (l) => l.startsWith('**pkg-000**'),
    )!;
    const more = /· ❌ (\d+) more failed$/.exec(line);
    expect(more).not.toBeNull();
    const shown = (line.match(/❌ [a-z0-9-]+ build/g) ?? []).length;
    expect(shown).toBeGreaterThan(5);
    expect(shown + Number(more![1])).toBe(128);
    expect(files.map((f) => f.name)).toEqual(['packages.txt']);

    const slack = JSON.stringify(renderRunSlack(run).body);
    const m = /❌ (\d+) more failed/.exec(slack);
    expect(m).not.toBeNull();
    expect((slack.match(/❌ [a-z0-9-]+ build/g) ?? []).length + Number(m![1])).toBe(128);
  });
});
