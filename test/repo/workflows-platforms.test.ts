// The reusable workflow across platforms (issue 14): the issue's grid caller passes GitHub's parser and calls
// only declared inputs; the plan step gets what the caller wrote; the REAL plan (src/fleet/plan-main.ts) turns
// it into matrix entries carrying every field the build job reads; every expression names a declared input,
// output or secret; the leg record script writes the platform; the plan's platforms output is what
// summarize reads.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parsePlatforms } from '../../src/fleet/summarize.js';
import { parseLegRecord } from '../../src/report/run-report.js';
import { ROOT } from '../support/action-runner.js';
import { planStepOutputs } from '../support/plan-run.js';
import { workflowErrors, type WorkflowStep } from '../support/workflow-parser.js';

type Step = WorkflowStep;
interface Job {
  name?: string;
  uses?: string;
  needs?: string | string[];
  if?: string;
  'runs-on'?: unknown;
  outputs?: Record<string, string>;
  strategy?: Record<string, unknown>;
  with?: Record<string, unknown>;
  steps?: Step[];
}
interface Workflow {
  on: {
    workflow_call: {
      inputs: Record<string, { type: string; default?: unknown }>;
      secrets: Record<string, unknown>;
      outputs: Record<string, { value: string }>;
    };
  };
  jobs: Record<string, Job>;
}

const WORKFLOW_FILE = path.join(ROOT, '.github/workflows/jetson-build.yml');
const WORKFLOW_TEXT = readFileSync(WORKFLOW_FILE, 'utf8');
const doc = parseYaml(WORKFLOW_TEXT) as Workflow;
const call = doc.on.workflow_call;
const jobs = doc.jobs;
const step = (job: string, uses: string): Step | undefined => jobs[job]?.steps?.find((s) => s.uses === uses);
const actionYml = (file: string) =>
  parseYaml(readFileSync(path.join(ROOT, file), 'utf8')) as {
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
  };

/** The issue's caller, word for word (with an owner for `<owner>`), in a workflow of its own. */
const ISSUE_CALLER = `name: Jetson grid
on: workflow_dispatch
jobs:
  jetson:
    uses: acme/jetson-build-action/.github/workflows/jetson-build.yml@v1
    with:
      packages: pytorch:2.8 torchvision ros:humble-desktop
      platforms: |
        jp6-orin:   [self-hosted, jetson, orin, jp6]
        jp5-xavier: [self-hosted, jetson, xavier, jp5]
`;

/** The caller's `with:` of its call of jetson-build.yml. */
function callerWith(text: string): Record<string, unknown> {
  const caller = parseYaml(text) as { jobs: Record<string, Job> };
  const job = Object.values(caller.jobs).find((j) => j.uses?.includes('/jetson-build.yml@'));
  expect(job, 'a job calling jetson-build.yml').toBeDefined();
  return job?.with ?? {};
}

/** `${{ inputs.x }}` → the caller's value of x, else the workflow's default; any other expression → ''. */
function withInputs(value: string, given: Record<string, unknown>): string {
  // `inputs.platforms == '' && inputs.x || ''`: x only in the one-platform form (the plan step's runs-on).
  const unlessPlatforms = /^\$\{\{ inputs\.platforms == '' && inputs\.([\w-]+) \|\| '' \}\}$/.exec(
    value.trim(),
  );
  if (unlessPlatforms) {
    if (withInputs('${{ inputs.platforms }}', given) !== '') return '';
    return withInputs(`\${{ inputs.${unlessPlatforms[1] as string} }}`, given);
  }
  const m = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value.trim());
  if (!m) return value.includes('${{') ? '' : value;
  const name = m[1] as string;
  const v = name in given ? given[name] : call.inputs[name]?.default;
  return v === undefined || v === null ? '' : String(v);
}

/** `${{ matrix.x }}` in a value → the entry's x (arrays as JSON, as GitHub turns them into strings). */
function withMatrix(value: string, entry: Record<string, unknown>): string {
  return value.replace(/\$\{\{ matrix\.([\w-]+) \}\}/g, (_m, key: string) => {
    const v = entry[key];
    return typeof v === 'string' ? v : JSON.stringify(v);
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'workflows-platforms-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs the real plan with the inputs the workflow's plan step passes for `given` (the caller's `with:`), and
 * returns its outputs as the build and summarize jobs read them (GITHUB_OUTPUT).
 */
function planFor(given: Record<string, unknown>): Promise<Record<string, string>> {
  const planWith = step('plan', './.jetson-build-action/plan')?.with ?? {};
  const inputs = Object.fromEntries(Object.entries(planWith).map(([k, v]) => [k, withInputs(v, given)]));
  return planStepOutputs(inputs);
}

const includeOf = (outputs: Record<string, string>): Record<string, unknown>[] =>
  (JSON.parse(outputs['matrix'] as string) as { include: Record<string, unknown>[] }).include;

/** Every `matrix.<field>` the build job reads, anywhere in it. */
const MATRIX_FIELDS = [
  ...new Set([...JSON.stringify(jobs['build']).matchAll(/\bmatrix\.([\w-]+)/g)].map((m) => m[1] as string)),
].sort();

describe('the reusable workflow across platforms: the callers', () => {
  it("the issue's grid caller passes GitHub's parser and passes only declared inputs", async () => {
    expect(await workflowErrors('issue-caller.yml', ISSUE_CALLER)).toEqual([]);
    for (const key of Object.keys(callerWith(ISSUE_CALLER))) expect(call.inputs[key], key).toBeDefined();
  });

  it('examples/fleet-platforms.yml calls it with declared inputs of the declared types, and grants actions: read', () => {
    const text = readFileSync(path.join(ROOT, 'examples/fleet-platforms.yml'), 'utf8');
    const given = callerWith(text);
    for (const [key, value] of Object.entries(given)) {
      const input = call.inputs[key];
      expect(input, key).toBeDefined();
      if (typeof value === 'string' && value.includes('${{')) continue;
      expect(typeof value, key).toBe(input?.type);
    }
    expect(String(given['platforms'])).toContain('jp6-orin');
    // notify-on: change reads the previous run and its run report.
    expect(given['notify-on']).toBe('change');
    expect((parseYaml(text) as { permissions: Record<string, string> }).permissions).toMatchObject({
      actions: 'read',
      contents: 'read',
    });
  });

  it('declares platforms and base (strings, empty by default) and the failed output from summarize', () => {
    expect(call.inputs['platforms']).toMatchObject({ type: 'string', default: '' });
    expect(call.inputs['base']).toMatchObject({ type: 'string', default: '' });
    expect(call.outputs['failed']?.value).toBe('${{ jobs.summarize.outputs.failed }}');
    expect(jobs['summarize']?.outputs?.['failed']).toBe('${{ steps.summarize.outputs.failed }}');
    expect(actionYml('summarize/action.yml').outputs['failed']).toBeDefined();
  });
});

describe('the reusable workflow across platforms: plan → build → summarize', () => {
  it('the plan step gets platforms, runs-on and the defaults a platform may override', () => {
    expect(step('plan', './.jetson-build-action/plan')?.with).toMatchObject({
      packages: '${{ inputs.packages }}',
      'runs-on': "${{ inputs.platforms == '' && inputs.runs-on || '' }}",
      platforms: '${{ inputs.platforms }}',
      name: '${{ inputs.name }}',
      push: '${{ inputs.push }}',
      base: '${{ inputs.base }}',
      'build-args': '${{ inputs.build-args }}',
    });
    expect(jobs['plan']?.outputs?.['platforms']).toBe('${{ steps.plan.outputs.platforms }}');
    expect(actionYml('plan/action.yml').outputs['platforms']).toBeDefined();
  });

  it('each leg is titled and placed by its matrix entry, and hands the action its platform and settings', () => {
    expect(jobs['build']?.name).toBe('${{ matrix.title }}');
    expect(jobs['build']?.['runs-on']).toBe('${{ matrix.runs-on }}');
    expect(step('build', './.jetson-build-action')?.with).toMatchObject({
      packages: '${{ matrix.packages }}',
      platform: '${{ matrix.platform }}',
      name: '${{ matrix.image-name }}',
      push: '${{ matrix.push }}',
      base: '${{ matrix.base }}',
      'build-args': '${{ matrix.build-args }}',
    });
    expect(step('summarize', './.jetson-build-action/summarize')?.with?.['platforms']).toBe(
      '${{ needs.plan.outputs.platforms }}',
    );
  });

  it("the issue's grid: 3 packages × 2 platforms, every entry carrying every field the build job reads", async () => {
    const out = await planFor(callerWith(ISSUE_CALLER));
    const include = includeOf(out);
    expect(MATRIX_FIELDS).toEqual(
      expect.arrayContaining(['title', 'runs-on', 'platform', 'image-name', 'base', 'leg', 'packages']),
    );
    expect(include).toHaveLength(6);
    for (const entry of include) {
      for (const field of MATRIX_FIELDS)
        expect(entry[field], `${String(entry['leg'])}: ${field}`).toBeDefined();
    }
    expect(include.map((e) => [e['title'], e['platform'], e['runs-on']])).toEqual(
      expect.arrayContaining([
        ['jp6-orin · torchvision', 'jp6-orin', ['self-hosted', 'jetson', 'orin', 'jp6']],
        ['jp5-xavier · torchvision', 'jp5-xavier', ['self-hosted', 'jetson', 'xavier', 'jp5']],
      ]),
    );
    // Legs name artifacts and log folders: unique, and free of what upload-artifact refuses.
    const legs = include.map((e) => e['leg'] as string);
    expect(new Set(legs).size).toBe(6);
    for (const leg of legs) expect(leg).not.toMatch(/[":<>|*?\\/\s]/);
    // The summary's columns, read by summarize exactly as the plan wrote them.
    expect(parsePlatforms(out['platforms'] as string)).toEqual([
      { name: 'jp6-orin', labels: ['self-hosted', 'jetson', 'orin', 'jp6'] },
      { name: 'jp5-xavier', labels: ['self-hosted', 'jetson', 'xavier', 'jp5'] },
    ]);
  });

  it('a platform’s own base reaches only its legs; the others get the workflow’s base input', async () => {
    const out = await planFor({
      packages: 'pytorch:2.8 torchvision',
      base: 'ubuntu:22.04',
      'build-args': 'CUDA_ARCH:87',
      platforms: [
        'jp6-orin: [self-hosted, jetson, orin, jp6]',
        'jp5-xavier:',
        '  runs-on: [self-hosted, jetson, xavier, jp5]',
        '  base: nvcr.io/nvidia/l4t-jetpack:r35.4.1',
      ].join('\n'),
    });
    const actionWith = step('build', './.jetson-build-action')?.with ?? {};
    const passed = includeOf(out).map((entry) => ({
      platform: withMatrix(actionWith['platform'] as string, entry),
      base: withMatrix(actionWith['base'] as string, entry),
      buildArgs: withMatrix(actionWith['build-args'] as string, entry),
    }));
    expect(passed.filter((p) => p.platform === 'jp5-xavier').map((p) => p.base)).toEqual([
      'nvcr.io/nvidia/l4t-jetpack:r35.4.1',
      'nvcr.io/nvidia/l4t-jetpack:r35.4.1',
    ]);
    expect(passed.filter((p) => p.platform === 'jp6-orin').map((p) => p.base)).toEqual([
      'ubuntu:22.04',
      'ubuntu:22.04',
    ]);
    expect(new Set(passed.map((p) => p.buildArgs))).toEqual(new Set(['CUDA_ARCH:87']));
  });

  it('the one-platform form reads as today: job names are the legs, every leg on runs-on, no platform', async () => {
    const out = await planFor({
      packages: 'pytorch:2.8 torchvision',
      'runs-on': '["self-hosted", "jetson", "orin"]',
      name: 'acme/',
    });
    const include = includeOf(out);
    expect(include.map((e) => [e['title'], e['leg'], e['platform'], e['runs-on'], e['image-name']])).toEqual([
      ['pytorch-2.8', 'pytorch-2.8', '', ['self-hosted', 'jetson', 'orin'], 'acme/'],
      ['torchvision', 'torchvision', '', ['self-hosted', 'jetson', 'orin'], 'acme/'],
    ]);
    for (const entry of include) for (const field of MATRIX_FIELDS) expect(entry[field], field).toBeDefined();
    expect(JSON.parse(out['platforms'] as string)).toEqual([]);
    expect(parsePlatforms(out['platforms'] as string)).toEqual([]);
    // Nothing given: the workflow's default labels.
    const byDefault = includeOf(await planFor({ packages: 'numpy' }));
    expect(byDefault[0]?.['runs-on']).toEqual(['self-hosted', 'jetson']);
  });

  it('200 packages × 2 platforms: every plan output together stays far under the 1 MB of a job’s outputs', async () => {
    const packages = Array.from({ length: 200 }, (_, i) => `pkg-${i}`).join(' ');
    const out = await planFor({
      packages,
      platforms:
        '{"jp6-orin": ["self-hosted","jetson","orin","jp6"], "jp5-xavier": ["self-hosted","jetson","xavier","jp5"]}',
    });
    const include = includeOf(out);
    expect(include.length).toBeLessThanOrEqual(256);
    const planned = include.flatMap((e) =>
      (e['packages'] as string).split(' ').map((p) => `${String(e['platform'])}/${p}`),
    );
    expect(new Set(planned).size).toBe(400);
    const bytes = Object.values(out).reduce((n, v) => n + Buffer.byteLength(v), 0);
    expect(bytes).toBeLessThan(256 * 1024);
  });
});

describe('the reusable workflow across platforms: every expression names what is declared', () => {
  /** Every expression of a job: `${{ … }}` anywhere, and each `if:` (an expression without the braces). */
  function expressions(job: Job): string[] {
    const text = JSON.stringify(job);
    const found = [...text.matchAll(/\$\{\{(.*?)\}\}/g)].map((m) => m[1] as string);
    for (const s of job.steps ?? []) if (s.if) found.push(s.if);
    if (job.if) found.push(job.if);
    return found;
  }

  /** What the workflow's expressions name that it does not declare, one line each. */
  function undeclared(wf: Workflow): string[] {
    const { jobs } = wf;
    const call = wf.on.workflow_call;
    const problems: string[] = [];
    const jobOutputs = (id: string): Record<string, string> => jobs[id]?.outputs ?? {};
    const actionOutputs: Record<string, string> = {
      './.jetson-build-action': 'action.yml',
      './.jetson-build-action/plan': 'plan/action.yml',
      './.jetson-build-action/summarize': 'summarize/action.yml',
    };
    for (const [jobId, job] of Object.entries(jobs)) {
      for (const expr of expressions(job)) {
        for (const [, name] of expr.matchAll(/\binputs\.([\w-]+)/g)) {
          if (!call.inputs[name as string]) problems.push(`${jobId}: inputs.${name}`);
        }
        for (const [, name] of expr.matchAll(/\bsecrets\.([\w-]+)/g)) {
          if (!((name as string) in call.secrets)) problems.push(`${jobId}: secrets.${name}`);
        }
        for (const [, other, out] of expr.matchAll(/\bneeds\.([\w-]+)\.outputs\.([\w-]+)/g)) {
          const needs = ([] as string[]).concat(job.needs ?? []);
          if (!needs.includes(other as string) || !((out as string) in jobOutputs(other as string))) {
            problems.push(`${jobId}: needs.${other}.outputs.${out}`);
          }
        }
        for (const [, id, out] of expr.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
          const s = job.steps?.find((x) => x.id === id);
          const manifest = s?.uses ? actionOutputs[s.uses] : undefined;
          const declared = manifest
            ? (out as string) in actionYml(manifest).outputs
            : new RegExp(`\\b${out}=`).test(s?.run ?? '');
          if (!declared) problems.push(`${jobId}: steps.${id}.outputs.${out}`);
        }
        for (const [, id] of expr.matchAll(/\bsteps\.([\w-]+)\.(?:outcome|conclusion)/g)) {
          if (!job.steps?.some((x) => x.id === id)) problems.push(`${jobId}: steps.${id}`);
        }
        if (/\bmatrix\./.test(expr) && jobId !== 'build')
          problems.push(`${jobId}: matrix outside the matrix job`);
      }
    }
    for (const [name, o] of Object.entries(call.outputs)) {
      const m = /^\$\{\{ jobs\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(o.value);
      if (!m || !((m[2] as string) in jobOutputs(m[1] as string)))
        problems.push(`output ${name}: ${o.value}`);
    }
    return problems;
  }

  it('inputs, secrets, needs, jobs and steps outputs all exist', () => {
    expect(undeclared(doc)).toEqual([]);
  });

  it('the check is not vacuous: a misspelt input, a job output never declared and a stray matrix field are found', () => {
    const broken = structuredClone(doc);
    const plan = broken.jobs['plan']?.steps?.find((x) => x.uses === './.jetson-build-action/plan');
    (plan?.with as Record<string, string>)['platforms'] = '${{ inputs.platfroms }}';
    delete broken.jobs['plan']?.outputs?.['platforms'];
    (broken.jobs['summarize'] as Job).name = '${{ matrix.title }}';
    expect(undeclared(broken).sort()).toEqual([
      'plan: inputs.platfroms',
      'summarize: matrix outside the matrix job',
      'summarize: needs.plan.outputs.platforms',
    ]);
  });

  it('the check is not vacuous: it finds the expressions of the grid', () => {
    const all = Object.values(jobs).flatMap(expressions).join('\n');
    expect(all).toContain('inputs.platforms');
    expect(all).toContain('needs.plan.outputs.platforms');
    expect(all).toMatch(/steps\.summarize\.outputs\.failed\b(?!-)/);
  });
});

describe('the reusable workflow across platforms: the leg record', () => {
  const record = jobs['build']?.steps?.find((s) => s.name === 'Record the leg');

  /** Runs the step's own script in bash with its env, `${{ matrix.x }}` and the runner's values filled in. */
  function recordLeg(entry: Record<string, unknown>): unknown {
    const legDir = mkdtempSync(path.join(dir, 'leg-'));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(record?.env ?? {}))
      env[k] = withMatrix(v, entry).includes('${{') ? '' : withMatrix(v, entry);
    Object.assign(env, { LEG_DIR: legDir, RUNNER: 'orin-07', BUILD_OUTCOME: 'failure', RUN_ATTEMPT: '1' });
    execFileSync('bash', ['-e', '-c', record?.run as string], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    return JSON.parse(readFileSync(path.join(legDir, 'jetson-leg.json'), 'utf8'));
  }

  it('writes the platform, which the summary reads back (a name with quotes stays one JSON string)', () => {
    expect(record?.env?.['PLATFORM']).toBe('${{ matrix.platform }}');
    const leg = parseLegRecord(
      recordLeg({ leg: 'jp5-xavier--torchvision', packages: 'torchvision', platform: 'JP5 "xavier"' }),
    );
    expect(leg).toMatchObject({
      leg: 'jp5-xavier--torchvision',
      packages: ['torchvision'],
      platform: 'JP5 "xavier"',
      runner: 'orin-07',
      buildOutcome: 'failure',
    });
    // The one-platform form: no platform.
    expect(
      parseLegRecord(recordLeg({ leg: 'torchvision', packages: 'torchvision', platform: '' }))?.platform,
    ).toBeNull();
  });
});
