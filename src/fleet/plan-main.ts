// Entry point of the `plan` action (plan/action.yml): the `packages` input → the build matrix of the
// reusable workflow. Names are checked with the main action's own grammar, so a typo fails here, in
// seconds on a hosted runner, instead of on every Jetson of the fleet.
import * as core from '@actions/core';
import { splitPackages, validatePackageName } from '../jetson/packages.js';
import { errorMessage } from '../runner/errors.js';
import { MAX_MATRIX_LEGS, normalizeRunsOn, planKey, planMatrix } from './plan.js';

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
): void {
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
}

if (!process.env.VITEST) {
  try {
    runPlan();
  } catch (err) {
    core.setFailed(errorMessage(err));
  }
}
