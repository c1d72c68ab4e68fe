import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXPLORER_QUERY, explorerRouter, explorerSizes, renderExplorer } from './explorer';

describe('the API explorer', () => {
  let server: ReturnType<ReturnType<typeof express>['listen']>;
  let base = '';

  beforeAll(async () => {
    const app = express();
    app.use(explorerRouter('/graphql'));
    app.use((_req, res) => void res.status(404).send('next'));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => void server.close());

  it('weighs well under 1 MB gzipped, everything included', () => {
    const sizes = explorerSizes();
    expect(sizes.gzip).toBeLessThan(100 * 1024);
    expect(sizes.raw).toBeLessThan(400 * 1024);
  });

  it('serves its page under a strict CSP, its assets pre-compressed and immutable', async () => {
    const page = await fetch(`${base}/graphql`, {
      headers: { accept: 'text/html', 'accept-encoding': 'gzip' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(page.headers.get('vary')).toBe('Accept, Accept-Encoding');
    const html = await page.text();
    expect(html).toContain('<title>Pace API explorer</title>');
    // No executable inline script (the settings are a JSON data block) and nothing from elsewhere.
    expect(html.match(/<script(?![^>]*(src=|type="application\/json"))/g)).toBeNull();
    expect(html).not.toMatch(/(src|href)="https?:/);
    const assets = [...html.matchAll(/(?:src|href)="(\/graphql\/explorer\/[^"]+)"/g)].map(
      (match) => match[1]!,
    );
    expect(assets).toHaveLength(2);
    for (const asset of assets) {
      const response = await fetch(base + asset, { headers: { 'accept-encoding': 'br' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe('br');
      expect(response.headers.get('cache-control')).toContain('immutable');
      expect((await response.text()).length).toBeGreaterThan(1000);
    }
  });

  it('leaves JSON requests and GET queries to the GraphQL server', async () => {
    const json = await fetch(`${base}/graphql`, { headers: { accept: 'application/json' } });
    expect(await json.text()).toBe('next');
    const query = await fetch(`${base}/graphql?query={__typename}`, {
      headers: { accept: 'text/html' },
    });
    expect(await query.text()).toBe('next');
  });

  it('keeps the former GraphiQL one link away', async () => {
    const response = await fetch(`${base}/graphql?ide=graphiql`, {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Pace API explorer (GraphiQL)');
  });

  it('offers a first tab whose operations are valid against the committed schema', () => {
    const schema = buildSchema(
      readFileSync(path.resolve(import.meta.dirname, '../../../schema.graphql'), 'utf8'),
    );
    expect(validate(schema, parse(DEFAULT_EXPLORER_QUERY))).toEqual([]);
    expect(DEFAULT_EXPLORER_QUERY).toMatch(/mutation SignIn \{\n {2}login\(/);
    expect(DEFAULT_EXPLORER_QUERY).toMatch(/mutation CreateToken \{\n {2}issuePersonalAccessToken/);
  });

  it('cannot be broken out of by its settings', () => {
    const html = renderExplorer('/graphql"></script><script>alert(1)</script>', {
      script: '/a.js',
      style: '/a.css',
    });
    expect(html).not.toContain('<script>alert(1)');
  });
});
