// Settings: inputs → typed settings, the argv (never a shell string), and the child's environment.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeMatrix, parseLabels } from '../../src/runner/context.js';
import { InputError } from '../../src/runner/errors.js';
import {
  buildArgv,
  childEnv,
  readBuildSettings,
  readLogSettings,
  readSettings,
  shellQuote,
} from '../../src/action/settings.js';

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

  // Issue 8 item 4: anything that reaches the job log outside the ::stop-commands:: fence must be one line.
  it.each([
    ['log-dir', { 'log-dir': 'logs\n::warning title=X::y' }, '"logs\\n::warning title=X::y"'],
    ['log-dir', { 'log-dir': 'x\r::add-mask::numpy' }, '"x\\r::add-mask::numpy"'],
    ['log-dir', { 'log-dir': 'logs\u0000x' }, '"logs\\u0000x"'],
    ['log-dir', { 'log-dir': 'logs\u001b[31mred' }, '"logs\\u001b[31mred"'],
    ['working-directory', { 'working-directory': '.\n::warning::w' }, '".\\n::warning::w"'],
    ['working-directory', { 'working-directory': '.\r::warning::w' }, '".\\r::warning::w"'],
    [
      'extra-args',
      { 'extra-args': '--x=\u001b]8;;http://evil\u0007' },
      '"--x=\\u001b]8;;http://evil\\u0007"',
    ],
    ['extra-args', { 'extra-args': '--x=\u0000' }, '"--x=\\u0000"'],
    ['name', { name: 'a\rb' }, '"a\\rb"'],
    ['base', { base: 'img\u001b[2J' }, '"img\\u001b[2J"'],
    ['push', { push: 'me\u0085' }, '"me\\u0085"'],
    ['build-flags', { 'build-flags': '--no-cache\u2028::warning::x' }, '"--no-cache\\u2028::warning::x"'],
    ['build-args', { 'build-args': 'A:1\u007f' }, '"A:1\\u007f"'],
    ['skip-tests', { 'skip-tests': 'all\u0000' }, '"all\\u0000"'],
    ['jetson-containers', { 'jetson-containers': './jc\u001b' }, '"./jc\\u001b"'],
    ['runner-labels', { 'runner-labels': 'self-hosted, jetson\u001b[31m' }, '"jetson\\u001b[31m"'],
  ])(
    'rejects %s holding a control character, naming the input and showing the value escaped',
    (name, values, shown) => {
      let err: unknown;
      try {
        readSettings(inputs({ packages: 'numpy', ...values }), env);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      const message = (err as Error).message;
      expect(message).toContain(`Input '${name}' has an invalid value ${shown}: `);
      expect(message).toMatch(/control characters/);
      // The message itself is one printable line: it goes to the job log too.
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    },
  );

  it('rejects an artifact-name holding a control character', () => {
    expect(() => readLogSettings(inputs({ 'artifact-name': 'logs\u001b[31m' }))).toThrow(
      `Input 'artifact-name' has an invalid value "logs\\u001b[31m": `,
    );
  });

  it('splits extra-args on CRLF, CR and LF alike, and keeps tabs inside an argument', () => {
    const s = readBuildSettings(
      inputs({ packages: 'numpy', 'extra-args': '--a\r\n--b\r--c\n--d=x\ty' }),
      env,
    );
    expect(s.extraArgs).toEqual(['--a', '--b', '--c', '--d=x\ty']);
    // A lone CR used to stay inside one argument and start a new job-log line in the `Running …` line.
    const lone = readBuildSettings(
      inputs({ packages: 'numpy', 'extra-args': '--verbose\r::warning::x' }),
      env,
    );
    expect(lone.extraArgs).toEqual(['--verbose', '::warning::x']);
    expect(buildArgv(lone).display).not.toMatch(/[\r\n]/);
  });

  it('accepts tabs and line breaks where they separate values (packages, runner-labels)', () => {
    const s = readSettings(
      inputs({ packages: 'numpy\r\ncmake\tpython', 'runner-labels': 'self-hosted\r\njetson\torin' }),
      env,
    );
    expect(s.build.packages).toEqual(['numpy', 'cmake', 'python']);
  });

  it('never puts a raw control character in an InputError message, whatever the input name or value', () => {
    const err = new InputError(
      'webhooks[0].headers.X\r\n::warning::k',
      'v\u2029\u0085\u007f\u001b\r',
      'text\n::x::',
    );
    expect(err.message).toBe(
      `Input 'webhooks[0].headers.X\\r\\n::warning::k' has an invalid value "v\\u2029\\u0085\\u007f\\u001b\\r": text\\n::x::`,
    );
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
    const e = childEnv(
      {
        PATH: '/bin',
        JETSON_BUILD_ACTION_ID: 'from-an-outer-build',
        GITHUB_OUTPUT: '/runner/_temp/_runner_file_commands/set_output_1',
        GITHUB_ENV: '/runner/_temp/_runner_file_commands/set_env_1',
        GITHUB_PATH: '/runner/_temp/_runner_file_commands/add_path_1',
        GITHUB_STATE: '/runner/_temp/_runner_file_commands/save_state_1',
        GITHUB_STEP_SUMMARY: '/runner/_temp/_runner_file_commands/step_summary_1',
        GITHUB_WORKSPACE: '/ws',
        'INPUT_DISCORD-WEBHOOK-URL': 'https://discord.com/api/webhooks/1/secret',
        ACTIONS_RUNTIME_TOKEN: 'tok',
        JC_BUILD_SUCCESS_WEBHOOK_URL: 'x',
        JC_BUILD_FAILURE_WEBHOOK_URL: 'y',
        WEBHOOK_URL: 'z',
        BUILDKIT_PROGRESS: 'tty',
      },
      '0123456789abcdef0123456789abcdef',
    );
    // No runner file commands: the build cannot set outputs, env or PATH for later steps, nor post's state.
    expect(e).toEqual({
      JETSON_BUILD_ACTION_ID: '0123456789abcdef0123456789abcdef',
      PATH: '/bin',
      GITHUB_WORKSPACE: '/ws',
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
