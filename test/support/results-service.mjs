// A loopback double of GitHub's artifact results service and the Azure blob storage it signs URLs for,
// enough for the real @actions/artifact upload path: Twirp CreateArtifact, block-blob PUTs (staged
// blocks + block list, or one single-shot PUT) and FinalizeArtifact. Plain JS so the benchmark can run
// it with plain node; test/support/results-service.ts gives it types.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';
const MAX_BODY = 512 * 1024 * 1024;

/** An unsigned JWT (alg none) whose `scp` names the run and job backend ids, as the runner's token does. */
export function unsignedRuntimeToken(runBackendId, jobBackendId) {
  const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const header = b64({ typ: 'JWT', alg: 'none' });
  const payload = b64({
    scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${runBackendId}:${jobBackendId}`,
    iat: Math.floor(Date.now() / 1000),
  });
  return `${header}.${payload}.`;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function twirpError(res, status, code, msg) {
  const body = JSON.stringify({ code, msg });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function twirpOk(res, value) {
  const body = JSON.stringify(value);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function blobError(res, status, code, message) {
  const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
    'x-ms-error-code': code,
    'x-ms-request-id': randomBytes(8).toString('hex'),
  });
  res.end(body);
}

function blobCreated(res, extra = {}) {
  res.writeHead(201, {
    'content-length': 0,
    etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
    'last-modified': new Date().toUTCString(),
    'x-ms-request-id': randomBytes(8).toString('hex'),
    'x-ms-version': '2025-05-05',
    'x-ms-request-server-encrypted': 'true',
    ...extra,
  });
  res.end();
}

/** The block ids of a Put Block List body, in order (`<Latest>`, `<Committed>` or `<Uncommitted>`). */
function parseBlockList(xml) {
  const ids = [];
  const re = /<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g;
  let m;
  while ((m = re.exec(xml)) !== null) ids.push(m[2]);
  return ids;
}

/**
 * Starts the double on 127.0.0.1 with an ephemeral port.
 * @param {import('./results-service.js').ResultsServiceOptions} [opts]
 * @returns {Promise<import('./results-service.js').ResultsService>}
 */
export async function startResultsService(opts = {}) {
  const runBackendId = 'c0ffee00-0000-4000-8000-000000000001';
  const jobBackendId = 'c0ffee00-0000-4000-8000-000000000002';
  const token = unsignedRuntimeToken(runBackendId, jobBackendId);
  const sig = randomBytes(12).toString('base64url');
  const hang = opts.hang === true ? 'create' : opts.hang || null;

  /** name → { id, key, blob|null, finalized } */
  const pending = new Map();
  /** blob key → Map(blockId → Buffer) */
  const stagedBlocks = new Map();
  /** blob key → Buffer */
  const blobs = new Map();
  const artifacts = [];
  const requests = [];
  const sockets = new Set();
  const hungResponses = new Set();
  let nextId = 4200;
  let url = '';

  const hangRequest = (req, res) => {
    hungResponses.add(res);
    // Swallow the body so the client thinks it was sent, then never answer.
    req.resume();
    res.on('close', () => hungResponses.delete(res));
  };

  const authorized = (req) => req.headers.authorization === `Bearer ${token}`;

  async function twirp(method, req, res) {
    if (!authorized(req)) return twirpError(res, 401, 'unauthenticated', 'missing or wrong bearer token');
    let body;
    try {
      body = JSON.parse((await readBody(req)).toString('utf8'));
    } catch {
      return twirpError(res, 400, 'malformed', 'the body is not JSON');
    }
    if (body.workflow_run_backend_id !== runBackendId || body.workflow_job_run_backend_id !== jobBackendId) {
      return twirpError(res, 400, 'invalid_argument', 'backend ids do not match the token');
    }
    const name = typeof body.name === 'string' ? body.name : '';
    if (method === 'CreateArtifact') {
      if (opts.failCreate) return twirpError(res, opts.failCreate, 'internal', 'the double was told to fail');
      if (hang === 'create') return hangRequest(req, res);
      if (!name) return twirpError(res, 400, 'invalid_argument', 'name is required');
      if (body.version !== 7)
        return twirpError(res, 400, 'invalid_argument', `unsupported version ${body.version}`);
      const existing = pending.get(name);
      if (existing && existing.finalized) {
        return twirpError(
          res,
          409,
          'already_exists',
          'an artifact with this name already exists on the workflow run',
        );
      }
      const id = nextId++;
      const key = `${id}/${encodeURIComponent(name)}.zip`;
      pending.set(name, { id, key, finalized: false, expiresAt: body.expires_at ?? null });
      return twirpOk(res, {
        ok: true,
        signed_upload_url: `${url}/upload/${key}?sv=2025-05-05&sr=b&sp=cw&sig=${sig}`,
      });
    }
    if (method === 'FinalizeArtifact') {
      if (opts.failFinalize)
        return twirpError(res, opts.failFinalize, 'internal', 'the double was told to fail');
      if (hang === 'finalize') return hangRequest(req, res);
      const entry = pending.get(name);
      if (!entry || entry.finalized)
        return twirpError(res, 404, 'not_found', `no pending artifact named ${name}`);
      const blob = blobs.get(entry.key);
      if (!blob) return twirpError(res, 400, 'failed_precondition', 'the blob was never committed');
      if (String(blob.length) !== String(body.size)) {
        return twirpError(
          res,
          400,
          'invalid_argument',
          `size ${body.size} does not match the blob (${blob.length})`,
        );
      }
      const hash = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
      if (body.hash !== hash)
        return twirpError(res, 400, 'invalid_argument', `hash ${body.hash} does not match ${hash}`);
      entry.finalized = true;
      artifacts.push({ name, id: entry.id, zip: blob, size: blob.length, hash, expiresAt: entry.expiresAt });
      return twirpOk(res, { ok: true, artifact_id: String(entry.id) });
    }
    return twirpError(res, 404, 'bad_route', `no method ${method}`);
  }

  async function blob(reqUrl, req, res) {
    if (req.method !== 'PUT') return blobError(res, 405, 'UnsupportedHttpVerb', 'only PUT is supported');
    if (reqUrl.searchParams.get('sig') !== sig) {
      return blobError(res, 403, 'AuthenticationFailed', 'the signature does not match');
    }
    if (opts.failBlob) return blobError(res, opts.failBlob, 'InternalError', 'the double was told to fail');
    if (hang === 'upload') return hangRequest(req, res);
    const key = decodeURIComponent(reqUrl.pathname.slice('/upload/'.length));
    const comp = reqUrl.searchParams.get('comp');
    const body = await readBody(req);
    if (comp === 'block') {
      const blockId = reqUrl.searchParams.get('blockid');
      if (!blockId) return blobError(res, 400, 'InvalidQueryParameterValue', 'blockid is required');
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared !== body.length) {
        return blobError(res, 400, 'InvalidHeaderValue', 'content-length does not match the body');
      }
      if (!stagedBlocks.has(key)) stagedBlocks.set(key, new Map());
      stagedBlocks.get(key).set(blockId, body);
      return blobCreated(res, { 'x-ms-content-crc64': 'AAAAAAAAAAA=' });
    }
    if (comp === 'blocklist') {
      const ids = parseBlockList(body.toString('utf8'));
      const staged = stagedBlocks.get(key) ?? new Map();
      const parts = [];
      for (const id of ids) {
        const part = staged.get(id);
        if (!part) return blobError(res, 400, 'InvalidBlockList', `block ${id} was never staged`);
        parts.push(part);
      }
      blobs.set(key, Buffer.concat(parts));
      stagedBlocks.delete(key);
      return blobCreated(res);
    }
    if (comp === null) {
      if (req.headers['x-ms-blob-type'] !== 'BlockBlob') {
        return blobError(res, 400, 'MissingRequiredHeader', 'x-ms-blob-type: BlockBlob is required');
      }
      blobs.set(key, body);
      return blobCreated(res);
    }
    return blobError(res, 400, 'InvalidQueryParameterValue', `unsupported comp=${comp}`);
  }

  const server = http.createServer((req, res) => {
    const reqUrl = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: req.method ?? '', path: reqUrl.pathname, query: reqUrl.search, at: Date.now() });
    let work;
    if (req.method === 'POST' && reqUrl.pathname.startsWith(TWIRP_PREFIX)) {
      work = twirp(reqUrl.pathname.slice(TWIRP_PREFIX.length), req, res);
    } else if (reqUrl.pathname.startsWith('/upload/')) {
      work = blob(reqUrl, req, res);
    } else {
      work = Promise.resolve(twirpError(res, 404, 'bad_route', 'unknown path'));
    }
    work.catch((err) => {
      if (!res.headersSent) twirpError(res, 500, 'internal', String(err && err.message));
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 1000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  url = `http://127.0.0.1:${address.port}`;

  return {
    url,
    token,
    env: {
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_RESULTS_URL: `${url}/`,
      GITHUB_SERVER_URL: 'https://github.com',
    },
    artifacts,
    requests,
    openConnections: () => sockets.size,
    hungRequests: () => hungResponses.size,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
