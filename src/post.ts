// Entry point of the post step: when main was cancelled or killed, finish the report (status cancelled),
// upload the logs and send the one notification main could not send.
import * as core from '@actions/core';
import { readFile, stat } from 'node:fs/promises';
import { assembleReport, logPaths } from './assemble.js';
import { parseConsoleLog, resolveEnvironment } from './build/collect.js';
import { killProcessGroup, processGroupAlive } from './build/run.js';
import { normalizeMatrix, readRunContext, readRunnerInfo } from './context.js';
import { errorMessage } from './errors.js';
import { finishBuild } from './finish.js';
import { loadNotifySettings } from './notify-settings.js';
import type { BuildReport } from './report.js';
import { scrub } from './secrets.js';
import { buildArgv, readSettings } from './settings.js';
import { readState } from './state.js';

async function post(): Promise<void> {
  const state = readState();
  if (state.phase === null || state.phase === 'done' || state.phase === 'finishing') {
    // Main reported (or never started a build): nothing left to do.
    return;
  }
  if (state.pid !== null && processGroupAlive(state.pid)) {
    core.warning(`The build's processes (group ${state.pid}) were still running; stopping them.`);
    killProcessGroup(state.pid, 'SIGKILL');
  }
  const settings = readSettings(core.getInput, process.env);
  const notifySettings = await loadNotifySettings(core.getInput, process.env).catch((err) => {
    core.warning(`Notification settings are invalid: ${scrub(errorMessage(err))}`);
    return null;
  });
  if (state.logDir) settings.build.logDir = state.logDir;
  const paths = logPaths(settings.build.logDir);

  let report: BuildReport | null = null;
  if (state.phase === 'reported') {
    report = await readFile(paths.reportFile, 'utf8')
      .then((text) => JSON.parse(text) as BuildReport)
      .catch(() => null);
  }
  if (report === null) {
    core.info('The main step ended before reporting; rebuilding the report from the console log.');
    const parse = await parseConsoleLog(paths.consoleLog);
    const lastWrite = await stat(paths.consoleLog).then(
      (s) => s.mtime,
      () => new Date(),
    );
    report = assembleReport({
      build: settings.build,
      argv: buildArgv(settings.build),
      parse,
      run: { exitCode: null, signal: 'SIGKILL', startError: null, cancelSignal: 'SIGKILL', killed: true },
      cancelled: true,
      environment: await resolveEnvironment(parse.environment),
      context: { ...readRunContext(), matrix: normalizeMatrix(core.getInput('matrix')) },
      runner: readRunnerInfo(),
      start: state.startTime ? new Date(state.startTime) : lastWrite,
      end: lastWrite,
      logs: paths,
    });
  }
  await finishBuild(report, settings.logs, notifySettings);
  core.info(`Reported the cancelled build: ${report.message}`);
}

post()
  .catch((err) => core.warning(`Post step could not finish the report: ${scrub(errorMessage(err))}`))
  .finally(() => setTimeout(() => process.exit(), 50).unref());
