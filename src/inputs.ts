// Reading input values the same way everywhere: one boolean grammar for every true/false input.
import { InputError } from './errors.js';

/**
 * A boolean input, as the YAML 1.2 core schema (and @actions/core's getBooleanInput) reads it:
 * true/True/TRUE or false/False/FALSE; empty means the default.
 */
export function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  const value = raw.trim();
  if (value === '') return fallback;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  throw new InputError(name, value, 'use true or false');
}
