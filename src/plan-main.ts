// Entry point of the `plan` action (plan/action.yml): the `packages` input → the build matrix of the
// reusable workflow. Names are checked with the main action's own grammar, so a typo fails here, in
// seconds on a hosted runner, instead of on every Jetson of the fleet.
import * as core from '@actions/core';
import { splitPackages, validatePackageName } from './build/packages.js';
import { errorMessage } from './errors.js';
import { MAX_MATRIX_LEGS, normalizeRunsOn, planMatrix } from './plan.js';

export function runPlan(getInput: (name: string) => string = core.getInput): void {
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
  const runsOnRaw = getInput('runs-on');
  const runsOn = runsOnRaw.trim() === '' ? null : normalizeRunsOn(runsOnRaw);

  core.setOutput('matrix', JSON.stringify({ include: plan.include }));
  core.setOutput('packages', JSON.stringify(plan.packages));
  core.setOutput('count', String(plan.packages.length));
  core.setOutput('legs', String(plan.include.length));
  core.setOutput('runs-on', runsOn ? JSON.stringify(runsOn) : '');

  const chunked = plan.include.length < plan.packages.length;
  core.info(
    `${plan.packages.length} package(s) → ${plan.include.length} matrix leg(s)` +
      (chunked ? ` (more than ${maxLegs}: each leg builds its chunk one package at a time)` : '') +
      (runsOn ? ` on ${JSON.stringify(runsOn)}` : ''),
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
