// `compare-size: true`: each image's size against the same package's image in the previous successful run
// (src/github/previous-size.ts), into imageFacts.sizeChange before the report is written and notified. Bounded
// (see PREVIOUS_SIZE_TIMEOUT_MS) and never fails the step: at most one warning for a look-up that a person
// can fix (a token without `actions: read`), plus one per image that grew over `size-warn-percent`.
import * as core from '@actions/core';
import os from 'node:os';
import type { BuildReport } from '../report/build-report.js';
import { errorMessage } from '../runner/errors.js';
import { scrub } from '../runner/secrets.js';
import type { CompareSizeSettings, LogSettings } from './settings.js';

/**
 * Fills `sizeChange` of every package that has a size now and had one in the previous successful run.
 * `stop` (a cancel) ends the look-up at once: the rest of the finish needs the time.
 */
export async function compareSizeStep(
  report: BuildReport,
  settings: CompareSizeSettings,
  logs: LogSettings,
  stop?: AbortSignal,
): Promise<void> {
  try {
    const { factsOf } = await import('../report/image-facts.js');
    const sized = report.packages.filter((p) => p.status === 'success' && factsOf(p)?.sizeBytes != null);
    // Nothing was inspected (a failed build, docker missing): nothing to compare, and nothing to say.
    if (sized.length === 0) return;
    const { findPreviousSizes } = await import('../github/previous-size.js');
    const { readGitHubRun } = await import('../runner/github.js');
    const { sizeChange, sizeChangeText, sizeWarningText } = await import('../report/size-change.js');
    const answer = await findPreviousSizes({
      token: settings.token,
      run: readGitHubRun(),
      packages: sized.map((p) => p.name),
      artifactName: await artifactNameOf(report, logs),
      tempDir: process.env.RUNNER_TEMP || os.tmpdir(),
      info: (m) => core.info(scrub(m)),
      stop,
    });
    if (answer.warning !== null) core.warning(scrub(answer.warning), { title: 'compare-size' });
    for (const p of sized) {
      const previous = answer.sizes.get(p.name);
      const facts = p.imageFacts;
      if (!previous || !facts || facts.sizeBytes === null) continue;
      const change = sizeChange(facts.sizeBytes, previous.sizeBytes, settings.warnPercent, previous.runUrl);
      if (change === null) continue;
      facts.sizeChange = change;
      const run = previous.runNumber === null ? `run ${previous.runId}` : `run #${previous.runNumber}`;
      core.info(scrub(`compare-size: ${p.name} ${sizeChangeText(change)} since ${run}.`));
      if (change.flagged) {
        core.warning(scrub(sizeWarningText(p.name, change, previous.runNumber, settings.warnPercent)), {
          title: 'Image size grew',
        });
      }
    }
  } catch (err) {
    core.warning(scrub(`compare-size: could not compare the image sizes (${errorMessage(err)}).`));
  }
}

/** The name this job's logs artifact gets: the previous run's one of the same job and leg is read first. */
async function artifactNameOf(report: BuildReport, logs: LogSettings): Promise<string | null> {
  if (logs.artifactName !== null) return logs.artifactName;
  const { defaultArtifactName } = await import('../logs/artifact.js');
  return defaultArtifactName({
    job: report.run.job,
    matrix: report.run.matrix,
    runAttempt: report.run.runAttempt,
    step: process.env.GITHUB_ACTION ?? null,
  });
}
