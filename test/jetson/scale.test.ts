// Tests thousands of packages through the real parser and decideOutcome: every requested package keeps its own
// record and its own error, and a build that prints endless records for 3 requested packages stays bounded.
import { describe, expect, it } from 'vitest';
import { decideOutcome, type Outcome } from '../../src/jetson/outcome.js';
import { BuildStreamParser, type ParseResult } from '../../src/jetson/parse/index.js';

const TAG = 'r36.4.tegra-aarch64-cu126-22.04';
const CCACHE =
  'if command -v ccache >/dev/null 2>&1; then export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache ' +
  'CMAKE_CUDA_COMPILER_LAUNCHER=ccache; ccache --set-config=max_size="${CCACHE_MAXSIZE:-20G}" || true; fi; ';

interface ConsoleOptions {
  /** Names of the packages as upstream builds them (one chain each under --multiple). */
  built: string[];
  /** What the user typed (the Namespace dump); defaults to `built`. */
  typed?: string[];
  /** Built names whose docker build fails with `E: Unable to locate package lib<name>-dev`. */
  failing?: Set<string>;
  skipErrors?: boolean;
}

/** A `jetson-containers --multiple` console as upstream prints it, one short chain per package. */
function multipleConsole(o: ConsoleOptions): string {
  const typed = o.typed ?? o.built;
  const failing = o.failing ?? new Set<string>();
  const py = typed.map((p) => `'${p}'`).join(', ');
  const out: string[] = [
    '',
    `Namespace(packages=[${py}], name='', base='', multiple=True, skip_errors=${o.skipErrors ? 'True' : 'False'}, skip_tests=[''], simulate=False, push='', log_dir='/l')`,
    '',
    '│ L4T_VERSION   36.4.0  │ JETPACK_VERSION  6.1   │',
    '',
    `$ jetson-containers --multiple ${typed.join(' ')}`,
    '',
  ];
  const summary: string[] = [];
  for (const p of o.built) {
    const img = `${p}:${TAG}`;
    out.push(`[09:30:47] BUILDING ['build-essential', '${p}']`);
    out.push(
      `[09:30:47] [#########---------] 1/2 Building build-essential (${img}-build-essential) 0 stages completed in 00m00s at 09:30:47`,
    );
    out.push('#8 DONE 0.5s', '');
    out.push(
      `[09:30:47] [##################] 2/2 Building ${p} (${img}-${p}) 1 stages completed in 00m00s at 09:30:47`,
    );
    out.push(`#6 [3/3] RUN ${CCACHE}bash /tmp/${p}/install.sh`, `#6 0.153 installing ${p}...`);
    if (failing.has(p)) {
      const proc = `process "/bin/sh -c ${CCACHE}bash /tmp/${p}/install.sh" did not complete successfully: exit code: 100`;
      const cmd = `docker buildx build --tag ${img}-${p} . 2>&1 | tee /l/build/02o2_${p}.txt; exit \${PIPESTATUS[0]}`;
      out.push(`#6 1.024 E: Unable to locate package lib${p}-dev`, `#6 ERROR: ${proc}`, '------');
      out.push(`ERROR: failed to solve: ${proc}`);
      out.push('[09:30:48] warn ' + '='.repeat(40), '[09:30:48] warn ' + '='.repeat(40));
      out.push('[09:30:48] warn 💣 `jetson-containers build` failed after 0.5 seconds (0.0 minutes)');
      out.push(`[09:30:48] warn Error: Command '${cmd}' returned non-zero exit status 1.`);
      out.push('[09:30:48] warn ' + '='.repeat(40), '[09:30:48] warn ' + '='.repeat(40));
      out.push(`Command '${cmd}' returned non-zero exit status 1.`);
      summary.push(
        `[09:30:49] error    * ${p} () FAILED  (Command '${cmd}' returned non-zero exit status 1.)`,
      );
      if (!o.skipErrors) break;
      continue;
    }
    out.push('#6 DONE 0.9s', '');
    out.push(`[09:30:48] done ${'='.repeat(40)}`);
    out.push(`[09:30:48] done ✅ \`jetson-containers build ${p}\` (${img})`);
    out.push('[09:30:48] done ⏱️  Total build time: 0.3 seconds (0.0 minutes)');
    out.push(`[09:30:48] done ${'='.repeat(40)}`);
    summary.push(`[09:30:49] done    * ${p} (${img}) SUCCESS`);
  }
  if (o.skipErrors) out.push('[09:30:49] Build logs at:  /l/build', ...summary);
  return out.join('\n') + '\n';
}

function parseText(text: string, requested?: string[]): ParseResult {
  const p = new BuildStreamParser({ now: () => new Date(0), ...(requested ? { requested } : {}) });
  const bytes = Buffer.from(text);
  for (let pos = 0; pos < bytes.length; pos += 256 * 1024) p.write(bytes.subarray(pos, pos + 256 * 1024));
  p.end();
  return p.result();
}

function decide(text: string, requested: string[], skipErrors: boolean, exitCode = 0): Outcome {
  return decideOutcome({
    parse: parseText(text, requested),
    requested,
    exitCode,
    signal: null,
    cancelled: false,
    startError: null,
    multiple: true,
    skipErrors,
  });
}

const names = (n: number, prefix = 'pkg') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('thousands of packages under --multiple', () => {
  it('1 001 packages that all print done: success, every one with its own image', () => {
    const pkgs = names(1001);
    const out = decide(multipleConsole({ built: pkgs }), pkgs, false);
    expect(out.status).toBe('success');
    expect(out.packages).toHaveLength(1001);
    expect(out.packages.filter((p) => p.status !== 'success')).toEqual([]);
    expect(out.packages[1000]).toMatchObject({ name: 'pkg1001', image: `pkg1001:${TAG}` });
    expect(out.message).toBe('All 1001 packages built: pkg1, pkg2, pkg3, pkg4, pkg5 and 996 more.');
  });

  it('5 000 packages that all print done: success, all 5 000 packages success', () => {
    const pkgs = names(5000);
    const out = decide(multipleConsole({ built: pkgs }), pkgs, false);
    expect(out.status).toBe('success');
    expect(out.packages.map((p) => p.status).filter((s) => s === 'success')).toHaveLength(5000);
    expect(out.images).toHaveLength(5000);
    expect(out.images[4999]).toBe(`pkg5000:${TAG}`);
    expect(out.failedPackages).toEqual([]);
  });

  it('4 999 done + 1 failed (--skip-errors): exactly that one failed, with its own error', () => {
    const pkgs = names(5000);
    const text = multipleConsole({ built: pkgs, failing: new Set(['pkg4321']), skipErrors: true });
    const out = decide(text, pkgs, true);
    expect(out.status).toBe('failure');
    expect(out.failedPackages).toEqual(['pkg4321']);
    expect(out.packages.filter((p) => p.status === 'success')).toHaveLength(4999);
    const failed = out.packages.find((p) => p.name === 'pkg4321');
    expect(failed?.failure?.error).toContain('E: Unable to locate package libpkg4321-dev');
    expect(failed?.failure?.logFile).toBe('/l/build/02o2_pkg4321.txt');
    expect(out.message).toMatch(
      /^4999 of 5000 packages built; pkg4321 failed in stage pkg4321 \(build 2\/2\)/,
    );
  });

  it('10 000 packages with 200 failures (--skip-errors): exactly those 200 failed, each with its own error', () => {
    const pkgs = names(10_000);
    const failing = new Set(pkgs.filter((_, i) => i % 50 === 7));
    const out = decide(multipleConsole({ built: pkgs, failing, skipErrors: true }), pkgs, true);
    expect(out.status).toBe('failure');
    expect(out.failedPackages).toEqual([...failing]);
    expect(out.packages.filter((p) => p.status === 'success')).toHaveLength(9800);
    for (const p of out.packages.filter((q) => q.status === 'failure')) {
      expect(p.failure?.error).toContain(`E: Unable to locate package lib${p.name}-dev`);
    }
  });

  it('a wildcard that expands to 5 000 packages: every one reported', () => {
    const pkgs = names(5000, 'ros-');
    const out = decide(multipleConsole({ built: pkgs, typed: ['ros-*'] }), ['ros-*'], false);
    expect(out.status).toBe('success');
    expect(out.packages).toHaveLength(5000);
    expect(out.packages[4999]).toMatchObject({ name: 'ros-5000', status: 'success' });
  });

  it('the requested list from the Namespace dump is enough when the caller passes none', () => {
    const pkgs = names(2000);
    const parse = parseText(multipleConsole({ built: pkgs }));
    expect(parse.chains).toHaveLength(2000);
    expect(parse.done).toHaveLength(2000);
  });
});

describe('records stay bounded by what was requested', () => {
  it('3 requested packages but 200 000 chains, done and summary lines: a bounded parse, no false failure', () => {
    const requested = ['numpy', 'torch', 'opencv'];
    const lines: string[] = [
      `Namespace(packages=['numpy', 'torch', 'opencv'], multiple=True, skip_errors=True)`,
      '$ jetson-containers --multiple --skip-errors numpy torch opencv',
    ];
    const noise = 200_000;
    for (const p of requested) {
      lines.push(
        `[00:00:00] BUILDING ['${p}']`,
        `[00:00:00] done ✅ \`jetson-containers build ${p}\` (${p}:${TAG})`,
      );
    }
    for (let i = 0; i < noise; i++) {
      lines.push(
        `[00:00:00] BUILDING ['x${i}']`,
        `[00:00:00] done ✅ \`jetson-containers build x${i}\` (x${i}:${TAG})`,
      );
    }
    lines.push('[00:00:01] Build logs at:  /l/build');
    for (const p of requested) lines.push(`[00:00:01] done    * ${p} (${p}:${TAG}) SUCCESS`);
    for (let i = 0; i < noise; i++) lines.push(`[00:00:01] done    * x${i} (x${i}:${TAG}) SUCCESS`);
    const parse = parseText(lines.join('\n') + '\n', requested);
    // What is kept for 3 packages is a few hundred kB, not 200 000 records.
    expect(JSON.stringify(parse).length).toBeLessThan(2 * 1024 * 1024);
    expect(parse.dropped.chains + parse.dropped.done + parse.dropped.summary).toBeGreaterThan(3 * 190_000);
    const out = decideOutcome({
      parse,
      requested,
      exitCode: 0,
      signal: null,
      cancelled: false,
      startError: null,
      multiple: true,
      skipErrors: true,
    });
    expect(out.packages.map((p) => `${p.name}:${p.status}`)).toEqual([
      'numpy:success',
      'torch:success',
      'opencv:success',
    ]);
    expect(out.status).toBe('success');
  });

  it('a failure among records that were not kept still fails the build, and says so', () => {
    const requested = ['numpy'];
    const lines: string[] = [
      `Namespace(packages=['numpy'], multiple=True, skip_errors=True)`,
      "[00:00:00] BUILDING ['numpy']",
      `[00:00:00] done ✅ \`jetson-containers build numpy\` (numpy:${TAG})`,
      '[00:00:01] Build logs at:  /l/build',
      `[00:00:01] done    * numpy (numpy:${TAG}) SUCCESS`,
    ];
    for (let i = 0; i < 5000; i++) lines.push(`[00:00:01] done    * x${i} (x${i}:${TAG}) SUCCESS`);
    lines.push(
      "[00:00:01] error    * x-last () FAILED  (Command 'docker build x-last' returned non-zero exit status 1.)",
    );
    const parse = parseText(lines.join('\n') + '\n', requested);
    const out = decideOutcome({
      parse,
      requested,
      exitCode: 0,
      signal: null,
      cancelled: false,
      startError: null,
      multiple: true,
      skipErrors: true,
    });
    expect(out.packages.map((p) => `${p.name}:${p.status}`)).toEqual(['numpy:success']);
    expect(out.status).toBe('failure');
    expect(out.message).toContain('1 more package failed that was not recorded');
  });
});
