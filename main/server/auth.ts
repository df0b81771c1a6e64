// Who may use the local API: whoever knows the token (kept in the secret store), by a session
// cookie after login, by `Authorization: Bearer`, or by a one-time login link printed in the
// terminal. Tokens are compared in constant time; failed logins are rate-limited.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../core/clock.js';

export const SESSION_COOKIE = 'vast_tray_session';
const SESSION_TTL_MS = 7 * 86_400_000;
const ONE_TIME_TTL_MS = 10 * 60_000;

/** Equal strings, in time that does not depend on where they differ (or on their lengths). */
export function constantTimeEqual(a: string, b: string): boolean {
  const hashA = createHash('sha256').update(a, 'utf8').digest();
  const hashB = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(hashA, hashB);
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** In-memory sessions: a restart (or a new token) logs everyone out, which is what we want. */
export class Sessions {
  private readonly sessions = new Map<string, number>();
  private readonly oneTime = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  create(): string {
    const id = randomToken();
    this.sessions.set(id, this.clock.now() + SESSION_TTL_MS);
    return id;
  }

  valid(id: string | undefined): boolean {
    if (!id) return false;
    const expires = this.sessions.get(id);
    if (expires === undefined) return false;
    if (expires < this.clock.now()) {
      this.sessions.delete(id);
      return false;
    }
    return true;
  }

  end(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  endAll(): void {
    this.sessions.clear();
    this.oneTime.clear();
  }

  /** A code for a login link; it works once, for ten minutes. */
  createOneTimeCode(): string {
    const code = randomToken(24);
    this.oneTime.set(code, this.clock.now() + ONE_TIME_TTL_MS);
    return code;
  }

  consumeOneTimeCode(code: string): boolean {
    for (const [candidate, expires] of this.oneTime) {
      if (constantTimeEqual(candidate, code)) {
        this.oneTime.delete(candidate);
        return expires >= this.clock.now();
      }
    }
    return false;
  }
}

/**
 * At most `max` failed logins per `windowMs`; past that, every login (right or wrong) is refused
 * until the window has passed, so the token cannot be guessed by trying.
 */
export class LoginThrottle {
  private failures: number[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly max = 5,
    private readonly windowMs = 60_000,
  ) {}

  /** Ms until logins are allowed again; 0 when they are. */
  blockedFor(): number {
    const now = this.clock.now();
    this.failures = this.failures.filter((at) => now - at < this.windowMs);
    if (this.failures.length < this.max) return 0;
    return (this.failures[0] ?? now) + this.windowMs - now;
  }

  fail(): void {
    this.failures.push(this.clock.now());
  }

  reset(): void {
    this.failures = [];
  }
}
