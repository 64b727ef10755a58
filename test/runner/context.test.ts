import { describe, expect, it } from 'vitest';
import { readRunContext } from '../../src/runner/context.js';

const ENV = {
  GITHUB_SERVER_URL: 'https://github.example.com/',
  GITHUB_REPOSITORY: 'acme/jetson-images',
  GITHUB_RUN_ID: '987654321',
  GITHUB_RUN_ATTEMPT: '2',
};

describe('readRunContext', () => {
  it('links the run attempt, and the job itself when its check run id is known', () => {
    const ctx = readRunContext(ENV, '31415926535');
    expect(ctx.runUrl).toBe(
      'https://github.example.com/acme/jetson-images/actions/runs/987654321/attempts/2',
    );
    expect(ctx.jobUrl).toBe(
      'https://github.example.com/acme/jetson-images/actions/runs/987654321/job/31415926535',
    );
  });

  it('has no job link without a numeric check run id or outside a run', () => {
    expect(readRunContext(ENV, '').jobUrl).toBeNull();
    expect(readRunContext(ENV, '${{ job.check_run_id }}').jobUrl).toBeNull();
    expect(readRunContext(ENV, '12/../../x').jobUrl).toBeNull();
    expect(readRunContext({ GITHUB_REPOSITORY: 'acme/x' }, '42').jobUrl).toBeNull();
  });
});
