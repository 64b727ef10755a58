// End to end: the bundled action (dist/) run as the runner runs it, on Node 24, against the fake
// jetson-containers — the truth about builds, outputs, summary, cancellation and bad input.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import { runAction } from '../support/action-runner.js';
import { validateReport } from '../support/schema.js';

function reportOf(outputs: Record<string, string>): BuildReport {
  const file = outputs['report-file'];
  expect(file, 'report-file output').toBeTruthy();
  const report = JSON.parse(readFileSync(file as string, 'utf8')) as BuildReport;
  validateReport(report);
  return report;
}

/** Running, not a zombie (a killed orphan nobody reaped is gone for our purposes). */
function alive(pid: number): boolean {
  try {
    return !/^State:\s+[ZX]/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

describe('e2e: dist/ builds and reports the truth', () => {
  it('a successful chain with --name and --push: outputs, report.json, summary, groups, stop-commands', async () => {
    const run = await runAction({ inputs: { packages: 'numpy', name: 'runner/', push: 'myuser' } });
    expect(run.main.code, run.main.stdout.slice(-3000)).toBe(0);
    const o = run.main.outputs;
    expect(o.status).toBe('success');
    expect(o['exit-code']).toBe('0');
    expect(JSON.parse(o['failed-packages'] ?? '')).toEqual([]);
    const images = JSON.parse(o.images ?? '[]') as string[];
    expect(images.length).toBe(1);
    expect(images[0]).toMatch(/numpy:r36\.4/);
    const env = JSON.parse(o.environment ?? '{}') as Record<string, string>;
    expect(env.L4T_VERSION).toBe('36.4.4');
    expect(env.CUDA_VERSION).toBe('12.6');
    const report = reportOf(o);
    expect(report.packages[0]?.status).toBe('success');
    expect(report.packages[0]?.pushedImage).toMatch(/^myuser\/numpy:/);
    expect(report.command.argv).toContain('--push=myuser');
    expect(report.run.runUrl).toBe('https://github.com/octo-org/jetson-images/actions/runs/4242');
    expect(report.runner.name).toBe('orin-agx-01');
    expect(report.stages.length).toBeGreaterThanOrEqual(4);
    expect(existsSync(o['log-file'] ?? '')).toBe(true);
    expect(readFileSync(o['log-file'] ?? '', 'utf8')).toContain('done ✅');
    // Live log: the build output is fenced by stop-commands and split into one group per stage.
    expect(run.main.stdout).toMatch(/::stop-commands::[0-9a-f]{32}/);
    expect((run.main.stdout.match(/^::group::/gm) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(run.summary).toContain('numpy');
    // post has nothing left to do after a normal finish
    expect(run.post.code).toBe(0);
    expect(run.state.phase).toBe('done');
  });

  it('a stage failure fails the step with the failure point, excerpt, annotation and summary', async () => {
    const run = await runAction({ inputs: { packages: 'numpy' }, env: { FAKE_JC_FAIL_STAGE: 'python' } });
    expect(run.main.code).toBe(1);
    const report = reportOf(run.main.outputs);
    expect(report.status).toBe('failure');
    expect(report.failedPackages).toEqual(['numpy']);
    const failure = report.packages[0]?.failure;
    expect(failure?.stage).toBe('python');
    expect(failure?.phase).toBe('build');
    expect(failure?.excerpt.join('\n')).toMatch(/ERROR/);
    expect(failure?.excerpt.length).toBeLessThanOrEqual(40);
    expect(run.main.stdout).toMatch(/^::error /m);
    expect(run.summary).toContain('python');
  });

  it('--multiple without --skip-errors: upstream exits 0 after a failure, the action says failure', async () => {
    const run = await runAction({
      inputs: { packages: 'numpy torchvision', multiple: 'true' },
      env: { FAKE_JC_FAIL_STAGE: 'numpy' },
    });
    const report = reportOf(run.main.outputs);
    expect(report.exitCode).toBe(0);
    expect(report.status).toBe('failure');
    expect(run.main.code).toBe(1);
    expect(report.packages.find((p) => p.name === 'torchvision')?.status).toBe('not-built');
  });

  it('--multiple --skip-errors: per-package truth from the summary lines, fail-on-build-error false keeps the step green', async () => {
    const run = await runAction({
      inputs: {
        packages: 'numpy, torchvision',
        multiple: 'true',
        'skip-errors': 'true',
        'fail-on-build-error': 'false',
      },
      env: { FAKE_JC_FAIL_STAGE: 'torchvision' },
    });
    expect(run.main.code).toBe(0);
    const report = reportOf(run.main.outputs);
    expect(report.exitCode).toBe(0);
    expect(report.status).toBe('failure');
    expect(report.packages.find((p) => p.name === 'numpy')?.status).toBe('success');
    expect(report.packages.find((p) => p.name === 'torchvision')?.status).toBe('failure');
    expect(run.main.stdout).toMatch(/^::warning::/m);
  });

  it('an unknown package is a failure that says so', async () => {
    const run = await runAction({ inputs: { packages: 'nonexistentpkg' } });
    expect(run.main.code).toBe(1);
    const report = reportOf(run.main.outputs);
    expect(report.status).toBe('failure');
    expect(report.message).toMatch(/nonexistentpkg/);
    expect(report.failure?.phase).toBe('resolve');
  });

  it('a command that cannot be started is a failure with a clear message and still a report', async () => {
    const run = await runAction({
      inputs: { packages: 'numpy', 'jetson-containers': '/nonexistent/jetson-containers' },
    });
    expect(run.main.code).toBe(1);
    expect(run.main.stdout).toMatch(/could not start .*command not found/);
    const report = reportOf(run.main.outputs);
    expect(report.status).toBe('failure');
    expect(report.exitCode).toBeNull();
  });

  it('bad input fails fast naming the input, the value and what is accepted, without a stack trace', async () => {
    const run = await runAction({ inputs: { packages: 'numpy; rm -rf /' } });
    expect(run.main.code).toBe(1);
    expect(run.main.stdout).toMatch(/::error::Input 'packages' has an invalid value/);
    expect(run.main.stdout).not.toMatch(/\n\s+at .*\(/);
    const bool = await runAction({ inputs: { packages: 'numpy', multiple: 'yes' } });
    expect(bool.main.stdout).toMatch(/Input 'multiple' has an invalid value "yes": use true or false/);
  });

  it('build output cannot run workflow commands (set outputs, add masks)', async () => {
    const run = await runAction({
      inputs: { packages: 'numpy' },
      env: { FAKE_JC_ECHO: '::set-output name=status::hacked\n::add-mask::numpy\n::error::injected' },
    });
    expect(run.main.outputs.status).toBe('success');
    // The injected lines appear in the log between a stop-commands token and its resume marker.
    const at = run.main.stdout.indexOf('::error::injected');
    expect(at).toBeGreaterThan(0);
    const before = run.main.stdout.slice(0, at);
    const token = [...before.matchAll(/::stop-commands::([0-9a-f]{32})/g)].pop()?.[1];
    expect(token).toBeTruthy();
    expect(before.slice(before.lastIndexOf(`::stop-commands::${token}`))).not.toContain(`::${token}::`);
  });

  it('cancel: SIGINT reaches the whole process group, the step ends in time, post reports cancelled', async () => {
    const pidFile = path.join(process.env.TMPDIR ?? '/tmp', `jba-child-${process.pid}-${Date.now()}`);
    const run = await runAction({
      inputs: { packages: 'numpy' },
      env: { FAKE_JC_WAIT_SIGNAL: '1', FAKE_JC_CHILD_PID_FILE: pidFile },
      cancelWhen: 'Building pip_cache',
    });
    // The runner would SIGTERM at 7.5 s: main must be done well before.
    expect(run.main.signal).toBeNull();
    expect(run.main.code).toBe(1);
    expect(run.state.phase).toBe('reported');
    const report = reportOf(run.main.outputs);
    expect(report.status).toBe('cancelled');
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    expect(alive(grandchild)).toBe(false);
    expect(run.post.code).toBe(0);
    expect(run.post.stdout).toMatch(/cancel/i);
  });

  it('main killed outright: post rebuilds the report from console.log on disk and stops leftover processes', async () => {
    const pidFile = path.join(process.env.TMPDIR ?? '/tmp', `jba-child-k-${process.pid}-${Date.now()}`);
    const run = await runAction({
      inputs: { packages: 'numpy' },
      env: { FAKE_JC_WAIT_SIGNAL: '1', FAKE_JC_CHILD_PID_FILE: pidFile },
      killWhen: 'Building pip_cache',
    });
    expect(run.main.signal).toBe('SIGKILL');
    expect(run.state.phase).toBe('building');
    expect(run.post.code).toBe(0);
    const reportFile = path.join(run.state.logDir ?? '', 'report.json');
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as BuildReport;
    validateReport(report);
    expect(report.status).toBe('cancelled');
    expect(report.stages.length).toBeGreaterThanOrEqual(1);
    expect(report.environment.L4T_VERSION).toBe('36.4.4');
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    expect(alive(grandchild)).toBe(false);
  });

  it('a flood of output (long lines, invalid UTF-8) streams through to console.log intact', async () => {
    const run = await runAction({
      inputs: { packages: 'numpy' },
      env: { FAKE_JC_FLOOD_MB: '20', FAKE_JC_LONG_LINE_KB: '2048', FAKE_JC_INVALID_UTF8: '1' },
      timeoutMs: 120_000,
    });
    expect(run.main.code).toBe(0);
    const report = reportOf(run.main.outputs);
    expect(report.status).toBe('success');
    expect(statSync(report.logs.consoleLog).size).toBeGreaterThan(20 * 1024 * 1024);
    const buildLogs = readdirSync(path.join(report.logs.dir, 'build'));
    expect(buildLogs.some((f) => f.endsWith('.txt'))).toBe(true);
  });
});
