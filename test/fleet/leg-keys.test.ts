// Issue 11 follow-up: every leg of the plan has a line of its own in the live run message — names that slug
// alike past 60 characters (de-duplicated with a suffix) stay apart once made line keys.
import { describe, expect, it } from 'vitest';
import { planMatrix } from '../../src/fleet/plan.js';
import {
  legKey,
  legLine,
  mergeLegLine,
  parseLiveRun,
  planLiveRun,
  renderLiveRun,
} from '../../src/notify/render/run-live-discord.js';

describe('leg keys of a 256-leg plan', () => {
  const pkgs = Array.from({ length: 256 }, (_, i) => `pkg-${String(i).padStart(3, '0')}-${'n'.repeat(70)}`);
  pkgs[5] = 'a'.repeat(70) + 'x';
  pkgs[6] = 'a'.repeat(70) + 'y';
  const plan = planMatrix(pkgs);

  it('are unique, at most 60 characters, and the leg names themselves', () => {
    const legs = plan.include.map((l) => l.leg);
    expect(legs[5]).toBe('a'.repeat(60));
    expect(legs[6]).toBe('a'.repeat(58) + '-7');
    expect(legs.every((l) => l.length <= 60 && legKey(l) === l)).toBe(true);
    expect(new Set(legs.map(legKey)).size).toBe(256);
  });

  it('two such legs finishing each keep their own line', () => {
    let run = planLiveRun(plan.include.slice(0, 8), null, 'octo-org/jetson-images · run 4242');
    for (const index of [5, 6]) {
      const leg = plan.include[index]!;
      const line = legLine({ leg: leg.leg, status: 'success', url: null, durationSeconds: 60 + index });
      run = parseLiveRun(renderLiveRun(mergeLegLine(run, index, line)!, 'edit').body)!;
    }
    const done = run.lines.filter((l) => l.status === 'success').map((l) => l.text);
    expect(done).toEqual([`✅ \`${'a'.repeat(60)}\` · 1m 05s`, `✅ \`${'a'.repeat(58)}-7\` · 1m 06s`]);
  });
});
