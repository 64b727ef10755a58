// What the Marketplace and a careful user check before using the action: short descriptions, one owner
// placeholder in every copyable snippet, third-party actions pinned to full commit SHAs (one version each).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');
const yamlFiles = (dir: string): string[] =>
  readdirSync(path.join(root, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `${dir}/${f}`);
const workflows = yamlFiles('.github/workflows');
const examples = yamlFiles('examples');

describe('action metadata', () => {
  it.each(['action.yml', 'plan/action.yml', 'summarize/action.yml'])(
    '%s has a description of at most 125 characters (the Marketplace limit)',
    (file) => {
      const meta = parse(read(file)) as { description: string };
      expect(meta.description.length).toBeGreaterThan(40);
      expect(meta.description.length).toBeLessThanOrEqual(125);
    },
  );
});

describe('owner placeholder', () => {
  const documents = [
    'README.md',
    'CHANGELOG.md',
    ...readdirSync(path.join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
    ...workflows,
    ...examples,
  ];

  it('every snippet names this repository as OWNER/jetson-build-action, and nothing else', () => {
    const owners = new Map<string, string[]>();
    for (const file of documents) {
      for (const m of read(file).matchAll(/([A-Za-z0-9_<>.-]+)\/jetson-build-action(?=[/@])/g)) {
        const owner = m[1] as string;
        owners.set(owner, [...(owners.get(owner) ?? []), file]);
      }
    }
    expect([...owners.keys()]).toEqual(['OWNER']);
    // The placeholder is used where a user copies from: the README and the examples.
    expect(owners.get('OWNER')).toEqual(expect.arrayContaining(['README.md', 'examples/fleet.yml']));
  });
});

interface Step {
  uses?: string;
}
interface Workflow {
  jobs?: Record<string, { steps?: Step[]; uses?: string }>;
}

/** Every `uses:` of a third-party action (not ./local, not docker://) in the workflows, with its trailing comment. */
function thirdPartyUses(): { file: string; uses: string; comment: string }[] {
  const out: { file: string; uses: string; comment: string }[] = [];
  for (const file of [...workflows, ...examples]) {
    const text = read(file);
    const doc = parse(text) as Workflow;
    for (const job of Object.values(doc.jobs ?? {})) {
      for (const step of job.steps ?? []) {
        const uses = step.uses;
        if (!uses || uses.startsWith('./') || uses.startsWith('docker://')) continue;
        if (/^OWNER\/jetson-build-action/.test(uses)) continue;
        const line = text.split('\n').find((l) => l.includes(`uses: ${uses}`)) ?? '';
        out.push({ file, uses, comment: /#\s*(.*)$/.exec(line)?.[1] ?? '' });
      }
    }
  }
  return out;
}

describe('pinned actions', () => {
  const all = thirdPartyUses();

  it('finds the actions the workflows use', () => {
    expect(all.map((u) => u.uses.split('@')[0])).toEqual(
      // The reports are downloaded by the summarize action itself (report-artifacts), not download-artifact.
      expect.arrayContaining(['actions/checkout', 'actions/upload-artifact']),
    );
  });

  it.each(all.map((u) => [`${u.file}: ${u.uses}`, u] as const))(
    '%s is pinned to a full commit SHA with its version in a comment',
    (_name, u) => {
      expect(u.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(u.comment).toMatch(/^v\d+\.\d+\.\d+$/);
    },
  );

  it('uses one version of each action across every file', () => {
    const versions = new Map<string, Set<string>>();
    for (const u of all) {
      const name = u.uses.split('@')[0] as string;
      versions.set(name, (versions.get(name) ?? new Set()).add(u.uses));
    }
    const several = [...versions].filter(([, v]) => v.size > 1).map(([n, v]) => `${n}: ${[...v].join(', ')}`);
    expect(several).toEqual([]);
  });

  it('has a Dependabot configuration for the actions and npm', () => {
    const config = parse(read('.github/dependabot.yml')) as { updates: { 'package-ecosystem': string }[] };
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
  });
});
