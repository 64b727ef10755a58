// Entry point of the action's main step: wire settings → build → report → logs → notifications.
import * as core from '@actions/core';
import { mkdir } from 'node:fs/promises';
import { assembleReport, logPaths } from './assemble.js';
import { resolveEnvironment } from './build/collect.js';
import { BuildStreamParser } from './build/parse.js';
import { BuildProcess } from './build/run.js';
import { normalizeMatrix, readRunContext, readRunnerInfo } from './context.js';
import { errorMessage } from './errors.js';
import { finishBuild, writeReport } from './finish.js';
import { loadNotifySettings } from './notify-settings.js';
import { scrub } from './secrets.js';
import { buildArgv, childEnv, readSettings } from './settings.js';
import { savePhase, savePid, saveStart } from './state.js';

async function main(): Promise<void> {
  const start = new Date();
  let settings;
  let notifySettings;
  try {
    settings = readSettings(core.getInput, process.env);
    notifySettings = await loadNotifySettings(core.getInput, process.env);
  } catch (err) {
    core.setFailed(scrub(errorMessage(err)));
    return;
  }
  const build = settings.build;
  const paths = logPaths(build.logDir);
  await mkdir(build.logDir, { recursive: true });
  saveStart({ logDir: build.logDir, startTime: start.toISOString() });
  savePhase('building');

  const argv = buildArgv(build);
  core.info(`Running ${argv.display}`);
  core.info(`Logs: ${build.logDir}`);
  const parser = new BuildStreamParser();
  const proc = new BuildProcess({
    command: argv.command,
    args: argv.args,
    cwd: build.workingDirectory,
    env: childEnv(process.env),
    consoleLogPath: paths.consoleLog,
    parser,
    out: process.stdout,
    onSpawn: savePid,
  });
  const onSignal = (signal: NodeJS.Signals): void => {
    process.stdout.write(
      `\nReceived ${signal}: stopping the build (signal forwarded to its process group).\n`,
    );
    proc.cancel(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const run = await proc.run();
  const end = new Date();
  const cancelled = run.cancelSignal !== null;
  // A killed group may leave a partial line behind; the parse from the stream is still complete.
  const parse = parser.result();
  const report = assembleReport({
    build,
    argv,
    parse,
    run,
    cancelled,
    environment: await resolveEnvironment(parse.environment),
    context: { ...readRunContext(), matrix: normalizeMatrix(core.getInput('matrix')) },
    runner: readRunnerInfo(),
    start,
    end,
    logs: paths,
  });

  if (cancelled) {
    // The runner sends SIGTERM 7.5 s after SIGINT and SIGKILL 2.5 s later: write the report now and let
    // post (which always runs) upload the logs and notify.
    await writeReport(report).catch(() => undefined);
    savePhase('reported');
    core.setOutput('status', report.status);
    core.setOutput('report-file', report.logs.reportFile);
    core.warning(
      `Build cancelled (${run.cancelSignal}); the post step uploads the logs and sends the notification.`,
    );
    process.exitCode = 1;
    return;
  }

  savePhase('finishing');
  const finished = await finishBuild(report, settings.logs, notifySettings);
  savePhase('done');
  core.info(report.message);
  if (report.status !== 'success') {
    if (build.failOnBuildError) core.setFailed(scrub(report.message));
    else core.warning(scrub(`${report.message} (not failing the step: fail-on-build-error is false)`));
  }
  if (notifySettings?.failOnError && finished.notifyFailed.length > 0) {
    core.setFailed(
      `${finished.notifyFailed.length} notification(s) not delivered (fail-on-notify-error is true).`,
    );
  }
}

main()
  .catch((err) => {
    core.setFailed(`jetson-build-action failed unexpectedly: ${scrub(errorMessage(err))}`);
  })
  .finally(() => {
    // Keep-alive sockets must not hold the step open once everything is written.
    setTimeout(() => process.exit(), 50).unref();
  });
