// Secret handling: every secret is registered (masked in the job log via core.setSecret) the moment it
// is read, and can be scrubbed from any text the action sends or prints.
import * as core from '@actions/core';

const registered = new Set<string>();

/** Masks a secret in all later log output and remembers it for `scrub`. Empty values are ignored. */
export function registerSecret(value: string | null | undefined): void {
  if (!value) return;
  const trimmed = value.trim();
  if (trimmed.length < 3 || registered.has(trimmed)) return;
  registered.add(trimmed);
  core.setSecret(trimmed);
  // `Bearer <token>`, `token <value>`: the credential part can appear on its own (a build printing it).
  const parts = trimmed.split(/\s+/);
  if (parts.length > 1) for (const part of parts) if (part.length >= 8) registerSecret(part);
}

/** Registers a URL and the parts of it that carry credentials (path token, query, password). */
export function registerSecretUrl(url: string): void {
  registerSecret(url);
  try {
    const u = new URL(url);
    if (u.password) registerSecret(decodeURIComponent(u.password));
    for (const value of u.searchParams.values()) if (value.length >= 8) registerSecret(value);
    const parts = u.pathname.split('/').filter((p) => p.length >= 16);
    for (const p of parts) registerSecret(p);
  } catch {
    // Not a URL: the whole value is already registered.
  }
}

/** Replaces every registered secret in `text` with `***`. */
export function scrub(text: string): string {
  let out = text;
  for (const secret of registered) {
    if (out.includes(secret)) out = out.split(secret).join('***');
  }
  return out;
}

/** `scrub` applied to every string inside a JSON-like value (a rendered payload). */
export function scrubDeep<T>(value: T): T {
  if (registered.size === 0) return value;
  if (typeof value === 'string') return scrub(value) as T;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v)])) as T;
  }
  return value;
}

/** A URL safe to print: scheme and host only, the rest masked. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/***`;
  } catch {
    return '***';
  }
}

/** For tests: forget what was registered. */
export function resetSecretsForTest(): void {
  registered.clear();
}
