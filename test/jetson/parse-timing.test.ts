// Pins what the parser reports about time and stages: exact durations and start times from its clock, the stage
// and chain records a user sees in the report, and the stream events that open log groups.
import { describe, expect, it } from 'vitest';
import { BuildStreamParser, type ParseResult, type StreamEvent } from '../../src/jetson/parse/index.js';

const T0 = Date.UTC(2026, 0, 1, 23, 59, 0);

/** Feeds each string as its own chunk (a line); a number moves the fake clock on by that many milliseconds. */
function feed(steps: Array<string | number>): { r: ParseResult; events: StreamEvent[] } {
  let t = T0;
  const p = new BuildStreamParser({ now: () => new Date(t) });
  const events: StreamEvent[] = [];
  for (const s of steps) {
    if (typeof s === 'number') t += s;
    else events.push(...p.write(Buffer.from(s + '\n')));
  }
  events.push(...p.end());
  return { r: p.result(), events };
}

const bar = (i: number, n: number, verb: string, name: string, img = `${name}:r36`) =>
  `[23:59:00] [####------] ${i}/${n} ${verb} ${name} (${img}) ${i - 1} stages completed in 00m00s at 23:59:00`;

describe('durations come from the clock, to a tenth of a second', () => {
  it('each stage lasts until the next one starts; the chain until its done line', () => {
    const { r } = feed([
      "[23:59:00] BUILDING ['a', 'b']",
      bar(1, 2, 'Building', 'a'),
      65_432,
      bar(1, 2, 'Testing', 'a'),
      1_250,
      bar(2, 2, 'Building', 'b'),
      3_600_000,
      bar(2, 2, 'Testing', 'b'),
      40,
      '[00:59:01] done ✅ `jetson-containers build b` (b:r36)',
      5_000,
    ]);
    expect(r.stages.map((s) => [s.index, s.phase, s.name, s.status, s.durationSeconds, s.startTime])).toEqual(
      [
        [1, 'build', 'a', 'success', 65.4, '2026-01-01T23:59:00.000Z'],
        [1, 'test', 'a', 'success', 1.3, '2026-01-02T00:00:05.432Z'],
        [2, 'build', 'b', 'success', 3600, '2026-01-02T00:00:06.682Z'],
        [2, 'test', 'b', 'success', 0, '2026-01-02T01:00:06.682Z'],
      ],
    );
    expect(r.chains).toHaveLength(1);
    expect(r.chains[0]).toMatchObject({
      status: 'success',
      startTime: '2026-01-01T23:59:00.000Z',
      durationSeconds: 3666.7,
      builtName: 'b',
      image: 'b:r36',
    });
  });

  it('a failing stage and its chain stop at the 💣 line, not at the end of the output', () => {
    const { r } = feed([
      "[23:59:00] BUILDING ['x']",
      2_000,
      bar(1, 1, 'Building', 'x'),
      12_345,
      '#5 12.3 E: Unable to locate package foo',
      7_000,
      '[23:59:21] warn 💣 `jetson-containers build` failed after 21.3 seconds (0.4 minutes)',
      60_000,
      '[23:59:21] error Failed building:  x',
    ]);
    expect(r.stages[0]).toMatchObject({ status: 'failure', durationSeconds: 19.3 });
    expect(r.chains[0]).toMatchObject({ status: 'failure', durationSeconds: 21.3, failure: 0 });
  });

  it('`Pushing` ends the last test stage; a new chain ends the stage of the one before', () => {
    const { r } = feed([
      "[23:59:00] BUILDING ['a']",
      bar(1, 1, 'Testing', 'a'),
      4_000,
      '[23:59:04] Pushing a:r36',
      10_000,
      "[23:59:14] BUILDING ['b']",
      bar(1, 1, 'Building', 'b'),
      2_500,
      "[23:59:17] BUILDING ['c']",
    ]);
    expect(r.stages.map((s) => `${s.name} ${s.status} ${s.durationSeconds}`)).toEqual([
      'a success 4',
      'b success 2.5',
    ]);
    // Chains that never printed a done line stay running, without a duration.
    expect(r.chains.map((c) => `${c.target} ${c.status} ${c.durationSeconds}`)).toEqual([
      'a running null',
      'b running null',
      'c running null',
    ]);
  });

  it('a clock that goes back never gives a negative duration', () => {
    const { r } = feed([
      "[23:59:00] BUILDING ['a']",
      bar(1, 1, 'Building', 'a'),
      -5_000,
      '[23:59:00] done ✅ `jetson-containers build a` (a:r36)',
    ]);
    expect(r.stages[0]?.durationSeconds).toBe(0);
    expect(r.chains[0]?.durationSeconds).toBe(0);
  });

  it('the stage running now is a copy, and none after the stage ended', () => {
    let t = T0;
    const p = new BuildStreamParser({ now: () => new Date(t) });
    expect(p.currentStage()).toBeNull();
    p.write(Buffer.from(`[23:59:00] BUILDING ['a']\n${bar(1, 1, 'Building', 'a')}\n`));
    const cur = p.currentStage();
    expect(cur).toMatchObject({ name: 'a', status: 'running', index: 1, total: 1, target: 'a' });
    cur!.status = 'failure';
    expect(p.currentStage()?.status).toBe('running');
    t += 3_000;
    p.write(Buffer.from('[23:59:03] done ✅ `jetson-containers build a` (a:r36)\n'));
    expect(p.currentStage()).toMatchObject({ status: 'success', durationSeconds: 3 });
  });
});

describe('stage records', () => {
  it('a repeated progress line is the same stage: it only fills in the image', () => {
    const { r, events } = feed([
      "[23:59:00] BUILDING ['a']",
      '[23:59:00] [####------] 1/2 Building a () 0 stages completed in 00m00s at 23:59:00',
      1_000,
      bar(1, 2, 'Building', 'a', 'a:r36-a'),
      bar(1, 2, 'Building', 'a', 'a:other'),
    ]);
    expect(r.stages).toHaveLength(1);
    expect(r.stages[0]?.image).toBe('a:r36-a');
    expect(events.map((e) => e.kind)).toEqual(['stage']);
  });

  it('the same stage index of a different package, phase or index opens a new stage', () => {
    const { r } = feed([
      "[23:59:00] BUILDING ['a', 'b']",
      bar(1, 2, 'Building', 'a'),
      bar(1, 2, 'Building', 'b'),
      bar(1, 2, 'Testing', 'b'),
      bar(2, 2, 'Testing', 'b'),
    ]);
    expect(r.stages.map((s) => `${s.index} ${s.phase} ${s.name}`)).toEqual([
      '1 build a',
      '1 build b',
      '1 test b',
      '2 test b',
    ]);
  });

  it('reads the bracketed `[2/3] Testing x` form and stages outside any chain', () => {
    const { r, events } = feed([
      '[23:59:00] [2/3] Testing torch',
      '[23:59:00] [3/3]  Building  vision  (v:1)  ',
    ]);
    expect(r.stages.map((s) => [s.target, s.index, s.total, s.phase, s.name, s.image])).toEqual([
      [null, 2, 3, 'test', 'torch', null],
      [null, 3, 3, 'build', 'vision', 'v:1'],
    ]);
    expect(events.map((e) => (e.kind === 'stage' ? e.title : ''))).toEqual([
      'torch · 2/3 test torch',
      'vision · 3/3 build vision',
    ]);
  });

  it('reads progress bars of any style and lines of any level', () => {
    const { r } = feed([
      "[23:59:00] status BUILDING ['a']",
      '[23:59:00] [==..  ] 1/6 Building s1',
      '[23:59:00] debug [] 2/6 Testing s2 (i2) 1 stages completed in 00m00s',
      '[23:59:00] verbose [#-]3/6 Building s3',
      '[23:59:00] done [6/6] Testing s6',
      '[23:59:00] error [a] 4/6 Building bad-bar',
      '[23:59:00] warn 5/6 Building no-bar',
      '[23:59:00] info [#] 5/6 Building unknown-level',
      '[23:59:00] [#] 5/6 Compiling other-verb',
      '[23:59:00] [#] x/6 Building bad-index',
    ]);
    expect(r.chains.map((c) => c.target)).toEqual(['a']);
    expect(r.stages.map((s) => `${s.index}/${s.total} ${s.phase} ${s.name} ${s.image}`)).toEqual([
      '1/6 build s1 null',
      '2/6 test s2 i2',
      '3/6 build s3 null',
      '6/6 test s6 null',
    ]);
  });

  it('trims the image, and an image of only spaces is none', () => {
    const { r } = feed(['[23:59:00] [#] 1/2 Building a (  a:1  )', '[23:59:00] [#] 2/2 Building b ( )']);
    expect(r.stages.map((s) => s.image)).toEqual(['a:1', null]);
  });

  it('the same progress line after its stage ended opens a new stage', () => {
    const { r } = feed([
      "[23:59:00] BUILDING ['a']",
      bar(1, 1, 'Testing', 'a'),
      '[23:59:00] done ✅ `jetson-containers build a` (a:r36)',
      bar(1, 1, 'Testing', 'a'),
    ]);
    expect(r.stages.map((s) => `${s.phase} ${s.name} ${s.status}`)).toEqual([
      'test a success',
      'test a running',
    ]);
  });

  it('stage events carry the stage as it started', () => {
    const { events } = feed(["[23:59:00] BUILDING ['a', 'b']", bar(2, 2, 'Building', 'b')]);
    expect(events).toEqual([
      {
        kind: 'stage',
        offset: 0,
        title: 'b · 2/2 build b',
        stage: {
          target: 'b',
          name: 'b',
          image: 'b:r36',
          index: 2,
          total: 2,
          phase: 'build',
          status: 'running',
          startTime: '2026-01-01T23:59:00.000Z',
          durationSeconds: null,
        },
      },
    ]);
  });
});

describe('failure events', () => {
  it('name the chain and the stage, or the tool when no chain ran', () => {
    const { events } = feed([
      '[23:59:00] warn 💣 `jetson-containers build` failed after 0.1 seconds (0.0 minutes)',
      "[23:59:00] BUILDING ['a', 'b']",
      '[23:59:00] warn 💣 `jetson-containers build` failed after 0.1 seconds (0.0 minutes)',
      "[23:59:00] BUILDING ['c']",
      bar(1, 1, 'Testing', 'c'),
      '[23:59:00] warn 💣 `jetson-containers build` failed after 0.1 seconds (0.0 minutes)',
    ]);
    expect(events.filter((e) => e.kind === 'failure').map((e) => e.title)).toEqual([
      'jetson-containers build failed',
      'b failed',
      'c failed in test c',
    ]);
  });

  it('open at the first `warn ====` line of the block in the same chunk, else at the chunk start', () => {
    const sep = '[23:59:00] warn ' + '='.repeat(20);
    const bomb = '[23:59:00] warn 💣 `jetson-containers build` failed after 0.1 seconds (0.0 minutes)';
    const head = "[23:59:00] BUILDING ['a']\n";
    const one = new BuildStreamParser();
    const inChunk = one.write(Buffer.from(`${head}#1 x\n${sep}\n${sep}\n${bomb}\n`));
    expect(inChunk.map((e) => [e.kind, e.offset])).toEqual([['failure', head.length + 5]]);

    const two = new BuildStreamParser();
    two.write(Buffer.from(`${head}#1 x\n${sep}\n`));
    expect(two.write(Buffer.from(`#1 y\n${bomb}\n`)).map((e) => [e.kind, e.offset])).toEqual([
      ['failure', 0],
    ]);

    // `done ====` lines do not open a failure block; without a separator the block opens at the 💣 line.
    const three = new BuildStreamParser();
    const done = '[23:59:00] done ' + '='.repeat(20);
    expect(three.write(Buffer.from(`${head}${done}\n${bomb}\n`)).map((e) => e.offset)).toEqual([
      head.length + done.length + 1,
    ]);
  });
});

describe('a build stage opens at its `> BUILDING` box', () => {
  const TOP = '┌──────────────────────────┐';
  const BOX = '│ > BUILDING  a:r36-a      │';
  const BOTTOM = '└──────────────────────────┘';
  const progress = '[10:00:00] [#---] 1/1 Building a (a:r36-a) 0 stages completed\n';
  const stageOffsets = (...chunks: string[]) => {
    const p = new BuildStreamParser();
    return chunks.map((c) => p.write(Buffer.from(c)).map((e) => [e.kind, e.offset]));
  };

  it('at the box’s top line when the box is in the same chunk', () => {
    const head = "[10:00:00] BUILDING ['a']\n\n";
    const box = `${TOP}\n${BOX}\n${BOTTOM}\n\ndocker build .\n\n`;
    expect(stageOffsets(head + box + progress)).toEqual([[['stage', Buffer.byteLength(head)]]]);
    // Without its top line, at the `> BUILDING` line.
    const noTop = `x\n${BOX}\n${BOTTOM}\n`;
    expect(stageOffsets(head + noTop + progress)).toEqual([[['stage', Buffer.byteLength(head) + 2]]]);
  });

  it('at the top line right after a log line, at a box line without borders, never above a log line', () => {
    const head = "[10:00:00] BUILDING ['a']\n";
    expect(stageOffsets(`${head}${TOP}\n${BOX}\n${progress}`)).toEqual([
      [['stage', Buffer.byteLength(head)]],
    ]);
    expect(stageOffsets(`${head}> BUILDING  a:r36-a\n${progress}`)).toEqual([
      [['stage', Buffer.byteLength(head)]],
    ]);
    const warn = '[10:00:00] warn ┌ a log line that looks like a border\n';
    expect(stageOffsets(`${head}${warn}${BOX}\n${progress}`)).toEqual([
      [['stage', Buffer.byteLength(head + warn)]],
    ]);
    // A top border further on (the next box) is not this box's.
    const noTop = `x\n${BOX}\n${BOTTOM}\n${progress}${TOP}\n`;
    expect(stageOffsets(head + noTop)).toEqual([[['stage', Buffer.byteLength(head) + 2]]]);
  });

  it('at byte 0 when the chunk starts with the box', () => {
    const head = "[10:00:00] BUILDING ['a']\n";
    expect(stageOffsets(head, `${TOP}\n${BOX}\n${BOTTOM}\n${progress}`)).toEqual([[], [['stage', 0]]]);
    expect(stageOffsets(head, `\n${BOX}\n${BOTTOM}\n${progress}`)).toEqual([[], [['stage', 1]]]);
  });

  it('at its own line when nothing since the last log line is a box', () => {
    const head = "[10:00:00] BUILDING ['a']\n";
    const warn = '[10:00:00] warn no box\ndocker build .\n';
    expect(stageOffsets(head, warn + progress)).toEqual([[], [['stage', Buffer.byteLength(warn)]]]);
  });

  it('at the chunk start when the box came in an earlier chunk, else at its own line', () => {
    const head = "[10:00:00] BUILDING ['a']\n";
    expect(stageOffsets(`${head}${TOP}\n${BOX}\n`, `${BOTTOM}\n${progress}`)).toEqual([[], [['stage', 0]]]);
    const warn = '[10:00:00] warn no box\n';
    expect(stageOffsets(`${head}${TOP}\n${BOX}\n`, warn + progress)).toEqual([[], [['stage', warn.length]]]);
  });

  it('not above a log line already handled in the chunk', () => {
    const head = "[10:00:00] BUILDING ['a']\n";
    const warn = '[10:00:00] warn between\n';
    const text = `${head}${TOP}\n${warn}${BOX}\n${BOTTOM}\n${progress}`;
    const boxAt = Buffer.byteLength(`${head}${TOP}\n${warn}`);
    expect(stageOffsets(text)).toEqual([[['stage', boxAt]]]);
  });

  it('a test stage opens at its own progress line', () => {
    const head = `[10:00:00] BUILDING ['a']\n${TOP}\n${BOX}\n${BOTTOM}\n`;
    const test = '[10:00:00] [#---] 1/1 Testing a (a:r36-a) 0 stages completed\n';
    expect(stageOffsets(head + test)).toEqual([[['stage', Buffer.byteLength(head)]]]);
  });
});
