// The README's template fields table is generated from the field list, the report schema and the sample
// report (scripts/template-docs.mjs): it must say exactly what the code accepts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTemplateView, FIELDS, sampleTemplateReport } from '../../src/notify/template-fields.js';
import { ROOT } from '../support/action-runner.js';
// @ts-expect-error plain JS module without types
import { describe as describeField, fieldsTable, render } from '../../scripts/template-docs.mjs';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const schema = JSON.parse(
  readFileSync(path.join(ROOT, 'schema', 'build-report.schema.json'), 'utf8'),
) as unknown;
const table = (): string =>
  (fieldsTable as (f: unknown, s: unknown, v: unknown) => string)(
    FIELDS,
    schema,
    buildTemplateView(sampleTemplateReport()),
  );

describe('the template fields table', () => {
  it('is in README.md exactly as generated (node scripts/template-docs.mjs)', () => {
    expect((render as (r: string, t: string) => string)(readme, table())).toBe(readme);
  });

  it('takes report fields from the schema: a renamed schema property breaks it', () => {
    const status = FIELDS.find((f) => f.name === 'status');
    expect((describeField as (f: unknown, s: unknown) => string)(status, schema)).toBe(
      'Outcome of the whole build, judged from the exit code and the console output together. `started` for a start.',
    );
    expect(() =>
      (describeField as (f: unknown, s: unknown) => string)(
        { ...status, schema: '/properties/outcome' },
        schema,
      ),
    ).toThrow('template field status: /properties/outcome is not in the report schema');
  });

  it('has a row per field and per list item field, with the sample value as example', () => {
    const rows = table().split('\n').slice(2);
    expect(rows).toHaveLength(44 + 7 + 13);
    expect(rows).toContain(
      '| `short_sha` | string | build, run, start | `3f5c0e9` | The commit SHA. Its first 7 characters. |',
    );
    expect(rows).toContain(
      '| `failed[].name` | string | build, run | `onnxruntime` | The package as requested (`pytorch:2.8`), or as named by the output for a wildcard. |',
    );
  });
});
