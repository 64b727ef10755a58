// Entry point of the action's main step: wire settings → build → report → logs → notifications.
import * as core from '@actions/core';
import { mkdir } from 'node:fs/promises';
import { assembleReport, logPaths } from './assemble.js';
import { resolveEnvironment } from './build/collect.js';
import { BuildStreamParser } from './build/parse.js';
import { BuildProcess, processStartTime } from './build/run.js';
import { normalizeMatrix, parseLabels, readRunContext, readRunnerInfo } from './context.js';
import { errorMessage } from './errors.js';
import { finishBuild, writeReport } from './finish.js';
import { loadNotifySettings } from './notify-settings.js';
import { scrub } from './secrets.js';
import { buildArgv, childEnv, readSettings } from './settings.js';
import { saveDelivered, savePhase, savePid, saveStart, saveUploaded } from './state.js';

/**
 * After a cancel arrives while uploading or notifying, how long in-flight deliveries may still finish
 * before main hands the rest to post. The runner sends SIGTERM 7.5 s and SIGKILL 10 s after SIGINT.
 */
const HANDOFF_GRACE_MS = 2500;

type Stage = 'setup' | 'build' | 'finishing';

async function main(): Promise<void> {
  const start = new Date();
  // Signals are handled from the very start: a cancel before the build starts means no build at all.
  let stage: Stage = 'setup';
  let earlySignal: NodeJS.Signals | null = null;
  let proc: BuildProcess | null = null;
  let handOff: ((signal: NodeJS.Signals) => void) | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stage === 'build' && proc) {
      process.stdout.write(
        `\nReceived ${signal}: stopping the build (signal forwarded to its process group).\n`,
      );
      proc.cancel(signal);
    } else if (stage === 'finishing') {
      handOff?.(signal);
    } else {
      earlySignal ??= signal;
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let settings;
  let notifySettings;
  try {
    settings = readSettings(core.getInput, process.env);
    notifySettings = await loadNotifySettings(core.getInput, process.env);
  } catch (err) {
    core.setFailed(scrub(errorMessage(err)));
    return;
  }
  if (earlySignal) {
    core.warning(`Cancelled (${earlySignal}) before the build started; nothing was built.`);
    process.exitCode = 1;
    return;
  }
  const build = settings.build;
  const paths = logPaths(build.logDir);
  await mkdir(build.logDir, { recursive: true });
  saveStart({ logDir: build.logDir, startTime: start.toISOString(), settings });
  savePhase('building');

  const argv = buildArgv(build);
  core.info(`Running ${argv.display}`);
  core.info(`Logs: ${build.logDir}`);
  const parser = new BuildStreamParser();
  proc = new BuildProcess({
    command: argv.command,
    args: argv.args,
    cwd: build.workingDirectory,
    env: childEnv(process.env),
    consoleLogPath: paths.consoleLog,
    parser,
    out: process.stdout,
    onSpawn: (pid) => savePid(pid, processStartTime(pid)),
  });
  stage = 'build';
  const run = await proc.run();
  const end = new Date();
  const cancelled = run.cancelSignal !== null;
  const parse = parser.result();
  const report = assembleReport({
    build,
    argv,
    parse,
    run,
    cancelled,
    environment: await resolveEnvironment(parse.environment),
    context: { ...readRunContext(), matrix: normalizeMatrix(core.getInput('matrix')) },
    runner: readRunnerInfo(process.env, parseLabels(core.getInput('runner-labels'))),
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

  // Uploading and notifying can take minutes. A cancel now must not lose them: main records what it has
  // done as it goes, and on a signal gives in-flight deliveries a moment, then leaves the rest to post.
  stage = 'finishing';
  savePhase('finishing');
  const delivered = new Set<string>();
  const handedOff = new Promise<NodeJS.Signals>((resolve) => (handOff = resolve));
  const finishing = finishBuild(report, settings.logs, notifySettings, {
    onUploaded: saveUploaded,
    onDelivered: (source) => {
      delivered.add(source);
      saveDelivered(delivered);
    },
  });
  const first = await Promise.race([finishing.then(() => null), handedOff]);
  if (first !== null) {
    await Promise.race([finishing, new Promise((resolve) => setTimeout(resolve, HANDOFF_GRACE_MS))]);
    await writeReport(report).catch(() => undefined);
    savePhase('reported');
    core.warning(
      `Received ${first} while uploading logs or notifying; the post step finishes what is left (${delivered.size} notification(s) already delivered).`,
    );
    process.exitCode = 1;
    return;
  }
  const finished = await finishing;
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
