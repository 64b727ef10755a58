// The Microsoft Teams card for a BuildReport: what a person reads in it, that the Adaptive Cards SDK takes it
// without a single event (unknown element, property or value), and that no report — however hostile — breaks
// Teams' limits or injects formatting, links or mentions.
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import { renderStartTeams, renderTeams, teamsHeadline } from '../../src/notify/render/teams.js';
import { checkTeamsLimits, inert } from '../../src/notify/render/teams-limits.js';
import { adaptiveCardProblems, cardOf, cardTexts, TEAMS_MAX_BYTES } from '../support/adaptive-card.js';
import {
  allReports,
  cancelled,
  hugeError,
  manyPackages,
  mentionsHostile,
  multipleSkipErrorsMixed,
  stageFailure,
  successChainWithPush,
  unknownPackage,
} from '../support/reports.js';

const RUN = 'https://github.com/acme/jetson-images/actions/runs/9876543210';
const LOGS = `${RUN}/artifacts/4242`;
const ENV_LINE = 'L4T 36.4.4 · JetPack 6.2.1 · CUDA 12.6 · Python 3.10 · orin-agx-01 · main @ 3f5c0e9';

function bytes(body: unknown): number {
  return Buffer.byteLength(JSON.stringify(body), 'utf8');
}

describe('renderTeams: what the card says', () => {
  it('a success: the headline in green, the sentence, the package with its pushed image, the environment, Run and Logs', () => {
    const { body, files } = renderTeams(successChainWithPush());
    expect(files).toEqual([]);
    expect(body).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.5',
            body: [
              {
                type: 'TextBlock',
                text: '✅ numpy built in 1m 10s',
                wrap: true,
                size: 'Large',
                weight: 'Bolder',
                color: 'Good',
              },
              {
                type: 'TextBlock',
                text: 'Built numpy and pushed myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04 in 1m 09s.',
                wrap: true,
              },
              {
                type: 'Container',
                separator: true,
                items: [
                  { type: 'TextBlock', text: '✅ numpy', weight: 'Bolder', wrap: true },
                  {
                    type: 'FactSet',
                    facts: [
                      { title: 'Status', value: 'built' },
                      { title: 'Pushed', value: 'myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04' },
                      { title: 'Duration', value: '1m 09s' },
                    ],
                    spacing: 'None',
                  },
                ],
              },
              {
                type: 'TextBlock',
                text: ENV_LINE,
                wrap: true,
                isSubtle: true,
                size: 'Small',
                separator: true,
              },
            ],
            actions: [
              { type: 'Action.OpenUrl', title: 'Run', url: RUN },
              { type: 'Action.OpenUrl', title: 'Logs', url: LOGS },
            ],
            msteams: { width: 'Full' },
          },
        },
      ],
    });
    expect(adaptiveCardProblems(body)).toEqual([]);
  });

  it('a stage failure: red headline with where, the error once, the excerpt in monospace, the package facts', () => {
    const { body } = renderTeams(stageFailure());
    const card = cardOf(body);
    expect(card.body[0]).toMatchObject({
      text: '❌ numpy failed at build 3/4 (python)',
      color: 'Attention',
      size: 'Large',
      weight: 'Bolder',
    });
    expect(card.body[1]).toEqual({
      type: 'TextBlock',
      text: 'ERROR: failed to solve: process "/bin/sh -c /tmp/build.sh" did not complete successfully: exit code: 100',
      wrap: true,
    });
    const excerpt = card.body[2] as { type: string; style: string; items: Record<string, unknown>[] };
    expect(excerpt.type).toBe('Container');
    expect(excerpt.style).toBe('emphasis');
    // The error line itself is the cause above: not repeated in the excerpt.
    expect(excerpt.items.map((i) => i.text)).toEqual([
      '#1 \\[internal\\] load build definition from Dockerfile',
      '#1 transferring dockerfile: 1.2kB done',
      '#5 \\[2/3\\] RUN /tmp/build.sh',
      '#5 12.34 E: Unable to locate package foo',
      '#5 ERROR: process "/bin/sh -c /tmp/build.sh" did not complete successfully: exit code: 100',
      '\\------',
      '💣 \\`jetson-containers build\\` failed after 71.9 seconds (1.2 minutes)',
      "Error: Command 'DOCKER\\_BUILDKIT=1 docker buildx build --tag numpy:r36.4.tegra-aarch64-cu126-22.04-python …' returned non-zero exit status 1.",
      'Failed building:  numpy',
    ]);
    for (const item of excerpt.items) {
      expect(item).toMatchObject({ fontType: 'Monospace', size: 'Small', spacing: 'None', wrap: true });
    }
    expect(cardTexts(body).slice(-5)).toEqual([
      '❌ numpy',
      'Status: failed',
      'Failed at: build 3/4 (python)',
      'Duration: 1m 12s',
      ENV_LINE,
    ]);
    expect(adaptiveCardProblems(body)).toEqual([]);
  });

  it('shows at most 15 excerpt lines, the last ones', () => {
    const r = stageFailure();
    r.failure!.excerpt = Array.from({ length: 40 }, (_, i) => `log line ${i}`);
    const excerpt = cardOf(renderTeams(r).body).body[2] as { items: { text: string }[] };
    expect(excerpt.items.map((i) => i.text)).toEqual(
      Array.from({ length: 15 }, (_, i) => `log line ${i + 25}`),
    );
  });

  it('lists failures first: pytorch:2.8 before numpy, ros and cmake', () => {
    const texts = cardTexts(renderTeams(multipleSkipErrorsMixed()).body);
    const names = texts.filter((t) => /^(✅|❌) \S+$/.test(t) && !t.includes(' failed'));
    expect(names).toEqual(['❌ pytorch:2.8', '✅ numpy', '✅ ros:humble-desktop', '✅ cmake']);
  });

  it('words the headline for a change against the last run, and for a cancel or a resolve failure', () => {
    expect(teamsHeadline(successChainWithPush(), 'fixed')).toBe('✅ Fixed: numpy built in 1m 10s');
    expect(teamsHeadline(stageFailure(), 'broken')).toBe('❌ Broken: numpy failed at build 3/4 (python)');
    expect(teamsHeadline(stageFailure(), 'fixed')).toBe('❌ numpy failed at build 3/4 (python)');
    expect(teamsHeadline(unknownPackage())).toBe('❌ nonexistentpkg failed to resolve');
    expect(teamsHeadline(cancelled())).toMatch(/^⏹ .* cancelled/);
    const card = cardOf(renderTeams(cancelled()).body);
    expect(card.body[0]).toMatchObject({ color: 'Warning' });
  });

  it('marks a test notification above the headline', () => {
    const card = cardOf(renderTeams(successChainWithPush(), {}, { event: 'test', change: 'unknown' }).body);
    expect(card.body[0]).toMatchObject({
      text: '🧪 Test notification from jetson-build-action — not a real build',
      color: 'Warning',
    });
    expect(card.body[1]).toMatchObject({ text: '✅ numpy built in 1m 10s' });
  });

  it('puts the message-template line first when the target has one, its values inert', () => {
    const r = stageFailure();
    r.message = '<at>Everyone</at> [x](https://evil.example)';
    const card = cardOf(renderTeams(r, { messageTemplate: '🔔 {{event}}: **{{message}}**' }).body);
    const line = card.body[0] as { type: string; text: string; wrap: boolean };
    expect(line).toMatchObject({ type: 'TextBlock', wrap: true });
    // The template's own markdown stays; the values are escaped by the templates module, for Teams.
    expect(line.text).toMatch(/^🔔 jetson\.build\.finished: \*\*.*Everyone.*evil\.example.*\*\*$/);
    // Every `<` and `]` from the report comes backslashed: no mention tag, no link.
    expect(line.text).not.toMatch(/(?<!\\)<at>|(?<!\\)\]\(/);
    expect(card.body[1]).toMatchObject({ text: '❌ numpy failed at build 3/4 (python)' });
    expect(adaptiveCardProblems(renderTeams(r, { messageTemplate: '{{message}}' }).body)).toEqual([]);
  });

  it('buttons: Job, Run and Logs; only https URLs, each once; none for http or javascript:', () => {
    const r = stageFailure();
    r.run.jobUrl = `${RUN}/job/555`;
    expect(cardOf(renderTeams(r).body).actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Job', url: `${RUN}/job/555` },
      { type: 'Action.OpenUrl', title: 'Run', url: RUN },
      { type: 'Action.OpenUrl', title: 'Logs', url: LOGS },
    ]);
    r.run.jobUrl = 'javascript:alert(1)';
    r.run.runUrl = 'http://github.example.com/run';
    r.logs.artifactUrl = 'https://exa mple.com/x';
    r.logs.url = null;
    const card = cardOf(renderTeams(r).body);
    expect(card.actions).toBeUndefined();
    expect(adaptiveCardProblems(renderTeams(r).body)).toEqual([]);
  });

  it('says the logs were not uploaded, and the local log folder never shows', () => {
    const r = stageFailure();
    r.logs.uploadError = 'ACTIONS_RUNTIME_TOKEN is not set';
    r.failure!.error = `see ${r.logs.dir}/build/03o4_numpy.txt`;
    const texts = cardTexts(renderTeams(r).body);
    expect(texts).toContain('Logs were not uploaded');
    expect(texts[1]).toBe('see logs/build/03o4\\_numpy.txt');
  });

  it('folds the packages past the first ten into a count of what is hidden', () => {
    const texts = cardTexts(renderTeams(manyPackages(300)).body);
    // 300 packages, every seventh failing (43): ten failures shown, 290 hidden of which 33 failed.
    expect(texts[0]).toBe('❌ pkg-003:1.3 and 42 more failed');
    expect(texts.filter((t) => /^❌ pkg-\S+$/.test(t))).toHaveLength(10);
    expect(texts.filter((t) => /^✅ pkg-\S+$/.test(t))).toHaveLength(0);
    expect(texts).toContain('… and 290 more (33 failed)');
  });

  it('the started message: what is built, where, a button to the job', () => {
    const r = stageFailure();
    const { body } = renderStartTeams({
      packages: ['numpy', 'torch_vision'],
      command: { display: 'jetson-containers build numpy', argv: [] },
      runner: r.runner,
      run: { ...r.run, jobUrl: `${RUN}/job/1` },
      startTime: '2026-03-14T17:39:02.125Z',
    });
    expect(cardTexts(body)).toEqual([
      '🔨 Building 2 packages',
      'On orin-agx-01',
      'Packages: numpy, torch\\_vision',
      'acme/jetson-images · main · 3f5c0e9',
    ]);
    expect(cardOf(body).actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Job', url: `${RUN}/job/1` },
      { type: 'Action.OpenUrl', title: 'Run', url: RUN },
    ]);
    expect(adaptiveCardProblems(body)).toEqual([]);
  });
});

describe('renderTeams: hostile reports', () => {
  it.each(allReports())('%s: a valid card within 28 KB', (_name, report) => {
    for (const change of ['unknown', 'fixed', 'broken'] as const) {
      const { body } = renderTeams(report, {}, { event: 'finished', change });
      expect(adaptiveCardProblems(body)).toEqual([]);
      expect(checkTeamsLimits(body)).toEqual([]);
      expect(bytes(body)).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    }
  });

  it('10 000 packages: valid, within the limit, ten shown and the rest counted', () => {
    const { body } = renderTeams(manyPackages(10_000));
    expect(adaptiveCardProblems(body)).toEqual([]);
    expect(bytes(body)).toBeLessThan(TEAMS_MAX_BYTES);
    expect(cardTexts(body)).toContain('… and 9990 more (1419 failed)');
  });

  it('50 KB error lines everywhere: the cause cut to 300 characters, the excerpt lines to 200', () => {
    const r = hugeError();
    const fifty = 'Q'.repeat(50 * 1024);
    r.failure!.excerpt = Array.from({ length: 30 }, () => fifty);
    r.packages[0]!.name = fifty;
    const { body } = renderTeams(r);
    expect(adaptiveCardProblems(body)).toEqual([]);
    expect(bytes(body)).toBeLessThan(TEAMS_MAX_BYTES);
    const texts = cardTexts(body);
    expect(texts[1]).toBe(`${'E'.repeat(299)}…`);
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(300);
  });

  it('a very long card still fits: level by level, failures are kept', () => {
    const r = manyPackages(50);
    for (const p of r.packages) {
      p.name = `${'😀'.repeat(60)}[x](https://evil.example)`;
      p.pushedImage = '*_'.repeat(70);
    }
    r.failure!.excerpt = Array.from({ length: 40 }, () => '*_[]<>`'.repeat(40));
    const { body } = renderTeams(r);
    expect(adaptiveCardProblems(body)).toEqual([]);
    expect(bytes(body)).toBeLessThanOrEqual(24_000);
    expect(cardTexts(body).some((t) => t.startsWith('❌ 😀'))).toBe(true);
  });

  const INJECTIONS: BuildReport = (() => {
    const r = multipleSkipErrorsMixed();
    r.packages[1]!.name = '[x](https://evil.example/a)';
    r.packages[0]!.name = '<at>Everyone</at>';
    r.packages[2]!.name = '**bold** _it_ ~~s~~';
    r.packages[3]!.name = '`code` ```fence``` \ud800 half \udc00';
    r.failure!.error = 'click [here](https://evil.example) <at>General</at> &lt;b&gt; www.evil.example';
    r.message = r.failure!.error;
    r.failure!.excerpt = [
      '- list',
      '1. numbered',
      '# heading',
      '> quote',
      '![img](https://evil.example/i.png)',
    ];
    return r;
  })();

  it('links, mentions, formatting, backticks and lone surrogates come out inert', () => {
    const { body } = renderTeams(INJECTIONS);
    expect(adaptiveCardProblems(body)).toEqual([]);
    const json = JSON.stringify(body);
    expect(json).not.toMatch(/<at>/i);
    expect(json).not.toContain('](https://evil');
    expect(json).not.toContain('https://evil');
    expect(json).not.toContain('entities');
    expect(json).not.toMatch(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i);
    const texts = cardTexts(body);
    expect(texts).toEqual(
      expect.arrayContaining([
        '❌ \\[x\\](https:\u200b//evil.example/a)',
        '✅ \\<at\\>Everyone\\</at\\>',
        '✅ \\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~',
        '✅ \\`code\\` \\`\\`\\`fence\\`\\`\\` \ufffd half \ufffd',
        'click \\[here\\](https:\u200b//evil.example) \\<at\\>General\\</at\\> \\&lt;b\\&gt; www\u200b.evil.example',
        '\\- list',
        '1\\. numbered',
        '\\# heading',
        '\\> quote',
        '!\\[img\\](https:\u200b//evil.example/i.png)',
      ]),
    );
  });

  it('mentions in every field of the mention-laden report stay text', () => {
    const json = JSON.stringify(renderTeams(mentionsHostile()).body);
    // Every `<` from the report is escaped: `\<@123\>` shows as text.
    expect(json).not.toMatch(/[^\\]<@/);
    expect(json).toContain('\\\\<@123\\\\>');
  });
});

describe('inert', () => {
  it('escapes only what would render, and keeps versions and paths readable', () => {
    expect(inert('36.4.4', 60)).toBe('36.4.4');
    expect(inert('pip_cache:r36.4', 60)).toBe('pip\\_cache:r36.4');
    expect(inert('#5 [2/3] RUN', 60)).toBe('#5 \\[2/3\\] RUN');
    expect(inert('a\nb\r\nc', 60)).toBe('a b c');
    expect(inert('x'.repeat(10), 5)).toBe('xxxx…');
  });
});

describe('checkTeamsLimits', () => {
  const card = (): Record<string, unknown> =>
    JSON.parse(JSON.stringify(renderTeams(stageFailure()).body)) as Record<string, unknown>;
  const content = (b: Record<string, unknown>): Record<string, unknown> =>
    (b.attachments as { content: Record<string, unknown> }[])[0]!.content;

  it('names each problem', () => {
    const b = card();
    content(b).version = '1.6';
    (content(b).body as unknown[]).push({ type: 'Table' });
    (content(b).actions as { url: string }[])[0]!.url = 'http://github.com/x';
    content(b).msteams = { width: 'Full', entities: [] };
    (content(b).body as unknown[]).push({ type: 'TextBlock', text: 'x'.repeat(30_000) });
    expect(checkTeamsLimits(b)).toEqual([
      'card version 1.6 is above 1.5, the newest Teams renders',
      'body[5] is a Table, which this action does not send',
      'actions[0].url is not an https URL',
      'msteams.entities is set: the card would mention someone',
      `body is ${bytes(b)} bytes of JSON (max 28000)`,
    ]);
    expect(checkTeamsLimits({ text: 'hi' })).toEqual(['body is not a Teams message (type: message)']);
    expect(checkTeamsLimits({ type: 'message', attachments: [] })).toEqual([
      'the message does not carry exactly one attachment',
    ]);
  });

  it('the SDK check catches what the action never sends: an unknown property, a bad colour, a newer element', () => {
    const b = card();
    const first = (content(b).body as Record<string, unknown>[])[0]!;
    first.colour = 'Good';
    first.color = 'Purple';
    (content(b).body as unknown[]).push({ type: 'Carousel', pages: [] });
    expect(adaptiveCardProblems(b)).toEqual([
      'parse: Invalid value "Purple" for property "color".',
      'parse: Unknown element type "Carousel". Fallback will be used if present.',
      'card.body[0].color: unknown or invalid property (dropped by the SDK)',
      'card.body[0].colour: unknown or invalid property (dropped by the SDK)',
      'card.body[5].type: unknown or invalid property (dropped by the SDK)',
      'card.body[5].pages: unknown or invalid property (dropped by the SDK)',
    ]);
  });
});
