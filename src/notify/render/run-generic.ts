// Generic webhook body for a whole matrix run: the RunReport itself, as JSON (signed by delivery like any
// single-build delivery). Receivers of the Foundries CI webhook will recognise its shape. A target's
// `payload-template` replaces it with the template's JSON.
import type { RunReport } from '../../report/run-report.js';
import { runTemplateView } from '../template-fields.js';
import { renderPayloadTemplate } from '../templates.js';
import type { NotifyContext, RenderedMessage } from '../types.js';
import { GENERIC_MAX_BYTES } from './generic.js';

export function renderRunGeneric(
  run: RunReport,
  payloadTemplate: string | null = null,
  ctx?: NotifyContext,
): RenderedMessage {
  if (payloadTemplate === null) return { body: run, files: [] };
  const body = renderPayloadTemplate(
    payloadTemplate,
    (caps) => runTemplateView(run, ctx, caps),
    GENERIC_MAX_BYTES,
  );
  return { body, files: [] };
}
