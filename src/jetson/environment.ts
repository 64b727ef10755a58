// Works out the Jetson environment (L4T, JetPack, CUDA, Ubuntu, Python, arch) the way jetson-containers does.
//
// The tool prints these in its start-up box, which wins when present; this module fills the gaps (and
// covers runs that never got that far) from the runner itself, with the I/O injected so tests use plain data.

import { ENVIRONMENT_KEYS, type EnvironmentInfo } from '../report/build-report.js';

export type EnvironmentValues = Omit<EnvironmentInfo, 'source'>;

export interface RunnerIO {
  env: Record<string, string | undefined>;
  /** The file's text, or null when it does not exist or cannot be read. */
  readFile: (path: string) => Promise<string | null>;
  /** The release `lsb_release -rs` prints (e.g. `22.04`), or null when it cannot be told. */
  lsbRelease: () => Promise<string | null>;
  /** process.arch; injectable for tests. */
  arch?: string;
}

const KEYS = ENVIRONMENT_KEYS satisfies ReadonlyArray<keyof EnvironmentValues>;

// L4T → JetPack, from upstream jetson_containers/l4t_version.py (get_jetpack_version).
const JETPACK_BY_L4T: Record<string, string> = {
  '39.1.0': '7.2',
  '39.0.0': '7.2',
  '38.4.0': '7.1',
  '38.2.2': '7.0',
  '38.2.0': '7.0',
  '38.1.0': '7.0',
  '36.5.0': '6.2.1',
  '36.4.7': '6.2.1',
  '36.4.4': '6.2.1',
  '36.4.3': '6.2',
  '36.4.2': '6.1.1',
  '36.4.0': '6.1',
  '36.3.0': '6.0',
  '36.2.0': '6.0',
  '36.0.0': '6.0',
  '35.6.4': '5.1.6',
  '35.6.2': '5.1.5',
  '35.6.1': '5.1.5',
  '35.6.0': '5.1.4',
  '35.5.0': '5.1.3',
  '35.4.1': '5.1.2',
  '35.3.1': '5.1.1',
  '35.3.0': '5.1.1',
  '35.2.1': '5.1',
  '35.1.0': '5.0.2',
  '34.1.1': '5.0.1',
  '34.1.0': '5.0',
  '34.0.1': '5.0',
  '32.7.6': '4.6.6',
  '32.7.5': '4.6.5',
  '32.7.4': '4.6.4',
  '32.7.3': '4.6.3',
  '32.7.2': '4.6.2',
  '32.7.1': '4.6.1',
  '32.6.1': '4.6',
  '32.5.2': '4.5.1',
  '32.5.1': '4.5.1',
  '32.5.0': '4.5',
  '32.4.4': '4.4.1',
  '32.4.3': '4.4',
  '32.4.2': '4.4',
};

// Ubuntu release → default Python, from upstream DEFAULT_PYTHON_VERSIONS.
const PYTHON_BY_UBUNTU: Record<string, string> = {
  '18.04': '3.6',
  '20.04': '3.8',
  '22.04': '3.10',
  '24.04': '3.12',
  '26.04': '3.14',
};

const ARCH_BY_NODE: Record<string, string> = {
  arm64: 'aarch64',
  x64: 'x86_64',
  arm: 'armv7l',
  ppc64: 'ppc64le',
};

/** `36.4` and `36.4.0` are the same release to upstream (packaging.version). */
function normalizeVersion(v: string): string {
  const parts = v.split('.');
  while (parts.length < 3) parts.push('0');
  return parts.join('.');
}

/** `# R36 (release), REVISION: 4.4, GCID: ...` → `36.4.4`. */
export function l4tFromNvTegraRelease(text: string): string | null {
  const first = text.split('\n', 1)[0] ?? '';
  const m = /^#\s*R(\d+)\s*\(release\),\s*REVISION:\s*(\d+(?:\.\d+)*)/.exec(first.trim());
  return m ? `${m[1] as string}.${m[2] as string}` : null;
}

export function jetpackForL4t(l4t: string): string | null {
  return JETPACK_BY_L4T[normalizeVersion(l4t.replace(/^r/i, ''))] ?? null;
}

/** What upstream assumes when CUDA is not installed on the host (r36.4 → 12.6, r38 → 13.0). */
export function cudaForL4t(l4t: string): string | null {
  const [major, minor] = l4t.replace(/^r/i, '').split('.').map(Number);
  if (major === undefined || Number.isNaN(major)) return null;
  if (major >= 39) return '13.2';
  if (major >= 38) return '13.0';
  if (major === 36) {
    if (minor === 5 || minor === 4) return '12.6';
    if (minor === 3) return '12.4';
    if (minor === 2) return '12.2';
    return null;
  }
  return null;
}

/** `/usr/local/cuda/version.json` → `12.6` from `cuda_nvcc.version` (`12.6.68`). */
export function cudaFromVersionJson(text: string): string | null {
  try {
    const data = JSON.parse(text) as { cuda_nvcc?: { version?: unknown }; cuda?: { version?: unknown } };
    const v = data.cuda_nvcc?.version ?? data.cuda?.version;
    if (typeof v !== 'string') return null;
    const m = /^(\d+)\.(\d+)/.exec(v);
    return m ? `${m[1] as string}.${m[2] as string}` : null;
  } catch {
    return null;
  }
}

export function pythonForUbuntu(release: string): string | null {
  return PYTHON_BY_UBUNTU[release] ?? null;
}

/** The environment as the runner sees it; environment variables of the same names override, like upstream. */
export async function environmentFromRunner(io: RunnerIO): Promise<Partial<EnvironmentInfo>> {
  const out: EnvironmentValues = {};
  for (const key of KEYS) {
    const v = io.env[key]?.trim();
    if (v) out[key] = key === 'L4T_VERSION' ? v.replace(/^r/i, '') : v;
  }

  if (out.L4T_VERSION === undefined) {
    const text = await io.readFile('/etc/nv_tegra_release');
    const l4t = text !== null ? l4tFromNvTegraRelease(text) : null;
    if (l4t) out.L4T_VERSION = l4t;
  }
  if (out.JETPACK_VERSION === undefined && out.L4T_VERSION !== undefined) {
    const jp = jetpackForL4t(out.L4T_VERSION);
    if (jp) out.JETPACK_VERSION = jp;
  }
  if (out.CUDA_VERSION === undefined) {
    const json = await io.readFile('/usr/local/cuda/version.json');
    const cuda =
      (json !== null ? cudaFromVersionJson(json) : null) ??
      (out.L4T_VERSION ? cudaForL4t(out.L4T_VERSION) : null);
    if (cuda) out.CUDA_VERSION = cuda;
  }
  if (out.LSB_RELEASE === undefined) {
    const lsb = (await io.lsbRelease())?.trim();
    if (lsb) out.LSB_RELEASE = lsb;
  }
  if (out.PYTHON_VERSION === undefined && out.LSB_RELEASE !== undefined) {
    const py = pythonForUbuntu(out.LSB_RELEASE);
    if (py) out.PYTHON_VERSION = py;
  }
  if (out.SYSTEM_ARCH === undefined) {
    const arch = io.arch ?? process.arch;
    out.SYSTEM_ARCH = ARCH_BY_NODE[arch] ?? arch;
  }
  if (out.CUDA_ARCH === undefined && out.SYSTEM_ARCH === 'x86_64') out.CUDA_ARCH = 'x86_64';
  else if (out.CUDA_ARCH === undefined && out.SYSTEM_ARCH === 'aarch64' && out.L4T_VERSION !== undefined) {
    // An nv_tegra_release file (or an L4T override) means a Jetson; SBSA servers have neither.
    out.CUDA_ARCH = 'tegra-aarch64';
  }
  return out;
}

/** The console's values win (they are what the build used); the runner fills what the console lacks. */
export function mergeEnvironment(
  fromConsole: Partial<EnvironmentInfo> | null | undefined,
  fromRunner: Partial<EnvironmentInfo> | null | undefined,
): EnvironmentInfo {
  const out: EnvironmentInfo = { source: 'none' };
  let fromC = 0;
  let fromR = 0;
  for (const key of KEYS) {
    const c = fromConsole?.[key];
    const r = fromRunner?.[key];
    if (c) {
      out[key] = c;
      fromC++;
    } else if (r) {
      out[key] = r;
      fromR++;
    }
  }
  out.source = fromC > 0 && fromR > 0 ? 'mixed' : fromC > 0 ? 'console' : fromR > 0 ? 'runner' : 'none';
  return out;
}

/**
 * VERSION_ID of an os-release(5) file (`VERSION_ID="22.04"` → `22.04`): what `lsb_release -rs` prints on
 * Ubuntu and Debian, where it reads the same file. Null when the file has none.
 */
export function versionIdFromOsRelease(text: string): string | null {
  const m = /^VERSION_ID=(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'#]*))\s*$/m.exec(text);
  const v = (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim();
  return v === '' ? null : v;
}

/**
 * The real runner: files through node:fs; the release from os-release, else `lsb_release -rs` through
 * @actions/exec (loaded only then): on a Jetson lsb_release is a Python program, tens of milliseconds to
 * read the line os-release holds.
 */
export function realRunnerIO(env: Record<string, string | undefined> = process.env): RunnerIO {
  const readFile = async (path: string): Promise<string | null> => {
    const { readFile } = await import('node:fs/promises');
    try {
      return await readFile(path, 'utf8');
    } catch {
      return null;
    }
  };
  return {
    env,
    readFile,
    lsbRelease: async () => {
      for (const file of ['/etc/os-release', '/usr/lib/os-release']) {
        const text = await readFile(file);
        if (text !== null) {
          const release = versionIdFromOsRelease(text);
          if (release !== null) return release;
        }
      }
      try {
        const { getExecOutput } = await import('@actions/exec');
        const out = await getExecOutput('lsb_release', ['-rs'], { silent: true, ignoreReturnCode: true });
        return out.exitCode === 0 && out.stdout.trim() ? out.stdout.trim() : null;
      } catch {
        return null;
      }
    },
  };
}
