// Deterministic consoles of `jetson-containers build`, one per line shape the parser meets, for bench/parser.mjs,
// bench/stream.mjs and the parser's chunking tests. Same shape and size in, same bytes out (a seeded PRNG, no
// clock). Each is shaped after the upstream transcripts (/work/shared/reference/transcripts/upstream): the
// header (Namespace dump, environment box, command line), `[HH:MM:SS]` tool lines, `> BUILDING` boxes, docker
// commands, then the bulk of one shape:
//   buildkit  `#N 12.345 …` BuildKit step output (compiler lines, pip, apt), ending in a failed RUN step
//   cmake     cmake/make `[ 45%] Building CXX object …` and ninja `[123/456] …` lines, unprefixed (the legacy
//             builder, or a build script run by `docker run`), with compiler warnings
//   test      raw lines of a `docker run -t` test stage (pytest, unittest, CRLF line ends from the tty)
//   ansi      colours on: coloured tool lines and coloured build output (cmake, gcc, pip, pytest)
//   tool      upstream's own `[HH:MM:SS] …` lines only (what `--verbose` / `--debug` print)
//   tool-ansi the same with colours on (termcolor's codes around stamps and levels)
//   stages    a `--multiple` console of 2000 stages (1000 packages × build + test), short output each
//   mix       a real console of a large build: a chain of 9 packages, apt and pip stages, a long ninja build
//             under BuildKit, test stages, ending in a test failure and its traceback
// Usage: corpus(shape, bytes) → Buffer; corpusBlocks(shape, bytes) → iterable of Buffers (for files of GiBs).

export const SHAPES = ['buildkit', 'cmake', 'test', 'ansi', 'tool', 'tool-ansi', 'stages', 'mix'];

const TAG = 'r36.4.tegra-aarch64-cu126-22.04';
const CCACHE =
  'if command -v ccache >/dev/null 2>&1; then export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache ' +
  'CMAKE_CUDA_COMPILER_LAUNCHER=ccache; ccache --set-config=max_size="${CCACHE_MAXSIZE:-20G}" || true; fi; ';
/** The body's repeating block: large enough that line shapes vary, small enough to build in a few ms. */
const BLOCK_BYTES = 1 << 20;

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A clock for `[HH:MM:SS]` stamps that ticks every few lines (and wraps past midnight, as real ones do). */
function stamps(start = 9 * 3600 + 30 * 60) {
  let t = start;
  const two = (n) => String(n).padStart(2, '0');
  return (tick = 0) => {
    t = (t + tick) % 86400;
    return `[${two(Math.floor(t / 3600))}:${two(Math.floor(t / 60) % 60)}:${two(t % 60)}]`;
  };
}

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

function header(packages, { multiple = false, color = false } = {}) {
  const list = packages.map((p) => `'${p}'`).join(', ');
  const b = (s) => (color ? `\x1b[7m\x1b[32m${s}\x1b[0m` : s);
  const cmd = `$ jetson-containers ${multiple ? '--multiple --skip-errors ' : ''}--logs=/home/runner/_work/jc-logs ${packages.join(' ')}`;
  return [
    '',
    `Namespace(packages=[${list}], name='', base='', multiple=${multiple ? 'True' : 'False'}, buildkit=True, buildkit_progress='plain', ccache=True, skip_errors=${multiple ? 'True' : 'False'}, skip_tests=[''], simulate=False, push='', log_dir='/home/runner/_work/jc-logs', log_level=None, log_colors=None, debug=False, verbose=False)`,
    '',
    b('┌───────────────────────┬────────────────────────┐'),
    b('│ L4T_VERSION   36.4.0  │ JETPACK_VERSION  6.1   │'),
    b('│ CUDA_VERSION  12.6    │ PYTHON_VERSION   3.10  │'),
    b('│ SYSTEM_ARCH   aarch64 │ LSB_RELEASE      22.04 │'),
    b('└───────────────────────┴────────────────────────┘'),
    '',
    color ? `\x1b[1m${cmd}\x1b[22m` : cmd,
    '',
    "cp: cannot stat '/lib/modules/5.15.148-tegra/build/Module.symvers': No such file or directory",
  ];
}

/** A tool line as upstream prints it, plain or in termcolor's colours. */
function toolLine(ts, level, message, color) {
  if (!color) return `${ts} ${level ? `${level} ` : ''}${message}`;
  const levelColor = { status: '34', done: '32', warn: '33', error: '31', debug: '90', verbose: '90' };
  const lv = level ? `\x1b[${levelColor[level]}m${level}\x1b[39m ` : '';
  return `\x1b[90m${ts}\x1b[39m ${lv}${message}`;
}

function bar(index, total) {
  const filled = Math.round((18 * index) / total);
  return `[${'#'.repeat(filled)}${'-'.repeat(18 - filled)}]`;
}

function progress(ts, index, total, action, name, image, color) {
  const msg = `${bar(index, total)} ${index}/${total} ${action} ${name} (${image}) ${index - 1} stages completed in 00m${String(index % 60).padStart(2, '0')}s at ${ts.slice(1, -1)}`;
  return toolLine(ts, null, msg, color);
}

function box(word, image, color) {
  const text = `│ > ${word}  ${image} │`;
  const w = text.length - 2;
  const lines = [`┌${'─'.repeat(w)}┐`, text, `└${'─'.repeat(w)}┘`];
  return ['', ...lines.map((l) => (color ? `\x1b[7m\x1b[32m${l}\x1b[0m` : l)), ''];
}

function dockerBuild(image, pkgDir, index, total, name) {
  const n = `${String(index).padStart(2, '0')}o${total}`;
  return [
    'DOCKER_BUILDKIT=1 BUILDKIT_STEP_LOG_MAX_SIZE=524288000 docker buildx build --network=host --shm-size=8g \\',
    '  --progress=plain \\',
    '  --load \\',
    '  --allow device \\',
    `  --tag ${image} \\`,
    `  --file /home/runner/_work/jc-logs/build/${n}_${name}_${image.replace(/:/g, '_')}.Dockerfile \\`,
    '  --build-arg BASE_IMAGE=ubuntu:22.04 \\',
    '  --build-arg NVIDIA_DRIVER_CAPABILITIES=all \\',
    `   /opt/jetson-containers/packages/${pkgDir} 2>&1 | tee /home/runner/_work/jc-logs/build/${n}_${name}.txt; exit \${PIPESTATUS[0]}`,
    '',
  ];
}

function dockerRun(image, pkgDir, test) {
  return [
    'docker run -t --rm --network=host --privileged --shm-size=8g --runtime=nvidia \\',
    '  --env NVIDIA_DRIVER_CAPABILITIES=all \\',
    `  --volume /opt/jetson-containers/packages/${pkgDir}:/test \\`,
    '  --volume /opt/jetson-containers/data:/data \\',
    `  ${image} \\`,
    `    /bin/bash -c '${test}' \\`,
    `2>&1 | tee /home/runner/_work/jc-logs/test/${image.replace(/:/g, '_')}_${test.split(' ').pop()}.txt; exit \${PIPESTATUS[0]}`,
    '',
  ];
}

/** The BuildKit preamble of one build: load definition, metadata, FROM, the RUN step header. */
function buildkitPreamble(step, base) {
  return [
    '#0 building with "default" instance using docker driver',
    '',
    '#1 [internal] load build definition from Dockerfile',
    '#1 transferring dockerfile: 1.53kB done',
    '#1 DONE 0.0s',
    '',
    `#2 [internal] load metadata for docker.io/library/${base}`,
    '#2 DONE 0.0s',
    '',
    `#3 [1/3] FROM docker.io/library/${base}`,
    '#3 CACHED',
    '',
    `#${step} [3/3] RUN ${CCACHE}/tmp/build.sh`,
  ];
}

const SRC_DIRS = [
  'aten/src/ATen/native',
  'aten/src/ATen/native/cuda',
  'torch/csrc/autograd',
  'torch/csrc/jit/passes',
  'c10/core',
  'third_party/fbgemm/src',
  'caffe2/perfkernels',
  'torch/csrc/distributed/c10d',
];
const SRC_FILES = ['Activation', 'BinaryOps', 'Conv', 'Copy', 'Distance', 'Embedding', 'Indexing', 'Loss'];

function sourcePath(r) {
  return `${pick(r, SRC_DIRS)}/${pick(r, SRC_FILES)}${pick(r, ['', 'Kernel', 'Utils', 'Impl'])}.${pick(r, ['cpp', 'cpp', 'cu', 'c'])}`;
}

/** One line of a cmake/ninja C++ build: progress, a compiler warning with its caret, a link. */
function cmakeLines(r, state) {
  const src = sourcePath(r);
  const lang = src.endsWith('.cu') ? 'CUDA' : src.endsWith('.c') ? 'C' : 'CXX';
  const obj = `caffe2/CMakeFiles/torch_cuda.dir/__/${src}.o`;
  const x = r();
  state.n = (state.n % state.total) + 1;
  if (x < 0.45) {
    const pct = String(Math.floor((100 * state.n) / state.total)).padStart(3, ' ');
    return [`[${pct}%] Building ${lang} object ${obj}`];
  }
  if (x < 0.85) return [`[${state.n}/${state.total}] Building ${lang} object ${obj}`];
  if (x < 0.93) {
    const line = 100 + Math.floor(r() * 900);
    return [
      `/opt/pytorch/${src}: In function 'void at::native::${pick(r, SRC_FILES).toLowerCase()}_kernel(at::TensorIterator&)':`,
      `/opt/pytorch/${src}:${line}:${5 + Math.floor(r() * 40)}: warning: unused variable 'n' [-Wunused-variable]`,
      `  ${line} |     const int64_t n = iter.numel();`,
      '      |                   ^',
    ];
  }
  if (x < 0.97) return [`[${state.n}/${state.total}] Linking CXX shared library lib/libtorch_cuda.so`];
  return [`-- Performing Test HAVE_${pick(r, SRC_FILES).toUpperCase()} - Success`];
}

function pipLines(r) {
  const pkg = pick(r, ['numpy', 'scipy', 'onnx', 'protobuf', 'typing_extensions', 'sympy', 'filelock']);
  const v = `${1 + Math.floor(r() * 3)}.${Math.floor(r() * 30)}.${Math.floor(r() * 9)}`;
  return [
    `Collecting ${pkg}==${v}`,
    `  Downloading https://pypi.jetson-ai-lab.io/root/pypi/+f/${Math.floor(r() * 4096).toString(16)}/${pkg}-${v}-cp310-cp310-linux_aarch64.whl (${(r() * 20).toFixed(1)} MB)`,
    `Requirement already satisfied: ${pick(r, ['setuptools', 'wheel', 'packaging'])} in /usr/local/lib/python3.10/dist-packages (from ${pkg}==${v}) (${v})`,
  ];
}

function aptLines(r, k) {
  const pkg = pick(r, [
    'libopenblas-dev',
    'libjpeg-dev',
    'zlib1g-dev',
    'libpng-dev',
    'ninja-build',
    'gfortran',
  ]);
  return [
    `Get:${k} http://ports.ubuntu.com/ubuntu-ports jammy/main arm64 ${pkg} arm64 0.3.20+ds-1 [${Math.floor(r() * 9000)} kB]`,
    `Setting up ${pkg}:arm64 (0.3.20+ds-1) ...`,
  ];
}

/** BuildKit step output: `#N <seconds> <line>` for every line of the step. */
function buildkitBlock(r, step, bytes) {
  const out = [];
  let size = 0;
  let t = 12.3;
  const state = { n: 0, total: 7312 };
  while (size < bytes) {
    const x = r();
    const lines =
      x < 0.6 ? cmakeLines(r, state) : x < 0.85 ? pipLines(r) : aptLines(r, 1 + (out.length % 90));
    for (const l of lines) {
      t += r() * 0.05;
      const line = `#${step} ${t.toFixed(3)} ${l}`;
      out.push(line);
      size += line.length + 1;
    }
  }
  return out;
}

function cmakeBlock(r, bytes) {
  const out = [];
  let size = 0;
  const state = { n: 0, total: 7312 };
  while (size < bytes) {
    for (const l of cmakeLines(r, state)) {
      out.push(l);
      size += l.length + 1;
    }
  }
  return out;
}

const TESTS = [
  'test_add',
  'test_matmul',
  'test_conv2d',
  'test_autograd',
  'test_cuda_sync',
  'test_dtype_half',
];

/** What a test stage prints through `docker run -t`: pytest and unittest, with the tty's CRLF line ends. */
function testBlock(r, bytes, color = false) {
  const out = [];
  let size = 0;
  let k = 0;
  const c = (code, s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  while (size < bytes) {
    const x = r();
    const t = pick(r, TESTS);
    let lines;
    if (x < 0.5) {
      const pct = String(Math.floor(r() * 100)).padStart(3, ' ');
      lines = [
        `test/test_${pick(r, ['ops', 'nn', 'cuda', 'jit'])}.py::Test${pick(r, SRC_FILES)}::${t}[${pick(r, ['float32', 'float16', 'bfloat16'])}-${k % 64}] ${c('32', 'PASSED')}${' '.repeat(10)}[${pct}%]`,
      ];
    } else if (x < 0.8) {
      lines = [`${t} (__main__.Test${pick(r, SRC_FILES)}.${t}) ... ${c('32', 'ok')}`];
    } else if (x < 0.9) {
      lines = [
        `tensor([[${(r() * 2 - 1).toFixed(4)}, ${(r() * 2 - 1).toFixed(4)}, ${(r() * 2 - 1).toFixed(4)}],`,
        `        [${(r() * 2 - 1).toFixed(4)}, ${(r() * 2 - 1).toFixed(4)}, ${(r() * 2 - 1).toFixed(4)}]], device='cuda:0')`,
      ];
    } else if (x < 0.97) {
      lines = [
        `CUDA available: True, device: Orin (sm_87), memory: ${(r() * 60).toFixed(1)} GB`,
        `+ python3 -c 'import torch; print(torch.__version__)'`,
        '2.5.0',
      ];
    } else {
      lines = [
        `${c('33', 'SKIPPED')} [1] test/test_cuda.py:${100 + k}: requires multiple GPUs`,
        `Ran ${100 + (k % 900)} tests in ${(r() * 100).toFixed(3)}s`,
        '',
        c('32', 'OK'),
      ];
    }
    for (const l of lines) {
      out.push(`${l}\r`);
      size += l.length + 2;
    }
    k++;
  }
  return out;
}

const TOOL_MESSAGES = [
  (r) =>
    `debug - found package ${pick(r, SRC_FILES).toLowerCase()} at /opt/jetson-containers/packages/ml/${pick(r, SRC_FILES).toLowerCase()}`,
  (r) => `verbose -- Checking if ${pick(r, SRC_FILES).toLowerCase()}:${TAG} exists locally`,
  (r) => `Loading package config /opt/jetson-containers/packages/${pick(r, SRC_DIRS)}/config.py`,
  (r) =>
    `status -- L4T_VERSION=36.4.0  JETPACK_VERSION=6.1  CUDA_VERSION=12.6  (${Math.floor(r() * 1000)} packages)`,
  (r) =>
    `debug package ${pick(r, SRC_FILES).toLowerCase()} depends on ['build-essential', 'cuda', 'python', 'numpy']`,
  (r) =>
    `verbose -- Finding compatible container for ['${pick(r, SRC_FILES).toLowerCase()}'] (requires >=36)`,
  () => `warn Package cuda-python:${TAG} has unsatisfied requirement 'L4T_VERSION < 36' (skipping)`,
  (r) => `-- Pulling ${pick(r, SRC_FILES).toLowerCase()}:${TAG} from dustynv (${Math.floor(r() * 2000)} MB)`,
];

function toolBlock(r, bytes, clock, color = false) {
  const out = [];
  let size = 0;
  while (size < bytes) {
    const msg = pick(r, TOOL_MESSAGES)(r);
    const m = /^(status|debug|verbose|warn) (.*)$/.exec(msg);
    const line = toolLine(clock(r() < 0.01 ? 1 : 0), m ? m[1] : null, m ? m[2] : msg, color);
    out.push(line);
    size += line.length + 1;
  }
  return out;
}

/** Coloured build output: cmake's green/bold progress, gcc's coloured diagnostics, pip's red, pytest's. */
function ansiBlock(r, clock, bytes) {
  const out = [];
  let size = 0;
  const state = { n: 0, total: 7312 };
  while (size < bytes) {
    const x = r();
    let lines;
    if (x < 0.5) {
      lines = cmakeLines(r, state).map((l) =>
        l.startsWith('[')
          ? `\x1b[32m${l.replace(/^(\[[^\]]*\])/, '\x1b[1m$1\x1b[22m')}\x1b[0m`
          : `\x1b[1m${l}\x1b[0m`,
      );
    } else if (x < 0.7) {
      const src = sourcePath(r);
      lines = [
        `\x1b[01m\x1b[K/opt/pytorch/${src}:${Math.floor(r() * 900)}:12:\x1b[m\x1b[K \x1b[01;35m\x1b[Kwarning: \x1b[m\x1b[Kcomparison of integer expressions of different signedness [\x1b[01;35m\x1b[K-Wsign-compare\x1b[m\x1b[K]`,
      ];
    } else if (x < 0.8) {
      lines = pipLines(r).map((l, i) => (i === 0 ? `\x1b[91m${l}\x1b[0m` : l));
    } else if (x < 0.97) {
      lines = testBlock(r, 1, true).map((l) => l.slice(0, -1));
    } else {
      lines = toolBlock(r, 1, clock, true);
    }
    for (const l of lines) {
      out.push(l);
      size += l.length + 1;
    }
  }
  return out;
}

/** A stage as upstream prints it: `> BUILDING` box, docker command, progress line, and `body` lines. */
function buildStage(clock, { index, total, name, image, pkgDir, color, body }) {
  return [
    ...box('BUILDING', image, color),
    ...dockerBuild(image, pkgDir, index, total, name),
    progress(clock(1), index, total, 'Building', name, image, color),
    ...body,
    '',
  ];
}

function testStage(clock, { index, total, name, image, pkgDir, color, body }) {
  return [
    progress(clock(1), index, total, 'Testing', name, image, color),
    ...box('TESTING', image, color),
    ...dockerRun(image, pkgDir, 'python3 /test/test.py'),
    ...body,
  ];
}

function doneLines(clock, target, image, color) {
  return [
    toolLine(clock(1), 'done', `✅ \`jetson-containers build ${target}\` (${image})`, color),
    toolLine(clock(0), 'done', '⏱️  Total build time: 5123.4 seconds (85.4 minutes)', color),
  ];
}

/** The 💣 block of a failed command, as upstream's `log_error` frames it. */
function failureLines(clock, command, color) {
  const sep = toolLine(clock(1), 'warn', '='.repeat(85), color);
  return [
    sep,
    sep,
    toolLine(
      clock(0),
      'warn',
      '💣 `jetson-containers build` failed after 5123.4 seconds (85.4 minutes)',
      color,
    ),
    toolLine(clock(0), 'warn', `Error: Command '${command}' returned non-zero exit status 1.`, color),
    sep,
    sep,
  ];
}

/** Head, one body block repeated to `bytes` (cut at a line end), foot: the shapes whose bulk is one stage. */
function* repeated(head, block, foot, bytes) {
  const h = Buffer.from(head.join('\n') + '\n');
  const b = Buffer.from(block.join('\n') + '\n');
  const f = Buffer.from(foot.join('\n') + '\n');
  yield h;
  let left = bytes - h.length - f.length;
  while (left >= b.length) {
    yield b;
    left -= b.length;
  }
  if (left > 0) {
    const cut = b.lastIndexOf(0x0a, left - 1);
    if (cut >= 0) yield b.subarray(0, cut + 1);
  }
  yield f;
}

function singleStage(shape, bytes) {
  const r = rng(0x5eed + shape.length);
  const color = shape === 'ansi' || shape === 'tool-ansi';
  const clock = stamps();
  const image = `pytorch:2.5-${TAG}`;
  const name = 'pytorch:2.5';
  const head = [
    ...header([name], { color }),
    toolLine(clock(0), null, "BUILDING ['build-essential', 'python', 'numpy', 'pytorch:2.5']", color),
  ];
  const buildCommand = dockerBuild(image, 'pytorch', 4, 4, 'pytorch_2.5');
  let block;
  let foot;
  let stage;
  if (shape === 'tool' || shape === 'tool-ansi') {
    // Upstream resolves and logs before the build: the bulk comes before the first stage.
    block = toolBlock(r, BLOCK_BYTES, clock, color);
    stage = buildStage(clock, { index: 4, total: 4, name, image, pkgDir: 'pytorch', color, body: [] });
    foot = [...stage, ...doneLines(clock, name, image, color)];
    return repeated(head, block, foot, bytes);
  }
  stage = buildStage(clock, { index: 4, total: 4, name, image, pkgDir: 'pytorch', color, body: [] });
  if (shape === 'test') {
    const t = testStage(clock, { index: 4, total: 4, name, image, pkgDir: 'pytorch', color, body: [] });
    head.push(...stage, '#9 DONE 0.2s', ...t);
    block = testBlock(r, BLOCK_BYTES);
    foot = doneLines(clock, name, image, color);
    return repeated(head, block, foot, bytes);
  }
  head.push(...stage);
  if (shape === 'buildkit') {
    head.push(...buildkitPreamble(7, `numpy:${TAG}`));
    block = buildkitBlock(r, 7, BLOCK_BYTES);
    const proc = `process "/bin/sh -c ${CCACHE}/tmp/build.sh" did not complete successfully: exit code: 1`;
    const cmd = buildCommand.join(' ').replace(/\\ +/g, '');
    foot = [
      '#7 5123.456 FAILED: caffe2/CMakeFiles/torch_cuda.dir/__/aten/src/ATen/native/cuda/Loss.cu.o',
      "#7 5123.457 nvcc fatal   : Unsupported gpu architecture 'compute_110'",
      '#7 5123.458 ninja: build stopped: subcommand failed.',
      `#7 ERROR: ${proc}`,
      '------',
      `ERROR: failed to solve: ${proc}`,
      ...failureLines(clock, cmd, color),
      toolLine(clock(0), 'error', `Failed building:  ${name}`, color),
      '',
      'Traceback (most recent call last):',
      '  File "/opt/jetson-containers/jetson_containers/build.py", line 150, in <module>',
      `subprocess.CalledProcessError: Command '${cmd}' returned non-zero exit status 1.`,
    ];
  } else if (shape === 'cmake') {
    block = cmakeBlock(r, BLOCK_BYTES);
    foot = ['', ...doneLines(clock, name, image, color)];
  } else {
    block = ansiBlock(r, clock, BLOCK_BYTES);
    foot = ['', ...doneLines(clock, name, image, color)];
  }
  return repeated(head, block, foot, bytes);
}

/** `--multiple` over 1000 packages: each a one-package chain with a build and a test stage (2000 stages). */
function* manyStages(bytes) {
  const r = rng(2000);
  const clock = stamps();
  const names = Array.from({ length: 1000 }, (_, i) => `pkg${i + 1}`);
  yield Buffer.from(header(names, { multiple: true }).join('\n') + '\n');
  // The docker output per stage scales with `bytes` (4 KiB of fixed lines per package around it).
  const perStage = Math.max(0, Math.floor(bytes / 2000) - 2048);
  const summary = [];
  for (const name of names) {
    const image = `${name}:${TAG}`;
    const out = [toolLine(clock(1), null, `BUILDING ['${name}']`, false)];
    out.push(
      ...buildStage(clock, {
        index: 1,
        total: 1,
        name,
        image,
        pkgDir: `misc/${name}`,
        color: false,
        body: [...buildkitPreamble(5, 'ubuntu:22.04'), ...buildkitBlock(r, 5, perStage), '#5 DONE 1.2s'],
      }),
    );
    const fails = name.endsWith('7');
    out.push(
      ...testStage(clock, {
        index: 1,
        total: 1,
        name,
        image,
        pkgDir: `misc/${name}`,
        color: false,
        body: testBlock(r, perStage).map((l) => l.slice(0, -1)),
      }),
    );
    if (fails) {
      out.push(
        'AssertionError: matmul mismatch',
        ...failureLines(clock, `docker run -t --rm ${image} /bin/bash -c 'python3 /test/test.py'`, false),
      );
      summary.push(toolLine(clock(0), 'error', `   * ${name} () FAILED  (test failed)`, false));
    } else {
      out.push(...doneLines(clock, name, image, false));
      summary.push(toolLine(clock(0), 'done', `   * ${name} (${image}) SUCCESS`, false));
    }
    yield Buffer.from(out.join('\n') + '\n');
  }
  yield Buffer.from(
    [toolLine(clock(1), null, 'Build logs at:  /home/runner/_work/jc-logs/build', false), ...summary].join(
      '\n',
    ) + '\n',
  );
}

/** A real-looking console of a large build: most bytes are the long pytorch build stage. */
function* realistic(bytes) {
  const r = rng(77);
  const clock = stamps();
  const chain = [
    'build-essential',
    'pip_cache:cu126',
    'cuda:12.6',
    'cudnn:9.3',
    'python:3.10',
    'numpy',
    'cmake',
    'onnx',
    'pytorch:2.5',
  ];
  const target = 'pytorch:2.5';
  const head = [
    ...header([target]),
    toolLine(clock(0), null, `BUILDING [${chain.map((c) => `'${c}'`).join(', ')}]`, false),
  ];
  yield Buffer.from(head.join('\n') + '\n');
  const total = chain.length;
  const small = Math.max(4096, Math.floor(bytes / 200));
  for (let i = 0; i < total; i++) {
    const name = chain[i];
    const image = `pytorch:2.5-${TAG}-${name.replace(/:/g, '_')}`;
    const step = 6 + (i % 3);
    const isBig = name === target;
    const lines = [];
    lines.push(...buildkitPreamble(step, `ubuntu:22.04`));
    if (isBig) {
      yield Buffer.from(
        buildStage(clock, {
          index: i + 1,
          total,
          name,
          image,
          pkgDir: `ml/${name}`,
          color: false,
          body: lines,
        }).join('\n') + '\n',
      );
      // The long compile: BuildKit-prefixed ninja lines, in blocks to the size asked for.
      const block = Buffer.from(buildkitBlock(r, step, BLOCK_BYTES).join('\n') + '\n');
      let left = bytes - small * (total + 4);
      while (left >= block.length) {
        yield block;
        left -= block.length;
      }
      const cut = left > 0 ? block.lastIndexOf(0x0a, left - 1) : -1;
      if (cut >= 0) yield block.subarray(0, cut + 1);
      yield Buffer.from(`#${step} DONE 5123.4s\n`);
    } else {
      const body = i % 3 === 0 ? aptLinesMany(r, small) : pipLinesMany(r, small);
      lines.push(...body.map((l, k) => `#${step} ${(k * 0.01).toFixed(3)} ${l}`), `#${step} DONE 12.3s`);
      yield Buffer.from(
        buildStage(clock, {
          index: i + 1,
          total,
          name,
          image,
          pkgDir: `ml/${name}`,
          color: false,
          body: lines,
        }).join('\n') + '\n',
      );
    }
    const testBody = testBlock(r, isBig ? small * 3 : small / 4);
    const t = testStage(clock, {
      index: i + 1,
      total,
      name,
      image,
      pkgDir: `ml/${name}`,
      color: false,
      body: testBody,
    });
    if (isBig) {
      t.push(
        'Traceback (most recent call last):\r',
        '  File "/test/test_cuda.py", line 14, in <module>\r',
        "    assert torch.allclose(a @ b, expected), 'matmul mismatch'\r",
        'AssertionError: matmul mismatch\r',
        ...failureLines(
          clock,
          `docker run -t --rm ${image} /bin/bash -c 'python3 /test/test_cuda.py'`,
          false,
        ),
        toolLine(clock(0), 'error', `Failed building:  ${target}`, false),
        '',
        'Traceback (most recent call last):',
        '  File "/opt/jetson-containers/jetson_containers/build.py", line 150, in <module>',
        "subprocess.CalledProcessError: Command 'docker run -t --rm' returned non-zero exit status 1.",
      );
    }
    yield Buffer.from(t.join('\n') + '\n');
  }
}

function aptLinesMany(r, bytes) {
  const out = [];
  let size = 0;
  for (let k = 1; size < bytes; k++) {
    for (const l of aptLines(r, k)) {
      out.push(l);
      size += l.length + 10;
    }
  }
  return out;
}

function pipLinesMany(r, bytes) {
  const out = [];
  let size = 0;
  while (size < bytes) {
    for (const l of pipLines(r)) {
      out.push(l);
      size += l.length + 10;
    }
  }
  return out;
}

/** The corpus as a sequence of buffers (write them to a file in order); `bytes` is approximate. */
export function corpusBlocks(shape, bytes) {
  if (shape === 'stages') return manyStages(bytes);
  if (shape === 'mix') return realistic(bytes);
  if (!SHAPES.includes(shape))
    throw new Error(`unknown corpus shape: ${shape} (one of ${SHAPES.join(', ')})`);
  return singleStage(shape, bytes);
}

/** The whole corpus in one buffer. */
export function corpus(shape, bytes) {
  return Buffer.concat([...corpusBlocks(shape, bytes)]);
}
