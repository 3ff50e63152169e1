import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/http/security-headers.ts';
import { securityApp, type SecurityApp } from './security-app.ts';

// What every answer carries. The CSP of the pages is checked in Chromium by the atlas and Wegweiser
// journeys and e2e/security/stored-xss.int.test.ts (a violation there is a console error).
let ctx: SecurityApp;
beforeAll(async () => {
  ctx = await securityApp('sqlite');
}, 120_000);
afterAll(async () => ctx?.close());

const get = (url: string) => ctx.app.inject({ method: 'GET', url });

describe('security headers', () => {
  it('sends nosniff, a referrer policy and no framing on API answers, errors included', async () => {
    for (const url of [
      '/api/v1/levels',
      '/api/v1/levels/none/areas',
      '/api/v1/no-such-route',
      '/api/v1/health',
    ]) {
      const response = await get(url);
      expect(response.headers, url).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'x-frame-options': 'DENY',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      });
    }
  });

  it('sends the page CSP with the HTML pages: scripts from self only, no framing', async () => {
    const page = await get('/');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['worker-src']).toEqual(["'self'", 'blob:']);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a path parameter over the router limit with 414 in the one error shape', async () => {
    const response = await get(`/api/v1/levels/${'x'.repeat(500)}/areas`);
    expect(response.statusCode).toBe(414);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.json()).toEqual({
      code: 'ParameterTooLong',
      message: 'A path parameter is too long (at most 100 characters).',
      details: null,
    });
  });

  it('answers a malformed URL with 400 in the one error shape', async () => {
    const response = await get('/api/v1/levels/%E0%A4%A/areas');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'FST_ERR_BAD_URL', details: null });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
