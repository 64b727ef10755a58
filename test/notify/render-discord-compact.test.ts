// The default single-build Discord message (`discord-style: compact`): read in five seconds. A headline that
// says what broke and where, the links first, the cause once in its own words, the excerpt only on failure,
// one line per package (failures first), the environment in the footer, no runner-local path, and every
// Discord limit for hostile reports.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeEnvironment } from '../../src/jetson/environment.js';
import { BuildStreamParser } from '../../src/jetson/parse/index.js';
import { assembleReport, logPaths } from '../../src/report/assemble.js';
import type { BuildReport } from '../../src/report/build-report.js';
import {
  checkDiscordLimits,
  COLOR_CANCELLED,
  COLOR_FAILURE,
  COLOR_SUCCESS,
  renderDiscord,
  type DiscordBody,
  type DiscordRenderOptions,
} from '../../src/notify/render/discord.js';
import type { ChangeState, NotifyContext, OutgoingFile } from '../../src/notify/types.js';
import { FAKE_JC } from '../support/action-runner.js';
import { discordFencesBalanced, hasLoneSurrogate, stringsIn } from '../support/markdown.js';
import * as F from '../support/reports.js';

const OPTS: DiscordRenderOptions = {
  username: null,
  avatarUrl: null,
  threadId: null,
  threadName: null,
  attachLog: 'failure',
  style: 'compact',
  mentionOnFailure: { users: [], roles: [] },
  live: false,
  liveIntervalMs: 10_000,
};
const HOSTILE_OPTS: DiscordRenderOptions = {
  ...OPTS,
  username: 'u'.repeat(200),
  avatarUrl: 'https://example.com/avatar.png',
  threadName: '@everyone ' + 't'.repeat(500),
  attachLog: 'always',
  mentionOnFailure: { users: ['123456789012345678'], roles: ['987654321098765432'] },
  attachment: { name: 'python.log', contentType: 'text/plain', data: Buffer.from('log tail\n') },
};
const JOB_URL = 'https://github.com/acme/jetson-images/actions/runs/9876543210/job/55500011122';

function render(report: BuildReport, opts = OPTS, change: ChangeState = 'unknown'): DiscordBody {
  const ctx: NotifyContext = { event: 'finished', change };
  return renderDiscord(report, opts, ctx).body as DiscordBody;
}

/** What Discord shows, top to bottom: content, title, description, fields, footer. */
function visibleText(body: DiscordBody): string {
  const e = body.embeds?.[0];
  return [
    body.content ?? '',
    e?.title ?? '',
    e?.description ?? '',
    ...(e?.fields ?? []).flatMap((f) => [f.name, f.value]),
    e?.footer?.text ?? '',
  ]
    .filter((s) => s !== '')
    .join('\n');
}

/** Lines as a reader counts them (a code block's fence lines are not text, but are counted anyway). */
function visibleLines(body: DiscordBody): string[] {
  return visibleText(body).split('\n');
}

/** Occurrences of `needle` in the message as read (markdown escapes removed). */
function occurrences(body: DiscordBody, needle: string): number {
  const text = visibleText(body).replace(/\\(.)/g, '$1');
  return text.split(needle).length - 1;
}

function descLines(body: DiscordBody): string[] {
  return (body.embeds?.[0]?.description ?? '').split('\n');
}

const isPackageLine = (l: string): boolean => /^(✅|❌|⏹|⏭) /.test(l) || /^… and \d+ more/.test(l);

/**
 * The `--multiple` failure the e2e notifies about (`numpy torchvision`, torchvision's docker build fails),
 * run through the fake jetson-containers, the real parser and the real report assembly.
 */
function multipleFailureFromTheFake(): BuildReport {
  const logs = mkdtempSync(path.join(os.tmpdir(), 'jba-compact-'));
  try {
    const args = ['--multiple', '--skip-errors', 'numpy', 'torchvision'];
    const run = spawnSync(process.execPath, [FAKE_JC, 'build', `--logs=${logs}`, ...args], {
      env: { PATH: process.env.PATH, ANSI_COLORS_DISABLED: '1', FAKE_JC_FAIL_STAGE: 'torchvision' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    const parser = new BuildStreamParser();
    parser.write(Buffer.from(run.stdout + run.stderr));
    parser.end();
    const parse = parser.result();
    const start = new Date('2026-03-14T17:00:00Z');
    const report = assembleReport({
      build: {
        packages: ['numpy', 'torchvision'],
        multiple: true,
        skipErrors: true,
        name: null,
        base: null,
        push: null,
        skipTests: null,
        buildArgs: null,
        buildFlags: null,
        extraArgs: [],
        command: FAKE_JC,
        commandTakesBuild: true,
        workingDirectory: logs,
        logDir: logs,
        failOnBuildError: true,
      },
      argv: {
        command: 'jetson-containers',
        args: ['build', ...args],
        display: `jetson-containers build ${args.join(' ')}`,
      },
      parse,
      run: { exitCode: run.status, signal: null, startError: null, cancelSignal: null, killed: false },
      cancelled: false,
      environment: mergeEnvironment(parse.environment, null),
      context: { ...F.successChainWithPush().run, jobUrl: JOB_URL },
      runner: { name: 'jetson-01', os: 'Linux', arch: 'ARM64', labels: ['self-hosted'] },
      start,
      end: new Date(start.getTime() + 4_325_000),
      logs: logPaths(logs),
    });
    report.logs.artifactUrl = `${report.run.runUrl}/artifacts/4242`;
    return report;
  } finally {
    rmSync(logs, { recursive: true, force: true });
  }
}

describe('compact: the issue’s acceptance test (the --multiple failure)', () => {
  const report = multipleFailureFromTheFake();
  const body = render(report);

  it('the fake really failed torchvision at its last stage with a runner-local log folder in its output', () => {
    expect(report.status).toBe('failure');
    expect(report.failedPackages).toEqual(['torchvision']);
    expect(JSON.stringify(report.failure)).toContain(report.logs.dir);
  });

  it('is at most 25 visible lines, names the cause exactly once, and puts the logs link before any package', () => {
    const lines = visibleLines(body);
    expect(lines.length).toBeLessThanOrEqual(25);
    const cause = report.failure!.error!;
    expect(cause.length).toBeGreaterThan(20);
    // The cause as the message shows it: the log folder is named by its place in the artifact.
    const shown = cause.replaceAll(`${report.logs.dir}/`, 'logs/');
    expect(occurrences(body, shown.slice(0, 120))).toBe(1);
    const desc = descLines(body);
    const logsAt = desc.findIndex((l) => l.includes(`[Logs](${report.logs.artifactUrl})`));
    const firstPackage = desc.findIndex(isPackageLine);
    expect(logsAt).toBe(0);
    expect(firstPackage).toBeGreaterThan(logsAt);
  });

  it('headline, title link to the job, package lines failures first, footer', () => {
    const embed = body.embeds![0]!;
    expect(embed.title).toBe('❌ torchvision failed at build 9/9');
    expect(embed.url).toBe(JOB_URL);
    expect(embed.color).toBe(COLOR_FAILURE);
    const pkgs = descLines(body).filter(isPackageLine);
    expect(pkgs).toHaveLength(2);
    expect(pkgs[0]).toMatch(new RegExp(`^❌ \\[torchvision\\]\\(${JOB_URL}\\) · failed at build 9/9`));
    expect(pkgs[1]).toMatch(/^✅ \*\*numpy\*\* · `numpy:r36\.4\.tegra-aarch64-cu126-22\.04`/);
    expect(embed.footer!.text).toMatch(
      /^L4T 36\.4\.\d+ · JetPack [\d.]+ · CUDA 12\.6 · Python 3\.\d+ · jetson-01 · main @ 3f5c0e9$/,
    );
    expect(body.content).toBeUndefined();
  });

  it('shows no runner-local path: not the log folder, console.log, report.json or a stage log', () => {
    const text = JSON.stringify(body);
    expect(text).not.toContain(report.logs.dir);
    expect(text).not.toContain('console.log');
    expect(text).not.toContain('report.json');
  });
});

describe('compact: headlines', () => {
  it.each([
    ['successChainWithPush', F.successChainWithPush(), '✅ numpy built in 1m 10s', COLOR_SUCCESS],
    ['stageFailure', F.stageFailure(), '❌ numpy failed at build 3/4 (python)', COLOR_FAILURE],
    ['testFailure', F.testFailure(), '❌ numpy failed at test 4/4', COLOR_FAILURE],
    ['unknownPackage', F.unknownPackage(), '❌ nonexistentpkg failed to resolve', COLOR_FAILURE],
    [
      'multipleSkipErrorsMixed',
      F.multipleSkipErrorsMixed(),
      '❌ pytorch:2.8 failed at build 6/7',
      COLOR_FAILURE,
    ],
    ['manyPackages', F.manyPackages(300), '❌ pkg-003:1.3 and 42 more failed', COLOR_FAILURE],
    ['cancelled', F.cancelled(), '⏹ numpy cancelled at build 2/4 (pip\\_cache)', COLOR_CANCELLED],
    ['emptyEnvironment', F.emptyEnvironment(), '❌ Build failed to start', COLOR_FAILURE],
  ])('%s', (_name, report, title, color) => {
    const embed = render(report).embeds![0]!;
    expect(embed.title).toBe(title);
    expect(embed.color).toBe(color);
  });

  it('a cancel before any failure point: where the parser last saw the build running', () => {
    const r = F.cancelled();
    r.failure = null;
    r.packages = r.packages.map((p) => ({ ...p, failure: null, durationSeconds: null }));
    r.stages[1]!.status = 'running';
    const body = render(r);
    expect(body.embeds![0]!.title).toBe('⏹ numpy cancelled at build 2/4 (pip\\_cache)');
    expect(descLines(body)).toContain('⏹ **numpy** · cancelled at build 2/4 (pip\\_cache)');
    r.stages = [];
    expect(render(r).embeds![0]!.title).toBe('⏹ numpy cancelled after 1m 10s');
  });

  it('several packages built: count and wall time to two units', () => {
    const r = F.multipleSkipErrorsMixed();
    r.status = 'success';
    r.packages = r.packages.map((p) => ({ ...p, status: 'success', failure: null }));
    r.failure = null;
    r.durationSeconds = 4325;
    expect(render(r).embeds![0]!.title).toBe('✅ 4 packages built in 1h 12m');
  });

  it('a change against the last run is worded: Fixed on success, Broken on failure, nothing otherwise', () => {
    expect(render(F.successChainWithPush(), OPTS, 'fixed').embeds![0]!.title).toBe(
      '✅ Fixed: numpy built in 1m 10s',
    );
    expect(render(F.stageFailure(), OPTS, 'broken').embeds![0]!.title).toBe(
      '❌ Broken: numpy failed at build 3/4 (python)',
    );
    expect(render(F.stageFailure(), OPTS, 'same').embeds![0]!.title).toBe(
      '❌ numpy failed at build 3/4 (python)',
    );
    expect(render(F.cancelled(), OPTS, 'broken').embeds![0]!.title).toBe(
      '⏹ numpy cancelled at build 2/4 (pip\\_cache)',
    );
  });

  it('the title links the job when known, else the run, else nothing', () => {
    const r = F.stageFailure();
    expect(render(r).embeds![0]!.url).toBe(r.run.runUrl);
    r.run.jobUrl = JOB_URL;
    expect(render(r).embeds![0]!.url).toBe(JOB_URL);
    expect(render(F.emptyEnvironment()).embeds![0]!).not.toHaveProperty('url');
  });
});

describe('compact: the message body', () => {
  it('links first: Logs (artifact) · Run · Job, only those that exist', () => {
    const r = F.stageFailure();
    r.run.jobUrl = JOB_URL;
    expect(descLines(render(r))[0]).toBe(
      `[Logs](${r.logs.artifactUrl}) · [Run](${r.run.runUrl}) · [Job](${JOB_URL})`,
    );
    expect(descLines(render(F.successChainWithPush()))[0]).toBe(
      `[Logs](${F.successChainWithPush().logs.artifactUrl}) · [Run](${F.successChainWithPush().run.runUrl})`,
    );
    expect(descLines(render(F.emptyEnvironment()))[0]).toBe('Logs not uploaded');
  });

  it('the cause in its own words on the second line, the excerpt (no repeat of it) only on failure', () => {
    const r = F.stageFailure();
    const body = render(r);
    const desc = descLines(body);
    expect(desc[1]).toBe(
      'ERROR: failed to solve: process "/bin/sh -c /tmp/build.sh" did not complete successfully: exit code: 100',
    );
    expect(desc[2]).toBe('```');
    expect(desc).toContain('#5 12.34 E: Unable to locate package foo');
    expect(occurrences(body, r.failure!.error!)).toBe(1);
    expect(render(F.cancelled()).embeds![0]!.description).not.toContain('```');
    expect(render(F.successChainWithPush()).embeds![0]!.description).not.toContain('```');
    expect(descLines(render(F.cancelled()))[1]).toBe(
      'Cancelled: the runner sent SIGINT; the build was stopped.',
    );
  });

  it('the excerpt is at most 15 lines: the last ones', () => {
    const r = F.stageFailure();
    r.failure!.excerpt = Array.from({ length: 40 }, (_, i) => `output line ${i}`);
    const desc = descLines(render(r));
    const open = desc.indexOf('```');
    const close = desc.indexOf('```', open + 1);
    expect(desc.slice(open + 1, close)).toEqual(
      Array.from({ length: 15 }, (_, i) => `output line ${25 + i}`),
    );
  });

  it('the cause appears once in every realistic report', () => {
    for (const [name, make] of Object.entries(F.REALISTIC_REPORTS)) {
      const r = make();
      const cause = r.status === 'success' ? r.message : (r.failure?.error ?? r.message);
      expect(occurrences(render(r, HOSTILE_OPTS, 'broken'), cause), name).toBe(1);
    }
  });

  it('one line per package, failures first, with image or failure point and duration', () => {
    const lines = descLines(render(F.multipleStopsAtFailure())).filter(isPackageLine);
    expect(lines).toEqual([
      `❌ [pytorch:2.8](${F.multipleStopsAtFailure().run.runUrl}) · failed at build 6/7 · 1h 02m 05s`,
      '✅ **numpy** · `numpy:r36.4.tegra-aarch64-cu126-22.04` · 1m 10s',
      '⏭ **ros:humble-desktop** · not built',
      '⏭ **cmake** · not built',
    ]);
  });

  it('300 packages fold within 25 lines, failures first, counting what is hidden', () => {
    const r = F.manyPackages(300);
    const body = render(r);
    expect(visibleLines(body).length).toBeLessThanOrEqual(25);
    const lines = descLines(body).filter(isPackageLine);
    const shown = lines.filter((l) => !l.startsWith('…'));
    expect(shown.every((l) => l.startsWith('❌ '))).toBe(true);
    const more = /^… and (\d+) more \((\d+) failed\)$/.exec(lines[lines.length - 1]!);
    expect(Number(more![1]) + shown.length).toBe(300);
    expect(Number(more![2]) + shown.length).toBe(43);
  });

  it('the environment, runner and ref @ sha in one footer line; no content without mentions', () => {
    const body = render(F.successChainWithPush());
    expect(body.embeds![0]!.footer!.text).toBe(
      'L4T 36.4.4 · JetPack 6.2.1 · CUDA 12.6 · Python 3.10 · orin-agx-01 · main @ 3f5c0e9',
    );
    expect(body).not.toHaveProperty('content');
    expect(body.embeds![0]!.timestamp).toBe('2026-03-14T17:40:11.750Z');
    expect(body.embeds![0]).not.toHaveProperty('fields');
    expect(render(F.emptyEnvironment()).embeds![0]).not.toHaveProperty('footer');
  });

  it('no runner-local path anywhere, attachment or not', () => {
    for (const [name, r] of F.allReports()) {
      const text = JSON.stringify(render(r, HOSTILE_OPTS));
      for (const p of [r.logs.dir, r.logs.consoleLog, r.logs.reportFile, r.failure?.logFile ?? null]) {
        if (p) expect(text, `${name}: ${p}`).not.toContain(p);
      }
      expect(text, name).not.toContain('attached');
    }
  });

  it('a log path in the build’s own words is named by its place in the logs artifact', () => {
    const r = F.stageFailure();
    r.failure!.error = `Error: see ${r.failure!.logFile} (exit 1)`;
    r.failure!.excerpt.push(`tee ${r.logs.dir}/build/03o4_numpy.txt`);
    const desc = descLines(render(r));
    expect(desc[1]).toBe(
      'Error: see logs/build/03o4\\_numpy\\_r36.4.tegra-aarch64-cu126-22.04-python.txt (exit 1)',
    );
    expect(desc).toContain('tee logs/build/03o4_numpy.txt');
  });

  it('attaches the log tail as before, described without a path', () => {
    const file: OutgoingFile = { name: 'python.log', contentType: 'text/plain', data: Buffer.from('tail') };
    const out = renderDiscord(F.stageFailure(), { ...OPTS, attachment: file });
    expect((out.body as DiscordBody).attachments).toEqual([
      { id: '0', filename: 'python.log', description: 'Build log of stage python (failure)' },
    ]);
    expect(out.files).toEqual([file]);
  });

  it('is the default: anything but upstream renders compact', () => {
    const r = F.stageFailure();
    const style = undefined as unknown as DiscordRenderOptions['style'];
    expect(render(r, { ...OPTS, style }).embeds![0]!.title).toBe('❌ numpy failed at build 3/4 (python)');
    expect(render(r, { ...OPTS, style: 'upstream' }).embeds![0]!.title).toBe(
      'Jetson Containers Build Failure',
    );
  });
});

describe('compact: limits for every report', () => {
  describe.each([
    ['default options', OPTS],
    ['hostile options', HOSTILE_OPTS],
  ])('%s', (_label, opts) => {
    it.each(F.allReports())(
      '%s fits, fences balanced, nothing pings but the configured ids',
      (_n, report) => {
        const body = render(report, opts, 'broken');
        expect(checkDiscordLimits(body)).toEqual([]);
        for (const [p, s] of stringsIn({ ...body, content: undefined })) {
          expect(discordFencesBalanced(s), `${p}: ${s.slice(0, 200)}`).toBe(true);
          expect(s, p).not.toMatch(/@(everyone|here)/i);
          expect(s, p).not.toMatch(/<@[!&]?\d/);
          expect(hasLoneSurrogate(s), p).toBe(false);
        }
      },
    );
  });

  it('10 000 packages: limits hold and the failures come first', () => {
    const body = render(F.manyPackages(10_000), HOSTILE_OPTS);
    expect(checkDiscordLimits(body)).toEqual([]);
    expect(descLines(body).filter(isPackageLine)[0]).toMatch(/^❌ /);
  });
});
