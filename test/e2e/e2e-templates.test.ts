// End to end on dist/: a generic target's payload-template is the body it receives, a Discord target's
// message-template is the message's content, and a bad template fails the step at start, before the build.
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_JC, runAction } from '../support/action-runner.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

const TOKEN = 'e2eTemplateTokenAbCdEfGhIjKlMnOpQrStUvWxYz012345';
const RUN_URL = 'https://github.com/octo-org/jetson-images/actions/runs/4242';

let receiver: Receiver | null = null;
afterEach(async () => {
  await receiver?.close();
  receiver = null;
});

/** A jetson-containers that leaves a mark when it runs, then is the fake. */
function markingTool(): { tool: string; mark: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-tpl-'));
  const mark = path.join(dir, 'ran');
  const tool = path.join(dir, 'jetson-containers');
  writeFileSync(tool, `#!/bin/sh\ntouch '${mark}'\nexec '${FAKE_JC}' "$@"\n`);
  chmodSync(tool, 0o755);
  return { tool, mark };
}

const PAYLOAD = `{
  "text": "{{emoji}} {{repository}}: {{message}}",
  "status": "{{status}}",
  "event": "{{event}}",
  "failed": [{{#failed}}{"name": "{{name}}", "stage": "{{stage}}"}{{^last}}, {{/last}}{{/failed}}],
  "count": {{failed_count}},
  "broken": {{is_failure}},
  "links": {"run": "{{run_url}}", "logs": "{{log_url}}"},
  "where": "{{runner}} {{ref}} {{short_sha}}"
}
`;

describe('e2e: templates from dist/', () => {
  it('sends the JSON the payload-template (file) says, and the Discord content the message-template says', async () => {
    receiver = await startReceiver({
      paths: { [`/api/v10/webhooks/111/${TOKEN}`]: { status: 200, body: { id: '1300000000000000001' } } },
      fallback: { status: 204 },
    });
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'jba-tpl-ws-'));
    writeFileSync(path.join(workspace, 'hook.json'), PAYLOAD);
    const run = await runAction({
      inputs: {
        packages: 'numpy torchvision',
        multiple: 'true',
        'skip-errors': 'true',
        'upload-logs': 'false',
        'discord-webhook-url': `${receiver.url}/api/webhooks/111/${TOKEN}`,
        'message-template':
          '🔔 {{event}}: {{status}} · {{failed_packages}} ({{failed_count}}/{{package_count}})',
        webhooks: `- url: ${receiver.url}/hooks/jetson\n  payload-template-file: hook.json`,
      },
      env: { FAKE_JC_FAIL_STAGE: 'torchvision', GITHUB_WORKSPACE: workspace },
      skipPost: true,
    });
    expect(run.main.code).toBe(1);
    expect(receiver.requests).toHaveLength(2);

    const generic = receiver.requests.find((r) => r.path === '/hooks/jetson');
    expect(generic?.headers['content-type']).toBe('application/json');
    const body = generic?.json as Record<string, unknown>;
    expect(body).toEqual({
      text:
        '❌ octo-org/jetson-images: 1 of 2 packages built; torchvision failed in stage torchvision (build 9/9): ' +
        'E: Unable to locate package foo (RUN /tmp/build.sh, exit code: 100); jetson-containers itself exited 0.',
      status: 'failure',
      event: 'jetson.build.finished',
      failed: [{ name: 'torchvision', stage: 'torchvision' }],
      count: 1,
      broken: true,
      links: { run: RUN_URL, logs: RUN_URL },
      where: 'orin-agx-01 refs/heads/main 0123456',
    });

    const discord = receiver.requests.find((r) => r.path.startsWith('/api/v10/webhooks/'));
    const message = (discord?.json ?? discord?.multipart?.payloadJson) as {
      content: string;
      embeds: unknown[];
    };
    expect(message.content).toBe('🔔 jetson.build.finished: failure · torchvision (1/2)');
    expect(message.embeds).toHaveLength(1);
  });

  it('fails the step at start on a bad template: the message, no build, nothing sent', async () => {
    receiver = await startReceiver({ fallback: { status: 204 } });
    const { tool, mark } = markingTool();
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'jetson-containers': tool,
        'upload-logs': 'false',
        'webhook-url': `${receiver.url}/hooks/jetson`,
        'payload-template': '{\n  "status": "{{status}}",\n  "who": "{{stauts}}"\n}',
      },
      skipPost: true,
    });
    expect(run.main.code).toBe(1);
    expect(run.main.stdout).toContain(
      `::error::Input 'payload-template' has an invalid value "  \\"who\\": \\"{{stauts}}\\"": a template naming ` +
        'known fields; "stauts" at line 3, column 11 is not one (did you mean "status"?)',
    );
    expect(existsSync(mark)).toBe(false);
    expect(receiver.requests).toHaveLength(0);
  });
});
