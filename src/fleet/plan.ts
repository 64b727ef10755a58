// The matrix plan of the reusable workflow: packages → matrix legs (one per package, chunked past 256 legs).
// Pure apart from planKey's random bytes: no inputs, no env, no I/O. src/plan-main.ts wires it to the `plan` action.
import { randomBytes } from 'node:crypto';
import { isWildcard } from '../jetson/packages.js';

/** GitHub's limit of jobs per matrix. */
export const MAX_MATRIX_LEGS = 256;

export interface MatrixLeg {
  /**
   * A name safe for artifact names and job titles, unique within the plan (e.g. `pytorch-2.8`,
   * `ros-humble-all` for `ros:humble*`, `chunk-2-of-3`).
   */
  leg: string;
  /** The package(s) this leg builds, space separated, exactly as planned. */
  packages: string;
  /** 0-based position of the leg in the plan. */
  index: number;
  /**
   * Whether the leg builds with `--multiple --skip-errors`: true for a chunk of several packages and for a
   * wildcard (it expands on the runner to possibly many packages, each its own chain).
   */
  multiple: boolean;
}

export interface MatrixPlan {
  /** `fromJSON` of this object is a `strategy.matrix`. */
  include: MatrixLeg[];
  /** Every planned package once, in the order given (wildcards as typed). */
  packages: string[];
}

/**
 * A random key for one call of the reusable workflow: it goes into every artifact name of the call, so two
 * calls in one caller run never collide nor read each other's reports. 12 hex characters.
 */
export function planKey(random: (bytes: number) => Buffer = randomBytes): string {
  return random(6).toString('hex');
}

export interface PlanOptions {
  /** At most this many legs (1-256); more packages are chunked so that none is dropped. */
  maxLegs?: number;
}

/**
 * A name usable in an artifact name: no `" ' : < > | * ? \ /`, no spaces, at most 60 characters. A `*` reads
 * as `all` (`ros:humble*` → `ros-humble-all`), so a wildcard leg is not mistaken for a package of that name.
 */
/** The longest leg name: the live run message keys a leg's line by it, cut to this length. */
const LEG_NAME_MAX = 60;

export function legSlug(name: string): string {
  const slug = name
    .replace(/-*\*+-*/g, '-all-')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, LEG_NAME_MAX)
    .replace(/[-.]+$/, '');
  return slug === '' ? 'package' : slug;
}

/** Removes exact duplicates, keeping the first occurrence and the given order. */
export function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

/**
 * Splits `packages` into matrix legs: one leg per package while they fit in `maxLegs`, otherwise `maxLegs`
 * chunks of near-equal size (in the given order), each built one package at a time on its runner.
 * Duplicates are removed; wildcards are kept as their own leg (only chunked together when there are more
 * entries than legs). Throws when there is nothing to build.
 */
export function planMatrix(packages: string[], opts: PlanOptions = {}): MatrixPlan {
  const maxLegs = opts.maxLegs ?? MAX_MATRIX_LEGS;
  if (!Number.isInteger(maxLegs) || maxLegs < 1 || maxLegs > MAX_MATRIX_LEGS) {
    throw new RangeError(`maxLegs must be an integer from 1 to ${MAX_MATRIX_LEGS}, got ${maxLegs}`);
  }
  const unique = dedupe(packages);
  if (unique.length === 0) throw new Error('No packages to build: the package list is empty.');

  const include: MatrixLeg[] = [];
  if (unique.length <= maxLegs) {
    const used = new Set<string>();
    unique.forEach((name, index) => {
      const slug = legSlug(name);
      // Two names can slug alike (`a:b`, `a-b`), and a suffixed name can meet a real one (`a-b-3 a:b a-b`):
      // count up from the position until the name is free.
      // The suffix replaces the end of a long name rather than growing it: a name over LEG_NAME_MAX would be
      // cut back to its twin's as a line key of the live run message.
      let leg = slug;
      for (let n = index + 1; used.has(leg); n++) {
        const suffix = `-${n}`;
        leg = `${slug.slice(0, LEG_NAME_MAX - suffix.length).replace(/[-.]+$/, '')}${suffix}`;
      }
      used.add(leg);
      include.push({ leg, packages: name, index, multiple: isWildcard(name) });
    });
  } else {
    const chunks = chunk(unique, maxLegs);
    chunks.forEach((names, index) => {
      include.push({
        leg: `chunk-${index + 1}-of-${chunks.length}`,
        packages: names.join(' '),
        index,
        multiple: names.length > 1 || names.some(isWildcard),
      });
    });
  }
  return { include, packages: unique };
}

/** `items` in `count` contiguous groups whose sizes differ by at most one. */
function chunk<T>(items: T[], count: number): T[][] {
  const groups: T[][] = [];
  const base = Math.floor(items.length / count);
  const extra = items.length % count;
  let at = 0;
  for (let i = 0; i < count; i++) {
    const size = base + (i < extra ? 1 : 0);
    groups.push(items.slice(at, at + size));
    at += size;
  }
  return groups;
}

/**
 * The `runs-on` input as a label list: a JSON array (`["self-hosted","jetson"]`), a JSON string, or plain
 * labels separated by commas or spaces (`self-hosted, jetson`). Throws on an empty or malformed value.
 */
export function normalizeRunsOn(input: string): string[] {
  const text = input.trim();
  if (text === '') throw new Error('runs-on is empty: give a JSON array of runner labels.');
  let labels: unknown;
  if (text.startsWith('[') || text.startsWith('"')) {
    try {
      labels = JSON.parse(text);
    } catch {
      throw new Error(`runs-on is not valid JSON: ${text}`);
    }
    if (typeof labels === 'string') labels = [labels];
  } else {
    labels = text.split(/[\s,]+/);
  }
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) {
    throw new Error(`runs-on must be a list of label strings: ${text}`);
  }
  const out = dedupe(labels as string[]);
  if (out.length === 0) throw new Error('runs-on names no runner label.');
  return out;
}
