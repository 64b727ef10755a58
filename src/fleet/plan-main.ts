// Entry point of the `plan` action (plan/action.yml): the `packages` input → the build matrix of the
// reusable workflow. Names are checked with the main action's own grammar, so a typo fails here, in
// seconds on a hosted runner, instead of on every Jetson of the fleet.
import * as core from '@actions/core';
import type { Dispatcher } from 'undici';
import { splitPackages, validatePackageName } from '../jetson/packages.js';
import { readRunContext } from '../runner/context.js';
import { errorMessage } from '../runner/errors.js';
import { parseBoolean } from '../runner/inputs.js';
import { registerSecretUrl, scrub, scrubDeep } from '../runner/secrets.js';
import { MAX_MATRIX_LEGS, normalizeRunsOn, planKey, planMatrix, type MatrixPlan } from './plan.js';

type Env = Record<string, string | undefined>;

/**
 * `runs-on`: required, so that an empty or malformed value fails here, in seconds and naming the input,
 * instead of as a `fromJSON('')` error of the build job and a summary of "missing" rows.
 */
export function readRunsOn(raw: string): string[] {
  if (raw.trim() === '') {
    throw new Error(
      `Input 'runs-on' is empty: give the build legs' runner labels as a JSON array, e.g. '["self-hosted","jetson"]'.`,
    );
  }
  try {
    return normalizeRunsOn(raw);
  } catch (err) {
    throw new Error(`Input 'runs-on' is invalid: ${errorMessage(err)}`);
  }
}

export function runPlan(
  getInput: (name: string) => string = core.getInput,
  key: () => string = () => planKey(),
): MatrixPlan {
  const raw = getInput('packages');
  const names = splitPackages(raw);
  for (const name of names) validatePackageName(name);
  if (names.length === 0)
    throw new Error(`Input 'packages' names no package: give at least one, e.g. "pytorch:2.8 torchvision".`);

  const maxRaw = getInput('max-legs').trim();
  const maxLegs = maxRaw === '' ? MAX_MATRIX_LEGS : Number(maxRaw);
  if (!Number.isInteger(maxLegs) || maxLegs < 1 || maxLegs > MAX_MATRIX_LEGS) {
    throw new Error(
      `Input 'max-legs' has an invalid value ${JSON.stringify(maxRaw)}: a whole number from 1 to ${MAX_MATRIX_LEGS}.`,
    );
  }
  const plan = planMatrix(names, { maxLegs });
  const runsOn = readRunsOn(getInput('runs-on'));
  const runKey = key();

  core.setOutput('key', runKey);
  core.setOutput('matrix', JSON.stringify({ include: plan.include }));
  core.setOutput('packages', JSON.stringify(plan.packages));
  core.setOutput('count', String(plan.packages.length));
  core.setOutput('legs', String(plan.include.length));
  core.setOutput('runs-on', JSON.stringify(runsOn));

  const chunked = plan.include.length < plan.packages.length;
  core.info(
    `${plan.packages.length} package(s) → ${plan.include.length} matrix leg(s)` +
      (chunked ? ` (more than ${maxLegs}: each leg builds its chunk one package at a time)` : '') +
      ` on ${JSON.stringify(runsOn)}; artifact key ${runKey}`,
  );
  for (const leg of plan.include.slice(0, 300))
    core.info(`  ${leg.leg}: ${leg.packages}${leg.multiple ? ' (--multiple --skip-errors)' : ''}`);
  return plan;
}

export interface AnnounceOptions {
  env?: Env;
  dispatcher?: Dispatcher;
}

/**
 * With `discord-live` and a `discord-webhook-url`: posts the run's live message, every leg pending, and outputs
 * its id as `discord-message-id` for the legs and summarize. Empty when not live or when the post failed: a
 * failure is one warning, never the plan's failure (the run still gets its summary, as a new message).
 */
export async function announceRun(
  plan: MatrixPlan,
  getInput: (name: string) => string = core.getInput,
  opts: AnnounceOptions = {},
): Promise<string> {
  const url = getInput('discord-webhook-url').trim();
  // Registered at once, before anything else can print it.
  registerSecretUrl(url);
  let id = '';
  try {
    if (parseBoolean('discord-live', getInput('discord-live'), false)) {
      if (url === '') {
        core.notice('discord-live is true but discord-webhook-url is empty: no live run message is posted.');
      } else {
        id = await postRunMessage(plan, url, opts);
      }
    }
  } finally {
    core.setOutput('discord-message-id', id);
  }
  return id;
}

async function postRunMessage(plan: MatrixPlan, rawUrl: string, opts: AnnounceOptions): Promise<string> {
  const { normalizeDiscordUrl } = await import('../notify/targets.js');
  const { createMessage, closeDiscordApi } = await import('../notify/discord-api.js');
  const { planLiveRun, renderLiveRun } = await import('../notify/render/run-live-discord.js');
  let target: { url: string; timeoutMs: number };
  try {
    target = { url: normalizeDiscordUrl(rawUrl), timeoutMs: 10_000 };
  } catch (err) {
    core.warning(scrub(`discord-webhook-url: ${errorMessage(err)}; no live run message is posted.`));
    return '';
  }
  const context = readRunContext('', opts.env ?? process.env);
  const footer = [context.repository, context.runId ? `run ${context.runId}` : null]
    .filter((x): x is string => !!x)
    .join(' · ');
  // Scrubbed before rendering: escaping would hide a secret in a package list from the encoder's scrub.
  const message = renderLiveRun(planLiveRun(scrubDeep(plan.include), context.runUrl, footer), 'create');
  const posted = await createMessage(target, message, { dispatcher: opts.dispatcher });
  if (!opts.dispatcher) await closeDiscordApi();
  if (posted.ok) {
    core.info(`Posted the live run message ${posted.message.id} (${plan.include.length} legs pending).`);
    return posted.message.id;
  }
  const detail = posted.kind === 'network' ? posted.detail : `HTTP ${posted.status}: ${posted.detail}`;
  core.warning(
    scrub(
      `Could not post the live run message (${detail}); the legs do not edit it and the summary is posted as a new message.`,
    ),
    { title: 'Live run message not posted' },
  );
  return '';
}

if (!process.env.VITEST) {
  (async (): Promise<void> => {
    try {
      await announceRun(runPlan());
    } catch (err) {
      core.setFailed(scrub(errorMessage(err)));
    }
  })().catch(() => undefined);
}
