// Slack bodies for hostile reports (10 000 packages, 50 KB error lines, mention, link and formatting
// injection, backticks, lone surrogates): every Slack limit holds, nothing can ping or link anywhere the action
// did not mean, no formatting leaks from the report, and no code block is left open. checkSlackLimits itself
// is tested on bodies that break each limit.
import { describe, expect, it } from 'vitest';
import {
  checkSlackLimits,
  renderSlack,
  SLACK_LIMITS,
  type SlackBody,
} from '../../src/notify/render/slack.js';
import { inert } from '../../src/notify/render/slack-limits.js';
import type { BuildReport } from '../../src/report/build-report.js';
import { hasLoneSurrogate, stringsIn } from '../support/markdown.js';
import * as F from '../support/reports.js';

const INJECTIONS = [
  '<!channel>',
  '<!here|here>',
  '<!everyone>',
  '<@U123>',
  '<#C024BE7LR>',
  '<https://evil.example|click>',
  '*bold*',
  '_italic_',
  '~strike~',
  '`code`',
  '```fence',
  '@here',
  '@channel',
  'bad\uD800surrogate\uDFFFhere',
];
const HOSTILE = INJECTIONS.join(' ');

/** A failed --multiple build where every text the renderer reads is hostile. */
function injected(): BuildReport {
  const r = F.multipleSkipErrorsMixed();
  r.message = HOSTILE;
  r.runner.name = HOSTILE;
  r.environment = { ...r.environment, CUDA_VERSION: HOSTILE, L4T_VERSION: '<!channel>' };
  r.run = { ...r.run, ref: `refs/heads/${HOSTILE}`, repository: HOSTILE, workflow: HOSTILE, job: HOSTILE };
  r.packages = r.packages.map((p, i) => ({
    ...p,
    name: `${INJECTIONS[i % INJECTIONS.length]} ${HOSTILE}`,
    image: p.image ? HOSTILE : null,
    failure: p.failure
      ? { ...p.failure, stage: HOSTILE, error: HOSTILE, excerpt: [...INJECTIONS, HOSTILE] }
      : null,
  }));
  r.failure = { ...r.failure!, stage: HOSTILE, error: HOSTILE, excerpt: [...INJECTIONS, HOSTILE] };
  return r;
}

function fiftyKbLines(): BuildReport {
  const r = F.stageFailure();
  const line = `${'<!channel> *x* '.repeat(3500)}`.slice(0, 50 * 1024);
  r.failure = { ...r.failure!, error: line, excerpt: Array.from({ length: 60 }, () => line) };
  r.packages = [{ ...r.packages[0]!, name: line, failure: r.failure }];
  r.message = line;
  return r;
}

const render = (r: BuildReport): SlackBody =>
  renderSlack(r, {}, { event: 'finished', change: 'broken' }).body as SlackBody;

/** The mrkdwn texts of a body (top-level text included): where links, mentions and formatting are read. */
function mrkdwnTexts(body: SlackBody): string[] {
  const out = [body.text];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(body.attachments);
  return out;
}

/** Plain-text objects (the header): nothing is parsed there, but mentions are defused all the same. */
function plainTexts(body: SlackBody): string[] {
  return stringsIn(body.attachments)
    .filter(([p]) => /blocks\[0\]\.text\.text$/.test(p))
    .map(([, s]) => s);
}

const ALLOWED_LINK =
  /^https:\/\/github\.com\/acme\/jetson-images\/(actions\/runs\/9876543210(\/artifacts\/4242)?|commit\/[0-9a-f]{40})$/;

function expectInert(body: SlackBody, name: string): void {
  expect(checkSlackLimits(body), name).toEqual([]);
  for (const text of mrkdwnTexts(body)) {
    // Every `<` opens a link the action made, to a page of the run; nothing else is a Slack control sequence.
    for (const m of text.matchAll(/<([^>|]*)(\|[^>]*)?>?/g)) expect(m[1], name).toMatch(ALLOWED_LINK);
    expect(text, name).not.toMatch(/@(here|channel|everyone)/i);
    expect(text, name).not.toMatch(/<https?:\/\/evil/);
    // Code shows text as written (blocks, and the action's own inline spans); elsewhere no mark from the
    // report formats anything, and the report's backticks open no span.
    const outside = text.replace(/```[\s\S]*?```/g, '');
    expect(outside, name).not.toContain('`code`');
    expect(outside.replace(/`[^`\n]*`/g, ''), name).not.toMatch(/\*bold\*|_italic_|~strike~/);
    expect(hasLoneSurrogate(text), name).toBe(false);
    expect((text.match(/```/g) ?? []).length % 2, name).toBe(0);
  }
  for (const text of plainTexts(body)) {
    expect(text, name).not.toMatch(/<[!@#]|@(here|channel|everyone)/i);
    expect(hasLoneSurrogate(text), name).toBe(false);
  }
}

describe('renderSlack: hostile reports', () => {
  it('mention, link and formatting injection in every field: inert', () => {
    const body = render(injected());
    expectInert(body, 'injected');
    // The header is plain text: shown as written, but defused all the same.
    const header = body.attachments[0]?.blocks[0];
    expect(header?.type === 'header' && header.text.text).toMatch(
      /^❌ Broken: <\u200b!here\|here> <\u200b!channel> /,
    );
  });

  it('10 000 packages: failures first, folded into a count, one section within 3000 characters', () => {
    const body = render(F.manyPackages(10_000));
    expectInert(body, 'many');
    const sections = body.attachments[0]!.blocks.filter((b) => b.type === 'section');
    const pkgs = sections.at(-1);
    const text = pkgs?.type === 'section' ? (pkgs.text?.text ?? '') : '';
    const lines = text.split('\n');
    expect(lines.length).toBeLessThanOrEqual(15);
    expect(lines.slice(0, -1).every((l) => l.startsWith('❌ '))).toBe(true);
    expect(lines.at(-1)).toMatch(/^… and 99\d\d more \(1\d\d\d failed\)$/);
    expect(JSON.stringify(body).length).toBeLessThan(20_000);
  });

  it('50 KB error lines and names: cut with …, the excerpt fenced and closed', () => {
    const body = render(fiftyKbLines());
    expectInert(body, '50kb');
    expect(JSON.stringify(body).length).toBeLessThan(SLACK_LIMITS.totalText * 2);
    expect(body.text.length).toBeLessThanOrEqual(300);
    expect(body.text).toMatch(
      /^❌ Broken: &lt;\u200b!channel&gt; ∗x∗ .*… failed at build 3\/4 \(python\) · /u,
    );
  });

  it('every fixture, hostile ones included, with every change wording', () => {
    for (const [name, report] of F.allReports()) {
      for (const change of ['fixed', 'broken', 'same'] as const) {
        const body = renderSlack(report, {}, { event: 'finished', change }).body as SlackBody;
        expectInert(body, `${name}/${change}`);
      }
    }
  });

  it('inert() never cuts an entity in half and stays within its length', () => {
    for (let max = 1; max < 40; max++) {
      const out = inert('a&b<c>d&e'.repeat(5), max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.replace(/&(amp|lt|gt);/g, '')).not.toMatch(/[&<>]/);
    }
  });
});

describe('checkSlackLimits', () => {
  const good = (): SlackBody => render(F.stageFailure());

  it('passes a rendered body', () => {
    expect(checkSlackLimits(good())).toEqual([]);
  });

  it('names each broken limit', () => {
    const b = good();
    const blocks = b.attachments[0]!.blocks;
    blocks[0] = { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } };
    blocks[1] = {
      type: 'section',
      fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: 'f'.repeat(2001) })),
    };
    blocks[2] = { type: 'section', text: { type: 'mrkdwn', text: '```\nopen ' + 's'.repeat(3000) } };
    blocks[3] = { type: 'context', elements: [{ type: 'mrkdwn', text: 'ping <!channel>' }] };
    const problems = checkSlackLimits(b);
    expect(problems).toContain('attachments[0].blocks[0].text has 151 characters (max 150)');
    expect(problems).toContain('attachments[0].blocks[1] has 11 fields (max 10)');
    expect(problems).toContain('attachments[0].blocks[1].fields[10] has 2001 characters (max 2000)');
    expect(problems).toContain('attachments[0].blocks[2].text has 3009 characters (max 3000)');
    expect(problems).toContain('attachments[0].blocks[2].text leaves a code block open');
    expect(problems).toContain('attachments[0].blocks[3].elements[0] holds a live mention');
    expect(problems.some((p) => /^the message shows \d+ characters \(max 12000\)$/.test(p))).toBe(true);
  });

  it('too many blocks or attachments, no text, a lone surrogate', () => {
    const b = good();
    const attachment = b.attachments[0]!;
    attachment.blocks = Array.from({ length: 51 }, () => ({ type: 'divider' as const }));
    b.attachments = Array.from({ length: 101 }, () => ({ color: '#000000', blocks: [] }));
    b.attachments[0] = attachment;
    expect(checkSlackLimits(b)).toEqual([
      '101 attachments (max 100: Slack answers too_many_attachments)',
      '51 blocks (max 50)',
    ]);
    expect(checkSlackLimits({ ...good(), text: '' })).toEqual(['text is missing (Slack answers no_text)']);
    expect(checkSlackLimits({ ...good(), text: 'a\uD800' })).toEqual(['text holds a lone surrogate']);
    expect(checkSlackLimits('nope')).toEqual(['body is not an object']);
  });
});
