// `npm run screenshots` (scripts/screenshots.mjs): the README's pictures come from what the bundled action sends
// for the demo's builds. Shot for real when a Chromium is installed; without one the script says so and exits 0.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/action-runner.js';

const SCRIPT = path.join(ROOT, 'scripts', 'screenshots.mjs');
const chromium = spawnSync(process.execPath, [SCRIPT, '--which'], { encoding: 'utf8' }).stdout.trim();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-shots-'));
  dirs.push(dir);
  return dir;
}

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 80_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('npm run screenshots', () => {
  it('without a Chromium, says so in one line and exits 0; --require makes that exit 1', async () => {
    // An empty PATH: no chromium, chromium-browser or google-chrome to find.
    const env = { PATH: tempDir(), HOME: os.homedir() };
    const skipped = await run([], env);
    expect(skipped.code).toBe(0);
    expect(skipped.out).toBe(
      'screenshots: no Chromium found (set CHROMIUM, or put one of chromium, chromium-browser, google-chrome, ' +
        'google-chrome-stable on the PATH); skipping (nothing rendered).\n',
    );
    expect(skipped.err).toBe('');
    const required = await run(['--require'], env);
    expect(required.code).toBe(1);
    expect(required.out).toContain('no Chromium found');
    expect(required.out).toContain('failing');
  });

  it('names a CHROMIUM that is not an executable and fails, even without --require', async () => {
    const missing = path.join(tempDir(), 'chrome');
    const r = await run([], { PATH: tempDir(), HOME: os.homedir(), CHROMIUM: missing });
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `screenshots: CHROMIUM=${missing} is not an executable file; failing (nothing rendered).\n`,
    );
  });

  const why = chromium ? `with ${chromium}` : 'SKIPPED: no Chromium on this machine (set CHROMIUM to run it)';
  it.skipIf(!chromium)(
    `shoots the demo's Discord messages and job summary as PNGs (${why})`,
    async () => {
      const out = tempDir();
      const html = tempDir();
      const r = await run(['--require', '--out', out, '--html', html], process.env);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);

      // Device scale 2: a 640 px Discord column, a 1180 px summary page; heights follow the content.
      const failure = pngSize(path.join(out, 'discord-failure.png'));
      const success = pngSize(path.join(out, 'discord-success.png'));
      const summary = pngSize(path.join(out, 'job-summary.png'));
      expect([failure.width, success.width, summary.width]).toEqual([1280, 1280, 2360]);
      expect(success.height).toBeGreaterThan(300);
      expect(success.height).toBeLessThan(800);
      expect(failure.height).toBeGreaterThan(success.height + 400);
      expect(failure.height).toBeLessThan(2000);
      expect(summary.height).toBeGreaterThan(2000);
      expect(summary.height).toBeLessThan(4400);

      const failed = readFileSync(path.join(html, 'discord-failure.html'), 'utf8');
      expect(failed).toContain('border-left-color:#ff0000');
      expect(failed).toContain('❌ torchvision failed at build 9/9');
      expect(failed).toContain(
        '✅ <strong>numpy</strong> · <code>numpy:r36.4.tegra-aarch64-cu126-22.04</code>',
      );
      expect(failed).toContain('#5 12.34 E: Unable to locate package foo');
      expect(failed).toContain('-torchvision-tail.txt</div>');
      // Every mark rendered: no markdown left over as text.
      expect(failed).not.toMatch(/\*\*|```|\]\(/);

      const built = readFileSync(path.join(html, 'discord-success.html'), 'utf8');
      expect(built).toContain('border-left-color:#00ff00');
      expect(built).toMatch(/✅ numpy built in \d+s/);
      expect(built).toContain('<code>myuser/numpy:r36.4.tegra-aarch64-cu126-22.04</code>');

      const page = readFileSync(path.join(html, 'job-summary.html'), 'utf8');
      expect(page).toContain('<h2>❌ Jetson Containers Build Failure</h2>');
      expect(page).toContain('<td>❌ failure</td><td>torchvision</td>');
      expect(page).toContain('<td>L4T_VERSION</td><td>36.4.4</td>');
      expect(page).toContain('<pre><code>jetson-containers build --multiple --skip-errors');
      expect(page).not.toMatch(/\| --- \||\*\*|```/);
      // The machine's temp folder is shown as a runner's.
      expect(page).toContain('/home/nvidia/actions-runner/_work/_temp/jetson-build-logs/');
      expect(page).not.toContain(os.tmpdir() + '/jetson-build-demo-');
    },
    90_000,
  );
});
