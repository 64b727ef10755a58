// Benchmark: the cost of scrubbing a 1 MiB Discord log attachment (src/runner/secrets.ts scrubBytes) with about ten
// configured secrets registered in all their forms, against a plain Buffer copy of the same bytes.
//   node bench/scrub.mjs [--runs 51]
// Runs src/runner/secrets.ts directly (Node 24 strips its types). Prints medians in milliseconds.
import { performance } from 'node:perf_hooks';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 51;
const MiB = 1024 * 1024;

// registerSecret masks through core.setSecret, which prints `::add-mask::` lines: keep them out of the output.
const write = process.stdout.write.bind(process.stdout);
let masks = 0;
process.stdout.write = (chunk) => {
  masks += String(chunk).split('::add-mask::').length - 1;
  return true;
};
const secrets = await import('../src/runner/secrets.ts');
const b64 = (s) => Buffer.from(s).toString('base64');
const configured = [
  'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  `whsec_${b64('team-signing-key-2024')}`,
  'Bearer ghp_R2d2C3poBb8LukeLeia0123456789abcd',
  `Basic ${b64('ci-bot:s3cr3t-Pa55')}`,
  'x-api-key-0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  'plain-shared-secret-for-github-sigs',
];
for (const s of configured) secrets.registerSecret(s);
const urls = [
  'https://discord.com/api/webhooks/1300000000000000001/AbC-dEf_GhIjKlMnOpQrStUvWxYz0123456789abcdefGHIJKLmnop',
  'https://ci-bot:p%40ss%2Fw0rd!x@hooks.example.com/in?token=a%2Bb%3Dcdefgh12',
  'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
  'https://ntfy.example.com/jetson?auth=QmFzaWMgZFhObGNqcHdZWE56',
];
for (const u of urls) secrets.registerSecretUrl(u);
process.stdout.write = write;

/** BuildKit-like compiler output, about 1 MiB, with a few secrets printed in it. */
function attachment(withSecrets) {
  const lines = [];
  let size = 0;
  for (let i = 0; size < MiB; i++) {
    let line = `#12 ${(i / 100).toFixed(3)} [ ${i % 100}%] Building CXX object src/CMakeFiles/torch.dir/op_${i}.cpp.o`;
    if (withSecrets && i % 2000 === 1000) line += ` token=ghp_R2d2C3poBb8LukeLeia0123456789abcd`;
    lines.push(line);
    size += line.length + 1;
  }
  return Buffer.from(lines.join('\n').slice(0, MiB), 'utf8');
}

function median(fn) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const clean = attachment(false);
const dirty = attachment(true);
const hits = (dirty.toString('latin1').match(/ghp_R2d2/g) ?? []).length;
const scrubbed = secrets.scrubBytes(dirty);
if (scrubbed.includes('ghp_R2d2')) throw new Error('the benchmark input was not scrubbed');
// Warm up the JIT on both paths before measuring.
for (let i = 0; i < 5; i++) {
  Buffer.from(dirty);
  secrets.scrubBytes(dirty);
  secrets.scrubBytes(clean);
}
const copy = median(() => Buffer.from(dirty));
const noMatch = median(() => secrets.scrubBytes(clean));
const withHits = median(() => secrets.scrubBytes(dirty));
const text = dirty.toString('utf8');
const asText = median(() => secrets.scrub(text));
const fmt = (ms) => `${ms.toFixed(2)} ms`;
console.log(
  `scrub bench: ${(dirty.length / MiB).toFixed(2)} MiB, ${configured.length + urls.length} configured secrets ` +
    `(${masks} registered forms), ${hits} occurrences, median of ${runs} runs`,
);
console.log(`  Buffer copy (baseline)        ${fmt(copy)}`);
console.log(`  scrubBytes, no secret in it   ${fmt(noMatch)}  (${(noMatch / copy).toFixed(1)}x copy)`);
console.log(`  scrubBytes, ${hits} hits           ${fmt(withHits)}  (${(withHits / copy).toFixed(1)}x copy)`);
console.log(`  scrub (string), ${hits} hits       ${fmt(asText)}`);
