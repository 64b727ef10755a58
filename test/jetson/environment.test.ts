// Tests environment detection from plain data (env, files, lsb_release) and merging with the console's values.
import { describe, expect, it } from 'vitest';
import {
  cudaForL4t,
  cudaFromVersionJson,
  environmentFromRunner,
  jetpackForL4t,
  l4tFromNvTegraRelease,
  mergeEnvironment,
  type RunnerIO,
} from '../../src/jetson/environment.js';

const NV_TEGRA_36_4_4 =
  '# R36 (release), REVISION: 4.4, GCID: 41062509, BOARD: generic, EABI: aarch64, DATE: Mon Jun 16 16:07:13 UTC 2025\n' +
  '# KERNEL_VARIANT: oot\nTARGET_USERSPACE_LIB_DIR=nvidia\n';

function io(files: Record<string, string>, opts: Partial<RunnerIO> = {}): RunnerIO & { reads: string[] } {
  const reads: string[] = [];
  return {
    env: {},
    readFile: async (p) => {
      reads.push(p);
      return files[p] ?? null;
    },
    lsbRelease: async () => null,
    reads,
    ...opts,
  };
}

describe('l4t / jetpack / cuda tables', () => {
  it('parses /etc/nv_tegra_release', () => {
    expect(l4tFromNvTegraRelease(NV_TEGRA_36_4_4)).toBe('36.4.4');
    expect(l4tFromNvTegraRelease('# R35 (release), REVISION: 4.1, GCID: 33958178, BOARD: t186ref')).toBe(
      '35.4.1',
    );
    expect(l4tFromNvTegraRelease('# R38 (release), REVISION: 2.0, GCID: 1')).toBe('38.2.0');
    expect(l4tFromNvTegraRelease('garbage')).toBeNull();
  });
  it.each([
    ['36.4.4', '6.2.1'],
    ['36.4.3', '6.2'],
    ['36.4.0', '6.1'],
    ['36.4', '6.1'],
    ['35.4.1', '5.1.2'],
    ['38.2', '7.0'],
    ['38.2.0', '7.0'],
    ['r36.4.4', '6.2.1'],
    ['32.7.4', '4.6.4'],
    ['99.1', null],
  ])('L4T %s → JetPack %s', (l4t, jp) => {
    expect(jetpackForL4t(l4t)).toBe(jp);
  });
  it('falls back to the CUDA that shipped with the L4T release', () => {
    expect(cudaForL4t('36.4.4')).toBe('12.6');
    expect(cudaForL4t('36.3.0')).toBe('12.4');
    expect(cudaForL4t('38.2.0')).toBe('13.0');
    expect(cudaForL4t('35.4.1')).toBeNull();
  });
  it('reads cuda_nvcc.version from version.json', () => {
    expect(
      cudaFromVersionJson('{"cuda":{"version":"12.6.10"},"cuda_nvcc":{"name":"x","version":"12.6.68"}}'),
    ).toBe('12.6');
    expect(cudaFromVersionJson('{"cuda":{"version":"13.0.1"}}')).toBe('13.0');
    expect(cudaFromVersionJson('not json')).toBeNull();
  });
});

describe('environmentFromRunner', () => {
  it('derives everything on a Jetson from its files and lsb_release', async () => {
    const env = await environmentFromRunner(
      io(
        {
          '/etc/nv_tegra_release': NV_TEGRA_36_4_4,
          '/usr/local/cuda/version.json': '{"cuda_nvcc":{"version":"12.8.93"}}',
        },
        { lsbRelease: async () => '22.04\n', arch: 'arm64' },
      ),
    );
    expect(env).toEqual({
      L4T_VERSION: '36.4.4',
      JETPACK_VERSION: '6.2.1',
      CUDA_VERSION: '12.8',
      LSB_RELEASE: '22.04',
      PYTHON_VERSION: '3.10',
      SYSTEM_ARCH: 'aarch64',
      CUDA_ARCH: 'tegra-aarch64',
    });
  });

  it('uses the L4T CUDA when no toolkit is installed, and Python by Ubuntu release', async () => {
    const env = await environmentFromRunner(
      io(
        { '/etc/nv_tegra_release': '# R38 (release), REVISION: 2.0, GCID: 1' },
        { lsbRelease: async () => '24.04', arch: 'arm64' },
      ),
    );
    expect(env.CUDA_VERSION).toBe('13.0');
    expect(env.JETPACK_VERSION).toBe('7.0');
    expect(env.PYTHON_VERSION).toBe('3.12');
  });

  it('lets environment variables of the same names win and skips the files they replace', async () => {
    const runner = io(
      {
        '/etc/nv_tegra_release': NV_TEGRA_36_4_4,
        '/usr/local/cuda/version.json': '{"cuda_nvcc":{"version":"12.6.68"}}',
      },
      {
        env: {
          L4T_VERSION: 'r35.4.1',
          CUDA_VERSION: '11.4',
          PYTHON_VERSION: '3.9',
          LSB_RELEASE: '20.04',
          SYSTEM_ARCH: ' ',
        },
        arch: 'x64',
      },
    );
    const env = await environmentFromRunner(runner);
    expect(env.L4T_VERSION).toBe('35.4.1');
    expect(env.JETPACK_VERSION).toBe('5.1.2');
    expect(env.CUDA_VERSION).toBe('11.4');
    expect(env.PYTHON_VERSION).toBe('3.9');
    expect(env.LSB_RELEASE).toBe('20.04');
    // A blank override is no override.
    expect(env.SYSTEM_ARCH).toBe('x86_64');
    expect(runner.reads).toEqual([]);
  });

  it('reports only what it can find off a Jetson', async () => {
    const env = await environmentFromRunner(io({}, { arch: 'x64' }));
    expect(env).toEqual({ SYSTEM_ARCH: 'x86_64', CUDA_ARCH: 'x86_64' });
  });
});

describe('mergeEnvironment', () => {
  it('prefers the console and says where values came from', () => {
    expect(
      mergeEnvironment(
        { L4T_VERSION: '36.4.4', CUDA_VERSION: '12.6' },
        { CUDA_VERSION: '12.8', LSB_RELEASE: '22.04' },
      ),
    ).toEqual({
      L4T_VERSION: '36.4.4',
      CUDA_VERSION: '12.6',
      LSB_RELEASE: '22.04',
      source: 'mixed',
    });
    expect(mergeEnvironment({ L4T_VERSION: '36.4.4' }, {})).toEqual({
      L4T_VERSION: '36.4.4',
      source: 'console',
    });
    expect(mergeEnvironment(null, { SYSTEM_ARCH: 'aarch64' })).toEqual({
      SYSTEM_ARCH: 'aarch64',
      source: 'runner',
    });
    expect(mergeEnvironment({}, undefined)).toEqual({ source: 'none' });
  });
});
