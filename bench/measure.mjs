// Runs a command and measures it from outside: wall time, and the child's own CPU time (user + system) and peak
// RSS from wait4(2). Node cannot read a child's rusage, so a small Python helper (python3, one process for the
// whole bench) spawns each command and reports; without python3 only the wall time is measured (from Node).
// Also: medians, interleaved rounds and the ratio lines the start-up and peer benches print.
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import { createInterface } from 'node:readline';

const HELPER = String.raw`
import json, os, sys, time
for line in sys.stdin:
    req = json.loads(line)
    actions = [(os.POSIX_SPAWN_OPEN, 0, '/dev/null', os.O_RDONLY, 0),
               (os.POSIX_SPAWN_OPEN, 1, '/dev/null', os.O_WRONLY, 0),
               (os.POSIX_SPAWN_OPEN, 2, req['stderr'], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)]
    t0 = time.perf_counter()
    try:
        pid = os.posix_spawnp(req['argv'][0], req['argv'], req['env'], file_actions=actions)
        _, status, ru = os.wait4(pid, 0)
        code = os.waitstatus_to_exitcode(status)
    except OSError as e:
        print(json.dumps({'error': str(e)}), flush=True)
        continue
    wall = time.perf_counter() - t0
    print(json.dumps({'wallMs': wall * 1000, 'cpuMs': (ru.ru_utime + ru.ru_stime) * 1000,
                      'rssKiB': ru.ru_maxrss, 'code': code}), flush=True)
`;

let helper = null;
let pending = [];

function python() {
  if (helper !== null) return helper;
  const found = spawnSync('python3', ['-c', 'import os; os.posix_spawnp; os.wait4'], { stdio: 'ignore' });
  if (found.status !== 0) return (helper = false);
  const child = spawn('python3', ['-c', HELPER], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.unref();
  createInterface({ input: child.stdout }).on('line', (line) => pending.shift()?.(JSON.parse(line)));
  return (helper = child);
}

/** True when CPU time and RSS are measured (python3 is there). */
export function measuresCpu() {
  return python() !== false;
}

/**
 * Runs argv with env (stdin and stdout on /dev/null, stderr to `stderrFile`); resolves
 * { wallMs, cpuMs, rssKiB, code } (cpuMs and rssKiB null without python3).
 */
export function run(argv, env, stderrFile = '/dev/null') {
  const py = python();
  if (py) {
    return new Promise((resolve, reject) => {
      pending.push((answer) => (answer.error ? reject(new Error(answer.error)) : resolve(answer)));
      py.stdin.write(JSON.stringify({ argv, env, stderr: stderrFile }) + '\n');
    });
  }
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), { env, stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('close', (code) =>
      resolve({ wallMs: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: null, rssKiB: null, code }),
    );
  });
}

/** Stops the helper (the bench's last call). */
export function stop() {
  if (helper) helper.stdin.end();
  helper = null;
  pending = [];
}

export const median = (xs) => {
  const s = xs.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs every subject once per round, `rounds` times, in an order rotated each round so that no subject always
 * follows the same one (machine noise and cache effects hit each alike). A subject is an async function
 * returning { wallMs, cpuMs } (it may run several processes and add them up). Resolves name → samples.
 */
export async function interleave(subjects, rounds, onRound = () => undefined) {
  const names = Object.keys(subjects);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length];
      samples[name].push(await subjects[name]());
    }
    onRound(r);
  }
  return samples;
}

/**
 * "name: median wall (ratio to base), median CPU (ratio)" plus the spread of the per-round ratios, so a
 * reader sees how far one round may stray on a busy machine.
 */
export function ratioLine(name, samples, base) {
  const wall = median(samples.map((s) => s.wallMs));
  const cpu = median(samples.map((s) => s.cpuMs));
  const bWall = median(base.map((s) => s.wallMs));
  const bCpu = median(base.map((s) => s.cpuMs));
  const perRound = samples.map((s, i) => s.wallMs / base[i].wallMs).sort((a, b) => a - b);
  const spread = `${perRound[0].toFixed(2)}–${perRound[perRound.length - 1].toFixed(2)}`;
  const cpuText =
    cpu === null || bCpu === null
      ? 'CPU n/a (no python3)'
      : `CPU ${cpu.toFixed(1)} ms (${(cpu / bCpu).toFixed(2)}×)`;
  return `${name.padEnd(44)} wall ${wall.toFixed(1).padStart(6)} ms (${(wall / bWall).toFixed(2)}×, rounds ${spread})  ${cpuText}`;
}

/** The machine's 1, 5 and 15 minute load averages, as the benches print them. */
export const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
