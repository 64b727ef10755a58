import { describe, expect, it } from 'vitest';
import { platformFacts } from '../../src/report/platform.js';
import * as F from '../support/reports.js';
import { genericPayloadSchema, reportSchema, validateReport } from '../support/schema.js';

type JsonObject = Record<string, unknown>;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function def(name: string): JsonObject {
  return (reportSchema.$defs as Record<string, JsonObject>)[name]!;
}
function prop(schema: JsonObject, name: string): JsonObject {
  return (schema.properties as Record<string, JsonObject>)[name]!;
}

describe('build-report schema', () => {
  it.each(F.allReports())('accepts the factory report %s (as report.json holds it)', (_name, report) => {
    expect(() => validateReport(clone(report))).not.toThrow();
  });

  it('rejects a report without status, with a bad status, or with the wrong version', () => {
    const { status: _s, ...noStatus } = clone(F.successChainWithPush());
    expect(() => validateReport(noStatus)).toThrow(/must have required property 'status'/);
    expect(() => validateReport({ ...clone(F.successChainWithPush()), status: 'passed' })).toThrow(
      /\/status must be equal to one of the allowed values/,
    );
    expect(() => validateReport({ ...clone(F.successChainWithPush()), schemaVersion: 3 })).toThrow(
      /schemaVersion/,
    );
  });

  it('rejects unknown fields, bad nested enums, bad times and wrong types', () => {
    const extra = { ...clone(F.successChainWithPush()), surprise: true };
    expect(() => validateReport(extra)).toThrow(/surprise/);
    const badPhase = clone(F.stageFailure());
    (badPhase.failure as unknown as JsonObject).phase = 'compile';
    expect(() => validateReport(badPhase)).toThrow(/\/failure/);
    const badPkg = clone(F.multipleStopsAtFailure());
    (badPkg.packages[2] as unknown as JsonObject).status = 'skipped';
    expect(() => validateReport(badPkg)).toThrow(/\/packages\/2\/status/);
    const badTime = { ...clone(F.successChainWithPush()), endTime: 'yesterday' };
    expect(() => validateReport(badTime)).toThrow(/\/endTime must match format "date-time"/);
    const badExit = { ...clone(F.successChainWithPush()), exitCode: '0' };
    expect(() => validateReport(badExit)).toThrow(/\/exitCode must be integer,null/);
    const badEnv = clone(F.successChainWithPush());
    (badEnv.environment as unknown as JsonObject).GPU = 'orin';
    expect(() => validateReport(badEnv)).toThrow(/GPU/);
  });

  it('requires exactly the fields the TypeScript types have', () => {
    // Every key of the types is required (no optional fields besides the environment values), so comparing
    // the `required` lists with real objects' keys catches a field added to one side only.
    const r = F.multipleSkipErrorsMixed();
    const sorted = (a: unknown): string[] => [...(a as string[])].sort();
    expect(sorted(reportSchema.required)).toEqual(Object.keys(r).sort());
    // `platform` is the one optional top-level field (absent in reports of earlier versions).
    expect(sorted(Object.keys(reportSchema.properties as JsonObject))).toEqual(
      [...Object.keys(r), 'platform'].sort(),
    );
    const facts = platformFacts('jp6-orin', r.environment);
    expect(sorted(def('PlatformFacts').required)).toEqual(Object.keys(facts).sort());
    expect(sorted(prop(def('PlatformFacts'), 'expected').required)).toEqual(
      Object.keys(facts.expected).sort(),
    );
    expect(sorted(def('PackageResult').required)).toEqual(Object.keys(r.packages[0]!).sort());
    expect(sorted(def('FailurePoint').required)).toEqual(Object.keys(r.failure!).sort());
    expect(sorted(def('StageRecord').required)).toEqual(Object.keys(r.stages[0]!).sort());
    for (const key of ['runner', 'run', 'logs', 'options', 'command'] as const) {
      expect(sorted(prop(reportSchema, key).required), key).toEqual(Object.keys(r[key]).sort());
    }
    expect(sorted(Object.keys(def('EnvironmentInfo').properties as JsonObject))).toEqual(
      Object.keys(F.successChainWithPush().environment).sort(),
    );
    // Version 2 only added optional fields: a version-1 report.json is still a valid report.
    expect(prop(reportSchema, 'schemaVersion').enum).toEqual([1, 2]);
  });

  it('describes every property', () => {
    const undocumented: string[] = [];
    const walk = (s: JsonObject, path: string): void => {
      for (const [k, v] of Object.entries((s.properties as Record<string, JsonObject>) ?? {})) {
        if (typeof v.description !== 'string' && !('$ref' in v)) undocumented.push(`${path}.${k}`);
        walk(v, `${path}.${k}`);
      }
      if (s.items && typeof s.items === 'object') walk(s.items as JsonObject, `${path}[]`);
      for (const [k, v] of Object.entries((s.$defs as Record<string, JsonObject>) ?? {}))
        walk(v, `$defs.${k}`);
    };
    walk(reportSchema, 'report');
    walk(genericPayloadSchema, 'generic');
    expect(undocumented).toEqual([]);
  });
});
