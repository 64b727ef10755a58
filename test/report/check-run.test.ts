// The check run's content for `check-run: true`, rendered from reports: concrete titles, summaries and
// annotations, hostile names, and GitHub's limits (65 535 characters, 50 annotations a request).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import { renderJobSummary } from '../../src/report/summary.js';
import {
  annotationBatches,
  checkConclusion,
  checkRunName,
  renderCheckAnnotations,
  renderCheckOutput,
  startedOutput,
} from '../../src/report/check-run.js';
import { backtickHostile, cancelled, hugeError, manyPackages, unknownPackage } from '../support/reports.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'reports');
const WORKFLOW = '.github/workflows/jetson.yml';

function fixture(name: string): BuildReport {
  return JSON.parse(readFileSync(path.join(FIXTURES, name, 'report.json'), 'utf8')) as BuildReport;
}

/** CommonMark's rule: a fence of n backticks is closed only by a line of at least n backticks. */
function openFenceAtEnd(markdown: string): boolean {
  let open = 0;
  for (const line of markdown.split('\n')) {
    const run = /^(`{3,})/.exec(line)?.[1]?.length ?? 0;
    if (open === 0 && run > 0) open = run;
    else if (open > 0 && run >= open && /^`+\s*$/.test(line)) open = 0;
  }
  return open > 0;
}

describe('checkRunName', () => {
  it('`jetson / ` and the requested packages, cut at 100 characters with …', () => {
    expect(checkRunName(['pytorch:2.8', 'torchvision'])).toBe('jetson / pytorch:2.8 torchvision');
    expect(checkRunName([])).toBe('jetson / build');
    const long = checkRunName(Array.from({ length: 30 }, (_, i) => `package-${i}`));
    expect(long).toHaveLength(100);
    expect(long.startsWith('jetson / package-0 package-1 ')).toBe(true);
    expect(long.endsWith('…')).toBe(true);
    // A wildcard's names come from the build's output: one line whatever they hold.
    expect(checkRunName(['ros:humble\n::error::x', 'a\r\nb'])).toBe('jetson / ros:humble ::error::x a b');
  });

  it('names the platform of a grid leg, so one package on two platforms is two checks', () => {
    expect(checkRunName(['torchvision'], 'jp5-xavier')).toBe('jetson / jp5-xavier · torchvision');
    expect(checkRunName(['torchvision'], 'jp6-orin')).toBe('jetson / jp6-orin · torchvision');
    expect(checkRunName(['torchvision'], '')).toBe('jetson / torchvision');
    expect(checkRunName(['torchvision'], null)).toBe('jetson / torchvision');
  });
});

describe('startedOutput and checkConclusion', () => {
  it('says what is being built, and where', () => {
    expect(startedOutput(['numpy'], 'orin-agx-01')).toEqual({
      title: 'Building numpy',
      summary: 'Building 1 package on runner `orin-agx-01`: numpy',
    });
    expect(startedOutput(['a_b', '<c>'], null).summary).toBe('Building 2 packages: a\\_b \\<c\\>');
  });

  it('maps the build status to the check conclusion', () => {
    expect(
      ['success', 'failure', 'cancelled'].map((s) => checkConclusion(s as BuildReport['status'])),
    ).toEqual(['success', 'failure', 'cancelled']);
  });
});

describe('renderCheckOutput', () => {
  it('a failed package: the headline as title, counts, links and the package table; the excerpt in the text', () => {
    const out = renderCheckOutput(fixture('failure-torchvision'));
    expect(out.title).toBe('torchvision failed building stage torchvision (3/7).');
    expect(out.summary).toBe(
      [
        '**❌ failure** · 0 of 1 built, 1 failed · 39m 55s · exit code 1 · runner `orin-nano-02`',
        '',
        '[Workflow run](https://github.com/acme/jetson-images/actions/runs/987654321) · [Logs artifact](https://github.com/acme/jetson-images/actions/runs/987654321/artifacts/4242)',
        '',
        '| | Package | Image | Duration | Failure point |',
        '| --- | --- | --- | --- | --- |',
        '| ❌ | torchvision |   | 39m 55s | torchvision (3/7, build): ERROR: failed to solve: process "/bin/sh -c /tmp/torchvision/install.sh" did not complete successfully: exit code: 1 |',
        '',
      ].join('\n'),
    );
    expect(out.text).toContain(
      '## Failures\n\n### torchvision — torchvision (3/7, build)\n\n**Error:** ERROR: failed to solve',
    );
    expect(out.text).toContain("```text\n#12 512.3 error: command '/usr/bin/gcc' failed with exit code 1\n");
    expect(out.text).toContain('```bash\njetson-containers build torchvision\n```');
  });

  it('a success links the job when it is known, and has no failures section', () => {
    const report = fixture('success-pytorch');
    report.run.jobUrl = 'https://github.com/acme/jetson-images/actions/runs/987654321/job/31415';
    const out = renderCheckOutput(report);
    expect(out.title).toBe('pytorch:2.8 built.');
    expect(out.summary).toContain('**✅ success** · 1 of 1 built · ');
    expect(out.summary).toContain(
      '[Job](https://github.com/acme/jetson-images/actions/runs/987654321/job/31415) · [Workflow run](https://github.com/acme/jetson-images/actions/runs/987654321)',
    );
    expect(out.text).not.toContain('## Failures');
  });

  it('cancelled and unknown-package builds say so; an empty headline gets a plain title', () => {
    expect(renderCheckOutput(cancelled()).text).toContain('## Cancelled');
    const unknown = unknownPackage();
    expect(renderCheckOutput(unknown).text).toContain('## Failures\n\n### ');
    expect(renderCheckOutput({ ...unknown, message: '  ' }).title).toBe('Build failed');
  });

  it('hostile names and errors: escaped, no fence left open, no HTML', () => {
    const out = renderCheckOutput(backtickHostile());
    expect(out.summary).toContain('| ❌ | evil\\`\\`\\`pkg\\` | ```` img```:tag` ```` |');
    const report = backtickHostile();
    report.packages[0]!.failure!.error = '<img src=x onerror=alert(1)> [click](javascript:alert(1))';
    const html = renderCheckOutput(report);
    expect(html.summary).toContain('\\<img src=x onerror=alert(1)\\> \\[click\\](javascript:alert(1))');
    expect(html.summary).not.toMatch(/(^|[^\\])<img/);
    for (const t of [out.text, html.text]) expect(openFenceAtEnd(t)).toBe(false);
  });

  it('within 65 535 characters for 3000 packages and a 50 KB error; the rest is counted', () => {
    const many = renderCheckOutput(manyPackages(3000));
    expect(many.summary.length).toBeLessThanOrEqual(65_535);
    expect(many.text.length).toBeLessThanOrEqual(65_535);
    expect(many.summary).toMatch(
      /_… and \d+ more packages \(\d+ failed\) not shown; see report\.json in the logs\._\n$/,
    );
    expect(many.text).toMatch(/_… and \d+ more failures; see the summary's table and report\.json\._/);
    // Failed packages come first.
    expect(many.summary.split('\n')[6]).toMatch(/^\| ❌ \| pkg-003:1\.3 \|/);
    const huge = renderCheckOutput(hugeError());
    expect(huge.title.length).toBe(255);
    expect(huge.text.length).toBeLessThanOrEqual(65_535);
    expect(huge.text).toContain('## Command');
  });
});

describe('renderCheckAnnotations', () => {
  it('one failure annotation per failed package on line 1 of the workflow file', () => {
    expect(renderCheckAnnotations(fixture('failure-torchvision'), WORKFLOW)).toEqual([
      {
        path: WORKFLOW,
        start_line: 1,
        end_line: 1,
        annotation_level: 'failure',
        title: 'torchvision',
        message:
          'torchvision (3/7, build): ERROR: failed to solve: process "/bin/sh -c /tmp/torchvision/install.sh" did not complete successfully: exit code: 1',
        raw_details: [
          "#12 512.3 error: command '/usr/bin/gcc' failed with exit code 1",
          '#12 ERROR: process "/bin/sh -c /tmp/torchvision/install.sh" did not complete successfully: exit code: 1',
          'ERROR: failed to solve: process "/bin/sh -c /tmp/torchvision/install.sh" did not complete successfully: exit code: 1',
        ].join('\n'),
      },
    ]);
    expect(renderCheckAnnotations(fixture('success-pytorch'), WORKFLOW)).toEqual([]);
  });

  it('a failure no package is blamed for: one annotation for the build', () => {
    const report = unknownPackage();
    report.packages = [];
    expect(renderCheckAnnotations(report, WORKFLOW)).toMatchObject([
      {
        path: WORKFLOW,
        annotation_level: 'failure',
        title: 'nonexistentpkg',
        message: 'resolve: Error: "couldn\'t find package:  nonexistentpkg"',
      },
    ]);
  });

  it('at most 250 (5 requests of 50), the last naming the rest; GitHub’s field limits', () => {
    const report = manyPackages(2100); // 300 failed
    const all = renderCheckAnnotations(report, WORKFLOW);
    expect(all).toHaveLength(250);
    expect(all[249]?.title).toBe('51 more packages failed');
    expect(all[249]?.message.startsWith('pkg-1746:1.1746, pkg-1753:1.1753, ')).toBe(true);
    expect(annotationBatches(all).map((b) => b.length)).toEqual([50, 50, 50, 50, 50]);
    const huge = renderCheckAnnotations(hugeError(), WORKFLOW)[0]!;
    expect(huge.message.length).toBe(4000);
    expect(huge.raw_details!.length).toBeLessThanOrEqual(8000);
    const longName = manyPackages(4);
    longName.packages[3]!.name = 'n'.repeat(400);
    expect(renderCheckAnnotations(longName, WORKFLOW)[0]?.title).toHaveLength(255);
  });

  it('batches of 50: 103 → 50, 50, 3', () => {
    expect(annotationBatches(Array.from({ length: 103 }, (_, i) => i)).map((b) => b.length)).toEqual([
      50, 50, 3,
    ]);
    expect(annotationBatches([])).toEqual([]);
  });
});

describe('the job summary', () => {
  it('links the job itself when its page is known, before the run', () => {
    const report = fixture('failure-torchvision');
    report.run.jobUrl = 'https://github.com/acme/jetson-images/actions/runs/987654321/job/31415';
    expect(renderJobSummary(report)).toContain(
      '[Job](https://github.com/acme/jetson-images/actions/runs/987654321/job/31415) · [Workflow run](https://github.com/acme/jetson-images/actions/runs/987654321) · ',
    );
    report.run.jobUrl = null;
    expect(renderJobSummary(report)).not.toContain('[Job]');
  });
});
