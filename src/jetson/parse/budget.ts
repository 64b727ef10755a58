// Which per-package records are kept: memory is bounded by the requested package count, not by a constant.

import { LIMITS } from './types.js';

export type RecordKind = 'chains' | 'done' | 'summary';

/**
 * Which per-package records are kept. Those of a requested name (exactly, or its `name:tag` as upstream
 * resolves a default version) always are, a few each; any other record (a wildcard's expansion, an alias, a
 * dependency) counts against a budget that is large only when a wildcard was requested.
 */
export class RecordBudget {
  private readonly requested = new Map<string, Record<RecordKind, number>>();
  private wildcard = false;
  private readonly extra: Record<RecordKind, number> = { chains: 0, done: 0, summary: 0 };

  add(names: readonly string[], buildsEverything: boolean): void {
    if (buildsEverything) this.wildcard = true;
    for (const name of names) {
      if (/[*?[]/.test(name)) this.wildcard = true;
      // (Called before any record is taken: the header comes first.)
      else this.requested.set(name, { chains: 0, done: 0, summary: 0 });
    }
  }

  /** Whether to keep one more record of this kind for this (built) package name; counts it when kept. */
  take(kind: RecordKind, name: string): boolean {
    const colon = name.indexOf(':');
    const own =
      this.requested.get(name) ?? (colon > 0 ? this.requested.get(name.slice(0, colon)) : undefined);
    if (own && own[kind] < LIMITS.perRequested) {
      own[kind]++;
      return true;
    }
    if (this.extra[kind] < LIMITS[kind] + (this.wildcard ? LIMITS.wildcardRecords : 0)) {
      this.extra[kind]++;
      return true;
    }
    return false;
  }

  /** How many `Pushed container` names to keep: one per record a chain may have. */
  pushLimit(): number {
    return (
      this.requested.size * LIMITS.perRequested + LIMITS.done + (this.wildcard ? LIMITS.wildcardRecords : 0)
    );
  }
}
