// End to end: the `platform` input (a grid column of the reusable workflow) in report.json and the leg's log.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import { runAction } from '../support/action-runner.js';
import { validateReport } from '../support/schema.js';

function reportOf(outputs: Record<string, string>): BuildReport {
  const report = JSON.parse(readFileSync(outputs['report-file'] as string, 'utf8')) as BuildReport;
  validateReport(report);
  return report;
}

describe('e2e: the platform input', () => {
  it('a jp5 platform on a JetPack 6 runner: one warning in the leg, and the report says so', async () => {
    const run = await runAction({ inputs: { packages: 'numpy', platform: 'jp5-xavier' } });
    expect(run.main.code, run.main.stdout.slice(-3000)).toBe(0);
    const sentence = 'jp5-xavier promises JetPack 5 (L4T R35), but the runner has L4T 36.4.4 (JetPack 6.2.1)';
    const warnings = run.main.stdout
      .split('\n')
      .filter((l) => l.startsWith('::warning title=Platform mismatch::'));
    expect(warnings).toEqual([`::warning title=Platform mismatch::${sentence}`]);
    expect(reportOf(run.main.outputs).platform).toEqual({
      name: 'jp5-xavier',
      expected: { jetpack: '5', l4t: '35', arch: 'aarch64' },
      mismatch: sentence,
    });
  });

  it('a matching platform: no warning; without the input the report has platform null', async () => {
    const run = await runAction({ inputs: { packages: 'numpy', platform: 'jp6-orin' } });
    expect(run.main.stdout).not.toContain('Platform mismatch');
    expect(reportOf(run.main.outputs).platform?.mismatch).toBe(null);
    const plain = await runAction({ inputs: { packages: 'numpy' } });
    expect(reportOf(plain.main.outputs).platform).toBe(null);
  });

  it('a control character in the input fails the step naming the input, before building', async () => {
    const run = await runAction({ inputs: { packages: 'numpy', platform: 'jp6\u001b[2J' } });
    expect(run.main.code).toBe(1);
    expect(run.main.stdout).toContain(`Input 'platform' has an invalid value "jp6\\u001b[2J"`);
    expect(run.main.stdout).not.toContain('done ✅');
  });
});
