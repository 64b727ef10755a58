// End to end on dist/summarize.js: each sink of the fleet summary fails on its own, as in the build action. A bad
// GITHUB_OUTPUT costs the outputs only: the job summary and the notification still happen, with one warning.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'reports');

describe('e2e: dist/summarize.js with a GITHUB_OUTPUT it cannot write', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('warns about the outputs, and still writes the summary and sends the notification', async () => {
    const run = await runAction({
      entry: 'summarize.js',
      skipPost: true,
      timeoutMs: 30_000,
      inputs: {
        reports: FIXTURES,
        packages: JSON.stringify(['pytorch:2.8', 'torchvision']),
        'webhook-url': receiver.urlFor('/run'),
        'webhook-retries': '0',
        'fail-on-build-error': 'false',
      },
      env: { GITHUB_OUTPUT: '/nonexistent-folder/output', NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' },
    });
    expect(run.main.code, run.main.stdout).toBe(0);
    expect(run.main.stdout).toContain('::warning::Could not set the step outputs (GITHUB_OUTPUT)');
    expect(run.main.stdout).not.toContain('failed unexpectedly');
    const requests = receiver.requestsTo('/run');
    expect(requests).toHaveLength(1);
    const body = requests[0]?.json as { status: string; totals: Record<string, number> };
    // torchvision failed on attempt 1 and was re-run to success: the newest attempt counts.
    expect(body.status).toBe('success');
    expect(body.totals).toMatchObject({ packages: 2, success: 2, failure: 0 });
    expect(run.summary).toContain('torchvision');
  });
});

describe('e2e: dist/summarize.js keeps secrets a leg report carries out of every sink', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver({
      paths: { '/api/v10/webhooks/1/run-token-abcdefghijklmnop': { status: 200, body: { id: '42' } } },
      fallback: { status: 204 },
    });
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('a header token with markdown characters in a failure text leaves in no spelling', async () => {
    const token = 'tok_en_with*under(scores)_1234';
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-sum-secret-'));
    cpSync(path.join(FIXTURES, 'failure-torchvision'), path.join(dir, 'failure-torchvision'), {
      recursive: true,
    });
    const file = path.join(dir, 'failure-torchvision', 'report.json');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replaceAll('exit code: 1', `exit code: 1 (auth ${token})`),
    );
    const run = await runAction({
      entry: 'summarize.js',
      skipPost: true,
      timeoutMs: 30_000,
      inputs: {
        reports: dir,
        packages: JSON.stringify(['torchvision']),
        'discord-webhook-url': receiver.urlFor('/api/webhooks/1/run-token-abcdefghijklmnop'),
        'webhook-url': receiver.urlFor('/run'),
        'webhook-headers': JSON.stringify({ Authorization: `Bearer ${token}` }),
        'webhook-retries': '0',
        'fail-on-build-error': 'false',
      },
      env: { NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' },
    });
    expect(receiver.requests.length).toBe(2);
    const bodies = receiver.requests.map((r) => r.body.toString('utf8'));
    // The failure text is there, with the token masked, in the Discord message too.
    expect(bodies.some((b) => b.includes('auth ***'))).toBe(true);
    const unescape = (t: string): string => t.replace(/\\(.)/g, '$1');
    const places = [...bodies, run.summary, JSON.stringify(run.main.outputs)].map(unescape);
    expect(places.filter((p) => p.includes(token) || p.includes('tok_en_with'))).toEqual([]);
    const runReport = readFileSync(run.main.outputs['report-file'] ?? '', 'utf8');
    expect(runReport).not.toContain(token);
    rmSync(dir, { recursive: true, force: true });
  });
});
