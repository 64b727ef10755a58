// The live run message of a grid: each leg's line shows its title (`jp6-orin · torchvision`), keyed as before
// by its leg name, so a leg finds and replaces its own line; the state code is unchanged. 256 legs fit.
import { describe, expect, it } from 'vitest';
import {
  hasLegLine,
  legLine,
  mergeLegLine,
  parseLiveRun,
  planLiveRun,
  renderLiveRun,
  type PlannedLeg,
} from '../../src/notify/render/run-live-discord.js';
import { legResult, readMatrixLeg } from '../../src/notify/run-line.js';
import { expectValidDiscordBody } from '../support/discord-spec.js';
import { stageFailure } from '../support/reports.js';

const RUN_URL = 'https://github.com/acme/jetson-images/actions/runs/987654321';

/** The plan's matrix entries of a grid: `jp6-orin--torchvision`, titled `jp6-orin · torchvision`. */
function gridLegs(packages: string[], platforms: string[]): PlannedLeg[] {
  return platforms.flatMap((pl, c) =>
    packages.map((p, r) => ({
      leg: `${pl}--${p.replace(/[^A-Za-z0-9._-]+/g, '-')}`,
      title: `${pl} · ${p}`,
      packages: p,
      platform: pl,
      index: c * packages.length + r,
    })),
  );
}

function description(body: unknown): string {
  return (body as { embeds: { description: string }[] }).embeds[0]!.description;
}

describe('live run message of a grid', () => {
  const legs = gridLegs(['pytorch:2.8', 'torchvision'], ['jp6-orin', 'jp5-xavier']);

  it('shows each pending leg by its title, keyed by its leg name', () => {
    const run = planLiveRun(legs, RUN_URL, 'acme/jetson-images · run 987654321');
    const { body } = renderLiveRun(run, 'create');
    expectValidDiscordBody(body);
    expect(description(body).split('\n').slice(3)).toEqual([
      '⏳ `jp6-orin--pytorch-2.8` jp6-orin · pytorch:2.8',
      '⏳ `jp6-orin--torchvision` jp6-orin · torchvision',
      '⏳ `jp5-xavier--pytorch-2.8` jp5-xavier · pytorch:2.8',
      '⏳ `jp5-xavier--torchvision` jp5-xavier · torchvision',
    ]);
    expect(parseLiveRun({ embeds: (body as { embeds: unknown[] }).embeds })?.lines.map((l) => l.key)).toEqual(
      [
        'jp6-orin--pytorch-2.8',
        'jp6-orin--torchvision',
        'jp5-xavier--pytorch-2.8',
        'jp5-xavier--torchvision',
      ],
    );
  });

  it("a finished leg's line replaces its own pending line and keeps its title", () => {
    const matrix = JSON.stringify({ ...legs[3], 'runs-on': ['self-hosted', 'jp5'] });
    const ref = readMatrixLeg(matrix);
    expect(ref).toEqual({
      leg: 'jp5-xavier--torchvision',
      index: 3,
      title: 'jp5-xavier · torchvision',
      platform: 'jp5-xavier',
    });
    const report = stageFailure();
    report.run.jobUrl = `${RUN_URL}/job/777`;
    const line = legLine(legResult(ref!.leg, report, ref!));
    expect(
      line.text.startsWith(
        `❌ [\`jp5-xavier--torchvision\`](${RUN_URL}/job/777) jp5-xavier · torchvision · `,
      ),
    ).toBe(true);
    const planned = planLiveRun(legs, RUN_URL, 'acme');
    const stored = { embeds: (renderLiveRun(planned, 'edit').body as { embeds: unknown[] }).embeds };
    const merged = mergeLegLine(parseLiveRun(stored)!, 3, line)!;
    const edited = renderLiveRun(merged, 'edit');
    expectValidDiscordBody(edited.body, 'edit');
    const back = parseLiveRun({ embeds: (edited.body as { embeds: unknown[] }).embeds })!;
    expect(hasLegLine(back, 3, line)).toBe(true);
    expect(back.lines.filter((l) => l.key === 'jp5-xavier--torchvision')).toHaveLength(1);
    expect(back.states).toEqual(['pending', 'pending', 'pending', 'failure']);
  });

  it('a one-platform leg reads as before: no title after its key', () => {
    const ref = readMatrixLeg(
      JSON.stringify({ leg: 'pytorch-2.8', title: 'pytorch-2.8', platform: '', index: 0 }),
    );
    expect(ref).toEqual({ leg: 'pytorch-2.8', index: 0, title: null, platform: null });
    const run = planLiveRun(
      [{ leg: 'pytorch-2.8', title: 'pytorch-2.8', platform: '', packages: 'pytorch:2.8', index: 0 }],
      RUN_URL,
      'acme',
    );
    expect(run.lines[0]!.text).toBe('⏳ `pytorch-2.8` pytorch:2.8');
  });

  it('256 legs of a 128 × 2 grid fit in one message', () => {
    const names = Array.from({ length: 128 }, (_, i) => `l4t-package-with-a-long-name-${i}:r36.4`);
    const run = planLiveRun(gridLegs(names, ['jp6-orin', 'jp5-xavier']), RUN_URL, 'acme');
    const { body } = renderLiveRun(run, 'create');
    expectValidDiscordBody(body);
    const text = description(body);
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text).toMatch(/\n… and \d+ more to go$/);
    expect(parseLiveRun({ embeds: (body as { embeds: unknown[] }).embeds })!.states).toHaveLength(256);
  });
});
