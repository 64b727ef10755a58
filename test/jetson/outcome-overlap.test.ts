// Status rules for overlapping patterns and the records they share, and what a decided outcome keeps of the
// parsed stages.
import { describe, expect, it } from 'vitest';
import { image, parse, chain, running, ok, decide } from '../support/outcome.js';
import type { StageRecord } from '../../src/report/build-report.js';

describe('overlapping patterns under --multiple', () => {
  it('two patterns naming one pushed package keep its chain: image, push and duration', () => {
    const out = decide({
      requested: ['n*', '*o'],
      multiple: true,
      skipErrors: true,
      parse: parse({
        chains: [chain('nano', 'success', { pushedImage: 'me/nano:tag' })],
        summary: [ok('nano', 'nano:from-summary')],
      }),
    });
    expect(out.packages).toEqual([
      {
        name: 'nano',
        status: 'success',
        image: image('nano'),
        pushedImage: 'me/nano:tag',
        durationSeconds: 42,
        failure: null,
      },
    ]);
  });
});

describe('a name and its default tag', () => {
  it('a name that owns its chain leaves the tagged chain to the alias after it', () => {
    const out = decide({
      requested: ['python', 'torch'],
      multiple: true,
      parse: parse({ chains: [chain('python', 'success'), chain('python:3.10', 'success')] }),
    });
    expect(out.packages.map((p) => `${p.name}=${p.image}`)).toEqual([
      `python=${image('python')}`,
      `torch=${image('python:3.10')}`,
    ]);
  });
});

describe('the stages of a decided outcome', () => {
  it('keeps finished stages as they were and closes the running one', () => {
    const done: StageRecord = {
      ...running('numpy', 'build-essential'),
      index: 1,
      status: 'success',
      durationSeconds: 3,
    };
    const out = decide({
      exitCode: 1,
      parse: parse({ chains: [chain('numpy', 'running')], stages: [done, running('numpy')] }),
    });
    expect(out.stages).toEqual([done, { ...running('numpy'), status: 'failure' }]);
  });
});

describe('a name built twice', () => {
  it('the first record in the output is the package’s, by exact name or by its default tag', () => {
    const twice = decide({
      requested: ['numpy'],
      multiple: true,
      parse: parse({ chains: [chain('numpy', 'success'), chain('numpy', 'failure')] }),
    });
    expect(twice.packages.map((p) => p.status)).toEqual(['success']);
    const tagged = decide({
      requested: ['python'],
      multiple: true,
      parse: parse({ chains: [chain('python:3.10', 'success'), chain('python:3.11', 'failure')] }),
    });
    expect(tagged.packages.map((p) => `${p.status} ${p.image}`)).toEqual([`success ${image('python:3.10')}`]);
  });

  it('a name is not the default tag of a longer name', () => {
    const out = decide({
      requested: ['nump', 'x*'],
      multiple: true,
      parse: parse({ chains: [chain('numpy', 'success')] }),
    });
    expect(out.packages.map((p) => `${p.name}:${p.status}`)).toEqual(['nump:failure', 'x*:failure']);
  });
});
