// Keeps the fake jetson-containers honest: for every recorded console of the real tool, the fake run with the
// same arguments must read, through the real parser and status rules, to the same BuildReport facts (status,
// per-package results, stages, images, failure point). A fake that drifts from upstream would let every other
// test pass against behaviour no runner ever shows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideOutcome } from '../../src/jetson/outcome.js';
import { BuildStreamParser } from '../../src/jetson/parse/index.js';
import { FAKE_JC } from '../support/action-runner.js';

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'transcripts');

interface Case {
  transcript: string;
  /** The packages and flags the transcript's own `$ jetson-containers …` line shows (without --logs). */
  args: string[];
  /** The fake's knobs that make it fail where the real run failed. */
  env?: Record<string, string>;
  multiple?: boolean;
  skipErrors?: boolean;
  /** Image tags of this recording carry `-cpXY`: compared without it. */
  olderTags?: boolean;
}

const CASES: Case[] = [
  { transcript: 'upstream/a-success.txt', args: ['numpy'] },
  { transcript: 'upstream/b-build-fail.txt', args: ['numpy'], env: { FAKE_JC_FAIL_STAGE: 'python' } },
  { transcript: 'upstream/c-test-fail.txt', args: ['numpy'], env: { FAKE_JC_FAIL_TEST: 'numpy' } },
  {
    transcript: 'upstream/d-multiple-skip-errors.txt',
    args: ['--multiple', '--skip-errors', 'build-essential', 'numpy', 'python'],
    env: { FAKE_JC_FAIL_STAGE: 'numpy/numpy' },
    multiple: true,
    skipErrors: true,
  },
  { transcript: 'upstream/e-name-push.txt', args: ['--name=runner/', '--push=myuser', 'numpy'] },
  { transcript: 'chain-build-failure.txt', args: ['numpy'], env: { FAKE_JC_FAIL_STAGE: 'python' } },
  // Recorded from an older upstream that put the Python version in the tag (`-cp310-`); today's does not.
  {
    transcript: 'success-name-push.txt',
    args: ['--name=runner/', '--push=myuser', 'numpy'],
    olderTags: true,
  },
  { transcript: 'unknown-package.txt', args: ['--simulate', 'nonexistentpkg'] },
];

/** The facts of a console a user would see in the report, without times, paths and durations. */
function facts(text: string, exitCode: number, c: Case): unknown {
  const parser = new BuildStreamParser();
  parser.write(Buffer.from(text));
  parser.end();
  const parse = parser.result();
  const tag = (image: string | null): string | null =>
    image && c.olderTags ? image.replace(/-cp\d+(?=-)/, '') : image;
  const requested = c.args.filter((a) => !a.startsWith('-'));
  const outcome = decideOutcome({
    parse,
    requested,
    exitCode,
    signal: null,
    cancelled: false,
    startError: null,
    multiple: c.multiple ?? false,
    skipErrors: c.skipErrors ?? false,
  });
  return {
    exitCode,
    status: outcome.status,
    packages: outcome.packages.map((p) => ({
      name: p.name,
      status: p.status,
      image: tag(p.image),
      pushedImage: tag(p.pushedImage),
      failure: p.failure && {
        stage: p.failure.stage,
        stageIndex: p.failure.stageIndex,
        stageCount: p.failure.stageCount,
        phase: p.failure.phase,
        hasError: p.failure.error !== null && p.failure.error !== '',
      },
    })),
    failedPackages: outcome.failedPackages,
    images: outcome.images.map(tag),
    stages: outcome.stages.map(
      (s) => `${s.target ?? ''}|${s.name}|${s.index}/${s.total}|${s.phase}|${s.status}`,
    ),
    environment: {
      L4T_VERSION: parse.environment.L4T_VERSION,
      CUDA_VERSION: parse.environment.CUDA_VERSION,
      PYTHON_VERSION: parse.environment.PYTHON_VERSION,
      LSB_RELEASE: parse.environment.LSB_RELEASE,
    },
    unknownPackage: parse.failures[0]?.unknownPackage ?? null,
  };
}

function transcript(name: string): { text: string; rc: number } {
  const raw = readFileSync(path.join(DIR, name), 'utf8');
  const m = /\nrc=(\d+)\n?$/.exec(raw);
  if (!m) throw new Error(`${name} has no rc= line`);
  return { text: raw.slice(0, m.index + 1), rc: Number(m[1]) };
}

/** The environment the transcript's box shows, so the fake prints the same versions. */
function environmentOf(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ['L4T_VERSION', 'JETPACK_VERSION', 'CUDA_VERSION', 'PYTHON_VERSION', 'LSB_RELEASE']) {
    const m = new RegExp(`${key}\\s*\\|?\\s*([0-9][0-9.]*)`).exec(text);
    if (m?.[1]) env[key] = m[1];
  }
  return env;
}

function runFake(c: Case, env: Record<string, string>): { text: string; rc: number } {
  const logs = mkdtempSync(path.join(os.tmpdir(), 'jba-contract-'));
  const r = spawnSync(process.execPath, [FAKE_JC, 'build', `--logs=${logs}`, ...c.args], {
    env: { PATH: process.env.PATH, ANSI_COLORS_DISABLED: '1', ...env, ...c.env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { text: r.stdout + r.stderr, rc: r.status ?? -1 };
}

describe('the fake jetson-containers reads like the real one', () => {
  for (const c of CASES) {
    it(`${c.transcript}: ${c.args.join(' ')}`, () => {
      const real = transcript(c.transcript);
      const fake = runFake(c, environmentOf(real.text));
      expect(fake.rc).toBe(real.rc);
      expect(facts(fake.text, fake.rc, c)).toEqual(facts(real.text, real.rc, c));
    });
  }

  it('the real consoles say what the table above claims (a guard against comparing two empty reports)', () => {
    const statuses = CASES.map((c) => {
      const t = transcript(c.transcript);
      return (facts(t.text, t.rc, c) as { status: string }).status;
    });
    expect(statuses).toEqual([
      'success',
      'failure',
      'failure',
      'failure',
      'success',
      'failure',
      'success',
      'failure',
    ]);
  });
});
