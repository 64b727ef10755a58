// Mentions for a result delivered as an edit (a live status message, the fleet's run message). Discord notifies
// nobody for a mention an edit adds, so such a result is split: the edit carries no mention (nor allows any),
// and a short follow-up message posted after it carries exactly the mentions, the headline and a link.
// The edited message keeps no mention text either: it would highlight the same people a second time, and a
// mention there that never pinged would only mislead. Pure: no I/O.
import type { RenderedMessage } from '../types.js';
import { md, safeUrl } from './discord-common.js';
import { DISCORD_LIMITS, truncate } from './limits.js';

export interface MentionSplit {
  /** The result without its mentions (allowed_mentions empty). */
  edit: RenderedMessage;
  /** `🔔 <@id> <@&id> ❌ torchvision failed at build 9/9 · [Job](<url>)`, allowing exactly those ids. */
  followUp: RenderedMessage;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ids(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && /^\d+$/.test(v))
    : [];
}

/** `message` split into an edit without mentions and the follow-up that pings; null when it pings nobody. */
export function splitMentions(message: RenderedMessage): MentionSplit | null {
  const body = message.body;
  if (!isRecord(body) || !isRecord(body['allowed_mentions'])) return null;
  const users = ids(body['allowed_mentions']['users']);
  const roles = ids(body['allowed_mentions']['roles']);
  if (users.length + roles.length === 0) return null;
  const line = [...users.map((id) => `<@${id}>`), ...roles.map((id) => `<@&${id}>`)].join(' ');
  const content = typeof body['content'] === 'string' ? body['content'] : '';
  const edit = {
    ...body,
    content: withoutMentions(content, line, [...users, ...roles]),
    allowed_mentions: { parse: [] },
  };

  const embed = Array.isArray(body['embeds']) && isRecord(body['embeds'][0]) ? body['embeds'][0] : {};
  const title =
    typeof embed['title'] === 'string' && embed['title'].trim() !== ''
      ? embed['title']
      : 'Jetson build failed';
  const url = typeof embed['url'] === 'string' ? safeUrl(embed['url']) : null;
  const label = url && /\/job\/\d+/.test(url) ? 'Job' : 'Run';
  const link = url ? ` · [${label}](<${url}>)` : '';
  const allowed: Record<string, unknown> = { parse: [] };
  if (users.length) allowed['users'] = users;
  if (roles.length) allowed['roles'] = roles;
  const followUp: Record<string, unknown> = {
    content: truncate(`🔔 ${line} ${md(title, DISCORD_LIMITS.title)}${link}`, DISCORD_LIMITS.content),
    allowed_mentions: allowed,
  };
  // The same sender as the result; a thread is the caller's to pick (the one the edited message lives in).
  for (const key of ['username', 'avatar_url'] as const)
    if (body[key] !== undefined) followUp[key] = body[key];
  return { edit: { body: edit, files: message.files }, followUp: { body: followUp, files: [] } };
}

/** The content without the mention line the renderer put first (or, wherever they stand, those mentions). */
function withoutMentions(content: string, line: string, allowed: readonly string[]): string {
  if (content === line) return '';
  if (content.startsWith(`${line}\n`)) return content.slice(line.length + 1);
  return content
    .replace(/<@[!&]?(\d+)>/g, (m, id: string) => (allowed.includes(id) ? '' : m))
    .replace(/^[ \t]+|[ \t]+$/gm, '')
    .replace(/^\n+/, '');
}
