// Image facts as people and later steps read them: docker's decimal sizes, the `Size 8.1 GB · 42 layers` line,
// the `digests` / `image-sizes` maps, the job summary's images table, and every payload. Reports from files
// are untrusted: facts of the wrong shape read as absent, never as a crash.
import { describe, expect, it } from 'vitest';
import {
  renderDiscord,
  type DiscordBody,
  type DiscordRenderOptions,
} from '../../src/notify/render/discord.js';
import { renderGeneric } from '../../src/notify/render/generic.js';
import { renderSlack } from '../../src/notify/render/slack.js';
import { renderTeams } from '../../src/notify/render/teams.js';
import { buildTemplateView } from '../../src/notify/template-fields.js';
import { renderPayloadTemplate } from '../../src/notify/templates.js';
import type { BuildReport, ImageFacts } from '../../src/report/build-report.js';
import {
  digestMap,
  factsOf,
  formatBytes,
  formatBytesDelta,
  imageSizeMap,
  shortDigest,
  sizeLayersText,
} from '../../src/report/image-facts.js';
import { checkBuildReport } from '../../src/report/run-report.js';
import { renderJobSummary } from '../../src/report/summary.js';
import { reportProblems } from '../../src/action/dry-run.js';
import * as F from '../support/reports.js';
import { validateGenericPayload, validateReport } from '../support/schema.js';

const DIGEST = 'sha256:6f1c0c43f1a6e1a1d3ad2b35b1e5f4b0c0d2a4f3b6d3e8a0f9c7b1a2d3e4f5a6';
const LOCAL = 'runner/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04';
const PUSHED = 'myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04';

function facts(over: Partial<ImageFacts> = {}): ImageFacts {
  return {
    image: LOCAL,
    id: 'sha256:3d6f8e1b2c4a5d7e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60',
    sizeBytes: 8123456789,
    layers: 42,
    created: '2026-03-14T17:40:08.412377208Z',
    architecture: 'arm64/v8',
    digest: `myuser/numpy@${DIGEST}`,
    ...over,
  };
}

/** The pushed numpy build with what docker said of it, as report.json (version 2) holds it. */
function withFacts(): BuildReport {
  const r = F.successChainWithPush();
  r.schemaVersion = 2;
  r.packages[0]!.imageFacts = facts();
  return r;
}

const DISCORD: DiscordRenderOptions = {
  username: null,
  avatarUrl: null,
  threadId: null,
  threadName: null,
  attachLog: 'failure',
  style: 'compact',
  mentionOnFailure: { users: [], roles: [] },
  live: false,
  liveIntervalMs: 10_000,
};

describe('formatBytes: decimal units, like docker', () => {
  it.each([
    [0, '0 B'],
    [950, '950 B'],
    [1500, '1.5 kB'],
    [340_000_000, '340 MB'],
    [339_600_000, '340 MB'],
    [8_123_456_789, '8.1 GB'],
    [8_000_000_000, '8 GB'],
    [12_345_678_901, '12.3 GB'],
    [999_960_000, '1 GB'],
    [99_960_000, '100 MB'],
    [1_234_000_000_000, '1.2 TB'],
  ])('%d bytes → %s', (n, shown) => {
    expect(formatBytes(n)).toBe(shown);
  });

  it('signs a change: +340 MB, -1.2 GB, ±0 B', () => {
    expect(formatBytesDelta(340_000_000)).toBe('+340 MB');
    expect(formatBytesDelta(-1_200_000_000)).toBe('-1.2 GB');
    expect(formatBytesDelta(0)).toBe('±0 B');
  });
});

describe('the facts of a package', () => {
  it('reads `Size 8.1 GB · 42 layers`, either part alone, or nothing', () => {
    expect(sizeLayersText(facts())).toBe('Size 8.1 GB · 42 layers');
    expect(sizeLayersText(facts({ layers: null }))).toBe('Size 8.1 GB');
    expect(sizeLayersText(facts({ sizeBytes: null, layers: 1 }))).toBe('1 layer');
    expect(sizeLayersText(facts({ sizeBytes: null, layers: null }))).toBeNull();
    expect(shortDigest(`myuser/numpy@${DIGEST}`)).toBe('sha256:6f1c0c43f1a6');
  });

  it('facts of the wrong shape (a report from a file) read as absent, field by field', () => {
    const p = F.successChainWithPush().packages[0]!;
    const set = (v: unknown): typeof p => ({ ...p, imageFacts: v as ImageFacts });
    expect(factsOf(set('8 GB'))).toBeNull();
    expect(factsOf(set([]))).toBeNull();
    expect(factsOf(set({ sizeBytes: 5 }))).toBeNull();
    expect(factsOf(set({ image: 'x', sizeBytes: '8 GB', layers: -1, digest: 7, id: {} }))).toEqual({
      image: 'x',
      id: null,
      sizeBytes: null,
      layers: null,
      created: null,
      architecture: null,
      digest: null,
    });
    expect(factsOf(set({ image: 'x', sizeChange: { previousBytes: 'a' } }))?.sizeChange).toBeUndefined();
  });

  it('the outputs: pushed image → sha256 digest, and image → bytes', () => {
    const r = F.multipleSkipErrorsMixed();
    r.packages[0]!.imageFacts = facts({ image: r.packages[0]!.image!, digest: null, sizeBytes: 340_000_000 });
    r.packages[2]!.imageFacts = facts({ image: r.packages[2]!.image!, sizeBytes: null });
    expect(imageSizeMap(r)).toEqual({ 'numpy:r36.4.tegra-aarch64-cu126-22.04': 340_000_000 });
    // No pushed image: no digest entry, whatever RepoDigests held.
    expect(digestMap(r)).toEqual({});
    expect(digestMap(withFacts())).toEqual({ [PUSHED]: DIGEST });
    expect(imageSizeMap(F.successChainWithPush())).toEqual({});
  });

  it('an image named __proto__ is a key like any other', () => {
    const r = withFacts();
    r.packages[0]!.imageFacts = facts({ image: '__proto__' });
    r.packages[0]!.pushedImage = '__proto__';
    expect(JSON.stringify(imageSizeMap(r))).toBe('{"__proto__":8123456789}');
    expect(JSON.stringify(digestMap(r))).toBe(`{"__proto__":"${DIGEST}"}`);
  });
});

describe('report.json', () => {
  it('a version-2 report with image facts matches the schema; a version-1 report without them still does', () => {
    expect(() => validateReport(JSON.parse(JSON.stringify(withFacts())))).not.toThrow();
    expect(() => validateReport(F.successChainWithPush())).not.toThrow();
  });

  it('the schema rejects facts of the wrong shape', () => {
    const r = withFacts();
    (r.packages[0]!.imageFacts as unknown as Record<string, unknown>).sizeBytes = '8.1 GB';
    expect(() => validateReport(r)).toThrow(/\/packages\/0\/imageFacts/);
  });
});

describe('readers of report.json', () => {
  it('summarize reads versions 1 and 2, not 3', () => {
    expect(checkBuildReport(F.successChainWithPush())).toMatchObject({ ok: true });
    expect(checkBuildReport(withFacts())).toMatchObject({ ok: true });
    expect(checkBuildReport({ ...withFacts(), schemaVersion: 3 })).toEqual({
      ok: false,
      reason: 'unsupported schemaVersion 3',
    });
  });

  it("dry-run's report-file takes versions 1 and 2", () => {
    expect(reportProblems(JSON.parse(JSON.stringify(F.successChainWithPush())))).toEqual([]);
    expect(reportProblems(JSON.parse(JSON.stringify(withFacts())))).toEqual([]);
  });
});

describe('the job summary', () => {
  it('has an images table: size, layers, architecture and the full digest', () => {
    const md = renderJobSummary(withFacts());
    expect(md).toContain(
      '### Images\n\n| Image | Size | Layers | Architecture | Digest |\n| --- | --- | --- | --- | --- |\n' +
        `| \`${LOCAL}\` | 8.1 GB | 42 | arm64/v8 | \`${DIGEST}\` |`,
    );
  });

  it('has no images section when nothing was inspected', () => {
    expect(renderJobSummary(F.successChainWithPush())).not.toContain('### Images');
  });

  it('shows at most 50 images and says how many more', () => {
    const r = F.manyPackages(120);
    for (const p of r.packages) if (p.image) p.imageFacts = facts({ image: p.image });
    const md = renderJobSummary(r);
    const section = md.slice(md.indexOf('### Images'), md.indexOf('### Environment'));
    expect(section.split('\n').filter((l) => l.startsWith('| `pkg-')).length).toBe(50);
    expect(section).toContain('_… and 53 more images; see report.json or the `image-sizes` output._');
  });
});

describe('every payload', () => {
  it('Discord compact: `Size 8.1 GB · 42 layers` in the package line', () => {
    const body = renderDiscord(withFacts(), DISCORD).body as DiscordBody;
    expect(body.embeds?.[0]?.description).toContain(
      `✅ **numpy** · \`${PUSHED}\` · Size 8.1 GB · 42 layers · 1m 09s`,
    );
  });

  it('Discord upstream: the same in its package line', () => {
    const body = renderDiscord(withFacts(), { ...DISCORD, style: 'upstream' }).body as DiscordBody;
    expect(JSON.stringify(body)).toContain(`✅ **numpy** · \`${PUSHED}\` · Size 8.1 GB · 42 layers · 1m 09s`);
  });

  it('Discord without facts: the package line as before', () => {
    const body = renderDiscord(F.successChainWithPush(), DISCORD).body as DiscordBody;
    expect(body.embeds?.[0]?.description).toContain(`✅ **numpy** · \`${PUSHED}\` · 1m 09s`);
    expect(JSON.stringify(body)).not.toContain('Size');
  });

  it('Slack: the same in the package line', () => {
    expect(JSON.stringify(renderSlack(withFacts()).body)).toContain(
      `✅ *numpy* · \`${PUSHED}\` · Size 8.1 GB · 42 layers · 1m 09s`,
    );
  });

  it('Teams: Size and Digest facts of the package', () => {
    const card = JSON.stringify(renderTeams(withFacts()).body);
    expect(card).toContain('{"title":"Size","value":"8.1 GB · 42 layers"}');
    expect(card).toContain('{"title":"Digest","value":"sha256:6f1c0c43f1a6"}');
    expect(JSON.stringify(renderTeams(F.successChainWithPush()).body)).not.toContain('"title":"Size"');
  });

  it('generic: image_facts per result, valid against the payload schema; absent without facts', () => {
    const payload = validateGenericPayload(renderGeneric(withFacts()).body);
    expect(payload.payload_version).toBe(1);
    expect(payload.results[0]?.image_facts).toEqual({
      image: LOCAL,
      id: 'sha256:3d6f8e1b2c4a5d7e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60',
      size_bytes: 8123456789,
      layers: 42,
      created: '2026-03-14T17:40:08.412377208Z',
      architecture: 'arm64/v8',
      digest: `myuser/numpy@${DIGEST}`,
    });
    const plain = validateGenericPayload(renderGeneric(F.successChainWithPush()).body);
    expect(plain.results[0]).not.toHaveProperty('image_facts');
  });

  it('template fields: image_size, image_size_bytes, image_layers, image_digest per result', () => {
    const view = buildTemplateView(withFacts());
    const tpl =
      '[{{#results}}{"size": "{{image_size}}", "bytes": "{{image_size_bytes}}", "layers": "{{image_layers}}", ' +
      '"digest": "{{image_digest}}"}{{/results}}]';
    expect(renderPayloadTemplate(tpl, () => view, 64 * 1024)).toEqual([
      { size: '8.1 GB', bytes: '8123456789', layers: '42', digest: `myuser/numpy@${DIGEST}` },
    ]);
    const none = buildTemplateView(F.successChainWithPush());
    expect(renderPayloadTemplate(tpl, () => none, 64 * 1024)).toEqual([
      { size: '', bytes: '', layers: '', digest: '' },
    ]);
  });

  it('a failed package shows no image facts, even if a report claims some', () => {
    const r = F.stageFailure();
    r.packages[0]!.imageFacts = facts();
    const body = renderDiscord(r, DISCORD).body as DiscordBody;
    expect(JSON.stringify(body)).not.toContain('Size 8.1 GB');
    expect(renderJobSummary(r)).not.toContain('### Images');
  });
});
