// `payload-template-file`: a regular file whose real path is inside the real workspace, read through one
// descriptor and bounded there (a /proc file says size 0), UTF-8 text; no error message shows its text.
import { accessSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => undefined }));

import { resolveNotifySettings } from '../../src/notify/targets.js';
import { resetSecretsForTest } from '../../src/runner/secrets.js';

const GENERIC = 'https://hooks.example.com/notify';
const OUTSIDE_TEXT = 'root:x:0:0:root:/root:/bin/bash';

beforeEach(() => resetSecretsForTest());

/** A workspace and, next to it, a folder outside it holding a file whose text must never be shown. */
function layout(): { ws: string; outside: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'tplfile-'));
  const ws = path.join(root, 'ws');
  const outside = path.join(root, 'outside');
  mkdirSync(ws);
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'passwd'), `${OUTSIDE_TEXT}\n`);
  writeFileSync(path.join(outside, 'ok.json'), '{"s": "{{status}}"}\n');
  return { ws, outside };
}

function read(file: string, workspace: string): string | null {
  const settings = resolveNotifySettings(
    (name) => ({ 'webhook-url': GENERIC, 'payload-template-file': file })[name] ?? '',
    { GITHUB_WORKSPACE: workspace },
  );
  return settings.targets[0]?.templates.payload ?? null;
}

function error(file: string, workspace: string): string {
  try {
    read(file, workspace);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('no error');
}

describe('payload-template-file stays in the workspace', () => {
  it('refuses a link in the workspace to a file outside it, and shows nothing of that file', () => {
    const { ws, outside } = layout();
    symlinkSync(path.join(outside, 'passwd'), path.join(ws, 'notify.json'));
    const msg = error('notify.json', ws);
    expect(msg).toBe(
      `Input 'payload-template-file' has an invalid value "notify.json": a file inside the workspace (${ws}); it leads outside it`,
    );
    expect(msg).not.toContain('root:');
  });

  it('refuses a file under a linked folder that leads outside (O_NOFOLLOW alone would not)', () => {
    const { ws, outside } = layout();
    symlinkSync(outside, path.join(ws, 'hooks'));
    expect(error('hooks/ok.json', ws)).toBe(
      `Input 'payload-template-file' has an invalid value "hooks/ok.json": a file inside the workspace (${ws}); it leads outside it`,
    );
  });

  it('takes a workspace that is itself a link, and a link that stays inside it', () => {
    const { ws } = layout();
    mkdirSync(path.join(ws, 'hooks'));
    writeFileSync(path.join(ws, 'hooks', 'real.json'), '{"s": "{{status}}"}');
    symlinkSync('hooks/real.json', path.join(ws, 'notify.json'));
    const linkedWs = `${ws}-link`;
    symlinkSync(ws, linkedWs);
    expect(read('notify.json', linkedWs)).toBe('{"s": "{{status}}"}');
    expect(read('hooks/real.json', ws)).toBe('{"s": "{{status}}"}');
  });

  it('refuses a FIFO without blocking on it', () => {
    const { ws } = layout();
    execFileSync('mkfifo', [path.join(ws, 'fifo.json')]);
    expect(error('fifo.json', ws)).toBe(
      `Input 'payload-template-file' has an invalid value "fifo.json": a file (this is not a regular file)`,
    );
  });

  it.skipIf(!canRead('/proc/kallsyms'))(
    'bounds what it reads by the bytes read, not the size the file claims (a /proc file says 0)',
    () => {
      expect(error('kallsyms', '/proc')).toBe(
        `Input 'payload-template-file' has an invalid value "kallsyms": a file of at most 256 KiB (it has more)`,
      );
    },
  );

  it('refuses bytes that are not UTF-8 text', () => {
    const { ws } = layout();
    writeFileSync(
      path.join(ws, 'bad.json'),
      Buffer.from([0x7b, 0x22, 0x73, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    );
    expect(error('bad.json', ws)).toBe(
      `Input 'payload-template-file' has an invalid value "bad.json": UTF-8 text (the file holds bytes that are not UTF-8)`,
    );
  });

  it('a template error in a file shows the path and the line and column, never the file text', () => {
    const { ws } = layout();
    writeFileSync(path.join(ws, 'hook.json'), `${OUTSIDE_TEXT}\n`);
    const msg = error('hook.json', ws);
    expect(msg).toBe(
      `Input 'payload-template-file' has an invalid value "hook.json": a template that renders JSON; for the ` +
        'sample report it renders invalid JSON at line 1, column 1: a value is expected here',
    );
    expect(realpathSync(ws)).toBeTruthy();
  });
});

function canRead(file: string): boolean {
  try {
    accessSync(file);
    return true;
  } catch {
    return false;
  }
}
