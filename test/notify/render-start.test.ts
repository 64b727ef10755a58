// notify-start: who gets a started message, and the Discord one (checked against Discord's published schema).
import { describe, expect, it } from 'vitest';
import { renderStartDiscord } from '../../src/notify/render/start-discord.js';
import type { BuildStart } from '../../src/notify/render/generic.js';
import { startTargets } from '../../src/action/notify-start.js';
import { resolveNotifySettings } from '../../src/notify/targets.js';
import { expectValidDiscordBody } from '../support/discord-spec.js';

const START: BuildStart = {
  packages: ['torchvision'],
  command: {
    display: 'jetson-containers build torchvision',
    argv: ['jetson-containers', 'build', 'torchvision'],
  },
  runner: { name: 'orin-agx-01', os: 'Linux', arch: 'ARM64', labels: [] },
  run: {
    serverUrl: 'https://github.com',
    repository: 'octo-org/jetson-images',
    ref: 'refs/heads/main',
    sha: '0123456789abcdef0123456789abcdef01234567',
    workflow: 'Jetson images',
    job: 'build',
    runId: '4242',
    runAttempt: '1',
    runUrl: 'https://github.com/octo-org/jetson-images/actions/runs/4242',
    jobUrl: 'https://github.com/octo-org/jetson-images/actions/runs/4242/job/777',
    matrix: null,
  },
  startTime: '2026-03-14T17:00:00.000Z',
};
const OPTS = { username: null, avatarUrl: null, threadName: null };

describe('renderStartDiscord', () => {
  it('one short embed: the package, when and where, the job link; pings no one', () => {
    const { body, files } = renderStartDiscord(START, OPTS);
    expect(files).toEqual([]);
    expect(body).toEqual({
      embeds: [
        {
          title: '🔨 Building torchvision',
          url: 'https://github.com/octo-org/jetson-images/actions/runs/4242/job/777',
          description:
            'Started <t:1773507600:R> on orin-agx-01\n[Job](<https://github.com/octo-org/jetson-images/actions/runs/4242/job/777>)',
          color: 5793266,
          footer: { text: 'octo-org/jetson-images · main · 0123456' },
        },
      ],
      allowed_mentions: { parse: [] },
    });
    expectValidDiscordBody(body);
  });

  it('several packages: counted in the title and listed; the run linked when the job is not known', () => {
    const start = {
      ...START,
      packages: ['pytorch:2.8', 'torch_vision', '@everyone'],
      run: { ...START.run, jobUrl: null },
    };
    const { body } = renderStartDiscord(start, { username: 'CI', avatarUrl: null, threadName: 'Builds' });
    const embed = (body as { embeds: { title: string; description: string }[] }).embeds[0]!;
    expect(embed.title).toBe('🔨 Building 3 packages');
    expect(embed.description).toBe(
      'Started <t:1773507600:R> on orin-agx-01\nPackages: pytorch:2.8, torch\\_vision, @\u200beveryone\n' +
        '[Run](<https://github.com/octo-org/jetson-images/actions/runs/4242>)',
    );
    expect(body).toMatchObject({ username: 'CI', thread_name: 'Builds', allowed_mentions: { parse: [] } });
    expectValidDiscordBody(body);
  });
});

describe('startTargets', () => {
  const settings = (inputs: Record<string, string>) => resolveNotifySettings((n) => inputs[n] ?? '', {});
  const HOOK = 'https://hooks.example.com';
  const DISCORD = 'https://discord.com/api/webhooks/1/abc';

  it('every target that can fire, whatever its status rule; never is never', () => {
    const s = settings({
      'discord-webhook-url': DISCORD,
      'success-webhook-url': `${HOOK}/ok`,
      webhooks: `- url: ${HOOK}/a\n  on: change\n- url: ${HOOK}/b\n  on: never\n- url: ${HOOK}/c\n  on: failure`,
    });
    expect(startTargets(s).map((t) => [t.source, t.on])).toEqual([
      ['discord-webhook-url', 'always'],
      ['success-webhook-url', 'always'],
      ['webhooks[0]', 'always'],
      ['webhooks[2]', 'always'],
    ]);
  });

  it('with discord-live the live message is the Discord start: no separate one', () => {
    const s = settings({
      'discord-webhook-url': DISCORD,
      'webhook-url': `${HOOK}/a`,
      'discord-live': 'true',
    });
    expect(startTargets(s).map((t) => t.source)).toEqual(['webhook-url']);
  });
});
