// The pull-request comment's markdown: concrete bodies for a build and a run, the marker, hostile text
// (mentions, HTML, `</details>`, `-->`, fences), and 10 000 packages under GitHub's 65 536-character limit.
import { describe, expect, it } from 'vitest';
import {
  buildMarker,
  matrixLeg,
  mdText,
  renderBuildComment,
  renderRunComment,
  runMarker,
} from '../../src/report/pr-comment.js';
import type { PackageResult } from '../../src/report/build-report.js';
import type { RunReport, RunRow } from '../../src/report/run-report.js';
import * as F from '../support/reports.js';
import { commonMarkFencesBalanced, hasLoneSurrogate } from '../support/markdown.js';

const NOW = new Date(Date.UTC(2026, 2, 14, 17, 40, 12));
const MARKER = '<!-- jetson-build-action:v1 Build images/build/- -->';
const GITHUB_LIMIT = 65_536;
const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** The markdown with fenced blocks and code spans removed: what GitHub scans for mentions and references. */
function outsideCode(md: string): string {
  const lines: string[] = [];
  let fence: number | null = null;
  for (const line of md.split('\n')) {
    const m = /^ {0,3}(`{3,})/.exec(line);
    if (m && fence === null) fence = m[1]!.length;
    else if (m && m[1]!.length >= (fence ?? 0) && line.trim() === m[1]) fence = null;
    else if (fence === null) lines.push(line);
  }
  return lines.join('\n').replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
}

/** `@name` and `#12` that GitHub would turn into a mention or a reference. */
const liveMentions = (md: string): string[] => outsideCode(md).match(/@[A-Za-z0-9_-]+|#\d+/g) ?? [];
/** HTML tags outside code, but for the comment's own. */
const foreignTags = (md: string): string[] =>
  (outsideCode(md).match(/<[^>\n]*>?/g) ?? []).filter(
    (t) => !/^(<!-- jetson-build-action:v1 [^\n]* -->|<\/?(details|summary|sub)>)$/.test(t),
  );
/** Unescaped `|` in a table row: the cell separators. */
const separators = (row: string): number => (row.match(/(?<!\\)\|/g) ?? []).length;

describe('renderBuildComment', () => {
  it('a failure: headline, the cause once, the excerpt folded, the table, the links and the time', () => {
    const r = F.stageFailure();
    r.run = { ...r.run, jobUrl: `${r.run.runUrl}/job/555` };
    expect(renderBuildComment(r, { marker: MARKER, now: NOW })).toBe(
      [
        MARKER,
        '### ❌ numpy failed at build 3/4 (python)',
        '',
        '**Cause:** ERROR: failed to solve: process "/bin/sh -c /tmp/build.sh" did not complete successfully: exit code: 100',
        '',
        '<details><summary>Last 9 lines of the log</summary>',
        '',
        '```text',
        '#1 [internal] load build definition from Dockerfile',
        '#1 transferring dockerfile: 1.2kB done',
        '#5 [2/3] RUN /tmp/build.sh',
        '#5 12.34 E: Unable to locate package foo',
        '#5 ERROR: process "/bin/sh -c /tmp/build.sh" did not complete successfully: exit code: 100',
        '------',
        '💣 `jetson-containers build` failed after 71.9 seconds (1.2 minutes)',
        "Error: Command 'DOCKER_BUILDKIT=1 docker buildx build --tag numpy:r36.4.tegra-aarch64-cu126-22.04-python …' returned non-zero exit status 1.",
        'Failed building:  numpy',
        '```',
        '',
        '</details>',
        '',
        '| Status | Package | Image | Duration | Failure point |',
        '| --- | --- | --- | --- | --- |',
        '| ❌ failure | numpy |   | 1m 12s | python (3/4, build) |',
        '',
        '[Job](https://github.com/acme/jetson-images/actions/runs/9876543210/job/555) · [Run](https://github.com/acme/jetson-images/actions/runs/9876543210) · [Logs](https://github.com/acme/jetson-images/actions/runs/9876543210/artifacts/4242)',
        '',
        '<sub>Build images · build · run 9876543210 · 3f5c0e9 · updated 2026-03-14 17:40 UTC</sub>',
        '',
      ].join('\n'),
    );
  });

  it('a success: headline, the image in the table, no cause and no excerpt', () => {
    const md = renderBuildComment(F.successChainWithPush(), { marker: MARKER, now: NOW });
    expect(md.split('\n').slice(0, 6)).toEqual([
      MARKER,
      '### ✅ numpy built in 1m 10s',
      '',
      '| Status | Package | Image | Duration | Failure point |',
      '| --- | --- | --- | --- | --- |',
      '| ✅ success | numpy | `myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04` | 1m 09s |   |',
    ]);
    expect(md).not.toContain('Cause');
    expect(md).not.toContain('<details>');
  });

  it('several packages: failures first; a second failure shows its own error, the first only its place', () => {
    const r = F.multipleSkipErrorsMixed();
    const second: PackageResult = {
      ...r.packages[0]!,
      name: 'opencv',
      status: 'failure',
      image: null,
      pushedImage: null,
      failure: {
        ...r.failure!,
        stage: 'opencv',
        stageIndex: 2,
        stageCount: 3,
        error: 'CMake Error: CUDA not found',
      },
    };
    r.packages = [...r.packages, second];
    const rows = renderBuildComment(r, { marker: MARKER, now: NOW })
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Status') && !l.startsWith('| ---'));
    expect(rows).toEqual([
      '| ❌ failure | pytorch:2.8 |   | 1h 02m 05s | pytorch:2.8 (6/7, build) |',
      '| ❌ failure | opencv |   | 1m 10s | opencv (2/3, build): CMake Error: CUDA not found |',
      '| ✅ success | numpy | `numpy:r36.4.tegra-aarch64-cu126-22.04` | 1m 10s |   |',
      '| ✅ success | ros:humble-desktop | `ros:humble-desktop-l4t-r36.4.4` | 40m 10s |   |',
      '| ✅ success | cmake | `cmake:r36.4.tegra-aarch64-cu126-22.04` | 41s |   |',
    ]);
  });

  it('a failed upload says so where the logs link would be', () => {
    const r = F.stageFailure();
    r.logs = { ...r.logs, artifactUrl: null, uploadError: 'artifact storage quota <exceeded>' };
    const md = renderBuildComment(r, { marker: MARKER, now: NOW });
    expect(md).toContain(
      '[Run](https://github.com/acme/jetson-images/actions/runs/9876543210) · Logs not uploaded: artifact storage quota &lt;exceeded&gt;',
    );
  });

  it.each(F.allReports())(
    '%s: fences balanced, table rows whole, nothing live, within the limit',
    (_n, r) => {
      const md = renderBuildComment(r, {
        marker: buildMarker({ ...r.run, step: null, packages: r.requestedPackages }),
        now: NOW,
      });
      expect(md.length).toBeLessThanOrEqual(GITHUB_LIMIT);
      expect(commonMarkFencesBalanced(md)).toBe(true);
      expect(hasLoneSurrogate(md)).toBe(false);
      expect(liveMentions(md)).toEqual([]);
      expect(foreignTags(md)).toEqual([]);
      for (const row of outsideCode(md)
        .split('\n')
        .filter((l) => l.startsWith('| '))) {
        expect(separators(row), row).toBe(6);
      }
    },
  );

  it('hostile names and errors: no mention, no reference, no HTML, no way out of <details> or the marker', () => {
    const r = F.stageFailure();
    const name = '</details><img src=x onerror=alert(1)> @octocat --> #12';
    r.requestedPackages = [name];
    r.packages = [{ ...r.packages[0]!, name }];
    r.failure = {
      ...r.failure!,
      error: 'cc @org/security-team: see #1 </summary></details> <!-- -->',
      excerpt: ['</details>', '```', '@admin please look', '-->'],
    };
    r.packages[0]!.failure = { ...r.failure };
    r.run = { ...r.run, workflow: 'CI --> <b>', job: 'build/../x', matrix: '{"pkg":"a -->\\n@here"}' };
    const marker = buildMarker({ ...r.run, step: null, packages: r.requestedPackages });
    const md = renderBuildComment(r, { marker, now: NOW });
    expect(marker).toMatch(/^<!-- jetson-build-action:v1 id=[0-9a-f]{16} -->$/);
    // Outside code only the comment's own: in a fence GitHub shows `-->` and `</details>` as text.
    expect(outsideCode(md).match(/-->/g)).toEqual(['-->']);
    expect(outsideCode(md).match(/<\/details>/g)).toEqual(['</details>']);
    expect(liveMentions(md)).toEqual([]);
    expect(foreignTags(md)).toEqual([]);
    expect(md).toContain(
      '### ❌ &lt;/details&gt;&lt;img src=x onerror=alert(1)&gt; @\u200boctocat --&gt; #\u200b12 failed at build 3/4 (python)',
    );
    expect(md).toContain(
      '**Cause:** cc @\u200borg/security-team: see #\u200b1 &lt;/summary&gt;&lt;/details&gt; &lt;!-- --&gt;',
    );
    // Inside the fence the lines stay as the build printed them: GitHub neither mentions nor links in code.
    expect(md).toContain('````text\n</details>\n```\n@admin please look\n-->\n````');
  });

  it('10 000 packages with long multi-byte names: under the limit, failures first, the rest counted', () => {
    const r = F.manyPackages(10_000);
    r.packages = r.packages.map((p, i): PackageResult => ({
      ...p,
      name: `パッケージ${i}-` + 'x'.repeat(150),
    }));
    const md = renderBuildComment(r, { marker: MARKER, now: NOW });
    expect(md.length).toBeLessThanOrEqual(GITHUB_LIMIT);
    expect(bytes(md)).toBeLessThanOrEqual(GITHUB_LIMIT);
    const rows = md.split('\n').filter((l) => /^\| (❌|✅)/.test(l));
    expect(rows.length).toBeGreaterThan(50);
    // 1429 of the 10 000 failed (every 7th from the 4th): all shown rows are failures.
    expect(rows.every((l) => l.startsWith('| ❌ failure | '))).toBe(true);
    expect(md).toContain(
      `_… and ${10_000 - rows.length} more packages (${1429 - rows.length} failed) not shown: every package is in the job summary and in report.json in the logs._`,
    );
    expect(md.trimEnd().endsWith('updated 2026-03-14 17:40 UTC</sub>')).toBe(true);
  });
});

const FLEET_MARKER = runMarker({ workflow: 'Fleet', job: 'summary', packages: [] });

describe('markers', () => {
  const id = (m: string): string => /^<!-- jetson-build-action:v1 id=([0-9a-f]{16}) -->$/.exec(m)?.[1] ?? m;
  const base = {
    workflow: '.github/workflows/jetson.yml',
    job: 'build',
    matrix: null as string | null,
    step: '__jetson-org_jetson-build-action',
    packages: ['pytorch:2.8'] as readonly string[],
  };

  it('is an id of 16 hex digits that holds no text of the workflow, job or leg', () => {
    const m = buildMarker({ ...base, matrix: '{"package":"pytorch:2.8"}' });
    expect(m).toMatch(/^<!-- jetson-build-action:v1 id=[0-9a-f]{16} -->$/);
    expect(m).not.toContain('jetson.yml');
    expect(m).not.toContain('pytorch');
    // The same identity on the next run: the same marker.
    expect(buildMarker({ ...base, matrix: '{"package":"pytorch:2.8"}' })).toBe(m);
  });

  it('matrices whose values join to the same text have different markers; key order does not matter', () => {
    const a = buildMarker({ ...base, matrix: '{"a":"x, y"}' });
    const b = buildMarker({ ...base, matrix: '{"a":"x","b":"y"}' });
    expect(id(a)).not.toBe(id(b));
    expect(buildMarker({ ...base, matrix: '{"b":"y","a":"x"}' })).toBe(b);
    expect(buildMarker({ ...base, matrix: '{"b":"y", "a": "x"}' })).toBe(b);
  });

  it('two steps of the action in one job, or another job or workflow, have different markers', () => {
    const one = buildMarker(base);
    expect(buildMarker({ ...base, step: '__jetson-org_jetson-build-action_2' })).not.toBe(one);
    expect(buildMarker({ ...base, job: 'build2' })).not.toBe(one);
    expect(buildMarker({ ...base, workflow: '.github/workflows/other.yml' })).not.toBe(one);
  });

  it('a reusable workflow called twice by one caller (same workflow, job and step, no matrix): other packages, other comment', () => {
    const call = { ...base, workflow: 'octo-org/app/.github/workflows/ci.yml@refs/heads/main' };
    const torch = buildMarker({ ...call, packages: ['pytorch:2.8', 'numpy'] });
    const onnx = buildMarker({ ...call, packages: ['onnxruntime'] });
    expect(id(onnx)).not.toBe(id(torch));
    // The same packages in another order on the next run: the same comment.
    expect(buildMarker({ ...call, packages: ['numpy', 'pytorch:2.8', 'numpy'] })).toBe(torch);
  });

  it("the summarize comment's marker: workflow, job and the planned packages in any order", () => {
    const run = runMarker({ workflow: 'W', job: 'summary', packages: ['pytorch:2.8', 'numpy'] });
    expect(run).toMatch(/^<!-- jetson-build-action:v1 id=[0-9a-f]{16} -->$/);
    expect(runMarker({ workflow: 'W', job: 'summary', packages: ['numpy', 'pytorch:2.8'] })).toBe(run);
    // The reusable workflow called twice by one caller, for other packages: its own comment.
    expect(runMarker({ workflow: 'W', job: 'summary', packages: ['onnx'] })).not.toBe(run);
    expect(runMarker({ workflow: 'W', job: 'summary', packages: [] })).not.toBe(
      buildMarker({ workflow: 'W', job: 'summary', matrix: null, step: null, packages: [] }),
    );
  });

  it('matrixLeg: values in order; not JSON is the text itself', () => {
    expect(matrixLeg('{"leg":"l3","index":3,"multiple":false}')).toBe('l3, 3, false');
    expect(matrixLeg('{}')).toBe('');
    expect(matrixLeg('orin')).toBe('orin');
  });
});

describe('mdText', () => {
  it('escapes markdown, HTML and block starts, and defuses mentions and references', () => {
    expect(mdText('# *bold* [x](y) <b>&amp; a|b ~s~ `c` @user #7 1. x', 200)).toBe(
      '\\# \\*bold\\* \\[x\\](y) &lt;b&gt;&amp;amp; a\\|b \\~s\\~ \\`c\\` @\u200buser #\u200b7 1. x',
    );
    expect(mdText('1. first', 50)).toBe('1\\. first');
    expect(mdText('line\nbreak\r\nhere', 50)).toBe('line break here');
  });
});

function row(name: string, status: RunRow['status'], over: Partial<RunRow> = {}): RunRow {
  return {
    name,
    status,
    requested: name,
    reason: null,
    image: null,
    pushed_image: null,
    duration_seconds: 600,
    failure: null,
    log_url: null,
    web_url: null,
    created: null,
    completed: null,
    host_tag: 'orin-01',
    leg: null,
    platform: null,
    environment: null,
    platform_mismatch: null,
    change: null,
    ...over,
  };
}

function runReport(runs: RunRow[]): RunReport {
  const count = (s: RunRow['status']): number => runs.filter((r) => r.status === s).length;
  return {
    schema_version: 2,
    event: 'jetson.run.finished',
    build_id: '77',
    url: 'https://github.com/acme/fleet/actions/runs/77',
    web_url: 'https://github.com/acme/fleet/actions/runs/77',
    status: count('failure') + count('missing') > 0 ? 'failure' : 'success',
    message: '1 of 3 packages failed: torchvision; no report: ros.',
    trigger_name: 'Fleet',
    repository: 'acme/fleet',
    ref: 'refs/pull/12/merge',
    sha: 'abc1234def',
    run_attempt: '2',
    created: '2026-05-01T10:00:00Z',
    completed: '2026-05-01T11:00:00Z',
    wall_seconds: 3600,
    build_seconds_sum: 5400,
    totals: {
      packages: runs.length,
      cells: runs.length,
      success: count('success'),
      failure: count('failure'),
      cancelled: count('cancelled'),
      missing: count('missing'),
    },
    platforms: [],
    failed: [],
    failed_packages: runs.filter((r) => r.status === 'failure' || r.status === 'missing').map((r) => r.name),
    missing_packages: runs.filter((r) => r.status === 'missing').map((r) => r.name),
    images: [],
    jobs: { plan: 'success', build: 'failure' },
    runs,
  };
}

describe('renderRunComment', () => {
  it('one comment for the run: headline, totals, the first cause, rows failures first with their links', () => {
    const job = 'https://github.com/acme/fleet/actions/runs/77/job/901';
    const run = runReport([
      row('numpy', 'success', { image: 'numpy:r36.4', web_url: job, log_url: `${job}/logs` }),
      row('torchvision', 'failure', {
        web_url: job,
        failure: {
          stage: 'torchvision',
          phase: 'build',
          error: 'nvcc fatal: @dev see #4',
          excerpt: ['step 1', 'nvcc fatal: @dev see #4'],
        },
      }),
      row('ros', 'missing', { reason: 'no report: the runner was lost', duration_seconds: null }),
    ]);
    expect(renderRunComment(run, { marker: FLEET_MARKER, now: NOW })).toBe(
      [
        FLEET_MARKER,
        '### ❌ Jetson build failed: 1 failed, 1 without a report (of 3)',
        '',
        '1 of 3 packages failed: torchvision; no report: ros.',
        '',
        '**3** packages: ✅ 1 built · ❌ 1 failed · ❔ 1 without a report · ⏹ 0 cancelled · 1h 00m 00s wall time',
        '',
        '**Cause** (torchvision)**:** nvcc fatal: @\u200bdev see #\u200b4',
        '',
        '<details><summary>Last 1 line of the log</summary>',
        '',
        '```text',
        'step 1',
        '```',
        '',
        '</details>',
        '',
        '| Status | Package | Image | Duration | Failure point | Links |',
        '| --- | --- | --- | --- | --- | --- |',
        `| ❌ failure | torchvision |   | 10m 00s | build | [job](${job}) |`,
        '| ❔ missing | ros |   | — | no report: the runner was lost |   |',
        `| ✅ success | numpy | \`numpy:r36.4\` | 10m 00s |   | [job](${job}) · [logs](${job}/logs) |`,
        '',
        '[Run](https://github.com/acme/fleet/actions/runs/77)',
        '',
        '<sub>Fleet · run 77 · attempt 2 · abc1234 · updated 2026-03-14 17:40 UTC</sub>',
        '',
      ].join('\n'),
    );
  });

  it('10 000 rows: under the limit, failures first, the rest counted', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      row(`@pkg-${i}-` + 'é'.repeat(100), i % 9 === 0 ? 'failure' : 'success', {
        web_url: `https://github.com/acme/fleet/actions/runs/77/job/${i}`,
        failure:
          i % 9 === 0
            ? { stage: null, phase: 'build', error: `error ${i} ` + 'z'.repeat(400), excerpt: [] }
            : null,
      }),
    );
    const md = renderRunComment(runReport(rows), { marker: FLEET_MARKER, now: NOW });
    expect(bytes(md)).toBeLessThanOrEqual(GITHUB_LIMIT);
    const shown = md.split('\n').filter((l) => /^\| (❌|✅)/.test(l));
    expect(shown.every((l) => l.startsWith('| ❌ failure | @\u200bpkg-'))).toBe(true);
    expect(md).toContain(
      `_… and ${10_000 - shown.length} more packages (${1112 - shown.length} failed) not shown`,
    );
    expect(liveMentions(md)).toEqual([]);
  });
});
