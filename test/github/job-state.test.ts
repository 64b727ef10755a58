// What main hands to post about the job link and the check run (GITHUB_STATE → STATE_* in post): read back
// strictly, since anyone on the runner who knows the state file's path can append to it.
import { afterEach, describe, expect, it } from 'vitest';
import { readState } from '../../src/runner/state.js';

const KEYS = ['STATE_jobUrl', 'STATE_checkRunId', 'STATE_checkRunDone'];
afterEach(() => {
  for (const k of KEYS) delete process.env[k];
});

describe('readState: job link and check run', () => {
  it('reads back what main saved', () => {
    Object.assign(process.env, {
      STATE_jobUrl: 'https://github.com/octo-org/jetson-images/actions/runs/4242/job/88001',
      STATE_checkRunId: '5000000001',
      STATE_checkRunDone: '1',
    });
    expect(readState()).toMatchObject({
      jobUrl: 'https://github.com/octo-org/jetson-images/actions/runs/4242/job/88001',
      checkRunId: 5_000_000_001,
      checkRunDone: true,
    });
  });

  it('nothing saved: no link, no check run', () => {
    expect(readState()).toMatchObject({ jobUrl: null, checkRunId: null, checkRunDone: false });
  });

  it('anything but a job page or a check run id is dropped', () => {
    for (const [url, id] of [
      ['javascript:alert(1)//actions/runs/1/job/2', '12abc'],
      ['https://evil.example/x) [click](https://evil.example/actions/runs/1/job/2', '-5'],
      ['https://github.com/o/r/actions/runs/1/job/2\nmore', '99999999999999999999'],
    ]) {
      Object.assign(process.env, { STATE_jobUrl: url, STATE_checkRunId: id });
      expect(readState()).toMatchObject({ jobUrl: null, checkRunId: null });
    }
  });
});
