// Entry point of the `plan` action (plan/action.yml): the `packages` and `platforms` inputs → the build matrix
// of the reusable workflow. Names are checked with the main action's own grammar, so a typo fails here, in
// seconds on a hosted runner, instead of on every Jetson of the fleet.
import * as core from '@actions/core';
import type { Dispatcher } from 'undici';
import { splitPackages, validatePackageName } from '../jetson/packages.js';
import { readRunContext } from '../runner/context.js';
import { escapeChar, errorMessage, findControlChar } from '../runner/errors.js';
import { parseBoolean } from '../runner/inputs.js';
import { registerSecretUrl, scrub, scrubDeep } from '../runner/secrets.js';
import { mdText } from '../report/pr-comment.js';
import {
  MAX_MATRIX_LEGS,
  codePoint,
  describePlan,
  findHiddenChar,
  isChunked,
  legShares,
  normalizeRunsOn,
  parsePlatforms,
  planGrid,
  planKey,
  type GridPlan,
  type LegSettings,
  type Platform,
} from './plan.js';

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

/** The plan inputs that set a leg's default `--name`, `--push`, `--base` and `--build-args`. */
const DEFAULT_INPUTS = { name: 'imageName', push: 'push', base: 'base', 'build-args': 'buildArgs' } as const;

function readPackages(raw: string): string[] {
  const names = splitPackages(raw);
  for (const name of names) validatePackageName(name);
  if (names.length === 0)
    throw new Error(`Input 'packages' names no package: give at least one, e.g. "pytorch:2.8 torchvision".`);
  return names;
}

function readMaxLegs(raw: string): number {
  const text = raw.trim();
  const maxLegs = text === '' ? MAX_MATRIX_LEGS : Number(text);
  if (!Number.isInteger(maxLegs) || maxLegs < 1 || maxLegs > MAX_MATRIX_LEGS) {
    throw new Error(
      `Input 'max-legs' has an invalid value ${JSON.stringify(text)}: a whole number from 1 to ${MAX_MATRIX_LEGS}.`,
    );
  }
  return maxLegs;
}

/** The defaults every leg gets unless its platform sets its own; one line each, as the action takes them. */
function readDefaults(getInput: (name: string) => string): Partial<LegSettings> {
  const defaults: Partial<LegSettings> = {};
  for (const [input, setting] of Object.entries(DEFAULT_INPUTS)) {
    const value = getInput(input).trim();
    const c = findControlChar(value);
    if (c !== null)
      throw new Error(`Input '${input}' holds a control character (${escapeChar(c)}): give one line.`);
    const hidden = findHiddenChar(value);
    if (hidden !== null) {
      throw new Error(
        `Input '${input}' holds ${codePoint(hidden)}, an invisible formatting character: remove it.`,
      );
    }
    defaults[setting] = value;
  }
  return defaults;
}

/** `platforms` when set (runs-on is then ignored), else the one platform of `runs-on`. */
async function readTarget(
  getInput: (name: string) => string,
): Promise<{ platforms: Platform[]; runsOn?: string[] }> {
  const platforms = await parsePlatforms(getInput('platforms'));
  if (platforms.length === 0) return { platforms, runsOn: readRunsOn(getInput('runs-on')) };
  if (getInput('runs-on').trim() !== '') {
    core.info(`runs-on is ignored: platforms is set, and each platform names its own runner labels.`);
  }
  return { platforms };
}

export async function runPlan(
  getInput: (name: string) => string = core.getInput,
  key: () => string = () => planKey(),
): Promise<GridPlan> {
  const names = readPackages(getInput('packages'));
  const maxLegs = readMaxLegs(getInput('max-legs'));
  const defaults = readDefaults(getInput);
  const plan = planGrid(names, { ...(await readTarget(getInput)), defaults, maxLegs });
  const runKey = key();

  const outputs = planOutputs(plan, runKey);
  checkOutputSize(outputs);
  checkVariableSize(outputs, plan.packages.length);
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);

  logPlan(plan, maxLegs, runKey);
  await writePlanSummary(plan, maxLegs);
  return plan;
}

function planOutputs(plan: GridPlan, runKey: string): Record<string, string> {
  return {
    key: runKey,
    matrix: JSON.stringify({ include: plan.include }),
    platforms: JSON.stringify(plan.platforms.map((p) => ({ name: p.name, labels: p.labels }))),
    packages: JSON.stringify(plan.packages),
    count: String(plan.packages.length),
    legs: String(plan.include.length),
    // The first platform's labels: a caller of the one-platform form may still read it.
    'runs-on': JSON.stringify(plan.runsOn),
  };
}

/**
 * GitHub keeps at most 1 MB of a job's outputs: past it the plan job fails after the fact, or the build job
 * gets a cut matrix. The bound leaves room for the live message's id and for multi-byte characters.
 */
export const PLAN_OUTPUTS_MAX = 900_000;

/** Sizes in UTF-16 code units (JS string length), as GitHub counts an output's characters. */
function checkOutputSize(outputs: Record<string, string>): void {
  const size = (names: string[]): number => names.reduce((n, k) => n + (outputs[k] ?? '').length, 0);
  const total = size(Object.keys(outputs));
  if (total <= PLAN_OUTPUTS_MAX) return;
  const named = ['matrix', 'packages', 'platforms'];
  const rest = size(Object.keys(outputs).filter((k) => !named.includes(k)));
  throw new Error(
    `The plan's outputs would be ${total} characters (${named.map((k) => `${k} ${size([k])}`).join(', ')}, the rest ${rest}), ` +
      `more than the ${PLAN_OUTPUTS_MAX} a plan may set: GitHub keeps at most 1 MB of a job's outputs. ` +
      'Build fewer packages or platforms per call (split it into several calls), or lower max-legs.',
  );
}

/**
 * The outputs the summarize step takes as inputs, and the variable each becomes there. Linux caps one
 * environment variable (name=value) at 128 KiB (MAX_ARG_STRLEN): past it the step cannot even start.
 */
const SUMMARY_VARIABLES: Record<string, string> = {
  packages: 'INPUT_PACKAGES',
  platforms: 'INPUT_PLATFORMS',
};
/** Bytes (UTF-8, as the kernel counts them), with room under 128 KiB for the name and the terminator. */
export const SUMMARY_VARIABLE_MAX = 120_000;

function checkVariableSize(outputs: Record<string, string>, packages: number): void {
  for (const [name, variable] of Object.entries(SUMMARY_VARIABLES)) {
    const bytes = Buffer.byteLength(outputs[name] ?? '', 'utf8');
    if (bytes <= SUMMARY_VARIABLE_MAX) continue;
    const what = name === 'packages' ? `${packages} packages` : 'the platforms and their labels';
    throw new Error(
      `The plan's ${name} output would be ${bytes} bytes (${what}), more than the ${SUMMARY_VARIABLE_MAX} the summary can take: ` +
        `it reaches the summarize step as one environment variable, ${variable}, and Linux refuses to start a step ` +
        `with a variable over 128 KiB (Argument list too long). Split the ${name} over several calls of the workflow.`,
    );
  }
}

function logPlan(plan: GridPlan, maxLegs: number, runKey: string): void {
  const chunked = isChunked(plan);
  core.info(
    describePlan(plan) +
      (chunked ? ` (more than ${maxLegs} legs: each leg builds its chunk one package at a time)` : '') +
      (plan.platforms.length === 0 ? ` on ${JSON.stringify(plan.runsOn)}` : '') +
      `; artifact key ${runKey}`,
  );
  for (const p of plan.platforms)
    core.info(`  platform ${p.name}: ${JSON.stringify(p.labels)}${overridesText(p)}`);
  for (const leg of plan.include.slice(0, 300)) {
    const on = leg.platform === '' ? '' : ` on ${leg.platform}`;
    core.info(`  ${leg.leg}: ${leg.packages}${on}${leg.multiple ? ' (--multiple --skip-errors)' : ''}`);
  }
}

const OVERRIDE_NAMES: Record<keyof LegSettings, string> = {
  imageName: 'name',
  push: 'push',
  base: 'base',
  buildArgs: 'build-args',
};

function overridesText(p: Platform): string {
  const set = (Object.keys(OVERRIDE_NAMES) as (keyof LegSettings)[]).filter(
    (k) => p.overrides[k] !== undefined,
  );
  return set.map((k) => ` · ${OVERRIDE_NAMES[k]} ${JSON.stringify(p.overrides[k])}`).join('');
}

/** The job summary of the plan: how the legs were formed and, for a grid, its platforms. */
export function planSummary(plan: GridPlan, maxLegs: number): string {
  const lines = ['### Build plan', '', describePlan(plan) + '.'];
  if (isChunked(plan)) {
    const per = plan.platforms.length === 0 ? '' : ' per platform';
    lines.push(
      '',
      `More legs than max-legs (${maxLegs}) allows: the packages are split into ${legShares(plan, 'contiguous chunk')}${per}, and a chunk's leg builds its packages one at a time.`,
    );
  }
  if (plan.platforms.length === 0) {
    lines.push('', `Every leg runs on ${cell(plan.runsOn.join(', '))}.`);
    return lines.join('\n') + '\n';
  }
  const withOverrides = plan.platforms.some((p) => Object.keys(p.overrides).length > 0);
  lines.push(
    '',
    `| Platform | Runner labels | Legs |${withOverrides ? ' Overrides |' : ''}`,
    `| --- | --- | --: |${withOverrides ? ' --- |' : ''}`,
  );
  for (const p of plan.platforms) {
    const legs = plan.include.filter((l) => l.platform === p.name).length;
    const overrides = withOverrides ? ` ${cell(overridesText(p).replace(/^ · /, '')) || '—'} |` : '';
    lines.push(`| ${cell(p.name)} | ${cell(p.labels.join(', '))} | ${legs} |${overrides}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Text that reads as itself inside a Markdown table cell: the PR comment's escaping (no formatting, entity,
 * HTML, mention or issue reference), and no `:name:` emoji shortcode either, which GitHub renders in a summary.
 */
function cell(text: string): string {
  return mdText(text, CELL_MAX).replace(/:(?=[\w+-]+:)/g, ':\u200b');
}

/** Names are at most 40 characters; a long label list or override still fits a table row. */
const CELL_MAX = 500;

/** Only where there is a summary file; a summary that cannot be written never fails the plan. */
async function writePlanSummary(plan: GridPlan, maxLegs: number): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(scrub(planSummary(plan, maxLegs))).write();
  } catch (err) {
    core.info(scrub(`Could not write the plan's job summary: ${errorMessage(err)}`));
  } finally {
    core.summary.emptyBuffer();
  }
}

export interface AnnounceOptions {
  env?: Env;
  dispatcher?: Dispatcher;
}

/** What the live message needs of a leg; a grid leg's title is shown after its key. */
interface LiveLeg {
  leg: string;
  packages: string;
  index: number;
  title?: string;
  platform?: string;
}

/**
 * With `discord-live` and a `discord-webhook-url`: posts the run's live message, every leg pending, and outputs
 * its id as `discord-message-id` for the legs and summarize. Empty when not live or when the post failed: a
 * failure is one warning, never the plan's failure (the run still gets its summary, as a new message).
 */
export async function announceRun(
  plan: { include: readonly LiveLeg[] },
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
        const posting = readPosting(getInput);
        if (posting) id = await postRunMessage(plan, url, posting, opts);
      }
    }
  } finally {
    core.setOutput('discord-message-id', id);
  }
  return id;
}

/** How the live message is posted: the workflow's Discord username, avatar and thread, as the summary's. */
interface Posting {
  username: string | null;
  avatarUrl: string | null;
  threadId: string | null;
}

/** The Discord posting inputs, or null (one warning naming the input) when the thread id is not one. */
function readPosting(getInput: (name: string) => string): Posting | null {
  const value = (name: string): string | null => getInput(name).trim() || null;
  const threadId = value('discord-thread-id');
  if (threadId !== null && !/^\d{1,20}$/.test(threadId)) {
    core.warning(
      scrub(
        `Input 'discord-thread-id' is ${JSON.stringify(threadId.slice(0, 40))}: expected a numeric Discord thread id; no live run message is posted.`,
      ),
    );
    return null;
  }
  return { username: value('discord-username'), avatarUrl: value('discord-avatar-url'), threadId };
}

async function postRunMessage(
  plan: { include: readonly LiveLeg[] },
  rawUrl: string,
  posting: Posting,
  opts: AnnounceOptions,
): Promise<string> {
  const { normalizeDiscordUrl } = await import('../notify/targets.js');
  const { createMessage, closeDiscordApi, formatMessageRef } = await import('../notify/discord-api.js');
  const { planLiveRun, renderLiveRun } = await import('../notify/render/run-live-discord.js');
  let target: { url: string; timeoutMs: number };
  try {
    target = { url: normalizeDiscordUrl(rawUrl, posting.threadId), timeoutMs: 10_000 };
  } catch (err) {
    core.warning(scrub(`discord-webhook-url: ${errorMessage(err)}; no live run message is posted.`));
    return '';
  }
  const context = readRunContext('', opts.env ?? process.env);
  const footer = [context.repository, context.runId ? `run ${context.runId}` : null]
    .filter((x): x is string => !!x)
    .join(' · ');
  // Scrubbed before rendering: escaping would hide a secret in a package list from the encoder's scrub.
  // A grid leg carries its title and platform: its pending line reads `jp6-orin · torchvision` after its key.
  const message = renderLiveRun(planLiveRun(scrubDeep(plan.include), context.runUrl, footer), 'create', {
    username: posting.username,
    avatarUrl: posting.avatarUrl,
    threadId: posting.threadId,
    threadName: null,
  });
  const posted = await createMessage(target, message, { dispatcher: opts.dispatcher });
  if (!opts.dispatcher) await closeDiscordApi();
  if (posted.ok) {
    core.info(`Posted the live run message ${posted.message.id} (${plan.include.length} legs pending).`);
    // A message in a thread is found only through its thread: the id the legs and the summary get names it.
    return formatMessageRef(posted.message.id, posting.threadId);
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
      await announceRun(await runPlan());
    } catch (err) {
      core.setFailed(scrub(errorMessage(err)));
    }
  })().catch(() => undefined);
}
