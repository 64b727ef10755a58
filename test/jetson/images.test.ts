// Image facts: docker's JSON read into ImageFacts, the pushed digest matched, and the step's rules (which
// images, one problem sentence, docker stopped being asked once it is missing or broken) with a scripted docker.
import { describe, expect, it } from 'vitest';
import {
  addImageFacts,
  digestFor,
  parseInspect,
  parseManifestDigest,
  repositoryOf,
  type DockerAnswer,
  type DockerRunner,
} from '../../src/jetson/images.js';
import type { BuildReport } from '../../src/report/build-report.js';
import * as F from '../support/reports.js';

const DIGEST = 'sha256:6f1c0c43f1a6e1a1d3ad2b35b1e5f4b0c0d2a4f3b6d3e8a0f9c7b1a2d3e4f5a6';
const LAYER = (i: number): string => `sha256:${i.toString(16).padStart(64, '0')}`;

/** `docker image inspect numpy:…` as docker 28 prints it on an Orin, trimmed of nothing that matters. */
function realInspect(opts: { repoDigests?: string[]; layers?: number } = {}): string {
  const layers = Array.from({ length: opts.layers ?? 42 }, (_, i) => LAYER(i + 1));
  return `[
    {
        "Id": "sha256:3d6f8e1b2c4a5d7e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60",
        "RepoTags": [
            "runner/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04",
            "myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04"
        ],
        "RepoDigests": ${JSON.stringify(opts.repoDigests ?? [])},
        "Parent": "",
        "Comment": "buildkit.dockerfile.v0",
        "Created": "2026-03-14T17:40:08.412377208Z",
        "DockerVersion": "",
        "Author": "",
        "Config": {
            "Hostname": "",
            "Env": [
                "PATH=/usr/local/cuda/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "CUDA_HOME=/usr/local/cuda",
                "NVIDIA_VISIBLE_DEVICES=all"
            ],
            "Cmd": ["/bin/bash"],
            "WorkingDir": "/",
            "Labels": { "org.opencontainers.image.ref.name": "ubuntu", "org.opencontainers.image.version": "22.04" }
        },
        "Architecture": "arm64",
        "Variant": "v8",
        "Os": "linux",
        "Size": 8123456789,
        "GraphDriver": {
            "Data": {
                "LowerDir": "/var/lib/docker/overlay2/l/ABC:/var/lib/docker/overlay2/l/DEF",
                "MergedDir": "/var/lib/docker/overlay2/9f/merged"
            },
            "Name": "overlay2"
        },
        "RootFS": {
            "Type": "layers",
            "Layers": ${JSON.stringify(layers, null, 16)}
        },
        "Metadata": { "LastTagTime": "2026-03-14T17:40:11.02319483Z" }
    }
]
`;
}

describe('parseInspect', () => {
  it('reads size, layers, id, created and architecture/variant of an arm64 image with 42 layers', () => {
    const got = parseInspect(realInspect(), 'runner/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04');
    expect(got).toEqual({
      facts: {
        image: 'runner/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04',
        id: 'sha256:3d6f8e1b2c4a5d7e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60',
        sizeBytes: 8123456789,
        layers: 42,
        created: '2026-03-14T17:40:08.412377208Z',
        architecture: 'arm64/v8',
      },
      repoDigests: [],
    });
  });

  it('keeps the RepoDigests of a pushed image for matching', () => {
    const got = parseInspect(realInspect({ repoDigests: [`myuser/numpy@${DIGEST}`] }), 'x');
    expect(got?.repoDigests).toEqual([`myuser/numpy@${DIGEST}`]);
  });

  it('an architecture without a variant (amd64) stays as it is', () => {
    const text = JSON.stringify([
      { Id: 'sha256:ab', Size: 1, RootFS: { Layers: [] }, Architecture: 'amd64' },
    ]);
    expect(parseInspect(text, 'x')?.facts).toMatchObject({ architecture: 'amd64', layers: 0, sizeBytes: 1 });
  });

  it.each([
    ['not JSON', 'Error: something {'],
    ['an empty list (docker: no such image)', '[]'],
    ['a list of strings', '["a"]'],
    ['an object with none of an image fields', '{"message":"hello"}'],
    ['null', 'null'],
    [
      'wrong types everywhere',
      '[{"Id":42,"Size":"8.1GB","RootFS":{"Layers":"many"},"Architecture":["arm64"]}]',
    ],
  ])('%s is not an image: null', (_name, text) => {
    expect(parseInspect(text, 'x')).toBeNull();
  });

  it('a field of the wrong type costs that field only', () => {
    const text = JSON.stringify([
      {
        Id: 'sha256:ab',
        Size: '8123456789',
        RootFS: { Layers: [LAYER(1), LAYER(2)] },
        Created: 17,
        Architecture: 'arm64',
        Variant: '',
        RepoDigests: [`myuser/numpy@${DIGEST}`, 7, null],
      },
    ]);
    expect(parseInspect(text, 'x')).toEqual({
      facts: {
        image: 'x',
        id: 'sha256:ab',
        sizeBytes: null,
        layers: 2,
        created: null,
        architecture: 'arm64',
      },
      repoDigests: [`myuser/numpy@${DIGEST}`],
    });
  });

  it('a negative or fractional size is not a size; RootFS without Layers is no layer count', () => {
    const neg = JSON.stringify([{ Id: 'sha256:ab', Size: -5, RootFS: {} }]);
    expect(parseInspect(neg, 'x')?.facts).toMatchObject({ sizeBytes: null, layers: null });
    const frac = JSON.stringify([{ Id: 'sha256:ab', Size: 1.5, RootFS: null }]);
    expect(parseInspect(frac, 'x')?.facts).toMatchObject({ sizeBytes: null, layers: null });
  });

  it('an over-long id is left out rather than carried into every payload', () => {
    const text = JSON.stringify([{ Id: `sha256:${'a'.repeat(5000)}`, Size: 12, RootFS: { Layers: [] } }]);
    expect(parseInspect(text, 'x')?.facts).toMatchObject({ id: null, sizeBytes: 12, layers: 0 });
  });
});

describe('the pushed digest', () => {
  it.each([
    ['myuser/numpy:r36.4', 'myuser/numpy'],
    ['numpy', 'numpy'],
    ['registry.example.com:5000/team/numpy:r36.4', 'registry.example.com:5000/team/numpy'],
    ['registry.example.com:5000/team/numpy', 'registry.example.com:5000/team/numpy'],
    [`myuser/numpy:r36.4@${DIGEST}`, 'myuser/numpy'],
  ])('repositoryOf(%s) = %s', (ref, repo) => {
    expect(repositoryOf(ref)).toBe(repo);
  });

  it('matches the RepoDigests entry of the pushed repository, in any of Docker Hub spellings', () => {
    const digests = [`dustynv/numpy@${DIGEST.replace('6f', '00')}`, `myuser/numpy@${DIGEST}`];
    expect(digestFor(digests, 'myuser/numpy:r36.4')).toBe(`myuser/numpy@${DIGEST}`);
    expect(digestFor([`docker.io/myuser/numpy@${DIGEST}`], 'myuser/numpy:r36.4')).toBe(
      `docker.io/myuser/numpy@${DIGEST}`,
    );
    expect(digestFor([`ubuntu@${DIGEST}`], 'docker.io/library/ubuntu:22.04')).toBe(`ubuntu@${DIGEST}`);
    expect(digestFor([`ghcr.io/acme/numpy@${DIGEST}`], 'ghcr.io/acme/numpy:1')).toBe(
      `ghcr.io/acme/numpy@${DIGEST}`,
    );
  });

  it('no entry of another repository, registry or a malformed digest is taken', () => {
    expect(digestFor([`myuser/numpy-dev@${DIGEST}`], 'myuser/numpy:r36.4')).toBeNull();
    expect(digestFor([`ghcr.io/myuser/numpy@${DIGEST}`], 'myuser/numpy:r36.4')).toBeNull();
    expect(digestFor(['myuser/numpy@sha256:abc'], 'myuser/numpy:r36.4')).toBeNull();
    expect(digestFor(['myuser/numpy'], 'myuser/numpy:r36.4')).toBeNull();
    expect(digestFor([], 'myuser/numpy:r36.4')).toBeNull();
  });

  it('reads the manifest digest of `docker buildx imagetools inspect --format {{json .Manifest}}`', () => {
    const out = `{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"${DIGEST}","size":1609}\n`;
    expect(parseManifestDigest(out)).toBe(DIGEST);
    expect(parseManifestDigest('{"digest":"sha256:short"}')).toBeNull();
    expect(parseManifestDigest('null')).toBeNull();
    expect(parseManifestDigest('ERROR: not found')).toBeNull();
  });
});

// ---- the step, with a scripted docker ----

type Script = (args: string[]) => DockerAnswer | Promise<DockerAnswer>;

function scripted(script: Script): { run: DockerRunner; calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    run: async (args) => {
      calls.push(args);
      return script(args);
    },
  };
}

const ok = (stdout: string): DockerAnswer => ({ kind: 'exit', exitCode: 0, stdout, stderr: '' });
const noSuchImage = (name: string): DockerAnswer => ({
  kind: 'exit',
  exitCode: 1,
  stdout: '[]\n',
  stderr: `Error response from daemon: No such image: ${name}\n`,
});
const daemonDown: DockerAnswer = {
  kind: 'exit',
  exitCode: 1,
  stdout: '',
  stderr:
    'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
};

/** `--multiple --skip-errors`: three packages built, one failed. */
function mixed(): BuildReport {
  return F.multipleSkipErrorsMixed();
}

/** `count` packages (every seventh failed, so without an image), none pushed. */
function unpushed(count: number): BuildReport {
  const report = F.manyPackages(count);
  for (const p of report.packages) p.pushedImage = null;
  return report;
}

describe('addImageFacts', () => {
  it('a pushed image: facts from one inspect of the local image, the digest from its RepoDigests', async () => {
    const report = F.successChainWithPush();
    const docker = scripted(() => ok(realInspect({ repoDigests: [`myuser/numpy@${DIGEST}`] })));
    const result = await addImageFacts(report, { run: docker.run });
    expect(docker.calls).toEqual([
      ['image', 'inspect', '--', 'runner/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04'],
    ]);
    expect(report.packages[0]?.imageFacts).toEqual({
      image: 'runner/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04',
      id: 'sha256:3d6f8e1b2c4a5d7e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60',
      sizeBytes: 8123456789,
      layers: 42,
      created: '2026-03-14T17:40:08.412377208Z',
      architecture: 'arm64/v8',
      digest: `myuser/numpy@${DIGEST}`,
    });
    expect(result).toEqual({
      inspected: 1,
      problem: null,
      summary:
        'Image facts (1 of 1 images): runner/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04, 8.1 GB, 42 layers, ' +
        'sha256:6f1c0c43f1a6',
    });
  });

  it('no matching RepoDigests entry: the digest comes from the registry through buildx imagetools', async () => {
    const report = F.successChainWithPush();
    const docker = scripted((args) =>
      args[0] === 'buildx' ? ok(`{"mediaType":"x","digest":"${DIGEST}","size":1}`) : ok(realInspect()),
    );
    const result = await addImageFacts(report, { run: docker.run });
    expect(docker.calls[1]).toEqual([
      'buildx',
      'imagetools',
      'inspect',
      '--format',
      '{{json .Manifest}}',
      '--',
      'myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04',
    ]);
    expect(report.packages[0]?.imageFacts?.digest).toBe(`myuser/numpy@${DIGEST}`);
    expect(result.problem).toBeNull();
  });

  it('the registry cannot say either: the facts stay, the digest is null, and the problem names it', async () => {
    const report = F.successChainWithPush();
    const docker = scripted((args) =>
      args[0] === 'buildx'
        ? { kind: 'exit', exitCode: 1, stdout: '', stderr: 'ERROR: failed to authorize: 401 Unauthorized\n' }
        : ok(realInspect()),
    );
    const result = await addImageFacts(report, { run: docker.run });
    expect(report.packages[0]?.imageFacts).toMatchObject({ sizeBytes: 8123456789, digest: null });
    expect(result.problem).toBe(
      'the digest of myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04 is left out: docker buildx imagetools ' +
        'inspect failed (exit 1: ERROR: failed to authorize: 401 Unauthorized)',
    );
  });

  it('the registry failing for one pushed image is not asked again for the next', async () => {
    const report = F.manyPackages(4);
    const docker = scripted((args) => (args[0] === 'buildx' ? { kind: 'timeout' } : ok(realInspect())));
    const result = await addImageFacts(report, { run: docker.run });
    expect(docker.calls.map((c) => c[0])).toEqual(['image', 'buildx', 'image', 'image']);
    expect(report.packages.filter((p) => p.imageFacts).map((p) => p.imageFacts?.digest)).toEqual([
      null,
      null,
      null,
    ]);
    expect(result.problem).toMatch(
      /^the digest of \S+ is left out: docker buildx imagetools inspect did not answer/,
    );
  });

  it('the local tag is gone: the pushed tag is inspected instead', async () => {
    const report = F.successChainWithPush();
    const local = 'runner/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04';
    const docker = scripted((args) =>
      args.includes(local)
        ? noSuchImage(local)
        : ok(realInspect({ repoDigests: [`myuser/numpy@${DIGEST}`] })),
    );
    const result = await addImageFacts(report, { run: docker.run });
    expect(docker.calls.map((c) => c.at(-1))).toEqual([
      local,
      'myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04',
    ]);
    expect(report.packages[0]?.imageFacts).toMatchObject({
      image: 'myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04',
      digest: `myuser/numpy@${DIGEST}`,
    });
    expect(result.problem).toBeNull();
  });

  it('only successful packages are inspected; an image docker does not have costs that image only', async () => {
    const report = mixed();
    const built = report.packages.filter((p) => p.status === 'success').map((p) => p.image);
    expect(built.length).toBe(3);
    const docker = scripted((args) =>
      args.at(-1) === built[0] ? noSuchImage(built[0] ?? '') : ok(realInspect()),
    );
    const result = await addImageFacts(report, { run: docker.run });
    expect(docker.calls.map((c) => c.at(-1))).toEqual(built);
    const withFacts = report.packages.filter((p) => p.imageFacts).map((p) => p.image);
    expect(withFacts).toEqual(built.slice(1));
    expect(result.problem).toBe(
      `docker image inspect ${built[0]} failed (exit 1: Error response from daemon: No such image: ${built[0]})`,
    );
  });

  it('docker missing: one problem, asked once, no facts anywhere', async () => {
    const report = mixed();
    const docker = scripted(() => ({ kind: 'missing' }));
    const result = await addImageFacts(report, { run: docker.run });
    expect(docker.calls.length).toBe(1);
    expect(report.packages.some((p) => 'imageFacts' in p)).toBe(false);
    expect(result).toEqual({
      inspected: 0,
      problem: expect.stringMatching(/^docker image inspect \S+ not found on PATH$/),
      summary: null,
    });
  });

  it('the daemon down: docker is not asked about the next image', async () => {
    const report = mixed();
    const docker = scripted(() => daemonDown);
    const result = await addImageFacts(report, { run: docker.run });
    expect(docker.calls.length).toBe(1);
    expect(result.problem).toMatch(
      /^docker image inspect \S+ failed \(exit 1: Cannot connect to the Docker daemon at unix:\/\/\/var\/run\/docker.sock\. Is the docker daemon running\?\)$/,
    );
  });

  it('output that is not an image: that image is left out with a sentence saying so', async () => {
    const report = F.successChainWithPush();
    const result = await addImageFacts(report, { run: scripted(() => ok('<html>proxy error</html>')).run });
    expect(report.packages[0]?.imageFacts).toBeUndefined();
    expect(result.problem).toBe(
      'docker image inspect runner/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04 gave output that is not an image',
    );
  });

  it('nothing built: docker is never asked', async () => {
    for (const report of [F.stageFailure(), F.cancelled(), F.unknownPackage()]) {
      const docker = scripted(() => ok(realInspect()));
      expect(await addImageFacts(report, { run: docker.run })).toEqual({
        inspected: 0,
        problem: null,
        summary: null,
      });
      expect(docker.calls).toEqual([]);
    }
  });

  it('a docker that never answers is given up on after the call limit, and the rest is not asked', async () => {
    const report = mixed();
    const docker = scripted(() => new Promise<DockerAnswer>(() => undefined));
    const result = await addImageFacts(report, { run: docker.run, callTimeoutMs: 50 });
    expect(docker.calls.length).toBe(1);
    expect(result.problem).toMatch(/^docker image inspect \S+ did not answer within 0\.1 s$/);
    expect(report.packages.some((p) => p.imageFacts)).toBe(false);
  });

  it('the total limit holds however many images there are', async () => {
    const report = unpushed(50);
    // Each image answers just inside the call limit: only the total stops the step.
    const docker = scripted(
      () => new Promise<DockerAnswer>((r) => setTimeout(() => r(ok(realInspect())), 20)),
    );
    const result = await addImageFacts(report, { run: docker.run, callTimeoutMs: 1000, totalTimeoutMs: 150 });
    expect(docker.calls.length).toBeLessThan(50);
    expect(result.problem).toMatch(
      /^(docker image inspect \S+ did not answer before the 0\.15 s for docker were used up|the 0\.15 s for docker were used up before \d+ of 43 images were inspected)$/,
    );
  });

  it('at most maxImages distinct images are inspected; the summary says how many were not', async () => {
    const report = unpushed(30);
    const docker = scripted(() => ok(realInspect()));
    const result = await addImageFacts(report, { run: docker.run, maxImages: 5 });
    expect(docker.calls.length).toBe(5);
    expect(report.packages.filter((p) => p.imageFacts).length).toBe(5);
    expect(result.summary).toMatch(
      /^Image facts \(5 of 5 images\): .*; and 2 more \(at most 5 images are inspected; 21 were not\)$/,
    );
  });

  it('packages that share an image are inspected once and all get the facts', async () => {
    const report = mixed();
    const built = report.packages.filter((p) => p.status === 'success');
    for (const p of built) p.image = built[0]!.image;
    const docker = scripted(() => ok(realInspect()));
    await addImageFacts(report, { run: docker.run });
    expect(docker.calls.length).toBe(1);
    expect(built.map((p) => p.imageFacts?.sizeBytes)).toEqual([8123456789, 8123456789, 8123456789]);
  });

  it('a cancel ends the wait at once and nothing more is asked', async () => {
    const report = mixed();
    const stop = new AbortController();
    const docker = scripted(() => {
      setTimeout(() => stop.abort(), 10);
      return new Promise<DockerAnswer>(() => undefined);
    });
    const result = await addImageFacts(report, { run: docker.run, signal: stop.signal });
    expect(docker.calls.length).toBe(1);
    expect(result.problem).toMatch(/^docker image inspect \S+ was cut short by a cancel$/);
  });
});
