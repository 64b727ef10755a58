// Issue 16: summarize downloads the legs' report artifacts itself (`report-artifacts`), one by one. After
// "re-run failed jobs" the first attempt's reports are read too (through the REST API, every attempt of the
// run); one artifact that cannot be downloaded is a warning naming it and its cells `missing` for that reason,
// never the loss of the others; without actions: read the runner's artifact service is used instead, where
// an earlier attempt's artifact is refused - and said so per artifact.
import AdmZip from 'adm-zip';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import type { RunReport } from '../../src/report/run-report.js';
import { resetSecretsForTest } from '../../src/runner/secrets.js';
import { parseCommandFile } from '../support/action-runner.js';
import {
  apiRun,
  forbidden,
  startGitHubArtifacts,
  type ApiArtifact,
  type GitHubArtifactsDouble,
} from '../support/github-artifacts-double.js';
import { startReceiver, type Receiver, type RecordedRequest, type Reply } from '../support/receiver.js';
import { stageFailure, successChainWithPush } from '../support/reports.js';
import { unsignedRuntimeToken } from '../support/results-service.js';

const TOKEN = 'ghs_summarize_artifacts_token';
const KEY = 'a1b2c3d4e5f6';
const RUN_ID = 4242;
let api: GitHubArtifactsDouble;
let runSummarize: typeof import('../../src/fleet/summarize.js').runSummarize;
let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  api = await startGitHubArtifacts({ runs: [], maxHangMs: 5000 });
  // @actions/github and @actions/artifact read the API URL when first loaded.
  process.env.GITHUB_API_URL = api.url;
  ({ runSummarize } = await import('../../src/fleet/summarize.js'));
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'summarize-artifacts-'));
  resetSecretsForTest();
});
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved, { GITHUB_API_URL: api.url });
  process.exitCode = 0;
  rmSync(dir, { recursive: true, force: true });
});

/** A leg's report of `name` from `attempt`, a success or a stage failure. */
function report(name: string, status: 'success' | 'failure', attempt: number): BuildReport {
  const r = structuredClone(status === 'success' ? successChainWithPush() : stageFailure());
  r.requestedPackages = [name];
  r.packages = r.packages.slice(0, 1).map((p) => ({ ...p, name }));
  r.failedPackages = status === 'failure' ? [name] : [];
  r.run.runAttempt = String(attempt);
  r.run.runId = String(RUN_ID);
  return r;
}

const legArtifact = (id: number, leg: string, r: BuildReport, attempt: number): ApiArtifact => ({
  id,
  runId: RUN_ID,
  name: `jetson-report-${KEY}-${leg}-${attempt}`,
  files: { 'report.json': r },
});

/** The scene "re-run failed jobs" leaves: attempt 1's artifacts, and attempt 2's of the leg that was re-run. */
const RERUN: ApiArtifact[] = [
  legArtifact(11, 'pytorch-2.8', report('pytorch:2.8', 'success', 1), 1),
  legArtifact(12, 'torchvision', report('torchvision', 'failure', 1), 1),
  legArtifact(13, 'numpy', report('numpy', 'success', 1), 1),
  legArtifact(21, 'torchvision', report('torchvision', 'success', 2), 2),
  // Another call of the workflow in the same run: never downloaded.
  legArtifact(31, 'numpy', report('numpy', 'failure', 1), 1),
].map((a, i) => (i === 4 ? { ...a, name: a.name.replace(KEY, 'ffffffffffff') } : a));

interface Summary {
  run: RunReport;
  out: Record<string, string>;
  commands: string[];
}

async function summarize(env: Record<string, string>): Promise<Summary> {
  writeFileSync(path.join(dir, 'output'), '');
  Object.assign(process.env, {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    GITHUB_REPOSITORY: 'octo-org/jetson-images',
    GITHUB_RUN_ID: String(RUN_ID),
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: api.url,
    INPUT_REPORTS: path.join(dir, 'jetson-reports'),
    'INPUT_REPORT-ARTIFACTS': `jetson-report-${KEY}-*`,
    INPUT_NEEDS: JSON.stringify({ plan: { result: 'success' }, build: { result: 'success' } }),
    INPUT_PACKAGES: JSON.stringify(['pytorch:2.8', 'torchvision', 'numpy']),
    'INPUT_FAIL-ON-BUILD-ERROR': 'false',
    'INPUT_GITHUB-TOKEN': TOKEN,
    ...env,
  });
  const printed: string[] = [];
  const quiet = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed.push(String(chunk));
    return true;
  });
  let run: RunReport;
  try {
    run = await runSummarize(process.env);
  } finally {
    quiet.mockRestore();
  }
  const commands = printed
    .join('')
    .split('\n')
    .filter((l) => /^::(notice|warning|error)/.test(l));
  return { run, out: parseCommandFile(readFileSync(path.join(dir, 'output'), 'utf8')), commands };
}

const rows = (run: RunReport): [string, string, string | null][] =>
  run.runs.map((r) => [r.name, r.status, r.reason]);

describe('report-artifacts through the API (the caller grants actions: read)', () => {
  it("after a re-run, reads the first attempt's reports with the second's: the newest report of a package wins", async () => {
    api.serve({ runs: [apiRun(RUN_ID, null)], artifacts: RERUN, token: TOKEN });
    const { run, out } = await summarize({});
    expect(rows(run)).toEqual([
      ['pytorch:2.8', 'success', null],
      ['torchvision', 'success', null],
      ['numpy', 'success', null],
    ]);
    expect(out['status']).toBe('success');
    const zips = api.paths().filter((p) => p.endsWith('/zip'));
    expect(zips.sort()).toEqual(
      [11, 12, 13, 21].map((id) => `/repos/octo-org/jetson-images/actions/artifacts/${id}/zip`),
    );
  });

  it('one artifact that cannot be downloaded: a warning naming it, its package missing for that reason, the others read', async () => {
    api.serve({
      runs: [apiRun(RUN_ID, null)],
      artifacts: RERUN,
      token: TOKEN,
      answer: (req) => (req.path === '/blob/13.zip' ? { status: 503, body: 'ServerBusy' } : undefined),
    });
    const { run, out, commands } = await summarize({});
    expect(rows(run)).toEqual([
      ['pytorch:2.8', 'success', null],
      ['torchvision', 'success', null],
      [
        'numpy',
        'missing',
        `its report artifact jetson-report-${KEY}-numpy-1 could not be downloaded (blob storage answered HTTP 503)`,
      ],
    ]);
    expect(JSON.parse(out['missing-packages'] as string)).toEqual(['numpy']);
    expect(commands).toContainEqual(
      `::warning title=Report artifacts not downloaded::1 report artifact(s) could not be downloaded: jetson-report-${KEY}-numpy-1 (blob storage answered HTTP 503). Their legs' packages without another report are missing for that reason.`,
    );
    // Tried twice, then given up: never more.
    expect(api.paths().filter((p) => p === '/blob/13.zip')).toHaveLength(2);
  });

  it("the re-run's report cannot be downloaded: the cell is missing, not the first attempt's failure", async () => {
    api.serve({
      runs: [apiRun(RUN_ID, null)],
      artifacts: RERUN,
      token: TOKEN,
      answer: (req) => (req.path === '/blob/21.zip' ? { status: 503, body: 'ServerBusy' } : undefined),
    });
    const { run, out } = await summarize({});
    expect(rows(run)).toEqual([
      ['pytorch:2.8', 'success', null],
      [
        'torchvision',
        'missing',
        `its report artifact jetson-report-${KEY}-torchvision-2 could not be downloaded (blob storage answered HTTP 503); attempt 1 had said failure`,
      ],
      ['numpy', 'success', null],
    ]);
    expect(JSON.parse(out['missing-packages'] as string)).toEqual(['torchvision']);
  });
});

/** A loopback double of the runner's artifact service (Twirp) and its blob storage, for downloads. */
async function startRunnerService(artifacts: ApiArtifact[], refused: Set<number>): Promise<Receiver> {
  const zips = new Map(artifacts.map((a) => [a.id, zipOf(a.files)]));
  let base = '';
  const entry = (a: ApiArtifact) => ({
    workflow_run_backend_id: 'run-backend',
    workflow_job_run_backend_id: 'job-backend',
    database_id: String(a.id),
    name: a.name,
    size: String(zips.get(a.id)?.length ?? 0),
  });
  const route = (req: RecordedRequest): Reply => {
    const blob = /^\/blob\/(\d+)\.zip$/.exec(req.path);
    if (blob)
      return { headers: { 'content-type': 'application/zip' }, body: zips.get(Number(blob[1])) ?? '' };
    const body = (req.json ?? {}) as Record<string, string>;
    if (req.path.endsWith('/ListArtifacts')) {
      const id = body['id_filter'] ?? body['idFilter'];
      const listed = artifacts.filter((a) => id === undefined || String(a.id) === String(id));
      return { body: { artifacts: listed.map(entry) } };
    }
    if (req.path.endsWith('/GetSignedArtifactURL')) {
      const a = artifacts.find((x) => x.name === body['name']);
      // What GitHub answers for an earlier attempt's artifact through this service.
      if (!a || refused.has(a.id))
        return { status: 404, body: { code: 'not_found', msg: 'workflow run not found' } };
      return { body: { signed_url: `${base}/blob/${a.id}.zip?sig=x` } };
    }
    return { status: 404, body: { code: 'bad_route', msg: req.path } };
  };
  const receiver = await startReceiver({ fallback: route }, { maxHangMs: 5000 });
  base = receiver.url;
  return receiver;
}

function zipOf(files: Record<string, string | Buffer | object>): Buffer {
  const zip = new AdmZip();
  for (const [name, content] of Object.entries(files)) {
    zip.addFile(
      name,
      Buffer.isBuffer(content)
        ? content
        : Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
    );
  }
  return zip.toBuffer();
}

describe('report-artifacts without actions: read', () => {
  it("reads through the runner's service, says why, and names each earlier attempt's artifact it was refused", async () => {
    api.serve({ runs: [apiRun(RUN_ID, null)], artifacts: RERUN, token: TOKEN, answer: () => forbidden() });
    const mine = RERUN.filter((a) => a.name.includes(KEY));
    const service = await startRunnerService(RERUN, new Set([11, 12, 13]));
    try {
      const { run, commands } = await summarize({
        ACTIONS_RESULTS_URL: `${service.url}/`,
        ACTIONS_RUNTIME_TOKEN: unsignedRuntimeToken('run-backend', 'job-backend'),
      });
      expect(rows(run).map(([name, status]) => [name, status])).toEqual([
        ['pytorch:2.8', 'missing'],
        ['torchvision', 'success'],
        ['numpy', 'missing'],
      ]);
      expect(run.runs[0]?.reason).toMatch(
        new RegExp(
          `^its report artifact jetson-report-${KEY}-pytorch-2\\.8-1 could not be downloaded \\(.*workflow run not found`,
        ),
      );
      expect(commands.find((c) => c.startsWith('::notice title=Report artifacts::'))).toMatch(
        /could not list this run's artifacts through the GitHub API \(.*\); reading them through the runner's artifact service\. Grant the calling job `actions: read`/,
      );
      expect(
        commands.find((c) => c.startsWith('::warning title=Report artifacts not downloaded::')),
      ).toContain(`3 report artifact(s) could not be downloaded: jetson-report-${KEY}-numpy-1`);
      expect(mine).toHaveLength(4);
    } finally {
      await service.close();
    }
  });
});
