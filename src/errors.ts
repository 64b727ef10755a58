// Errors a person can act on: bad input names the input, the value (masked if secret) and what is accepted.

export class InputError extends Error {
  readonly input: string;
  constructor(input: string, value: string, accepted: string, opts: { secret?: boolean } = {}) {
    const shown = opts.secret
      ? '***'
      : JSON.stringify(value.length > 200 ? value.slice(0, 200) + '…' : value);
    super(`Input '${input}' has an invalid value ${shown}: ${accepted}`);
    this.name = 'InputError';
    this.input = input;
  }
}

/** The message of anything thrown, without a stack trace. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
