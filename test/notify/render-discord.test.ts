import { describe, expect, it } from 'vitest';
import {
  checkDiscordLimits,
  COLOR_CANCELLED,
  COLOR_FAILURE,
  COLOR_SUCCESS,
  discordTextLength,
  renderDiscord,
  type DiscordBody,
  type DiscordRenderOptions,
} from '../../src/notify/render/discord.js';
import { codeBlock, formatDuration, truncate, truncateMarkdown } from '../../src/notify/render/limits.js';
import type { OutgoingFile } from '../../src/notify/types.js';
import * as F from '../support/reports.js';
import { discordFencesBalanced, hasLoneSurrogate, stringsIn } from '../support/markdown.js';

const OPTS: DiscordRenderOptions = {
  username: null,
  avatarUrl: null,
  threadId: null,
  threadName: null,
  attachLog: 'failure',
  style: 'upstream',
  mentionOnFailure: { users: [], roles: [] },
  live: false,
  liveIntervalMs: 10_000,
};

const HOSTILE_OPTS: DiscordRenderOptions = {
  username: 'u'.repeat(200),
  avatarUrl: 'https://example.com/avatar.png',
  threadId: '123',
  threadName: '@everyone ' + 't'.repeat(500),
  attachLog: 'always',
  style: 'upstream',
  mentionOnFailure: { users: [], roles: [] },
  live: false,
  liveIntervalMs: 10_000,
  attachment: { name: 'python.log', contentType: 'text/plain', data: Buffer.from('log tail\n') },
};

function render(report = F.successChainWithPush(), opts: DiscordRenderOptions = OPTS): DiscordBody {
  return renderDiscord(report, opts).body as DiscordBody;
}

function field(body: DiscordBody, name: string): string | undefined {
  return body.embeds?.[0]?.fields?.find((f) => f.name === name)?.value;
}

describe('renderDiscord: limits for every report', () => {
  describe.each([
    ['default options', OPTS],
    ['hostile options', HOSTILE_OPTS],
  ])('%s', (_label, opts) => {
    it.each(F.allReports())('%s fits every Discord limit', (_name, report) => {
      const body = render(report, opts);
      expect(checkDiscordLimits(body)).toEqual([]);
      expect(body.content!.length).toBeLessThanOrEqual(2000);
      expect(discordTextLength(body.embeds![0]!)).toBeLessThanOrEqual(6000);
    });

    it.each(F.allReports())('%s: fences balanced, no mentions, no broken characters', (_name, report) => {
      const body = render(report, opts);
      expect(body.allowed_mentions).toEqual({ parse: [] });
      for (const [path, s] of stringsIn(body)) {
        expect(discordFencesBalanced(s), `${path}: ${s.slice(0, 200)}`).toBe(true);
        expect(s, path).not.toMatch(/@(everyone|here)/i);
        expect(s, path).not.toMatch(/<@[!&]?\d/);
        expect(hasLoneSurrogate(s), path).toBe(false);
      }
    });
  });

  it('the hostile reports really are over the limits before rendering', () => {
    // Guards the tests above: they would prove nothing if the factory's reports were small.
    expect(F.hugeError().failure!.error!.length).toBeGreaterThan(50_000);
    expect(F.manyPackages().packages.length).toBe(300);
    expect(F.longNames().packages[0]!.name.length).toBeGreaterThan(1024);
    expect(JSON.stringify(F.mentionsHostile())).toMatch(/@everyone/);
  });
});

describe('renderDiscord: the message jetson-containers users know', () => {
  it('success: upstream content lines, embed title, colour and fields', () => {
    const r = F.successChainWithPush();
    const body = render(r);
    const lines = body.content!.split('\n');
    expect(lines[0]).toBe('✅ **Build Successful**');
    expect(body.content).toContain('📦 **Packages:** numpy');
    expect(body.content).toContain('⏰ **Time:** 2026-03-14T17:40:11Z');
    expect(body.content).toContain('💻 **Command:** `jetson-containers build --logs');
    expect(body.content).toContain('🔧 **Environment:** ');
    expect(body.content).toContain('CUDA\\_VERSION=12.6');
    expect(body.content).toContain('⏱️ **Duration:** 1m 10s');
    const embed = body.embeds![0]!;
    expect(body.embeds).toHaveLength(1);
    expect(embed.title).toBe('Jetson Containers Build Success');
    expect(embed.color).toBe(65280);
    expect(embed.timestamp).toBe('2026-03-14T17:40:11.750Z');
    expect(embed.url).toBe(r.run.runUrl);
    const names = embed.fields!.map((f) => f.name);
    const upstream = ['Status', 'Package Count', 'Build Command', 'Environment', 'Details'];
    expect(upstream.every((n) => names.includes(n))).toBe(true);
    expect(upstream.map((n) => names.indexOf(n))).toEqual(
      [...upstream.map((n) => names.indexOf(n))].sort((a, b) => a - b),
    );
    expect(field(body, 'Status')).toBe('Build Successful (exit 0)');
    expect(field(body, 'Package Count')).toBe('1');
    expect(field(body, 'Build Command')).toBe('```bash\n' + r.command.display + '\n```');
    expect(field(body, 'Environment')).toContain('CUDA_VERSION: 12.6\n');
    expect(field(body, 'Details')).toBe('```\n' + r.message + '\n```');
    expect(embed.description).toContain(
      '✅ **numpy** · `myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04` · 1m 09s',
    );
  });

  it('links to the run and the logs artifact, with the runner and duration', () => {
    const r = F.successChainWithPush();
    const body = render(r);
    expect(field(body, 'Logs')).toContain(`[Workflow run](<${r.run.runUrl}>)`);
    expect(field(body, 'Logs')).toContain(`[Logs artifact](<${r.logs.artifactUrl}>)`);
    expect(field(body, 'Runner')).toBe('orin-agx-01');
    expect(field(body, 'Duration')).toBe('1m 10s');
    expect(body.embeds![0]!.footer!.text).toContain('acme/jetson-images');
  });

  it('failure: red, failure title, the failing stage and the excerpt in a code block', () => {
    const r = F.stageFailure();
    const body = render(r);
    const embed = body.embeds![0]!;
    expect(body.content!.split('\n')[0]).toBe('❌ **Build Failed**');
    expect(embed.title).toBe('Jetson Containers Build Failure');
    expect(embed.color).toBe(COLOR_FAILURE);
    expect(field(body, 'Failed At')).toContain('**python (3/4, build)**');
    expect(field(body, 'Failed At')).toContain('exit code: 100');
    const details = field(body, 'Details')!;
    expect(details.startsWith('```\n')).toBe(true);
    expect(details.endsWith('\n```')).toBe(true);
    expect(details).toContain('#5 12.34 E: Unable to locate package foo');
    expect(details).toContain('Failed building:  numpy');
    expect(embed.description).toMatch(/^❌ \*\*numpy\*\* · 1m 12s · failed at python \(3\/4, build\)/m);
  });

  it('a --multiple build that exited 0 with a failed package is shown as the failure it is', () => {
    const body = render(F.multipleSkipErrorsMixed());
    expect(body.embeds![0]!.title).toBe('Jetson Containers Build Failure');
    expect(field(body, 'Status')).toBe('Build Failed (exit 0)');
    expect(field(body, 'Package Count')).toBe('4 (1 failed)');
    const desc = body.embeds![0]!.description!.split('\n');
    // Failed first, then the rest in order.
    const pkgLines = desc.filter((l) => /^(✅|❌|⏹|⏭) /.test(l));
    expect(pkgLines.map((l) => l.slice(0, 2).trim())).toEqual(['❌', '✅', '✅', '✅']);
    expect(pkgLines[0]).toContain('pytorch:2.8');
    expect(pkgLines[2]).toContain('`ros:humble-desktop-l4t-r36.4.4` · 40m 10s');
  });

  it('packages never reached are marked ⏭ not built', () => {
    const body = render(F.multipleStopsAtFailure());
    expect(body.embeds![0]!.description).toContain('⏭ **ros:humble-desktop** · not built');
    expect(field(body, 'Package Count')).toBe('4 (1 failed, 2 not built)');
  });

  it('cancelled has its own look: ⏹, grey, its own title', () => {
    const body = render(F.cancelled());
    const embed = body.embeds![0]!;
    expect(body.content!.split('\n')[0]).toBe('⏹ **Build Cancelled**');
    expect(embed.title).toBe('Jetson Containers Build Cancelled');
    expect(embed.color).toBe(COLOR_CANCELLED);
    expect([COLOR_SUCCESS, COLOR_FAILURE]).not.toContain(embed.color);
    expect(field(body, 'Status')).toBe('Build Cancelled (signal SIGINT)');
    expect(field(body, 'Cancelled At')).toContain('**pip\\_cache (2/4, build)**');
    expect(embed.description).toContain('⏹ **numpy**');
  });

  it('an unknown package fails in resolve, with the upstream error', () => {
    const body = render(F.unknownPackage());
    expect(field(body, 'Failed At')).toContain('**resolve**');
    expect(field(body, 'Failed At')).toContain(`couldn't find package:  nonexistentpkg`);
  });

  it('an empty environment and missing run context still give a complete message', () => {
    const body = render(F.emptyEnvironment());
    expect(field(body, 'Environment')).toBe('not detected');
    expect(body.content).not.toContain('🔧');
    expect(body.embeds![0]!.url).toBeUndefined();
    expect(field(body, 'Logs')).toContain('Log upload failed: ACTIONS\\_RUNTIME\\_TOKEN is not set');
    expect(field(body, 'Details')).toBe('```\n' + F.emptyEnvironment().message + '\n```');
  });
});

describe('renderDiscord: many packages', () => {
  it('shows failed packages first and counts the rest, never hiding a failure behind a success', () => {
    const r = F.manyPackages(300);
    const body = render(r);
    const desc = body.embeds![0]!.description!;
    const lines = desc.split('\n');
    const shownFailed = lines.filter((l) => l.startsWith('❌ ')).length;
    const shownOk = lines.filter((l) => l.startsWith('✅ ')).length;
    const more = /^… and (\d+) more \((\d+) failed\)$/.exec(lines[lines.length - 1]!);
    expect(more).not.toBeNull();
    const [hidden, hiddenFailed] = [Number(more![1]), Number(more![2])];
    expect(shownFailed + shownOk + hidden).toBe(300);
    expect(shownFailed + hiddenFailed).toBe(r.failedPackages.length);
    expect(shownFailed).toBeGreaterThan(0);
    if (shownOk > 0) expect(hiddenFailed).toBe(0);
    expect(field(body, 'Package Count')).toBe('300 (43 failed)');
    expect(body.content).toMatch(/… and \d+ more/);
  });

  it('shows successes once every failure is listed', () => {
    const r = F.manyPackages(30);
    const desc = render(r).embeds![0]!.description!.split('\n');
    const firstOk = desc.findIndex((l) => l.startsWith('✅ '));
    const lastFailed = desc.map((l) => l.startsWith('❌ ')).lastIndexOf(true);
    expect(firstOk).toBeGreaterThan(lastFailed);
    expect(desc.filter((l) => l.startsWith('❌ '))).toHaveLength(r.failedPackages.length);
  });
});

describe('renderDiscord: hostile text', () => {
  it('neutralises @everyone, @here and user/role mentions with a zero-width space', () => {
    const body = render(F.mentionsHostile());
    const json = JSON.stringify(body);
    expect(json).toContain('@\\u200beveryone'.replace('\\u200b', '\u200b'));
    expect(json).toContain('@\u200bhere');
    expect(json).not.toMatch(/@(everyone|here)/i);
    expect(body.allowed_mentions.parse).toEqual([]);
  });

  it('keeps backticks from opening or closing fences', () => {
    const body = render(F.backtickHostile());
    const details = field(body, 'Details')!;
    expect(details.startsWith('```\n') && details.endsWith('\n```')).toBe(true);
    expect(details.slice(3, -3)).not.toContain('```');
    expect(body.content).toContain('`jetson-containers build evilˋˋˋpkgˋ --build-args A:ˋwhoamiˋ`');
  });

  it('cuts a 50 KB error with a visible … and keeps the end of the excerpt', () => {
    const body = render(F.hugeError());
    const details = field(body, 'Details')!;
    expect(details).toContain('…');
    expect(details.endsWith('E…\n```')).toBe(true);
    expect(field(body, 'Failed At')).toContain('…');
    expect(body.embeds![0]!.description).toContain('…');
  });

  it('cuts long image and package names but keeps every field non-empty', () => {
    const body = render(F.longNames());
    for (const f of body.embeds![0]!.fields!) expect(f.value.length).toBeGreaterThan(0);
    expect(field(body, 'Logs')).not.toContain(
      'q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1&q=1',
    );
    expect(field(body, 'Logs')).toContain(`[Workflow run](<${F.longNames().run.runUrl}>)`);
  });
});

describe('renderDiscord: options', () => {
  it('takes username, avatar and forum thread name from the options, within limits', () => {
    const body = render(F.successChainWithPush(), {
      ...OPTS,
      username: '  Jetson CI  ',
      avatarUrl: 'https://example.com/a.png',
      threadName: 'nightly builds',
    });
    expect(body.username).toBe('Jetson CI');
    expect(body.avatar_url).toBe('https://example.com/a.png');
    expect(body.thread_name).toBe('nightly builds');
    const long = render(F.successChainWithPush(), HOSTILE_OPTS);
    expect(long.username!.length).toBe(80);
    expect(long.thread_name!.length).toBeLessThanOrEqual(100);
  });

  it('leaves username, avatar and thread name out when not set or blank', () => {
    const body = render(F.successChainWithPush(), { ...OPTS, username: '   ' });
    expect(body).not.toHaveProperty('username');
    expect(body).not.toHaveProperty('avatar_url');
    expect(body).not.toHaveProperty('thread_name');
    expect(body).not.toHaveProperty('attachments');
  });

  it('declares an attachment and returns its file for multipart delivery', () => {
    const file: OutgoingFile = { name: 'python.log', contentType: 'text/plain', data: Buffer.from('tail') };
    const out = renderDiscord(F.stageFailure(), { ...OPTS, attachment: file });
    const body = out.body as DiscordBody;
    expect(body.attachments).toEqual([
      { id: '0', filename: 'python.log', description: 'Build log of stage python (failure)' },
    ]);
    expect(out.files).toEqual([file]);
    expect(field(body, 'Logs')).toContain('📎 `python.log` attached');
    expect(renderDiscord(F.stageFailure(), { ...OPTS, attachment: null }).files).toEqual([]);
  });

  it('is pure: the same report renders the same body and is not modified', () => {
    const r = F.mentionsHostile();
    const before = JSON.stringify(r);
    expect(JSON.stringify(render(r))).toBe(JSON.stringify(render(r)));
    expect(JSON.stringify(r)).toBe(before);
  });
});

describe('checkDiscordLimits', () => {
  const ok = (): DiscordBody => render(F.stageFailure());

  it('accepts a rendered body and names each kind of violation', () => {
    expect(checkDiscordLimits(ok())).toEqual([]);
    const cases: [string, (b: DiscordBody) => void, RegExp][] = [
      ['content', (b) => (b.content = 'x'.repeat(2001)), /content has 2001/],
      ['title', (b) => (b.embeds![0]!.title = 'x'.repeat(257)), /title has 257/],
      ['description', (b) => (b.embeds![0]!.description = 'x'.repeat(4097)), /description has 4097/],
      [
        'field value',
        (b) => (b.embeds![0]!.fields![0]!.value = 'x'.repeat(1025)),
        /fields\[0\]\.value has 1025/,
      ],
      [
        'empty field',
        (b) => (b.embeds![0]!.fields![0]!.value = ''),
        /fields\[0\]\.value has 0 characters \(min 1\)/,
      ],
      ['field name', (b) => (b.embeds![0]!.fields![0]!.name = 'x'.repeat(257)), /fields\[0\]\.name has 257/],
      ['footer', (b) => (b.embeds![0]!.footer = { text: 'x'.repeat(2049) }), /footer\.text has 2049/],
      ['author', (b) => (b.embeds![0]!.author = { name: 'x'.repeat(257) }), /author\.name has 257/],
      ['username long', (b) => (b.username = 'x'.repeat(81)), /username has 81/],
      ['username empty', (b) => (b.username = ''), /username has 0/],
      [
        'fields',
        (b) => (b.embeds![0]!.fields = Array.from({ length: 26 }, () => ({ name: 'a', value: 'b' }))),
        /26 fields/,
      ],
      ['embeds', (b) => (b.embeds = Array.from({ length: 11 }, () => ({ title: 't' }))), /11 embeds/],
      [
        'total',
        (b) => {
          b.embeds![0]!.description = 'x'.repeat(4000);
          b.embeds![0]!.fields = [1, 2, 3].map(() => ({ name: 'n', value: 'v'.repeat(1000) }));
        },
        /embed text totals 7123 characters \(max 6000\)/,
      ],
      ['mentions', (b) => delete (b as Partial<DiscordBody>).allowed_mentions, /allowed_mentions/],
    ];
    for (const [label, mutate, expected] of cases) {
      const b = ok();
      mutate(b);
      const v = checkDiscordLimits(b);
      expect(v.join('\n'), label).toMatch(expected);
    }
  });

  it('counts title, description, field names and values, footer and author toward the total', () => {
    expect(
      discordTextLength({
        title: 'ab',
        description: 'cde',
        fields: [{ name: 'f', value: 'gh' }],
        footer: { text: 'ij' },
        author: { name: 'k' },
        url: 'https://not-counted.example',
      }),
    ).toBe(11);
  });
});

describe('limits primitives', () => {
  it('formats durations for people', () => {
    expect(formatDuration(3733)).toBe('1h 02m 13s');
    expect(formatDuration(303)).toBe('5m 03s');
    expect(formatDuration(42.4)).toBe('42s');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });

  it('truncateMarkdown closes a fence it cuts into and never exceeds the limit', () => {
    const text =
      'intro\n' +
      codeBlock(
        Array.from({ length: 50 }, (_, i) => `line ${i} ` + 'x'.repeat(30)),
        4000,
      ) +
      '\nafter';
    for (let max = 1; max <= text.length + 1; max += 7) {
      const out = truncateMarkdown(text, max);
      expect(out.length, `max ${max}`).toBeLessThanOrEqual(max);
      expect(discordFencesBalanced(out), `max ${max}: ${out}`).toBe(true);
    }
    const cut = truncateMarkdown(text, 200);
    expect(cut).toMatch(/…\n```$/);
  });

  it('codeBlock keeps the last lines, marks the cut and always closes', () => {
    const block = codeBlock(['first', 'second', 'third ```', 'last'], 30, 'bash');
    expect(block.length).toBeLessThanOrEqual(30);
    expect(block.startsWith('```bash\n…\n')).toBe(true);
    expect(block.endsWith('last\n```')).toBe(true);
    expect(discordFencesBalanced(block)).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const s = '😀'.repeat(10);
    for (let max = 1; max < 20; max++) expect(hasLoneSurrogate(truncate(s, max))).toBe(false);
    expect(hasLoneSurrogate(codeBlock(['😀'.repeat(100)], 51))).toBe(false);
    expect(hasLoneSurrogate(codeBlock(['😀'.repeat(100)], 52))).toBe(false);
  });
});
