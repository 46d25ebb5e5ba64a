import { createHash } from 'node:crypto';
import { lstatSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { getMimeType } from 'hono/utils/mime';
import type { AppEnv } from '../app-env.js';

export interface WebAssetsOptions {
  /** The built SPA (dist/web locally; `web/` beside the bundle in the Lambda asset). */
  root: string;
}

// Vite puts content-hashed files under /assets/: they never change under the same name.
const IMMUTABLE = 'public, max-age=31536000, immutable';
// Icons, manifest and the like keep their names across releases.
const SHORT = 'public, max-age=300';
// index.html names the current hashed files: always revalidate it.
const REVALIDATE = 'no-cache';

/**
 * A Vite build needs nothing inline: scripts, styles and fonts come from our origin; data:
 * images for small inlined assets; no framing (the portal has buttons worth clickjacking).
 */
const spaSecurityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
});

interface Asset {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  etag: string;
}

/**
 * Serves the SPA: existing files as they are, any other non-API GET as index.html (client
 * routing). The set of servable files is the directory listing taken once, so a request
 * path is only ever a key in that map, never joined onto the filesystem: `..`, encoded
 * slashes or absolute paths cannot reach outside `root`. Bodies are cached after first read
 * (a warm Lambda serves them from memory).
 */
export function webAssets({ root }: WebAssetsOptions) {
  const rootDir = resolve(root);
  let files: Map<string, string> | undefined;
  const cache = new Map<string, Promise<Asset>>();

  const load = (urlPath: string, file: string): Promise<Asset> => {
    let asset = cache.get(urlPath);
    if (!asset) {
      asset = readFile(file).then((data) => ({
        body: new Uint8Array(data),
        type: getMimeType(urlPath) ?? 'application/octet-stream',
        etag: `"${createHash('sha256').update(data).digest('base64url').slice(0, 27)}"`,
      }));
      // A failed read (file removed since the listing) must not stick.
      asset.catch(() => cache.delete(urlPath));
      cache.set(urlPath, asset);
    }
    return asset;
  };

  return new Hono<AppEnv>().get('*', spaSecurityHeaders, async (c, next) => {
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/')) return next();
    files ??= listFiles(rootDir);

    const file = files.get(path);
    const isIndex = path === '/' || path === '/index.html' || file === undefined;
    // A missing hashed file is a stale page asking for an old build: a 404, not HTML.
    if (file === undefined && path.startsWith('/assets/')) return next();
    const indexFile = files.get('/index.html');
    const servedPath = file === undefined || path === '/' ? '/index.html' : path;
    const servedFile = file ?? indexFile;
    if (servedFile === undefined) return next();

    const asset = await load(servedPath, servedFile);
    c.header('Content-Type', asset.type);
    c.header('ETag', asset.etag);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header(
      'Cache-Control',
      isIndex ? REVALIDATE : path.startsWith('/assets/') ? IMMUTABLE : SHORT,
    );
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
    return c.body(asset.body);
  });
}

/** URL path (`/assets/app-1a2b.js`) → file, for every regular non-hidden file under root. */
function listFiles(rootDir: string): Map<string, string> {
  const files = new Map<string, string>();
  let entries: string[];
  try {
    entries = readdirSync(rootDir, { recursive: true, encoding: 'utf8' });
  } catch {
    return files; // No build yet: nothing to serve, every path is a 404.
  }
  for (const entry of entries) {
    const file = join(rootDir, entry);
    const parts = relative(rootDir, file).split(sep);
    if (parts.some((part) => part.startsWith('.'))) continue;
    if (!isFile(file)) continue;
    files.set(`/${parts.join('/')}`, file);
  }
  return files;
}

/** Regular files only: a symlink could point outside root. */
function isFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}
