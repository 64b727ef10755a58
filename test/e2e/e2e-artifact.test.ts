// End to end: dist/ uploads the log folder through the real @actions/artifact code path to a loopback double
// of the results service, links it from the notification, and falls back to the run URL when it cannot.
import AdmZip from 'adm-zip';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import { runAction } from '../support/action-runner.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { startResultsService, type ResultsService } from '../support/results-service.js';
import { validateGenericPayload } from '../support/schema.js';

const RUN_URL = 'https://github.com/octo-org/jetson-images/actions/runs/4242';
let receiver: Receiver | null = null;
let service: ResultsService | null = null;
afterEach(async () => {
  await receiver?.close();
  await service?.close();
  receiver = service = null;
});

describe('e2e: dist/ log artifact', () => {
  it('uploads console.log, build/, test/ and report.json; the payload log_url is the log-artifact-url output', async () => {
    service = await startResultsService();
    receiver = await startReceiver({ fallback: { status: 204 } });
    const run = await runAction({
      inputs: { packages: 'numpy', 'webhook-url': `${receiver.url}/hook`, 'retention-days': '3' },
      env: { ...service.env, FAKE_JC_FAIL_STAGE: 'numpy' },
    });
    expect(run.main.code).toBe(1);
    const o = run.main.outputs;
    expect(o['log-artifact-id']).toMatch(/^\d+$/);
    expect(o['log-artifact-url']).toBe(`${RUN_URL}/artifacts/${o['log-artifact-id']}`);
    expect(service.artifacts.length).toBe(1);
    const artifact = service.artifacts[0];
    expect(artifact?.name).toBe('jetson-build-logs-build-attempt1');
    expect(artifact?.expiresAt).toBeTruthy();
    const entries = new AdmZip(artifact?.zip).getEntries().map((e) => e.entryName);
    expect(entries).toContain('console.log');
    expect(entries).toContain('report.json');
    expect(entries.some((e) => /^build\/\d\do\d_.*\.txt$/.test(e))).toBe(true);
    expect(entries.some((e) => /^test\//.test(e))).toBe(true);
    const payload = validateGenericPayload(receiver.requests[0]?.json);
    expect(payload.log_url).toBe(o['log-artifact-url']);
    expect(run.summary).toContain(o['log-artifact-url'] as string);
  });

  it('matrix legs of one job get distinct default artifact names (the matrix input)', async () => {
    service = await startResultsService();
    for (const leg of ['{"package":"numpy"}', '{"package":"torchvision"}']) {
      const run = await runAction({ inputs: { packages: 'numpy', matrix: leg }, env: service.env });
      expect(run.main.code).toBe(0);
      const report = JSON.parse(readFileSync(run.main.outputs['report-file'] ?? '', 'utf8')) as BuildReport;
      expect(report.run.matrix).toBe(leg);
    }
    const names = service.artifacts.map((a) => a.name);
    expect(names.length).toBe(2);
    expect(new Set(names).size).toBe(2);
    for (const n of names) expect(n).toMatch(/^jetson-build-logs-build-.+-attempt1$/);
  });

  it('a derived name already taken in the run (two calls of one workflow) is retried once under a unique name', async () => {
    service = await startResultsService();
    for (let i = 0; i < 2; i++) {
      const run = await runAction({
        inputs: { packages: 'numpy', 'runner-labels': 'self-hosted jetson' },
        env: service.env,
      });
      expect(run.main.code).toBe(0);
      expect(run.main.outputs['log-artifact-id']).toMatch(/^\d+$/);
      const report = JSON.parse(readFileSync(run.main.outputs['report-file'] ?? '', 'utf8')) as BuildReport;
      expect(report.runner.labels).toEqual(['self-hosted', 'jetson']);
    }
    const names = service.artifacts.map((a) => a.name);
    expect(names[0]).toBe('jetson-build-logs-build-attempt1');
    expect(names[1]).toMatch(/^jetson-build-logs-build-attempt1-orin-agx-01-[0-9a-f]{6}$/);
  });

  it('a second use of the action in one job gets its own name (the step id)', async () => {
    service = await startResultsService();
    const run = await runAction({
      inputs: { packages: 'numpy' },
      env: { ...service.env, GITHUB_ACTION: '__octo-org_jetson-build-action_2' },
    });
    expect(run.main.code).toBe(0);
    expect(service.artifacts[0]?.name).toBe('jetson-build-logs-build-step2-attempt1');
  });

  it('after a cancel, post uploads the logs and links them', async () => {
    service = await startResultsService();
    receiver = await startReceiver({ fallback: { status: 204 } });
    const run = await runAction({
      inputs: { packages: 'numpy', 'webhook-url': `${receiver.url}/hook` },
      env: { ...service.env, FAKE_JC_WAIT_SIGNAL: '1' },
      cancelWhen: 'Building pip_cache',
    });
    expect(run.state.phase).toBe('reported');
    expect(service.artifacts.length).toBe(1);
    const payload = validateGenericPayload(receiver.requests[0]?.json);
    expect(payload.status).toBe('cancelled');
    expect(payload.log_url).toMatch(new RegExp(`^${RUN_URL}/artifacts/\\d+$`));
  });

  it.each([
    ['no runtime token', {}, /ACTIONS_RUNTIME_TOKEN|runtime token/],
    ['a GHES server', { GHES: '1' }, /Enterprise Server/],
    ['the service answering 500', { failCreate: 500 }, /500|timed out/],
    ['the service hanging', { hang: 'create' as const }, /timed out/],
  ])('%s: warns once, links the run, still notifies', async (_name, mode, reason) => {
    const opts = mode as { failCreate?: number; hang?: 'create'; GHES?: string };
    service = await startResultsService(opts.GHES ? {} : opts);
    receiver = await startReceiver({ fallback: { status: 204 } });
    let env: Record<string, string> = { ...service.env };
    if (_name === 'no runtime token') env = {};
    if (opts.GHES) env = { ...env, GITHUB_SERVER_URL: 'https://ghe.example.com' };
    const run = await runAction({
      inputs: { packages: 'numpy', 'webhook-url': `${receiver.url}/hook`, 'upload-timeout': '3' },
      env,
    });
    expect(run.main.code).toBe(0);
    expect(run.main.outputs.status).toBe('success');
    expect(run.main.outputs['log-artifact-url']).toBe('');
    const warnings = run.main.stdout
      .split('\n')
      .filter((l) => l.startsWith('::warning') && l.includes('logs were not uploaded'));
    expect(warnings.length).toBe(1);
    expect(warnings[0]).toMatch(reason);
    const payload = validateGenericPayload(receiver.requests[0]?.json);
    const runUrl = opts.GHES ? 'https://ghe.example.com/octo-org/jetson-images/actions/runs/4242' : RUN_URL;
    expect(payload.log_url).toBe(runUrl);
    expect(run.main.durationMs).toBeLessThan(30_000);
  });
});
