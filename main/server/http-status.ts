// One HTTP status per error code, for the local API's replies.
import type { ErrorCode } from '../../preload/models.js';

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  confirmation_required: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  busy: 409,
  // Vast refused what we asked (e.g. no credit): the request was fine, Vast said no.
  vast_error: 422,
  rate_limited: 429,
  internal: 500,
  // Problems between us and Vast: we are a gateway to it.
  auth: 502,
  server: 502,
  bad_response: 502,
  network: 502,
  no_key: 503,
  unavailable: 503,
  timeout: 504,
};

export function httpStatusFor(code: ErrorCode | null | undefined): number {
  return code ? STATUS[code] : 200;
}
