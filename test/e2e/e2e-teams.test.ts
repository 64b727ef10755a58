// End to end: dist/ notifying a loopback double of Microsoft Teams. A failed build posts an Adaptive Card that
// says what broke and where, which the Adaptive Cards SDK takes without a single event; the Workflows flow's
// 202 shows as accepted, not confirmed in the `notifications` output; a legacy connector's 200 `1` is
// confirmed, and a flow that is gone is a clear warning.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import { runAction } from '../support/action-runner.js';
import { adaptiveCardProblems, cardOf, cardTexts } from '../support/adaptive-card.js';
import { startTeamsDouble, type TeamsDouble } from '../support/teams-double.js';

const RUN_URL = 'https://github.com/octo-org/jetson-images/actions/runs/4242';

let teams: TeamsDouble | null = null;
afterEach(async () => {
  await teams?.close();
  teams = null;
});

/** `::add-mask::` lines hand secrets to the runner, which consumes them; everything else must be clean. */
function unmasked(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}

interface Notification {
  source: string;
  url: string;
  format: string;
  delivered: boolean;
  confirmed: boolean;
  note: string | null;
  httpStatus: number | null;
  attempts: number;
  error: string | null;
}

describe('e2e: dist/ to Microsoft Teams', () => {
  it('a failed build: one card with the failure first, the 202 accepted but not confirmed', async () => {
    teams = await startTeamsDouble();
    const run = await runAction({
      inputs: {
        packages: 'numpy torchvision',
        multiple: 'true',
        'skip-errors': 'true',
        'teams-webhook-url': teams.workflowsUrl,
        'upload-logs': 'false',
      },
      env: { FAKE_JC_FAIL_STAGE: 'torchvision' },
    });
    expect(run.main.code).toBe(1);
    const requests = teams.receiver.requests;
    expect(requests).toHaveLength(1);
    const body = requests[0]!.json;
    expect(requests[0]!.headers['content-type']).toBe('application/json');
    expect(adaptiveCardProblems(body)).toEqual([]);

    const card = cardOf(body);
    expect(card.version).toBe('1.5');
    expect(card.body[0]).toMatchObject({
      text: '❌ torchvision failed at build 9/9',
      color: 'Attention',
      size: 'Large',
    });
    const texts = cardTexts(body);
    const names = texts.filter((t) => /^(❌|✅) (numpy|torchvision)$/.test(t));
    expect(names).toEqual(['❌ torchvision', '✅ numpy']);
    expect(texts).toContain('Status: failed');
    expect(texts).toContain('Failed at: build 9/9');
    expect(texts[texts.length - 1]).toMatch(/^L4T 36\.4\.\d+ · JetPack .* · orin-agx-01 · main @ 0123456$/);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Run', url: RUN_URL }]);
    const report = JSON.parse(readFileSync(run.main.outputs['report-file'] ?? '', 'utf8')) as BuildReport;
    expect(JSON.stringify(body)).not.toContain(report.logs.dir);

    const notifications = JSON.parse(run.main.outputs.notifications ?? '[]') as Notification[];
    expect(notifications).toEqual([
      {
        source: 'teams-webhook-url',
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/\*\*\*$/) as unknown as string,
        format: 'teams',
        delivered: true,
        confirmed: false,
        note:
          'accepted, not confirmed: the Workflows flow queued the card (HTTP 202); whether Teams posted it ' +
          "shows in the flow's run history",
        httpStatus: 202,
        attempts: 1,
        error: null,
        messageId: null,
        durationMs: expect.any(Number) as unknown as number,
      },
    ]);
    expect(run.main.stdout).toContain('Notifications: 1 of 1 delivered.');
    expect(run.main.stdout).toMatch(
      /teams-webhook-url \(http:\/\/127\.0\.0\.1:\d+\/\*\*\*\): accepted, not confirmed: the Workflows flow queued the card \(HTTP 202\)/,
    );
    // The flow's signature never shows, anywhere.
    for (const text of [
      run.main.stdout,
      run.main.stderr,
      run.summary,
      run.main.outputs.notifications ?? '',
    ]) {
      expect(unmasked(text)).not.toContain('SIGsecret');
    }
  });

  it('webhooks entries with format: teams: a connector confirms, a gone flow is a clear warning', async () => {
    teams = await startTeamsDouble();
    const gone = teams.receiver.urlFor('/workflows/deleted/triggers/manual/paths/invoke');
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'upload-logs': 'false',
        webhooks: `- url: ${teams.connectorUrl}\n  format: teams\n- url: ${gone}\n  format: teams`,
      },
    });
    expect(run.main.code).toBe(0);
    expect(teams.cards).toHaveLength(1);
    expect(cardTexts(teams.receiver.requests[0]!.json)[0]).toMatch(/^✅ numpy built in /);
    const notifications = JSON.parse(run.main.outputs.notifications ?? '[]') as Notification[];
    expect(notifications.map((n) => [n.source, n.delivered, n.confirmed, n.httpStatus, n.attempts])).toEqual([
      ['webhooks[0]', true, true, 200, 1],
      ['webhooks[1]', false, false, 404, 1],
    ]);
    expect(notifications[1]!.error).toBe(
      'HTTP 404: the flow was not found: it was deleted or turned off, or the URL is incomplete ' +
        "(WorkflowNotFound): The workflow '0a1b2c3d' could not be found.",
    );
    expect(run.main.stdout).toContain('::warning title=Notification not delivered::');
    expect(unmasked(run.main.stdout)).not.toContain('secretpart');
  });
});
