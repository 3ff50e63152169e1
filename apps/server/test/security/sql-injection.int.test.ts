import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../helpers.ts';
import { fingerprint, type Fingerprint } from './db-fingerprint.ts';
import { label, SQL_PAYLOADS } from './hostile-input.ts';
import { securityApp, type Engine, type SecurityApp } from './security-app.ts';

// Every query and path parameter of every operation in the OpenAPI document (built from API_ROUTES,
// so a new route is covered without editing this file) gets each payload, signed in as admin, on
// both engines. Nothing may fail with a 500 or leave the error shape, and the database must be
// byte-for-byte what it was.

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
}
interface Operation {
  method: string;
  path: string;
  operationId: string;
  parameters: Parameter[];
  responses: Record<string, unknown>;
}

/** Browser steps (sign-in redirects) refuse with a readable HTML page instead of JSON. */
const isBrowserStep = (op: Operation) => Object.keys(op.responses).some((s) => /^3\d\d$/.test(s));

/** Values that make the other parameters valid, so the payload reaches the store, not a 400 first. */
function defaultFor(name: string, path: string): string {
  if (name === 'id') {
    if (path.includes('/indicators/')) return 'einwohner';
    if (path.includes('/pyramids/')) return 'altersaufbau';
    if (path.includes('/directory/services/')) return 'security-test:A1';
    if (path.includes('/batches/')) return '1';
    return 'unknown';
  }
  if (name === 'from' || name === 'to') return path.includes('class-transitions') ? '2020' : 'kreis';
  const values: Record<string, string> = {
    level: 'kreis',
    key: '01001',
    area: '01001',
    areas: '01001,01002',
    indicators: 'einwohner,arbeitslose',
    preset: 'unknown',
    k: '2',
  };
  return values[name] ?? 'x';
}

function requestFor(op: Operation, target: Parameter, payload: string): string {
  let path = op.path;
  const query = new URLSearchParams();
  for (const p of op.parameters) {
    const value = p === target ? payload : defaultFor(p.name, op.path);
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(value));
    else if (p === target || p.required) query.set(p.name, value);
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

function describeEngine(engine: Engine): void {
  describe(`SQL injection through every parameter on ${engine}`, () => {
    let ctx: SecurityApp;
    let headers: Record<string, string>;
    let operations: Operation[] = [];
    let before: Fingerprint;

    beforeAll(async () => {
      ctx = await securityApp(engine);
      headers = await signInAs(ctx.app, ctx.store, 'admin');
      const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
      for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Operation>>))
        for (const [method, op] of Object.entries(methods))
          if (op.parameters.length > 0) operations.push({ ...op, method: method.toUpperCase(), path });
      before = await fingerprint(ctx.database);
    }, 300_000);
    afterAll(async () => {
      await ctx?.close();
      operations = [];
    });

    it('covers the operations with parameters', () => {
      expect(operations.length).toBeGreaterThan(20);
      expect(operations.map((o) => o.operationId)).toEqual(
        expect.arrayContaining(['listAreas', 'exportValues', 'searchDirectory', 'undoBatch']),
      );
    });

    it('answers every payload in every parameter with 2xx/4xx in the one error shape', async () => {
      const failures: string[] = [];
      for (const op of operations) {
        for (const parameter of op.parameters) {
          for (const payload of SQL_PAYLOADS) {
            const url = requestFor(op, parameter, payload);
            const response = await ctx.app.inject({
              method: op.method as 'GET',
              url,
              headers,
              ...(op.method === 'GET' ? {} : { payload: {} }),
            });
            const where = `${op.method} ${op.path} ${parameter.in}:${parameter.name}=${label(payload)}`;
            if (response.statusCode >= 500)
              failures.push(`${where} → ${response.statusCode} ${response.body.slice(0, 160)}`);
            else if (
              response.statusCode >= 400 &&
              !(isBrowserStep(op) && String(response.headers['content-type']).startsWith('text/html'))
            ) {
              const body = safeJson(response.body);
              const shaped =
                body !== null &&
                typeof body.code === 'string' &&
                typeof body.message === 'string' &&
                'details' in body;
              if (!shaped)
                failures.push(
                  `${where} → ${response.statusCode} not the error shape: ${response.body.slice(0, 160)}`,
                );
            }
          }
        }
      }
      expect(failures).toEqual([]);
    }, 300_000);

    it('left every table exactly as it was', async () => {
      expect(await fingerprint(ctx.database)).toEqual(before);
    });
  });
}

function safeJson(text: string): Record<string, unknown> | null {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}

describeEngine('sqlite');
describeEngine('postgres');
