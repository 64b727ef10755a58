// Entry point of the post step: when main was cancelled, stopped while uploading or notifying, or killed,
// finish the report and do what main could not — the upload and the notifications not yet delivered.
import * as core from '@actions/core';
import { readFile, stat } from 'node:fs/promises';
import { assembleReport, logPaths } from './assemble.js';
import { parseConsoleLog, resolveEnvironment } from './build/collect.js';
import { killProcessGroup, processGroupAlive, processStartTime } from './build/run.js';
import { normalizeMatrix, parseLabels, readRunContext, readRunnerInfo } from './context.js';
import { errorMessage } from './errors.js';
import { finishBuild } from './finish.js';
import { loadNotifySettings } from './notify-settings.js';
import type { BuildReport } from './report.js';
import { scrub } from './secrets.js';
import { buildArgv, readSettings, type Settings } from './settings.js';
import { readState, type SavedState } from './state.js';

/** Stops what is left of the build's process group — only if its leader is still the process main started. */
function stopLeftovers(state: SavedState): void {
  if (state.pid === null || !processGroupAlive(state.pid)) return;
  const leaderStart = processStartTime(state.pid);
  if (state.pidStart !== null && leaderStart !== null && leaderStart !== state.pidStart) return;
  core.warning(`The build's processes (group ${state.pid}) were still running; stopping them.`);
  killProcessGroup(state.pid, 'SIGKILL');
}

/** The report main wrote, or one rebuilt from console.log on disk (status cancelled) when there is none. */
async function loadReport(state: SavedState, settings: Settings): Promise<BuildReport> {
  const paths = logPaths(settings.build.logDir);
  if (state.phase !== 'building') {
    const saved = await readFile(paths.reportFile, 'utf8')
      .then((text) => JSON.parse(text) as BuildReport)
      .catch(() => null);
    if (saved) return saved;
  }
  core.info('The main step ended before reporting; rebuilding the report from the console log.');
  const parse = await parseConsoleLog(paths.consoleLog);
  const lastWrite = await stat(paths.consoleLog).then(
    (s) => s.mtime,
    () => new Date(),
  );
  return assembleReport({
    build: settings.build,
    argv: buildArgv(settings.build),
    parse,
    run: { exitCode: null, signal: 'SIGKILL', startError: null, cancelSignal: 'SIGKILL', killed: true },
    cancelled: true,
    environment: await resolveEnvironment(parse.environment),
    context: { ...readRunContext(), matrix: normalizeMatrix(core.getInput('matrix')) },
    runner: readRunnerInfo(process.env, parseLabels(core.getInput('runner-labels'))),
    start: state.startTime ? new Date(state.startTime) : lastWrite,
    end: lastWrite,
    logs: paths,
  });
}

async function post(): Promise<void> {
  const state = readState();
  if (state.phase === null || state.phase === 'done') {
    // Main finished (or never started a build): nothing left to do.
    return;
  }
  stopLeftovers(state);
  // Main validated the inputs and saved them; post does not depend on the workspace still being there.
  const settings = state.settings ?? readSettings(core.getInput, process.env);
  if (state.logDir) settings.build.logDir = state.logDir;
  const notifySettings = await loadNotifySettings(core.getInput, process.env).catch((err) => {
    core.warning(`Notification settings are invalid: ${scrub(errorMessage(err))}`);
    return null;
  });
  const report = await loadReport(state, settings);
  await finishBuild(report, settings.logs, notifySettings, {
    skipUpload: state.uploaded,
    alreadyDelivered: state.delivered,
  });
  core.info(`Reported the ${report.status === 'cancelled' ? 'cancelled ' : ''}build: ${report.message}`);
}

post()
  .catch((err) => core.warning(`Post step could not finish the report: ${scrub(errorMessage(err))}`))
  .finally(() => setTimeout(() => process.exit(), 50).unref());
