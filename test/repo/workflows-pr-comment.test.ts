// The reusable workflow's GitHub-native opt-ins: `pr-comment` reaches the summary only (one comment for the
// run, not one per leg), `check-run` reaches every leg; both off by default, and no job asks for permissions
// of its own (a reusable workflow runs with the caller's; asking for more than the caller grants fails the call).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../support/action-runner.js';

interface Step {
  uses?: string;
  with?: Record<string, string>;
}
const doc = parseYaml(readFileSync(path.join(ROOT, '.github/workflows/jetson-build.yml'), 'utf8')) as {
  permissions?: unknown;
  on: { workflow_call: { inputs: Record<string, { type: string; default?: unknown }> } };
  jobs: Record<string, { permissions?: unknown; steps: Step[] }>;
};
const step = (job: string, uses: string): Step | undefined =>
  doc.jobs[job]?.steps.find((s) => s.uses === uses);

describe('the reusable workflow: pull request comment and check runs', () => {
  it('takes pr-comment and check-run, booleans that are off by default', () => {
    expect(doc.on.workflow_call.inputs['pr-comment']).toMatchObject({ type: 'boolean', default: false });
    expect(doc.on.workflow_call.inputs['check-run']).toMatchObject({ type: 'boolean', default: false });
  });

  it('the summary writes the one comment; the legs never comment', () => {
    expect(step('summarize', './.jetson-build-action/summarize')?.with?.['pr-comment']).toBe(
      '${{ inputs.pr-comment }}',
    );
    expect(step('build', './.jetson-build-action')?.with?.['pr-comment']).toBeUndefined();
  });

  it('each leg creates its check run; the summary has none', () => {
    expect(step('build', './.jetson-build-action')?.with?.['check-run']).toBe('${{ inputs.check-run }}');
    expect(step('summarize', './.jetson-build-action/summarize')?.with?.['check-run']).toBeUndefined();
  });

  it('asks for no permissions itself: the caller grants what its opt-ins need', () => {
    expect(doc.permissions).toBeUndefined();
    for (const [id, job] of Object.entries(doc.jobs)) expect(job.permissions, id).toBeUndefined();
  });
});
