// Gathers what the parse alone cannot give: the runner's own environment facts, and a re-parse of
// console.log from disk (post uses it when main was killed before it could report).
import { createReadStream } from 'node:fs';
import { ENVIRONMENT_KEYS, type EnvironmentInfo } from '../report/build-report.js';
import { environmentFromRunner, mergeEnvironment, realRunnerIO } from './environment.js';
import { BuildStreamParser, type ParseResult } from './parse/index.js';

/** CUDA_ARCH is not in the tool's table, so its absence does not send us to the runner. */
const TABLE_KEYS = ENVIRONMENT_KEYS.filter((k) => k !== 'CUDA_ARCH');

/** The console's environment table, completed from the runner only when the table was absent or partial. */
export async function resolveEnvironment(fromConsole: ParseResult['environment']): Promise<EnvironmentInfo> {
  const complete = TABLE_KEYS.every((k) => fromConsole[k] !== undefined && fromConsole[k] !== '');
  if (complete) return mergeEnvironment(fromConsole, {});
  const fromRunner = await environmentFromRunner(realRunnerIO()).catch(() => ({}));
  return mergeEnvironment(fromConsole, fromRunner);
}

/** Streams a console log through a fresh parser (bounded memory, whatever the file size). */
export async function parseConsoleLog(file: string, requested: readonly string[] = []): Promise<ParseResult> {
  const parser = new BuildStreamParser({ requested });
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
      parser.write(chunk as Buffer);
    }
  } catch {
    // No console log (main died before the build started): an empty parse.
  }
  parser.end();
  return parser.result();
}
