// Typed errors with stable codes for everything that can go wrong talking to Vast.
// A VastError never carries the API key, the Authorization header, or the axios error
// (whose config holds both): only what is safe to show and to log.

export const VAST_ERROR_CODES = [
  'auth',
  'not_found',
  'rate_limited',
  'network',
  'timeout',
  'server',
  'vast_error',
  'bad_response',
] as const;
export type VastErrorCode = (typeof VAST_ERROR_CODES)[number];

export interface VastErrorDetails {
  status?: number | undefined;
  /** Vast's own `error` field, e.g. `no_such_instance`, `missing_billing`. */
  vastError?: string | undefined;
  /** Vast's own `msg` (or `message`) field. */
  vastMessage?: string | undefined;
  /** For `auth`: 401 means the key is wrong or revoked, 403 that it lacks a scope. */
  authKind?: 'invalid_key' | 'forbidden' | undefined;
  /** Which operation failed, e.g. `pauseInstance`. */
  operation?: string | undefined;
}

export class VastError extends Error {
  override readonly name = 'VastError';
  readonly code: VastErrorCode;
  readonly status: number | undefined;
  readonly vastError: string | undefined;
  readonly vastMessage: string | undefined;
  readonly authKind: 'invalid_key' | 'forbidden' | undefined;
  readonly operation: string | undefined;

  constructor(code: VastErrorCode, message: string, details: VastErrorDetails = {}) {
    super(message);
    this.code = code;
    this.status = details.status;
    this.vastError = details.vastError;
    this.vastMessage = details.vastMessage;
    this.authKind = details.authKind;
    this.operation = details.operation;
  }

  /** Plain data for logs and result objects. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      vastError: this.vastError,
      vastMessage: this.vastMessage,
      operation: this.operation,
    };
  }
}

export function isVastError(value: unknown): value is VastError {
  return value instanceof VastError;
}

const BEARER = /(bearer\s+)[^\s"',;]+/gi;
const API_KEY_FIELD = /("?api_key"?\s*[:=]\s*"?)[^\s"',&;}]+/gi;

/**
 * Removes anything that looks like a credential from text that may be logged or shown:
 * `Bearer …` tokens, `api_key` fields and query parameters, and any known secret values.
 */
export function redact(text: string, secrets: ReadonlyArray<string | null | undefined> = []): string {
  let out = text.replace(BEARER, '$1[redacted]').replace(API_KEY_FIELD, '$1[redacted]');
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}
