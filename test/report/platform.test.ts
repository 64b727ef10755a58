// What a platform's name promises and when the runner's environment contradicts it.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { readBuildSettings, readSettings } from '../../src/action/settings.js';
import { BuildStreamParser } from '../../src/jetson/parse/index.js';
import { assembleReport, logPaths } from '../../src/report/assemble.js';
import type { EnvironmentInfo } from '../../src/report/build-report.js';
import { expectedOf, platformFacts } from '../../src/report/platform.js';
import { readRunContext } from '../../src/runner/context.js';
import { validateReport } from '../support/schema.js';

// As the tool prints them (transcripts: `L4T_VERSION 36.4.4 │ JETPACK_VERSION 6.2.1 … SYSTEM_ARCH aarch64`).
const JP6 = { L4T_VERSION: '36.4.4', JETPACK_VERSION: '6.2.1', SYSTEM_ARCH: 'aarch64' };
const JP61 = { L4T_VERSION: '36.4.0', JETPACK_VERSION: '6.1', SYSTEM_ARCH: 'aarch64' };
const JP5 = { L4T_VERSION: '35.4.1', JETPACK_VERSION: '5.1.2', SYSTEM_ARCH: 'aarch64' };
const JP5_DP = { L4T_VERSION: '34.1.1', JETPACK_VERSION: '5.0.1', SYSTEM_ARCH: 'aarch64' };
const JP4 = { L4T_VERSION: '32.7.4', JETPACK_VERSION: '4.6.4', SYSTEM_ARCH: 'aarch64' };
const THOR = { L4T_VERSION: '38.2.0', JETPACK_VERSION: '7.0', SYSTEM_ARCH: 'aarch64' };
const DESKTOP = { SYSTEM_ARCH: 'x86_64' };

describe('what a platform name promises', () => {
  it.each([
    ['jp6-orin', { jetpack: '6', l4t: '36', arch: 'aarch64' }],
    ['jp-6', { jetpack: '6', l4t: '36', arch: 'aarch64' }],
    ['jetpack6', { jetpack: '6', l4t: '36', arch: 'aarch64' }],
    ['JetPack 6.1', { jetpack: '6', l4t: '36', arch: 'aarch64' }],
    ['JP5-Xavier', { jetpack: '5', l4t: '35', arch: 'aarch64' }],
    ['jp4_nano', { jetpack: '4', l4t: '32', arch: 'aarch64' }],
    ['jp7-thor', { jetpack: '7', l4t: '38', arch: 'aarch64' }],
    ['l4t-r36', { jetpack: '6', l4t: '36', arch: 'aarch64' }],
    ['r35', { jetpack: '5', l4t: '35', arch: 'aarch64' }],
    ['l4t36', { jetpack: '6', l4t: '36', arch: 'aarch64' }],
    ['orin-r34', { jetpack: '5', l4t: '34', arch: 'aarch64' }],
    ['orin', { jetpack: null, l4t: null, arch: 'aarch64' }],
    ['tx2', { jetpack: null, l4t: null, arch: 'aarch64' }],
    ['arm64-builders', { jetpack: null, l4t: null, arch: 'aarch64' }],
    ['x86', { jetpack: null, l4t: null, arch: 'x86_64' }],
    ['x86_64-cuda', { jetpack: null, l4t: null, arch: 'x86_64' }],
    ['amd64', { jetpack: null, l4t: null, arch: 'x86_64' }],
    ['desktop-4090', { jetpack: null, l4t: null, arch: 'x86_64' }],
    ['jp6-x86', { jetpack: '6', l4t: '36', arch: 'x86_64' }],
  ])('%s', (name, expected) => {
    expect(expectedOf(name)).toEqual(expected);
  });

  it.each([
    // Inside other words and numbers: nothing.
    'xjp60',
    'jp60',
    'ajp6',
    'gpu-r12',
    'r360',
    'nanos',
    'orinx',
    'bx86',
    'builders',
    '',
  ])('%j promises nothing', (name) => {
    expect(expectedOf(name)).toEqual({ jetpack: null, l4t: null, arch: null });
  });

  it('a name that says both x86 and a Jetson board promises no arch', () => {
    expect(expectedOf('x86-or-orin')).toEqual({ jetpack: null, l4t: null, arch: null });
  });
});

describe('platformFacts', () => {
  it('the example of the issue: a JetPack 6.1 board taking jp5 legs', () => {
    expect(platformFacts('jp5-xavier', JP61)).toEqual({
      name: 'jp5-xavier',
      expected: { jetpack: '5', l4t: '35', arch: 'aarch64' },
      mismatch: 'jp5-xavier promises JetPack 5 (L4T R35), but the runner has L4T 36.4.0 (JetPack 6.1)',
    });
  });

  it.each([
    ['jp6-orin', JP6],
    ['jp6-orin', JP61],
    ['jp5-xavier', JP5],
    ['jp5-xavier', JP5_DP],
    ['r34-devkit', JP5_DP],
    ['jp4-nano', JP4],
    ['jp7-thor', THOR],
    ['l4t-r36', JP6],
    ['x86-desktop', DESKTOP],
    ['orin', JP4],
    ['my-fleet', DESKTOP],
  ])('%s on %j: no mismatch', (name, env) => {
    expect(platformFacts(name, env).mismatch).toBe(null);
  });

  it.each([
    ['jp6-orin', JP5, 'jp6-orin promises JetPack 6 (L4T R36), but the runner has L4T 35.4.1 (JetPack 5.1.2)'],
    ['r36', JP4, 'r36 promises JetPack 6 (L4T R36), but the runner has L4T 32.7.4 (JetPack 4.6.4)'],
    ['jp7-thor', JP6, 'jp7-thor promises JetPack 7 (L4T R38), but the runner has L4T 36.4.4 (JetPack 6.2.1)'],
    [
      'x86-desktop',
      JP6,
      'x86-desktop promises an x86_64 runner, but the runner is aarch64 with L4T 36.4.4 (JetPack 6.2.1)',
    ],
    ['jp6-orin', DESKTOP, 'jp6-orin promises JetPack 6 (L4T R36) on aarch64, but the runner is x86_64'],
    ['xavier', DESKTOP, 'xavier promises an aarch64 runner, but the runner is x86_64'],
    // Only JetPack known (an L4T the tool could not read): compared by JetPack major.
    [
      'jp6',
      { JETPACK_VERSION: '5.1.2' },
      'jp6 promises JetPack 6 (L4T R36), but the runner has JetPack 5.1.2',
    ],
  ])('%s on %j: %s', (name, env, sentence) => {
    expect(platformFacts(name, env).mismatch).toBe(sentence);
  });

  it('an unknown environment, or values that are not versions, say nothing', () => {
    expect(platformFacts('jp6-orin', null).mismatch).toBe(null);
    expect(platformFacts('jp6-orin', {}).mismatch).toBe(null);
    expect(platformFacts('jp6-orin', { L4T_VERSION: '<@123> 35', SYSTEM_ARCH: 'riscv64' }).mismatch).toBe(
      null,
    );
  });

  it('prints the versions it compared, not whatever the build printed next to them', () => {
    expect(platformFacts('jp6', { L4T_VERSION: ' r35.4.1 ' }).mismatch).toBe(
      'jp6 promises JetPack 6 (L4T R36), but the runner has L4T 35.4.1',
    );
  });
});

describe('the action: the `platform` input in report.json', () => {
  const assemble = (platform: string | undefined, environment: EnvironmentInfo) =>
    assembleReport({
      build: readBuildSettings((n) => (n === 'packages' ? 'numpy' : ''), { GITHUB_WORKSPACE: os.tmpdir() }),
      argv: {
        command: 'jetson-containers',
        args: ['build', 'numpy'],
        display: 'jetson-containers build numpy',
      },
      parse: new BuildStreamParser().result(),
      run: { exitCode: 0, signal: null, startError: null, cancelSignal: null, killed: false },
      cancelled: false,
      environment,
      context: readRunContext('', {}),
      runner: { name: 'xavier-nx-02', os: 'Linux', arch: 'ARM64', labels: [] },
      start: new Date('2026-11-20T12:00:00Z'),
      end: new Date('2026-11-20T12:01:00Z'),
      logs: logPaths(os.tmpdir()),
      ...(platform === undefined ? {} : { platform }),
    });
  const jp61: EnvironmentInfo = { ...JP61, CUDA_VERSION: '12.6', source: 'console' };

  it('is null without the input, or when it is blank', () => {
    expect(assemble(undefined, jp61).platform).toBe(null);
    expect(assemble('  ', jp61).platform).toBe(null);
  });

  it('names the platform, what it promises and the mismatch with the environment the build ran on', () => {
    const report = assemble(' jp5-xavier ', jp61);
    expect(report.platform).toEqual({
      name: 'jp5-xavier',
      expected: { jetpack: '5', l4t: '35', arch: 'aarch64' },
      mismatch: 'jp5-xavier promises JetPack 5 (L4T R35), but the runner has L4T 36.4.0 (JetPack 6.1)',
    });
    expect(() => validateReport(JSON.parse(JSON.stringify(report)))).not.toThrow();
    expect(assemble('jp6-orin', jp61).platform?.mismatch).toBe(null);
  });

  it('a control character in the input fails the step before anything runs, naming the input', () => {
    const inputs: Record<string, string> = { packages: 'numpy', platform: 'jp6-orin\u001b[31m' };
    expect(() => readSettings((n) => inputs[n] ?? '', { GITHUB_WORKSPACE: os.tmpdir() })).toThrow(
      /Input 'platform' has an invalid value "jp6-orin\\u001b\[31m": .*control characters/,
    );
  });
});
