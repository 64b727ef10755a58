// The README's inputs/outputs tables must say exactly what action.yml and summarize/action.yml declare.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/action-runner.js';
// @ts-expect-error plain JS module without types
import { render } from '../../scripts/docs.mjs';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  for (const [file, prefix] of [
    ['action.yml', ''],
    ['summarize/action.yml', 'summarize-'],
  ] as const) {
    it(`documents every input and output of ${file}, exactly`, () => {
      const yml = readFileSync(path.join(ROOT, file), 'utf8');
      expect(render(readme, yml, prefix)).toBe(readme);
      const action = parse(yml) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
      for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
        expect(readme).toContain(`| \`${name}\` |`);
      }
    });
  }

  it('notices a table that drifted from action.yml', () => {
    const yml = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    const drifted = yml.replace('Fail the step when the build failed.', 'Something else.');
    expect(render(readme, drifted, '')).not.toBe(readme);
  });

  it('gives the two-command quick start', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm test');
  });
});
