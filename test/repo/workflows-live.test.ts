// The reusable workflow's live run message hand-over: the plan posts it and outputs its id, every leg and the
// summary get that id, and a leg gets the Discord URL for its line without notifying unless notify-each.
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
  on: { workflow_call: { inputs: Record<string, { type: string; default?: unknown }> } };
  jobs: Record<string, { outputs?: Record<string, string>; steps: Step[] }>;
};
const step = (job: string, uses: string): Step | undefined =>
  doc.jobs[job]?.steps.find((s) => s.uses === uses);
const ID = '${{ needs.plan.outputs.discord-message-id }}';

describe('the reusable workflow: live run message', () => {
  it('takes discord-live, a boolean that is off by default', () => {
    expect(doc.on.workflow_call.inputs['discord-live']).toMatchObject({ type: 'boolean', default: false });
  });

  it('plan posts it only when live, with the secret only then, and hands its id on as a job output', () => {
    const plan = step('plan', './.jetson-build-action/plan');
    expect(plan?.with?.['discord-live']).toBe('${{ inputs.discord-live }}');
    expect(plan?.with?.['discord-webhook-url']).toBe(
      "${{ inputs.discord-live && secrets.DISCORD_WEBHOOK_URL || '' }}",
    );
    expect(doc.jobs['plan']?.outputs?.['discord-message-id']).toBe(
      '${{ steps.plan.outputs.discord-message-id }}',
    );
    const planYml = parseYaml(readFileSync(path.join(ROOT, 'plan/action.yml'), 'utf8')) as {
      outputs: Record<string, unknown>;
    };
    expect(planYml.outputs['discord-message-id']).toBeDefined();
  });

  it('every leg gets the id, and the URL with it; its own notifications stay governed by notify-each', () => {
    const build = step('build', './.jetson-build-action');
    expect(build?.with?.['discord-run-message-id']).toBe(ID);
    // notify-each → the URL; else a live message → the URL; else nothing.
    expect(build?.with?.['discord-webhook-url']).toBe(
      "${{ inputs.notify-each && secrets.DISCORD_WEBHOOK_URL || needs.plan.outputs.discord-message-id != '' && secrets.DISCORD_WEBHOOK_URL || '' }}",
    );
    expect(build?.with?.['notify-on']).toBe("${{ inputs.notify-each && inputs.notify-on || 'never' }}");
    // The leg's line is keyed by the matrix's leg and index: the action's default matrix input carries them.
    expect(build?.with?.['matrix']).toBeUndefined();
    const action = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    expect(action.inputs['matrix']?.default).toBe('${{ toJSON(matrix) }}');
    expect(action.inputs['discord-run-message-id']).toBeDefined();
  });

  it('summarize replaces the message with the result', () => {
    expect(step('summarize', './.jetson-build-action/summarize')?.with?.['discord-message-id']).toBe(ID);
  });
});
