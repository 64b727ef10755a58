// A factory of realistic BuildReports (modelled on the recorded jetson-containers transcripts) plus hostile
// ones that try to break renderers: huge, backtick-laden, mention-laden, unicode-heavy or nearly empty.
// Every function returns a fresh object, so a test may mutate what it gets.
import type {
  BuildReport,
  FailurePoint,
  PackageResult,
  StageRecord,
  EnvironmentInfo,
} from '../../src/report/build-report.js';

const TAG = 'r36.4.tegra-aarch64-cu126-22.04';
const LOG_DIR = '/home/runner/_work/jc-logs';
const RUN_URL = 'https://github.com/acme/jetson-images/actions/runs/9876543210';
const ARTIFACT_URL = 'https://github.com/acme/jetson-images/actions/runs/9876543210/artifacts/4242';

function environment(): EnvironmentInfo {
  return {
    L4T_VERSION: '36.4.4',
    JETPACK_VERSION: '6.2.1',
    CUDA_VERSION: '12.6',
    PYTHON_VERSION: '3.10',
    SYSTEM_ARCH: 'aarch64',
    LSB_RELEASE: '22.04',
    CUDA_ARCH: 'tegra-aarch64',
    source: 'console',
  };
}

function stages(target: string, chain: string[], failAt: number | null, phase: 'build' | 'test' = 'build') {
  const out: StageRecord[] = [];
  chain.forEach((name, i) => {
    const failed = failAt === i;
    if (failAt !== null && i > failAt) return;
    out.push({
      target,
      name,
      image: `${target}:${TAG}-${name}`,
      index: i + 1,
      total: chain.length,
      phase: failed ? phase : 'build',
      status: failed ? 'failure' : 'success',
      startTime: `2026-03-14T17:38:${String(51 + i).padStart(2, '0')}Z`,
      durationSeconds: failed ? 4.2 : 12 + i,
    });
  });
  return out;
}

/** The base: `jetson-containers build --name runner/ --push myuser numpy`, succeeded and pushed. */
export function successChainWithPush(): BuildReport {
  const image = `runner/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04`;
  const pushed = `myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04`;
  const argv = [
    'jetson-containers',
    'build',
    '--logs',
    LOG_DIR,
    '--name',
    'runner/',
    '--push',
    'myuser',
    'numpy',
  ];
  return {
    schemaVersion: 1,
    status: 'success',
    message: 'Built numpy and pushed myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04 in 1m 09s.',
    exitCode: 0,
    signal: null,
    requestedPackages: ['numpy'],
    packages: [
      { name: 'numpy', status: 'success', image, pushedImage: pushed, durationSeconds: 68.5, failure: null },
    ],
    failedPackages: [],
    images: [image, pushed],
    stages: stages('numpy', ['build-essential', 'pip_cache', 'python', 'numpy'], null),
    environment: environment(),
    command: { argv, display: argv.join(' ') },
    startTime: '2026-03-14T17:39:02.125Z',
    endTime: '2026-03-14T17:40:11.750Z',
    durationSeconds: 69.625,
    toolBuildSeconds: 68.5,
    failure: null,
    runner: { name: 'orin-agx-01', os: 'Linux', arch: 'ARM64', labels: ['self-hosted', 'jetson', 'orin'] },
    run: {
      serverUrl: 'https://github.com',
      repository: 'acme/jetson-images',
      ref: 'refs/heads/main',
      sha: '3f5c0e9d1b2a4c6e8f0a1b2c3d4e5f60718293a4',
      workflow: 'Build images',
      job: 'build',
      runId: '9876543210',
      runAttempt: '1',
      runUrl: RUN_URL,
      matrix: null,
    },
    logs: {
      dir: LOG_DIR,
      consoleLog: `${LOG_DIR}/console.log`,
      reportFile: `${LOG_DIR}/report.json`,
      artifactName: 'jetson-build-logs-numpy',
      artifactId: 4242,
      artifactUrl: ARTIFACT_URL,
      url: ARTIFACT_URL,
      uploadError: null,
    },
    options: { multiple: false, skipErrors: false, name: 'runner/', push: 'myuser' },
  };
}

const DOCKER_FAILURE_EXCERPT = [
  '#1 [internal] load build definition from Dockerfile',
  '#1 transferring dockerfile: 1.2kB done',
  '#5 [2/3] RUN /tmp/build.sh',
  '#5 12.34 E: Unable to locate package foo',
  '#5 ERROR: process "/bin/sh -c /tmp/build.sh" did not complete successfully: exit code: 100',
  '------',
  'ERROR: failed to solve: process "/bin/sh -c /tmp/build.sh" did not complete successfully: exit code: 100',
  '💣 `jetson-containers build` failed after 71.9 seconds (1.2 minutes)',
  "Error: Command 'DOCKER_BUILDKIT=1 docker buildx build --tag numpy:r36.4.tegra-aarch64-cu126-22.04-python …' returned non-zero exit status 1.",
  'Failed building:  numpy',
];

/** A chain build whose `python` stage fails in `docker build` (exit 1). */
export function stageFailure(): BuildReport {
  const r = successChainWithPush();
  const failure: FailurePoint = {
    stage: 'python',
    stageIndex: 3,
    stageCount: 4,
    phase: 'build',
    error:
      'ERROR: failed to solve: process "/bin/sh -c /tmp/build.sh" did not complete successfully: exit code: 100',
    excerpt: DOCKER_FAILURE_EXCERPT.slice(),
    logFile: `${LOG_DIR}/build/03o4_numpy_r36.4.tegra-aarch64-cu126-22.04-python.txt`,
  };
  const argv = ['jetson-containers', 'build', '--logs', LOG_DIR, 'numpy'];
  return {
    ...r,
    status: 'failure',
    message: 'numpy failed building stage python (3/4) after 1m 12s.',
    exitCode: 1,
    packages: [
      { name: 'numpy', status: 'failure', image: null, pushedImage: null, durationSeconds: 71.9, failure },
    ],
    failedPackages: ['numpy'],
    images: [],
    stages: stages('numpy', ['build-essential', 'pip_cache', 'python', 'numpy'], 2),
    command: { argv, display: argv.join(' ') },
    toolBuildSeconds: null,
    failure: { ...failure, excerpt: failure.excerpt.slice() },
    options: { multiple: false, skipErrors: false, name: null, push: null },
  };
}

/** The image builds but its test fails. */
export function testFailure(): BuildReport {
  const r = stageFailure();
  const failure: FailurePoint = {
    stage: 'numpy',
    stageIndex: 4,
    stageCount: 4,
    phase: 'test',
    error: 'AssertionError: numpy.linalg self-test returned wrong determinant',
    excerpt: [
      'testing numpy...',
      'numpy version: 2.2.6',
      'Traceback (most recent call last):',
      '  File "/test/test.py", line 12, in <module>',
      '    assert abs(np.linalg.det(m) - 1.0) < 1e-9',
      'AssertionError: numpy.linalg self-test returned wrong determinant',
    ],
    logFile: `${LOG_DIR}/test/04-1_numpy_r36.4.tegra-aarch64-cu126-22.04_test.py.txt`,
  };
  return {
    ...r,
    message: 'numpy failed its test test.py in stage numpy (4/4).',
    packages: [
      {
        name: 'numpy',
        status: 'failure',
        image: `numpy:${TAG}`,
        pushedImage: null,
        durationSeconds: 95,
        failure,
      },
    ],
    images: [`numpy:${TAG}`],
    stages: stages('numpy', ['build-essential', 'pip_cache', 'python', 'numpy'], 3, 'test'),
    failure: { ...failure, excerpt: failure.excerpt.slice() },
  };
}

/** `jetson-containers build nonexistentpkg`: fails while resolving, before any stage. */
export function unknownPackage(): BuildReport {
  const r = stageFailure();
  const failure: FailurePoint = {
    stage: null,
    stageIndex: null,
    stageCount: null,
    phase: 'resolve',
    error: `Error: "couldn't find package:  nonexistentpkg"`,
    excerpt: [
      '💣 `jetson-containers build` failed after 67.5 seconds (1.1 minutes)',
      `Error: "couldn't find package:  nonexistentpkg"`,
      'Failed building:  nonexistentpkg',
      `KeyError: "couldn't find package:  nonexistentpkg"`,
    ],
    logFile: null,
  };
  const argv = ['jetson-containers', 'build', 'nonexistentpkg'];
  return {
    ...r,
    message: 'jetson-containers could not find package nonexistentpkg.',
    requestedPackages: ['nonexistentpkg'],
    packages: [
      {
        name: 'nonexistentpkg',
        status: 'failure',
        image: null,
        pushedImage: null,
        durationSeconds: null,
        failure,
      },
    ],
    failedPackages: ['nonexistentpkg'],
    stages: [],
    command: { argv, display: argv.join(' ') },
    failure: { ...failure, excerpt: failure.excerpt.slice() },
    durationSeconds: 68.1,
  };
}

/** `--multiple --skip-errors numpy pytorch:2.8 ros:humble-desktop cmake`: one failure among successes. */
export function multipleSkipErrorsMixed(): BuildReport {
  const r = successChainWithPush();
  const failure: FailurePoint = {
    stage: 'pytorch:2.8',
    stageIndex: 6,
    stageCount: 7,
    phase: 'build',
    error:
      'ERROR: failed to solve: process "/bin/sh -c /tmp/install.sh" did not complete successfully: exit code: 137',
    excerpt: [
      '#9 412.3 [ 87%] Building CXX object caffe2/CMakeFiles/torch_cuda.dir/__/aten/src/ATen/native/cuda/Loss.cu.o',
      '#9 ERROR: process "/bin/sh -c /tmp/install.sh" did not complete successfully: exit code: 137',
      'ERROR: failed to solve: process "/bin/sh -c /tmp/install.sh" did not complete successfully: exit code: 137',
    ],
    logFile: `${LOG_DIR}/build/06o7_pytorch_2.8-r36.4.tegra-aarch64-cu126-22.04-pytorch_2.8.txt`,
  };
  const packages: PackageResult[] = [
    {
      name: 'numpy',
      status: 'success',
      image: `numpy:${TAG}`,
      pushedImage: null,
      durationSeconds: 70,
      failure: null,
    },
    {
      name: 'pytorch:2.8',
      status: 'failure',
      image: null,
      pushedImage: null,
      durationSeconds: 3725,
      failure,
    },
    {
      name: 'ros:humble-desktop',
      status: 'success',
      image: 'ros:humble-desktop-l4t-r36.4.4',
      pushedImage: null,
      durationSeconds: 2410.4,
      failure: null,
    },
    {
      name: 'cmake',
      status: 'success',
      image: `cmake:${TAG}`,
      pushedImage: null,
      durationSeconds: 41,
      failure: null,
    },
  ];
  const argv = ['jetson-containers', 'build', '--multiple', '--skip-errors', ...packages.map((p) => p.name)];
  return {
    ...r,
    status: 'failure',
    message: '1 of 4 packages failed: pytorch:2.8 (stage pytorch:2.8, build).',
    exitCode: 0,
    requestedPackages: packages.map((p) => p.name),
    packages,
    failedPackages: ['pytorch:2.8'],
    images: packages.flatMap((p) => (p.image ? [p.image] : [])),
    stages: [
      ...stages('numpy', ['build-essential', 'python', 'numpy'], null),
      ...stages(
        'pytorch:2.8',
        ['build-essential', 'python', 'numpy', 'onnx', 'cudnn', 'pytorch:2.8', 'x'],
        5,
      ),
    ],
    command: { argv, display: argv.join(' ') },
    durationSeconds: 6312.7,
    toolBuildSeconds: null,
    failure: { ...failure, excerpt: failure.excerpt.slice() },
    options: { multiple: true, skipErrors: true, name: null, push: null },
  };
}

/** `--multiple` without `--skip-errors`: the first failure stops the run; later packages are never built. */
export function multipleStopsAtFailure(): BuildReport {
  const r = multipleSkipErrorsMixed();
  const packages: PackageResult[] = [
    r.packages[0]!,
    r.packages[1]!,
    {
      name: 'ros:humble-desktop',
      status: 'not-built',
      image: null,
      pushedImage: null,
      durationSeconds: null,
      failure: null,
    },
    {
      name: 'cmake',
      status: 'not-built',
      image: null,
      pushedImage: null,
      durationSeconds: null,
      failure: null,
    },
  ];
  const argv = ['jetson-containers', 'build', '--multiple', ...packages.map((p) => p.name)];
  return {
    ...r,
    message: 'pytorch:2.8 failed; 2 packages were never built (--multiple stops at the first failure).',
    packages,
    images: [`numpy:${TAG}`],
    command: { argv, display: argv.join(' ') },
    options: { multiple: true, skipErrors: false, name: null, push: null },
  };
}

/** The run was cancelled (SIGINT, exit 130) while building stage 2 of 4. */
export function cancelled(): BuildReport {
  const r = stageFailure();
  const failure: FailurePoint = {
    stage: 'pip_cache',
    stageIndex: 2,
    stageCount: 4,
    phase: 'build',
    error: 'Cancelled: the runner sent SIGINT; the build was stopped.',
    excerpt: ['#5 [2/3] RUN /tmp/build.sh', '#5 3.1 Collecting wheel', '^C'],
    logFile: `${LOG_DIR}/build/02o4_numpy_r36.4.tegra-aarch64-cu126-22.04-pip_cache.txt`,
  };
  const st = stages('numpy', ['build-essential', 'pip_cache', 'python', 'numpy'], 1);
  st[1]!.status = 'cancelled';
  return {
    ...r,
    status: 'cancelled',
    message: 'The build was cancelled during stage pip_cache (2/4).',
    exitCode: 130,
    signal: 'SIGINT',
    packages: [
      { name: 'numpy', status: 'cancelled', image: null, pushedImage: null, durationSeconds: 20.3, failure },
    ],
    failedPackages: [],
    stages: st,
    failure: { ...failure, excerpt: failure.excerpt.slice() },
  };
}

// ---- hostile reports ----

/** 300 packages under `--multiple --skip-errors`, every seventh failing, with long error lines. */
export function manyPackages(count = 300): BuildReport {
  const r = multipleSkipErrorsMixed();
  const packages: PackageResult[] = [];
  for (let i = 0; i < count; i++) {
    const name = `pkg-${String(i).padStart(3, '0')}:1.${i}`;
    const failed = i % 7 === 3;
    packages.push({
      name,
      status: failed ? 'failure' : 'success',
      image: failed ? null : `pkg-${i}:1.${i}-${TAG}`,
      pushedImage: failed ? null : `registry.example.com/team/pkg-${i}:1.${i}-${TAG}`,
      durationSeconds: 60 + i * 13.7,
      failure: failed
        ? {
            stage: name,
            stageIndex: 5,
            stageCount: 5,
            phase: 'build',
            error: `ERROR: failed to solve: ${name} exited 1 ` + 'x'.repeat(300),
            excerpt: Array.from({ length: 40 }, (_, k) => `#${k} line ${k} of ${name} ` + 'y'.repeat(200)),
            logFile: `${LOG_DIR}/build/05o5_${name}.txt`,
          }
        : null,
    });
  }
  const failed = packages.filter((p) => p.status === 'failure').map((p) => p.name);
  const argv = ['jetson-containers', 'build', '--multiple', '--skip-errors', ...packages.map((p) => p.name)];
  return {
    ...r,
    message: `${failed.length} of ${count} packages failed.`,
    requestedPackages: packages.map((p) => p.name),
    packages,
    failedPackages: failed,
    images: packages.flatMap((p) => (p.image ? [p.image] : [])),
    command: { argv, display: argv.join(' ') },
    failure: packages.find((p) => p.failure)!.failure,
    durationSeconds: 86_400 + 1234,
  };
}

/** A failure whose error line is 50 KB and whose excerpt breaks the ≤ 40 lines contract. */
export function hugeError(): BuildReport {
  const r = stageFailure();
  const error = 'E'.repeat(50 * 1024);
  const excerpt = [...Array.from({ length: 400 }, (_, i) => `line ${i}: ` + 'z'.repeat(120)), error];
  const failure: FailurePoint = { ...r.failure!, error, excerpt };
  return {
    ...r,
    message: 'numpy failed: ' + 'M'.repeat(10_000),
    packages: [{ ...r.packages[0]!, failure: { ...failure, excerpt: excerpt.slice() } }],
    failure,
  };
}

/** Backticks and fences everywhere: in names, errors, the command and the excerpt. */
export function backtickHostile(): BuildReport {
  const r = stageFailure();
  const name = 'evil```pkg`';
  const failure: FailurePoint = {
    stage: '```stage',
    stageIndex: 1,
    stageCount: 1,
    phase: 'build',
    error: '```\nclosed the fence early `` and ```` four and ` one',
    excerpt: ['```', 'inside a fence ```bash', '````````````', '`', '``', 'end ```'],
    logFile: '/tmp/```/log.txt',
  };
  const argv = ['jetson-containers', 'build', name, '--build-args', 'A:`whoami`'];
  return {
    ...r,
    message: 'Failed: ```' + '\n' + 'x```',
    requestedPackages: [name],
    packages: [
      { name, status: 'failure', image: 'img```:tag`', pushedImage: null, durationSeconds: 1, failure },
    ],
    failedPackages: [name],
    command: { argv, display: argv.join(' ') },
    failure: { ...failure, excerpt: failure.excerpt.slice() },
  };
}

/** Mentions smuggled into every text the renderers show. */
export function mentionsHostile(): BuildReport {
  const r = multipleSkipErrorsMixed();
  r.message = '@everyone the build broke, @here look, <@123456789012345678> and <@&987654321098765432>';
  r.requestedPackages = ['@everyone', '@here', '<@123>'];
  r.packages = [
    {
      ...r.packages[1]!,
      name: '@everyone',
      failure: { ...r.failure!, error: 'ping @everyone @here <@!42>' },
    },
    { ...r.packages[0]!, name: '@here', image: '@everyone:latest' },
    { ...r.packages[2]!, name: '<@123>' },
  ];
  r.failedPackages = ['@everyone'];
  r.failure = {
    ...r.failure!,
    stage: '@here',
    error: '@everyone @EVERYONE @Here',
    excerpt: ['@everyone', '<@123>'],
  };
  r.command = {
    argv: ['jetson-containers', 'build', '@everyone'],
    display: 'jetson-containers build @everyone',
  };
  r.runner = { ...r.runner, name: '@here-runner' };
  r.environment = { ...r.environment, CUDA_VERSION: '@everyone' };
  return r;
}

/** Image names and package names far beyond any chat limit. */
export function longNames(): BuildReport {
  const r = multipleSkipErrorsMixed();
  const longName = 'ros:' + 'humble-desktop-'.repeat(120);
  const longImage = 'registry.example.com/' + 'very-long-namespace/'.repeat(60) + 'ros:' + 'tag-'.repeat(200);
  r.requestedPackages = [longName, ...r.requestedPackages];
  r.packages = [
    {
      name: longName,
      status: 'failure',
      image: null,
      pushedImage: null,
      durationSeconds: 12,
      failure: r.failure,
    },
    ...r.packages.map((p) => ({ ...p, image: p.image ? longImage : null, pushedImage: longImage })),
  ];
  r.failedPackages = [longName, ...r.failedPackages];
  r.images = [longImage];
  r.runner = { ...r.runner, name: 'runner-'.repeat(100) };
  r.command = {
    argv: ['jetson-containers', 'build', longName],
    display: 'jetson-containers build ' + longName,
  };
  r.logs = {
    ...r.logs,
    url: ARTIFACT_URL + '?' + 'q=1&'.repeat(400),
    artifactUrl: ARTIFACT_URL + '?' + 'q=1&'.repeat(400),
  };
  return r;
}

/** Unicode, emoji, RTL text and astral characters in names, errors and the environment. */
export function unicodeHeavy(): BuildReport {
  const r = stageFailure();
  const name = '🚀パッケージ-ümlaut-עברית';
  const emoji = '😀'.repeat(3000);
  const failure: FailurePoint = {
    ...r.failure!,
    stage: 'ステージ🧪',
    error: 'エラー: ' + emoji,
    excerpt: Array.from({ length: 40 }, (_, i) => `${i} ` + '🔥'.repeat(150)),
  };
  return {
    ...r,
    message: '失敗しました 💥 ' + emoji,
    requestedPackages: [name],
    packages: [
      { name, status: 'failure', image: `${name}:🏷️`, pushedImage: null, durationSeconds: 3.5, failure },
    ],
    failedPackages: [name],
    environment: { ...r.environment, LSB_RELEASE: '22.04 🐧 ' + 'ü'.repeat(600) },
    failure: { ...failure, excerpt: failure.excerpt.slice() },
  };
}

/** Almost nothing known: no environment, no run context, no runner name, no logs uploaded, no packages. */
export function emptyEnvironment(): BuildReport {
  const r = stageFailure();
  return {
    ...r,
    message: 'jetson-containers exited with code 2 before building anything.',
    exitCode: 2,
    requestedPackages: [],
    packages: [],
    failedPackages: [],
    images: [],
    stages: [],
    environment: { source: 'none' },
    command: { argv: ['jetson-containers', 'build', '--bogus'], display: 'jetson-containers build --bogus' },
    durationSeconds: 0.4,
    failure: {
      stage: null,
      stageIndex: null,
      stageCount: null,
      phase: 'start',
      error: null,
      excerpt: [],
      logFile: null,
    },
    runner: { name: null, os: null, arch: null, labels: [] },
    run: {
      serverUrl: 'https://github.com',
      repository: null,
      ref: null,
      sha: null,
      workflow: null,
      job: null,
      runId: null,
      runAttempt: null,
      runUrl: null,
      matrix: null,
    },
    logs: {
      dir: LOG_DIR,
      consoleLog: `${LOG_DIR}/console.log`,
      reportFile: `${LOG_DIR}/report.json`,
      artifactName: null,
      artifactId: null,
      artifactUrl: null,
      url: null,
      uploadError: 'ACTIONS_RUNTIME_TOKEN is not set (not running inside GitHub Actions)',
    },
  };
}

/** The realistic reports, by name. */
export const REALISTIC_REPORTS = {
  successChainWithPush,
  stageFailure,
  testFailure,
  unknownPackage,
  multipleSkipErrorsMixed,
  multipleStopsAtFailure,
  cancelled,
} satisfies Record<string, () => BuildReport>;

/** Reports built to break renderers. */
export const HOSTILE_REPORTS = {
  manyPackages: () => manyPackages(300),
  hugeError,
  backtickHostile,
  mentionsHostile,
  longNames,
  unicodeHeavy,
  emptyEnvironment,
} satisfies Record<string, () => BuildReport>;

/** Every factory report, as `[name, report]` pairs for `it.each`. */
export function allReports(): [string, BuildReport][] {
  return [...Object.entries(REALISTIC_REPORTS), ...Object.entries(HOSTILE_REPORTS)].map(([n, f]) => [n, f()]);
}
