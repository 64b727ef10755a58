// GitHub's own expression evaluator (@actions/expressions) over a workflow value: `${{ … }}` evaluated with
// the contexts given as plain JSON, the way the runner and the server evaluate them.
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';

export type Contexts = Record<string, unknown>;

/** One expression (without the braces) → its value as plain JSON (objects, arrays, strings, numbers, null). */
export function evaluateExpression(expr: string, contexts: Contexts): unknown {
  const lexed = new Lexer(expr).lex();
  const parsed = new Parser(lexed.tokens, Object.keys(contexts), []).parse();
  const ctx = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
  const result = new Evaluator(parsed, ctx).evaluate();
  return JSON.parse(JSON.stringify(result, data.replacer) ?? 'null') as unknown;
}

/**
 * A workflow value: a lone `${{ expr }}` keeps its type (runs-on may be an array); text around or between
 * expressions makes it a string, each expression coerced as GitHub does (null → '', true → 'true').
 */
export function evaluateValue(value: string, contexts: Contexts): unknown {
  const lone = /^\$\{\{(.*?)\}\}$/s.exec(value.trim());
  if (lone && !(lone[1] as string).includes('}}')) return evaluateExpression(lone[1] as string, contexts);
  return value.replace(/\$\{\{(.*?)\}\}/gs, (_m, expr: string) => asText(evaluateExpression(expr, contexts)));
}

/** How GitHub turns a value into the text of an input or an environment variable. */
export function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value, null, 2);
  return String(value);
}
