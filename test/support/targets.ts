import type { TargetTemplates } from '../../src/notify/types.js';

/** A target without templates of its own (the built-in messages). */
export const NO_TEMPLATES: TargetTemplates = {
  message: null,
  messageSource: null,
  payload: null,
  payloadSource: null,
};
