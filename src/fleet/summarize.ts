// Entry point of the `summarize` action (summarize/action.yml): every leg's report.json → one RunReport →
// run-report.json, outputs, the job summary and ONE notification for the whole matrix run.
// The pure parts live in run-report.ts, run-summary.ts and notify/render/run-*.ts; this file does the I/O.
import { parseBoolean } from '../runner/inputs.js';
import * as core from '@actions/core';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import {
  closeSync,
  constants as fsConstants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  type Dirent,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRunContext } from '../runner/context.js';
import { errorMessage } from '../runner/errors.js';
import type { BuildReport } from '../report/build-report.js';
import {
  buildRunReport,
  checkBuildReport,
  inferPlatforms,
  parseLegRecord,
  selectPlanned,
  type LegRecord,
  type RunReport,
  type RunReportInput,
} from '../report/run-report.js';
import { registerSecret, scrub, scrubDeep } from '../runner/secrets.js';
import type { ChangeState, NotifySettings } from '../notify/types.js';

type Env = Record<string, string | undefined>;

/** Bounds on the search, so a wrong `reports` path (say `/`) cannot walk the whole disk. */
const MAX_FILES = 20_000;
const MAX_DEPTH = 12;
const MAX_REPORT_BYTES = 32 * 1024 * 1024;
/** A leg record names one leg's packages: 5000 names fit in well under a megabyte. */
const MAX_LEG_BYTES = 4 * 1024 * 1024;
export const REPORT_FILE_NAME = 'report.json';
export const LEG_FILE_NAME = 'jetson-leg.json';

export interface FoundFiles {
  reports: string[];
  legs: string[];
}

/**
 * Every report.json and jetson-leg.json under `dir`, depth-first in name order, at most MAX_DEPTH folders deep
 * and MAX_FILES entries looked at. Synchronous: summarize has nothing else to do meanwhile, and each
 * asynchronous listing cost a thread-pool round trip (2000 leg folders: 44 → under 20 ms).
 */
export async function walkForReports(
  dir: string,
  found: FoundFiles = { reports: [], legs: [] },
): Promise<FoundFiles> {
  let visited = 0;
  const walk = (current: string, depth: number): void => {
    if (depth > MAX_DEPTH || visited > MAX_FILES) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((x, y) => byName(x.name, y.name));
    for (const entry of entries) {
      if (++visited > MAX_FILES) return;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (entry.isFile() && entry.name === REPORT_FILE_NAME) found.reports.push(full);
      else if (entry.isFile() && entry.name === LEG_FILE_NAME) found.legs.push(full);
    }
  };
  walk(dir, 0);
  return found;
}

/** Folder entries in name order; names the locale calls equal (`a` and `a` + a zero-width space) by code unit. */
function byName(a: string, b: string): number {
  return a.localeCompare(b) || (a < b ? -1 : a > b ? 1 : 0);
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

/**
 * Non-blocking: reads are synchronous, so a FIFO swapped in for a report after the walk saw a file must not
 * block the open (it then reads as empty, or fails, and is skipped with a warning).
 */
const READ_FLAGS = fsConstants.O_RDONLY | fsConstants.O_NONBLOCK;

/** A file read: what it held, or the warning to print (in file order, after all are read). */
type Read<T> = { value: T } | { warning: string };

/**
 * Each file through `read`, one after the other with synchronous reads: summarize has nothing else to do
 * meanwhile, and 4000 small files read asynchronously (16 at a time) cost three thread-pool round trips each.
 */
function readEach<T>(files: string[], warn: (msg: string) => void, read: (file: string) => Read<T>): T[] {
  const out: T[] = [];
  for (const file of files) {
    const r = read(file);
    if ('value' in r) out.push(r.value);
    else warn(r.warning);
  }
  return out;
}

/** Reads and checks report files; a malformed one is a warning, never a crash. */
export async function loadReports(files: string[], warn: (msg: string) => void): Promise<BuildReport[]> {
  return readEach(files, warn, (file): Read<BuildReport> => {
    try {
      // One open: the size is read from the descriptor the file is then read through (a path stat first cost a
      // second lookup per report: a quarter of summarize's time for 2000 reports).
      const fd = openSync(file, READ_FLAGS);
      let text: string;
      try {
        const { size } = fstatSync(fd);
        if (size > MAX_REPORT_BYTES) {
          return { warning: `${file}: ${size} bytes is too large for a report.json; skipped.` };
        }
        // The size is known: one read of it (readFile would ask for the size again).
        const buffer = Buffer.allocUnsafe(size);
        let filled = 0;
        while (filled < size) {
          const bytesRead = readSync(fd, buffer, filled, size - filled, filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        text = buffer.toString('utf8', 0, filled);
      } finally {
        closeSync(fd);
      }
      const checked = checkBuildReport(JSON.parse(text));
      if (checked.ok) return { value: checked.report };
      return { warning: `${file} is not a usable report.json (${checked.reason}); skipped.` };
    } catch (err) {
      return { warning: `${file} could not be read as JSON (${errorMessage(err)}); skipped.` };
    }
  });
}

/**
 * A small file's text without asking for its size first (a leg record is a few hundred bytes: the size lookup
 * was a fifth of the system calls summarize made); null when it holds more than `cap` bytes.
 */
function readSmall(file: string, cap: number): string | null {
  const fd = openSync(file, READ_FLAGS);
  try {
    let buffer = Buffer.allocUnsafe(Math.min(cap + 1, 16 * 1024));
    let filled = 0;
    while (true) {
      filled += readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (filled > cap) return null;
      // A read that does not fill the buffer ends a regular file.
      if (filled < buffer.length) break;
      const grown = Buffer.allocUnsafe(Math.min(cap + 1, buffer.length * 4));
      buffer.copy(grown, 0, 0, filled);
      buffer = grown;
    }
    return buffer.toString('utf8', 0, filled);
  } finally {
    closeSync(fd);
  }
}

export async function loadLegs(files: string[], warn: (msg: string) => void): Promise<LegRecord[]> {
  return readEach(files, warn, (file): Read<LegRecord> => {
    try {
      const text = readSmall(file, MAX_LEG_BYTES);
      if (text === null) {
        return {
          warning: `${file}: more than ${MAX_LEG_BYTES} bytes is too large for a leg record; skipped.`,
        };
      }
      const leg = parseLegRecord(JSON.parse(text));
      return leg ? { value: leg } : { warning: `${file} is not a leg record; skipped.` };
    } catch (err) {
      return { warning: `${file} could not be read as JSON (${errorMessage(err)}); skipped.` };
    }
  });
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

/** A planned platform, as the plan's `platforms` output lists it. */
export interface PlannedPlatform {
  name: string;
  labels: string[];
}

/**
 * The `platforms` input: the plan's `platforms` output, a JSON array of {"name","labels"} (`[]` or empty: one
 * platform). Anything else is a wiring mistake of the workflow: an error naming the input and the value.
 */
export function parsePlatforms(input: string): PlannedPlatform[] {
  const text = input.trim();
  if (text === '') return [];
  const shown = JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
  const bad = (why: string): Error =>
    new Error(
      `Input 'platforms' is ${shown}: ${why}. Pass the plan's platforms output (\${{ needs.plan.outputs.platforms }}), ` +
        'a JSON array of {"name": "jp6-orin", "labels": ["self-hosted", "orin"]}, or leave it empty for one platform.',
    );
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    throw bad('not JSON');
  }
  if (!Array.isArray(list)) throw bad('not a JSON array');
  const seen = new Set<string>();
  return list.map((entry: unknown, i) => {
    const e = (entry ?? {}) as { name?: unknown; labels?: unknown };
    if (typeof e.name !== 'string' || e.name.trim() === '') throw bad(`entry ${i} has no name`);
    if (seen.has(e.name)) throw bad(`the platform ${JSON.stringify(e.name)} is listed twice`);
    seen.add(e.name);
    if (!Array.isArray(e.labels) || !e.labels.every((l) => typeof l === 'string')) {
      throw bad(`the labels of ${JSON.stringify(e.name)} are not a list of strings`);
    }
    return { name: e.name, labels: e.labels as string[] };
  });
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
 * `notify-on: change`, asked only when a target fires on change: per cell against the previous run's run
 * report (a cell that breaks in a run that was already failing is news), else - no report to read - the run's
 * result against the previous run's. Sets each row's `change`. Anything in the way: one warning, never a failure.
 */
async function runChange(
  run: RunReport,
  settings: NotifySettings | null,
  env: Env,
): Promise<{ run: RunReport; change: ChangeState }> {
  if (!settings) return { run, change: 'unknown' };
  try {
    const { wantsChange, NO_TOKEN_WARNING } = await import('../notify/change.js');
    if (!wantsChange(settings.targets)) return { run, change: 'unknown' };
    const { previousRunChange, readGitHubRun } = await import('../runner/github.js');
    const answer = await previousRunChange(run.status, settings.githubToken);
    // A missing token was told with the setup notices.
    if (answer.warning !== null && answer.warning !== NO_TOKEN_WARNING) core.warning(scrub(answer.warning));
    if (answer.previousRunId === null) return { run, change: answer.change };
    const { findPreviousRunReport } = await import('../github/previous-run-report.js');
    const previous = await findPreviousRunReport({
      token: settings.githubToken,
      run: readGitHubRun(env),
      previousRunId: answer.previousRunId,
      cells: run.runs.map((r) => ({ package: r.name, platform: r.platform })),
      tempDir: env.RUNNER_TEMP || os.tmpdir(),
      info: (m) => core.info(scrub(m)),
    });
    if (previous.warning !== null) core.warning(scrub(previous.warning));
    if (previous.report === null) return { run, change: answer.change };
    const { applyCellChanges } = await import('../report/cell-change.js');
    const cells = applyCellChanges(previous.report, run);
    if (cells.change === 'unknown') return { run, change: answer.change };
    core.info(
      `notify-on change: ${cells.change}, ${cells.compared} cell(s) against ${previous.artifact ?? 'the run report'} of run ${answer.previousRunId}.`,
    );
    return { run: scrubDeep(cells.run), change: cells.change };
  } catch (err) {
    core.warning(scrub(`notify-on change: ${errorMessage(err)}; notifying as always.`));
    return { run, change: 'unknown' };
  }
}

async function notifyRun(
  run: RunReport,
  settings: NotifySettings | null,
  change: ChangeState,
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
      change,
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
  const given = parsePlatforms(core.getInput('platforms'));
  const { reports, legs, planned, lostReports } = await gatherReports(env, warn, given);
  const platforms = given.length > 0 ? given : inferredPlatforms(reports, legs);
  const built = buildRunReport({
    reports,
    legs,
    planned,
    platforms,
    needs: parseNeeds(core.getInput('needs'), warn),
    context: readRunContext('', env),
    now: now(),
    failFast,
    warn,
    lostReports,
  });
  // Rendered from the scrubbed run: markdown escaping would otherwise hide a secret from a scrub of the text.
  // Each row's change is known before anything is written: the report and the summary show it too.
  const { run, change } = await runChange(scrubDeep(built), notifySettings, env);
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
  await notifyAndSetOutputs(run, notifySettings, change, warn);
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

/**
 * Without the `platforms` input, the platforms the legs name (two or more) are the grid's columns, so that
 * no platform's cell overwrites another's: one notice says so.
 */
function inferredPlatforms(reports: BuildReport[], legs: LegRecord[]): PlannedPlatform[] {
  const platforms = inferPlatforms(reports, legs);
  if (platforms.length === 0) return [];
  const names = platforms.map((p) => p.name);
  const shown = names.slice(0, 10).join(', ') + (names.length > 10 ? ` and ${names.length - 10} more` : '');
  core.notice(
    scrub(
      `The platforms input is empty, but the legs ran on ${names.length} platforms (${shown}): they are the grid's columns. ` +
        "Pass the plan's platforms output (${{ needs.plan.outputs.platforms }}) for the planned order and a column for a platform no leg reported.",
    ),
    { title: 'Platforms' },
  );
  return platforms;
}

/**
 * The leg reports and records found under the `reports` input, kept to the packages (and platforms, when
 * given) this run planned.
 */
async function gatherReports(
  env: Env,
  warn: (msg: string) => void,
  platforms: PlannedPlatform[],
): Promise<{
  reports: BuildReport[];
  legs: LegRecord[];
  planned: string[];
  lostReports: NonNullable<RunReportInput['lostReports']>;
}> {
  const spec = core.getInput('reports') || 'jetson-reports';
  const cwd = env.GITHUB_WORKSPACE || process.cwd();
  const planned = parsePlanned(core.getInput('packages'));
  const lostReports = await downloadReports(spec, cwd, env, planned, platforms);
  const found = await findReportFiles(spec, cwd);
  const loaded = await loadReports(found.reports, warn);
  const loadedLegs = await loadLegs(found.legs, warn);
  core.info(
    `Found ${loaded.length} report(s) and ${loadedLegs.length} leg record(s) under ${spec.replace(/\n/g, ', ')}.`,
  );
  const { reports, legs, ignored } = selectPlanned(
    loaded,
    loadedLegs,
    planned,
    platforms.map((p) => p.name),
  );
  if (ignored.length > 0) {
    const shown = ignored.slice(0, 20).join('; ');
    const what = platforms.length > 0 ? 'packages or platforms' : 'packages';
    core.notice(
      scrub(
        `Ignored ${ignored.length} file(s) for ${what} that were not planned (another run of the workflow?): ` +
          shown +
          (ignored.length > 20 ? ` and ${ignored.length - 20} more` : '') +
          '.',
      ),
      { title: 'Reports not planned' },
    );
  }
  return { reports, legs, planned, lostReports };
}

/** Per artifact: a download may take this long (a report and a leg record, a few KB). */
const ARTIFACT_TIMEOUT_MS = 60_000;

/**
 * `report-artifacts`: every matching artifact of this run into the first `reports` folder, each on its own.
 * The ones that failed are one warning naming them, and their cells (from the plan) `missing` for that reason.
 */
async function downloadReports(
  spec: string,
  cwd: string,
  env: Env,
  planned: string[],
  platforms: PlannedPlatform[],
): Promise<NonNullable<RunReportInput['lostReports']>> {
  const pattern = core.getInput('report-artifacts').trim();
  if (pattern === '') return [];
  const token = core.getInput('github-token').trim();
  registerSecret(token);
  const { apiSource, downloadRunArtifacts, lostCells, runnerSource } = await import('./download.js');
  const { readGitHubRun } = await import('../runner/github-run.js');
  const api = apiSource(token, readGitHubRun(env), ARTIFACT_TIMEOUT_MS);
  const dir = path.resolve(
    cwd,
    spec
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l !== '') ?? 'jetson-reports',
  );
  const result = await downloadRunArtifacts({
    pattern,
    dir,
    sources: [...(api ? [api] : []), runnerSource(ARTIFACT_TIMEOUT_MS)],
    info: (m) => core.info(scrub(m)),
    notice: (m) => core.notice(scrub(m), { title: 'Report artifacts' }),
    warning: (m) => core.warning(scrub(m), { title: 'Report artifacts' }),
  });
  core.info(`Downloaded ${result.downloaded.length} report artifact(s) into ${dir}.`);
  if (result.failed.length === 0) return [];
  const shown = result.failed.slice(0, 20).map((f) => `${f.name} (${f.error})`);
  core.warning(
    scrub(
      `${result.failed.length} report artifact(s) could not be downloaded: ${shown.join('; ')}` +
        (result.failed.length > 20 ? ` and ${result.failed.length - 20} more` : '') +
        ". Their legs' packages without another report are missing for that reason.",
    ),
    { title: 'Report artifacts not downloaded' },
  );
  return lostCells(result.failed, pattern, planned, platforms);
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
  core.setOutput('failed', json(run.failed));
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
  change: ChangeState,
  warn: (msg: string) => void,
): Promise<void> {
  let notifications = '[]';
  let messageId = '';
  try {
    const n = await notifyRun(run, settings, change);
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
  runSummarize()
    .catch((err: unknown) => core.setFailed(scrub(errorMessage(err))))
    // Done: a download @actions/artifact was told to abandon may still be retrying inside the library; it must
    // not hold the job for another half minute (the exit code is the one core set).
    .finally(() => setTimeout(() => process.exit(), 50).unref());
}
