// The Content Security Policy of our pages. The UI puts the same policy in a <meta> tag (which is
// what applies to file:// pages); main also sends it as a response header, which covers pages
// served over http (the dev server), where a header cannot be forgotten by a template.
import type { PageSource } from './pages.js';

export const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * The policy for a page source. Vite's dev server needs inline scripts (React refresh preamble),
 * inline styles (CSS hot reload) and its websocket; that relaxed policy exists only for a
 * loopback dev server in an unpackaged app (see pages.ts), never for the built files.
 */
export function contentSecurityPolicy(source: PageSource): string {
  if (source.kind === 'files') return CSP;
  const ws = source.origin.replace(/^http/, 'ws');
  return CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", `connect-src 'self' ${ws}`);
}

/** Response headers with our policy, replacing any policy the response had (in any casing). */
export function withCsp(headers: Record<string, string[]> | undefined, policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [policy];
  return out;
}
