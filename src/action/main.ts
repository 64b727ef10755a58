// Entry point of the action's main step: wire settings → build → report → logs → notifications.
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { assembleReport, logPaths, setupFailureReport } from '../report/assemble.js';
import { resolveEnvironment } from '../jetson/collect.js';
import { BuildStreamParser } from '../jetson/parse/index.js';
import { BuildProcess, processStartTime, type RunResult } from '../jetson/run.js';
import {
  normalizeMatrix,
  parseLabels,
  readRunContext,
  readRunnerInfo,
  rememberJobUrl,
} from '../runner/context.js';
import { errorMessage } from '../runner/errors.js';
import {
  fallbackDir,
  finishBuild,
  type FinishResult,
  prepareLogDir,
  removeLeftoverReport,
  writeConsoleNote,
  writeReport,
} from './finish.js';
import { loadNotifySettings } from '../notify/settings.js';
import { announceStart, printSetupNotices } from './notify-start.js';
import type { LiveStatus } from '../notify/live.js';
import type { DeliveryFate, FateRecord, NotifySettings } from '../notify/types.js';
import type { BuildReport } from '../report/build-report.js';
import { registerSecret, scrub } from '../runner/secrets.js';
import { buildArgv, childEnv, readBoolean, readSettings, type Settings } from './settings.js';
import {
  saveCheckRun,
  saveCheckRunDone,
  savePrCommentDone,
  saveDeliveries,
  saveDelivered,
  saveJobUrl,
  saveLiveMessages,
  savePhase,
  savePid,
  saveStart,
  saveUploaded,
} from '../runner/state.js';

/**
 * After a cancel arrives while uploading or notifying, how long requests already on the wire may still be
 * answered before main hands the rest to post. The runner sends SIGINT, SIGTERM 7.5 s later and SIGKILL
 * 2.5 s after that: main stops waiting 1.5 s before the SIGKILL would land, counted from the signal that
 * puts it closest (a lone SIGTERM, as on a runner shutting down, leaves 2.5 s), which is ample to write
 * report.json and exit on its own. A request cut off at that point is recorded as `sending`: post does not
 * repeat it to Discord and repeats it, with the same webhook-id, to a generic receiver.
 */
const HANDOFF_AFTER_SIGINT_MS = 8500;
const HANDOFF_AFTER_SIGTERM_MS = 1000;
/** After a cancel, how long main waits for a live edit in flight before it hands the result to post. */
const LIVE_WAIT_AFTER_CANCEL_MS = 2000;
/** Fates after which a target needs nothing more (see DeliveryFate). */
const SETTLED: ReadonlySet<DeliveryFate | undefined> = new Set(['delivered', 'failed', 'unknown'] as const);

/**
 * Where each signal goes as main moves on: before the build it only means "build nothing", during the build it
 * is forwarded to the build's process group, while finishing it starts the hand-off to post.
 */
class SignalRouter {
  private stage: 'setup' | 'build' | 'finishing' = 'setup';
  private proc: BuildProcess | null = null;
  private handOff: ((signal: NodeJS.Signals) => void) | null = null;
  /** A signal that came before the build started. */
  early: NodeJS.Signals | null = null;

  constructor() {
    const route = (signal: NodeJS.Signals): void => this.route(signal);
    process.on('SIGINT', route);
    process.on('SIGTERM', route);
  }

  building(proc: BuildProcess): void {
    this.stage = 'build';
    this.proc = proc;
  }

  finishing(handOff: (signal: NodeJS.Signals) => void): void {
    this.stage = 'finishing';
    this.handOff = handOff;
  }

  private route(signal: NodeJS.Signals): void {
    if (this.stage === 'build' && this.proc) {
      process.stdout.write(
        `\nReceived ${signal}: stopping the build (signal forwarded to its process group).\n`,
      );
      this.proc.cancel(signal);
    } else if (this.stage === 'finishing') {
      this.handOff?.(signal);
    } else {
      this.early ??= signal;
    }
  }
}

async function main(): Promise<void> {
  const start = new Date();
  // Signals are handled from the very start: a cancel before the build starts means no build at all.
  const signals = new SignalRouter();
  let settings: Settings;
  let notifySettings: NotifySettings | null;
  let checkRun: boolean;
  try {
    settings = readSettings(core.getInput, process.env);
    notifySettings = await loadNotifySettings(core.getInput, process.env);
    checkRun = readBoolean(core.getInput, 'check-run', false);
  } catch (err) {
    core.setFailed(scrub(errorMessage(err)));
    return;
  }
  // dry-run / test-notification: nothing is built, nothing is written to the log folder, post has nothing to do.
  if (settings.trial !== null) {
    if (settings.trial.mode === 'dry-run') {
      await (await import('./dry-run.js')).runDryRun(settings, notifySettings);
    } else {
      await (await import('./test-notification.js')).runTestNotification(settings, notifySettings);
    }
    return;
  }
  // Told once, before hours of building: no target at all, a Slack or Teams URL, change without a token.
  printSetupNotices(notifySettings);
  if (signals.early) {
    core.warning(`Cancelled (${signals.early}) before the build started; nothing was built.`);
    process.exitCode = 1;
    return;
  }
  // Before anything is sent: the start message, the live message and every payload link the job itself.
  await resolveJobLinkOnce();
  // A log folder that cannot take the logs is found now, not after hours of building: nothing is built, and
  // the failure still reaches the outputs, report.json (in a fresh folder) and the notifications.
  const logDirProblem = await prepareLogDir(settings.build.logDir);
  if (logDirProblem !== null) {
    await failBeforeBuild(start, logDirProblem, settings, notifySettings, checkRun);
    return;
  }
  await announceStart(settings, notifySettings, start);
  // A cancel that came while the start was being announced: the build is not started.
  if (signals.early) {
    core.warning(`Cancelled (${signals.early}) before the build started; nothing was built.`);
    process.exitCode = 1;
    return;
  }
  const built = await runBuild(settings, start, signals, notifySettings, checkRun);
  if (built === null) {
    core.warning(`Cancelled (${signals.early}) before the build started; nothing was built.`);
    process.exitCode = 1;
    return;
  }
  const { report, cancelSignal, liveRefs, checkRunId } = built;
  if (cancelSignal !== null) {
    // The live messages and the check run are in the state already: post gives them the result.
    await handCancelledBuildToPost(report, cancelSignal);
    return;
  }
  await finishAfterBuild(report, settings, notifySettings, signals, { liveRefs, checkRunId });
}

/**
 * The job's own link (src/github/job.ts): from `job-check-run-id`, else looked up through the API (bounded);
 * remembered for everything this step sends and saved for post. When it cannot be told the run is linked,
 * and one debug line says why.
 */
async function resolveJobLinkOnce(): Promise<void> {
  const { resolveJobLink } = await import('../github/job.js');
  const { readGitHubRun } = await import('../runner/github-run.js');
  const token = core.getInput('github-token');
  registerSecret(token);
  const link = await resolveJobLink({
    checkRunId: core.getInput('job-check-run-id'),
    token: token || null,
    run: readGitHubRun(),
    runnerName: process.env.RUNNER_NAME || null,
  });
  if (link.why !== null) core.debug(scrub(link.why));
  rememberJobUrl(link.url);
  if (link.url !== null) saveJobUrl(link.url);
}

/** `check-run`: the check run, in progress, as the build starts; its id is saved for post. Null if none. */
async function startCheckRun(settings: Settings, start: Date): Promise<number | null> {
  const { createCheckRun } = await import('../github/check-run.js');
  const { readGitHubRun } = await import('../runner/github-run.js');
  const run = readRunContext(core.getInput('job-check-run-id'));
  const answer = await createCheckRun({
    token: core.getInput('github-token') || null,
    run: readGitHubRun(),
    packages: settings.build.packages,
    platform: core.getInput('platform').trim() || null,
    runnerName: process.env.RUNNER_NAME || null,
    detailsUrl: run.jobUrl ?? run.runUrl,
    startedAt: start,
  });
  if (answer.warning !== null) core.warning(scrub(answer.warning), { title: 'Check run' });
  if (answer.id !== null) {
    saveCheckRun(answer.id);
    core.info(`Check run ${answer.id} created (in progress).`);
  }
  return answer.id;
}

/**
 * Runs the build, streaming and parsing its output, and puts the report together. Null: a cancel came before
 * anything was started (phase `done`: post has nothing to do).
 */
async function runBuild(
  settings: Settings,
  start: Date,
  signals: SignalRouter,
  notifySettings: NotifySettings | null,
  checkRun: boolean,
): Promise<{
  report: BuildReport;
  cancelSignal: string | null;
  liveRefs: Record<string, string>;
  checkRunId: number | null;
} | null> {
  const build = settings.build;
  const paths = logPaths(build.logDir);
  await removeLeftoverReport(paths.reportFile);
  saveStart({ logDir: build.logDir, startTime: start.toISOString(), settings });
  savePhase('building');
  // Once the phase is saved: if main is killed from here on, post completes the check run.
  const checkRunId = checkRun ? await startCheckRun(settings, start) : null;
  // A cancel that came while the check run was being created: nothing is built. A check run that was created
  // gets its result (cancelled) as after a cancel during the build; without one there is nothing for post.
  if (signals.early !== null && checkRunId === null) {
    savePhase('done');
    return null;
  }

  const argv = buildArgv(build);
  core.info(`Running ${argv.display}`);
  core.info(`Logs: ${build.logDir}`);
  // Told the requested packages, the parser keeps a record for each of them, however many there are.
  const parser = new BuildStreamParser({ requested: build.packages });
  const live = signals.early === null ? await startLive(settings, notifySettings, start) : null;
  // Every process of the build inherits this id; post checks for it before it stops leftovers.
  const buildId = randomBytes(16).toString('hex');
  const proc = new BuildProcess({
    command: argv.command,
    args: argv.args,
    cwd: build.workingDirectory,
    env: childEnv(process.env, buildId),
    consoleLogPath: paths.consoleLog,
    parser: live?.watch(parser) ?? parser,
    out: process.stdout,
    onSpawn: (pid) => savePid(pid, processStartTime(pid), buildId),
  });
  signals.building(proc);
  // A cancel during the awaits above is not forwarded to any process: the build is not started at all.
  const run = signals.early === null ? await proc.run() : notStarted(signals.early);
  // Pending live edits are dropped and the one in flight awaited: none may land after the result.
  const liveDone =
    live?.finish(run.cancelSignal === null ? undefined : LIVE_WAIT_AFTER_CANCEL_MS) ?? Promise.resolve({});
  const parse = parser.result();
  const report = assembleReport({
    build,
    argv,
    parse,
    run,
    cancelled: run.cancelSignal !== null,
    environment: await resolveEnvironment(parse.environment),
    context: {
      ...readRunContext(core.getInput('job-check-run-id')),
      matrix: normalizeMatrix(core.getInput('matrix')),
    },
    runner: readRunnerInfo(process.env, parseLabels(core.getInput('runner-labels'))),
    start,
    end: new Date(),
    logs: paths,
    platform: core.getInput('platform'),
  });
  // Once per leg: the images of a runner with the wrong JetPack carry the wrong L4T tag.
  if (report.platform?.mismatch)
    core.warning(scrub(report.platform.mismatch), { title: 'Platform mismatch' });
  return { report, cancelSignal: run.cancelSignal, liveRefs: await liveDone, checkRunId };
}

/** The result of a build the cancel kept from starting: no process, cancelled by `signal`. */
function notStarted(signal: NodeJS.Signals): RunResult {
  return { exitCode: null, signal: null, startError: null, cancelSignal: signal, killed: false };
}

/** `discord-live`: the live status message, posted as the build starts (null when off or no Discord target). */
async function startLive(
  settings: Settings,
  notifySettings: NotifySettings | null,
  start: Date,
): Promise<LiveStatus | null> {
  if (!notifySettings?.discord.live) return null;
  const { LiveStatus } = await import('../notify/live.js');
  const run = readRunContext(core.getInput('job-check-run-id'));
  const link = run.jobUrl ?? run.runUrl;
  const live = new LiveStatus({
    settings: notifySettings,
    packages: settings.build.packages,
    runner: readRunnerInfo(process.env).name,
    link: link ? { url: link, label: run.jobUrl ? 'Job' : 'Run' } : null,
    startTime: start,
    warn: (message) => core.warning(message),
    // As soon as a message is posted: post edits it if main is killed or cancelled.
    onRefs: saveLiveMessages,
  });
  if (!live.active) return null;
  live.start();
  return live;
}

/**
 * The runner sends SIGTERM 7.5 s after SIGINT and SIGKILL 2.5 s later: write the report now and let post (which
 * always runs) upload the logs and notify.
 */
async function handCancelledBuildToPost(report: BuildReport, cancelSignal: string): Promise<void> {
  await writeReport(report).catch(() => undefined);
  savePhase('reported');
  try {
    core.setOutput('status', report.status);
    core.setOutput('report-file', report.logs.reportFile);
  } catch (err) {
    // A bad GITHUB_OUTPUT costs the outputs only, never the hand-off to post.
    core.warning(scrub(`Could not set the step outputs (GITHUB_OUTPUT): ${errorMessage(err)}`));
  }
  core.warning(
    `Build cancelled (${cancelSignal}); the post step uploads the logs and sends the notification.`,
  );
  process.exitCode = 1;
}

/**
 * A leg of the reusable workflow writes its line into the run's live Discord message (never fails). The
 * renderers it needs load only for such a leg.
 */
async function startRunLine(
  report: BuildReport,
  notifySettings: NotifySettings | null,
  signal: AbortSignal,
): Promise<void> {
  const messageRef = core.getInput('discord-run-message-id');
  if (messageRef.trim() === '') return;
  const { updateRunLine } = await import('../notify/run-line.js');
  await updateRunLine({
    messageRef,
    matrix: core.getInput('matrix'),
    report,
    settings: notifySettings,
    signal,
    warn: (m) => core.warning(m),
    info: (m) => core.info(m),
  });
}

/**
 * Uploading and notifying can take minutes. A cancel now must not lose them, nor send a message twice: main
 * records each target's fate as it changes; on a signal it starts no new attempt, lets the requests on the wire
 * be answered for as long as the runner allows, then leaves the rest to post.
 */
async function finishAfterBuild(
  report: BuildReport,
  settings: Settings,
  notifySettings: NotifySettings | null,
  signals: SignalRouter,
  started: { liveRefs: Readonly<Record<string, string>>; checkRunId: number | null },
): Promise<void> {
  savePhase('finishing');
  const delivered = new Set<string>();
  const fates: Record<string, FateRecord> = {};
  const handOff = new HandOff();
  signals.finishing((signal) => handOff.signal(signal));
  await imageFactsStep(report, handOff.stop.signal);
  // compare-size: against the previous successful run, before report.json is written and anything notified.
  if (settings.compareSize) {
    const { compareSizeStep } = await import('./compare-size.js');
    await compareSizeStep(report, settings.compareSize, settings.logs, handOff.stop.signal);
  }
  // Reusable workflow: this leg's line in the run's live message, alongside the upload (bounded, never fails).
  const runLine = startRunLine(report, notifySettings, handOff.stop.signal);
  const finishing = finishBuild(report, settings.logs, notifySettings, {
    onUploaded: saveUploaded,
    onDelivered: (source) => {
      delivered.add(source);
      saveDelivered(delivered);
    },
    onFate: (source, record) => {
      fates[source] = record;
      saveDeliveries(fates);
    },
    stopDeliveries: handOff.stop.signal,
    // The live status messages: the result replaces them in place.
    edit: started.liveRefs,
    checkRunId: started.checkRunId,
    onCheckRunDone: saveCheckRunDone,
    onPrCommentDone: savePrCommentDone,
  });
  const finished = await Promise.race([finishing, handOff.due]);
  handOff.dispose();
  await runLine;
  // Targets the stop cut short (not started, or waiting to retry) are post's to send.
  const cutShort = (finished?.notifications ?? []).filter(
    (r) => !r.delivered && !SETTLED.has(fates[r.source]?.fate),
  );
  const firstSignal = handOff.first;
  // The check run's result or the comment the stop kept main from giving: post gives them, once.
  const leftForPost = finished?.leftForPost ?? [];
  if (finished === null || (firstSignal !== null && cutShort.length + leftForPost.length > 0)) {
    await writeReport(report).catch(() => undefined);
    savePhase('reported');
    const unanswered = Object.values(fates).filter((f) => f.fate === 'sending').length;
    core.warning(
      `Received ${firstSignal ?? 'a signal'} while uploading logs or notifying; the post step finishes what is left ` +
        `(${delivered.size} notification(s) already delivered` +
        `${unanswered > 0 ? `, ${unanswered} sent but not answered in time` : ''}` +
        `${leftForPost.length > 0 ? `; ${leftForPost.join(' and ')} left for it` : ''}).`,
    );
    process.exitCode = 1;
    return;
  }
  savePhase('done');
  if (firstSignal !== null) {
    core.warning(
      `Received ${firstSignal} while uploading logs or notifying; the deliveries under way were answered in time ` +
        `(${delivered.size} notification(s) delivered), so nothing is left for the post step.`,
    );
    process.exitCode = 1;
  }
  concludeStep(report, settings, notifySettings, finished);
}

/**
 * What docker says of each successful package's final image, onto the report before anything reads it.
 * Bounded (20 s a call, 60 s in all, a cancel ends it); docker missing or failing costs the facts and one
 * warning, nothing else.
 */
async function imageFactsStep(report: BuildReport, signal: AbortSignal): Promise<void> {
  if (!report.packages.some((p) => p.status === 'success')) return;
  try {
    const { addImageFacts } = await import('../jetson/images.js');
    const result = await addImageFacts(report, { signal });
    if (result.summary !== null) core.info(scrub(result.summary));
    if (result.problem !== null) core.warning(scrub(`image facts left out: ${result.problem}`));
  } catch (err) {
    core.warning(scrub(`image facts left out: ${errorMessage(err)}`));
  }
}

/** When main stops waiting after a signal: the earliest of the moments each signal so far allows. */
class HandOff {
  readonly stop = new AbortController();
  first: NodeJS.Signals | null = null;
  readonly due: Promise<null>;
  private at = Number.POSITIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private timeUp: () => void = () => undefined;

  constructor() {
    this.due = new Promise<null>((resolve) => (this.timeUp = () => resolve(null)));
  }

  signal(signal: NodeJS.Signals): void {
    this.first ??= signal;
    // An attempt started now could still be on the wire when SIGKILL lands: leave new ones to post.
    this.stop.abort();
    const at = Date.now() + (signal === 'SIGTERM' ? HANDOFF_AFTER_SIGTERM_MS : HANDOFF_AFTER_SIGINT_MS);
    if (at >= this.at) return;
    this.at = at;
    clearTimeout(this.timer);
    this.timer = setTimeout(this.timeUp, at - Date.now());
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

/** The step's result: the build's status, and the notifications when they must not fail silently. */
function concludeStep(
  report: BuildReport,
  settings: Settings,
  notifySettings: NotifySettings | null,
  finished: FinishResult,
): void {
  core.info(scrub(report.message));
  if (report.status !== 'success') {
    if (settings.build.failOnBuildError) core.setFailed(scrub(report.message));
    else core.warning(scrub(`${report.message} (not failing the step: fail-on-build-error is false)`));
  }
  if (notifySettings?.failOnError && finished.notifyFailed.length > 0) {
    core.setFailed(
      `${finished.notifyFailed.length} notification(s) not delivered (fail-on-notify-error is true).`,
    );
  }
}

/** The report, outputs and notifications of a run whose log folder could not be used: a failure, no build. */
async function failBeforeBuild(
  start: Date,
  error: string,
  settings: Settings,
  notifySettings: NotifySettings | null,
  checkRun: boolean,
): Promise<void> {
  const build = settings.build;
  const fallback = logPaths(await fallbackDir().catch(() => build.logDir));
  const report = setupFailureReport({
    build,
    argv: buildArgv(build),
    parse: new BuildStreamParser().result(),
    environment: await resolveEnvironment({}),
    context: {
      ...readRunContext(core.getInput('job-check-run-id')),
      matrix: normalizeMatrix(core.getInput('matrix')),
    },
    runner: readRunnerInfo(process.env, parseLabels(core.getInput('runner-labels'))),
    start,
    end: new Date(),
    error,
    fallback,
    platform: core.getInput('platform'),
  });
  await writeConsoleNote(fallback.consoleLog, report.message).catch(() => undefined);
  core.info(scrub(`This run's report.json and console.log are in ${fallback.dir} instead.`));
  // A setting the run cannot work with fails the step like bad input does, whatever fail-on-build-error says.
  core.setFailed(scrub(report.message));
  const checkRunId = checkRun ? await startCheckRun(settings, start) : null;
  await finishBuild(report, settings.logs, notifySettings, { skipUpload: true, checkRunId });
}

main()
  .catch((err) => {
    core.setFailed(`jetson-build-action failed unexpectedly: ${scrub(errorMessage(err))}`);
  })
  .finally(() => {
    // Keep-alive sockets must not hold the step open once everything is written.
    setTimeout(() => process.exit(), 50).unref();
  });
