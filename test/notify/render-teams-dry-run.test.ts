// dry-run with a Teams target: the card it would send is rendered by the same path as a real delivery and
// checked against Teams' limits (checkTeamsLimits), and the summary says so.
import { describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', async (original) => ({
  ...(await original<typeof import('@actions/core')>()),
  setSecret: () => {},
}));

import { dryRunSummary, payloadProblems, renderDryRun } from '../../src/action/dry-run.js';
import { renderTeams } from '../../src/notify/render/teams.js';
import { resolveNotifySettings } from '../../src/notify/targets.js';
import { adaptiveCardProblems } from '../support/adaptive-card.js';
import { manyPackages, stageFailure } from '../support/reports.js';

const FLOW =
  'https://prod-42.westus.logic.azure.com:443/workflows/abcd/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SIGsecret';

describe('dry-run: Teams', () => {
  it('renders the card a Teams URL would get, valid and within the limits, without the signature', async () => {
    const settings = resolveNotifySettings((n) => (n === 'teams-webhook-url' ? FLOW : ''), {});
    const report = manyPackages(10_000);
    const [entry] = await renderDryRun(report, settings, { logTail: false });
    expect(entry).toMatchObject({
      source: 'teams-webhook-url',
      format: 'teams',
      wouldSend: true,
      problems: [],
    });
    expect(adaptiveCardProblems(entry!.body)).toEqual([]);
    const summary = dryRunSummary(report, [entry!], 'a sample report');
    expect(summary).toContain("- Limits: fits Teams' limits");
    expect(JSON.stringify(entry)).not.toContain('SIGsecret');
  });

  it('names what breaks the limits', async () => {
    const big = JSON.parse(JSON.stringify(renderTeams(stageFailure()).body)) as {
      attachments: { content: { version: string; body: unknown[] } }[];
    };
    big.attachments[0]!.content.version = '1.6';
    big.attachments[0]!.content.body.push({ type: 'TextBlock', text: 'x'.repeat(30_000) });
    const bytes = Buffer.byteLength(JSON.stringify(big), 'utf8');
    expect(await payloadProblems('teams', { body: big, files: [] })).toEqual([
      'card version 1.6 is above 1.5, the newest Teams renders',
      `body is ${bytes} bytes of JSON (max 28000)`,
    ]);
  });
});
