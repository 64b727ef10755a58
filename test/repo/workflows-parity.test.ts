// Issue 16: the reusable workflow at parity with the action, and correct the first time it runs on GitHub.
// Every value is worked out the way GitHub does it: callers are parsed by GitHub's workflow parser against
// this workflow, expressions evaluated by GitHub's evaluator (@actions/expressions), the real plan builds the
// matrix, and the workflow's own bash steps run in bash.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseCommandFile, ROOT } from '../support/action-runner.js';
import { asText, evaluateValue, type Contexts } from '../support/expressions.js';
import { planStepOutputs } from '../support/plan-run.js';
import { workflowParser, type WorkflowStep } from '../support/workflow-parser.js';

type Step = WorkflowStep;
interface Job {
  'runs-on'?: string;
  permissions?: unknown;
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Input {
  type: 'string' | 'boolean' | 'number';
  default?: string | boolean | number;
}

const WORKFLOW_TEXT = readFileSync(path.join(ROOT, '.github/workflows/jetson-build.yml'), 'utf8');
const doc = parseYaml(WORKFLOW_TEXT) as {
  on: { workflow_call: { inputs: Record<string, Input>; secrets: Record<string, unknown> } };
  jobs: Record<string, Job>;
};
const call = doc.on.workflow_call;
const step = (job: string, uses: string): Step => {
  const found = doc.jobs[job]?.steps.find((s) => s.uses === uses);
  if (!found) throw new Error(`no step ${uses} in ${job}`);
  return found;
};
const manifest = (file: string): Record<string, { default?: string }> =>
  (parseYaml(readFileSync(path.join(ROOT, file), 'utf8')) as { inputs: Record<string, { default?: string }> })
    .inputs;
const ACTION_INPUTS = manifest('action.yml');
const SUMMARIZE_INPUTS = manifest('summarize/action.yml');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'workflows-parity-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The workflow's inputs as a caller's `with:` and the defaults make them. */
function inputsFor(given: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, input] of Object.entries(call.inputs))
    out[name] = name in given ? given[name] : input.default;
  return out;
}

/** Every context a job of the workflow sees, for one matrix entry. */
function contexts(
  given: Record<string, unknown>,
  secrets: Record<string, string>,
  matrix: Record<string, unknown> = {},
  plan: Record<string, string> = {},
): Contexts {
  return {
    inputs: inputsFor(given),
    secrets,
    matrix,
    needs: {
      plan: { result: 'success', outputs: { 'discord-message-id': '', ...plan } },
      build: { result: 'success', outputs: {} },
    },
    github: { run_id: '4242', run_attempt: '1', server_url: 'https://github.com', repository: 'acme/app' },
    runner: { temp: '/runner/_temp', name: 'orin-07' },
    job: { workflow_repository: 'OWNER/jetson-build-action', workflow_sha: 'a'.repeat(40), check_run_id: 77 },
    steps: {},
    strategy: {},
    vars: {},
    env: {},
  };
}

/** The REAL plan with what the plan step passes for these contexts: its outputs, as GITHUB_OUTPUT has them. */
function planOutputs(ctx: Contexts): Promise<Record<string, string>> {
  const inputs = Object.fromEntries(
    Object.entries(step('plan', './.jetson-build-action/plan').with ?? {}).map(([k, v]) => [
      k,
      asText(evaluateValue(String(v), ctx)),
    ]),
  );
  return planStepOutputs(inputs);
}

/** A step's `with:` as the runner hands it to the action (every value as text). */
function evaluatedWith(s: Step, ctx: Contexts): Record<string, string> {
  return Object.fromEntries(
    Object.entries(s.with ?? {}).map(([k, v]) => [k, asText(evaluateValue(String(v), ctx))]),
  );
}

/** A value for each input that differs from its default, so a forgotten input shows. */
function distinctive(name: string, input: Input): string | boolean | number {
  if (input.type === 'boolean') return !(input.default ?? false);
  if (input.type === 'number') return 7;
  const special: Record<string, string> = {
    'discord-thread-id': '123456789012345678',
    'discord-avatar-url': 'https://example.com/jetson.png',
    'runner-labels': 'orin-07 jp6',
    'discord-mention-on-failure': '<@&1234>',
    'notify-on': 'failure',
  };
  return special[name] ?? `given-${name}`;
}

/** Workflow inputs a leg's action takes under the same name but not as given, and why. */
const LEG_EXCEPTIONS: Record<string, string> = {
  packages: "each leg builds its share of the list (the plan's matrix)",
  'discord-live':
    "the workflow's run message, not a leg's own live message (the legs get discord-run-message-id)",
  'pr-comment': 'one comment for the run, from the summary',
  'retention-days': "0 means the repository's setting, which the action takes as empty",
};
/** Workflow inputs the summary takes under the same name but not as given, and why. */
const SUMMARY_EXCEPTIONS: Record<string, string> = {
  packages: "the plan's planned list",
  platforms: "the plan's planned platforms",
};

const SECRETS: Record<string, string> = {
  DISCORD_WEBHOOK_URL: 'https://discord.com/api/webhooks/1/discord-secret',
  SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/slack-secret',
  TEAMS_WEBHOOK_URL: 'https://example.webhook.office.com/teams-secret',
  WEBHOOK_URL: 'https://ci.example.com/hook',
  WEBHOOK_SECRET: 'whsec_c2VjcmV0',
  WEBHOOKS: '- url: https://ci.example.com/other\n  on: failure\n',
  JETSON_BUILD_ACTION_TOKEN: 'ghp_token',
};
/** The action input a notification secret feeds: DISCORD_WEBHOOK_URL → discord-webhook-url. */
const inputOf = (secret: string): string => secret.toLowerCase().replace(/_/g, '-');

describe('the fleet workflow at parity with the action: every input of a leg reaches it', () => {
  it('declares what a leg needs, typed as the action reads it', () => {
    expect(call.inputs['extra-args']).toMatchObject({ type: 'string', default: '' });
    expect(call.inputs['runner-labels']).toMatchObject({ type: 'string', default: '' });
    expect(call.inputs['upload-logs']).toMatchObject({ type: 'boolean', default: true });
    expect(call.inputs['fail-on-build-error']).toMatchObject({ type: 'boolean', default: true });
    for (const name of ['discord-username', 'discord-avatar-url', 'discord-thread-id', 'base', 'notify-on'])
      expect(call.inputs[name], name).toMatchObject({ type: 'string' });
    expect(Object.keys(call.secrets)).toContain('WEBHOOKS');
  });

  it('every workflow input the action also takes reaches the build step as the caller gave it', async () => {
    const shared = Object.keys(call.inputs).filter((n) => n in ACTION_INPUTS && !(n in LEG_EXCEPTIONS));
    // Not vacuous: the inputs the issue names are among them.
    expect(shared).toEqual(
      expect.arrayContaining([
        'base',
        'extra-args',
        'runner-labels',
        'upload-logs',
        'fail-on-build-error',
        'discord-username',
        'discord-avatar-url',
        'discord-thread-id',
        'notify-on',
        'name',
        'build-flags',
      ]),
    );
    const given = Object.fromEntries(
      shared.map((n) => [n, distinctive(n, call.inputs[n] as Input)]),
    ) as Record<string, unknown>;
    given['packages'] = 'pytorch:2.8';
    given['notify-each'] = true;
    const plan = await planOutputs(contexts(given, SECRETS));
    const [entry] = (JSON.parse(plan['matrix'] as string) as { include: Record<string, unknown>[] }).include;
    const passed = evaluatedWith(
      step('build', './.jetson-build-action'),
      contexts(given, SECRETS, entry, plan),
    );
    const wrong = shared.filter((n) => passed[n] !== asText(given[n]));
    expect(
      wrong.map((n) => `${n}: ${JSON.stringify(passed[n])}`),
      'inputs a leg does not get as given',
    ).toEqual([]);
  });

  it('without runner-labels, a leg records the labels it was scheduled on', async () => {
    const given = { packages: 'numpy', 'runs-on': '["self-hosted","jetson","orin"]' };
    const plan = await planOutputs(contexts(given, {}));
    const [entry] = (JSON.parse(plan['matrix'] as string) as { include: Record<string, unknown>[] }).include;
    const passed = evaluatedWith(step('build', './.jetson-build-action'), contexts(given, {}, entry, plan));
    expect(passed['runner-labels']).toBe('self-hosted jetson orin');
  });

  it('every workflow input the summary also takes reaches summarize as the caller gave it', () => {
    const shared = Object.keys(call.inputs).filter(
      (n) => n in SUMMARIZE_INPUTS && !(n in SUMMARY_EXCEPTIONS),
    );
    expect(shared).toEqual(
      expect.arrayContaining([
        'fail-on-build-error',
        'discord-username',
        'discord-avatar-url',
        'discord-thread-id',
        'notify-on',
        'fail-fast',
      ]),
    );
    const given = Object.fromEntries(shared.map((n) => [n, distinctive(n, call.inputs[n] as Input)]));
    const passed = evaluatedWith(
      step('summarize', './.jetson-build-action/summarize'),
      contexts(given, SECRETS),
    );
    const wrong = shared.filter((n) => passed[n] !== asText(given[n]));
    expect(wrong.map((n) => `${n}: ${JSON.stringify(passed[n])}`)).toEqual([]);
  });

  it('every notification secret reaches the summary always, and the legs only with notify-each', async () => {
    const notifying = Object.keys(call.secrets).filter((s) => s !== 'JETSON_BUILD_ACTION_TOKEN');
    expect(notifying.sort()).toEqual(
      [
        'DISCORD_WEBHOOK_URL',
        'SLACK_WEBHOOK_URL',
        'TEAMS_WEBHOOK_URL',
        'WEBHOOKS',
        'WEBHOOK_SECRET',
        'WEBHOOK_URL',
      ].sort(),
    );
    const plan = await planOutputs(contexts({ packages: 'numpy' }, SECRETS));
    const [entry] = (JSON.parse(plan['matrix'] as string) as { include: Record<string, unknown>[] }).include;
    const summary = evaluatedWith(
      step('summarize', './.jetson-build-action/summarize'),
      contexts({ packages: 'numpy' }, SECRETS),
    );
    for (const each of [true, false]) {
      const given = { packages: 'numpy', 'notify-each': each };
      const leg = evaluatedWith(
        step('build', './.jetson-build-action'),
        contexts(given, SECRETS, entry, plan),
      );
      for (const secret of notifying) {
        const input = inputOf(secret);
        expect(input in ACTION_INPUTS && input in SUMMARIZE_INPUTS, input).toBe(true);
        expect(leg[input], `${secret}, notify-each ${String(each)}`).toBe(each ? SECRETS[secret] : '');
        expect(summary[input], secret).toBe(SECRETS[secret]);
      }
    }
  });
});

/** Parses a caller with GitHub's parser, which loads this workflow for its `uses:` and checks the call. */
async function callerErrors(content: string): Promise<string[]> {
  const parsed = workflowParser.parseWorkflow(
    { name: 'caller.yml', content },
    new workflowParser.NoOperationTraceWriter(),
  );
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (!parsed.value || errors.length > 0) return errors;
  let fetched = 0;
  const template = await workflowParser.convertWorkflowTemplate(
    parsed.context,
    parsed.value,
    {
      getFileContent: (ref) => {
        fetched += 1;
        expect(ref).toMatchObject({ owner: 'OWNER', repository: 'jetson-build-action' });
        return Promise.resolve({ name: 'jetson-build.yml', content: WORKFLOW_TEXT });
      },
    },
    { fetchReusableWorkflowDepth: 1 },
  );
  expect(fetched, 'the parser read the called workflow').toBe(1);
  return [...errors, ...(template.errors ?? []).map((e) => e.Message)];
}

const callerWith = (secrets: string): string => `name: Jetson
on: workflow_dispatch
permissions:
  contents: read
  actions: read
jobs:
  jetson:
    uses: OWNER/jetson-build-action/.github/workflows/jetson-build.yml@v1
    with:
      packages: pytorch:2.8 torchvision
      control-runs-on: ubuntu-latest
${secrets}
`;

describe('secrets named as users name them, so `secrets: inherit` works', () => {
  it('every secret name is one a repository secret can have (letters, digits and _)', () => {
    for (const name of Object.keys(call.secrets)) {
      expect(name, name).toMatch(/^[A-Z_][A-Z0-9_]*$/);
      expect(name.startsWith('GITHUB_'), name).toBe(false);
    }
  });

  it('a caller passing every secret by name, and one with secrets: inherit, pass GitHub’s parser', async () => {
    const explicit = Object.keys(call.secrets)
      .map((s) => `      ${s}: \${{ secrets.${s} }}`)
      .join('\n');
    expect(await callerErrors(callerWith(`    secrets:\n${explicit}`))).toEqual([]);
    expect(await callerErrors(callerWith('    secrets: inherit'))).toEqual([]);
    // The check is not vacuous: a secret the workflow does not declare is refused.
    expect((await callerErrors(callerWith('    secrets:\n      discord-webhook-url: x'))).join('\n')).toMatch(
      /discord-webhook-url is not defined in the referenced workflow/,
    );
  });

  it('with inherit, the repository secrets reach the summary under their own names', () => {
    // GitHub hands an inheriting call every secret of the caller, by the caller's names.
    const repoSecrets = { DISCORD_WEBHOOK_URL: SECRETS['DISCORD_WEBHOOK_URL'] as string, NPM_TOKEN: 'npm_x' };
    const passed = evaluatedWith(
      step('summarize', './.jetson-build-action/summarize'),
      contexts({}, repoSecrets),
    );
    expect(passed['discord-webhook-url']).toBe(repoSecrets.DISCORD_WEBHOOK_URL);
    expect(passed['webhook-url']).toBe('');
  });

  it('every job checks out the actions with JETSON_BUILD_ACTION_TOKEN when given, else github.token', () => {
    for (const [id, job] of Object.entries(doc.jobs)) {
      const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
      const token = (secrets: Record<string, string>): unknown =>
        evaluateValue(String(checkout?.with?.['token']), {
          ...contexts({}, secrets),
          github: { token: 'ghs_job' },
        });
      expect(token({}), id).toBe('ghs_job');
      expect(token({ JETSON_BUILD_ACTION_TOKEN: 'ghp_private' }), id).toBe('ghp_private');
    }
  });
});

describe('control-runs-on accepts what runs-on accepts', () => {
  const runsOn = (value: string | undefined): unknown => {
    const given = value === undefined ? {} : { 'control-runs-on': value };
    return ['plan', 'summarize'].map((id) =>
      evaluateValue(String(doc.jobs[id]?.['runs-on']), contexts(given, {})),
    );
  };

  it.each([
    ['a plain label', 'ubuntu-latest', 'ubuntu-latest'],
    ['a JSON array', '["self-hosted", "linux"]', ['self-hosted', 'linux']],
    ['a JSON string', '"ubuntu-24.04"', 'ubuntu-24.04'],
    [
      'a {group, labels} object',
      '{"group": "control", "labels": ["linux"]}',
      { group: 'control', labels: ['linux'] },
    ],
    ['nothing (the default)', undefined, ['ubuntu-latest']],
  ])('%s', (_what, value, expected) => {
    expect(runsOn(value)).toEqual([expected, expected]);
  });
});

describe('action-repository and action-ref: both or neither', () => {
  const locate = (job: string): Step => {
    const found = doc.jobs[job]?.steps.find((s) => s.name === 'Locate jetson-build-action');
    if (!found) throw new Error(`no Locate step in ${job}`);
    return found;
  };

  /** The Locate step's script in bash, with its env as GitHub evaluates it. */
  function runLocate(
    job: string,
    given: Record<string, unknown>,
    workflow = true,
  ): { code: number; out: string } {
    const ctx = contexts(given, {});
    if (!workflow) ctx['job'] = {};
    const env = Object.fromEntries(
      Object.entries(locate(job).env ?? {}).map(([k, v]) => [k, asText(evaluateValue(v, ctx))]),
    );
    const r = spawnSync('bash', ['-e', '-c', locate(job).run as string], {
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
    });
    return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
  }

  it.each(['plan', 'build', 'summarize'])('%s: only one of them fails the job, naming both', (job) => {
    for (const one of [{ 'action-repository': 'acme/fork' }, { 'action-ref': 'b'.repeat(40) }]) {
      const r = runLocate(job, one);
      expect(r.code, JSON.stringify(one)).toBe(1);
      expect(r.out).toContain(
        '::error title=jetson-build::Set both action-repository and action-ref, or neither',
      );
    }
    expect(runLocate(job, { 'action-repository': 'acme/fork', 'action-ref': 'b'.repeat(40) }).code).toBe(0);
    expect(runLocate(job, {}).code).toBe(0);
    // An old runner (job.workflow_* empty) without the pair: a clear error, never the caller's repository.
    const old = runLocate(job, {}, false);
    expect(old.code).toBe(1);
    expect(old.out).toMatch(/job\.workflow_repository \/ job\.workflow_sha are empty/);
  });

  it('the checkout never mixes one repository with another’s commit', () => {
    for (const [id, job] of Object.entries(doc.jobs)) {
      const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
      const at = (given: Record<string, unknown>): [unknown, unknown] => {
        const ctx = contexts(given, {});
        return [
          evaluateValue(String(checkout?.with?.['repository']), ctx),
          evaluateValue(String(checkout?.with?.['ref']), ctx),
        ];
      };
      const own: [string, string] = ['OWNER/jetson-build-action', 'a'.repeat(40)];
      expect(at({}), id).toEqual(own);
      expect(at({ 'action-repository': 'acme/fork' }), id).toEqual(own);
      expect(at({ 'action-ref': 'b'.repeat(40) }), id).toEqual(own);
      expect(at({ 'action-repository': 'acme/fork', 'action-ref': 'b'.repeat(40) }), id).toEqual([
        'acme/fork',
        'b'.repeat(40),
      ]);
    }
  });
});

describe('a failed plan still gives the run report a name of its own', () => {
  const keyStep = doc.jobs['summarize']?.steps.find((s) => s.id === 'key');

  function keyFor(planKey: string): string {
    const out = path.join(dir, `key-${Math.random().toString(16).slice(2)}`);
    writeFileSync(out, '');
    execFileSync('bash', ['-e', '-c', keyStep?.run as string], {
      env: { PATH: process.env.PATH ?? '', PLAN_KEY: planKey, GITHUB_OUTPUT: out },
    });
    return parseCommandFile(readFileSync(out, 'utf8'))['key'] as string;
  }

  it("uses the plan's key, or a random one when the plan left none", () => {
    expect(keyStep?.env?.['PLAN_KEY']).toBe('${{ needs.plan.outputs.key }}');
    expect(keyFor('a1b2c3d4e5f6')).toBe('a1b2c3d4e5f6');
    const [a, b] = [keyFor(''), keyFor('')];
    expect(a).toMatch(/^noplan-[0-9a-f]{12}$/);
    expect(b).not.toBe(a);
  });

  it('the run report artifact is named by that key', () => {
    const upload = doc.jobs['summarize']?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.['name']).toBe(
      'jetson-run-report-${{ steps.key.outputs.key }}-${{ github.run_attempt }}',
    );
    const index = (s: Step | undefined): number => doc.jobs['summarize']?.steps.indexOf(s as Step) ?? -1;
    expect(index(keyStep)).toBeGreaterThanOrEqual(0);
    expect(index(keyStep)).toBeLessThan(index(upload));
    expect(keyStep?.if).toBe('always()');
  });
});

describe('the summary reads every leg report of every attempt', () => {
  it('summarize downloads the reports itself, by run, artifact by artifact, with the job token', () => {
    const s = step('summarize', './.jetson-build-action/summarize');
    expect(s.with?.['report-artifacts']).toBe('jetson-report-${{ needs.plan.outputs.key }}-*');
    expect(s.with?.['reports']).toBe('${{ runner.temp }}/jetson-reports');
    expect(SUMMARIZE_INPUTS['report-artifacts']).toBeDefined();
    expect(SUMMARIZE_INPUTS['github-token']?.default).toBe('${{ github.token }}');
    // No download step of its own any more: it stopped at the first failed artifact and hid it.
    expect(doc.jobs['summarize']?.steps.some((x) => x.uses?.startsWith('actions/download-artifact@'))).toBe(
      false,
    );
  });
});

describe('the examples', () => {
  const example = (file: string) =>
    parseYaml(readFileSync(path.join(ROOT, 'examples', file), 'utf8')) as {
      permissions?: Record<string, string>;
      jobs: Record<
        string,
        Job & {
          uses?: string;
          secrets?: unknown;
          needs?: string;
          strategy?: { matrix: Record<string, string> };
        }
      >;
    };

  it('the fleet callers grant actions: read and pass secrets by the workflow’s names', () => {
    for (const file of ['fleet.yml', 'fleet-platforms.yml']) {
      const ex = example(file);
      expect(ex.permissions, file).toMatchObject({ contents: 'read', actions: 'read' });
      const secrets = ex.jobs['jetson']?.secrets;
      if (secrets === 'inherit') continue;
      for (const name of Object.keys(secrets as Record<string, string>))
        expect(call.secrets, `${file}: ${name}`).toHaveProperty(name);
    }
  });

  it('summarize-own-matrix.yml: the summary finds every leg’s report artifact and gets the build result as JSON', async () => {
    const { patternRegExp } = await import('../../src/fleet/download.js');
    const ex = example('summarize-own-matrix.yml');
    const upload = ex.jobs['build']?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    const summarize = ex.jobs['summary']?.steps.find((s) =>
      s.uses?.startsWith('OWNER/jetson-build-action/summarize@'),
    );
    const ctx = { strategy: { 'job-index': 3 }, github: { run_attempt: '2' }, steps: {} };
    const name = asText(evaluateValue(String(upload?.with?.['name']), ctx));
    expect(name).toBe('jetson-report-3-2');
    expect(patternRegExp(String(summarize?.with?.['report-artifacts'])).test(name)).toBe(true);
    const needs = asText(
      evaluateValue(String(summarize?.with?.['needs']), { needs: { build: { result: 'failure' } } }),
    );
    expect(JSON.parse(needs)).toEqual({ build: { result: 'failure' } });
    expect(ex.jobs['summary']?.permissions).toMatchObject({ actions: 'read' });
    // One list for the matrix and the summary's planned packages.
    const packages = '["pytorch:2.8", "torchvision"]';
    expect(
      evaluateValue(String(ex.jobs['build']?.strategy?.matrix['package']), { inputs: { packages } }),
    ).toEqual(['pytorch:2.8', 'torchvision']);
    expect(evaluateValue(String(summarize?.with?.['packages']), { inputs: { packages } })).toBe(packages);
  });
});
