import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The Content-Security-Policy of the HTML pages (atlas, Wegweiser). Scripts only from the app's own
 * origin, so text from the database that slipped into markup could still not run. MapLibre starts
 * its worker from a same-origin file or a blob: URL. The basemap is a style URL the planner types
 * in (any http(s) host, kept in the view state), so its styles, tiles, glyphs and sprites are
 * fetched from `https:`; exports draw through data: and blob: images.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "connect-src 'self' https:",
  "img-src 'self' data: blob: https:",
  // Charts and MapLibre set element styles at run time; style attributes carry no script.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response carries, pages and API alike. */
const COMMON_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** Adds the security headers in one onSend hook; the CSP only where HTML is sent. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    setSecurityHeaders(reply);
    return payload;
  });
}

/** Sets the headers on one reply; also used where Fastify answers before any hook runs. */
export function setSecurityHeaders(reply: FastifyReply): void {
  for (const [name, value] of Object.entries(COMMON_HEADERS)) void reply.header(name, value);
  const type = String(reply.getHeader('content-type') ?? '');
  // API answers are data, never a document: forbid everything should one be opened as a page.
  const csp = type.startsWith('text/html')
    ? CONTENT_SECURITY_POLICY
    : "default-src 'none'; frame-ancestors 'none'";
  void reply.header('content-security-policy', csp);
}
