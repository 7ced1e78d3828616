import { describe, expect, it } from 'vitest';
import { call, expectProblem, useTestApp } from './support/app.js';
import { storeKinds } from './support/stores.js';

describe.each(storeKinds)('platform on %s', (kind) => {
  const app = useTestApp(kind);

  it('reports health with the store kind and version', async () => {
    const res = await call(app.current, { method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.data).toEqual({ status: 'ok', store: kind, version: expect.any(String) });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('keeps a sane caller-given request id and answers unknown routes with problem+json', async () => {
    const res = await call(app.current, {
      method: 'GET',
      url: '/api/v1/nope',
      headers: { 'x-request-id': 'abc-123' },
    });
    const problem = expectProblem(res, 404);
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(problem.code).toBe('NOT_FOUND');
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const doc = await call(app.current, { method: 'GET', url: '/api/v1/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.data.openapi).toBe('3.1.0');
    expect(Object.keys(doc.data.paths)).toContain('/api/v1/clients/{clientId}');
    const docs = await call(app.current, { method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('exposes Prometheus metrics', async () => {
    const res = await call(app.current, { method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('keel_http_request_duration_seconds');
  });
});

describe('web app serving', () => {
  it('serves index.html for client-side routes and 404 for missing files', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createTestApp } = await import('./support/app.js');
    const dist = mkdtempSync(join(tmpdir(), 'keel-web-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Keel</title>');
    const app = await createTestApp('pglite', { webDist: dist });
    try {
      const page = await call(app, { method: 'GET', url: '/clients/123' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>Keel</title>');
      expectProblem(await call(app, { method: 'GET', url: '/assets/missing-abc.js' }), 404);
      expectProblem(await call(app, { method: 'GET', url: '/api/v1/missing' }), 404);
    } finally {
      await app.close();
    }
  });
});
