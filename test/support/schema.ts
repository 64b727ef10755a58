// Validators for the shipped JSON Schemas (ajv, draft 2020-12, with formats). Each throws an Error that lists
// every violation as `<path> <message>`, and returns its input typed when it is valid.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { BuildReport } from '../../src/report/build-report.js';
import type { GenericPayload } from '../../src/notify/render/generic.js';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

function loadSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
}

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);

export const reportSchema = loadSchema('build-report.schema.json');
export const genericPayloadSchema = loadSchema('generic-payload.schema.json');

const reportValidator = ajv.compile(reportSchema);
const genericValidator = ajv.compile(genericPayloadSchema);

/** Readable lines for ajv errors. */
export function formatErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => {
      const extra =
        e.keyword === 'additionalProperties'
          ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
          : e.keyword === 'enum'
            ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})`
            : '';
      return `  ${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
    })
    .join('\n');
}

function check<T>(validate: ValidateFunction, what: string, obj: unknown): T {
  if (!validate(obj)) throw new Error(`${what} does not match its schema:\n${formatErrors(validate.errors)}`);
  return obj as T;
}

/** Throws unless `obj` is a valid report.json (schema/build-report.schema.json). */
export function validateReport(obj: unknown): BuildReport {
  return check<BuildReport>(reportValidator, 'BuildReport', obj);
}

/** Throws unless `obj` is a valid generic webhook body (schema/generic-payload.schema.json). */
export function validateGenericPayload(obj: unknown): GenericPayload {
  return check<GenericPayload>(genericValidator, 'Generic payload', obj);
}
