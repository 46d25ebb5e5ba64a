// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs of the bench, without types
import { SPA_BUDGET_BYTES, spaFirstLoad } from '../scripts/bench/spa-size.mjs';

/**
 * Issue 16: the home-screen app, as built. Reads dist/web (building it when missing, so the
 * test never silently checks nothing) the way iPadOS reads it when someone taps "Add to
 * Home Screen": the manifest, its icons, the iOS meta tags of index.html.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const webDir = join(root, 'dist', 'web');
const PORTAL = 'https://vpn.example.com';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}
interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  icons: ManifestIcon[];
}

beforeAll(() => {
  if (
    !existsSync(join(webDir, 'index.html')) ||
    !existsSync(join(webDir, 'manifest.webmanifest'))
  ) {
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
      {
        cwd: root,
        stdio: 'pipe',
      },
    );
  }
}, 120_000);

const built = (path: string) => join(webDir, path.replace(/^\//, ''));
const manifest = () => JSON.parse(readFileSync(built('manifest.webmanifest'), 'utf8')) as Manifest;
const indexHtml = () => readFileSync(built('index.html'), 'utf8');

/** A PNG's width and height, from its IHDR chunk (bytes 16–23). */
function pngSize(path: string): string {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1'), `${path} is a PNG`).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

/** The `content` of `<meta name="…">` or the `href` of `<link rel="…">` in index.html. */
function tagValue(html: string, tag: 'meta' | 'link', key: string): string | undefined {
  const attribute = tag === 'meta' ? 'name' : 'rel';
  const value = tag === 'meta' ? 'content' : 'href';
  const element = [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'g'))]
    .map((match) => match[0])
    .find((candidate) => candidate.includes(`${attribute}="${key}"`));
  return element ? new RegExp(`${value}="([^"]*)"`).exec(element)?.[1] : undefined;
}

describe('the built manifest.webmanifest', () => {
  it('names the app, with a short name that fits under a home-screen icon', () => {
    const { name, short_name } = manifest();
    expect(name).toBe('VPN On Demand');
    expect(short_name.length).toBeGreaterThan(0);
    expect(short_name.length).toBeLessThanOrEqual(12);
  });

  it('lists icons whose files exist at the sizes it says, 192 and 512 and a maskable one among them', () => {
    const { icons } = manifest();
    for (const icon of icons) {
      const file = built(icon.src);
      expect(existsSync(file), `${icon.src} is in dist/web`).toBe(true);
      if (icon.type === 'image/png') expect(pngSize(file), icon.src).toBe(icon.sizes);
      else expect(icon.sizes, icon.src).toBe('any');
    }
    const pngs = icons.filter((icon) => icon.type === 'image/png');
    const plain = pngs.filter((icon) => (icon.purpose ?? 'any').includes('any'));
    expect(plain.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(pngs.some((icon) => icon.purpose?.includes('maskable'))).toBe(true);
  });

  it('starts at the portal root, inside its scope, and nowhere near the API or the sign-in', () => {
    const { start_url, scope } = manifest();
    const start = new URL(start_url, PORTAL);
    const within = new URL(scope, PORTAL);
    expect(start.origin).toBe(PORTAL);
    expect(within.origin).toBe(PORTAL);
    expect(start.pathname.startsWith(within.pathname)).toBe(true);
    expect(start.pathname).toBe('/');
    expect(start.pathname).not.toMatch(/^\/(api|_local|oauth2|signout)/);
  });

  it('opens as an app of its own (standalone), not as a browser tab', () => {
    expect(['standalone', 'fullscreen']).toContain(manifest().display);
  });
});

describe('the built index.html for iOS', () => {
  it('carries the iOS home-screen meta tags and the manifest link', () => {
    const html = indexHtml();
    expect(tagValue(html, 'meta', 'apple-mobile-web-app-capable')).toBe('yes');
    expect(tagValue(html, 'meta', 'apple-mobile-web-app-title')).toBeTruthy();
    expect(tagValue(html, 'meta', 'apple-mobile-web-app-status-bar-style')).toMatch(
      /^(default|black|black-translucent)$/,
    );
    expect(tagValue(html, 'meta', 'viewport')).toContain('viewport-fit=cover');
    expect(tagValue(html, 'link', 'manifest')).toBe('/manifest.webmanifest');
  });

  it('links an apple-touch-icon of 180×180 that exists', () => {
    const href = tagValue(indexHtml(), 'link', 'apple-touch-icon');
    expect(href).toBeTruthy();
    expect(pngSize(built(href ?? ''))).toBe('180x180');
  });

  it('keeps the first load within the budget of the README’s Performance table', () => {
    const { totalGzipBytes } = spaFirstLoad(webDir) as { totalGzipBytes: number };
    expect(totalGzipBytes).toBeLessThanOrEqual(SPA_BUDGET_BYTES);
  });
});
