import { describe, expect, it } from 'vitest';
import {
  MAX_ANNOTATIONS,
  renderAnnotations,
  renderJobSummary,
  SUMMARY_LIMIT_BYTES,
  SUMMARY_TARGET_BYTES,
} from '../../src/report/summary.js';
import type { BuildReport, PackageResult } from '../../src/report/build-report.js';
import * as F from '../support/reports.js';
import { commonMarkFencesBalanced, hasLoneSurrogate } from '../support/markdown.js';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Unescaped `|` in a table row: the cell separators. */
const separators = (row: string): number => (row.match(/(?<!\\)\|/g) ?? []).length;

/** 20,000 packages with long multi-byte names: a table far over 1 MiB if nothing stopped it. */
function giant(): BuildReport {
  const r = F.manyPackages(20_000);
  r.packages = r.packages.map((p, i): PackageResult => ({ ...p, name: `パッケージ${i}-` + 'x'.repeat(150) }));
  r.failedPackages = r.packages.filter((p) => p.status === 'failure').map((p) => p.name);
  return r;
}

describe('renderJobSummary', () => {
  it.each(F.allReports())('%s: under the size target, fences balanced, no broken characters', (_name, r) => {
    const md = renderJobSummary(r);
    expect(bytes(md)).toBeLessThanOrEqual(SUMMARY_TARGET_BYTES);
    expect(commonMarkFencesBalanced(md)).toBe(true);
    expect(hasLoneSurrogate(md)).toBe(false);
  });

  it('success: heading, package row, environment table, links and command', () => {
    const r = F.successChainWithPush();
    const md = renderJobSummary(r);
    expect(md.startsWith('## ✅ Jetson Containers Build Success\n')).toBe(true);
    expect(md).toContain(
      '| ✅ success | numpy | `myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04` | 1m 09s |   |',
    );
    expect(md).toContain('| CUDA\\_VERSION | 12.6 |');
    expect(md).toContain(`[Workflow run](${r.run.runUrl})`);
    expect(md).toContain(`[Logs artifact](${r.logs.artifactUrl})`);
    expect(md).toContain('```bash\n' + r.command.display + '\n```');
    expect(md).toContain('**Duration:** 1m 10s');
    expect(md).toContain('**Runner:** orin-agx-01');
    expect(md).not.toContain('### Failures');
  });

  it('failure: the failure point and the excerpt in a code block', () => {
    const md = renderJobSummary(F.stageFailure());
    expect(md.startsWith('## ❌ Jetson Containers Build Failure\n')).toBe(true);
    expect(md).toContain('| ❌ failure | numpy |   | 1m 12s | python (3/4, build): ERROR: failed to solve:');
    expect(md).toContain('#### numpy — python (3/4, build)');
    expect(md).toMatch(
      /```text\n#1 \[internal\] load build definition from Dockerfile\n[\s\S]*Failed building: {2}numpy\n```/,
    );
  });

  it('cancelled: its own heading', () => {
    const md = renderJobSummary(F.cancelled());
    expect(md.startsWith('## ⏹ Jetson Containers Build Cancelled\n')).toBe(true);
    expect(md).toContain('### Cancelled');
    expect(md).toContain('**Signal:** SIGINT');
  });

  it('no packages and no environment: still a complete summary', () => {
    const md = renderJobSummary(F.emptyEnvironment());
    expect(md).not.toContain('### Packages');
    expect(md).toContain('_Not detected._');
    expect(md).toContain('Log upload failed: ACTIONS\\_RUNTIME\\_TOKEN is not set');
    expect(md).toContain('#### Failure — start');
  });

  it('escapes | and newlines in table cells', () => {
    const r = F.successChainWithPush();
    r.packages = [{ ...r.packages[0]!, name: 'a|b\nc', image: 'img|x', pushedImage: null }];
    const md = renderJobSummary(r);
    const row = md.split('\n').find((l) => l.startsWith('| ✅'))!;
    expect(row).toContain('| a\\|b c |');
    expect(row).toContain('`img\\|x`');
    expect(separators(row)).toBe(6);
    r.environment = { source: 'console', CUDA_VERSION: '12|6\n7' };
    expect(renderJobSummary(r)).toContain('| CUDA\\_VERSION | 12\\|6 7 |');
  });

  it('fences the excerpt with more backticks than any run inside it', () => {
    const md = renderJobSummary(F.backtickHostile());
    expect(md).toContain('`````````````text\n');
    expect(commonMarkFencesBalanced(md)).toBe(true);
    const row = md.split('\n').find((l) => l.startsWith('| ❌'))!;
    expect(separators(row)).toBe(6);
  });

  it('a 50 KB error stays bounded and the excerpt is shown', () => {
    const md = renderJobSummary(F.hugeError());
    expect(bytes(md)).toBeLessThan(200 * 1024);
    expect(md).toContain('line 399: ' + 'z'.repeat(120));
    expect(md).toContain('E'.repeat(900) + '…');
  });

  it('300 packages: every row shown, failed first', () => {
    const r = F.manyPackages(300);
    const md = renderJobSummary(r);
    const rows = md.split('\n').filter((l) => /^\| (✅|❌)/.test(l));
    expect(rows).toHaveLength(300);
    const firstOk = rows.findIndex((l) => l.startsWith('| ✅'));
    expect(firstOk).toBe(r.failedPackages.length);
    expect(md).toContain('_… and 33 more failed packages; see the package table._');
  });

  it('a giant report is cut under 1 MiB with a count line, never hiding failures behind successes', () => {
    const r = giant();
    const md = renderJobSummary(r);
    expect(bytes(md)).toBeLessThan(SUMMARY_LIMIT_BYTES);
    expect(bytes(md)).toBeLessThanOrEqual(SUMMARY_TARGET_BYTES);
    const rows = md.split('\n').filter((l) => /^\| (✅|❌)/.test(l));
    expect(rows.length).toBeLessThan(20_000);
    const more = /_… and (\d+) more packages \((\d+) failed\) not shown/.exec(md);
    expect(more).not.toBeNull();
    const shownFailed = rows.filter((l) => l.startsWith('| ❌')).length;
    expect(rows.length + Number(more![1])).toBe(20_000);
    expect(shownFailed + Number(more![2])).toBe(r.failedPackages.length);
    if (rows.length > shownFailed) expect(Number(more![2])).toBe(0);
    expect(md).toContain('### Environment');
    expect(md).toContain('### Command');
  });

  it('is pure: the same report gives the same markdown and is not modified', () => {
    const r = F.multipleSkipErrorsMixed();
    const before = JSON.stringify(r);
    expect(renderJobSummary(r)).toBe(renderJobSummary(r));
    expect(JSON.stringify(r)).toBe(before);
  });
});

describe('renderAnnotations', () => {
  it('one error annotation per failed package', () => {
    const a = renderAnnotations(F.stageFailure());
    expect(a).toEqual([
      {
        title: 'Build failed: numpy',
        message:
          'python (3/4, build): ERROR: failed to solve: process "/bin/sh -c /tmp/build.sh" did not complete successfully: exit code: 100',
      },
    ]);
    expect(renderAnnotations(F.multipleSkipErrorsMixed()).map((x) => x.title)).toEqual([
      'Build failed: pytorch:2.8',
    ]);
  });

  it('none for a success or a plain cancellation', () => {
    expect(renderAnnotations(F.successChainWithPush())).toEqual([]);
    expect(renderAnnotations(F.cancelled())).toEqual([]);
  });

  it('a failure nobody can be blamed for still gets one', () => {
    const a = renderAnnotations(F.emptyEnvironment());
    expect(a).toHaveLength(1);
    expect(a[0]!.message).toBe('start: jetson-containers exited with code 2 before building anything.');
  });

  it('at most 10; the last names the rest', () => {
    const r = F.manyPackages(300);
    const a = renderAnnotations(r);
    expect(a).toHaveLength(MAX_ANNOTATIONS);
    expect(a.slice(0, 9).every((x) => x.title.startsWith('Build failed: '))).toBe(true);
    expect(a[9]!.title).toBe(`${r.failedPackages.length - 9} more packages failed`);
    expect(a[9]!.message).toContain(r.failedPackages.at(-1)!);
  });

  it.each(F.allReports())('%s: bounded titles and messages', (_name, r) => {
    const a = renderAnnotations(r);
    expect(a.length).toBeLessThanOrEqual(MAX_ANNOTATIONS);
    for (const x of a) {
      expect(x.title.length).toBeLessThanOrEqual(200);
      expect(x.message.length).toBeLessThanOrEqual(4000);
      expect(x.title).not.toContain('\n');
    }
  });
});
