import { describe, expect, it } from 'vitest';
import {
  GENERIC_EVENT,
  GENERIC_MAX_BYTES,
  GENERIC_PAYLOAD_VERSION,
  renderGeneric,
  type GenericPayload,
} from '../../src/notify/render/generic.js';
import type { BuildReport, PackageResult } from '../../src/report/build-report.js';
import * as F from '../support/reports.js';
import { validateGenericPayload } from '../support/schema.js';
import { hasLoneSurrogate, stringsIn } from '../support/markdown.js';

function payload(report: BuildReport): GenericPayload {
  const out = renderGeneric(report);
  expect(out.files).toEqual([]);
  return out.body as GenericPayload;
}

const bytes = (p: unknown): number => Buffer.byteLength(JSON.stringify(p), 'utf8');

/** Far past any sane build: 3000 packages with 2 KB multi-byte names and huge excerpts. */
function monster(): BuildReport {
  const r = F.manyPackages(3000);
  r.packages = r.packages.map((p, i): PackageResult => ({
    ...p,
    name: `名前${i}-` + '字'.repeat(2000),
    image: p.image ? '画'.repeat(2000) : null,
    failure: p.failure ? { ...p.failure, error: '誤'.repeat(5000), logFile: '/' + 'ロ'.repeat(3000) } : null,
  }));
  r.requestedPackages = r.packages.map((p) => p.name);
  r.failedPackages = r.packages.filter((p) => p.status === 'failure').map((p) => p.name);
  r.images = r.packages.flatMap((p) => (p.image ? [p.image] : []));
  return r;
}

describe('renderGeneric: schema', () => {
  it.each(F.allReports())('%s validates against schema/generic-payload.schema.json', (_name, report) => {
    const body = payload(report);
    expect(() => validateGenericPayload(JSON.parse(JSON.stringify(body)))).not.toThrow();
  });

  it('the monster report still validates', () => {
    expect(() => validateGenericPayload(JSON.parse(JSON.stringify(payload(monster()))))).not.toThrow();
  });

  it('the schema rejects a payload without status, with a bad status or an unknown field', () => {
    const body = JSON.parse(JSON.stringify(payload(F.successChainWithPush()))) as Record<string, unknown>;
    const { status: _status, ...noStatus } = body;
    expect(() => validateGenericPayload(noStatus)).toThrow(/status/);
    expect(() => validateGenericPayload({ ...body, status: 'passed' })).toThrow(/status/);
    expect(() => validateGenericPayload({ ...body, surprise: 1 })).toThrow(/surprise/);
    expect(() => validateGenericPayload({ ...body, end_time: '2026-03-14T17:40:11.750Z' })).toThrow(
      /end_time/,
    );
  });
});

describe('renderGeneric: the upstream fields, with upstream meaning', () => {
  it('success: status, end_time, packages, build_command, environment, message, details, log_file', () => {
    const r = F.successChainWithPush();
    const p = payload(r);
    expect(p.status).toBe('success');
    expect(p.end_time).toBe('2026-03-14T17:40:11Z');
    expect(p.end_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(p.packages).toEqual(['numpy']);
    expect(p.build_command).toBe(r.command.display);
    expect(p.environment).toEqual({
      L4T_VERSION: '36.4.4',
      JETPACK_VERSION: '6.2.1',
      CUDA_VERSION: '12.6',
      PYTHON_VERSION: '3.10',
      SYSTEM_ARCH: 'aarch64',
      LSB_RELEASE: '22.04',
      CUDA_ARCH: 'tegra-aarch64',
    });
    expect(p.message).toBe(r.message);
    expect(p.details).toBe(r.message);
    expect(p.log_file).toBe('/home/runner/_work/jc-logs/console.log');
  });

  it('failure: details carry the error and where it happened', () => {
    const p = payload(F.stageFailure());
    expect(p.status).toBe('failure');
    expect(p.details).toBe(
      'ERROR: failed to solve: process "/bin/sh -c /tmp/build.sh" did not complete successfully: exit code: 100 [stage python (3/4), build]',
    );
  });

  it('packages are the names as typed, in order, even when results are reordered or shortened', () => {
    const r = F.multipleSkipErrorsMixed();
    const p = payload(r);
    expect(p.packages).toEqual(['numpy', 'pytorch:2.8', 'ros:humble-desktop', 'cmake']);
    expect(p.results.map((x) => x.name)).toEqual(p.packages);
  });

  it('an empty environment is an empty object, as upstream sends when nothing is set', () => {
    expect(payload(F.emptyEnvironment()).environment).toEqual({});
    expect(payload(F.emptyEnvironment()).environment_source).toBe('none');
  });
});

describe('renderGeneric: what this action adds', () => {
  it('identifies itself with payload_version and event', () => {
    const p = payload(F.successChainWithPush());
    expect(p.payload_version).toBe(GENERIC_PAYLOAD_VERSION);
    expect(p.payload_version).toBe(1);
    expect(p.event).toBe(GENERIC_EVENT);
    expect(p.event).toBe('jetson.build.finished');
  });

  it('links: log_url is the artifact when uploaded, else the run, else null', () => {
    const r = F.successChainWithPush();
    const p = payload(r);
    expect(p.log_url).toBe(r.logs.artifactUrl);
    expect(p.run_url).toBe(r.run.runUrl);
    expect(p.artifact_url).toBe(r.logs.artifactUrl);
    const noArtifact = F.successChainWithPush();
    noArtifact.logs = {
      ...noArtifact.logs,
      artifactUrl: null,
      artifactId: null,
      url: null,
      uploadError: 'boom',
    };
    expect(payload(noArtifact).log_url).toBe(r.run.runUrl);
    expect(payload(noArtifact).log_upload_error).toBe('boom');
    expect(payload(F.emptyEnvironment()).log_url).toBeNull();
  });

  it('per-package results with images, pushed images, durations and failure points', () => {
    const p = payload(F.successChainWithPush());
    expect(p.results).toEqual([
      {
        name: 'numpy',
        status: 'success',
        image: 'runner/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04',
        pushed_image: 'myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04',
        duration_seconds: 68.5,
        failure: null,
      },
    ]);
    const f = payload(F.stageFailure()).results[0]!.failure!;
    expect(f.stage).toBe('python');
    expect(f.stage_index).toBe(3);
    expect(f.stage_count).toBe(4);
    expect(f.phase).toBe('build');
    expect(f.excerpt.at(-1)).toBe('Failed building:  numpy');
    expect(f.log_file).toMatch(/03o4_numpy_.*-python\.txt$/);
  });

  it('the run context, runner, timing and exit code', () => {
    const r = F.multipleSkipErrorsMixed();
    const p = payload(r);
    expect(p.status).toBe('failure');
    expect(p.exit_code).toBe(0);
    expect(p.failed_packages).toEqual(['pytorch:2.8']);
    expect(p.images).toEqual(r.images);
    expect(p.duration_seconds).toBe(6312.7);
    expect(p.start_time).toBe('2026-03-14T17:39:02Z');
    expect(p.runner).toEqual({
      name: 'orin-agx-01',
      os: 'Linux',
      arch: 'ARM64',
      labels: ['self-hosted', 'jetson', 'orin'],
    });
    expect(p).toMatchObject({
      repository: 'acme/jetson-images',
      ref: 'refs/heads/main',
      sha: r.run.sha,
      workflow: 'Build images',
      job: 'build',
      run_id: '9876543210',
      run_attempt: '1',
      server_url: 'https://github.com',
      options: { multiple: true, skip_errors: true, name: null, push: null },
      truncated: false,
      results_total: 4,
    });
    expect(p.failure!.phase).toBe('build');
  });

  it('cancelled stays cancelled, with its signal', () => {
    const p = payload(F.cancelled());
    expect(p.status).toBe('cancelled');
    expect(p.signal).toBe('SIGINT');
    expect(p.exit_code).toBe(130);
    expect(p.results[0]!.status).toBe('cancelled');
  });

  it('uses snake_case keys everywhere', () => {
    const keys = (v: unknown): string[] =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.entries(v).flatMap(([k, x]) => [k, ...keys(x)])
        : Array.isArray(v)
          ? v.flatMap(keys)
          : [];
    const all = keys(payload(F.multipleSkipErrorsMixed())).filter((k) => !/^[A-Z0-9_]+$/.test(k));
    for (const k of all) expect(k).toMatch(/^[a-z0-9_]+$/);
  });
});

describe('renderGeneric: bounded for hostile reports', () => {
  it('a 50 KB error becomes at most 2000 characters and 40 excerpt lines of ≤ 500', () => {
    const p = payload(F.hugeError());
    for (const f of [p.failure!, p.results[0]!.failure!]) {
      expect(f.error!.length).toBeLessThanOrEqual(2000);
      expect(f.error!.endsWith('…')).toBe(true);
      expect(f.excerpt.length).toBeLessThanOrEqual(40);
      for (const l of f.excerpt) expect(l.length).toBeLessThanOrEqual(500);
    }
    expect(p.message.length).toBeLessThanOrEqual(2000);
    expect(p.truncated).toBe(true);
    expect(bytes(p)).toBeLessThan(64 * 1024);
  });

  it.each(F.allReports())('%s stays under the byte bound with no broken characters', (_name, report) => {
    const p = payload(report);
    expect(bytes(p)).toBeLessThanOrEqual(GENERIC_MAX_BYTES);
    for (const [path, s] of stringsIn(p)) expect(hasLoneSurrogate(s), path).toBe(false);
  });

  it('300 packages are all listed, with excerpts for the first 10 failures only', () => {
    const p = payload(F.manyPackages(300));
    expect(p.results).toHaveLength(300);
    expect(p.results_total).toBe(300);
    const failures = p.results.filter((x) => x.failure);
    expect(failures.filter((x) => x.failure!.excerpt.length > 0)).toHaveLength(10);
    expect(p.failure!.excerpt).toHaveLength(40);
  });

  it('a monster report is cut to the byte bound, keeping failed packages and saying so', () => {
    const r = monster();
    expect(Buffer.byteLength(JSON.stringify(r))).toBeGreaterThan(10 * 1024 * 1024);
    const p = payload(r);
    expect(bytes(p)).toBeLessThanOrEqual(GENERIC_MAX_BYTES);
    expect(p.truncated).toBe(true);
    expect(p.results_total).toBe(3000);
    expect(p.results.length).toBeLessThan(3000);
    expect(p.results.length).toBeGreaterThan(0);
    // Failures are kept before successes when the list must be shortened.
    const keptFailed = p.results.filter((x) => x.status === 'failure').length;
    const keptOk = p.results.length - keptFailed;
    if (keptOk > 0) expect(keptFailed).toBe(r.failedPackages.length);
    else expect(keptFailed).toBe(p.results.length);
  });

  it('is pure: it does not modify the report', () => {
    const r = F.hugeError();
    const before = JSON.stringify(r);
    payload(r);
    expect(JSON.stringify(r)).toBe(before);
  });
});
