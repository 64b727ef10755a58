// Validates every action.yml and workflow of the repo (and the examples) with GitHub's own parser,
// @actions/workflow-parser, plus what the parser cannot know: that `main`/`post` files exist, that every
// input is described, and that each `uses:` of one of our actions passes only inputs it declares.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { actionParser, trace, workflowErrors } from '../support/workflow-parser.js';

const { parseAction, convertActionTemplate } = actionParser;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface ActionManifest {
  inputs: Map<string, { description?: string; required?: boolean; hasDefault: boolean }>;
  outputs: string[];
  runs: { using: string; main?: string; post?: string };
}

/** Every error for an action.yml, and its inputs when it parsed. */
function actionErrors(file: string): { errors: string[]; manifest: ActionManifest | null } {
  const content = readFileSync(file, 'utf8');
  const parsed = parseAction({ name: path.relative(ROOT, file), content }, trace);
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (!parsed.value || errors.length > 0) return { errors, manifest: null };
  const template = convertActionTemplate(parsed.context, parsed.value);
  errors.push(...parsed.context.errors.getErrors().map((e) => e.message));
  const raw = parseYaml(content) as { inputs?: Record<string, { default?: unknown }> };
  const inputs = new Map(
    (template.inputs ?? []).map((i) => [
      i.id,
      {
        description: i.description,
        required: i.required,
        hasDefault: raw.inputs?.[i.id]?.default !== undefined,
      },
    ]),
  );
  const runs = template.runs as { using: string; main?: string; post?: string };
  return { errors, manifest: { inputs, outputs: (template.outputs ?? []).map((o) => o.id), runs } };
}

const ACTION_FILES = ['action.yml', 'plan/action.yml', 'summarize/action.yml'];

function yamlFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f));
}
const WORKFLOW_FILES = [...yamlFiles('.github/workflows'), ...yamlFiles('examples')];

describe('action metadata', () => {
  for (const file of ACTION_FILES) {
    it(`${file} is valid, runs on node24 and its entry files exist`, () => {
      const { errors, manifest } = actionErrors(path.join(ROOT, file));
      expect(errors).toEqual([]);
      expect(manifest?.runs.using).toBe('node24');
      for (const entry of [manifest?.runs.main, manifest?.runs.post]) {
        if (entry === undefined) continue;
        const resolved = path.resolve(ROOT, path.dirname(file), entry);
        // Entry points are build output: under dist/, written by scripts/build.mjs.
        expect(path.relative(ROOT, resolved).startsWith('dist' + path.sep), `${file}: ${entry}`).toBe(true);
        expect(existsSync(resolved), `${file}: ${entry} does not exist`).toBe(true);
      }
      for (const [id, input] of manifest?.inputs ?? []) {
        expect(input.description?.trim(), `${file}: input ${id} has no description`).toBeTruthy();
      }
    });
  }

  it("summarize/action.yml takes the main action's notification inputs, with the same descriptions and defaults", () => {
    const main = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    const summarize = parseYaml(readFileSync(path.join(ROOT, 'summarize/action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    const notifyInputs = [
      'discord-webhook-url',
      'webhook-url',
      'success-webhook-url',
      'failure-webhook-url',
      'webhooks',
      'webhook-secret',
      'signature',
      'webhook-timeout',
      'webhook-retries',
      'webhook-headers',
      'fail-on-notify-error',
      'discord-username',
      'discord-avatar-url',
      'discord-thread-id',
      'discord-thread-name',
    ];
    for (const name of notifyInputs) expect(summarize.inputs[name], name).toEqual(main.inputs[name]);
  });
});

describe('workflows and examples', () => {
  it('finds the reusable workflow and the examples', () => {
    expect(WORKFLOW_FILES).toContain(path.join('.github/workflows', 'jetson-build.yml'));
    expect(WORKFLOW_FILES.filter((f) => f.startsWith('examples')).length).toBeGreaterThanOrEqual(4);
  });

  for (const file of WORKFLOW_FILES) {
    it(`${file} passes GitHub's workflow parser`, async () => {
      expect(await workflowErrors(file, readFileSync(path.join(ROOT, file), 'utf8'))).toEqual([]);
    });
  }

  // Our own actions, as the workflow and the examples reference them.
  const ours: [RegExp, string][] = [
    [/^\.\/\.jetson-build-action$|^[\w.-]+\/jetson-build-action@/, 'action.yml'],
    [/^\.\/\.jetson-build-action\/plan$|^[\w.-]+\/jetson-build-action\/plan@/, 'plan/action.yml'],
    [
      /^\.\/\.jetson-build-action\/summarize$|^[\w.-]+\/jetson-build-action\/summarize@/,
      'summarize/action.yml',
    ],
  ];
  for (const file of WORKFLOW_FILES) {
    it(`${file} passes our actions only inputs they declare, and every required one`, () => {
      const doc = parseYaml(readFileSync(path.join(ROOT, file), 'utf8')) as {
        jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }>;
      };
      for (const [jobId, job] of Object.entries(doc.jobs)) {
        for (const step of job.steps ?? []) {
          const match = ours.find(([re]) => re.test(step.uses ?? ''));
          if (!match) continue;
          const { manifest } = actionErrors(path.join(ROOT, match[1]));
          const declared = manifest?.inputs ?? new Map();
          for (const key of Object.keys(step.with ?? {})) {
            expect(declared.has(key), `${file} ${jobId}: '${key}' is not an input of ${match[1]}`).toBe(true);
          }
          for (const [id, input] of declared) {
            if (input.required && !input.hasDefault) {
              expect(
                step.with?.[id],
                `${file} ${jobId}: required input '${id}' of ${match[1]} is missing`,
              ).toBeDefined();
            }
          }
        }
      }
    });
  }
});

describe('the reusable workflow', () => {
  const doc = parseYaml(readFileSync(path.join(ROOT, '.github/workflows/jetson-build.yml'), 'utf8')) as {
    on: {
      workflow_call: {
        inputs: Record<string, { type: string; default?: unknown }>;
        secrets: Record<string, unknown>;
        outputs: Record<string, unknown>;
      };
    };
    jobs: Record<
      string,
      {
        needs?: string | string[];
        if?: string;
        'runs-on'?: unknown;
        outputs?: Record<string, string>;
        strategy?: Record<string, unknown>;
        steps: {
          id?: string;
          uses?: string;
          if?: string;
          with?: Record<string, string>;
          env?: Record<string, string>;
        }[];
      }
    >;
  };
  const call = doc.on.workflow_call;

  it("declares the issue's interface", () => {
    for (const name of [
      'packages',
      'runs-on',
      'name',
      'push',
      'skip-tests',
      'build-args',
      'build-flags',
      'jetson-containers',
      'working-directory',
      'max-parallel',
      'fail-fast',
      'timeout-minutes',
      'notify-each',
      'setup',
    ]) {
      expect(call.inputs[name], name).toBeDefined();
    }
    expect(call.inputs['fail-fast']).toMatchObject({ type: 'boolean', default: false });
    expect(call.inputs['timeout-minutes']).toMatchObject({ type: 'number', default: 360 });
    expect(call.inputs['notify-each']).toMatchObject({ type: 'boolean', default: false });
    expect(call.inputs['runs-on']?.default).toBe('["self-hosted","jetson"]');
    // Named as repository secrets are, so that `secrets: inherit` works (workflows-parity.test.ts).
    expect(Object.keys(call.secrets).sort()).toEqual([
      'DISCORD_WEBHOOK_URL',
      'JETSON_BUILD_ACTION_TOKEN',
      'SLACK_WEBHOOK_URL',
      'TEAMS_WEBHOOK_URL',
      'WEBHOOKS',
      'WEBHOOK_SECRET',
      'WEBHOOK_URL',
    ]);
    expect(Object.keys(call.outputs).sort()).toEqual([
      'failed',
      'failed-packages',
      'images',
      'missing-packages',
      'status',
    ]);
    expect(Object.keys(doc.jobs)).toEqual(['plan', 'build', 'summarize']);
  });

  it('checks out its own repository at its own commit in every job before using a local action', () => {
    for (const [id, job] of Object.entries(doc.jobs)) {
      const checkout = job.steps.findIndex((s) => s.uses?.startsWith('actions/checkout@'));
      const local = job.steps.findIndex((s) => s.uses?.startsWith('./.jetson-build-action'));
      expect(checkout, id).toBeGreaterThanOrEqual(0);
      expect(local, id).toBeGreaterThan(checkout);
      const w = job.steps[checkout]?.with ?? {};
      expect(w['repository'], id).toContain('job.workflow_repository');
      expect(w['ref'], id).toContain('job.workflow_sha');
      expect(w['path'], id).toBe('.jetson-build-action');
      // A private copy of this repository: the caller passes a token that can read it.
      expect(w['token'], id).toBe('${{ secrets.JETSON_BUILD_ACTION_TOKEN || github.token }}');
    }
  });

  it('summarizes always, after plan and build, and uploads each leg report always under a unique name', () => {
    const s = doc.jobs['summarize'];
    expect(s?.needs).toEqual(['plan', 'build']);
    expect(s?.if).toBe('always()');
    const upload = doc.jobs['build']?.steps.find((st) => st.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toBe('always()');
    expect(upload?.with?.['name']).toBe(
      'jetson-report-${{ needs.plan.outputs.key }}-${{ matrix.leg }}-${{ github.run_attempt }}',
    );
    expect(doc.jobs['build']?.strategy?.['fail-fast']).toBe('${{ inputs.fail-fast }}');
  });

  it("keys every artifact by the plan's key, so two calls in one run neither collide nor mix", () => {
    expect(doc.jobs['plan']?.outputs?.['key']).toBe('${{ steps.plan.outputs.key }}');
    const plan = parseYaml(readFileSync(path.join(ROOT, 'plan/action.yml'), 'utf8')) as {
      outputs: Record<string, unknown>;
    };
    expect(plan.outputs['key']).toBeDefined();
    const build = doc.jobs['build']?.steps.find((st) => st.uses === './.jetson-build-action');
    expect(build?.with?.['artifact-name']).toBe(
      'jetson-build-logs-${{ needs.plan.outputs.key }}-${{ matrix.leg }}-${{ github.run_attempt }}',
    );
    const s = doc.jobs['summarize'];
    const summarize = s?.steps.find((st) => st.uses === './.jetson-build-action/summarize');
    expect(summarize?.with?.['report-artifacts']).toBe('jetson-report-${{ needs.plan.outputs.key }}-*');
    const runReport = s?.steps.findIndex((st) => st.uses?.startsWith('actions/upload-artifact@')) ?? -1;
    expect(runReport).toBeGreaterThan(s?.steps.indexOf(summarize as never) ?? Infinity);
    expect(s?.steps[runReport]?.if).toBe('always()');
    // The plan's key, or a random one when the plan failed (workflows-parity.test.ts).
    expect(s?.steps[runReport]?.with?.['name']).toBe(
      'jetson-run-report-${{ steps.key.outputs.key }}-${{ github.run_attempt }}',
    );
    // Every artifact this workflow uploads has the key in its name.
    for (const job of Object.values(doc.jobs)) {
      for (const st of job.steps) {
        if (st.uses?.startsWith('actions/upload-artifact@')) {
          expect(st.with?.['name']).toMatch(/\$\{\{ (needs\.plan|steps\.key)\.outputs\.key \}\}/);
        }
      }
    }
  });

  it('hands summarize only the job results (not toJSON(needs), which carries the whole plan) and fail-fast', () => {
    const summarize = doc.jobs['summarize']?.steps.find(
      (st) => st.uses === './.jetson-build-action/summarize',
    );
    const needs = summarize?.with?.['needs'] ?? '';
    expect(needs).not.toMatch(/toJSON\(needs\)/);
    expect(needs).toBe(
      '{"plan":{"result":"${{ needs.plan.result }}"},"build":{"result":"${{ needs.build.result }}"}}',
    );
    // With every result substituted it is the JSON summarize expects.
    const filled = needs.replace(/\$\{\{ needs\.(\w+)\.result \}\}/g, (_m, job: string) =>
      job === 'plan' ? 'success' : 'failure',
    );
    expect(JSON.parse(filled)).toEqual({ plan: { result: 'success' }, build: { result: 'failure' } });
    expect(summarize?.with?.['fail-fast']).toBe('${{ inputs.fail-fast }}');
    expect(readFileSync(path.join(ROOT, '.github/workflows/jetson-build.yml'), 'utf8')).not.toContain(
      '${{ toJSON(needs) }}',
    );
  });

  it('runs plan and summarize on control-runs-on, and each leg on the labels its matrix entry carries', () => {
    expect(call.inputs['control-runs-on']).toMatchObject({ type: 'string', default: '["ubuntu-latest"]' });
    expect(JSON.parse(call.inputs['control-runs-on']?.default as string)).toEqual(['ubuntu-latest']);
    // A plain label or JSON, as runs-on takes them (each form evaluated in workflows-parity.test.ts).
    for (const id of ['plan', 'summarize']) {
      expect(doc.jobs[id]?.['runs-on'], id).toMatch(
        /fromJSON\(inputs\.control-runs-on\) \|\| inputs\.control-runs-on \}\}$/,
      );
    }
    // The plan puts the runs-on input's labels (or the leg's platform's) into every matrix entry.
    expect(doc.jobs['build']?.['runs-on']).toBe('${{ matrix.runs-on }}');
    const planStep = doc.jobs['plan']?.steps.find((st) => st.uses === './.jetson-build-action/plan');
    // runs-on only in the one-platform form: with platforms the plan would log that it ignores it.
    expect(planStep?.with?.['runs-on']).toBe("${{ inputs.platforms == '' && inputs.runs-on || '' }}");
    expect(planStep?.with?.['platforms']).toBe('${{ inputs.platforms }}');
    // The workflow's default keeps the one-platform form working without platforms.
    expect(JSON.parse(call.inputs['runs-on']?.default as string)).toEqual(['self-hosted', 'jetson']);
  });

  it('exposes retention-days for every artifact it uploads, and passes it to the action', () => {
    expect(call.inputs['retention-days']).toMatchObject({ type: 'number', default: 0 });
    const retention = "${{ inputs.retention-days > 0 && inputs.retention-days || '' }}";
    const build = doc.jobs['build']?.steps.find((st) => st.uses === './.jetson-build-action');
    expect(build?.with?.['retention-days']).toBe(retention);
    for (const job of Object.values(doc.jobs)) {
      for (const st of job.steps) {
        if (st.uses?.startsWith('actions/upload-artifact@'))
          expect(st.with?.['retention-days']).toBe(retention);
      }
    }
  });

  it("says it is for github.com / GHE.com only (artifacts v4+ do not support GHES), and doesn't suggest GHES", () => {
    const text = readFileSync(path.join(ROOT, '.github/workflows/jetson-build.yml'), 'utf8');
    expect(text).toMatch(/github\.com and GHE\.com only/);
    for (const name of ['action-repository', 'action-ref']) {
      expect((call.inputs[name] as { description?: string }).description).not.toMatch(/GHES/);
    }
  });

  it('passes the notification secrets to the legs only with notify-each', () => {
    const build = doc.jobs['build']?.steps.find((st) => st.uses === './.jetson-build-action');
    for (const key of ['discord-webhook-url', 'webhook-url', 'webhook-secret']) {
      expect(build?.with?.[key]).toMatch(/^\$\{\{ inputs\.notify-each && secrets\./);
    }
  });

  it("blanks the runner's webhook variables, so only the workflow's secrets notify", () => {
    for (const [job, uses] of [
      ['build', './.jetson-build-action'],
      ['summarize', './.jetson-build-action/summarize'],
    ]) {
      const step = doc.jobs[job as string]?.steps.find((st) => st.uses === uses);
      expect(step?.env, job).toEqual({
        WEBHOOK_URL: '',
        JC_BUILD_SUCCESS_WEBHOOK_URL: '',
        JC_BUILD_FAILURE_WEBHOOK_URL: '',
      });
    }
  });
});

describe('the checks fail on broken files (negative cases)', () => {
  it('rejects an invalid workflow', async () => {
    const bad = [
      'on: workflow_call',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    timeout-minutes: ${{ inputs.timeout + 30 }}',
      '    steps:',
      '      - uses: ./.jetson-build-action',
      '        bogus: 1',
    ].join('\n');
    const errors = await workflowErrors('bad.yml', bad);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/Unexpected symbol: '\+'/);
    expect(errors.join('\n')).toMatch(/bogus/);
  });

  it('rejects an unknown context and a job needing a missing job', async () => {
    const unknown =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secret.X }}\n';
    expect((await workflowErrors('unknown.yml', unknown)).join('\n')).toMatch(
      /Unrecognized named-value: 'secret'/,
    );
    const needs =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: nope\n    steps:\n      - run: echo\n';
    expect(await workflowErrors('needs.yml', needs)).not.toEqual([]);
  });

  it('accepts a minimal valid workflow (the check is not vacuous both ways)', async () => {
    const ok = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ok\n';
    expect(await workflowErrors('ok.yml', ok)).toEqual([]);
  });

  it('rejects an invalid action.yml', () => {
    const parsed = parseAction(
      { name: 'bad/action.yml', content: 'name: x\nruns:\n  using: node99\n  main: a.js\n' },
      trace,
    );
    const errors = parsed.context.errors
      .getErrors()
      .map((e) => e.message)
      .join('\n');
    expect(errors).toMatch(/node99/);
    expect(errors).toMatch(/description/);
  });
});
