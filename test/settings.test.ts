// Settings: inputs → typed settings, the argv (never a shell string), and the child's environment.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeMatrix, parseLabels } from '../src/context.js';
import { buildArgv, childEnv, readBuildSettings, readLogSettings, shellQuote } from '../src/settings.js';

const ws = mkdtempSync(path.join(os.tmpdir(), 'jba-settings-'));
const env = { GITHUB_WORKSPACE: ws, RUNNER_TEMP: ws, GITHUB_JOB: 'build' };
const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('settings', () => {
  it('builds the argv with --flag=value so values that start with "-" stay values', () => {
    const s = readBuildSettings(
      inputs({
        packages: 'pytorch:2.8, torchvision\nros:humble*',
        multiple: 'true',
        'skip-errors': 'true',
        name: 'runner/',
        push: 'myuser',
        'build-flags': '--no-cache --pull',
        'build-args': 'A:1,B:2',
        'skip-tests': 'intermediate',
        'extra-args': '--verbose\n\n--skip-packages=cuda',
        'log-dir': 'logs',
      }),
      env,
    );
    const argv = buildArgv(s);
    expect(argv.command).toBe('jetson-containers');
    expect(argv.args).toEqual([
      'build',
      '--name=runner/',
      '--multiple',
      '--skip-errors',
      '--skip-tests=intermediate',
      '--push=myuser',
      '--build-flags=--no-cache --pull',
      '--build-args=A:1,B:2',
      `--logs=${path.join(ws, 'logs')}`,
      '--verbose',
      '--skip-packages=cuda',
      'pytorch:2.8',
      'torchvision',
      'ros:humble*',
    ]);
    expect(argv.display).toContain(`'--build-flags=--no-cache --pull'`);
    expect(argv.display).toContain(`'ros:humble*'`);
  });

  it('does not pass "build" to a clone build.sh, and resolves a relative path against the working directory', () => {
    const s = readBuildSettings(inputs({ packages: 'numpy', 'jetson-containers': './jc/build.sh' }), env);
    expect(s.command).toBe(path.join(ws, 'jc', 'build.sh'));
    expect(buildArgv(s).args[0]).toBe(`--logs=${s.logDir}`);
  });

  it('defaults the log dir under RUNNER_TEMP, unique per run', () => {
    const a = readBuildSettings(inputs({ packages: 'numpy' }), env);
    expect(a.logDir.startsWith(path.join(ws, 'jetson-build-logs'))).toBe(true);
    expect(a.failOnBuildError).toBe(true);
  });

  it.each([
    ['packages', { packages: '' }, /name at least one package/],
    ['packages', { packages: 'numpy $(id)' }, /Input 'packages'/],
    [
      'multiple',
      { packages: 'numpy', multiple: 'yes' },
      /Input 'multiple' has an invalid value "yes": use true or false/,
    ],
    ['skip-errors', { packages: 'numpy', 'skip-errors': 'true' }, /only works together with multiple/],
    ['name', { packages: 'numpy', name: 'a\nb' }, /Input 'name'/],
    [
      'working-directory',
      { packages: 'numpy', 'working-directory': 'nope' },
      /Input 'working-directory' .*existing directory/,
    ],
  ])('rejects a bad %s with a message naming it', (_name, values, message) => {
    expect(() => readBuildSettings(inputs(values), env)).toThrow(message);
  });

  it('validates log settings', () => {
    expect(readLogSettings(inputs({})).upload).toBe(true);
    expect(readLogSettings(inputs({ 'retention-days': '7' })).retentionDays).toBe(7);
    expect(() => readLogSettings(inputs({ 'retention-days': '91' }))).toThrow(/retention-days.*1 to 90/);
    expect(() => readLogSettings(inputs({ 'artifact-name': 'a/b' }))).toThrow(/artifact-name/);
    expect(readLogSettings(inputs({ 'upload-timeout': '2.5' })).uploadTimeoutMs).toBe(2500);
    expect(readLogSettings(inputs({})).uploadTimeoutMs).toBe(300_000);
    expect(() => readLogSettings(inputs({ 'upload-timeout': 'soon' }))).toThrow(/Input 'upload-timeout'/);
  });

  it('gives the child a CI-friendly env without our inputs, tokens or upstream webhook variables', () => {
    const e = childEnv({
      PATH: '/bin',
      'INPUT_DISCORD-WEBHOOK-URL': 'https://discord.com/api/webhooks/1/secret',
      ACTIONS_RUNTIME_TOKEN: 'tok',
      JC_BUILD_SUCCESS_WEBHOOK_URL: 'x',
      JC_BUILD_FAILURE_WEBHOOK_URL: 'y',
      WEBHOOK_URL: 'z',
      BUILDKIT_PROGRESS: 'tty',
    });
    expect(e).toEqual({
      PATH: '/bin',
      BUILDKIT_PROGRESS: 'tty',
      ANSI_COLORS_DISABLED: '1',
      PYTHONUNBUFFERED: '1',
    });
  });

  it.each([
    ['--logs=/tmp/elsewhere', /--logs is set through the 'log-dir' input/],
    ['--multiple', /--multiple is set through the 'multiple' input/],
    ['--push=me', /--push is set through the 'push' input/],
  ])('rejects extra-args %s that belongs to a dedicated input', (arg, message) => {
    expect(() =>
      readBuildSettings(inputs({ packages: 'numpy', 'extra-args': `--verbose\n${arg}` }), env),
    ).toThrow(message);
  });

  it('reads runner labels and the matrix leg', () => {
    expect(parseLabels('self-hosted, jetson\norin  orin')).toEqual(['self-hosted', 'jetson', 'orin']);
    expect(normalizeMatrix('null')).toBeNull();
    expect(normalizeMatrix('{\n  "package": "numpy"\n}')).toBe('{"package":"numpy"}');
  });

  it('quotes words for display only', () => {
    expect(shellQuote('numpy')).toBe('numpy');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});
