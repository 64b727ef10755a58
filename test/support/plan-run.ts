// Set-up shared by the tests of the fleet's plan step (src/fleet/plan-main.ts): the job files GitHub hands a
// step (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) as fresh temporary files, the step's stdout captured, and a
// loopback Discord double with its own connection pool for the live run message.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { parsePlatforms } from '../../src/fleet/plan.js';
import { runPlan } from '../../src/fleet/plan-main.js';
import { parseCommandFile } from './action-runner.js';
import { startDiscordDouble, type DiscordDouble } from './discord-double.js';

/** Action inputs as the step reads them: a name not given is empty, as `core.getInput` answers. */
export const inputs =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? '';

/** What the step wrote to GITHUB_OUTPUT, as written. */
export function outputText(): string {
  return readFileSync(process.env.GITHUB_OUTPUT as string, 'utf8');
}

/** What the step wrote to GITHUB_OUTPUT, by name. */
export function outputs(): Record<string, string> {
  return parseCommandFile(outputText());
}

/** The message the `platforms` input's parser refuses `text` with; throws when it accepts it. */
export async function platformsError(text: string): Promise<string> {
  try {
    await parsePlatforms(text);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`parsed without an error: ${text}`);
}

/**
 * Points GITHUB_OUTPUT at a fresh empty file in a temporary folder named by `prefix`, and GITHUB_STEP_SUMMARY
 * at `summary` (unset when null, left alone when not given). The returned function puts both variables back as
 * they were and removes the folder.
 */
export function redirectJobFiles(prefix: string, summary?: string | null): () => void {
  const saved = {
    GITHUB_OUTPUT: process.env.GITHUB_OUTPUT,
    GITHUB_STEP_SUMMARY: process.env.GITHUB_STEP_SUMMARY,
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  process.env.GITHUB_OUTPUT = path.join(dir, 'output');
  writeFileSync(process.env.GITHUB_OUTPUT, '');
  if (summary === null) delete process.env.GITHUB_STEP_SUMMARY;
  else if (summary !== undefined) process.env.GITHUB_STEP_SUMMARY = summary;
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  };
}

/** Swallows what is written to stdout (where @actions/core logs) into the returned list, until vi.restoreAllMocks(). */
export function captureStdout(): string[] {
  const written: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  return written;
}

/** Gives every test of the calling file (or describe) a fresh GITHUB_OUTPUT file; see redirectJobFiles. */
export function useOutputFile(prefix: string): void {
  let restore: () => void = () => undefined;
  beforeEach(() => {
    restore = redirectJobFiles(prefix);
  });
  afterEach(() => restore());
}

export interface PlanRun {
  /** The GITHUB_STEP_SUMMARY file, emptied before each test. */
  readonly summaryFile: string;
  /** What the current test's step wrote to stdout. */
  readonly logged: string[];
}

/**
 * Every test of the calling describe runs the plan step with a fresh GITHUB_OUTPUT file, an empty summary file
 * and stdout captured. One summary file serves the whole file: @actions/core remembers the first path it wrote to.
 */
export function usePlanRun(prefix: string): PlanRun {
  const state = { summaryFile: '', logged: [] as string[] };
  let restore: () => void = () => undefined;
  beforeAll(() => {
    state.summaryFile = path.join(mkdtempSync(path.join(os.tmpdir(), `${prefix}summary-`)), 'summary.md');
  });
  beforeEach(() => {
    // A test may leave a folder where the summary file should be.
    rmSync(state.summaryFile, { recursive: true, force: true });
    writeFileSync(state.summaryFile, '');
    restore = redirectJobFiles(prefix, state.summaryFile);
    state.logged = captureStdout();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    restore();
  });
  afterAll(() => rmSync(path.dirname(state.summaryFile), { recursive: true, force: true }));
  return state;
}

export interface LiveDiscord {
  readonly double: DiscordDouble;
  readonly dispatcher: Agent;
}

/**
 * One Discord double for the calling file, reached through its own undici pool of `connections` (the legs of a
 * live run write concurrently); the faults a test scripts are cleared after it.
 */
export function useLiveDiscord(connections: number): LiveDiscord {
  const state = {} as { double: DiscordDouble; dispatcher: Agent };
  beforeAll(async () => {
    state.double = await startDiscordDouble();
    state.dispatcher = new Agent({ connections });
  });
  afterAll(async () => {
    await state.dispatcher.close();
    await state.double.close();
  });
  afterEach(() => state.double.clearFaults());
  return state;
}

/**
 * Runs the REAL plan step (src/fleet/plan-main.ts) with these inputs, quietly and without a job summary, and
 * answers its outputs as GITHUB_OUTPUT has them. The short SHA is fixed so that leg names are stable.
 */
export async function planStepOutputs(given: Record<string, string>): Promise<Record<string, string>> {
  const restore = redirectJobFiles('plan-step-', null);
  const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    await runPlan(inputs(given), () => 'a1b2c3d4e5f6');
    return outputs();
  } finally {
    quiet.mockRestore();
    restore();
  }
}
