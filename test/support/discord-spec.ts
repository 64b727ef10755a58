// Discord's published OpenAPI description (discord/discord-api-spec, as zod schemas by the discord-api-spec
// package): the request bodies of execute-webhook (create) and edit-webhook-message (edit). Every Discord body
// the action sends is checked against these, so a field Discord would reject fails a test, not a delivery.
import {
  IncomingWebhookRequestPartialSchema,
  IncomingWebhookUpdateRequestPartialSchema,
} from 'discord-api-spec/zod';
import { expect } from 'vitest';

/** The ways `body` breaks Discord's schema for a create or an edit request, as `path: message` lines. */
export function discordSpecProblems(body: unknown, kind: 'create' | 'edit'): string[] {
  const schema =
    kind === 'create' ? IncomingWebhookRequestPartialSchema : IncomingWebhookUpdateRequestPartialSchema;
  const result = schema.safeParse(body);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
}

export function expectValidDiscordBody(body: unknown, kind: 'create' | 'edit' = 'create'): void {
  expect(discordSpecProblems(body, kind)).toEqual([]);
}
