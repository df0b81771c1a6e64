// An error the core means to report to the user, with a stable code. The commands table turns it
// (like a VastError) into `{ ok: false, code, message }`.
import type { ErrorCode } from '../../preload/models.js';

export class CoreError extends Error {
  override readonly name = 'CoreError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
