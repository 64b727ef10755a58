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
    const ctx = readRunContext('31415926535', ENV);
    expect(ctx.runUrl).toBe(
      'https://github.example.com/acme/jetson-images/actions/runs/987654321/attempts/2',
    );
    expect(ctx.jobUrl).toBe(
      'https://github.example.com/acme/jetson-images/actions/runs/987654321/job/31415926535',
    );
  });

  it('has no job link without a numeric check run id or outside a run', () => {
    expect(readRunContext('', ENV).jobUrl).toBeNull();
    expect(readRunContext('${{ job.check_run_id }}', ENV).jobUrl).toBeNull();
    expect(readRunContext('12/../../x', ENV).jobUrl).toBeNull();
    expect(readRunContext('42', { GITHUB_REPOSITORY: 'acme/x' }).jobUrl).toBeNull();
  });

  it('reads the rest of the run through the same context, leaving the process environment as it was', () => {
    const before = process.env.GITHUB_REPOSITORY;
    const ctx = readRunContext('', {
      ...ENV,
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_WORKFLOW: 'Jetson images',
      GITHUB_JOB: 'build',
    });
    expect(ctx).toEqual({
      serverUrl: 'https://github.example.com',
      repository: 'acme/jetson-images',
      ref: 'refs/heads/main',
      sha: '0123456789abcdef0123456789abcdef01234567',
      workflow: 'Jetson images',
      job: 'build',
      runId: '987654321',
      runAttempt: '1',
      runUrl: 'https://github.example.com/acme/jetson-images/actions/runs/987654321',
      jobUrl: null,
      matrix: null,
    });
    expect(process.env.GITHUB_REPOSITORY).toBe(before);
  });
});
