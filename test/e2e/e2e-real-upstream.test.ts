// Optional end to end: the bundled action (dist/) driving the REAL upstream jetson-containers (its own Python
// code, a stub docker), set up by ../shared/tools/real-upstream/setup.sh. Point JETSON_CONTAINERS_UPSTREAM at
// the launcher it makes (e.g. /tmp/jc-upstream/jetson-containers) to run it; without it the suite is skipped
// and says why. CI does not set it: upstream changes under us, the recorded transcripts pin the contract.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import { runAction } from '../support/action-runner.js';
import { validateReport } from '../support/schema.js';

const LAUNCHER = process.env.JETSON_CONTAINERS_UPSTREAM ?? '';
const ready = LAUNCHER !== '' && existsSync(LAUNCHER);
if (!ready) {
  console.log(
    'e2e-real-upstream: skipped. Set JETSON_CONTAINERS_UPSTREAM to the launcher made by ' +
      '../shared/tools/real-upstream/setup.sh (e.g. /tmp/jc-upstream/jetson-containers) to run dist/ against the real tool.',
  );
}

async function build(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<{ outputs: Record<string, string>; report: BuildReport; code: number | null }> {
  const run = await runAction({
    inputs: { 'jetson-containers': LAUNCHER, 'upload-logs': 'false', ...inputs },
    env,
    timeoutMs: 120_000,
  });
  const report = JSON.parse(readFileSync(run.main.outputs['report-file'] ?? '', 'utf8')) as BuildReport;
  validateReport(report);
  return { outputs: run.main.outputs, report, code: run.main.code };
}

const brief = (r: BuildReport): string[] =>
  r.packages.map((p) => `${p.name} ${p.status}${p.failure ? ` ${p.failure.phase} ${p.failure.stage}` : ''}`);

describe.skipIf(!ready)('e2e: dist/ against the real upstream jetson-containers', () => {
  it('numpy builds: success, one image, environment from the tool', async () => {
    const { outputs, report, code } = await build({ packages: 'numpy' });
    expect(code).toBe(0);
    expect(outputs.status).toBe('success');
    expect(brief(report)).toEqual(['numpy success']);
    expect(report.images).toEqual(['numpy:r36.4.tegra-aarch64-cu126-22.04']);
    expect(report.environment.L4T_VERSION).toBe('36.4.0');
  }, 150_000);

  it('a docker build failure at stage 3/4: failure, the stage, build phase', async () => {
    const { outputs, report } = await build({ packages: 'numpy' }, { DOCKER_STUB_FAIL_BUILD: '*-python' });
    expect(outputs.status).toBe('failure');
    expect(brief(report)).toEqual(['numpy failure build python']);
    expect(report.failure?.stageIndex).toBe(3);
    expect(report.failure?.stageCount).toBe(4);
  }, 150_000);

  it('a test failure in the last stage: failure, test phase', async () => {
    const { report } = await build({ packages: 'numpy' }, { DOCKER_STUB_FAIL_TEST: 'numpy:*-numpy' });
    expect(brief(report)).toEqual(['numpy failure test numpy']);
  }, 150_000);

  it('--multiple --skip-errors exits 0 with one failed package: the action still says failure', async () => {
    const { outputs, report } = await build(
      {
        packages: 'build-essential numpy python',
        multiple: 'true',
        'skip-errors': 'true',
        'fail-on-build-error': 'false',
      },
      { DOCKER_STUB_FAIL_BUILD: 'numpy:*-numpy' },
    );
    expect(report.exitCode).toBe(0);
    expect(outputs.status).toBe('failure');
    expect(brief(report)).toEqual(['build-essential success', 'numpy failure build numpy', 'python success']);
  }, 150_000);
});
