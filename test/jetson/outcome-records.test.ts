// More status rules: the choices between records (exact name, tag, alias, summary line), which stage and which
// package a message names, and a real console where a done line follows a failure.
import { describe, expect, it } from 'vitest';
import {
  TAG,
  image,
  parse,
  chain,
  running,
  failure,
  ok,
  failed,
  decide,
  statuses,
} from '../support/outcome.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BuildStreamParser, type ParsedFailure, type ParseResult } from '../../src/jetson/parse/index.js';

function fromText(text: string): ParseResult {
  let t = 0;
  const p = new BuildStreamParser({ now: () => new Date((t += 1000)) });
  p.write(Buffer.from(text));
  p.end();
  return p.result();
}

describe('a done line after a failure', () => {
  it('a ✅ after the 💣 does not turn the failed chain into a success', () => {
    const text = readFileSync(
      join(import.meta.dirname, '..', 'fixtures', 'transcripts', 'chain-build-failure.txt'),
      'utf8',
    )
      .replace(/\nrc=\d+\n?$/, '\n')
      .replace(
        '[17:38:51] error Failed building:  numpy',
        [
          '[17:38:52] done =====================================================================================',
          `[17:38:52] done ✅ \`jetson-containers build numpy\` (numpy:${TAG})`,
          '[17:38:52] done =====================================================================================',
          '[17:38:52] error Failed building:  numpy',
        ].join('\n'),
      );
    const out = decide({ exitCode: 0, parse: fromText(text) });
    expect(out.status).toBe('failure');
    expect(out.message).toMatch(
      /^numpy failed in stage python \(build 3\/4\): E: Unable to locate package foo/,
    );
    expect(out.message).toMatch(/; jetson-containers itself exited 0\.$/);
  });
});

describe('which record a requested name owns', () => {
  it('the exact name owns its chain before another name takes it as its default tag', () => {
    const out = decide({
      requested: ['python', 'python:3.10'],
      multiple: true,
      parse: parse({ chains: [chain('python:3.10', 'success')] }),
    });
    expect(statuses(out)).toEqual(['python:failure', 'python:3.10:success']);
  });

  it('a name that owns its chain does not take its tagged chain as well', () => {
    const out = decide({
      requested: ['python', 'torch'],
      multiple: true,
      parse: parse({ chains: [chain('python', 'success'), chain('pytorch:2.8', 'success')] }),
    });
    expect(out.packages.map((p) => `${p.name}=${p.image}`)).toEqual([
      `python=${image('python')}`,
      `torch=${image('pytorch:2.8')}`,
    ]);
    expect(out.status).toBe('success');
  });

  it('a tagged name finds no record of its base name', () => {
    const out = decide({
      requested: ['python:3.10'],
      multiple: true,
      skipErrors: true,
      parse: parse({ summary: [ok('python')] }),
    });
    expect(statuses(out)).toEqual(['python:3.10:failure']);
  });

  it('a pattern listed before the name it matches lists it once, from its summary line', () => {
    const out = decide({
      requested: ['n*', 'numpy'],
      multiple: true,
      skipErrors: true,
      parse: parse({ summary: [ok('numpy')] }),
    });
    expect(statuses(out)).toEqual(['numpy:success']);
    expect(out.status).toBe('success');
  });

  it('an alias finds its summary line under the name that was built', () => {
    const out = decide({
      requested: ['torch'],
      multiple: true,
      skipErrors: true,
      parse: parse({
        chains: [chain('pytorch:2.8', 'success')],
        summary: [failed('pytorch:2.8', 'push denied')],
      }),
    });
    expect(statuses(out)).toEqual(['torch:failure']);
    expect(out.message).toBe('torch failed: push denied; jetson-containers itself exited 0.');
  });

  it('the chain’s image wins over the summary line’s, and the summary fills a missing one', () => {
    const out = decide({
      requested: ['numpy', 'opencv'],
      multiple: true,
      skipErrors: true,
      parse: parse({
        chains: [
          chain('numpy', 'success', { image: 'numpy:from-chain' }),
          chain('opencv', 'success', { image: null }),
        ],
        summary: [ok('numpy', 'numpy:from-summary'), ok('opencv', 'opencv:from-summary')],
      }),
    });
    expect(out.images).toEqual(['numpy:from-chain', 'opencv:from-summary']);
  });

  it('a wildcard the tool could not find keeps the tool’s error on the package', () => {
    const out = decide({
      requested: ['ros:foo*', 'numpy'],
      multiple: true,
      exitCode: 1,
      parse: parse({
        failures: [
          failure({
            chain: null,
            phase: 'resolve',
            stage: null,
            unknownPackage: 'ros:foo*',
            error: "couldn't find package: ros:foo*",
          }),
        ],
      }),
    });
    expect(out.packages[0]?.failure?.error).toBe("couldn't find package: ros:foo*");
  });

  it('a failure outside any build is not hidden behind what else was built', () => {
    const out = decide({
      requested: ['numpy', 'opencv'],
      multiple: true,
      parse: parse({
        chains: [chain('opencv', 'success'), chain('torch', 'success')],
        failures: [failure({ chain: null, phase: 'resolve', stage: null, error: 'Traceback: KeyError' })],
      }),
    });
    expect(out.packages[0]).toMatchObject({ name: 'numpy', status: 'failure' });
    expect(out.packages[0]?.failure?.error).toBe('Traceback: KeyError');
  });

  it('a failed chain that left an image is not listed among the images', () => {
    const out = decide({
      exitCode: 1,
      parse: parse({
        chains: [chain('numpy', 'failure', { image: 'numpy:partial', failure: 0 })],
        failures: [failure()],
      }),
    });
    expect(out.packages[0]?.image).toBe('numpy:partial');
    expect(out.images).toEqual([]);
  });
});

describe('which stage and package a message names', () => {
  it('the last stage still running, when several are', () => {
    const first = running('numpy', 'python');
    const last = { ...running('numpy', 'numpy', 'test'), index: 3 };
    const out = decide({
      exitCode: 1,
      parse: parse({ chains: [chain('numpy', 'running')], stages: [first, last] }),
    });
    expect(out.message).toBe(
      'numpy failed in stage numpy (test 3/3): jetson-containers stopped (exit 1) without reporting it done or failed.',
    );
    const cancelled = decide({
      cancelled: true,
      parse: parse({ chains: [chain('numpy', 'running')], stages: [first, last] }),
    });
    expect(cancelled.message).toBe('Build cancelled while building numpy (stage numpy, test 3/3).');
  });

  it('a stage with no position', () => {
    const out = decide({
      exitCode: 1,
      parse: parse({
        chains: [chain('numpy', 'failure', { failure: 0 })],
        failures: [failure({ stageIndex: null })],
      }),
    });
    expect(out.message).toBe('numpy failed in stage python (build): E: Unable to locate package foo.');
  });

  it('a stage with a position but no count', () => {
    const out = decide({
      exitCode: 1,
      parse: parse({
        chains: [chain('numpy', 'failure', { failure: 0 })],
        failures: [failure({ stageCount: null })],
      }),
    });
    expect(out.message).toBe('numpy failed in stage python (build): E: Unable to locate package foo.');
  });

  it.each([
    ['push', 'numpy failed while pushing: denied.'],
    ['start', 'numpy failed to start: denied.'],
    ['test', 'numpy failed in test: denied.'],
    ['unknown', 'numpy failed: denied.'],
  ])('a failure in phase %s without a stage', (phase, message) => {
    const out = decide({
      exitCode: 1,
      parse: parse({
        chains: [chain('numpy', 'failure', { failure: 0 })],
        failures: [failure({ stage: null, phase: phase as ParsedFailure['phase'], error: 'denied' })],
      }),
    });
    expect(out.message).toBe(message);
  });

  it('killed: names the package whose build was killed, not one that failed before', () => {
    const out = decide({
      requested: ['a', 'b'],
      multiple: true,
      skipErrors: true,
      exitCode: 137,
      parse: parse({
        chains: [chain('a', 'failure', { failure: 0 }), chain('b', 'running')],
        failures: [failure({ error: 'boom' })],
        stages: [running('b', 'b')],
      }),
    });
    expect(out.message).toBe(
      'jetson-containers was killed by SIGKILL (exit 137) while building b in stage b (build 2/3).',
    );
  });

  it('six names: five and "1 more"', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const out = decide({
      requested: names,
      multiple: true,
      parse: parse({ chains: names.map((n) => chain(n, 'success', { image: null })) }),
    });
    expect(out.message).toBe('All 6 packages built: a, b, c, d, e and 1 more.');
  });

  it('every package done but no exit code', () => {
    const out = decide({ exitCode: null, parse: parse({ chains: [chain('numpy', 'success')] }) });
    expect(out.message).toBe('All packages reported done but jetson-containers ended with no exit code.');
  });

  it('the tool’s own package list stands in when none was passed', () => {
    const args = {
      packages: null,
      name: null,
      base: null,
      multiple: null,
      skipErrors: null,
      skipTests: null,
      push: null,
      logDir: null,
      simulate: null,
    };
    expect(decide({ requested: [], exitCode: 1, parse: parse({ args }) }).packages).toEqual([]);
    const out = decide({
      requested: [],
      exitCode: 1,
      parse: parse({ args: { ...args, packages: ['numpy', 'opencv'] } }),
    });
    expect(statuses(out)).toEqual(['numpy:failure', 'opencv:failure']);
  });
});
