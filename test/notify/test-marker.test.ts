// A `test-notification` sample says it is a test where a person looks first, in every format: Slack's
// notification text and header, the Teams card's first line, the generic body's event.
import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../src/notify/render/slack.js';
import { renderTeams } from '../../src/notify/render/teams.js';
import { renderGeneric } from '../../src/notify/render/generic.js';
import type { SlackBody } from '../../src/notify/render/slack.js';
import { stageFailure } from '../support/reports.js';

const TEST = { event: 'test', change: 'unknown' } as const;
const FINISHED = { event: 'finished', change: 'unknown' } as const;

function header(body: SlackBody): string {
  const first = body.attachments[0]?.blocks[0] as { type: string; text: { text: string } };
  expect(first.type).toBe('header');
  return first.text.text;
}

describe('a test sample is marked in every format', () => {
  it('Slack: the notification text and the header start with the test marker', () => {
    const body = renderSlack(stageFailure(), {}, TEST).body as SlackBody;
    expect(body.text).toBe(
      '🧪 Test notification from jetson-build-action — not a real build · ❌ numpy failed at build 3/4 (python) · acme/jetson-images · Build images',
    );
    expect(header(body)).toBe('🧪 Test: ❌ numpy failed at build 3/4 (python)');
  });

  it('Slack: a real result is not marked', () => {
    const body = renderSlack(stageFailure(), {}, FINISHED).body as SlackBody;
    expect(body.text).toBe('❌ numpy failed at build 3/4 (python) · acme/jetson-images · Build images');
    expect(header(body)).toBe('❌ numpy failed at build 3/4 (python)');
  });

  it('Slack: the marker stays even when a message-template gives the text', () => {
    const body = renderSlack(stageFailure(), { text: 'numpy broke' }, TEST).body as SlackBody;
    expect(body.text).toBe('🧪 Test notification from jetson-build-action — not a real build · numpy broke');
  });

  it('Teams: the card opens with the marker', () => {
    const body = renderTeams(stageFailure(), {}, TEST).body as {
      attachments: { content: { body: { text?: string }[] } }[];
    };
    expect(body.attachments[0]?.content.body[0]?.text).toBe(
      '🧪 Test notification from jetson-build-action — not a real build',
    );
  });

  it('generic: the event is jetson.test', () => {
    const body = renderGeneric(stageFailure(), TEST).body as { event: string };
    expect(body.event).toBe('jetson.test');
  });
});
