// Template checks at start, for what only a real report would reveal: a list item's value that can be
// unknown (a package never built has no duration), and list sections nested in list sections (the rendered
// size multiplies with each level).
import { describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => undefined }));

import { resolveNotifySettings } from '../../src/notify/targets.js';
import { renderPayloadTemplate, validateTemplates } from '../../src/notify/templates.js';
import { buildTemplateView } from '../../src/notify/template-fields.js';
import { InputError } from '../../src/runner/errors.js';
import { multipleStopsAtFailure } from '../support/reports.js';

const GENERIC = 'https://hooks.example.com/jetson';
const DISCORD =
  'https://discord.com/api/webhooks/112233445566778899/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-tok';

function message(inputs: Record<string, string>): string {
  try {
    resolveNotifySettings((name) => inputs[name] ?? '', {});
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected an InputError');
}

const DURATIONS =
  '{"r":[{{#results}}{"n":"{{name}}","d":{{duration_seconds}}}{{^last}},{{/last}}{{/results}}]}';

describe('a list item value that can be unknown', () => {
  it('a real report with a package never built renders invalid JSON for this template', () => {
    // The case the check must catch: numpy failed, torchvision was never built (no duration).
    const r = multipleStopsAtFailure();
    expect(r.packages.some((p) => p.durationSeconds === null)).toBe(true);
    expect(() =>
      renderPayloadTemplate(DURATIONS, (caps) => buildTemplateView(r, undefined, caps), 512 * 1024),
    ).toThrow(/renders invalid JSON/);
  });

  it('is refused at start, at the unquoted field, saying to quote it', () => {
    expect(message({ 'webhook-url': GENERIC, 'payload-template': DURATIONS })).toBe(
      `Input 'payload-template' has an invalid value ${JSON.stringify(DURATIONS)}: a template that renders ` +
        "JSON; when a list item's values are empty (unknown: put such a field in quotes) it renders invalid " +
        'JSON at line 1, column 39: a value is expected here',
    );
  });

  it('quoted, or inside its own section, the same field passes', () => {
    const quoted =
      '{"r":[{{#results}}{"n":"{{name}}","d":"{{duration_seconds}}"}{{^last}},{{/last}}{{/results}}]}';
    const guarded =
      '{"r":[{{#results}}{"n":"{{name}}"{{#duration_seconds}},"d":{{duration_seconds}}{{/duration_seconds}}}{{^last}},{{/last}}{{/results}}]}';
    for (const payload of [quoted, guarded]) {
      expect(() =>
        validateTemplates({ message: null, messageSource: null, payload, payloadSource: 'payload-template' }),
      ).not.toThrow();
      const body = renderPayloadTemplate(
        payload,
        (caps) => buildTemplateView(multipleStopsAtFailure(), undefined, caps),
        512 * 1024,
      ) as { r: unknown[] };
      expect(body.r.length).toBe(multipleStopsAtFailure().packages.length);
    }
  });
});

describe('list sections nested in list sections', () => {
  it('are refused at start with where they are', () => {
    expect(
      message({
        'discord-webhook-url': DISCORD,
        'message-template': 'Done.\n{{#results}}{{#results}}{{emoji}}{{/results}}{{/results}}',
      }),
    ).toBe(
      `Input 'message-template' has an invalid value "{{#results}}{{#results}}{{emoji}}{{/results}}{{/results}}": ` +
        'a template without a list inside a list; {{#results}} at line 2, column 13 is inside {{#results}} ' +
        '(close the outer list first)',
    );
    expect(
      message({
        'webhook-url': GENERIC,
        'payload-template': '{"x":"{{#results}}{{#failed}}{{error}}{{/failed}}{{/results}}"}',
      }),
    ).toBe(
      `Input 'payload-template' has an invalid value "{\\"x\\":\\"{{#results}}{{#failed}}{{error}}{{/failed}}{{/results}}\\"}": ` +
        'a template without a list inside a list; {{#failed}} at line 1, column 19 is inside {{#results}} ' +
        '(close the outer list first)',
    );
  });

  it('lists side by side, an inverted list inside a list (renders at most once) and flags inside are fine', () => {
    expect(() =>
      validateTemplates({
        message:
          '{{#failed}}{{name}}{{/failed}} / {{#results}}{{#last}}.{{/last}}{{^failed}}ok{{/failed}}{{name}}{{/results}}',
        messageSource: 'message-template',
        payload: null,
        payloadSource: null,
      }),
    ).not.toThrow();
  });
});
