// `message-template` for Slack: the text line is the user's template, rendered with every value inert for
// mrkdwn (no bold, italics, strike or code from report text, no link, no mention) — the same defusing the
// built-in Slack message uses.
import { describe, expect, it } from 'vitest';
import { renderSlack, type SlackBody } from '../../src/notify/render/slack.js';
import { escapeText, renderMessageTemplate } from '../../src/notify/templates.js';
import { buildTemplateView } from '../../src/notify/template-fields.js';
import { stageFailure } from '../support/reports.js';

const FINISHED = { event: 'finished', change: 'unknown' } as const;
const HOSTILE = '*bold* _it_ ~strike~ `code` <!channel> <@U123> <https://evil.example|click> @here & done';

function hostileReport() {
  const r = stageFailure();
  r.failure!.error = HOSTILE;
  r.packages[0]!.failure!.error = HOSTILE;
  return r;
}

describe('Slack message-template', () => {
  it('escapeText for Slack defuses mrkdwn formatting, links and mentions', () => {
    expect(escapeText(HOSTILE, 'slack')).toBe(
      '∗bold∗ ˍitˍ ∼strike∼ ˋcodeˋ &lt;\u200b!channel&gt; &lt;\u200b@U123&gt; &lt;https://evil.example|click&gt; @\u200bhere &amp; done',
    );
  });

  it('keeps an identifier with an underscore inside a word as it is written', () => {
    expect(escapeText('pip_cache failed', 'slack')).toBe('pip_cache failed');
  });

  it('renderSlack takes the template as its text line, the values inert', () => {
    const body = renderSlack(
      hostileReport(),
      { messageTemplate: 'CUSTOM {{status}} {{packages}}: {{error}}' },
      FINISHED,
    ).body as SlackBody;
    expect(body.text).toBe(
      'CUSTOM failure numpy: ∗bold∗ ˍitˍ ∼strike∼ ˋcodeˋ &lt;\u200b!channel&gt; &lt;\u200b@U123&gt; &lt;https://evil.example|click&gt; @\u200bhere &amp; done',
    );
  });

  it('the template’s own markup is kept: only the values are defused', () => {
    const view = buildTemplateView(hostileReport(), FINISHED);
    expect(renderMessageTemplate('*{{status}}* in `{{packages}}`', view, 'slack')).toBe(
      '*failure* in `numpy`',
    );
  });
});
