// docs/reusable-workflow.md shows the grid as the summary really renders it: the legend under the table, word
// for word, and no icon the grid does not use (⏹ is the one-platform message's cancelled, not the grid's).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRunReport } from '../../src/report/run-report.js';
import { renderRunSummary } from '../../src/report/run-summary.js';
import { gridInput } from '../support/grid.js';

const docs = readFileSync(new URL('../../docs/reusable-workflow.md', import.meta.url), 'utf8');

/** The `## Platforms` section, up to the next `## ` heading, with its line breaks as spaces. */
function platformsSection(): string {
  const start = docs.indexOf('\n## Platforms\n');
  const end = docs.indexOf('\n## ', start + 1);
  return docs.slice(start, end).replace(/\s+/g, ' ');
}

describe('the Platforms section of docs/reusable-workflow.md', () => {
  it('quotes the legend the job summary prints under the grid', () => {
    const md = renderRunSummary(buildRunReport(gridInput()));
    const legend = /<sub>(.+)<\/sub>/.exec(md)?.[1];
    expect(legend).toContain('⏭ cancelled or not built');
    expect(platformsSection()).toContain(`\`${legend}\``);
  });

  it('shows no cancelled icon the grid does not use', () => {
    expect(platformsSection()).not.toContain('⏹');
  });
});
