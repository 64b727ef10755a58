// report-artifacts after "Re-run failed jobs": a listing hiccup is retried before the runner's service (which
// cannot hand out the first attempt's artifacts) is asked, and only a refusal asks for `actions: read`; a lost
// newer attempt's report never lets an older attempt's result stand for the cell.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadRunArtifacts, type ArtifactSource } from '../../src/fleet/download.js';
import { buildRunReport } from '../../src/report/run-report.js';
import { gridInput } from '../support/grid.js';

function apiSource(failures: number[], log: string[]): ArtifactSource {
  let calls = 0;
  return {
    kind: 'api',
    list: async () => {
      const status = failures[calls++];
      if (status !== undefined) throw Object.assign(new Error(`HTTP ${status}`), { status });
      return [{ id: 7, name: 'jetson-report-k-torchvision-1' }];
    },
    download: async (a) => {
      log.push(`api ${a.name}`);
    },
  };
}
const runner = (log: string[]): ArtifactSource => ({
  kind: 'runner',
  list: async () => {
    log.push('runner list');
    return [];
  },
  download: async () => undefined,
});

async function run(failures: number[]) {
  const log: string[] = [];
  const notices: string[] = [];
  const warnings: string[] = [];
  const result = await downloadRunArtifacts({
    pattern: 'jetson-report-k-*',
    dir: mkdtempSync(path.join(os.tmpdir(), 'jba-dl-')),
    sources: [apiSource(failures, log), runner(log)],
    info: () => undefined,
    notice: (m) => notices.push(m),
    warning: (m) => warnings.push(m),
  });
  return { result, log, notices, warnings };
}

describe('listing the run artifacts', () => {
  it('a 502 once is retried: the API still reads the first attempt, nothing is noticed', async () => {
    const { result, log, notices } = await run([502]);
    expect(result.source).toBe('api');
    expect(log).toEqual(['api jetson-report-k-torchvision-1']);
    expect(notices).toEqual([]);
  });

  it('a persistent 500 falls back to the runner without blaming the permission', async () => {
    const { result, log, notices, warnings } = await run([500, 500, 500]);
    expect(result.source).toBe('runner');
    expect(log).toEqual(['runner list']);
    // Not a permission matter but an outage: a warning naming the error, not a notice.
    expect(notices).toEqual([]);
    expect(warnings).toEqual([
      "report-artifacts: could not list this run's artifacts through the GitHub API (HTTP 500, 3 tries); reading them through the runner's artifact service.",
    ]);
  }, 10_000);

  it('a 403 is an answer: no retry, and the notice asks for actions: read', async () => {
    const { result, notices, warnings } = await run([403, 403, 403]);
    expect(result.source).toBe('runner');
    expect(warnings).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('(HTTP 403)');
    expect(notices[0]).toContain('Grant the calling job `actions: read`');
  });
});

describe('a lost report of a newer attempt', () => {
  it('makes the cell missing, saying what the older attempt said, instead of showing the older result', () => {
    const input = gridInput();
    const failed = buildRunReport(input).runs.find((r) => r.status === 'failure');
    if (!failed) throw new Error('the grid has a failed cell');
    const reason = 'its report artifact jetson-report-k-x-9 could not be downloaded (HTTP 500)';
    const run = buildRunReport({
      ...input,
      lostReports: [{ package: failed.name, platform: failed.platform, reason, attempt: 99 }],
    });
    const cell = run.runs.find((r) => r.name === failed.name && r.platform === failed.platform);
    expect(cell?.status).toBe('missing');
    expect(cell?.reason).toMatch(
      new RegExp(`^${reason.replace(/[()]/g, '\\$&')}; attempt \\d+ had said failure$`),
    );
    expect(cell?.failure).toBeNull();
  });
});
