// Entry point of the `summarize` action (summarize/action.yml): every leg's report.json → one RunReport →
// run-report.json, outputs, the job summary and ONE notification for the whole matrix run.
// The pure parts live in run-report.ts, run-summary.ts and notify/render/run-*.ts; this file does the I/O.
import { parseBoolean } from '../runner/inputs.js';
import * as core from '@actions/core';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readRunContext } from '../runner/context.js';
import { errorMessage } from '../runner/errors.js';
import type { BuildReport } from '../report/build-report.js';
import {
  buildRunReport,
  checkBuildReport,
  parseLegRecord,
  selectPlanned,
  type LegRecord,
  type RunReport,
} from '../report/run-report.js';
import { registerSecret, scrub, scrubDeep } from '../runner/secrets.js';
import type { ChangeState, NotifySettings } from '../notify/types.js';

type Env = Record<string, string | undefined>;

/** Bounds on the search, so a wrong `reports` path (say `/`) cannot walk the whole disk. */
const MAX_FILES = 20_000;
const MAX_DEPTH = 12;
const MAX_REPORT_BYTES = 32 * 1024 * 1024;
export const REPORT_FILE_NAME = 'report.json';
export const LEG_FILE_NAME = 'jetson-leg.json';

export interface FoundFiles {
  reports: string[];
  legs: string[];
}

/** Walks `dir` (bounded) for report.json and jetson-leg.json files. */
export async function walkForReports(
  dir: string,
  found: FoundFiles = { reports: [], legs: [] },
): Promise<FoundFiles> {
  let visited = 0;
  const walk = async (current: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH || visited > MAX_FILES) return;
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (++visited > MAX_FILES) return;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full, depth + 1);
      else if (entry.isFile() && entry.name === REPORT_FILE_NAME) found.reports.push(full);
      else if (entry.isFile() && entry.name === LEG_FILE_NAME) found.legs.push(full);
    }
  };
  await walk(dir, 0);
  return found;
}

/**
 * The `reports` input: folders (searched recursively) or glob patterns, one per line. A matched file counts
 * whatever its name when it ends in `.json` (so `out/*.json` works); folders are searched for report.json.
 */
export async function findReportFiles(spec: string, cwd: string = process.cwd()): Promise<FoundFiles> {
  const found: FoundFiles = { reports: [], legs: [] };
  const lines = spec
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  for (const line of lines) {
    const abs = path.resolve(cwd, line);
    const isGlob = /[*?[\]{}]/.test(line);
    if (!isGlob) {
      const s = await stat(abs).catch(() => null);
      if (s?.isDirectory()) await walkForReports(abs, found);
      else if (s?.isFile()) (path.basename(abs) === LEG_FILE_NAME ? found.legs : found.reports).push(abs);
      else core.warning(`reports: '${line}' does not exist.`);
      continue;
    }
    const glob = await import('@actions/glob');
    const globber = await glob.create(abs, { matchDirectories: true, implicitDescendants: false });
    for await (const match of globber.globGenerator()) {
      const s = await stat(match).catch(() => null);
      if (s?.isDirectory()) await walkForReports(match, found);
      else if (s?.isFile() && match.endsWith('.json')) {
        (path.basename(match) === LEG_FILE_NAME ? found.legs : found.reports).push(match);
      }
      if (found.reports.length + found.legs.length > MAX_FILES) break;
    }
  }
  found.reports = [...new Set(found.reports)];
  found.legs = [...new Set(found.legs)];
  return found;
}

/** Reads and checks report files; a malformed one is a warning, never a crash. */
export async function loadReports(files: string[], warn: (msg: string) => void): Promise<BuildReport[]> {
  const reports: BuildReport[] = [];
  for (const file of files) {
    try {
      const s = await stat(file);
      if (s.size > MAX_REPORT_BYTES) {
        warn(`${file}: ${s.size} bytes is too large for a report.json; skipped.`);
        continue;
      }
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      const checked = checkBuildReport(parsed);
      if (checked.ok) reports.push(checked.report);
      else warn(`${file} is not a usable report.json (${checked.reason}); skipped.`);
    } catch (err) {
      warn(`${file} could not be read as JSON (${errorMessage(err)}); skipped.`);
    }
  }
  return reports;
}

export async function loadLegs(files: string[], warn: (msg: string) => void): Promise<LegRecord[]> {
  const legs: LegRecord[] = [];
  for (const file of files) {
    try {
      const leg = parseLegRecord(JSON.parse(await readFile(file, 'utf8')));
      if (leg) legs.push(leg);
      else warn(`${file} is not a leg record; skipped.`);
    } catch (err) {
      warn(`${file} could not be read as JSON (${errorMessage(err)}); skipped.`);
    }
  }
  return legs;
}

/** The `packages` input: a JSON array (the plan's output) or names separated by spaces, commas or newlines. */
export function parsePlanned(input: string): string[] {
  const text = input.trim();
  if (text === '') return [];
  if (text.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(text);
      if (Array.isArray(list) && list.every((x) => typeof x === 'string')) return list;
    } catch {
      // Fall through: treat it as a plain list.
    }
  }
  return text.split(/[\s,]+/).filter((p) => p !== '');
}

/**
 * The `needs` input: `{"plan":{"result":…},"build":{"result":…}}` as the workflow writes it (`${{ toJSON(needs) }}`
 * works too, but carries every job output). Malformed → {} with a warning.
 */
export function parseNeeds(input: string, warn: (msg: string) => void): unknown {
  const text = input.trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    warn(
      `needs is not JSON; pass {"plan":{"result":"\${{ needs.plan.result }}"},"build":{"result":"\${{ needs.build.result }}"}}. Ignored.`,
    );
    return {};
  }
}

function readBool(name: string, fallback: boolean): boolean {
  return parseBoolean(name, core.getInput(name), fallback);
}

/**
 * `discord-message-id`: the plan's live run message, which the final result replaces in place (a deleted one
 * is posted anew by delivery). Not an id → one warning, and the result is posted as a new message.
 */
function liveMessageEdit(): string | null {
  const id = core.getInput('discord-message-id').trim();
  if (id === '') return null;
  if (/^\d{1,20}(?::\d{1,20})?$/.test(id)) return id;
  core.warning(
    scrub(
      `Input 'discord-message-id' is ${JSON.stringify(id.slice(0, 40))}: expected a Discord message id (digits, the plan's discord-message-id output); the summary is posted as a new message.`,
    ),
  );
  return null;
}

/**
 * `notify-on: change` for the whole run: its result against the previous completed run of the workflow on
 * this branch, asked only when a target fires on change; anything in the way is `unknown` with one warning.
 */
async function runChange(run: RunReport, settings: NotifySettings): Promise<ChangeState> {
  try {
    const { wantsChange, NO_TOKEN_WARNING } = await import('../notify/change.js');
    if (!wantsChange(settings.targets)) return 'unknown';
    const { previousRunChange } = await import('../runner/github.js');
    const answer = await previousRunChange(run.status, settings.githubToken);
    // A missing token was told with the setup notices.
    if (answer.warning !== null && answer.warning !== NO_TOKEN_WARNING) core.warning(scrub(answer.warning));
    return answer.change;
  } catch (err) {
    core.warning(scrub(`notify-on change: ${errorMessage(err)}; notifying as always.`));
    return 'unknown';
  }
}

async function notifyRun(
  run: RunReport,
  settings: NotifySettings | null,
): Promise<{ notifications: string; messageId: string; failed: number }> {
  if (!settings || settings.targets.length === 0) return { notifications: '[]', messageId: '', failed: 0 };
  const { notify, summarizeResults, notificationOutputs } = await import('../notify/index.js');
  const { renderRunDiscord } = await import('../notify/render/run-discord.js');
  const { renderRunGeneric } = await import('../notify/render/run-generic.js');
  const live = liveMessageEdit();
  const outcome = await notify(
    run,
    settings,
    async (target, ctx) => {
      // Templates render from a scrubbed run: escaping would hide a secret from a scrub of the text.
      const templates = target.templates ?? { message: null, payload: null };
      if (target.format === 'discord') {
        return renderRunDiscord(scrubDeep(run), settings.discord, ctx, templates.message);
      }
      if (target.format === 'slack') {
        const { renderRunSlack } = await import('../notify/render/run-slack.js');
        return renderRunSlack(scrubDeep(run), { messageTemplate: templates.message }, ctx);
      }
      if (target.format === 'teams') {
        const { renderRunTeams } = await import('../notify/render/run-teams.js');
        return renderRunTeams(scrubDeep(run), { messageTemplate: templates.message }, ctx);
      }
      return renderRunGeneric(scrubDeep(run), templates.payload, ctx);
    },
    {
      ...(live ? { edit: { 'discord-webhook-url': live } } : {}),
      change: await runChange(run, settings),
      warn: (m) => core.warning(scrub(m)),
      log: (m) => core.info(scrub(m)),
    },
  );
  for (const f of outcome.failed) {
    core.warning(
      scrub(`Notification to ${f.url} (${f.source}) was not delivered: ${f.error ?? 'unknown error'}`),
      {
        title: 'Notification not delivered',
      },
    );
  }
  core.info(summarizeResults(outcome.results));
  const out = notificationOutputs(outcome.results);
  if (outcome.failed.length > 0 && settings.failOnError) {
    core.setFailed(`${outcome.failed.length} notification(s) could not be delivered.`);
  }
  return { ...out, failed: outcome.failed.length };
}

export async function runSummarize(
  env: Env = process.env,
  now: () => Date = () => new Date(),
): Promise<RunReport> {
  const warn = (msg: string): void => core.warning(scrub(msg));
  const failOnBuildError = readBool('fail-on-build-error', true);
  const failFast = readBool('fail-fast', false);
  // Checked now with the other booleans: a bad value fails the step, as check-run and compare-size do.
  readBool('pr-comment', false);
  // Read first: it registers every secret, and everything below is scrubbed of them.
  const notifySettings = await readNotifySettings(env);
  const { reports, legs, planned } = await gatherReports(env, warn);
  const built = buildRunReport({
    reports,
    legs,
    planned,
    needs: parseNeeds(core.getInput('needs'), warn),
    context: readRunContext('', env),
    now: now(),
    failFast,
  });
  // Rendered from the scrubbed run: markdown escaping would otherwise hide a secret from a scrub of the text.
  const run = scrubDeep(built);
  const reportFile = await writeRunReport(run, env, warn);
  // Each sink fails on its own: outputs, summary and notifications never take each other down.
  try {
    setRunOutputs(run, reportFile);
  } catch (err) {
    warn(`Could not set the step outputs (GITHUB_OUTPUT): ${errorMessage(err)}`);
  }
  if (env.GITHUB_STEP_SUMMARY) {
    try {
      const { renderRunSummary } = await import('../report/run-summary.js');
      await core.summary.addRaw(scrub(renderRunSummary(run)), true).write();
    } catch (err) {
      warn(`Could not write the job summary: ${errorMessage(err)}`);
    }
  }
  await printNotices(notifySettings, env);
  await notifyAndSetOutputs(run, notifySettings, warn);
  await runComment(run, env).catch((err) => warn(`pr-comment: ${errorMessage(err)}`));
  const line = `Run ${run.status}: ${run.message}`;
  if (run.status === 'failure' && failOnBuildError) core.setFailed(scrub(line));
  else if (run.status === 'success') core.info(scrub(line));
  else core.warning(scrub(line));
  return run;
}

/**
 * `pr-comment`: one sticky comment on the pull request for the whole run (bounded, 10 s at most; a warning
 * at worst, never the run's result).
 */
async function runComment(run: RunReport, env: Env): Promise<void> {
  let wanted: boolean;
  try {
    wanted = readBool('pr-comment', false);
  } catch (err) {
    core.warning(scrub(`${errorMessage(err)}; no pull request comment.`), { title: 'Pull request comment' });
    return;
  }
  if (!wanted) return;
  const token = core.getInput('github-token');
  registerSecret(token);
  const { commentOnRun } = await import('../github/pr-comment.js');
  const { readGitHubRun } = await import('../runner/github.js');
  await commentOnRun(
    run,
    token || null,
    {
      debug: (m) => core.debug(m),
      info: (m) => core.info(scrub(m)),
      notice: (m) => core.notice(scrub(m), { title: 'Pull request comment' }),
      warn: (m) => core.warning(scrub(m), { title: 'Pull request comment' }),
    },
    { run: readGitHubRun(env) },
  );
}

/** The leg reports and records found under the `reports` input, kept to the packages this run planned. */
async function gatherReports(
  env: Env,
  warn: (msg: string) => void,
): Promise<{ reports: BuildReport[]; legs: LegRecord[]; planned: string[] }> {
  const spec = core.getInput('reports') || 'jetson-reports';
  const found = await findReportFiles(spec, env.GITHUB_WORKSPACE || process.cwd());
  const loaded = await loadReports(found.reports, warn);
  const loadedLegs = await loadLegs(found.legs, warn);
  core.info(
    `Found ${loaded.length} report(s) and ${loadedLegs.length} leg record(s) under ${spec.replace(/\n/g, ', ')}.`,
  );
  const planned = parsePlanned(core.getInput('packages'));
  const { reports, legs, ignored } = selectPlanned(loaded, loadedLegs, planned);
  if (ignored.length > 0) {
    const shown = ignored.slice(0, 20).join('; ');
    core.notice(
      scrub(
        `Ignored ${ignored.length} file(s) for packages that were not planned (another run of the workflow?): ` +
          shown +
          (ignored.length > 20 ? ` and ${ignored.length - 20} more` : '') +
          '.',
      ),
      { title: 'Reports not planned' },
    );
  }
  return { reports, legs, planned };
}

/** run-report.json under RUNNER_TEMP (scrubbed: it is read by whatever comes next); its path either way. */
async function writeRunReport(run: RunReport, env: Env, warn: (msg: string) => void): Promise<string> {
  const dir = path.join(env.RUNNER_TEMP || os.tmpdir(), 'jetson-build-summary');
  const reportFile = path.join(dir, 'run-report.json');
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(reportFile, JSON.stringify(scrubDeep(run), null, 2) + '\n');
  } catch (err) {
    warn(`Could not write run-report.json: ${errorMessage(err)}`);
  }
  return reportFile;
}

function setRunOutputs(run: RunReport, reportFile: string): void {
  const json = (value: unknown): string => JSON.stringify(scrubDeep(value));
  core.setOutput('status', run.status);
  core.setOutput('failed-packages', json(run.failed_packages));
  core.setOutput('missing-packages', json(run.missing_packages));
  core.setOutput('images', json(run.images));
  core.setOutput('report-file', reportFile);
  core.setOutput('packages', json(run.runs.map((r) => ({ name: r.name, status: r.status, image: r.image }))));
}

/** The setup notices (no target, a Slack or Teams URL, change without a token); none for invalid inputs. */
async function printNotices(settings: NotifySettings | null, env: Env): Promise<void> {
  const { wantsNotifications } = await import('../notify/settings.js');
  // Invalid inputs failed the step already, naming the input: "no target" would only mislead.
  if (settings === null && wantsNotifications(core.getInput, env)) return;
  const { setupNotices } = await import('../notify/notices.js');
  const { notices, warnings } = setupNotices(settings, core.getInput('notify-on'), {
    'message-template': core.getInput('message-template'),
    'payload-template': core.getInput('payload-template'),
    'payload-template-file': core.getInput('payload-template-file'),
  });
  for (const n of notices) core.notice(n, { title: 'No notification target' });
  for (const w of warnings) core.warning(scrub(w), { title: 'Notification setup' });
}

/** The notification settings, or null (with the step failed, naming the input) when they are invalid. */
async function readNotifySettings(env: Env): Promise<NotifySettings | null> {
  try {
    const { loadNotifySettings } = await import('../notify/settings.js');
    return await loadNotifySettings(core.getInput, env);
  } catch (err) {
    // Bad notification inputs name the input; they never hide the run's result.
    core.setFailed(scrub(errorMessage(err)));
    return null;
  }
}

async function notifyAndSetOutputs(
  run: RunReport,
  settings: NotifySettings | null,
  warn: (msg: string) => void,
): Promise<void> {
  let notifications = '[]';
  let messageId = '';
  try {
    const n = await notifyRun(run, settings);
    notifications = n.notifications;
    messageId = n.messageId;
  } catch (err) {
    // Bad notification inputs name the input; they never hide the run's result.
    core.setFailed(scrub(errorMessage(err)));
  }
  try {
    core.setOutput('notifications', notifications);
    core.setOutput('message-id', messageId);
  } catch (err) {
    warn(`Could not set the step outputs (GITHUB_OUTPUT): ${errorMessage(err)}`);
  }
}

// Run only as the bundled entry point (dist/summarize.js), not when a test imports this module.
if (process.env.JETSON_BUILD_SUMMARIZE_NO_MAIN !== '1' && !process.env.VITEST) {
  runSummarize().catch((err: unknown) => core.setFailed(scrub(errorMessage(err))));
}
