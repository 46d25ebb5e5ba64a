import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webAssets } from './web-assets.js';

let parent: string;
let root: string;

beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'web-assets-'));
  root = join(parent, 'web');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>VPN</title>');
  writeFileSync(join(root, 'assets', 'index-1a2b3c.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-1a2b3c.css'), 'body{}');
  writeFileSync(join(root, 'manifest.webmanifest'), '{}');
  writeFileSync(join(root, 'icon.svg'), '<svg/>');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  writeFileSync(join(parent, 'secret.txt'), 'outside root');
  symlinkSync(join(parent, 'secret.txt'), join(root, 'linked.txt'));
});

afterAll(() => rmSync(parent, { recursive: true, force: true }));

const get = (path: string, init?: RequestInit) =>
  webAssets({ root }).request(`https://vpn.example.com${path}`, init);

describe('webAssets', () => {
  it('serves hashed assets as immutable with their content type', async () => {
    const js = await get('/assets/index-1a2b3c.js');
    const css = await get('/assets/index-1a2b3c.css');

    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe('console.log(1)');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('serves other files with a short cache', async () => {
    const manifest = await get('/manifest.webmanifest');
    const icon = await get('/icon.svg');

    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
    expect(manifest.headers.get('cache-control')).toBe('public, max-age=300');
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  });

  it('answers the root and unknown app paths with index.html that is always revalidated', async () => {
    for (const path of ['/', '/index.html', '/admin', '/admin/sessions/42']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(await res.text(), path).toContain('<title>VPN</title>');
    }
  });

  it('leaves /api paths and missing hashed assets to the 404 handler', async () => {
    expect((await get('/api/unknown')).status).toBe(404);
    expect((await get('/api')).status).toBe(404);
    expect((await get('/assets/index-old.js')).status).toBe(404);
  });

  it('never serves files outside the root, hidden files or symlinks', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/%2fetc%2fpasswd',
      '//etc/passwd',
      '/.env',
      '/linked.txt',
    ];
    for (const path of attempts) {
      const res = await get(path);
      const body = await res.text();
      expect(body, path).not.toContain('outside root');
      expect(body, path).not.toContain('SECRET');
      expect(body, path).not.toContain('root:');
    }
  });

  it('sets security headers fitting a Vite-built SPA', async () => {
    const res = await get('/');

    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await get('/assets/index-1a2b3c.js', { method: 'HEAD' });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await res.text()).toBe('');
  });

  it('answers 304 when the browser already has the file', async () => {
    const first = await get('/');
    const etag = first.headers.get('etag') ?? '';

    const again = await get('/', { headers: { 'if-none-match': etag } });

    expect(etag).not.toBe('');
    expect(again.status).toBe(304);
  });

  it('reads each file from disk once and then serves it from memory', async () => {
    const app = webAssets({ root });
    writeFileSync(join(root, 'robots.txt'), 'first');
    await app.request('/robots.txt');

    writeFileSync(join(root, 'robots.txt'), 'changed on disk');
    const res = await app.request('/robots.txt');

    expect(await res.text()).toBe('first');
  });

  it('serves nothing when the SPA has not been built', async () => {
    const res = await webAssets({ root: join(parent, 'missing') }).request('/');

    expect(res.status).toBe(404);
  });
});
