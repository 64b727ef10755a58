// GitHub's own workflow parser, @actions/workflow-parser, loaded the way Node accepts it: it imports its JSON
// schemas without import attributes, which Node refuses outside a bundler, so a loader hook adds
// `type: 'json'` for them before the parser is imported.
import { register } from 'node:module';

const JSON_HOOK = `export async function load(url, context, next) {
  if (url.endsWith('.json')) return next(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } });
  return next(url, context);
}`;
register('data:text/javascript,' + encodeURIComponent(JSON_HOOK));
export const workflowParser = await import('@actions/workflow-parser');
export const actionParser = await import('@actions/workflow-parser/actions/index');

const trace = new workflowParser.NoOperationTraceWriter();
export { trace };

/** Every error GitHub's parser reports for a workflow file (empty when valid). */
export async function workflowErrors(name: string, content: string): Promise<string[]> {
  const parsed = workflowParser.parseWorkflow({ name, content }, trace);
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (parsed.value && errors.length === 0) {
    const template = await workflowParser.convertWorkflowTemplate(parsed.context, parsed.value);
    for (const e of template.errors ?? []) errors.push(e.Message);
  }
  return errors;
}

/** A step of a workflow file's job, as the tests read it from the YAML (`with:` and `env:` values as written). */
export interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
