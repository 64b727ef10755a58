// Hostile values in templates: a package name, an error or a log line can never break a JSON body, add
// markup or a link, or ping anyone; texts are held to each platform's limit and a body to GENERIC_MAX_BYTES.
import { describe, expect, it } from 'vitest';
import { renderDiscord } from '../../src/notify/render/discord.js';
import { renderGeneric } from '../../src/notify/render/generic.js';
import { buildTemplateView } from '../../src/notify/template-fields.js';
import { escapeText, renderMessageTemplate, renderPayloadTemplate } from '../../src/notify/templates.js';
import type { DiscordOptions } from '../../src/notify/types.js';
import * as F from '../support/reports.js';

const HOSTILE = [
  'say "hi"',
  'back\\slash \\" \\u0041',
  'two\nlines\r\nand\ttab',
  'ctrl \u0000\u0001\u001f\u007f',
  'sep \u2028 \u2029',
  '"}, "status": "success", "x": {"',
  '{{status}} {{{status}}}',
  '@everyone @here <@123456789012345678> <@&42> <!channel> <!here> <@U024BE7LH> <#C024BE7LH>',
  '**bold** _it_ ~~s~~ `code` ```fence``` [link](https://evil.example) <https://evil.example|click> # head',
  '<at>Someone</at> &amp; & < >',
];

describe('in a JSON template every value stays a string', () => {
  it.each(HOSTILE.map((v, i) => [i, v] as const))('hostile value %i comes back exactly', (_i, value) => {
    const r = F.stageFailure();
    r.message = value;
    r.packages[0]!.name = value;
    const tpl =
      '{"m": "{{message}}", "raw": "{{{message}}}", "amp": "{{&message}}", "names": [{{#results}}"{{name}}"{{/results}}], "status": "{{status}}"}';
    const body = renderPayloadTemplate(tpl, (caps) => buildTemplateView(r, undefined, caps), 512 * 1024);
    expect(body).toEqual({ m: value, raw: value, amp: value, names: [value], status: 'failure' });
  });

  it('a 50 KB error lands cut to 4000 characters, ending in …', () => {
    const body = renderPayloadTemplate(
      '{"error": "{{error}}", "message": "{{message}}"}',
      (caps) => buildTemplateView(F.hugeError(), undefined, caps),
      512 * 1024,
    ) as { error: string; message: string };
    expect(body.error).toBe('E'.repeat(3999) + '…');
    expect(body.message).toBe('numpy failed: ' + 'M'.repeat(3985) + '…');
  });

  it('10 000 packages over the size limit fall back to 20 items of 500 characters', () => {
    const r = F.manyPackages(10_000);
    for (const p of r.packages) p.name = `${p.name}-${'n'.repeat(5000)}`;
    const body = renderPayloadTemplate(
      '{"results": [{{#results}}"{{name}}"{{^last}},{{/last}}{{/results}}]}',
      (caps) => buildTemplateView(r, undefined, caps),
      512 * 1024,
    ) as { results: string[] };
    expect(body.results).toHaveLength(20);
    expect(body.results[0]).toHaveLength(500);
    expect(body.results[0]!.endsWith('…')).toBe(true);
  });

  it('a body still over the limit fails that delivery with a clear reason', () => {
    const tpl = `{"e": "${'{{error}}'.repeat(2000)}"}`;
    expect(() => renderGeneric(F.hugeError(), { event: 'finished', change: 'unknown' }, tpl)).toThrow(
      'the payload template renders 1004009 bytes, over the 512 KiB limit, even with every list cut to 20 items',
    );
  });

  it('a value the sample never had that makes invalid JSON is a delivery error naming the place', () => {
    // `exit_code` can be empty (a cancelled build): unquoted it breaks the JSON (validation refuses this at start).
    const r = F.cancelled();
    r.exitCode = null;
    expect(() => renderGeneric(r, undefined, '{\n  "code": {{exit_code}}\n}')).toThrow(
      'the payload template renders invalid JSON at line 2, column 11 of the template: a value is expected here',
    );
  });
});

describe('in a text line nothing links, formats or pings', () => {
  it('Discord: markdown backslashed, mentions defused, on one line', () => {
    expect(escapeText(HOSTILE[7]!, 'discord')).toBe(
      '@\u200beveryone @\u200bhere \\<@\u200b123456789012345678\\> \\<@\u200b&42\\> \\<!channel\\> \\<!here\\> \\<@U024BE7LH\\> \\<#C024BE7LH\\>',
    );
    expect(escapeText(HOSTILE[8]!, 'discord')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`code\\` \\`\\`\\`fence\\`\\`\\` \\[link\\](https://evil.example) \\<https://evil.example\\|click\\> # head',
    );
    expect(escapeText('# big\nnext line', 'discord')).toBe('\\# big next line');
  });

  it('Slack: &, < and > as entities, @channel defused, formatting marks as look-alikes (as the built-in message)', () => {
    expect(escapeText(HOSTILE[7]!, 'slack')).toBe(
      '@\u200beveryone @\u200bhere &lt;\u200b@123456789012345678&gt; &lt;\u200b@&amp;42&gt; &lt;\u200b!channel&gt; &lt;\u200b!here&gt; &lt;\u200b@U024BE7LH&gt; &lt;\u200b#C024BE7LH&gt;',
    );
    expect(escapeText('<https://evil.example|click> @channel a&b ```x```', 'slack')).toBe(
      '&lt;https://evil.example|click&gt; @\u200bchannel a&amp;b ˋˋˋxˋˋˋ',
    );
  });

  it('Teams: markdown backslashed, no <at> mention', () => {
    expect(escapeText(HOSTILE[9]!, 'teams')).toBe('\\<at\\>Someone\\</at\\> \\&amp; & \\< \\>');
    expect(escapeText('**b** [l](https://e.example) @here', 'teams')).toBe(
      '\\*\\*b\\*\\* \\[l\\](https:\u200b//e.example) @\u200bhere',
    );
    expect(escapeText('- item', 'teams')).toBe('\\- item');
    expect(escapeText('1. first', 'teams')).toBe('1\\. first');
    expect(escapeText('orin-agx-01 (build 9/9)', 'teams')).toBe('orin-agx-01 (build 9/9)');
  });

  it('URLs stay clickable where they are plain, and are escaped where they are not', () => {
    const r = F.stageFailure();
    r.logs.url = 'https://github.com/acme/x/actions/runs/1/artifacts/2?a=1&b=2';
    r.run.runUrl = 'javascript:alert(1)';
    const tpl = '[logs](<{{log_url}}>) run {{run_url}}';
    expect(renderMessageTemplate(tpl, buildTemplateView(r), 'discord')).toBe(
      '[logs](<https://github.com/acme/x/actions/runs/1/artifacts/2?a=1&b=2>) run javascript:alert(1)',
    );
    expect(renderMessageTemplate('<{{log_url}}|logs>', buildTemplateView(r), 'slack')).toBe(
      '<https://github.com/acme/x/actions/runs/1/artifacts/2?a=1&amp;b=2|logs>',
    );
    r.logs.url = 'https://evil.example/x|<!channel>';
    expect(renderMessageTemplate('<{{log_url}}|logs>', buildTemplateView(r), 'slack')).toBe(
      '<https://evil.example/x%7C&lt;\u200b!channel&gt;|logs>',
    );
  });

  it.each([
    ['discord', 2000],
    ['slack', 3000],
    ['teams', 4000],
  ] as const)('%s: the line is cut to %i characters with …', (platform, max) => {
    const line = renderMessageTemplate(
      '{{emoji}} {{error}} {{message}}',
      buildTemplateView(F.hugeError()),
      platform,
    );
    expect(line).toHaveLength(max);
    expect(line.startsWith('❌ EEEE')).toBe(true);
    expect(line.endsWith('…')).toBe(true);
  });
});

const DISCORD_OPTS: DiscordOptions = {
  username: null,
  avatarUrl: null,
  threadId: null,
  threadName: null,
  attachLog: 'never',
  style: 'compact',
  mentionOnFailure: { users: ['80351110224678912'], roles: [] },
  live: false,
  liveIntervalMs: 10_000,
};

describe('the Discord message with a message-template', () => {
  it('compact: the line is the content, after the configured mention; nothing else can ping', () => {
    const body = renderDiscord(
      F.mentionsHostile(),
      { ...DISCORD_OPTS, messageTemplate: '🔔 {{event}}: {{message}} @everyone' },
      { event: 'finished', change: 'unknown' },
    ).body as { content: string; allowed_mentions: unknown };
    expect(body.content).toBe(
      '<@80351110224678912>\n🔔 jetson.build.finished: @\u200beveryone the build broke, @\u200bhere look, ' +
        '\\<@\u200b123456789012345678\\> and \\<@\u200b&987654321098765432\\> @\u200beveryone',
    );
    expect(body.allowed_mentions).toEqual({ parse: [], users: ['80351110224678912'] });
  });

  it('upstream: the line replaces the upstream content lines', () => {
    const body = renderDiscord(
      F.successChainWithPush(),
      { ...DISCORD_OPTS, style: 'upstream', messageTemplate: '{{emoji}} {{packages}} in {{duration}}' },
      { event: 'finished', change: 'unknown' },
    ).body as { content: string; embeds: unknown[] };
    expect(body.content).toBe('✅ numpy in 1m 10s');
    expect(body.embeds).toHaveLength(1);
  });

  it('without a template the compact message has no content, as before', () => {
    const body = renderDiscord(F.successChainWithPush(), DISCORD_OPTS).body as { content?: string };
    expect(body.content).toBeUndefined();
  });
});
