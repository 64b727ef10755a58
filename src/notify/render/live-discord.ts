// The live status message of one build (`discord-live`): posted when the build starts, edited as stages
// advance, replaced by the result when it ends. Pure: the caller says where the build is and how long it ran.
// Package and stage names come from the build's output, which is untrusted: they are rendered inert.
import type { DiscordOptions, RenderedMessage } from '../types.js';
import { md, safeUrl, type DiscordBody } from './discord-common.js';
import { DISCORD_LIMITS, formatDuration, neutraliseMentions, truncate } from './limits.js';

/** Discord's blurple: neither a success nor a failure yet. */
export const COLOR_BUILDING = 5793266;
const BAR_WIDTH = 20;

/** Where a build stands, as the live message shows it. */
export interface LiveProgress {
  /** The packages requested. */
  packages: readonly string[];
  runner: string | null;
  /** The job's page when known, else the run's. */
  link: { url: string; label: 'Job' | 'Run' } | null;
  /** The stage running now (null before the first one). */
  stage: {
    target: string | null;
    name: string;
    index: number;
    total: number;
    phase: 'build' | 'test';
  } | null;
  /** When the build started (ISO). */
  startTime: string;
  /** Milliseconds since the start, when this was rendered. */
  elapsedMs: number;
}

export type LiveRenderOptions = Pick<
  DiscordOptions,
  'username' | 'avatarUrl' | 'threadName' | 'liveIntervalMs'
>;

/** `▓▓▓▓▓▓░░░░░░░░░░░░░░ 30%`: the share of the stages done (a stage under test counts half done). */
export function progressBar(stage: LiveProgress['stage'], width = BAR_WIDTH): string {
  if (stage === null || !(stage.total > 0)) return `${'░'.repeat(width)} 0%`;
  const done = Math.max(0, stage.index - (stage.phase === 'test' ? 0.5 : 1));
  const share = Math.min(1, done / stage.total);
  const filled = Math.round(share * width);
  return `${'▓'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.floor(share * 100)}%`;
}

/** The message body (create form: the edit endpoint's client drops what an edit may not carry). */
export function renderLiveDiscord(progress: LiveProgress, opts: LiveRenderOptions): RenderedMessage {
  const { stage, packages } = progress;
  const what = stage?.target ?? (packages.length === 1 ? (packages[0] as string) : null);
  const title = what !== null ? `🔨 Building ${inert(what, 200)}` : `🔨 Building ${packages.length} packages`;
  const lines: string[] = [];
  if (stage === null) lines.push('Starting…');
  else {
    const verb = stage.phase === 'test' ? 'testing' : 'building';
    lines.push(`**Stage ${stage.index}/${stage.total}** · ${verb} ${inert(stage.name, 200)}`);
  }
  lines.push(`\`${progressBar(stage)}\``);
  const started = Date.parse(progress.startTime);
  const since = Number.isNaN(started) ? '' : ` (started <t:${Math.floor(started / 1000)}:R>)`;
  lines.push(`⏱ ${formatDuration(progress.elapsedMs / 1000)} elapsed${since}`);
  if (packages.length > 1) lines.push(`Packages: ${inert(packages.join(', '), 1000)}`);
  const url = progress.link ? safeUrl(progress.link.url) : null;
  if (url && progress.link) lines.push(`[${progress.link.label}](<${url}>)`);
  const footer = [
    progress.runner ? `runner ${oneLineInert(progress.runner)}` : null,
    `updated every ${Math.round(opts.liveIntervalMs / 1000)} s at most`,
  ].filter((s): s is string => s !== null);
  const body: DiscordBody = {
    embeds: [
      {
        title: truncate(title, DISCORD_LIMITS.title),
        ...(url ? { url } : {}),
        description: truncate(lines.join('\n'), DISCORD_LIMITS.description),
        color: COLOR_BUILDING,
        footer: { text: truncate(footer.join(' · '), DISCORD_LIMITS.footer) },
      },
    ],
    // Nothing in a live message may ping anyone.
    allowed_mentions: { parse: [] },
  };
  const username = opts.username ? truncate(opts.username.trim(), DISCORD_LIMITS.usernameMax) : '';
  if (username) body.username = username;
  if (opts.avatarUrl) body.avatar_url = opts.avatarUrl;
  const threadName = opts.threadName
    ? truncate(oneLineInert(opts.threadName), DISCORD_LIMITS.threadName)
    : '';
  if (threadName) body.thread_name = threadName;
  return { body, files: [] };
}

/** Build text as inert markdown: no formatting, links, mentions or fences. */
function inert(text: string, max: number): string {
  return neutraliseMentions(md(text, max));
}

function oneLineInert(text: string): string {
  return neutraliseMentions(text.replace(/\s+/g, ' ').trim());
}
