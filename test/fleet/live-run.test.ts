// The reusable workflow's live run message against a loopback Discord double: the plan posts it, legs write
// their lines (concurrently, with the verify-and-retry that keeps every line), and what each failure costs.
import { describe, expect, it } from 'vitest';
import { planMatrix } from '../../src/fleet/plan.js';
import { announceRun, runPlan } from '../../src/fleet/plan-main.js';
import { getMessage, editMessage } from '../../src/notify/discord-api.js';
import { parseLiveRun, type LiveRun } from '../../src/notify/render/run-live-discord.js';
import { updateRunLine, type RunLineApi, type RunLineOptions } from '../../src/notify/run-line.js';
import { resolveNotifySettings } from '../../src/notify/targets.js';
import type { NotifySettings } from '../../src/notify/types.js';
import type { BuildReport } from '../../src/report/build-report.js';
import { expectValidDiscordBody } from '../support/discord-spec.js';
import { inputs, outputs, useLiveDiscord, useOutputFile } from '../support/plan-run.js';
import { stageFailure, successChainWithPush } from '../support/reports.js';

const ENV = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/jetson-images',
  GITHUB_RUN_ID: '987654321',
};
const discord = useLiveDiscord(64);
useOutputFile('jba-live-run-');

function legSettings(): NotifySettings {
  // As a leg gets them in the workflow without notify-each: the URL for the run line, notifications off.
  return resolveNotifySettings(
    inputs({ 'discord-webhook-url': discord.double.webhookUrl(), 'notify-on': 'never' }),
    {},
  );
}

function names(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `pkg-${String(i).padStart(2, '0')}`);
}

async function postPlan(packages: string[]): Promise<string> {
  const plan = planMatrix(packages);
  return announceRun(
    plan,
    inputs({ 'discord-live': 'true', 'discord-webhook-url': discord.double.webhookUrl() }),
    {
      env: ENV,
      dispatcher: discord.dispatcher,
    },
  );
}

function liveRun(id: string): LiveRun {
  const message = discord.double.message(id);
  return parseLiveRun({ embeds: message?.embeds }) as LiveRun;
}

function leg(index: number, failed = false): BuildReport {
  const report = failed ? stageFailure() : successChainWithPush();
  report.run.jobUrl = `https://github.com/acme/jetson-images/actions/runs/987654321/job/${7000 + index}`;
  return report;
}

function lineOptions(id: string, index: number, extra: Partial<RunLineOptions> = {}): RunLineOptions {
  return {
    messageRef: id,
    matrix: JSON.stringify({
      leg: `pkg-${String(index).padStart(2, '0')}`,
      packages: 'x',
      index,
      multiple: false,
    }),
    report: leg(index, index % 7 === 3),
    settings: legSettings(),
    warn: () => undefined,
    info: () => undefined,
    dispatcher: discord.dispatcher,
    settleMs: () => 0,
    sleep: async () => undefined,
    ...extra,
  };
}

describe('plan: the run message', () => {
  it('posts one message with ?wait=true, every leg pending, and outputs its id', async () => {
    await runPlan(inputs({ packages: names(10).join(' '), 'runs-on': '["jetson"]' }));
    const id = await postPlan(names(10));
    expect(id).toMatch(/^\d{17,20}$/);
    expect(outputs()['discord-message-id']).toBe(id);
    const mine = discord.double.requestsOf('create').at(-1);
    expect(mine?.query['wait']).toBe('true');
    expect(mine?.path).toBe('/api/v10/webhooks/111111111111111111/double-token');
    expectValidDiscordBody(mine?.body, 'create');
    const run = liveRun(id);
    expect(run.states).toEqual(Array(10).fill('pending'));
    expect(run.lines.map((l) => l.key)).toEqual(names(10));
    expect(run.url).toBe('https://github.com/acme/jetson-images/actions/runs/987654321');
  });

  it('not live, or live without a URL: no message and an empty output', async () => {
    const before = discord.double.requests.length;
    const plan = planMatrix(['numpy']);
    expect(
      await announceRun(plan, inputs({ 'discord-webhook-url': discord.double.webhookUrl() }), {
        dispatcher: discord.dispatcher,
      }),
    ).toBe('');
    expect(outputs()['discord-message-id']).toBe('');
    expect(
      await announceRun(plan, inputs({ 'discord-live': 'true' }), { dispatcher: discord.dispatcher }),
    ).toBe('');
    expect(discord.double.requests.length).toBe(before);
  });

  it('a failed post is an empty output, never a failed plan', async () => {
    discord.double.fault({ method: 'POST', fault: { status: 500 } });
    const plan = planMatrix(['numpy']);
    const live = inputs({ 'discord-live': 'true', 'discord-webhook-url': discord.double.webhookUrl() });
    await expect(announceRun(plan, live, { dispatcher: discord.dispatcher })).resolves.toBe('');
    expect(outputs()['discord-message-id']).toBe('');
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('a discord-live that is not a boolean names the input', async () => {
    await expect(announceRun(planMatrix(['numpy']), inputs({ 'discord-live': 'yes' }))).rejects.toThrow(
      /discord-live/,
    );
  });
});

describe('legs: each writes its own line', () => {
  it('one leg: its line replaces its pending line, the others stay pending', async () => {
    const id = await postPlan(names(5));
    const outcome = await updateRunLine(lineOptions(id, 3));
    expect(outcome).toBe('written');
    const run = liveRun(id);
    expect(run.states).toEqual(['pending', 'pending', 'pending', 'failure', 'pending']);
    expect(run.lines.find((l) => l.key === 'pkg-03')?.text).toBe(
      '❌ [`pkg-03`](https://github.com/acme/jetson-images/actions/runs/987654321/job/7003) · 1m 10s — ' +
        '`python · build 3/4` ERROR: failed to solve: process "/bin/sh -c /tmp/build.sh" did not complete successfully: exit code: 100',
    );
    const edits = discord.double.requestsOf('edit').filter((r) => r.messageId === id);
    expect(edits).toHaveLength(1);
    for (const edit of edits) expectValidDiscordBody(edit.body, 'edit');
  });

  it('20 legs finishing at once: after all of them, every leg’s line is in the message', async () => {
    const id = await postPlan(names(20));
    const schedule = raceSchedule(20);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        schedule.run((api, sleep) => updateRunLine(lineOptions(id, i, { api, sleep }))),
      ),
    );
    expect(outcomes).toEqual(Array(20).fill('written'));
    const run = liveRun(id);
    expect(run.states.filter((s) => s === 'pending')).toEqual([]);
    expect(run.states.filter((s) => s === 'failure')).toHaveLength(3); // legs 3, 10 and 17
    expect(run.lines.map((l) => l.key).sort()).toEqual(names(20));
    expect(run.lines.every((l) => l.status !== 'pending')).toBe(true);
    // The first round really raced: all 20 read the plan's message before anyone wrote.
    expect(schedule.firstRoundEdits()).toBe(20);
  });

  it('without the check after the edit the same race loses all but one line (what the retry buys)', async () => {
    const id = await postPlan(names(20));
    const schedule = raceSchedule(20);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        schedule.run((api, sleep) => updateRunLine(lineOptions(id, i, { api, sleep, maxAttempts: 1 }))),
      ),
    );
    expect(outcomes.filter((o) => o === 'written')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'unverified')).toHaveLength(19);
    expect(liveRun(id).states.filter((s) => s !== 'pending')).toHaveLength(1);
  });
});

describe('legs: what goes wrong costs one warning and never the leg', () => {
  function collect(): { warnings: string[]; opts: Partial<RunLineOptions> } {
    const warnings: string[] = [];
    return { warnings, opts: { warn: (m) => warnings.push(m) } };
  }

  it('a deleted message: one warning, no new message from the leg', async () => {
    const id = await postPlan(names(3));
    discord.double.deleteMessage(id);
    const creates = discord.double.requestsOf('create').length;
    const { warnings, opts } = collect();
    expect(await updateRunLine(lineOptions(id, 0, opts))).toBe('failed');
    expect(warnings).toEqual([
      "Could not read the run's Discord message for this leg's line: HTTP 404: the message was deleted (the summary posts the final result as a new message)",
    ]);
    expect(discord.double.requestsOf('create').length).toBe(creates);
  });

  it('a short rate limit is waited out, a long one skips the edit', async () => {
    const id = await postPlan(names(3));
    const waits: number[] = [];
    const sleep = async (ms: number): Promise<void> => void waits.push(ms);
    discord.double.fault({ method: 'PATCH', fault: { rateLimit: 1 } });
    expect(await updateRunLine(lineOptions(id, 0, { sleep }))).toBe('written');
    expect(waits).toContain(1000);
    expect(liveRun(id).states[0]).toBe('success');

    waits.length = 0;
    discord.double.fault({ method: 'PATCH', fault: { rateLimit: 60 } });
    const { warnings, opts } = collect();
    expect(await updateRunLine(lineOptions(id, 1, { ...opts, sleep }))).toBe('failed');
    expect(waits).toEqual([]);
    expect(warnings).toEqual([
      "Could not edit the run's Discord message for this leg's line: rate limited for 60 s: skipped (the summary writes the final state)",
    ]);
    expect(liveRun(id).states[1]).toBe('pending');
  });

  it('a server error, and a Discord that never answers (bounded by the deadline)', async () => {
    const id = await postPlan(names(3));
    discord.double.fault({ method: 'GET', fault: { status: 502 } });
    const first = collect();
    expect(await updateRunLine(lineOptions(id, 0, first.opts))).toBe('failed');
    expect(first.warnings).toHaveLength(1);
    expect(first.warnings[0]).toMatch(
      /^Could not read the run's Discord message for this leg's line: HTTP 502/,
    );

    discord.double.fault({ method: 'GET', fault: { hang: true } });
    const second = collect();
    expect(await updateRunLine(lineOptions(id, 0, { ...second.opts, deadlineMs: 300 }))).toBe('failed');
    expect(second.warnings).toHaveLength(1);
  });

  it('a message the summary already replaced is left alone', async () => {
    const id = await postPlan(names(3));
    const target = {
      url: `${discord.double.webhookUrl()}?wait=true`.replace('/api/webhooks', '/api/v10/webhooks'),
    };
    await editMessage(
      target,
      id,
      { body: { content: 'final', embeds: [{ title: '✅ done' }] }, files: [] },
      { dispatcher: discord.dispatcher },
    );
    const edits = discord.double.requestsOf('edit').length;
    const infos: string[] = [];
    expect(await updateRunLine(lineOptions(id, 0, { info: (m) => infos.push(m) }))).toBe('skipped');
    expect(discord.double.requestsOf('edit').length).toBe(edits);
    expect(infos[0]).toMatch(/no longer a live status/);
  });

  it('bad or missing inputs name the input and send nothing', async () => {
    const before = discord.double.requests.length;
    const cases: [Partial<RunLineOptions>, RegExp][] = [
      [{ messageRef: 'abc' }, /Input 'discord-run-message-id' is "abc": expected a Discord message id/],
      [{ matrix: '{"packages":"numpy"}' }, /the 'matrix' input names no leg and index/],
    ];
    for (const [extra, message] of cases) {
      const { warnings, opts } = collect();
      expect(await updateRunLine(lineOptions('1300000000000000000', 0, { ...opts, ...extra }))).toBe(
        'skipped',
      );
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(message);
    }
    // No discord-webhook-url: warned about at the start of the step (notices.ts), so only said here.
    const { warnings, opts } = collect();
    const infos: string[] = [];
    const orphan = lineOptions('1300000000000000000', 0, {
      ...opts,
      settings: null,
      info: (m) => infos.push(m),
    });
    expect(await updateRunLine(orphan)).toBe('skipped');
    expect(warnings).toEqual([]);
    expect(infos).toEqual([
      "Input 'discord-run-message-id' is set but discord-webhook-url is empty: the run message is not edited.",
    ]);
    expect(await updateRunLine(lineOptions('', 0))).toBe('skipped');
    expect(discord.double.requests.length).toBe(before);
  });
});

/**
 * A deterministic worst case for legs finishing at once. Round one races: every leg's first read is held until
 * all of them have read, so all merge into the same message and each edit overwrites the others. After that the
 * legs take turns (each sleep waits for the previous leg to sleep again or finish), so the verify-and-retry
 * rounds are serialised and the result does not depend on timing.
 */
function raceSchedule(legs: number): {
  run: <T>(body: (api: RunLineApi, sleep: () => Promise<void>) => Promise<T>) => Promise<T>;
  firstRoundEdits: () => number;
} {
  let reads = 0;
  let releaseReads: () => void = () => undefined;
  const allRead = new Promise<void>((r) => (releaseReads = r));
  let sleepers = 0;
  let releaseTurns: () => void = () => undefined;
  let turn = new Promise<void>((r) => (releaseTurns = r));
  let firstEdits = 0;
  return {
    firstRoundEdits: () => firstEdits,
    async run(body) {
      let firstRead = true;
      let slept = false;
      let yieldTurn: () => void = () => undefined;
      const api: RunLineApi = {
        async get(target, ref, signal) {
          const result = await getMessage(target, ref, { signal, dispatcher: discord.dispatcher });
          if (firstRead) {
            firstRead = false;
            if (++reads === legs) releaseReads();
            await allRead;
          }
          return result;
        },
        edit(target, ref, message, signal) {
          if (!slept) firstEdits += 1;
          return editMessage(target, ref, message, { signal, dispatcher: discord.dispatcher });
        },
      };
      const sleep = async (): Promise<void> => {
        yieldTurn();
        if (!slept) {
          slept = true;
          if (++sleepers === legs) releaseTurns();
        }
        const mine = turn;
        turn = new Promise<void>((r) => (yieldTurn = r));
        await mine;
      };
      try {
        return await body(api, sleep);
      } finally {
        // A leg that is done hands its turn on.
        yieldTurn();
      }
    },
  };
}
