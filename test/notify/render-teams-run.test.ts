// The Microsoft Teams card for a fleet RunReport: totals, one fact per row with failures first, the rest
// counted, a button to the run; valid for the Adaptive Cards SDK and within Teams' limit at any size.
import { describe, expect, it } from 'vitest';
import type { RunReport, RunRow, RunRowStatus } from '../../src/report/run-report.js';
import { renderRunTeams, runHeadline } from '../../src/notify/render/run-teams.js';
import { checkTeamsLimits } from '../../src/notify/render/teams-limits.js';
import { adaptiveCardProblems, cardOf, cardTexts, TEAMS_MAX_BYTES } from '../support/adaptive-card.js';

const RUN_URL = 'https://github.com/acme/jetson-images/actions/runs/987654321';

function row(name: string, status: RunRowStatus, i: number): RunRow {
  return {
    name,
    status,
    requested: name,
    reason:
      status === 'missing'
        ? 'no report: the runner was lost'
        : status === 'cancelled'
          ? 'the run was cancelled'
          : null,
    image: status === 'success' ? `${name}-r36.4.tegra-aarch64-cu126-22.04` : null,
    pushed_image: null,
    duration_seconds: 100 + i,
    failure:
      status === 'failure'
        ? {
            stage: 'python',
            phase: 'build',
            error: `ERROR: failed to solve: exit code: 1 ${'x'.repeat(300)}`,
            excerpt: [],
          }
        : null,
    log_url: `${RUN_URL}/artifacts/${1000 + i}`,
    web_url: `${RUN_URL}/job/${50000000000 + i}`,
    created: '2026-11-20T10:00:00.000Z',
    completed: '2026-11-20T11:00:00.000Z',
    host_tag: `jetson-orin-agx-${i % 16}`,
    leg: name,
    platform: null,
    environment: null,
    platform_mismatch: null,
    change: null,
  };
}

/** `count` rows, the LAST `failures` of them failed (the worst case for failures first). */
function runWith(count: number, failures: number, missing = 0): RunReport {
  const rows: RunRow[] = [];
  for (let i = 0; i < count; i++) {
    const name = `pkg-${String(i).padStart(3, '0')}`;
    const status: RunRowStatus = i >= count - failures ? 'failure' : i < missing ? 'missing' : 'success';
    rows.push(row(name, status, i));
  }
  const totals = { packages: count, cells: count, success: 0, failure: 0, cancelled: 0, missing: 0 };
  for (const r of rows) totals[r.status] += 1;
  return {
    schema_version: 2,
    event: 'jetson.run.finished',
    build_id: '987654321',
    url: RUN_URL,
    web_url: RUN_URL,
    status: totals.failure + totals.missing > 0 ? 'failure' : 'success',
    message: `${totals.success} of ${count} packages built.`,
    trigger_name: 'Build on the Jetson fleet',
    repository: 'acme/jetson-images',
    ref: 'refs/heads/main',
    sha: '0123456789abcdef0123456789abcdef01234567',
    run_attempt: '1',
    created: '2026-11-20T10:00:00.000Z',
    completed: '2026-11-20T11:00:00.000Z',
    wall_seconds: 3600,
    build_seconds_sum: 3600 * 3,
    totals,
    platforms: [],
    failed: [],
    failed_packages: rows.filter((r) => r.status !== 'success').map((r) => r.name),
    missing_packages: rows.filter((r) => r.status === 'missing').map((r) => r.name),
    images: [],
    jobs: { plan: 'success', build: totals.failure ? 'failure' : 'success' },
    runs: rows,
  };
}

function bytes(body: unknown): number {
  return Buffer.byteLength(JSON.stringify(body), 'utf8');
}

describe('renderRunTeams', () => {
  it('3 rows: headline, sentence, totals, a fact per row (the failure first), footer, two buttons', () => {
    const { body } = renderRunTeams(runWith(3, 1));
    expect(cardTexts(body)).toEqual([
      '❌ Jetson build failed: 1 of 3 failed',
      '2 of 3 packages built.',
      'Packages: ✅ 2 built · ❌ 1 failed',
      'Time: 1h 00m 00s wall · 3h 00m 00s of builds',
      'Ref: main @ 0123456',
      `❌ pkg-002: build · python — ERROR: failed to solve: exit code: 1 ${'x'.repeat(102)}…`,
      '✅ pkg-000: pkg-000-r36.4.tegra-aarch64-cu126-22.04 · 1m 40s',
      '✅ pkg-001: pkg-001-r36.4.tegra-aarch64-cu126-22.04 · 1m 41s',
      'acme/jetson-images · Build on the Jetson fleet · run 987654321',
    ]);
    const card = cardOf(body);
    expect(card.body[0]).toMatchObject({ color: 'Attention', size: 'Large', weight: 'Bolder' });
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the run', url: RUN_URL },
      { type: 'Action.OpenUrl', title: 'Job: pkg-002', url: `${RUN_URL}/job/50000000002` },
    ]);
    expect(adaptiveCardProblems(body)).toEqual([]);
  });

  it.each([
    [256, 5, 2, '… and 226 more: 226 built'],
    [500, 40, 10, '… and 470 more: 10 failed, 10 without a report, 450 built'],
  ])(
    '%i rows (%i failed, %i without a report): valid, within the limit, failures first, the rest counted',
    (count, failures, missing, fold) => {
      const { body } = renderRunTeams(runWith(count, failures, missing));
      expect(adaptiveCardProblems(body)).toEqual([]);
      expect(checkTeamsLimits(body)).toEqual([]);
      expect(bytes(body)).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
      const rows = cardTexts(body).filter((t) => /^((❌|❔|✅) pkg-|… and )/.test(t));
      const icons = rows.slice(0, -1).map((t) => t.slice(0, 1));
      const expected = [
        ...Array<string>(Math.min(failures, 30)).fill('❌'),
        ...Array<string>(Math.min(missing, Math.max(0, 30 - failures))).fill('❔'),
      ];
      expected.push(...Array<string>(30 - expected.length).fill('✅'));
      expect(icons).toEqual(expected);
      expect(rows[rows.length - 1]).toBe(fold);
    },
  );

  it('500 rows all failed: the fold counts them as failed', () => {
    const { body } = renderRunTeams(runWith(500, 500));
    expect(adaptiveCardProblems(body)).toEqual([]);
    const texts = cardTexts(body);
    expect(texts[0]).toBe('❌ Jetson build failed: 500 of 500 failed');
    expect(texts.filter((t) => t.startsWith('… and'))).toEqual([`… and 470 more: 470 failed`]);
  });

  it('words a change and a cancel in the headline', () => {
    expect(runHeadline(runWith(3, 0), 'fixed')).toBe('✅ Jetson build fixed: 3/3 packages built');
    expect(runHeadline(runWith(3, 1), 'broken')).toBe('❌ Jetson build broken: 1 of 3 failed');
    expect(runHeadline(runWith(4, 1, 1))).toBe('❌ Jetson build failed: 1 failed, 1 without a report (of 4)');
    const cancelled = { ...runWith(3, 0), status: 'cancelled' as const };
    expect(runHeadline(cancelled)).toBe('⏹ Jetson build cancelled: 3/3 built');
  });

  it('row names and errors from the legs stay inert: no link, mention or formatting', () => {
    const run = runWith(3, 1);
    run.runs[2]!.name = '[x](https://evil.example) <at>Everyone</at>';
    run.runs[2]!.failure!.error = '**bold** `code` \ud800';
    run.runs[2]!.web_url = 'javascript:alert(1)';
    const { body } = renderRunTeams(run);
    expect(adaptiveCardProblems(body)).toEqual([]);
    expect(cardTexts(body)[5]).toBe(
      '❌ \\[x\\](https:\u200b//evil.example) \\<at\\>Everyone\\</at\\>: build · python — \\*\\*bold\\*\\* \\`code\\` \ufffd',
    );
    // The failed job's URL is not https: no button for it.
    expect(cardOf(body).actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open the run', url: RUN_URL }]);
  });
});
