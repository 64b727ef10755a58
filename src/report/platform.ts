// What a fleet platform's name promises (`jp6-orin`: JetPack 6, L4T R36, aarch64) and whether the runner that
// picked the leg up kept that promise. Runner labels are free text: a `jp5` runner re-flashed with JetPack 6
// still takes jp5 legs, and its images then quietly carry the wrong L4T tag. The name is the only place the
// user said what they expected, so it is read here; the environment is what the build printed.
// Pure: no I/O.
import type { EnvironmentInfo, PlatformFacts } from './build-report.js';

type Arch = 'aarch64' | 'x86_64';

/** L4T major of each JetPack major (upstream's l4t_version.py). */
const L4T_BY_JETPACK: Readonly<Record<string, string>> = { '4': '32', '5': '35', '6': '36', '7': '38' };
/** JetPack major of each L4T major; R34 was the JetPack 5 developer preview. */
const JETPACK_BY_L4T: Readonly<Record<string, string>> = {
  '32': '4',
  '34': '5',
  '35': '5',
  '36': '6',
  '38': '7',
};

// Each token stands alone: a letter or digit just before it, or a digit just after its number, makes it part
// of another word (`xjp60` promises nothing). A letter after the number is allowed (`jp6orin`).
// JetPack majors are one digit: `jp60` or `jp512` (6.0, 5.1.2 run together) is not read as a promise.
const JETPACK_TOKEN = /(?<![a-z0-9])(?:jp|jetpack)[\s_-]?([1-9])(?![0-9])/;
const L4T_TOKEN = /(?<![a-z0-9])l4t[\s_-]?r?(\d{2})(?![0-9])/;
// A bare `r36` is only read for the majors that exist, so that an unrelated `r12` promises nothing.
const R_TOKEN = /(?<![a-z0-9])r(32|34|35|36|38)(?![0-9])/;
const X86_TOKEN = /(?<![a-z0-9])(?:x86(?:[_-]64)?|amd64|x64|desktop)(?![a-z0-9])/;
const ARM_TOKEN = /(?<![a-z])(?:orin|xavier|nano|thor|tx2|jetson|aarch64|arm64)(?![a-z])/;

/** What `name` promises, majors only; null where it promises nothing. */
export function expectedOf(name: string): PlatformFacts['expected'] {
  const lower = name.toLowerCase();
  const jp = JETPACK_TOKEN.exec(lower)?.[1] ?? null;
  const l4tToken = (L4T_TOKEN.exec(lower) ?? R_TOKEN.exec(lower))?.[1] ?? null;
  const jetpack = jp ?? (l4tToken ? (JETPACK_BY_L4T[l4tToken] ?? null) : null);
  const l4t = l4tToken ?? (jp ? (L4T_BY_JETPACK[jp] ?? null) : null);
  const x86 = X86_TOKEN.test(lower);
  const arm = ARM_TOKEN.test(lower);
  // A name that says both (`x86-or-orin`) promises no arch; JetPack and L4T exist only on Jetson (aarch64).
  const arch: Arch | null =
    x86 && arm ? null : x86 ? 'x86_64' : arm || jetpack !== null || l4t !== null ? 'aarch64' : null;
  return { jetpack, l4t, arch };
}

/** A version as printed (`36.4.0`), or null when the value is not one (the build's output is untrusted). */
function version(v: string | null | undefined): string | null {
  const m = /^\s*r?(\d{1,3}(?:\.\d{1,4}){0,3})\s*$/i.exec(String(v ?? ''));
  return m ? m[1]! : null;
}

function major(v: string): string {
  return v.split('.')[0]!.replace(/^0+(?=\d)/, '');
}

function archOf(v: string | null | undefined): Arch | null {
  const a = String(v ?? '')
    .trim()
    .toLowerCase();
  if (a === 'aarch64' || a === 'arm64') return 'aarch64';
  if (a === 'x86_64' || a === 'amd64' || a === 'x64') return 'x86_64';
  return null;
}

type Environment = Pick<EnvironmentInfo, 'L4T_VERSION' | 'JETPACK_VERSION' | 'SYSTEM_ARCH'>;

/** Whether the runner's L4T/JetPack contradicts the promised majors; null when unknown. */
function versionContradicts(expected: PlatformFacts['expected'], l4t: string | null, jp: string | null) {
  if (expected.l4t !== null && l4t !== null) {
    const m = major(l4t);
    // R34 (JetPack 5 developer preview) keeps a JetPack 5 promise.
    return m !== expected.l4t && (expected.jetpack === null || JETPACK_BY_L4T[m] !== expected.jetpack);
  }
  if (expected.jetpack !== null && jp !== null) return major(jp) !== expected.jetpack;
  return null;
}

function promiseText(expected: PlatformFacts['expected'], withArch: boolean): string {
  const { jetpack, l4t, arch } = expected;
  const v =
    jetpack && l4t
      ? `JetPack ${jetpack} (L4T R${l4t})`
      : jetpack
        ? `JetPack ${jetpack}`
        : l4t
          ? `L4T R${l4t}`
          : null;
  if (!withArch) return v ?? '';
  return v ? `${v} on ${arch}` : `an ${arch} runner`;
}

/**
 * What the platform `name` promises and, when `environment` (BuildReport.environment) contradicts it, a
 * sentence saying so: `jp5-xavier promises JetPack 5 (L4T R35), but the runner has L4T 36.4.0 (JetPack 6.1)`.
 */
export function platformFacts(
  name: string,
  environment: Partial<Environment> | null | undefined,
): PlatformFacts {
  const expected = expectedOf(name);
  const env = environment ?? {};
  const l4t = version(env.L4T_VERSION);
  const jp = version(env.JETPACK_VERSION);
  const arch = archOf(env.SYSTEM_ARCH);
  const badVersion = versionContradicts(expected, l4t, jp) === true;
  const badArch = expected.arch !== null && arch !== null && arch !== expected.arch;
  if (!badVersion && !badArch) return { name, expected, mismatch: null };
  const has = l4t ? `L4T ${l4t}${jp ? ` (JetPack ${jp})` : ''}` : jp ? `JetPack ${jp}` : null;
  const runner = badArch
    ? `the runner is ${arch}${has ? ` with ${has}` : ''}`
    : `the runner has ${has ?? 'another L4T'}`;
  return { name, expected, mismatch: `${name} promises ${promiseText(expected, badArch)}, but ${runner}` };
}
