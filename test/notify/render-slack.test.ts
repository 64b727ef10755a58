// The Slack message for a single build, as a person sees it: the text line, then one attachment whose colour
// bar is the status, with a header that says what broke and where, the facts, the cause once, the excerpt on
// failure, the packages failures first, and the links. Concrete renderings of the fixture reports.
import { describe, expect, it } from 'vitest';
import type { KnownBlock } from '@slack/types';
import {
  checkSlackLimits,
  renderSlack,
  renderStartSlack,
  type SlackBody,
} from '../../src/notify/render/slack.js';
import type { BuildReport } from '../../src/report/build-report.js';
import type { ChangeState } from '../../src/notify/types.js';
import * as F from '../support/reports.js';

const RUN = 'https://github.com/acme/jetson-images/actions/runs/9876543210';
const JOB = `${RUN}/job/55500011122`;
const COMMIT = 'https://github.com/acme/jetson-images/commit/3f5c0e9d1b2a4c6e8f0a1b2c3d4e5f60718293a4';

function render(report: BuildReport, change: ChangeState = 'unknown', text?: string): SlackBody {
  return renderSlack(report, text ? { text } : {}, { event: 'finished', change }).body as SlackBody;
}

const blocks = (b: SlackBody): KnownBlock[] => b.attachments[0]?.blocks ?? [];

/** Each block as the text it shows: header text, section text or fields, context elements. */
function shown(b: SlackBody): string[] {
  return blocks(b).map((x) => {
    if (x.type === 'header') return `[header] ${x.text.text}`;
    if (x.type === 'section') {
      return x.fields ? `[fields] ${x.fields.map((f) => f.text).join(' | ')}` : `[section] ${x.text?.text}`;
    }
    if (x.type === 'context') {
      return `[context] ${x.elements.map((e) => ('text' in e ? e.text : '')).join(' | ')}`;
    }
    return `[${x.type}]`;
  });
}

describe('renderSlack: the fixture reports', () => {
  it('a failed chain build: red bar, where it broke, the cause once, the excerpt, the package, the links', () => {
    const body = render(F.stageFailure());
    expect(body.text).toBe('❌ numpy failed at build 3/4 (python) · acme/jetson-images · Build images');
    expect(body.attachments).toHaveLength(1);
    expect(body.attachments[0]?.color).toBe('#E01E5A');
    expect(body.unfurl_links).toBe(false);
    const lines = shown(body);
    expect(lines[0]).toBe('[header] ❌ numpy failed at build 3/4 (python)');
    expect(lines[1]).toBe(
      '[fields] *Status*\n❌ Failed | *Duration*\n1m 10s | *Runner*\norin-agx-01 | ' +
        '*Environment*\nL4T 36.4.4 · JetPack 6.2.1 · CUDA 12.6 · Python 3.10 | ' +
        `*Ref*\nmain @ <${COMMIT}|\`3f5c0e9\`>`,
    );
    expect(lines[2]).toBe(
      '[section] ERROR: failed to solve: process "/bin/sh -c /tmp/build.sh" did not complete successfully: exit code: 100',
    );
    // The excerpt without the cause (shown just above), in a code block.
    expect(lines[3]?.startsWith('[section] ```\n#1 [internal] load build definition from Dockerfile\n')).toBe(
      true,
    );
    expect(lines[3]).not.toContain('ERROR: failed to solve');
    expect(lines[3]?.endsWith('Failed building:  numpy\n```')).toBe(true);
    expect(lines[4]).toBe(`[section] ❌ <${RUN}|numpy> · failed at build 3/4 (python) · 1m 12s`);
    expect(lines[5]).toBe(
      `[context] <${RUN}/artifacts/4242|Logs artifact> · <${RUN}|Run> | acme/jetson-images · Build images · build`,
    );
    expect(checkSlackLimits(body)).toEqual([]);
  });

  it('a pushed success: green bar, the pushed image in code, no excerpt', () => {
    const body = render(F.successChainWithPush());
    expect(body.attachments[0]?.color).toBe('#2EB67D');
    const lines = shown(body);
    expect(lines[0]).toBe('[header] ✅ numpy built in 1m 10s');
    expect(lines.some((l) => l.includes('```'))).toBe(false);
    expect(lines).toContain(
      '[section] ✅ *numpy* · `myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04` · 1m 09s',
    );
  });

  it('--multiple with a failure: the failed package first, the counts as a field', () => {
    const lines = shown(render(F.multipleSkipErrorsMixed()));
    expect(lines[0]).toBe('[header] ❌ pytorch:2.8 failed at build 6/7');
    expect(lines[1]).toContain('*Packages*\n1 failed · 3 built');
    const pkgs = lines.find((l) => l.startsWith('[section] ❌ '))?.split('\n') ?? [];
    expect(pkgs.map((l) => [...l.replace('[section] ', '')][0])).toEqual(['❌', '✅', '✅', '✅']);
    expect(pkgs[0]).toBe(`[section] ❌ <${RUN}|pytorch:2.8> · failed at build 6/7 · 1h 02m 05s`);
  });

  it('a cancelled build: grey bar, where it stopped', () => {
    const body = render(F.cancelled());
    expect(body.attachments[0]?.color).toBe('#868686');
    expect(shown(body)[0]).toBe('[header] ⏹ numpy cancelled at build 2/4 (pip_cache)');
    expect(shown(body)).toContain('[section] ⏹ *numpy* · cancelled at build 2/4 (pip_cache) · 20s');
  });

  it('links the job when its page is known, and words a change against the last run', () => {
    const r = F.stageFailure();
    r.run.jobUrl = JOB;
    const broken = render(r, 'broken');
    expect(broken.text.startsWith('❌ Broken: numpy failed at build 3/4 (python)')).toBe(true);
    expect(shown(broken)).toContain(`[section] ❌ <${JOB}|numpy> · failed at build 3/4 (python) · 1m 12s`);
    expect(shown(broken).at(-1)).toContain(`<${RUN}|Run> · <${JOB}|Job>`);
    expect(shown(render(F.successChainWithPush(), 'fixed'))[0]).toBe(
      '[header] ✅ Fixed: numpy built in 1m 10s',
    );
  });

  it('shows nothing runner-local: log paths become their place in the logs artifact', () => {
    const r = F.stageFailure();
    r.failure!.excerpt.push(`see ${r.logs.dir}/build/03o4_numpy.txt`);
    const json = JSON.stringify(render(r));
    expect(json).not.toContain(r.logs.dir);
    expect(json).toContain('see logs/build/03o4_numpy.txt');
  });

  it('almost nothing known: still a header, the facts it has, no links', () => {
    const body = render(F.emptyEnvironment());
    expect(checkSlackLimits(body)).toEqual([]);
    expect(shown(body)[0]?.startsWith('[header] ')).toBe(true);
    expect(JSON.stringify(body)).not.toContain('<http');
  });

  it('a message-template line replaces the text line, mentions defused', () => {
    const body = render(F.stageFailure(), 'unknown', '🔔 finished: numpy <!channel> @here');
    expect(body.text).toBe('🔔 finished: numpy <\u200b!channel> @\u200bhere');
    expect(shown(body)[0]).toBe('[header] ❌ numpy failed at build 3/4 (python)');
  });

  it('every fixture report fits every Slack limit', () => {
    for (const [name, report] of F.allReports()) {
      expect(checkSlackLimits(render(report)), name).toEqual([]);
    }
  });
});

describe('renderStartSlack', () => {
  it('says what is built, on which runner, where to watch it; blue bar', () => {
    const body = renderStartSlack({
      packages: ['torchvision'],
      command: { display: 'jetson-containers build torchvision', argv: [] },
      runner: { name: 'orin-agx-01', os: 'Linux', arch: 'ARM64', labels: [] },
      run: { ...F.stageFailure().run, jobUrl: JOB },
      startTime: '2026-03-14T17:39:02.125Z',
    }).body as SlackBody;
    expect(body.text).toBe('🔨 Building torchvision · acme/jetson-images');
    expect(body.attachments[0]?.color).toBe('#439FE0');
    expect(shown(body)).toEqual([
      '[header] 🔨 Building torchvision',
      '[section] Started on orin-agx-01',
      `[context] <${JOB}|Job> | acme/jetson-images · main · 3f5c0e9`,
    ]);
    expect(checkSlackLimits(body)).toEqual([]);
  });
});
