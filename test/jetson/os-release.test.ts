// The runner's Ubuntu release (LSB_RELEASE, which picks the Python version) is read from os-release, as
// `lsb_release -rs` itself does on Ubuntu and Debian, instead of starting that program (a Python script on a
// Jetson) on every build.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { realRunnerIO, versionIdFromOsRelease } from '../../src/jetson/environment.js';

const UBUNTU_2204 = [
  'PRETTY_NAME="Ubuntu 22.04.5 LTS"',
  'NAME="Ubuntu"',
  'VERSION_ID="22.04"',
  'VERSION="22.04.5 LTS (Jammy Jellyfish)"',
  'ID=ubuntu',
  '',
].join('\n');

describe('versionIdFromOsRelease', () => {
  it('reads VERSION_ID, quoted or not', () => {
    expect(versionIdFromOsRelease(UBUNTU_2204)).toBe('22.04');
    expect(versionIdFromOsRelease('ID=debian\nVERSION_ID=12\n')).toBe('12');
    expect(versionIdFromOsRelease("VERSION_ID='20.04'\n")).toBe('20.04');
  });

  it('gives null for a file without one (Debian testing), so lsb_release is asked', () => {
    expect(versionIdFromOsRelease('PRETTY_NAME="Debian GNU/Linux trixie/sid"\nID=debian\n')).toBeNull();
    expect(versionIdFromOsRelease('VERSION_ID=""\n')).toBeNull();
    // A key that only ends in VERSION_ID is another key.
    expect(versionIdFromOsRelease('REDHAT_SUPPORT_PRODUCT_VERSION_ID="9"\n')).toBeNull();
  });

  const lsb = spawnSync('lsb_release', ['-rs'], { encoding: 'utf8', timeout: 10_000 });
  it.skipIf(lsb.status !== 0)('gives what lsb_release -rs prints on this machine', async () => {
    expect(await realRunnerIO({}).lsbRelease()).toBe(lsb.stdout.trim());
  });
});
