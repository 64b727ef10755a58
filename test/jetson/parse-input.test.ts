// Pins how the parser reads its input: the header (Namespace dump, environment box, command line, usage and
// startup errors), colours, CRLF, bad bytes and very long lines, and the images of done and push lines.
import { describe, expect, it } from 'vitest';
import {
  BuildStreamParser,
  parseNamespace,
  stripAnsi,
  type ParseResult,
} from '../../src/jetson/parse/index.js';

function parse(text: string | Buffer, split = 0): ParseResult {
  const p = new BuildStreamParser({ now: () => new Date(0) });
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const size = split || bytes.length;
  for (let pos = 0; pos < bytes.length; pos += size) p.write(bytes.subarray(pos, pos + size));
  p.end();
  return p.result();
}

describe('the Namespace dump', () => {
  it('reads Python reprs: escapes, both quotes, lists of atoms, nested dicts, True/False/None', () => {
    expect(
      parseNamespace(
        String.raw`Namespace(a='x\'y\\z\n\t', b="d'q", c=[1, None, 'p, q'], d={'k': {'n': 1}, 'j': 2}, e=False, f=None, g= 7 , h=[])`,
      ),
    ).toEqual({
      a: "x'y\\z\n\t",
      b: "d'q",
      c: ['1', 'None', 'p, q'],
      d: null,
      e: false,
      f: null,
      g: '7',
      h: [],
    });
  });

  it('is null without `Namespace(`, and stops at a truncated end', () => {
    expect(parseNamespace("args(packages=['a'])")).toBeNull();
    expect(parseNamespace("prefix Namespace(packages=['a', 'b")).toEqual({ packages: ['a', 'b'] });
    expect(parseNamespace("Namespace(name='abc")).toEqual({ name: 'abc' });
    expect(parseNamespace('Namespace(x')).toEqual({});
    expect(parseNamespace('Namespace()')).toEqual({});
    expect(parseNamespace("Namespace(a='x\\")).toEqual({ a: 'x\\' });
    expect(parseNamespace('Namespace(p=[1, ), q=[ ], r=[2')).toEqual({ p: ['1'], q: [], r: ['2'] });
    expect(parseNamespace('Namespace(d={{}, e=1)')).toEqual({ d: null });
  });

  it('gives the tool arguments; skip_tests as a list, a separated string, or empty', () => {
    const args = (ns: string) => parse(`${ns}\n[10:00:00] BUILDING ['a']\n`).args;
    expect(
      args(
        "Namespace(packages=['a', 'b'], name='n', base='img:1', multiple=True, skip_errors=False, skip_tests=['', 'all'], push='me', log_dir='/l', simulate=True)",
      ),
    ).toEqual({
      packages: ['a', 'b'],
      name: 'n',
      base: 'img:1',
      multiple: true,
      skipErrors: false,
      skipTests: ['all'],
      push: 'me',
      logDir: '/l',
      simulate: true,
    });
    expect(args("Namespace(packages='a', skip_tests='intermediate,x;y:z', multiple='yes')")).toMatchObject({
      packages: null,
      skipTests: ['intermediate', 'x', 'y', 'z'],
      multiple: null,
      name: null,
    });
    expect(args("Namespace(skip_tests='')")?.skipTests).toEqual([]);
    expect(args('Namespace(skip_tests=None)')?.skipTests).toBeNull();
    expect(args('Namespace(multiple=True)')).toMatchObject({ packages: null, multiple: true });
  });

  it('a dump longer than a log line (thousands of packages) is read whole', () => {
    const pkgs = Array.from({ length: 5000 }, (_, i) => `package-number-${i}`);
    const ns = `Namespace(packages=[${pkgs.map((p) => `'${p}'`).join(', ')}], multiple=True)`;
    expect(ns.length).toBeGreaterThan(64 * 1024);
    for (const split of [0, 4096]) expect(parse(`\n${ns}\n`, split).args?.packages).toEqual(pkgs);
  });
});

describe('the header', () => {
  it('reads the environment box, with either box character, and the command line', () => {
    const r = parse(
      [
        '┌───────────────────────┬────────────────────────┐',
        '│ L4T_VERSION   36.4.4  │ JETPACK_VERSION  6.2.1 │',
        '| CUDA_VERSION  12.6    | PYTHON_VERSION   3.10  |',
        '│ SYSTEM_ARCH   aarch64 │ LSB_RELEASE      22.04 │',
        '│ CUDA_ARCH     87│',
        'L4T_VERSION',
        '└───────────────────────┴────────────────────────┘',
        '  $ jetson-containers build --name x numpy  ',
        "[10:00:00] BUILDING ['numpy']",
        '│ CUDA_ARCH 99 │',
        '$ jetson-containers later',
      ].join('\n') + '\n',
    );
    expect(r.environment).toEqual({
      L4T_VERSION: '36.4.4',
      JETPACK_VERSION: '6.2.1',
      CUDA_VERSION: '12.6',
      PYTHON_VERSION: '3.10',
      SYSTEM_ARCH: 'aarch64',
      LSB_RELEASE: '22.04',
      CUDA_ARCH: '87',
    });
    expect(r.commandLine).toBe('jetson-containers build --name x numpy');
    expect(r.colors).toBe(false);
  });

  it('caps the command line at 1000 characters', () => {
    const r = parse(`$ jetson-containers ${'p '.repeat(600)}\n`);
    expect(r.commandLine).toBe(`jetson-containers ${'p '.repeat(600)}`.trim().slice(0, 999) + '…');
  });

  it('keeps at most 60 usage lines, then the argparse error', () => {
    const usage = ['usage: build.py [-h]', ...Array.from({ length: 70 }, (_, i) => `   [--opt${i} X]`)];
    const r = parse(
      [...usage, 'error: the following arguments are required: packages', 'later text'].join('\n'),
    );
    expect(r.usage).toHaveLength(60);
    expect(r.usage[0]).toBe('usage: build.py [-h]');
    expect(r.usage[59]).toBe('   [--opt58 X]');
    expect(r.usageError).toBe('error: the following arguments are required: packages');
  });

  it('usage text: blank lines left out, nothing after the error', () => {
    const r = parse('usage: build.py [-h]\n\n   [--x X]\nbuild.py: error: bad\nlater text\n');
    expect(r.usage).toEqual(['usage: build.py [-h]', '   [--x X]', 'build.py: error: bad']);
    expect(r.usageError).toBe('error: bad');
  });

  it('an `error:` line without usage text is no usage error', () => {
    const r = parse('build.py: error: something\n');
    expect(r.usageError).toBeNull();
    expect(r.usage).toEqual([]);
  });

  it('the startup error is the traceback’s last unindented exception line', () => {
    const r = parse(
      [
        'ValueError: before any traceback',
        'Traceback (most recent call last):',
        '  File "build.py", line 3, in <module>',
        '    raise KeyError("indented")',
        'KeyError: indented',
        'jetson_containers.packages.PackageError: no such package',
        'not an exception',
      ].join('\n') + '\n',
    );
    expect(r.startupError).toBe('jetson_containers.packages.PackageError: no such package');
    expect(r.colors).toBeNull();
  });

  it('the header ends after the line that passes 256 KiB', () => {
    const noise = 'n'.repeat(1023) + '\n';
    const ns = (n: number) => `Namespace(packages=['p${n}'])\n`;
    // 256 lines of 1 KiB fill the header exactly; the 257th passes it and is still read.
    expect(parse(noise.repeat(256) + ns(257) + ns(258)).args?.packages).toEqual(['p257']);
    expect(parse(noise.repeat(257) + ns(258)).args).toBeNull();
  });

  it('a header that never ends is left after 256 KiB; log lines after it are found', () => {
    const noise = 'n'.repeat(1023) + '\n';
    const text =
      noise.repeat(300) + "[10:00:00] BUILDING ['a']\n[10:00:00] done ✅ `jetson-containers build a` (a:1)\n";
    for (const split of [0, 1000]) {
      const r = parse(text, split);
      expect(r.chains.map((c) => `${c.target} ${c.status}`)).toEqual(['a success']);
    }
    // Within the header a long line is read whole; past it only log lines are.
    expect(parse(`${'x'.repeat(300 * 1024)}\n[10:00:00] BUILDING ['b']\n`).chains[0]?.target).toBe('b');
  });
});

describe('colours and line ends', () => {
  it('strips CSI, OSC and two-byte escape sequences', () => {
    expect(stripAnsi('\x1b[1;31mred\x1b[0m plain')).toBe('red plain');
    expect(stripAnsi('\x1b]8;;http://x\x07link\x1b]8;;\x07 \x1b]0;title\x1b\\t')).toBe('link t');
    expect(stripAnsi('\x1bMup\x1b_')).toBe('up');
    expect(stripAnsi('no escapes [1m')).toBe('no escapes [1m');
  });

  it('finds coloured log lines after the header, behind up to 8 escape codes', () => {
    const codes = (n: number) => '\x1b[0m'.repeat(n);
    const r = parse(
      [
        `\x1b[90m[10:00:00]\x1b[39m BUILDING ['a']`,
        `${codes(8)}[10:00:00] BUILDING ['b']`,
        `${codes(9)}[10:00:00] BUILDING ['c']`,
        `\x1b(B[10:00:00] BUILDING ['d']`,
        `\x1b[1m\x1b[22m[10:00:00] BUILDING ['e']`,
      ].join('\n') + '\n',
    );
    expect(r.colors).toBe(true);
    expect(r.chains.map((c) => c.target)).toEqual(['a', 'b', 'e']);
  });

  it('without colour, only lines that start with a timestamp are log lines', () => {
    const r = parse(
      [
        "[10:00:00] BUILDING ['a']",
        'plain',
        "\x1b[90m[10:00:00] BUILDING ['b']",
        " [10:00:00] BUILDING ['c']",
        "[1:00:00] BUILDING ['d']",
        "[10:00:0x] BUILDING ['e']",
        "[10:00:00]BUILDING ['f']",
      ].join('\n') + '\n',
    );
    expect(r.colors).toBe(false);
    expect(r.chains.map((c) => c.target)).toEqual(['a', 'f']);
  });

  it('CRLF and bare CR line ends, and invalid UTF-8, do not hide records', () => {
    const text = Buffer.concat([
      Buffer.from("[10:00:00] BUILDING ['a']\r\n[10:00:00] [1/1] Building a (a:1)\r\nPushing"),
      Buffer.from([0xff, 0x0d, 0x0a]),
      Buffer.from(
        '[10:00:01] done ✅ `jetson-containers build a` (a:1)\r\n' +
          '[10:00:01] done ⏱️  Total build time: 12.5 seconds (0.2 minutes)\r\n',
      ),
    ]);
    const r = parse(text, 3);
    expect(r.chains[0]).toMatchObject({ target: 'a', status: 'success', image: 'a:1' });
    expect(r.stages[0]).toMatchObject({ name: 'a', image: 'a:1', status: 'success' });
    expect(r.toolBuildSeconds).toBe(12.5);
    expect(r.tail).toEqual([
      "[10:00:00] BUILDING ['a']",
      '[10:00:00] [1/1] Building a (a:1)',
      'Pushing\ufffd',
      '[10:00:01] done ✅ `jetson-containers build a` (a:1)',
      '[10:00:01] done ⏱️  Total build time: 12.5 seconds (0.2 minutes)',
    ]);
  });

  it('a log line is cut at 16 KiB; the rest of it is not read', () => {
    const r = parse(
      `[10:00:00] BUILDING ['a']\n[10:00:00] error Failed building:  ${'b'.repeat(20_000)}, c\n`,
      5000,
    );
    const line = `[10:00:00] error Failed building:  `;
    expect(r.failedBuilding).toEqual(['b'.repeat(16 * 1024 - line.length)]);
  });

  it('the tail holds the last 40 lines of up to 300 characters', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `line ${i + 1}`);
    lines[59] = 'z'.repeat(400);
    const r = parse(lines.join('\n') + '\n');
    expect(r.tail).toHaveLength(40);
    expect(r.tail[0]).toBe('line 21');
    expect(r.tail[39]).toBe('z'.repeat(299) + '…');
    expect(r.bytes).toBe(Buffer.byteLength(lines.join('\n') + '\n'));
  });

  it('the tail is the last 64 KiB: a huge last line leaves only its end', () => {
    const r = parse(`first\n${'q'.repeat(100 * 1024)}\nlast`);
    // The ring's first line is a fragment of a longer one: it is left out.
    expect(r.tail).toEqual(['last']);
    expect(parse(`first\n${'q'.repeat(60 * 1024)}\nlast`).tail).toEqual([
      'first',
      'q'.repeat(299) + '…',
      'last',
    ]);
    // Output that is one line longer than the ring still shows its end.
    expect(parse('q'.repeat(100 * 1024)).tail).toEqual(['q'.repeat(299) + '…']);
  });
});

describe('the stream', () => {
  it('ignores writes after the end and empty chunks', () => {
    const p = new BuildStreamParser({ now: () => new Date(0) });
    p.write(Buffer.from("[10:00:00] BUILDING ['a']\n"));
    expect(p.write(Buffer.alloc(0))).toEqual([]);
    p.write(Buffer.from("[10:00:00] BUILDING ['b']\n[10:00:00] [1/1] Building b"));
    expect(p.end().length).toBe(1);
    expect(p.end()).toEqual([]);
    expect(p.write(Buffer.from("\n[10:00:00] BUILDING ['c']\n"))).toEqual([]);
    const r = p.result();
    expect(r.chains.map((c) => c.target)).toEqual(['a', 'b']);
    expect(r.stages.map((s) => s.name)).toEqual(['b']);
    expect(r.bytes).toBe(79);
  });

  it('the `Error:` line must follow the 💣 line right away', () => {
    const r = parse(
      [
        "[10:00:00] BUILDING ['a']",
        '[10:00:01] warn 💣 `jetson-containers build` failed after 1.0 seconds (0.0 minutes)',
        '[10:00:01] warn something else',
        '[10:00:01] warn Error: late',
      ].join('\n') + '\n',
    );
    expect(r.failures[0]).toMatchObject({ rawError: null, error: null });
  });
});

describe('done and push lines', () => {
  it('a pushed chain keeps its local image and the pushed one', () => {
    const r = parse(
      [
        "[10:00:00] BUILDING ['numpy']",
        '[10:00:00] Pushing runner/numpy:r36',
        '[10:00:00] Pushing myuser/numpy:r36',
        '[10:00:01] done Pushed container myuser/numpy:r36',
        '[10:00:01] done ✅ `jetson-containers build numpy` (myuser/numpy:r36)',
        "[10:00:02] BUILDING ['other']",
        '[10:00:03] done ✅ `jetson-containers build other` (other:r36)',
      ].join('\n') + '\n',
    );
    expect(r.chains.map((c) => [c.target, c.image, c.pushedImage, c.builtName])).toEqual([
      ['numpy', 'runner/numpy:r36', 'myuser/numpy:r36', 'numpy'],
      ['other', 'other:r36', null, 'other'],
    ]);
    expect(r.pushed).toEqual(['myuser/numpy:r36']);
  });

  it('a done line after the chain ended changes nothing but the done list', () => {
    const r = parse(
      [
        "[10:00:00] BUILDING ['a']",
        '[10:00:01] done ✅ `jetson-containers build a` (a:1)',
        '[10:00:01] done ✅ `jetson-containers build a2` (a:2)',
        '[10:00:01] warn 💣 `jetson-containers build` failed after 1.0 seconds (0.0 minutes)',
      ].join('\n') + '\n',
    );
    expect(r.chains[0]).toMatchObject({ status: 'success', image: 'a:1', builtName: 'a', failure: null });
    expect(r.done).toEqual([
      { name: 'a', image: 'a:1' },
      { name: 'a2', image: 'a:2' },
    ]);
    expect(r.failures[0]).toMatchObject({ chain: null, target: null, phase: 'resolve' });
  });

  it('each chain names its own local image before the push', () => {
    const r = parse(
      [
        '[10:00:00] done Pushed container me/stray:1',
        "[10:00:00] BUILDING ['a']",
        '[10:00:00] Pushing local/a:1',
        "[10:00:01] BUILDING ['b']",
        '[10:00:01] Pushing local/b:1',
        '[10:00:01] Pushing me/b:1',
        '[10:00:02] done Pushed container me/b:1',
        '[10:00:02] done ✅ `jetson-containers build b` (me/b:1)',
      ].join('\n') + '\n',
    );
    expect(r.chains.map((c) => [c.target, c.image, c.pushedImage])).toEqual([
      ['a', null, null],
      ['b', 'local/b:1', 'me/b:1'],
    ]);
    expect(r.pushed).toEqual(['me/stray:1', 'me/b:1']);
  });

  it('the local image replaces the done image only when the done line names the pushed one', () => {
    const image = (lines: string[]) =>
      parse(["[10:00:00] BUILDING ['c']", ...lines].join('\n') + '\n').chains[0]?.image;
    const done = (img: string) => `[10:00:01] done ✅ \`jetson-containers build c\` (${img})`;
    expect(image(['[10:00:00] Pushing local/c:1', done('c:1')])).toBe('c:1');
    expect(
      image(['[10:00:00] Pushing local/c:1', '[10:00:00] done Pushed container me/c:1', done('c:other')]),
    ).toBe('c:other');
    expect(image(['[10:00:00] done Pushed container me/c:1', done('me/c:1')])).toBe('me/c:1');
    expect(
      image(['[10:00:00] Pushing local/c:1', '[10:00:00] done Pushed container me/c:1', done('me/c:1')]),
    ).toBe('local/c:1');
  });

  it('upstream’s failure line without the 💣 is a failure too', () => {
    const r = parse(
      "[10:00:00] BUILDING ['a']\n[10:00:01] warn `jetson-containers build` failed after 3.0 seconds\n",
    );
    expect(r.failures).toHaveLength(1);
    expect(r.chains[0]?.status).toBe('failure');
  });

  it('ignores `BUILDING` without a list and an empty list', () => {
    const r = parse("[10:00:00] BUILDING numpy\n[10:00:00] BUILDING []\n[10:00:00] BUILDING  ['a']\n");
    expect(r.chains.map((c) => c.packages)).toEqual([['a']]);
  });
});
