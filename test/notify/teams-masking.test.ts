// A Power Automate (Teams Workflows) URL carries one credential, `sig`; its other query values are the same
// for every flow (api-version=2016-06-01, sp=/triggers/manual/run, sv=1.0) and must not turn into *** in
// every log line and message that happens to hold them.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const masked: string[] = [];
vi.mock('@actions/core', () => ({ setSecret: (s: string) => masked.push(s) }));

import { resolveNotifySettings } from '../../src/notify/targets.js';
import { registerSecretUrl, resetSecretsForTest, scrub } from '../../src/runner/secrets.js';

const SIG = 'SIGzz9yy8xx7ww6vv5uu4tt3ss';
const FLOW =
  'https://prod-42.westus.logic.azure.com:443/workflows/0a1b2c3d9e8f7a6b5c4d3e2f1a0b9c8d/triggers/manual/paths/invoke' +
  `?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${SIG}`;
const LINE = `api-version=2016-06-01 sp=/triggers/manual/run sv=1.0 sig=${SIG} on 2016-06-01`;

beforeEach(() => {
  resetSecretsForTest();
  masked.length = 0;
});

describe('Teams URL masking', () => {
  for (const input of ['teams-webhook-url', 'webhook-url']) {
    it(`${input}: only sig (and the URL) is a secret`, () => {
      resolveNotifySettings((name) => (name === input ? FLOW : ''), {});
      expect(scrub(LINE)).toBe('api-version=2016-06-01 sp=/triggers/manual/run sv=1.0 sig=*** on 2016-06-01');
      expect(scrub(`posting to ${FLOW}`)).toBe('posting to ***');
      expect(masked).not.toContain('2016-06-01');
      expect(masked).not.toContain('/triggers/manual/run');
      expect(masked).toContain(SIG);
    });
  }

  it('a webhooks entry with a Teams URL: the same', () => {
    resolveNotifySettings((name) => (name === 'webhooks' ? `- url: "${FLOW}"` : ''), {});
    expect(scrub(LINE)).toBe('api-version=2016-06-01 sp=/triggers/manual/run sv=1.0 sig=*** on 2016-06-01');
  });

  it('any other URL keeps the general rule: every query value is a secret', () => {
    registerSecretUrl('https://hooks.example.com/x?api-version=2016-06-01&token=abcdefgh');
    expect(scrub('api-version=2016-06-01 token=abcdefgh')).toBe('api-version=*** token=***');
  });

  it('the option names the only query keys to register', () => {
    registerSecretUrl('https://hooks.example.com/x?api-version=2016-06-01&sig=abcdefgh', {
      queryKeys: ['sig'],
    });
    expect(scrub('api-version=2016-06-01 sig=abcdefgh')).toBe('api-version=2016-06-01 sig=***');
  });
});
