// notify-on change, issue 11 follow-up: a GitHub API that answers with something that is no workflow run was
// reached — the warning says its answer was not understood, not that it could not be reached.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { previousRunChange } from '../../src/runner/github.js';

const servers: http.Server[] = [];
const saved = { NO_PROXY: process.env.NO_PROXY, no_proxy: process.env.no_proxy };
// The loopback double is never reached through a proxy the machine may have.
beforeAll(() => Object.assign(process.env, { NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' }));
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});
afterEach(() => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

async function api(list: unknown): Promise<string> {
  const server = http.createServer((req, res) => {
    const body = (req.url ?? '').includes('/actions/runs/4242')
      ? {
          id: 4242,
          run_number: 42,
          workflow_id: 7,
          head_branch: 'main',
          status: 'in_progress',
          conclusion: null,
        }
      : list;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

type Ctx = NonNullable<Parameters<typeof previousRunChange>[2]>['ctx'];

/** @actions/github's context for run 4242 of octo-org/jetson-images, asking `apiUrl`. */
function ctx(apiUrl: string): Ctx {
  return {
    repo: { owner: 'octo-org', repo: 'jetson-images' },
    runId: 4242,
    runAttempt: 1,
    sha: '0123456789abcdef0123456789abcdef01234567',
    ref: 'refs/heads/main',
    eventName: 'push',
    payload: {},
    apiUrl,
  } as never;
}

describe('notify-on change: an answer that is not understood', () => {
  it('a run without an id: says the answer was not understood, not that the server was unreachable', async () => {
    const url = await api({ workflow_runs: [{ id: '1', conclusion: 'failure' }] });
    const answer = await previousRunChange('failure', 'ghs_tokenAbCdEfGhIjKlMnOp', { ctx: ctx(url) });
    expect(answer.change).toBe('unknown');
    expect(answer.warning).toBe(
      `notify-on change: could not read the previous run (the answer from ${url} was not understood: a workflow run without an id); notifying as always.`,
    );
  });

  it('a list without workflow_runs: the same words', async () => {
    const url = await api({ runs: [] });
    const answer = await previousRunChange('failure', 'ghs_tokenAbCdEfGhIjKlMnOp', { ctx: ctx(url) });
    expect(answer.warning).toBe(
      `notify-on change: could not read the previous run (the answer from ${url} was not understood: the list of runs has no workflow_runs); notifying as always.`,
    );
  });
});
