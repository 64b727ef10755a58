// Generic webhook body for a whole matrix run: the RunReport itself, as JSON (signed by delivery like any
// single-build delivery). Receivers of the Foundries CI webhook will recognise its shape.
import type { RunReport } from '../../report/run-report.js';
import type { RenderedMessage } from '../types.js';

export function renderRunGeneric(run: RunReport): RenderedMessage {
  return { body: run, files: [] };
}
