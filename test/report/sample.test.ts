// The sample report dry-run renders and test-notification sends: a realistic failed build on a Jetson Orin.
import { describe, expect, it } from 'vitest';
import { sampleImage, sampleReport } from '../../src/report/sample.js';
import type { RunContext, RunnerInfo } from '../../src/report/build-report.js';
import { validateReport } from '../support/schema.js';

const RUN: RunContext = {
  serverUrl: 'https://github.com',
  repository: 'octo-org/jetson-images',
  ref: 'refs/heads/main',
  sha: '0123456789abcdef0123456789abcdef01234567',
  workflow: 'Jetson images',
  job: 'build',
  runId: '4242',
  runAttempt: '1',
  runUrl: 'https://github.com/octo-org/jetson-images/actions/runs/4242',
  jobUrl: null,
  matrix: null,
};
const RUNNER: RunnerInfo = { name: 'orin-agx-01', os: 'Linux', arch: 'ARM64', labels: ['self-hosted'] };
const END = new Date('2026-03-01T12:00:00.000Z');

function sample(packages: string[], headline?: string): ReturnType<typeof sampleReport> {
  return sampleReport({
    packages,
    run: RUN,
    runner: RUNNER,
    end: END,
    logDir: '/runner/_temp/jetson-build-logs/build-1',
    ...(headline ? { headline } : {}),
  });
}

describe('sampleReport', () => {
  it('without packages, builds pytorch:2.8 and fails torchvision at its last stage', () => {
    const r = sample([]);
    expect(r.status).toBe('failure');
    expect(r.requestedPackages).toEqual(['pytorch:2.8', 'torchvision']);
    expect(r.packages.map((p) => [p.name, p.status, p.image])).toEqual([
      ['pytorch:2.8', 'success', 'pytorch:2.8-r36.4.tegra-aarch64-cu126-22.04'],
      ['torchvision', 'failure', null],
    ]);
    expect(r.failedPackages).toEqual(['torchvision']);
    expect(r.images).toEqual(['pytorch:2.8-r36.4.tegra-aarch64-cu126-22.04']);
    expect(r.message).toBe(
      '1 of 2 packages built; torchvision failed in stage torchvision (build 9/9): ERROR: failed to solve: ' +
        'process "/bin/sh -c /tmp/torchvision/install.sh" did not complete successfully: exit code: 1.',
    );
    expect(r.failure?.stage).toBe('torchvision');
    expect([r.failure?.stageIndex, r.failure?.stageCount, r.failure?.phase]).toEqual([9, 9, 'build']);
    expect(r.failure?.excerpt).toHaveLength(4);
    expect(r.failure?.excerpt[1]).toContain("error: command '/usr/local/cuda/bin/nvcc' failed");
    expect(r.options).toEqual({ multiple: true, skipErrors: true, name: null, push: null });
    expect(r.command.display).toBe(
      'jetson-containers build --multiple --skip-errors --logs=/runner/_temp/jetson-build-logs/build-1 pytorch:2.8 torchvision',
    );
  });

  it('has a Jetson Orin JetPack 6 environment and this run context', () => {
    const r = sample(['numpy']);
    expect(r.environment).toEqual({
      L4T_VERSION: '36.4.4',
      JETPACK_VERSION: '6.2.1',
      CUDA_VERSION: '12.6',
      PYTHON_VERSION: '3.10',
      SYSTEM_ARCH: 'aarch64',
      LSB_RELEASE: '22.04',
      CUDA_ARCH: 'tegra-aarch64',
      source: 'console',
    });
    expect(r.run.runUrl).toBe('https://github.com/octo-org/jetson-images/actions/runs/4242');
    expect(r.runner.name).toBe('orin-agx-01');
    // No artifact exists for a sample: the run is the link.
    expect(r.logs.url).toBe('https://github.com/octo-org/jetson-images/actions/runs/4242');
    expect(r.logs.artifactUrl).toBeNull();
    expect(r.logs.consoleLog).toBe('/runner/_temp/jetson-build-logs/build-1/console.log');
  });

  it('a single package is the failed one, in one chain', () => {
    const r = sample(['l4t-ml']);
    expect(r.packages.map((p) => p.status)).toEqual(['failure']);
    expect(r.images).toEqual([]);
    expect(r.options.multiple).toBe(false);
    expect(r.message).toMatch(/^l4t-ml failed in stage l4t-ml \(build 9\/9\): ERROR: failed to solve/);
    expect(r.command.argv).toEqual([
      'jetson-containers',
      'build',
      '--logs=/runner/_temp/jetson-build-logs/build-1',
      'l4t-ml',
    ]);
  });

  it('times add up: ends at the given moment, the durations sum to the whole', () => {
    const r = sample(['numpy', 'opencv', 'torchvision']);
    expect(r.endTime).toBe('2026-03-01T12:00:00.000Z');
    expect(r.packages.map((p) => p.durationSeconds)).toEqual([2712, 1484, 1187]);
    expect(r.durationSeconds).toBe(2712 + 1484 + 1187);
    // 5383 s = 1 h 29 min 43 s before the end.
    expect(r.startTime).toBe('2026-03-01T10:30:17.000Z');
    expect(r.stages.map((s) => `${s.index}/${s.total} ${s.name} ${s.status}`).slice(-2)).toEqual([
      '8/9 onnx success',
      '9/9 torchvision failure',
    ]);
  });

  it('puts the headline before the sentence', () => {
    const r = sample(['numpy'], '🧪 Test notification from jetson-build-action — not a real build');
    expect(r.message).toMatch(
      /^🧪 Test notification from jetson-build-action — not a real build\. numpy failed in stage numpy/,
    );
  });

  it('is a valid report.json (the published schema)', () => {
    expect(() => validateReport(JSON.parse(JSON.stringify(sample([]))))).not.toThrow();
    expect(() => validateReport(JSON.parse(JSON.stringify(sample(['a', 'b', 'c', 'd', 'e']))))).not.toThrow();
  });

  it('tags images as jetson-containers does', () => {
    expect(sampleImage('numpy')).toBe('numpy:r36.4.tegra-aarch64-cu126-22.04');
    expect(sampleImage('ros:humble-desktop')).toBe('ros:humble-desktop-r36.4.tegra-aarch64-cu126-22.04');
  });
});
