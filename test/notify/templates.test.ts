// Templates render every field with its concrete value from a report, per platform.
import { describe, expect, it } from 'vitest';
import {
  buildTemplateView,
  FIELDS,
  runTemplateView,
  startTemplateView,
} from '../../src/notify/template-fields.js';
import { renderMessageTemplate, renderPayloadTemplate } from '../../src/notify/templates.js';
import { renderRunDiscord } from '../../src/notify/render/run-discord.js';
import { renderRunGeneric } from '../../src/notify/render/run-generic.js';
import type { RunReport, RunRow } from '../../src/report/run-report.js';
import type { DiscordOptions } from '../../src/notify/types.js';
import * as F from '../support/reports.js';

const ARTIFACT_URL = 'https://github.com/acme/jetson-images/actions/runs/9876543210/artifacts/4242';
const RUN_URL = 'https://github.com/acme/jetson-images/actions/runs/9876543210';
const ERROR_137 =
  'ERROR: failed to solve: process "/bin/sh -c /tmp/install.sh" did not complete successfully: exit code: 137';

/** Every value field of a single build (`multipleSkipErrorsMixed`, a broken build), as a user sees it. */
const EXPECTED: Record<string, string | number | boolean> = {
  event: 'jetson.build.finished',
  status: 'failure',
  emoji: '❌',
  is_success: false,
  is_failure: true,
  is_cancelled: false,
  message: '1 of 4 packages failed: pytorch:2.8 (stage pytorch:2.8, build).',
  change: 'broken',
  packages: 'numpy, pytorch:2.8, ros:humble-desktop, cmake',
  package_count: 4,
  failed_packages: 'pytorch:2.8',
  failed_count: 1,
  success_count: 3,
  images:
    'numpy:r36.4.tegra-aarch64-cu126-22.04, ros:humble-desktop-l4t-r36.4.4, cmake:r36.4.tegra-aarch64-cu126-22.04',
  error: ERROR_137,
  stage: 'pytorch:2.8',
  phase: 'build',
  excerpt: [
    '#9 412.3 [ 87%] Building CXX object caffe2/CMakeFiles/torch_cuda.dir/__/aten/src/ATen/native/cuda/Loss.cu.o',
    '#9 ERROR: process "/bin/sh -c /tmp/install.sh" did not complete successfully: exit code: 137',
    ERROR_137,
  ].join('\n'),
  log_url: ARTIFACT_URL,
  artifact_url: ARTIFACT_URL,
  run_url: RUN_URL,
  job_url: `${RUN_URL}/job/555`,
  duration: '1h 45m 13s',
  duration_seconds: 6313,
  start_time: '2026-03-14T17:39:02.125Z',
  end_time: '2026-03-14T17:40:11.750Z',
  runner: 'orin-agx-01',
  repository: 'acme/jetson-images',
  ref: 'refs/heads/main',
  sha: '3f5c0e9d1b2a4c6e8f0a1b2c3d4e5f60718293a4',
  short_sha: '3f5c0e9',
  workflow: 'Build images',
  job: 'build',
  run_id: '9876543210',
  run_attempt: '1',
  l4t: '36.4.4',
  jetpack: '6.2.1',
  cuda: '12.6',
  python: '3.10',
  arch: 'aarch64',
  command: 'jetson-containers build --multiple --skip-errors numpy pytorch:2.8 ros:humble-desktop cmake',
  exit_code: 0,
};

function mixed(): ReturnType<typeof F.multipleSkipErrorsMixed> {
  const r = F.multipleSkipErrorsMixed();
  r.run.jobUrl = `${RUN_URL}/job/555`;
  return r;
}

/** A JSON template naming `keys`: numbers and flags bare, text quoted. */
function jsonTemplate(expected: Record<string, unknown>): string {
  const parts = Object.entries(expected).map(([k, v]) =>
    typeof v === 'string' ? `"${k}": "{{${k}}}"` : `"${k}": {{${k}}}`,
  );
  return `{\n  ${parts.join(',\n  ')}\n}`;
}

describe('every field, from a report', () => {
  it('names each value field of the field list once (the lists are checked below)', () => {
    const values = FIELDS.filter((f) => f.type !== 'list').map((f) => f.name);
    expect(Object.keys(EXPECTED).sort()).toEqual([...values].sort());
  });

  it('renders each value field in a payload template with its concrete value', () => {
    const view = buildTemplateView(mixed(), { event: 'finished', change: 'broken' });
    const body = renderPayloadTemplate(jsonTemplate(EXPECTED), () => view, 512 * 1024);
    expect(body).toEqual(EXPECTED);
  });

  it('lists results failures first, each with its own values', () => {
    const view = buildTemplateView(mixed());
    const tpl =
      '[{{#results}}{"name": "{{name}}", "status": "{{status}}", "emoji": "{{emoji}}", "image": "{{image}}", ' +
      '"duration": "{{duration}}", "seconds": {{duration_seconds}}, "error": "{{error}}", "first": {{first}}}' +
      '{{^last}},{{/last}}{{/results}}]';
    expect(renderPayloadTemplate(tpl, () => view, 512 * 1024)).toEqual([
      {
        name: 'pytorch:2.8',
        status: 'failure',
        emoji: '❌',
        image: '',
        duration: '1h 02m 05s',
        seconds: 3725,
        error: ERROR_137,
        first: true,
      },
      {
        name: 'numpy',
        status: 'success',
        emoji: '✅',
        image: 'numpy:r36.4.tegra-aarch64-cu126-22.04',
        duration: '1m 10s',
        seconds: 70,
        error: '',
        first: false,
      },
      {
        name: 'ros:humble-desktop',
        status: 'success',
        emoji: '✅',
        image: 'ros:humble-desktop-l4t-r36.4.4',
        duration: '40m 10s',
        seconds: 2410,
        error: '',
        first: false,
      },
      {
        name: 'cmake',
        status: 'success',
        emoji: '✅',
        image: 'cmake:r36.4.tegra-aarch64-cu126-22.04',
        duration: '41s',
        seconds: 41,
        error: '',
        first: false,
      },
    ]);
  });

  it('iterates {{#failed}} over three failures with name, stage, phase, error and log_url', () => {
    const r = mixed();
    for (const p of r.packages) {
      if (p.status === 'success' && p.name !== 'numpy') {
        p.status = 'failure';
        p.failure = {
          stage: `${p.name.split(':')[0]}-stage`,
          stageIndex: 2,
          stageCount: 3,
          phase: 'test',
          error: `test of ${p.name} failed`,
          excerpt: [],
          logFile: null,
        };
      }
    }
    const line = renderMessageTemplate(
      '{{#failed}}{{name}} [{{stage}}/{{phase}}]: {{error}} <{{log_url}}>{{^last}} | {{/last}}{{/failed}}',
      buildTemplateView(r),
      'slack',
    );
    expect(line).toBe(
      `pytorch:2.8 [pytorch:2.8/build]: ${ERROR_137} <${ARTIFACT_URL}> | ` +
        `ros:humble-desktop [ros-stage/test]: test of ros:humble-desktop failed <${ARTIFACT_URL}> | ` +
        `cmake [cmake-stage/test]: test of cmake failed <${ARTIFACT_URL}>`,
    );
  });

  it('renders nothing for {{#failed}} and the inverted section for a success', () => {
    const view = buildTemplateView(F.successChainWithPush());
    const line = renderMessageTemplate(
      '{{emoji}} {{packages}}{{#failed}} failed: {{name}}{{/failed}}{{^failed}} built in {{duration}}{{/failed}}',
      view,
      'discord',
    );
    expect(line).toBe('✅ numpy built in 1m 10s');
  });

  it('gives the test-notification event and the change it was told', () => {
    const view = buildTemplateView(F.stageFailure(), { event: 'test', change: 'fixed' });
    expect(renderMessageTemplate('🔔 {{event}} {{change}}: {{message}}', view, 'teams')).toBe(
      '🔔 jetson.test fixed: numpy failed building stage python (3/4) after 1m 12s.',
    );
  });

  it('leaves an unknown value empty: no job page, no exit code', () => {
    const r = F.cancelled();
    r.exitCode = null;
    const line = renderMessageTemplate(
      'job=[{{job_url}}] exit=[{{exit_code}}]',
      buildTemplateView(r),
      'discord',
    );
    expect(line).toBe('job=[] exit=[]');
  });
});

function runRow(name: string, status: RunRow['status'], extra: Partial<RunRow> = {}): RunRow {
  return {
    name,
    status,
    requested: name,
    reason: status === 'missing' ? 'no report: the runner was lost' : null,
    image: status === 'success' ? `${name}:r36.4` : null,
    pushed_image: null,
    duration_seconds: status === 'missing' ? null : 600,
    failure:
      status === 'failure'
        ? { stage: name, phase: 'build', error: `${name} did not build`, excerpt: [] }
        : null,
    log_url: `${RUN_URL}/artifacts/${name.length}`,
    web_url: `${RUN_URL}/job/${name.length}`,
    created: '2026-03-14T17:00:00Z',
    completed: '2026-03-14T17:10:00Z',
    host_tag: status === 'missing' ? null : 'orin-agx-01',
    leg: null,
    platform: null,
    environment: null,
    platform_mismatch: null,
    change: null,
    ...extra,
  };
}

describe('the fleet run', () => {
  const run: RunReport = {
    schema_version: 2,
    event: 'jetson.run.finished',
    build_id: '987',
    url: RUN_URL,
    web_url: RUN_URL,
    status: 'failure',
    message: '1 of 3 packages failed, 1 without a report.',
    trigger_name: 'Fleet',
    repository: 'acme/jetson-images',
    ref: 'refs/heads/main',
    sha: 'abcdef0123456789abcdef0123456789abcdef01',
    run_attempt: '2',
    created: '2026-03-14T17:00:00Z',
    completed: '2026-03-14T17:42:00Z',
    wall_seconds: 2520,
    build_seconds_sum: 1800,
    totals: { packages: 3, cells: 3, success: 1, failure: 1, cancelled: 0, missing: 1 },
    platforms: [],
    failed: [],
    failed_packages: ['torch', 'ros'],
    missing_packages: ['ros'],
    images: ['numpy:r36.4'],
    jobs: { build: 'failure' },
    runs: [runRow('numpy', 'success'), runRow('torch', 'failure'), runRow('ros', 'missing')],
  };

  it('renders the run-wide values and the failed rows, missing ones included', () => {
    const line = renderMessageTemplate(
      '{{emoji}} {{event}} {{status}} {{failed_count}}/{{package_count}} in {{duration}} on {{runner}} ' +
        '({{short_sha}}, attempt {{run_attempt}}): {{#failed}}{{name}}={{phase}}:{{error}};{{/failed}} {{run_url}}',
      runTemplateView(run, { event: 'finished', change: 'same' }),
      'discord',
    );
    expect(line).toBe(
      '❌ jetson.run.finished failure 2/3 in 42m 00s on orin-agx-01 (abcdef0, attempt 2): ' +
        'torch=build:torch did not build;ros=missing:no report: the runner was lost; ' +
        RUN_URL,
    );
  });

  it('its generic body is the payload template, and its Discord content the message template', () => {
    const ctx = { event: 'finished', change: 'broken' } as const;
    expect(
      renderRunGeneric(
        run,
        '{"s": "{{status}}", "change": "{{change}}", "missing": "{{failed_packages}}"}',
        ctx,
      ).body,
    ).toEqual({ s: 'failure', change: 'broken', missing: 'torch, ros' });
    expect(renderRunGeneric(run).body).toBe(run);
    const opts: DiscordOptions = {
      username: null,
      avatarUrl: null,
      threadId: null,
      threadName: null,
      attachLog: 'never',
      style: 'compact',
      mentionOnFailure: { users: [], roles: [] },
      live: false,
      liveIntervalMs: 10_000,
    };
    const body = renderRunDiscord(run, opts, ctx, '{{emoji}} {{workflow}} run {{run_id}}: {{message}}')
      .body as {
      content: string;
    };
    expect(body.content).toBe('❌ Fleet run 987: 1 of 3 packages failed, 1 without a report.');
  });
});

describe('the start view', () => {
  it('says started, with the packages and where it runs', () => {
    const r = F.successChainWithPush();
    const view = startTemplateView({
      packages: ['numpy', 'cmake'],
      command: r.command,
      runner: r.runner,
      run: r.run,
      startTime: '2026-03-14T17:39:02.125Z',
    });
    expect(renderMessageTemplate('{{emoji}} {{status}}: {{message}} on {{runner}}', view, 'slack')).toBe(
      '🔨 started: Building numpy, cmake on orin-agx-01',
    );
  });
});
