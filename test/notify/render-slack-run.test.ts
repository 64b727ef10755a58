// The fleet's RunReport as a Slack message: the rows failures first (then without a report, cancelled,
// built), folded into "… and N more" lines within one section's 3000 characters, the totals and the links —
// at 3, 256 and 500 rows, and with hostile row text.
import { describe, expect, it } from 'vitest';
import { renderRunSlack } from '../../src/notify/render/run-slack.js';
import { checkSlackLimits, type SlackBody } from '../../src/notify/render/slack.js';
import type { RunReport, RunRow, RunRowStatus } from '../../src/report/run-report.js';

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
    image: status === 'success' ? `${name}:r36.4.tegra-aarch64-cu126-22.04` : null,
    pushed_image: null,
    duration_seconds: 100 + i,
    failure:
      status === 'failure'
        ? {
            stage: 'python',
            phase: 'build',
            error: `ERROR: failed to solve: exit code: 1 ${'x'.repeat(300)}`,
            excerpt: ['```', '<!channel>'],
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

/** `count` rows, the last `failures` failed (the worst case for failures first), `missing` first. */
function runWith(count: number, failures: number, missing = 0): RunReport {
  const rows: RunRow[] = [];
  for (let i = 0; i < count; i++) {
    const name = `l4t-package-with-a-long-name-${String(i).padStart(3, '0')}:r36.4`;
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
    build_seconds_sum: 3600 * count,
    totals,
    platforms: [],
    failed: [],
    failed_packages: rows.filter((r) => r.status !== 'success').map((r) => r.name),
    missing_packages: rows.filter((r) => r.status === 'missing').map((r) => r.name),
    images: [],
    jobs: {},
    runs: rows,
  };
}

const render = (run: RunReport, change: 'unknown' | 'broken' | 'fixed' = 'unknown'): SlackBody =>
  renderRunSlack(run, {}, { event: 'finished', change }).body as SlackBody;

function sectionTexts(body: SlackBody): string[] {
  return body.attachments[0]!.blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
}

function rowLines(body: SlackBody): string[] {
  return sectionTexts(body).at(-1)?.split('\n') ?? [];
}

describe('renderRunSlack', () => {
  it('3 rows: every row, the failure first and linked to its job, the totals, the run link', () => {
    const body = render(runWith(3, 1), 'broken');
    expect(body.text).toBe('❌ Jetson build broken: 1 of 3 failed · acme/jetson-images');
    expect(body.attachments[0]?.color).toBe('#E01E5A');
    const [header, facts] = body.attachments[0]!.blocks;
    expect(header).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '❌ Jetson build broken: 1 of 3 failed', emoji: true },
    });
    expect(facts?.type === 'section' && facts.fields?.map((f) => f.text)).toEqual([
      '*Packages*\n✅ 2 built\n❌ 1 failed',
      '*Time*\n1h 00m 00s wall\n3h 00m 00s of builds',
      '*Ref*\nmain @ `0123456`',
    ]);
    const lines = rowLines(body);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      `❌ <${RUN_URL}/job/50000000002|l4t-package-with-a-long-name-002:r36.4> — \`build · python\` ` +
        `ERROR: failed to solve: exit code: 1 ${'x'.repeat(102)}…`,
    );
    expect(lines[1]).toBe('✅ *l4t-package-with-a-long-name-000:r36.4* · 1m 40s');
    const context = body.attachments[0]!.blocks.at(-1);
    expect(context?.type === 'context' && context.elements.map((e) => ('text' in e ? e.text : ''))).toEqual([
      `<${RUN_URL}|Open the run>`,
      'acme/jetson-images · Build on the Jetson fleet · run 987654321',
    ]);
    expect(checkSlackLimits(body)).toEqual([]);
  });

  it('256 rows with 40 failures: every failure shown before any success, the rest folded', () => {
    const body = render(runWith(256, 40));
    expect(checkSlackLimits(body)).toEqual([]);
    const lines = rowLines(body);
    const firstSuccess = lines.findIndex((l) => !l.startsWith('❌ '));
    expect(lines.slice(0, firstSuccess).every((l) => l.startsWith('❌ <'))).toBe(true);
    // 40 long failure lines do not fit 3000 characters: the failures fold, and the built rows become a count.
    expect(lines.slice(firstSuccess)).toEqual([`… and ${40 - firstSuccess} more failed`, '✅ 216 built']);
    expect(sectionTexts(body).at(-1)!.length).toBeLessThanOrEqual(3000);
  });

  it('500 rows, 10 without a report and 5 failed: failed, then missing, then built, within the limits', () => {
    const body = render(runWith(500, 5, 10));
    expect(checkSlackLimits(body)).toEqual([]);
    const icons = rowLines(body).map((l) => [...l][0]);
    expect(icons.slice(0, 5)).toEqual(['❌', '❌', '❌', '❌', '❌']);
    expect(icons.slice(5, 15)).toEqual(Array(10).fill('❔'));
    expect(rowLines(body).at(-1)).toBe('✅ 485 built');
    expect(body.text).toBe(
      '❌ Jetson build failed: 5 failed, 10 without a report (of 500) · acme/jetson-images',
    );
  });

  it('a successful run: green, fixed when the last run failed', () => {
    const body = render(runWith(3, 0), 'fixed');
    expect(body.attachments[0]?.color).toBe('#2EB67D');
    expect(body.text).toBe('✅ Jetson build fixed: 3/3 packages built · acme/jetson-images');
  });

  it('hostile row names and errors stay inert', () => {
    const run = runWith(5, 2);
    run.runs = run.runs.map((r) => ({
      ...r,
      name: `<!channel> *${r.name}* <https://evil.example|x>`,
      failure: r.failure ? { ...r.failure, error: '@here `x` <@U123>' } : null,
    }));
    run.message = '<!everyone> ```';
    const body = render(run);
    expect(checkSlackLimits(body)).toEqual([]);
    const json = JSON.stringify(body);
    expect(json).not.toMatch(/<!|<@|<https:\/\/evil|@here/);
    expect(rowLines(body)[0]).toMatch(/^❌ <https:\/\/github\.com\/[^|]+\|&lt;\u200b!channel&gt; ∗l4t/);
  });
});
