// Types of the plain-JS results-service double (results-service.mjs).

export interface ResultsServiceOptions {
  /** Answer CreateArtifact with this HTTP status (a Twirp JSON error). */
  failCreate?: number;
  /** Answer FinalizeArtifact with this HTTP status. */
  failFinalize?: number;
  /** Answer every blob PUT with this HTTP status. */
  failBlob?: number;
  /** Accept a request and never answer it: `true` or `'create'` for CreateArtifact, `'upload'` for blob PUTs, `'finalize'`. */
  hang?: boolean | 'create' | 'upload' | 'finalize';
}

export interface UploadedArtifact {
  name: string;
  id: number;
  /** The committed blob: the zip the library built. */
  zip: Buffer;
  size: number;
  /** `sha256:<hex>` of the blob, as FinalizeArtifact was told. */
  hash: string;
  /** The `expires_at` CreateArtifact was given (RFC 3339), or null. */
  expiresAt: string | null;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  at: number;
}

export interface ResultsService {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The unsigned runtime token the double accepts. */
  token: string;
  /** ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL and GITHUB_SERVER_URL=https://github.com. */
  env: Record<string, string>;
  /** Finalized artifacts, in order. */
  artifacts: UploadedArtifact[];
  /** Every request seen, in order. */
  requests: RecordedRequest[];
  /** Client connections currently open. */
  openConnections(): number;
  /** Requests accepted by a hang mode and still unanswered. */
  hungRequests(): number;
  close(): Promise<void>;
}

export function unsignedRuntimeToken(runBackendId: string, jobBackendId: string): string;
export function startResultsService(opts?: ResultsServiceOptions): Promise<ResultsService>;
