// The action's own files on the runner: report.json written atomically and never through a link, console.log
// created afresh, log tails that refuse links and paths outside the log folder, a log-dir checked before the
// build, and the report rules for a full disk or a report that cannot be written.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  linkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markLogsIncomplete, markReportUnwritable, setupFailureReport } from '../../src/report/assemble.js';
import { BuildStreamParser } from '../../src/jetson/parse/index.js';
import { BuildProcess } from '../../src/jetson/run.js';
import {
  prepareLogDir,
  readSavedReport,
  removeLeftoverReport,
  writeReport,
} from '../../src/action/finish.js';
import { readLogTail } from '../../src/logs/tail.js';
import type { BuildReport } from '../../src/report/build-report.js';
import { registerSecret, resetSecretsForTest } from '../../src/runner/secrets.js';
import { readSettings } from '../../src/action/settings.js';
import { stageFailure, successChainWithPush } from '../support/reports.js';
import { validateReport } from '../support/schema.js';

let tmp: string;
let runnerTemp: string;
const savedTemp = process.env.RUNNER_TEMP;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jba-files-'));
  runnerTemp = path.join(tmp, 'runner-temp');
  mkdirSync(runnerTemp);
  process.env.RUNNER_TEMP = runnerTemp;
});
afterEach(() => {
  if (savedTemp === undefined) delete process.env.RUNNER_TEMP;
  else process.env.RUNNER_TEMP = savedTemp;
  resetSecretsForTest();
});

function reportIn(dir: string, make: () => BuildReport = successChainWithPush): BuildReport {
  const report = make();
  report.logs.dir = dir;
  report.logs.consoleLog = path.join(dir, 'console.log');
  report.logs.reportFile = path.join(dir, 'report.json');
  return report;
}

describe('writeReport', () => {
  it('replaces a report.json symlink itself: the target keeps its content', async () => {
    const victim = path.join(tmp, 'GITHUB_ENV');
    writeFileSync(victim, 'KEEP=1\n');
    const logDir = path.join(tmp, 'logs');
    mkdirSync(logDir);
    symlinkSync(victim, path.join(logDir, 'report.json'));
    const report = reportIn(logDir);
    await writeReport(report);
    expect(readFileSync(victim, 'utf8')).toBe('KEEP=1\n');
    expect(lstatSync(path.join(logDir, 'report.json')).isFile()).toBe(true);
    const written = JSON.parse(readFileSync(path.join(logDir, 'report.json'), 'utf8')) as BuildReport;
    expect(written.status).toBe('success');
    // No temp file is left behind.
    expect(readdirSync(logDir)).toEqual(['report.json']);
  });

  it('writes the report scrubbed of registered secrets', async () => {
    const logDir = path.join(tmp, 'logs');
    mkdirSync(logDir);
    const report = reportIn(logDir, stageFailure);
    report.failure!.excerpt.push('curl -H "Authorization: Bearer sk-live-0123456789abcdef"');
    registerSecret('sk-live-0123456789abcdef');
    await writeReport(report);
    const text = readFileSync(path.join(logDir, 'report.json'), 'utf8');
    expect(text).not.toContain('sk-live-0123456789abcdef');
    expect(text).toContain('Bearer ***');
  });

  it('when report.json cannot be written there: a failure naming the path, the report in a fresh folder', async () => {
    const logDir = path.join(tmp, 'logs');
    // A folder where report.json should be: nothing can be renamed over it.
    mkdirSync(path.join(logDir, 'report.json', 'x'), { recursive: true });
    const report = reportIn(logDir);
    await writeReport(report);
    const file = path.join(logDir, 'report.json');
    expect(report.status).toBe('failure');
    expect(report.message).toContain(`report.json could not be written to ${file}`);
    expect(report.failure?.error).toContain(file);
    expect(path.dirname(path.dirname(report.logs.reportFile))).toBe(runnerTemp);
    expect(report.message).toContain(report.logs.reportFile);
    const moved = JSON.parse(readFileSync(report.logs.reportFile, 'utf8')) as BuildReport;
    validateReport(moved);
    expect(moved.status).toBe('failure');
    expect(readdirSync(logDir)).toEqual(['report.json']);
    // Written again (after the upload): straight to where it now lives.
    await writeReport(report);
    expect(readdirSync(path.dirname(report.logs.reportFile))).toEqual(['report.json']);
  });
});

describe('removeLeftoverReport and readSavedReport', () => {
  it('removes an earlier run\u2019s report.json link without touching its target; a link is never read', async () => {
    const victim = path.join(tmp, 'victim.json');
    const old = reportIn(tmp);
    writeFileSync(victim, JSON.stringify(old));
    const file = path.join(tmp, 'report.json');
    symlinkSync(victim, file);
    expect(await readSavedReport(file)).toBeNull();
    await removeLeftoverReport(file);
    expect(existsSync(file)).toBe(false);
    expect(JSON.parse(readFileSync(victim, 'utf8'))).toEqual(old);
    writeFileSync(file, JSON.stringify(old));
    expect((await readSavedReport(file))?.status).toBe('success');
  });
});

describe('prepareLogDir', () => {
  it('creates a missing log folder and leaves nothing in it', async () => {
    const dir = path.join(tmp, 'a', 'b', 'logs');
    expect(await prepareLogDir(dir)).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the folder and the reason, in words, when it cannot be created', async () => {
    writeFileSync(path.join(tmp, 'file'), 'x');
    const below = path.join(tmp, 'file', 'logs');
    expect(await prepareLogDir(below)).toBe(
      `the log folder ${below} (input 'log-dir') could not be created: a part of the path is a file, not a folder (ENOTDIR)`,
    );
    const itself = path.join(tmp, 'file');
    expect(await prepareLogDir(itself)).toBe(
      `the log folder ${itself} (input 'log-dir') could not be created: it exists and is not a folder (EEXIST)`,
    );
  });
});

describe('BuildProcess console.log', () => {
  it('replaces a planted console.log symlink with a new file and says so; the target is untouched', async () => {
    const victim = path.join(tmp, 'victim');
    writeFileSync(victim, 'VICTIM\n');
    const consoleLogPath = path.join(tmp, 'console.log');
    symlinkSync(victim, consoleLogPath);
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on('data', (c: Buffer) => parts.push(c));
    const proc = new BuildProcess({
      command: process.execPath,
      args: ['-e', "console.log('built')"],
      cwd: tmp,
      env: process.env,
      consoleLogPath,
      parser: new BuildStreamParser(),
      out,
    });
    const run = await proc.run();
    expect(run.exitCode).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('VICTIM\n');
    expect(lstatSync(consoleLogPath).isFile()).toBe(true);
    expect(readFileSync(consoleLogPath, 'utf8')).toBe('built\n');
    const log = Buffer.concat(parts).toString('utf8');
    expect(log).toContain(`${consoleLogPath} is from an earlier run (a symlink to ${victim}): replaced it`);
  });
});

describe('readLogTail and links', () => {
  it('never reads through a symlink, nor a file outside the log folder the build names', async () => {
    const secret = path.join(tmp, 'shadow');
    writeFileSync(secret, 'root:SECRET-HASH:19000\n');
    const logDir = path.join(tmp, 'logs');
    mkdirSync(path.join(logDir, 'build'), { recursive: true });
    const stageLog = path.join(logDir, 'build', '03o4_python.txt');
    symlinkSync(secret, stageLog);
    const consoleLog = path.join(logDir, 'console.log');
    symlinkSync(secret, consoleLog);
    expect(await readLogTail({ failureLogFile: stageLog, consoleLog, within: logDir })).toBeNull();
    expect(await readLogTail({ failureLogFile: stageLog, consoleLog })).toBeNull();
    // A path printed by the build that leads outside the log folder, through a linked folder too.
    symlinkSync(tmp, path.join(logDir, 'up'));
    const outside = [secret, path.join(logDir, 'up', 'shadow')];
    for (const failureLogFile of outside) {
      expect(await readLogTail({ failureLogFile, consoleLog, within: logDir })).toBeNull();
    }
    // The real thing still works.
    writeFileSync(path.join(logDir, 'build', '05o5_numpy.txt'), 'step 1\nERROR: failed to solve\n');
    const tail = await readLogTail({
      failureLogFile: path.join(logDir, 'build', '05o5_numpy.txt'),
      consoleLog,
      within: logDir,
    });
    expect(tail?.name).toBe('05o5_numpy-tail.txt');
    expect(tail?.data.toString('utf8')).toBe('step 1\nERROR: failed to solve\n');
  });

  it('never reads a hard link the build made inside the log folder to a file outside it', async () => {
    const secret = path.join(tmp, 'shadow-hard');
    writeFileSync(secret, 'root:SECRET-HASH:19000\n');
    const logDir = path.join(tmp, 'logs-hard');
    mkdirSync(path.join(logDir, 'build'), { recursive: true });
    const stageLog = path.join(logDir, 'build', '01o4_build-essential.txt');
    linkSync(secret, stageLog);
    const consoleLog = path.join(logDir, 'console.log');
    writeFileSync(consoleLog, 'the console\n');
    const tail = await readLogTail({ failureLogFile: stageLog, consoleLog, within: logDir });
    // Falls back to the console log, never the linked file.
    expect(tail?.data.toString('utf8')).toBe('the console\n');
  });
});

describe('report rules for files that could not be written', () => {
  it('a full log disk: failure naming the disk and the folder, the exit code, not the package', () => {
    const report = reportIn('/mnt/jetson-logs', stageFailure);
    report.exitCode = 0;
    const excerpt = [...(report.failure?.excerpt ?? [])];
    markLogsIncomplete(report);
    expect(report.status).toBe('failure');
    expect(report.message).toBe(
      "No space left on device on the disk holding the log folder /mnt/jetson-logs: console.log and the stage logs there are incomplete, so the build's outcome is not known (it exited with code 0). Free space on that disk and run the build again.",
    );
    expect(report.failure?.error).toBe(
      'No space left on device on the disk holding the log folder /mnt/jetson-logs: console.log and the stage logs there are incomplete',
    );
    expect(report.failure?.excerpt).toEqual(excerpt);
    validateReport(report);
    // post applies it again to the report main wrote: nothing changes.
    const again = JSON.parse(JSON.stringify(report)) as BuildReport;
    markLogsIncomplete(again);
    expect(again).toEqual(report);
  });

  it('a cancelled build stays cancelled, with the disk named', () => {
    const report = reportIn('/mnt/jetson-logs');
    report.status = 'cancelled';
    report.message = 'Cancelled (SIGINT).';
    markLogsIncomplete(report);
    expect(report.status).toBe('cancelled');
    expect(report.message).toMatch(/^Cancelled \(SIGINT\)\. No space left on device on the disk holding/);
  });

  it('an unwritable report.json turns success into a failure; a build failure stays the failure', () => {
    const ok = reportIn('/logs');
    markReportUnwritable(ok, '/logs/report.json', 'read-only file system (EROFS)', '/tmp/r/report.json');
    expect(ok.status).toBe('failure');
    expect(ok.failure?.error).toBe(
      'report.json could not be written to /logs/report.json: read-only file system (EROFS)',
    );
    expect(ok.message).toMatch(
      /\. report\.json could not be written to \/logs\/report\.json: read-only file system \(EROFS\)\. It was written to \/tmp\/r\/report\.json instead\.$/,
    );
    const failed = reportIn('/logs', stageFailure);
    const failure = failed.failure;
    markReportUnwritable(failed, '/logs/report.json', 'no space left on device (ENOSPC)', null);
    expect(failed.failure).toBe(failure);
    validateReport(ok);
    validateReport(failed);
  });

  it('a log-dir that cannot be used: nothing built, every package not-built, the failure names the folder', () => {
    const env = { RUNNER_TEMP: runnerTemp, GITHUB_WORKSPACE: tmp };
    const inputs: Record<string, string> = { packages: 'numpy pytorch:2.8', 'log-dir': '/ro/logs' };
    const settings = readSettings((name) => inputs[name] ?? '', env);
    const error =
      "the log folder /ro/logs (input 'log-dir') could not be created: read-only file system (EROFS)";
    const report = setupFailureReport({
      build: settings.build,
      argv: {
        command: 'jetson-containers',
        args: ['build', 'numpy'],
        display: 'jetson-containers build numpy',
      },
      parse: new BuildStreamParser().result(),
      environment: { source: 'none' },
      context: successChainWithPush().run,
      runner: successChainWithPush().runner,
      start: new Date('2025-01-01T00:00:00Z'),
      end: new Date('2025-01-01T00:00:01Z'),
      error,
      fallback: { dir: '/tmp/f', consoleLog: '/tmp/f/console.log', reportFile: '/tmp/f/report.json' },
    });
    expect(report.status).toBe('failure');
    expect(report.message).toBe(`Nothing was built: ${error}.`);
    expect(report.failure?.error).toBe(error);
    expect(report.packages.map((p) => [p.name, p.status])).toEqual([
      ['numpy', 'not-built'],
      ['pytorch:2.8', 'not-built'],
    ]);
    expect(report.failedPackages).toEqual([]);
    expect(report.logs.reportFile).toBe('/tmp/f/report.json');
    validateReport(report);
  });
});
