export const id = 459;
export const ids = [459];
export const modules = {

/***/ 44459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   addImageFacts: () => (/* binding */ addImageFacts)
/* harmony export */ });
/* unused harmony exports CALL_TIMEOUT_MS, TOTAL_TIMEOUT_MS, MAX_IMAGES, parseInspect, repositoryOf, digestFor, parseManifestDigest, execDocker, CappedOutput */
/* harmony import */ var _report_image_facts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80613);

const CALL_TIMEOUT_MS = 20_000;
const TOTAL_TIMEOUT_MS = 60_000;
const MAX_IMAGES = 200;
/** An answer longer than this (in bytes, as docker wrote it) is not one image's inspect output. */
const MAX_OUTPUT_BYTES = 8 * 1024 * 1024;
const TOO_LARGE = 'gave more than 8 MiB of output (too large)';
const tooLarge = (stdout) => Buffer.byteLength(stdout, 'utf8') > MAX_OUTPUT_BYTES;
// ---- parsing (pure) ----
const text = (v, max = 500) => typeof v === 'string' && v.trim() !== '' && v.length <= max ? v.trim() : null;
/**
 * Parses `docker image inspect <image>` output (a JSON array with one object). Null when it is not that;
 * a field of the wrong type reads as null, so a docker that changes one field costs that field only.
 */
function parseInspect(stdout, image) {
    if (tooLarge(stdout))
        return null;
    let data;
    try {
        data = JSON.parse(stdout);
    }
    catch {
        return null;
    }
    const first = Array.isArray(data) ? data[0] : data;
    if (typeof first !== 'object' || first === null || Array.isArray(first))
        return null;
    const o = first;
    const size = o['Size'];
    const rootFs = o['RootFS'];
    const layers = typeof rootFs === 'object' && rootFs !== null ? rootFs['Layers'] : undefined;
    const arch = text(o['Architecture'], 50);
    const variant = text(o['Variant'], 50);
    const facts = {
        image,
        id: text(o['Id'], 200),
        sizeBytes: typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? size : null,
        layers: Array.isArray(layers) ? layers.length : null,
        created: text(o['Created'], 100),
        architecture: arch === null ? null : variant === null ? arch : `${arch}/${variant}`,
    };
    // An object with none of an image's fields is not an image.
    if (facts.id === null && facts.sizeBytes === null && facts.layers === null)
        return null;
    const rd = o['RepoDigests'];
    const repoDigests = Array.isArray(rd) ? rd.filter((d) => text(d) !== null) : [];
    return { facts, repoDigests };
}
/** `myuser/numpy:r36` → `myuser/numpy`; `host:5000/a/b:t@sha256:…` → `host:5000/a/b`. As written. */
function repositoryOf(ref) {
    const noDigest = ref.split('@', 1)[0];
    const slash = noDigest.lastIndexOf('/');
    const colon = noDigest.lastIndexOf(':');
    return colon > slash ? noDigest.slice(0, colon) : noDigest;
}
/** Docker Hub's short and long names are one repository: `docker.io/library/x` is `x`. */
function canonicalRepository(repo) {
    return repo
        .toLowerCase()
        .replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '')
        .replace(/^library\//, '');
}
/** The RepoDigests entry (`repo@sha256:…`) of the pushed image's repository, or null. */
function digestFor(repoDigests, pushedImage) {
    const want = canonicalRepository(repositoryOf(pushedImage));
    for (const d of repoDigests) {
        const at = d.lastIndexOf('@');
        if (at <= 0)
            continue;
        const digest = d.slice(at + 1);
        if (!/^sha256:[0-9a-f]{64}$/.test(digest))
            continue;
        if (canonicalRepository(d.slice(0, at)) === want)
            return d;
    }
    return null;
}
/** `docker buildx imagetools inspect <ref> --format '{{json .Manifest}}'` → `sha256:…`, or null. */
function parseManifestDigest(stdout) {
    if (tooLarge(stdout))
        return null;
    try {
        const m = JSON.parse(stdout);
        const d = typeof m === 'object' && m !== null ? m['digest'] : null;
        return typeof d === 'string' && /^sha256:[0-9a-f]{64}$/.test(d) ? d : null;
    }
    catch {
        return null;
    }
}
// ---- running docker ----
/** docker through @actions/exec: silent (no command echo, no output in the log). `call` bounds it in time. */
const execDocker = async (args) => {
    try {
        const { exec } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 22876));
        // Each stream is kept up to one byte past the cap (parseInspect then refuses it): a docker that prints
        // hundreds of MB costs no more memory than that.
        const stdout = new CappedOutput(MAX_OUTPUT_BYTES + 1);
        const stderr = new CappedOutput(64 * 1024);
        const exitCode = await exec('docker', args, {
            silent: true,
            ignoreReturnCode: true,
            delay: 1000,
            listeners: { stdout: (b) => stdout.add(b), stderr: (b) => stderr.add(b) },
        });
        return {
            kind: 'exit',
            exitCode,
            stdout: stdout.text(),
            stderr: stderr.text(),
            // Decided on the bytes docker wrote: the kept text may be cut inside a character, and its length in
            // characters says nothing about the cap.
            truncated: stdout.seen > MAX_OUTPUT_BYTES,
        };
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        // @actions/io's words when the executable is not on PATH.
        return /Unable to locate executable file/i.test(message)
            ? { kind: 'missing' }
            : { kind: 'error', message };
    }
};
/** The first `cap` bytes of a stream; the rest is counted, not kept. */
class CappedOutput {
    cap;
    chunks = [];
    kept = 0;
    /** Every byte the stream gave, kept or not. */
    seen = 0;
    constructor(cap) {
        this.cap = cap;
    }
    add(chunk) {
        this.seen += chunk.length;
        const room = this.cap - this.kept;
        if (room <= 0)
            return;
        const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
        this.chunks.push(Buffer.from(part));
        this.kept += part.length;
    }
    text() {
        return Buffer.concat(this.chunks).toString('utf8');
    }
}
/** The first line of docker's complaint, short: `Cannot connect to the Docker daemon at unix:///…`. */
function firstLine(s) {
    const line = s.split('\n').find((l) => l.trim() !== '') ?? '';
    const one = line.trim();
    return one.length > 200 ? `${one.slice(0, 199)}…` : one;
}
/** Why a call gave nothing, as words after `docker …`. */
function failureWords(answer, timeoutMs) {
    switch (answer.kind) {
        case 'missing':
            return 'not found on PATH';
        case 'timeout':
            return `did not answer within ${(timeoutMs / 1000).toFixed(timeoutMs < 10_000 ? 1 : 0)} s`;
        case 'cancelled':
            return 'was cut short by a cancel';
        case 'used-up':
            return `did not answer before the ${answer.totalMs / 1000} s for docker were used up`;
        case 'error':
            return `could not run (${firstLine(answer.message)})`;
        default: {
            const why = firstLine(answer.stderr) || firstLine(answer.stdout);
            return `failed (exit ${answer.exitCode}${why ? `: ${why}` : ''})`;
        }
    }
}
/** An image docker does not have: that image's facts are left out, the others are still asked for. */
const NO_SUCH_IMAGE = /no such image/i;
/**
 * A call within the budget: what is left of it, or of the call's own limit, whichever is less; an abort ends
 * the wait at once. A docker that does not answer is left behind (it ends with the step): the build's result
 * goes on.
 */
async function call(b, args) {
    const ms = Math.max(0, Math.min(b.callMs, b.deadline - Date.now()));
    const late = ms < b.callMs ? { kind: 'used-up', totalMs: b.totalMs } : { kind: 'timeout' };
    if (b.signal?.aborted)
        return { answer: { kind: 'cancelled' }, ms };
    if (ms === 0)
        return { answer: late, ms };
    let timer;
    let onAbort;
    const stop = new Promise((resolve) => {
        timer = setTimeout(() => resolve(late), ms);
        onAbort = () => resolve({ kind: 'cancelled' });
        b.signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
        return { answer: await Promise.race([b.run(args), stop]), ms };
    }
    finally {
        clearTimeout(timer);
        if (onAbort)
            b.signal?.removeEventListener('abort', onAbort);
    }
}
/** `docker image inspect` of one image (the pushed tag when the local one is gone), then its digest. */
async function lookAt(b, image, pushed) {
    let inspected = null;
    let problem = '';
    for (const name of pushed !== null && pushed !== image ? [image, pushed] : [image]) {
        const { answer, ms } = await call(b, ['image', 'inspect', '--', name]);
        if (answer.kind === 'exit' && answer.exitCode === 0) {
            if (answer.truncated || tooLarge(answer.stdout)) {
                return { ok: false, fatal: false, problem: `docker image inspect ${name} ${TOO_LARGE}` };
            }
            inspected = parseInspect(answer.stdout, name);
            if (inspected === null) {
                return {
                    ok: false,
                    fatal: false,
                    problem: `docker image inspect ${name} gave output that is not an image`,
                };
            }
            break;
        }
        problem = `docker image inspect ${name} ${failureWords(answer, ms)}`;
        const missingImage = answer.kind === 'exit' && NO_SUCH_IMAGE.test(answer.stderr);
        if (!missingImage)
            return { ok: false, fatal: true, problem };
    }
    if (inspected === null)
        return { ok: false, fatal: false, problem };
    const local = pushed !== null ? digestFor(inspected.repoDigests, pushed) : null;
    if (pushed === null || local !== null)
        return { ok: true, facts: { ...inspected.facts, digest: local } };
    if (b.registryFailed)
        return { ok: true, facts: { ...inspected.facts, digest: null } };
    const remote = await manifestDigest(b, pushed);
    const facts = { ...inspected.facts, digest: typeof remote === 'string' ? remote : null };
    if (typeof remote === 'string')
        return { ok: true, facts };
    // Told once: a registry that refused or hung for one image would for the next.
    b.registryFailed = true;
    return { ok: true, facts, problem: remote.problem };
}
/** The fallback for the digest: the registry's manifest of the pushed tag, else why not. */
async function manifestDigest(b, pushed) {
    const args = ['buildx', 'imagetools', 'inspect', '--format', '{{json .Manifest}}', '--', pushed];
    const { answer, ms } = await call(b, args);
    const what = `the digest of ${pushed} is left out: docker buildx imagetools inspect`;
    if (answer.kind !== 'exit' || answer.exitCode !== 0)
        return { problem: `${what} ${failureWords(answer, ms)}` };
    if (answer.truncated || tooLarge(answer.stdout))
        return { problem: `${what} ${TOO_LARGE}` };
    const d = parseManifestDigest(answer.stdout);
    return d === null ? { problem: `${what} gave no manifest digest` } : `${repositoryOf(pushed)}@${d}`;
}
/** The images to inspect, one entry per distinct image (aliases share one), and how many there are in all. */
function targets(report, max) {
    const byImage = new Map();
    let total = 0;
    for (const p of report.packages) {
        const image = p.status === 'success' ? (p.image ?? p.pushedImage) : null;
        if (!image)
            continue;
        const entry = byImage.get(image);
        if (entry)
            entry.of.push(p);
        else if (byImage.size < max)
            byImage.set(image, { image, pushed: p.pushedImage, of: [p] });
        if (!entry)
            total++;
    }
    return { list: [...byImage.values()], total };
}
/**
 * Inspects the final image of every successful package and records the facts on it (`imageFacts`). Never
 * throws for docker's sake: what could not be told is left out and named in `problem`.
 */
async function addImageFacts(report, opts = {}) {
    const max = opts.maxImages ?? MAX_IMAGES;
    const { list, total } = targets(report, max);
    if (list.length === 0)
        return { inspected: 0, problem: null, summary: null };
    const totalMs = opts.totalTimeoutMs ?? TOTAL_TIMEOUT_MS;
    const budget = {
        run: opts.run ?? execDocker,
        callMs: opts.callTimeoutMs ?? CALL_TIMEOUT_MS,
        totalMs,
        deadline: Date.now() + totalMs,
        signal: opts.signal,
        registryFailed: false,
    };
    const problems = [];
    const done = [];
    for (const [i, t] of list.entries()) {
        const left = `${list.length - i} of ${list.length} images`;
        if (opts.signal?.aborted) {
            problems.push(`cancelled before ${left} were inspected`);
            break;
        }
        if (Date.now() >= budget.deadline) {
            problems.push(`the ${totalMs / 1000} s for docker were used up before ${left} were inspected`);
            break;
        }
        const looked = await lookAt(budget, t.image, t.pushed);
        if (looked.problem !== undefined)
            problems.push(looked.problem);
        if (looked.ok) {
            for (const p of t.of)
                p.imageFacts = { ...looked.facts };
            done.push(looked.facts);
        }
        else if (looked.fatal) {
            // docker itself is missing, hung or broken: asking about the next image would only say so again.
            break;
        }
    }
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    const capped = total > list.length ? ` (at most ${max} images are inspected; ${total - list.length} were not)` : '';
    return {
        inspected: done.length,
        problem: problems.length ? `${problems[0]}${more}` : null,
        summary: done.length ? `${summaryLine(done, list.length)}${capped}` : null,
    };
}
/** `Image facts: numpy:r36.4 8.1 GB, 42 layers` (three images named at most). */
function summaryLine(done, asked) {
    const named = done
        .slice(0, 3)
        .map((f) => [
        f.image,
        f.sizeBytes !== null ? (0,_report_image_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(f.sizeBytes) : null,
        f.layers !== null ? `${f.layers} layers` : null,
        (0,_report_image_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .shortDigest */ .VK)((0,_report_image_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .digestOnly */ .Jp)(f.digest)),
    ]
        .filter((x) => x !== null)
        .join(', '));
    const rest = done.length > 3 ? `; and ${done.length - 3} more` : '';
    return `Image facts (${done.length} of ${asked} images): ${named.join('; ')}${rest}`;
}


/***/ })

};
