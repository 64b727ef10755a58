// Entry point of the post step: when main was cancelled, stopped while uploading or notifying, or killed,
// finish the report and do what main could not — the upload and the notifications not yet delivered.
import * as core from '@actions/core';
import { readdirSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { assembleReport, logPaths } from '../report/assemble.js';
import { parseConsoleLog, resolveEnvironment } from '../jetson/collect.js';
import { killProcessGroup, processGroupAlive, processStartTime } from '../jetson/run.js';
import {
  normalizeMatrix,
  parseLabels,
  readRunContext,
  readRunnerInfo,
  rememberJobUrl,
} from '../runner/context.js';
import { errorMessage } from '../runner/errors.js';
import { finishBuild, readSavedReport } from './finish.js';
import { loadNotifySettings } from '../notify/settings.js';
import type { BuildReport } from '../report/build-report.js';
import { scrub } from '../runner/secrets.js';
import { BUILD_ID_ENV, buildArgv, readSettings, type Settings } from './settings.js';
import { readState, saveCheckRunDone, type SavedState } from '../runner/state.js';

/** State, parent and process group from /proc/<pid>/stat, or null when there is no such process (or no /proc). */
function procStat(pid: number | 'self'): { state: string; ppid: number; pgrp: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: f[0] ?? '', ppid: Number(f[1]), pgrp: Number(f[2]) };
  } catch {
    return null;
  }
}

/** True if a live (not zombie) process of group `pgid` was started with `BUILD_ID_ENV=buildId` in its environment. */
function groupCarriesBuildId(pgid: number, buildId: string): boolean {
  const entry = Buffer.from(`${BUILD_ID_ENV}=${buildId}`);
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return false;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const st = procStat(Number(name));
    if (st === null || st.pgrp !== pgid || st.state === 'Z' || st.state === 'X') continue;
    try {
      // NUL-separated NAME=value entries, as the process was exec'd.
      const environ = readFileSync(`/proc/${name}/environ`);
      let at = 0;
      while (at <= environ.length) {
        let end = environ.indexOf(0, at);
        if (end < 0) end = environ.length;
        if (end - at === entry.length && environ.subarray(at, end).equals(entry)) return true;
        at = end + 1;
      }
    } catch {
      // exited while we looked, or not ours to read
    }
  }
  return false;
}

/**
 * Why group `pid` from the state cannot be tied to this build, or null when it can. The state is a file
 * anyone on the runner with its path could append to, so a pid alone is not enough:
 * - never 0/1 (readState), post itself, its parent (the runner's worker) or post's own group;
 * - main recorded the leader's start time and the build id (both, or nothing is signalled);
 * - if the leader is still there, it started at the recorded time (the number was not reused);
 * - a live process of the group was started with JETSON_BUILD_ACTION_ID=<build id> in its environment.
 *   Only the build's processes inherit that id (a random 128-bit value; /proc/<pid>/environ is readable
 *   only by the process's owner), and a build that wipes its environment is left alone rather than guessed at.
 *   When the leader has exited and others of the group live on, Linux does not hand the number out again
 *   while the group exists, so the id check alone ties the group to the build.
 */
function whyNotOurs(pid: number, pidStart: string | null, buildId: string | null): string | null {
  // readState already drops these; kill(-1) would reach every process post may signal.
  if (!Number.isSafeInteger(pid) || pid <= 1) return 'not a process group a build can have';
  const self = procStat('self');
  if (pid === process.pid || pid === process.ppid || (self !== null && pid === self.pgrp)) {
    return "it is the post step's own process or group";
  }
  if (pidStart === null || buildId === null) return "main did not record the build's start time and id";
  const leaderStart = processStartTime(pid);
  if (leaderStart !== null && leaderStart !== pidStart)
    return 'its leader is not the process the build started';
  if (!groupCarriesBuildId(pid, buildId)) return "none of its processes carries this build's id";
  return null;
}

/** Stops what is left of the build's process group — only if it can be tied to this build (see whyNotOurs). */
function stopLeftovers(state: SavedState): void {
  if (state.pid === null || !processGroupAlive(state.pid)) return;
  const why = whyNotOurs(state.pid, state.pidStart, state.buildId);
  if (why !== null) {
    core.warning(`Left process group ${state.pid} alone: ${why}.`);
    return;
  }
  core.warning(`The build's processes (group ${state.pid}) were still running; stopping them.`);
  killProcessGroup(state.pid, 'SIGKILL');
}

/** The report main wrote, or one rebuilt from console.log on disk (status cancelled) when there is none. */
async function loadReport(state: SavedState, settings: Settings): Promise<BuildReport> {
  const paths = logPaths(settings.build.logDir);
  if (state.phase !== 'building') {
    const saved = await readSavedReport(paths.reportFile);
    if (saved) return saved;
  }
  core.info('The main step ended before reporting; rebuilding the report from the console log.');
  const parse = await parseConsoleLog(paths.consoleLog, settings.build.packages);
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
    context: {
      ...readRunContext(core.getInput('job-check-run-id')),
      matrix: normalizeMatrix(core.getInput('matrix')),
    },
    runner: readRunnerInfo(process.env, parseLabels(core.getInput('runner-labels'))),
    start: state.startTime ? new Date(state.startTime) : lastWrite,
    end: lastWrite,
    logs: paths,
    platform: core.getInput('platform'),
  });
}

async function post(): Promise<void> {
  const state = readState();
  if (state.phase === null || state.phase === 'done') {
    // Main finished (or never started a build): nothing left to do.
    return;
  }
  stopLeftovers(state);
  // The job's page main found, for a report rebuilt here.
  if (state.jobUrl !== null) rememberJobUrl(state.jobUrl);
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
    // What main recorded per target: delivered is skipped, an unknown outcome is withheld from Discord, Slack
    // and Teams.
    previous: state.deliveries,
    // Main's live status messages: the result replaces them in place, as main would have done.
    edit: state.liveMessages,
    // Main's check run, when main could not give it the result.
    checkRunId: state.checkRunDone ? null : state.checkRunId,
    onCheckRunDone: saveCheckRunDone,
    // Main's comment, when main was stopped before writing it.
    skipPrComment: state.prCommentDone,
  });
  core.info(
    scrub(`Reported the ${report.status === 'cancelled' ? 'cancelled ' : ''}build: ${report.message}`),
  );
}

post()
  .catch((err) => core.warning(`Post step could not finish the report: ${scrub(errorMessage(err))}`))
  .finally(() => setTimeout(() => process.exit(), 50).unref());
