// The YAML parser of the inputs written in YAML (`webhooks`, `webhook-headers`), loaded only when one is set:
// most builds name a webhook URL and nothing else, and the parser is a third of the code that would load to
// send one message. A module of its own, importing nothing, so that loading it early changes nothing else.
import type * as Yaml from 'yaml';

let yaml: typeof Yaml | null = null;

/** Loads the parser (once). */
export async function loadYamlParser(): Promise<void> {
  yaml ??= await import('yaml');
}

/** The parser loadYamlParser() loaded; a programming error before that. */
export function yamlParser(): typeof Yaml {
  if (yaml === null) throw new Error('The YAML parser is not loaded: call loadYamlParser() first');
  return yaml;
}
