// End to end from dist/: the action posts a Block Kit message to a loopback double playing a Slack incoming
// webhook (`slack-webhook-url`, or a `webhooks` entry with `format: slack`), a Slack error answer becomes the
// warning a person reads in the log without a retry, and a dry run checks the body against Slack's limits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import { checkSlackLimits, type SlackBody } from '../../src/notify/render/slack.js';
import { runAction } from '../support/action-runner.js';
import { startSlackDouble, type SlackDouble } from '../support/slack-double.js';

let slack: SlackDouble | null = null;
afterEach(async () => {
  await slack?.close();
  slack = null;
});

const TOKEN = 'xoxbFakeTokenAbCdEfGhIjKl';
const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'reports');
const RUN = 'https://github.com/octo-org/jetson-images/actions/runs/4242';

describe('e2e: dist/ to Slack', () => {
  it('slack-webhook-url: a failed build posts the Block Kit message once; the facts a person reads', async () => {
    slack = await startSlackDouble();
    const run = await runAction({
      inputs: {
        packages: 'numpy torchvision',
        multiple: 'true',
        'skip-errors': 'true',
        'slack-webhook-url': slack.webhookUrl,
        'upload-logs': 'false',
      },
      env: { FAKE_JC_FAIL_STAGE: 'torchvision' },
    });
    expect(run.main.code).toBe(1);
    expect(slack.requests).toHaveLength(1);
    const [body] = slack.delivered() as SlackBody[];
    expect(body?.text).toMatch(/^❌ torchvision failed at build 9\/9 · octo-org\/jetson-images/);
    const blocks = body!.attachments[0]!.blocks;
    expect(body!.attachments[0]!.color).toBe('#E01E5A');
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '❌ torchvision failed at build 9/9', emoji: true },
    });
    const facts = blocks[1]?.type === 'section' ? (blocks[1].fields ?? []).map((f) => f.text) : [];
    expect(facts[0]).toBe('*Status*\n❌ Failed');
    expect(facts).toContain('*Packages*\n1 failed · 1 built');
    expect(facts.find((f) => f.startsWith('*Environment*'))).toMatch(
      /^\*Environment\*\nL4T 36\.4\.\d+ · JetPack/,
    );
    const texts = blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
    const pkgs = texts.find((t) => t.startsWith('❌ '))?.split('\n') ?? [];
    expect(pkgs.map((l) => [...l][0])).toEqual(['❌', '✅']);
    expect(pkgs[0]).toMatch(new RegExp(`^❌ <${RUN}\\|torchvision> · failed at build 9/9`));
    expect(texts.some((t) => t.startsWith('```\n'))).toBe(true);
    const context = blocks.at(-1);
    expect(context?.type === 'context' && 'text' in context.elements[0]! && context.elements[0].text).toBe(
      `<${RUN}|Run>`,
    );
    expect(checkSlackLimits(body)).toEqual([]);
    const logDir = (JSON.parse(readFileSync(run.main.outputs['report-file'] ?? '', 'utf8')) as BuildReport)
      .logs.dir;
    expect(JSON.stringify(body)).not.toContain(logDir);
    const [result] = JSON.parse(run.main.outputs.notifications ?? '[]') as Record<string, unknown>[];
    expect(result).toMatchObject({
      source: 'slack-webhook-url',
      format: 'slack',
      delivered: true,
      httpStatus: 200,
    });
    expect(run.main.stdout).not.toContain('looks like a Slack webhook');
    expect(run.post.code).toBe(0);
    expect(slack.requests).toHaveLength(1);
  });

  it('a webhooks entry with format: slack answered channel_not_found: one attempt, a clear warning', async () => {
    slack = await startSlackDouble();
    slack.answer({ error: 'channel_not_found' }, 5);
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        webhooks: `- url: ${slack.webhookUrl}\n  format: slack`,
        'upload-logs': 'false',
      },
    });
    expect(run.main.code).toBe(0);
    expect(slack.requests).toHaveLength(1);
    const port = new URL(slack.url).port;
    expect(run.main.stdout).toContain(
      `::warning title=Notification not delivered::Notification to http://127.0.0.1:${port}/*** (webhooks[0]) ` +
        'was not delivered: HTTP 404 channel_not_found: the channel of this Slack webhook was deleted or the app ' +
        'was removed from it',
    );
    // `::add-mask::` lines hand the secret to the runner, which consumes them; nothing else holds it.
    const log = run.main.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    expect(log).not.toContain(TOKEN);
    expect(run.post.code).toBe(0);
    // The post step does not send again what Slack refused.
    expect(slack.requests).toHaveLength(1);
  });

  it('dry-run: the Slack body is rendered and checked against Slack limits; nothing is sent', async () => {
    slack = await startSlackDouble();
    const run = await runAction({ inputs: { 'slack-webhook-url': slack.webhookUrl, 'dry-run': 'true' } });
    expect(run.main.code, run.main.stdout).toBe(0);
    expect(slack.requests).toHaveLength(0);
    const [entry] = JSON.parse(run.main.outputs.notifications ?? '[]') as {
      format: string;
      problems: string[];
      body: SlackBody;
    }[];
    expect(entry?.format).toBe('slack');
    expect(entry?.problems).toEqual([]);
    expect(entry?.body.attachments[0]?.blocks[0]?.type).toBe('header');
    expect(run.summary).toContain("- Limits: fits Slack's limits");
  });

  it('summarize: the fleet run message renders to Slack', async () => {
    slack = await startSlackDouble();
    const run = await runAction({
      entry: 'summarize.js',
      skipPost: true,
      timeoutMs: 30_000,
      inputs: {
        reports: FIXTURES,
        packages: JSON.stringify(['pytorch:2.8', 'torchvision']),
        'slack-webhook-url': slack.webhookUrl,
        'fail-on-build-error': 'false',
      },
    });
    expect(run.main.code, run.main.stdout).toBe(0);
    const [body] = slack.delivered() as SlackBody[];
    expect(body?.text).toMatch(/^✅ Jetson build: 2\/2 packages built/);
    expect(body?.attachments[0]?.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '✅ Jetson build: 2/2 packages built', emoji: true },
    });
    expect(JSON.stringify(body)).toContain('torchvision');
    expect(checkSlackLimits(body)).toEqual([]);
  });
});
