import { describe, expect, it } from 'vitest';
import type { RunReport, RunRow, RunRowStatus } from '../../src/report/run-report.js';
import {
  DISCORD_LIMITS,
  embedTextLength,
  fitRows,
  renderRunDiscord,
} from '../../src/notify/render/run-discord.js';
import { renderRunGeneric } from '../../src/notify/render/run-generic.js';
import { renderRunSummary } from '../../src/report/run-summary.js';
import { discordFencesBalanced, stringsIn } from '../support/markdown.js';
import { compactDiscordOptions } from '../support/render-context.js';

const opts = compactDiscordOptions();
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
            stage: name,
            phase: 'build',
            error: `ERROR: failed to solve: process "/bin/sh -c /tmp/${name}/install.sh" did not complete successfully: exit code: 1 ${'x'.repeat(300)}`,
            excerpt: Array.from({ length: 40 }, (_, k) => `line ${k} of ${name} \`\`\` @everyone`),
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

/** `count` rows named long-ish, the last `failures` of them failed: the worst case for "failures first". */
function runWith(
  count: number,
  failures: number,
  extra: Partial<Record<RunRowStatus, number>> = {},
): RunReport {
  const rows: RunRow[] = [];
  for (let i = 0; i < count; i++) {
    const name = `l4t-package-with-a-long-name-${String(i).padStart(3, '0')}:r36.4`;
    let status: RunRowStatus = 'success';
    if (i >= count - failures) status = 'failure';
    else if (i < (extra.missing ?? 0)) status = 'missing';
    else if (i < (extra.missing ?? 0) + (extra.cancelled ?? 0)) status = 'cancelled';
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
    status: totals.failure + totals.missing > 0 ? 'failure' : totals.cancelled > 0 ? 'cancelled' : 'success',
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
    failed_packages: rows.filter((r) => r.status === 'failure' || r.status === 'missing').map((r) => r.name),
    missing_packages: rows.filter((r) => r.status === 'missing').map((r) => r.name),
    images: rows.filter((r) => r.image).map((r) => r.image as string),
    jobs: { plan: 'success', build: 'failure' },
    runs: rows,
  };
}

interface Embed {
  title: string;
  description: string;
  url?: string;
  fields: { name: string; value: string }[];
  footer: { text: string };
}
interface Body {
  content: string;
  embeds: Embed[];
  allowed_mentions: unknown;
  username?: string;
}

function expectWithinDiscordLimits(body: Body): void {
  expect(body.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(body.embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of body.embeds) {
    expect(e.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(e.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(e.fields.length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    for (const f of e.fields) {
      expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
      expect(f.value.length).toBeGreaterThan(0);
    }
    expect(e.footer.text.length).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
    total += embedTextLength(e);
  }
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  expect(body.allowed_mentions).toEqual({ parse: [] });
}

describe('renderRunDiscord', () => {
  for (const count of [256, 300]) {
    it(`fits ${count} rows with the failures at the END of the list, showing every failure first`, () => {
      const run = runWith(count, 5);
      const { body, files } = renderRunDiscord(run, opts);
      const b = body as Body;
      expectWithinDiscordLimits(b);
      const desc = b.embeds[0]?.description ?? '';
      for (const name of run.failed_packages) expect(desc).toContain(name);
      // Failures come before any success row.
      const firstSuccess = desc.indexOf('✅');
      const lastFailure = desc.lastIndexOf('❌');
      expect(lastFailure).toBeGreaterThan(-1);
      expect(firstSuccess).toBeGreaterThan(lastFailure);
      expect(desc).toMatch(/… and \d+ more built/);
      expect(b.embeds[0]?.url).toBe(RUN_URL);
      expect(desc).toContain(`(${RUN_URL})`);
      // Folded rows ride along in full as a text file.
      expect(files).toHaveLength(1);
      const text = files[0]?.data.toString('utf8') ?? '';
      for (const r of run.runs) expect(text).toContain(r.name);
    });
  }

  it('when even the failures do not fit, shows as many as fit and counts the rest, never a success', () => {
    const run = runWith(300, 300);
    const b = renderRunDiscord(run, opts).body as Body;
    expectWithinDiscordLimits(b);
    const desc = b.embeds[0]?.description ?? '';
    expect(desc).not.toContain('✅');
    const more = /… and (\d+) more failed/.exec(desc);
    expect(more).not.toBeNull();
    const shown = (desc.match(/❌ \[/g) ?? []).length;
    expect(shown + Number(more?.[1])).toBe(300);
    expect(shown).toBeGreaterThan(5);
  });

  it('keeps a count for every group when rows fold: failed, missing, cancelled, built', () => {
    const run = runWith(300, 60, { missing: 40, cancelled: 40 });
    const b = renderRunDiscord(run, opts).body as Body;
    expectWithinDiscordLimits(b);
    const desc = b.embeds[0]?.description ?? '';
    expect(desc).toMatch(/(more failed|❌ \d+ failed)/);
    expect(desc).toMatch(/(without a report)/);
    expect(desc).toMatch(/(cancelled)/);
    expect(desc).toMatch(/(more built|✅ \d+ built)/);
  });

  it('lists every row of a small run with no attachment', () => {
    const run = runWith(3, 1);
    const { body, files } = renderRunDiscord(run, opts);
    const b = body as Body;
    expectWithinDiscordLimits(b);
    for (const r of run.runs)
      expect(b.embeds[0]?.description).toContain(r.name.replace(/[_*~|`>()<[\]]/g, (m) => `\\${m}`));
    expect(files).toHaveLength(0);
    expect(b.username).toBe('Jetson CI');
    expect(b.embeds[0]?.title).toMatch(/^❌ Jetson build failed: 1 of 3/);
  });

  it('neutralises mentions and fences coming from build output', () => {
    const run = runWith(4, 2);
    for (const r of run.runs) if (r.failure) r.failure.error = '@everyone <@123> ``` `rm -rf` **bold**';
    const b = renderRunDiscord(run, opts).body as Body;
    for (const [, text] of stringsIn(b)) {
      expect(text).not.toMatch(/@(everyone|here)/);
      expect(text).not.toMatch(/<@\d/);
    }
    expect(discordFencesBalanced(b.embeds[0]?.description ?? '')).toBe(true);
  });

  it('says success plainly when everything built', () => {
    const b = renderRunDiscord(runWith(2, 0), opts).body as Body;
    expect(b.embeds[0]?.title).toBe('✅ Jetson build: 2/2 packages built');
    expect(b.content).toMatch(/succeeded: 2 packages/);
  });
});

describe('fitRows', () => {
  it('never exceeds its budget, whatever the budget', () => {
    const run = runWith(300, 20, { missing: 10, cancelled: 10 });
    for (const budget of [0, 10, 50, 100, 500, 1000, 3000, 4096]) {
      expect(fitRows(run.runs, budget).text.length).toBeLessThanOrEqual(budget);
    }
  });
});

describe('renderRunGeneric', () => {
  it('is the RunReport itself', () => {
    const run = runWith(3, 1);
    const { body, files } = renderRunGeneric(run);
    expect(body).toBe(run);
    expect(files).toEqual([]);
  });
});

describe('renderRunSummary', () => {
  it('holds the full table, failures first, with excerpts', () => {
    const run = runWith(300, 5);
    const md = renderRunSummary(run);
    for (const r of run.runs) expect(md).toContain(r.name);
    expect(md.indexOf('❌ failure')).toBeLessThan(md.indexOf('✅ success'));
    expect(md).toContain('<details>');
    // Outside the verbatim log excerpts, no live-looking mention.
    expect(md.replace(/(`{3,})text\n[\s\S]*?\n\1/g, '')).not.toMatch(/@everyone/);
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThan(1024 * 1024);
  });

  it('stays under 1 MiB with enormous runs, saying what it left out', () => {
    const run = runWith(256, 256);
    for (const r of run.runs) r.name = r.name + 'n'.repeat(100);
    const many: RunReport = { ...run, runs: Array.from({ length: 20 }, () => run.runs).flat() };
    const md = renderRunSummary(many);
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThan(1024 * 1024);
    expect(md).toMatch(/left out to stay under the 1 MiB/);
  });

  it('keeps table cells from breaking the table', () => {
    const run = runWith(2, 1);
    const failed = run.runs.find((r) => r.failure);
    if (failed?.failure) failed.failure.error = 'a | b\nc <script>';
    const md = renderRunSummary(run);
    const line = md.split('\n').find((l) => l.includes('a \\| b'));
    expect(line).toBeDefined();
    expect(line).toContain('&lt;script&gt;');
  });
});
