// The unit tests Stryker runs against each mutant: everything but the end-to-end runs of dist/ (they test the
// bundle, not the mutated sources), the workflow/README checks and the optional real-upstream suite.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/repo/**'],
    testTimeout: 30_000,
    pool: 'forks',
    // As in vitest.config.ts: resolveNotifySettings needs its YAML parser loaded first.
    setupFiles: ['test/support/preload-yaml.ts'],
  },
});
