// The Discord "build started" message of `notify-start` (targets without `discord-live`: for those the live
// status message is the start). One short embed: what is built, on which runner, where to watch it. Pure.
import type { DiscordOptions, RenderedMessage } from '../types.js';
import type { BuildStart } from './generic.js';
import { md, oneLine, safeUrl, type DiscordBody } from './discord-common.js';
import { COLOR_BUILDING } from './live-discord.js';
import { DISCORD_LIMITS, neutraliseMentions, truncate } from './limits.js';

export type StartRenderOptions = Pick<DiscordOptions, 'username' | 'avatarUrl' | 'threadName'>;

/** `🔨 Building torchvision` / `🔨 Building 3 packages`, linked to the job (or the run); packages listed. */
export function renderStartDiscord(start: BuildStart, opts: StartRenderOptions): RenderedMessage {
  const { packages, run } = start;
  const title =
    packages.length === 1
      ? `🔨 Building ${plain(packages[0] as string)}`
      : `🔨 Building ${packages.length} packages`;
  const url = safeUrl(run.jobUrl) ?? safeUrl(run.runUrl);
  const lines: string[] = [];
  const started = Date.parse(start.startTime);
  const when = Number.isNaN(started) ? 'Started' : `Started <t:${Math.floor(started / 1000)}:R>`;
  lines.push(start.runner.name ? `${when} on ${inert(start.runner.name, 100)}` : when);
  if (packages.length > 1) lines.push(`Packages: ${inert(packages.join(', '), 1500)}`);
  if (url) lines.push(`[${safeUrl(run.jobUrl) ? 'Job' : 'Run'}](<${url}>)`);
  const footer = [
    run.repository,
    run.ref?.replace(/^refs\/(heads|tags)\//, '') ?? null,
    run.sha?.slice(0, 7) ?? null,
  ].filter((s): s is string => !!s);
  const body: DiscordBody = {
    embeds: [
      {
        title: truncate(title, DISCORD_LIMITS.title),
        ...(url ? { url } : {}),
        description: truncate(lines.join('\n'), DISCORD_LIMITS.description),
        color: COLOR_BUILDING,
        // Footers show plain text: no markdown to escape.
        ...(footer.length
          ? { footer: { text: truncate(plain(footer.join(' · ')), DISCORD_LIMITS.footer) } }
          : {}),
      },
    ],
    // A start message pings no one.
    allowed_mentions: { parse: [] },
  };
  const username = opts.username ? truncate(opts.username.trim(), DISCORD_LIMITS.usernameMax) : '';
  if (username) body.username = username;
  if (opts.avatarUrl) body.avatar_url = opts.avatarUrl;
  const threadName = opts.threadName ? truncate(plain(opts.threadName), DISCORD_LIMITS.threadName) : '';
  if (threadName) body.thread_name = threadName;
  return { body, files: [] };
}

/** Text as inert markdown: no formatting, links, mentions or fences. */
function inert(text: string, max: number): string {
  return neutraliseMentions(md(text, max));
}

function plain(text: string): string {
  return neutraliseMentions(oneLine(text));
}
