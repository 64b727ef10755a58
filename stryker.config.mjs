// Mutation testing of the core (`npm run test:mutation`): the status rules, the parser, package patterns, the
// render limits, delivery, target parsing and the run report. Not part of CI (too slow for 2 cores); the latest
// scores are in MUTATION.md. Incremental: a re-run only tests mutants in code or tests that changed since the
// last run (the state is kept in .stryker/incremental.json, not committed).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/jetson/outcome.ts',
    'src/jetson/parse/*.ts',
    'src/jetson/packages.ts',
    'src/notify/render/limits.ts',
    'src/notify/deliver.ts',
    'src/notify/targets.ts',
    'src/report/run-report.ts',
  ],
  // Other sandboxes and a build in progress are no input of the tests: never copied in.
  ignorePatterns: ['/.stryker', '/.dist-build', '/bench/.out', '/coverage'],
  incremental: true,
  incrementalFile: '.stryker/incremental.json',
  tempDirName: '.stryker/tmp',
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: '.stryker/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
};
