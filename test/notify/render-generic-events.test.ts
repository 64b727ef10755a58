// The generic payload's events and change: `jetson.build.finished` with `change`, `jetson.test`, and the
// `jetson.build.started` body of notify-start — each checked against schema/generic-payload.schema.json.
import { describe, expect, it } from 'vitest';
import {
  renderGeneric,
  renderGenericStarted,
  type BuildStart,
  type GenericPayload,
} from '../../src/notify/render/generic.js';
import type { ChangeState } from '../../src/notify/types.js';
import * as F from '../support/reports.js';
import { validateGenericPayload } from '../support/schema.js';

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function finished(change: ChangeState, report = F.stageFailure()): GenericPayload {
  return renderGeneric(report, { event: 'finished', change }).body as GenericPayload;
}

const START: BuildStart = {
  packages: ['pytorch:2.8', 'torchvision'],
  command: {
    display: 'jetson-containers build --multiple --logs=/tmp/logs pytorch:2.8 torchvision',
    argv: ['build', '--multiple', '--logs=/tmp/logs', 'pytorch:2.8', 'torchvision'],
  },
  runner: { name: 'orin-agx-01', os: 'Linux', arch: 'ARM64', labels: ['self-hosted', 'jetson'] },
  run: {
    serverUrl: 'https://github.com',
    repository: 'octo-org/jetson-images',
    ref: 'refs/heads/main',
    sha: '0123456789abcdef0123456789abcdef01234567',
    workflow: 'Jetson images',
    job: 'build',
    runId: '4242',
    runAttempt: '1',
    runUrl: 'https://github.com/octo-org/jetson-images/actions/runs/4242',
    jobUrl: 'https://github.com/octo-org/jetson-images/actions/runs/4242/job/777',
    matrix: null,
  },
  startTime: '2026-03-14T17:00:00.250Z',
};

describe('jetson.build.finished', () => {
  it.each([
    ['fixed', 'fixed'],
    ['broken', 'broken'],
    ['same', null],
    ['first', null],
    ['unknown', null],
  ] as const)('change %s → "change": %j, and the body validates', (change, field) => {
    const body = finished(change);
    expect(body.event).toBe('jetson.build.finished');
    expect(body.change).toBe(field);
    expect(() => validateGenericPayload(json(body))).not.toThrow();
  });

  it('without a context it is a result with no change', () => {
    const body = renderGeneric(F.successChainWithPush()).body as GenericPayload;
    expect([body.event, body.change]).toEqual(['jetson.build.finished', null]);
  });

  it('links the job itself when it is known', () => {
    const report = F.successChainWithPush();
    report.run.jobUrl = 'https://github.com/octo-org/jetson-images/actions/runs/4242/job/777';
    expect(finished('unknown', report).job_url).toBe(
      'https://github.com/octo-org/jetson-images/actions/runs/4242/job/777',
    );
    delete report.run.jobUrl;
    expect(finished('unknown', report).job_url).toBeNull();
  });

  it('a test sample is event jetson.test, shaped like a result', () => {
    const body = renderGeneric(F.successChainWithPush(), { event: 'test', change: 'unknown' })
      .body as GenericPayload;
    expect(body.event).toBe('jetson.test');
    expect(body.status).toBe('success');
    expect(() => validateGenericPayload(json(body))).not.toThrow();
  });

  it('a body sent before job_url and change existed still validates (additive, same payload_version)', () => {
    const { job_url: _j, change: _c, ...older } = finished('fixed');
    expect(older.payload_version).toBe(1);
    expect(() => validateGenericPayload(json(older))).not.toThrow();
  });

  it('the schema still requires a result’s fields and refuses a change it does not know', () => {
    const { status: _s, ...noStatus } = finished('fixed');
    expect(() => validateGenericPayload(json(noStatus))).toThrow(/status/);
    expect(() => validateGenericPayload({ ...json(finished('fixed')), change: 'same' })).toThrow(/change/);
  });
});

describe('jetson.build.started', () => {
  it('says what is built, where, and where to watch it', () => {
    const rendered = renderGenericStarted(START);
    expect(rendered.files).toEqual([]);
    expect(rendered.body).toEqual({
      payload_version: 1,
      event: 'jetson.build.started',
      start_time: '2026-03-14T17:00:00Z',
      packages: ['pytorch:2.8', 'torchvision'],
      build_command: 'jetson-containers build --multiple --logs=/tmp/logs pytorch:2.8 torchvision',
      command_argv: ['build', '--multiple', '--logs=/tmp/logs', 'pytorch:2.8', 'torchvision'],
      runner: { name: 'orin-agx-01', os: 'Linux', arch: 'ARM64', labels: ['self-hosted', 'jetson'] },
      run_url: 'https://github.com/octo-org/jetson-images/actions/runs/4242',
      job_url: 'https://github.com/octo-org/jetson-images/actions/runs/4242/job/777',
      server_url: 'https://github.com',
      repository: 'octo-org/jetson-images',
      ref: 'refs/heads/main',
      sha: '0123456789abcdef0123456789abcdef01234567',
      workflow: 'Jetson images',
      job: 'build',
      run_id: '4242',
      run_attempt: '1',
      matrix: null,
      truncated: false,
    });
    expect(() => validateGenericPayload(json(rendered.body))).not.toThrow();
  });

  it('the schema holds a started body to its own fields: no status, nothing missing', () => {
    const body = json(renderGenericStarted(START).body) as Record<string, unknown>;
    expect(() => validateGenericPayload({ ...body, status: 'success' })).toThrow(/status/);
    const { packages: _p, ...noPackages } = body;
    expect(() => validateGenericPayload(noPackages)).toThrow(/packages/);
  });

  it('stays bounded for an absurd package list', () => {
    const many = {
      ...START,
      packages: Array.from({ length: 2000 }, (_, i) => `pkg-${i}-${'x'.repeat(1000)}`),
    };
    const body = renderGenericStarted(many).body as { packages: string[]; truncated: boolean };
    expect(body.packages).toHaveLength(500);
    expect(body.truncated).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(512 * 1024);
  });
});
