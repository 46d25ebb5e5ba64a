import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1_000; // decimal kilobyte, the stricter reading of "25 KB"
export const SPA_BUDGET_BYTES = 25 * KB;

/** Static `import … from "./x.js"` / `import "./x.js"` of a built chunk (not `import()`). */
function staticImports(code) {
  const found = new Set();
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
    found.add(match[1]);
  }
  return [...found];
}

/**
 * What the browser must fetch before the first paint: the entry script, its static imports
 * (transitively), module preloads and the style sheets index.html links, gzip-compressed.
 */
export function spaFirstLoad(webDir) {
  const html = readFileSync(join(webDir, 'index.html'), 'utf8');
  const attribute = (tag, name) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((match) => match[0]);
  const scripts = tags
    .filter((tag) => tag.startsWith('<script') && /type="module"/.test(tag))
    .map((tag) => attribute(tag, 'src'));
  const preloads = tags
    .filter((tag) => /rel="modulepreload"/.test(tag))
    .map((tag) => attribute(tag, 'href'));
  const styles = tags
    .filter((tag) => /rel="stylesheet"/.test(tag))
    .map((tag) => attribute(tag, 'href'));

  const files = new Map();
  const visit = (url) => {
    if (!url || files.has(url) || /^https?:/.test(url)) return;
    const bytes = readFileSync(join(webDir, url.replace(/^\//, '')));
    files.set(url, { raw: bytes.length, gzip: gzipSync(bytes).length });
    if (url.endsWith('.js')) {
      for (const spec of staticImports(bytes.toString('utf8'))) {
        visit(spec.startsWith('.') ? posix.join(posix.dirname(url), spec) : spec);
      }
    }
  };
  for (const url of [...scripts, ...preloads, ...styles]) visit(url);

  const sum = (kind, ext) =>
    [...files]
      .filter(([url]) => url.endsWith(ext))
      .reduce((total, [, size]) => total + size[kind], 0);
  return {
    webDir: dirname(join(webDir, 'index.html')),
    files: Object.fromEntries(files),
    jsGzipBytes: sum('gzip', '.js'),
    cssGzipBytes: sum('gzip', '.css'),
    totalGzipBytes: sum('gzip', '.js') + sum('gzip', '.css'),
    totalRawBytes: sum('raw', '.js') + sum('raw', '.css'),
  };
}
