// The one-line error: what a person needs to read first about a failure, cut from its excerpt.

import { capText, EXCEPTION_RE } from './text.js';
import type { ParsedFailure } from './types.js';

/** The one line a person needs: docker's error for builds, the test's exception for tests, else the Error text. */
export function summarizeError(f: ParsedFailure, excerpt: string[]): string | null {
  const raw = f.rawError;
  if (f.unknownPackage) return `couldn't find package: ${f.unknownPackage}`;
  if (raw !== null && !/^Command '/.test(raw))
    return capText(raw.replace(/^"(.*)"$/, '$1').replace(/\s+/g, ' '), 300);
  const status = f.exitStatus !== null ? ` (exit status ${f.exitStatus})` : '';
  if (f.phase === 'build') {
    const cause = buildCause(excerpt);
    if (cause) return cause;
    const solve = [...f.dockerErrors].reverse().find((l) => /ERROR: failed to solve/.test(l));
    const docker = solve ?? f.dockerErrors[f.dockerErrors.length - 1];
    if (docker) return capText(docker.replace(/^#\d+\s+/, ''), 300);
    return `docker build failed${status}`;
  }
  if (f.phase === 'test') {
    const test = /\/bin\/bash -c '([^']*)'/.exec(raw ?? '');
    const testName = test ? ` '${test[1] as string}'` : '';
    // (A log line starts with its `[HH:MM:SS]` stamp, so it is never taken for an exception.)
    const exception = [...excerpt].reverse().find((l) => EXCEPTION_RE.test(l.trim()));
    if (exception) return capText(`test${testName} failed: ${exception.trim()}`, 300);
    return `test${testName} failed${status}`;
  }
  if (f.phase === 'push') {
    const denied = [...excerpt]
      .reverse()
      .find((l) => /denied|unauthorized|error/i.test(l) && !/^\[\d\d:/.test(l));
    return capText(denied ? `docker push failed: ${denied.trim()}` : `docker push failed${status}`, 300);
  }
  return raw !== null ? capText(raw, 300) : null;
}

// A failed RUN step: BuildKit's `#7 ERROR: process "/bin/sh -c CMD" did not complete successfully: exit code: N`
// and the legacy builder's `The command '/bin/sh -c CMD' returned a non-zero code: N`.
const STEP_ERROR_RE = /^#(\d+)\s+ERROR:\s*process "(.*)" did not complete successfully: exit code: (\d+)/;
const SOLVE_ERROR_RE =
  /^ERROR: failed to solve: process "(.*)" did not complete successfully: exit code: (\d+)/;
const LEGACY_ERROR_RE = /^The command '(.*)' returned a non-zero code: (\d+)/;
/** Output lines that state a cause: apt's `E:`, compiler and tool errors (`command not found` is a `not found`). */
const CAUSE_RE =
  /^(?:E: |ERROR\b|Error\b|error\b|fatal\b|FATAL\b|FAILED\b|CMake Error|ninja: build stopped|make(?:\[\d+\])?: \*\*\*)|\b(?:error:|No such file or directory|Permission denied|Could not find|Unable to|No matching distribution|not found)/;

/**
 * The command a RUN step ran, without the wrappers upstream puts around every one: `/bin/sh -c` and the
 * ~230-character ccache preamble (`if command -v ccache ...; fi;`).
 */
export function unwrapRunCommand(command: string): string {
  let cmd = command.trim().replace(/^\/bin\/(?:ba)?sh -c /, '');
  cmd = cmd.replace(/^if command -v ccache\b.*?;\s*fi\s*(?:;|&&)\s*/, '');
  cmd = cmd.replace(/^set -[a-z]+\s*(?:;|&&)\s*/, '');
  return cmd.trim();
}

/**
 * The one line for a failed docker build step: the step's own last output line that states a cause (else its
 * last line), with the command it ran (wrappers dropped) and the exit code. Null when no RUN step failed.
 */
function buildCause(lines: string[]): string | null {
  // The last failed step: its line, its BuildKit step number (null for the legacy builder), command, exit code.
  let failed: { at: number; step: string | null; command: string; code: string } | null = null;
  for (let i = lines.length - 1; i >= 0 && failed === null; i--) {
    const l = (lines[i] as string).trim();
    const m = STEP_ERROR_RE.exec(l);
    if (m) {
      failed = { at: i, step: m[1] as string, command: m[2] as string, code: m[3] as string };
      continue;
    }
    const legacy = LEGACY_ERROR_RE.exec(l);
    if (legacy) failed = { at: i, step: null, command: legacy[1] as string, code: legacy[2] as string };
  }
  if (failed === null) {
    // Only the final `failed to solve` line is left (the step's own lines scrolled out of the tail).
    const solve = lines.map((l) => SOLVE_ERROR_RE.exec(l.trim())).findLast((m) => m !== null);
    if (!solve) return null;
    return capText(
      `RUN ${capText(unwrapRunCommand(solve[1] as string), 120)} failed (exit code: ${solve[2] as string})`,
      300,
    );
  }
  const { at, step, command, code } = failed;
  // The step's output: `#7 1.024 text` under BuildKit, plain lines under the legacy builder.
  const output: string[] = [];
  const prefix = step !== null ? new RegExp(`^#${step}\\s+\\d+(?:\\.\\d+)?\\s(.*)$`) : null;
  for (let i = at - 1; i >= 0 && output.length < 20; i--) {
    const l = (lines[i] as string).trim();
    if (prefix) {
      const m = prefix.exec(l);
      if (m) output.push((m[1] as string).trim());
      // Its header line: everything before belongs to earlier steps (parallel steps' lines are skipped).
      else if (l.startsWith(`#${step} [`)) break;
    } else {
      if (/^(?:Step \d+\/\d+ :|---> )/.test(l)) break;
      output.push(l);
    }
  }
  // (Excerpt lines are never blank.) Shell traces (`+ cmd`) state no cause.
  const real = output.filter((l) => !/^\+ /.test(l));
  const cause =
    real.find((l) => EXCEPTION_RE.test(l)) ?? real.find((l) => CAUSE_RE.test(l)) ?? real[0] ?? null;
  const cmd = capText(unwrapRunCommand(command), 80);
  const text = cause
    ? `${capText(cause, 200)} (RUN ${cmd}, exit code: ${code})`
    : `RUN ${cmd} failed (exit code: ${code})`;
  return capText(text, 300);
}
