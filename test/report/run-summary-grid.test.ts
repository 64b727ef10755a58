// The 10 × 3 grid from its fixture reports and leg records (test/support/grid.ts) through buildRunReport into
// the job summary and the Discord message: what a user of the reusable workflow sees for a grid.
import { describe, expect, it } from 'vitest';
import { buildRunReport } from '../../src/report/run-report.js';
import { renderRunSummary, SUMMARY_MAX_BYTES } from '../../src/report/run-summary.js';
import { renderRunDiscord } from '../../src/notify/render/run-discord.js';
import { expectValidDiscordBody } from '../support/discord-spec.js';
import { GRID_RUN_URL, gridInput, scaledGridInput } from '../support/grid.js';

const JOB = `${GRID_RUN_URL}/job`;
const discordOpts = {
  username: null,
  avatarUrl: null,
  threadId: null,
  threadName: null,
  attachLog: 'failure' as const,
  style: 'compact' as const,
  mentionOnFailure: { users: [], roles: [] },
  live: false,
  liveIntervalMs: 10_000,
};

describe('a 10 × 3 grid from its reports', () => {
  const run = buildRunReport(gridInput());

  it('job summary: columns with their environment, a cell per leg linked to its job', () => {
    const lines = renderRunSummary(run).split('\n');
    expect(lines).toContain(
      '| Package | jp6-orin<br>L4T 36.4.4 · CUDA 12.6 | jp5-xavier<br>L4T 35.4.1 · CUDA 11.4 | x86-desktop<br>CUDA 12.8 · x86\\_64 |',
    );
    expect(lines).toContain(
      `| \`torchvision\` | [✅](${JOB}/jp6-orin--torchvision) | [❌ build 9/9](${JOB}/jp5-xavier--torchvision) | [✅](${JOB}/x86-desktop--torchvision) |`,
    );
    // opencv and cmake share a --multiple leg on each platform: one job, two rows.
    expect(lines).toContain(
      `| \`cmake\` | [✅](${JOB}/jp6-orin--opencv-cmake) | [✅](${JOB}/jp5-xavier--opencv-cmake) | [⏭ not built](${JOB}/x86-desktop--opencv-cmake) |`,
    );
    expect(lines.find((l) => l.startsWith('| `transformers`'))).toContain(
      `[✅ ⚠](${JOB}/jp5-xavier--transformers)`,
    );
  });

  it('Discord: one line per package, failures first, within the schema', () => {
    const { body } = renderRunDiscord(run, discordOpts);
    expectValidDiscordBody(body);
    const embed = (body as { embeds: { title: string; description: string }[] }).embeds[0]!;
    expect(embed.title).toBe(
      '❌ Jetson build failed: 5 failed, 1 without a report (of 30 builds) on all 3 platforms',
    );
    const first = embed.description.split('\n').find((l) => l.startsWith('**'));
    expect(first).toBe(
      `**pytorch:2.8** — [✅ jp6-orin](${JOB}/jp6-orin--pytorch-2.8) · [✅ jp5-xavier](${JOB}/jp5-xavier--pytorch-2.8) · [❌ x86-desktop test 9/9](${JOB}/x86-desktop--pytorch-2.8)`,
    );
  });
});

describe('a 128 × 2 grid from its reports', () => {
  it('job summary: every row and every excerpt within the limit', () => {
    const md = renderRunSummary(buildRunReport(scaledGridInput({ packages: 128, platforms: 2 })));
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(md.split('\n').filter((l) => l.startsWith('| `pkg-')).length).toBe(128);
    // Every 7th of 256 cells fails.
    expect(md.split('\n').filter((l) => l.startsWith('<details><summary>❌ pkg-')).length).toBe(36);
  });
});
