// What went wrong with a GitHub API request, in one line for a warning or a debug line: the HTTP status
// and GitHub's own words, or what kept the answer away. Shared by the features in src/github.

export interface RequestFailure {
  /** The HTTP status GitHub answered with; null when no answer came (timeout, refused, reset). */
  status: number | null;
  /** `HTTP 403: Resource not accessible by integration`, `no answer from <api> within 5 s`, … */
  text: string;
}

/** `err` from an Octokit call; `timedOut` when the caller's own deadline cut it off. */
export function requestFailure(
  err: unknown,
  timedOut: boolean,
  apiUrl: string,
  timeoutMs: number,
): RequestFailure {
  if (timedOut) return { status: null, text: `no answer from ${apiUrl} within ${seconds(timeoutMs)} s` };
  const status = (err as { status?: unknown } | null)?.status;
  const message = oneLine(err instanceof Error ? err.message : String(err));
  // Octokit reports a request that never got an answer (refused, reset, DNS) as status 500 without a response.
  const answered = (err as { response?: unknown } | null)?.response !== undefined;
  if (typeof status === 'number' && status >= 400 && (status !== 500 || answered)) {
    return { status, text: `HTTP ${status}: ${message}` };
  }
  return { status: null, text: `${apiUrl} could not be reached: ${message}` };
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

/** GitHub's message without its documentation link, on one bounded line (it comes from a server). */
export function oneLine(text: string): string {
  const line = text
    .replace(/ - https?:\/\/\S+$/, '')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line || 'no message';
}

/** Aborts when `ms` have passed, or with `outer` (a step that is being stopped). */
export function deadline(ms: number, outer?: AbortSignal): AbortSignal {
  const own = AbortSignal.timeout(ms);
  return outer ? AbortSignal.any([own, outer]) : own;
}
