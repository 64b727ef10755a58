// The reusable workflow's live run message: the plan's post, a leg's merge, the fold at 256 legs, and the state
// code that lets a leg tell its edit survived. Every body is checked against Discord's published schema.
import { describe, expect, it } from 'vitest';
import {
  hasLegLine,
  legKey,
  legLine,
  mergeLegLine,
  parseLiveRun,
  planLiveRun,
  renderLiveRun,
  type LiveRun,
  type PlannedLeg,
} from '../../src/notify/render/run-live-discord.js';
import { expectValidDiscordBody } from '../support/discord-spec.js';

const RUN_URL = 'https://github.com/acme/jetson-images/actions/runs/987654321';
const JOB_URL = `${RUN_URL}/job/55501`;

interface Embed {
  title: string;
  description: string;
  url?: string;
  color: number;
  footer: { text: string };
}

function embedOf(body: unknown): Embed {
  return (body as { embeds: Embed[] }).embeds[0] as Embed;
}

function legs(names: string[]): PlannedLeg[] {
  return names.map((leg, index) => ({ leg, packages: leg.replace(/-(\d)/, ':$1'), index }));
}

/** What Discord would hand back on a GET: the message as it was sent. */
function asStored(run: LiveRun): unknown {
  return { id: '1', embeds: (renderLiveRun(run, 'edit').body as { embeds: unknown[] }).embeds };
}

/** One leg's edit, the way a leg makes it: read the message, merge, write. */
function legEdits(stored: unknown, index: number, line: ReturnType<typeof legLine>): unknown {
  const run = parseLiveRun(stored);
  if (!run) throw new Error('not a live message');
  const merged = mergeLegLine(run, index, line);
  if (!merged) throw new Error('index out of range');
  return asStored(merged);
}

const TEN = legs([
  'pytorch-2.8',
  'torchvision',
  'ros-humble-desktop',
  'l4t-ml',
  'ollama',
  'vllm',
  'numpy',
  'opencv',
  'cuda-12.6',
  'tensorrt',
]);
const plan10 = (): LiveRun => planLiveRun(TEN, RUN_URL, 'acme/jetson-images · run 987654321');

describe('the plan’s run message', () => {
  it('lists every leg pending, under "0/10 legs done", with the run linked first', () => {
    const { body, files } = renderLiveRun(plan10(), 'create', {
      username: 'Jetson CI',
      avatarUrl: null,
      threadId: null,
      threadName: null,
    });
    expectValidDiscordBody(body, 'create');
    expect(files).toEqual([]);
    const embed = embedOf(body);
    expect(embed.title).toBe('⏳ Jetson build: 0/10 legs done');
    expect(embed.url).toBe(RUN_URL);
    const lines = embed.description.split('\n');
    expect(lines[0]).toBe(`[Open the run](${RUN_URL})`);
    expect(lines[1]).toBe('⏳ 10 to go');
    expect(lines).toContain('⏳ `pytorch-2.8` pytorch:2.8');
    expect(lines).toContain('⏳ `torchvision`');
    expect(lines.filter((l) => l.startsWith('⏳ `'))).toHaveLength(10);
    expect(embed.footer.text).toMatch(/^acme\/jetson-images · run 987654321 · state 10\.[A-Za-z0-9_-]{4}$/);
    expect((body as Record<string, unknown>)['username']).toBe('Jetson CI');
    expect((body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it('reads back as the same run: 10 legs, all pending, each with its line', () => {
    const run = parseLiveRun(asStored(plan10()));
    expect(run?.states).toEqual(Array(10).fill('pending'));
    expect(run?.lines.map((l) => l.key)).toEqual(TEN.map((l) => l.leg));
    expect(run?.url).toBe(RUN_URL);
    expect(run?.footer).toBe('acme/jetson-images · run 987654321');
  });

  it('refuses no leg and more than 256 legs', () => {
    expect(() => planLiveRun([], RUN_URL, '')).toThrow(/1 to 256 legs, not 0/);
    const many = legs(Array.from({ length: 257 }, (_, i) => `p${i}`));
    expect(() => planLiveRun(many, RUN_URL, '')).toThrow(/not 257/);
  });
});

describe('a leg’s line', () => {
  it('replaces the leg’s pending line, and counts it in the title', () => {
    const line = legLine({
      leg: 'torchvision',
      status: 'failure',
      url: JOB_URL,
      durationSeconds: 754,
      where: 'torchvision · build 9/9',
      cause: 'ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 1',
    });
    const stored = legEdits(asStored(plan10()), 1, line);
    const body = renderLiveRun(parseLiveRun(stored) as LiveRun, 'edit').body;
    expectValidDiscordBody(body, 'edit');
    const embed = embedOf(body);
    expect(embed.title).toBe('⏳ Jetson build: 1/10 legs done');
    const lines = embed.description.split('\n');
    expect(lines[1]).toBe('❌ 1 failed · ⏳ 9 to go');
    // Failures first, and the pending line is gone.
    expect(lines[3]).toBe(
      '❌ [`torchvision`](https://github.com/acme/jetson-images/actions/runs/987654321/job/55501) · 12m 34s — ' +
        '`torchvision · build 9/9` ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 1',
    );
    expect(lines.filter((l) => l.includes('`torchvision`'))).toHaveLength(1);
    expect(embed.color).toBe(0xe67e22);
  });

  it('a merge keeps every other leg’s line word for word', () => {
    const ok = (leg: string, i: number): ReturnType<typeof legLine> =>
      legLine({
        leg,
        status: 'success',
        url: JOB_URL.replace('55501', String(600 + i)),
        durationSeconds: 60 * i,
      });
    let stored = asStored(plan10());
    stored = legEdits(stored, 0, ok('pytorch-2.8', 0));
    stored = legEdits(
      stored,
      4,
      legLine({ leg: 'ollama', status: 'cancelled', url: null, durationSeconds: 5 }),
    );
    const before = parseLiveRun(stored) as LiveRun;
    stored = legEdits(stored, 7, ok('opencv', 7));
    const after = parseLiveRun(stored) as LiveRun;
    for (const line of before.lines.filter((l) => l.key !== 'opencv')) {
      expect(after.lines.find((l) => l.key === line.key)).toEqual(line);
    }
    expect(after.lines.find((l) => l.key === 'opencv')?.text).toBe(
      '✅ [`opencv`](https://github.com/acme/jetson-images/actions/runs/987654321/job/607) · 7m 00s',
    );
    expect(after.states).toEqual([
      'success',
      'pending',
      'pending',
      'pending',
      'cancelled',
      'pending',
      'pending',
      'success',
      'pending',
      'pending',
    ]);
    expect(embedOf(renderLiveRun(after, 'edit').body).description.split('\n')[1]).toBe(
      '⏹ 1 cancelled · ✅ 2 done · ⏳ 7 to go',
    );
  });

  it('a second write of the same leg replaces its line (a re-run), never duplicates it', () => {
    let stored = legEdits(
      asStored(plan10()),
      1,
      legLine({ leg: 'torchvision', status: 'failure', url: null, durationSeconds: 1 }),
    );
    stored = legEdits(
      stored,
      1,
      legLine({ leg: 'torchvision', status: 'success', url: null, durationSeconds: 2 }),
    );
    const run = parseLiveRun(stored) as LiveRun;
    expect(run.lines.filter((l) => l.key === 'torchvision').map((l) => l.text)).toEqual([
      '✅ `torchvision` · 2s',
    ]);
    expect(run.states[1]).toBe('success');
  });

  it('tells whether a leg’s result is in the message (the check after an edit)', () => {
    const line = legLine({ leg: 'vllm', status: 'success', url: null, durationSeconds: 3 });
    const plain = parseLiveRun(asStored(plan10())) as LiveRun;
    expect(hasLegLine(plain, 5, line)).toBe(false);
    const merged = mergeLegLine(plain, 5, line) as LiveRun;
    expect(hasLegLine(parseLiveRun(asStored(merged)) as LiveRun, 5, line)).toBe(true);
    // Another leg's write from an older read: the slot is pending again.
    const other = mergeLegLine(
      plain,
      6,
      legLine({ leg: 'numpy', status: 'success', url: null, durationSeconds: 1 }),
    );
    expect(hasLegLine(parseLiveRun(asStored(other as LiveRun)) as LiveRun, 5, line)).toBe(false);
  });

  it('an index that is not one of the run’s legs is refused', () => {
    const line = legLine({ leg: 'x', status: 'success', url: null, durationSeconds: 1 });
    expect(mergeLegLine(plan10(), 10, line)).toBeNull();
    expect(mergeLegLine(plan10(), -1, line)).toBeNull();
    expect(mergeLegLine(plan10(), 1.5, line)).toBeNull();
  });

  it('hostile names and causes stay one inert line: no mention, link, code span or line break gets through', () => {
    const hostile = 'evil`@everyone`[x](https://evil.example)\n❌ `torchvision` fake';
    const line = legLine({
      leg: hostile,
      status: 'failure',
      url: 'javascript:alert(1)',
      durationSeconds: null,
      where: 'st`age',
      cause: '@here <@123456789012345678> [click](https://evil.example) ```\nnext line\n✅ `numpy` 1s',
    });
    expect(line.key).toBe('evil-everyone-x-https-evil.example-torchvision-fake');
    expect(line.text).not.toContain('\n');
    expect(line.text).not.toMatch(/@everyone|@here|<@\d/);
    expect(line.text).not.toContain('](https://evil');
    expect(line.text).not.toContain('javascript:');
    const stored = legEdits(asStored(plan10()), 3, line);
    const run = parseLiveRun(stored) as LiveRun;
    // The hostile text did not forge a line for another leg.
    expect(run.lines.find((l) => l.key === 'numpy')?.status).toBe('pending');
    expect(run.lines.find((l) => l.key === 'torchvision')?.status).toBe('pending');
    expect(run.states.filter((s) => s !== 'pending')).toEqual(['failure']);
    expectValidDiscordBody(renderLiveRun(run, 'edit').body, 'edit');
    expect(legKey('')).toBe('leg');
    expect(legKey('pytorch-2.8')).toBe('pytorch-2.8');
  });

  it('a message the summary has replaced is not a live run any more', () => {
    const final = {
      id: '1',
      embeds: [{ title: '✅ Jetson build: 10/10 packages built', footer: { text: 'acme · run 1' } }],
    };
    expect(parseLiveRun(final)).toBeNull();
    expect(parseLiveRun({ id: '1', embeds: [] })).toBeNull();
    expect(parseLiveRun({ embeds: [{ footer: { text: 'state 10.AAA' } }] })).toBeNull(); // 10 legs need 4 characters
    expect(parseLiveRun('nonsense')).toBeNull();
  });
});

describe('256 legs', () => {
  const names = Array.from(
    { length: 256 },
    (_, i) => `package-with-a-rather-long-name-number-${String(i).padStart(3, '0')}-x`,
  );
  const big = legs(names);

  function limits(body: unknown): void {
    const embed = embedOf(body);
    expect(embed.description.length).toBeLessThanOrEqual(4096);
    expect(embed.title.length + embed.description.length + embed.footer.text.length).toBeLessThanOrEqual(
      6000,
    );
  }

  it('the plan’s post fits Discord’s limits: what does not fit folds into a count', () => {
    const body = renderLiveRun(planLiveRun(big, RUN_URL, 'acme/jetson-images · run 1'), 'create').body;
    expectValidDiscordBody(body, 'create');
    limits(body);
    const lines = embedOf(body).description.split('\n');
    const shown = lines.filter((l) => l.startsWith('⏳ `')).length;
    expect(shown).toBeGreaterThan(20);
    expect(lines.at(-1)).toBe(`… and ${256 - shown} more to go`);
  });

  it('every leg’s result survives 256 merges, failures shown before successes, the rest counted', () => {
    let stored = asStored(planLiveRun(big, RUN_URL, 'acme/jetson-images · run 1'));
    const failing = new Set([17, 130, 255]);
    for (let i = 0; i < 256; i++) {
      const failed = failing.has(i);
      const line = legLine({
        leg: names[i] as string,
        status: failed ? 'failure' : 'success',
        url: `${RUN_URL}/job/${1000 + i}`,
        durationSeconds: 3600 + i,
        where: failed ? 'build 3/9' : null,
        cause: failed ? 'E'.repeat(400) : null,
      });
      stored = legEdits(stored, i, line);
      const body = renderLiveRun(parseLiveRun(stored) as LiveRun, 'edit').body;
      if (i % 51 === 0 || i === 255) {
        expectValidDiscordBody(body, 'edit');
        limits(body);
      }
    }
    const run = parseLiveRun(stored) as LiveRun;
    expect(run.states.filter((s) => s === 'failure')).toHaveLength(3);
    expect(run.states.filter((s) => s === 'success')).toHaveLength(253);
    const embed = embedOf(renderLiveRun(run, 'edit').body);
    expect(embed.title).toBe('⏳ Jetson build: 256/256 legs done, summarizing');
    const lines = embed.description.split('\n');
    expect(lines[1]).toBe('❌ 3 failed · ✅ 253 done');
    const failures = lines.filter((l) => l.startsWith('❌ ['));
    expect(failures.map((l) => /`([^`]+)`/.exec(l)?.[1])).toEqual([names[17], names[130], names[255]]);
    const successes = lines.filter((l) => l.startsWith('✅ [')).length;
    expect(successes).toBeGreaterThan(0);
    expect(lines.at(-1)).toBe(`… and ${253 - successes} more done`);
  });
});
