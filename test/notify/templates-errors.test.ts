// A bad template is an error when the settings are read (before the build): the exact message for each case,
// naming the template's source and saying where (line and column).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => undefined }));

import { resolveNotifySettings } from '../../src/notify/targets.js';
import { InputError } from '../../src/runner/errors.js';

const GENERIC = 'https://hooks.example.com/jetson';
const DISCORD =
  'https://discord.com/api/webhooks/112233445566778899/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-tok';
const DISCORD2 =
  'https://discord.com/api/webhooks/998877665544332211/ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210_-tok';

function message(inputs: Record<string, string>, env: Record<string, string> = {}): string {
  try {
    resolveNotifySettings((name) => inputs[name] ?? '', env);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected an InputError');
}

const FIELD_LIST =
  'event, status, emoji, is_success, is_failure, is_cancelled, message, change, packages, package_count, ' +
  'failed_packages, failed_count, success_count, failed, results, images, error, stage, phase, excerpt, ' +
  'log_url, artifact_url, run_url, job_url, duration, duration_seconds, start_time, end_time, runner, ' +
  'repository, ref, sha, short_sha, workflow, job, run_id, run_attempt, l4t, jetpack, cuda, python, arch, ' +
  'command, exit_code';

describe('a message-template that does not parse', () => {
  it('names the unclosed tag at line 2, column 7', () => {
    expect(
      message({ 'discord-webhook-url': DISCORD, 'message-template': 'Build done\nHello {{status' }),
    ).toBe(
      `Input 'message-template' has an invalid value "Hello {{status": a mustache template; it does not parse: ` +
        'a tag opened at line 2, column 7 is never closed (no "}}")',
    );
  });

  it('names a section never closed where it opens', () => {
    expect(
      message({
        'discord-webhook-url': DISCORD,
        'message-template': '{{status}}\n  {{#failed}}{{name}}',
      }),
    ).toBe(
      `Input 'message-template' has an invalid value "  {{#failed}}{{name}}": a mustache template; it does ` +
        'not parse: section "failed" opened at line 2, column 3 is never closed (add {{/failed}})',
    );
  });

  it('names a closing tag with nothing open, and sections closed in the wrong order', () => {
    expect(message({ 'discord-webhook-url': DISCORD, 'message-template': 'x {{/failed}}' })).toBe(
      `Input 'message-template' has an invalid value "x {{/failed}}": a mustache template; it does not parse: ` +
        '{{/failed}} at line 1, column 3 closes a section that is not open',
    );
    expect(
      message({
        'discord-webhook-url': DISCORD,
        'message-template': '{{#failed}}{{#is_success}}{{/failed}}{{/is_success}}',
      }),
    ).toBe(
      `Input 'message-template' has an invalid value "{{#failed}}{{#is_success}}{{/failed}}{{/is_success}}": ` +
        'a mustache template; it does not parse: section "is_success" is still open at line 1, column 27: ' +
        'close it with {{/is_success}} first',
    );
  });
});

describe('a template naming an unknown field', () => {
  it('suggests the closest field (seed 004: "🔔 {{event}}: {{message}}" with a typo)', () => {
    expect(message({ 'discord-webhook-url': DISCORD, 'message-template': '🔔 {{event}}: {{mesage}}' })).toBe(
      `Input 'message-template' has an invalid value "🔔 {{event}}: {{mesage}}": a template naming known ` +
        'fields; "mesage" at line 1, column 14 is not one (did you mean "message"?)',
    );
  });

  it('lists every field when nothing is close', () => {
    expect(message({ 'discord-webhook-url': DISCORD, 'message-template': '{{buildnumber}}' })).toBe(
      `Input 'message-template' has an invalid value "{{buildnumber}}": a template naming known fields; ` +
        `"buildnumber" at line 1, column 1 is not one (the fields are ${FIELD_LIST})`,
    );
  });

  it('checks {{#}}, {{^}}, {{&}}, {{{ }}} and dotted names too', () => {
    const at = (tpl: string): string =>
      message({ 'discord-webhook-url': DISCORD, 'message-template': tpl }).replace(/^.*?": /, '');
    expect(at('{{#is_sucess}}x{{/is_sucess}}')).toBe(
      'a template naming known fields; "is_sucess" at line 1, column 1 is not one (did you mean "is_success"?)',
    );
    expect(at('{{^faild}}ok{{/faild}}')).toBe(
      'a template naming known fields; "faild" at line 1, column 1 is not one (did you mean "failed"?)',
    );
    expect(at('a {{&sttus}}')).toBe(
      'a template naming known fields; "sttus" at line 1, column 3 is not one (did you mean "status"?)',
    );
    expect(at('a {{{runer}}}')).toBe(
      'a template naming known fields; "runer" at line 1, column 3 is not one (did you mean "runner"?)',
    );
    expect(at('{{status.length}}')).toBe(
      `a template naming known fields; "status.length" at line 1, column 1 is not one (the fields are ${FIELD_LIST})`,
    );
  });

  it("accepts an item's fields inside its list section only, and says where they belong outside it", () => {
    expect(
      message({
        'discord-webhook-url': DISCORD,
        'message-template': '{{#failed}}{{name}} {{stage}} {{status}}{{/failed}} {{name}}',
      }),
    ).toBe(
      `Input 'message-template' has an invalid value "{{#failed}}{{name}} {{stage}} {{status}}{{/failed}} ` +
        `{{name}}": a template naming known fields; "name" at line 1, column 53 is a field of each list item: ` +
        'use it inside {{#failed}}…{{/failed}} or {{#results}}…{{/results}}',
    );
  });

  it('refuses a list used as a value, a partial, and {{.}}', () => {
    const at = (tpl: string): string =>
      message({ 'discord-webhook-url': DISCORD, 'message-template': tpl }).replace(/^.*?": /, '');
    expect(at('{{failed}}')).toBe(
      'a template using lists as sections; "failed" at line 1, column 1 is a list: write {{#failed}}…{{/failed}}',
    );
    expect(at('x\n{{> header}}')).toBe('a template without partials: {{>header}} at line 2, column 1 is one');
    expect(at('{{#failed}}{{.}}{{/failed}}')).toBe(
      'a template naming fields: {{.}} at line 1, column 12 names none (write the field)',
    );
  });
});

describe('a payload template', () => {
  it('that renders invalid JSON names the line and column of the template', () => {
    expect(
      message({
        'webhook-url': GENERIC,
        'payload-template': '{\n  "status": "{{status}}",\n  "packages": {{packages}}\n}',
      }),
    ).toBe(
      `Input 'payload-template' has an invalid value "  \\"packages\\": {{packages}}": a template that renders ` +
        'JSON; for the sample report it renders invalid JSON at line 3, column 15: a value is expected here',
    );
  });

  it('with a trailing comma in a list says how to separate items', () => {
    expect(
      message({
        webhooks: `- url: ${GENERIC}\n- url: ${GENERIC}/2\n  payload-template: '{"failed": [{{#failed}}"{{name}}",{{/failed}}]}'`,
      }),
    ).toBe(
      `Input 'webhooks[1].payload-template' has an invalid value "{\\"failed\\": [{{#failed}}\\"{{name}}\\",{{/failed}}]}": ` +
        'a template that renders JSON; for the sample report it renders invalid JSON at line 1, column 46: ' +
        'a value is expected after "," (no trailing comma before "]") (separate list items with {{^last}},{{/last}})',
    );
  });

  it('with a number that can be unknown left unquoted fails for the empty values', () => {
    expect(message({ 'webhook-url': GENERIC, 'payload-template': '{"code": {{exit_code}}}' })).toBe(
      `Input 'payload-template' has an invalid value "{\\"code\\": {{exit_code}}}": a template that renders ` +
        'JSON; when its values are empty (unknown: put such a field in quotes) it renders invalid JSON at line ' +
        '1, column 10: a value is expected here',
    );
  });

  it('that stops short says so at its end', () => {
    expect(message({ 'webhook-url': GENERIC, 'payload-template': '{"status": "{{status}}"' })).toBe(
      `Input 'payload-template' has an invalid value "{\\"status\\": \\"{{status}}\\"": a template that renders ` +
        'JSON; for the sample report it renders invalid JSON at line 1, column 24: "," or "}" is expected here',
    );
  });

  it('read from a file names the file, never its text', () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'tpl-'));
    writeFileSync(path.join(ws, 'hook.json'), '{\n  "text": "{{statsu}}"\n}\n');
    expect(
      message({ 'webhook-url': GENERIC, 'payload-template-file': 'hook.json' }, { GITHUB_WORKSPACE: ws }),
    ).toBe(
      `Input 'payload-template-file' has an invalid value "hook.json": a ` +
        'template naming known fields; "statsu" at line 2, column 12 is not one (did you mean "status"?)',
    );
  });

  it('that is valid is kept as given, {{{triple}}} and {{&amp}} included', () => {
    const tpl =
      '{"s": "{{{status}}}", "n": {{&failed_count}}, "f": [{{#failed}}"{{name}}"{{^last}},{{/last}}{{/failed}}]}';
    const { targets } = resolveNotifySettings(
      (name) => ({ 'webhook-url': GENERIC, 'payload-template': tpl })[name] ?? '',
      {},
    );
    expect(targets[0]?.templates.payload).toBe(tpl);
  });
});

describe('a template in the wrong place', () => {
  it('a payload template on a Discord entry', () => {
    expect(message({ webhooks: `- url: ${DISCORD}\n  payload-template: '{"a": 1}'` })).toBe(
      `Input 'webhooks[0].payload-template' has an invalid value "(a template)": a whole-body template is for ` +
        'generic targets; a discord target takes message-template',
    );
  });

  it('a message template on a generic entry', () => {
    expect(message({ webhooks: `- url: ${GENERIC}\n  message-template: '{{status}}'` })).toBe(
      `Input 'webhooks[0].message-template' has an invalid value "(a template)": message-template is for ` +
        'discord, slack and teams targets; a generic target takes payload-template',
    );
  });

  it('an entry template is checked under its own name, and a global one only where it is used', () => {
    expect(
      message({
        'message-template': '{{status}}',
        webhooks: `- url: ${DISCORD}\n  message-template: 'ok'\n- url: ${DISCORD2}\n  message-template: '{{#x}}'`,
      }),
    ).toBe(
      `Input 'webhooks[1].message-template' has an invalid value "{{#x}}": a mustache template; it does not ` +
        'parse: section "x" opened at line 1, column 1 is never closed (add {{/x}})',
    );
    // A global message-template with only generic targets is not used, so not checked.
    expect(() =>
      resolveNotifySettings((n) => ({ 'webhook-url': GENERIC, 'message-template': '{{nope}}' })[n] ?? '', {}),
    ).not.toThrow();
  });
});
