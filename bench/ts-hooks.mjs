// Loading the TypeScript sources straight from src/ with Node's type stripping (Node >= 22.18; the runner's
// node24 has it), for the benches that need no build.
import { spawnSync } from 'node:child_process';
// The module object rather than `{ registerHooks }`: a Node without it must still load this file, to re-run
// the bench under node24.
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { nodeBin } from './step-env.mjs';

/**
 * The sources import each other as `./x.js`; point those at the `.ts` files. Call it before the first dynamic
 * `import()` of a .ts file.
 */
export function resolveTsSources() {
  module.registerHooks({
    resolve(specifier, context, next) {
      try {
        return next(specifier, context);
      } catch (err) {
        if (specifier.startsWith('.') && specifier.endsWith('.js'))
          return next(specifier.slice(0, -3) + '.ts', context);
        throw err;
      }
    },
  });
}

/**
 * Unless this process is already the `--child`, re-runs the script at `url` (its import.meta.url) under
 * node24 with the same arguments, and exits with its status: the current Node may not strip types.
 */
export function underNode24(url) {
  if (process.argv.includes('--child')) return;
  const r = spawnSync(nodeBin, [fileURLToPath(url), '--child', ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}
