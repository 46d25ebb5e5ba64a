import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Imports point down the layers, never up and never in a circle (STYLE.md section 2):
 * entries → local-mode / http / events → adapters → config → ports → the core's model,
 * with the core's use cases importing ports and the model only. Tests keep the same
 * direction; helpers that several layers' tests share live in app/testing.
 */
/** Everything below the three front layers (http, events, local mode). */
const BELOW_FRONT = ['core', 'adapters', 'config', 'ports', 'core/model', 'logging'];

const MAY_IMPORT: Record<string, readonly string[]> = {
  'core/model': [],
  logging: [],
  ports: ['core/model'],
  core: ['ports', 'core/model'],
  config: ['ports', 'core/model'],
  adapters: ['config', 'ports', 'core/model', 'logging'],
  events: BELOW_FRONT,
  http: BELOW_FRONT,
  // Local mode stands in for the ALB and CloudWatch, which sit in front of both functions.
  'local-mode': ['http', 'events', ...BELOW_FRONT],
  entries: ['local-mode', 'http', 'events', ...BELOW_FRONT],
  // Test-only helpers may reach every layer; only tests import them.
  testing: ['entries', 'local-mode', 'http', 'events', ...BELOW_FRONT],
};

const APP = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The layer a file belongs to: the longest folder prefix named in MAY_IMPORT. */
function layerOf(file: string): string | null {
  const path = relative(APP, file).split('\\').join('/');
  const layers = Object.keys(MAY_IMPORT).sort((a, b) => b.length - a.length);
  return layers.find((layer) => path.startsWith(`${layer}/`)) ?? null;
}

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)];
  return specifiers.map(([, specifier]) =>
    resolve(dirname(file), (specifier ?? '').replace(/\.js$/, '.ts')),
  );
}

const files = sourceFiles(APP).filter((file) => layerOf(file) !== null);
const isTest = (file: string) => /\.test\.tsx?$|\.contract\.ts$/.test(file);

describe('layers of app/', () => {
  it('puts every file in a layer', () => {
    const unplaced = sourceFiles(APP)
      .filter((file) => layerOf(file) === null && file !== fileURLToPath(import.meta.url))
      .map((file) => relative(APP, file));
    expect(unplaced).toEqual([]);
  });

  it('has every import point down the layers, tests included', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = layerOf(file) ?? '';
      const allowed = new Set([
        from,
        ...(MAY_IMPORT[from] ?? []),
        ...(isTest(file) ? ['testing'] : []),
      ]);
      for (const target of relativeImports(file)) {
        const to = layerOf(target);
        if (to !== null && !allowed.has(to)) {
          upward.push(`${relative(APP, file)} (${from}) -> ${relative(APP, target)} (${to})`);
        }
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no circle of imports between source files', () => {
    const sources = files.filter((file) => !isTest(file));
    const graph = new Map(
      sources.map((file) => [file, relativeImports(file).filter((t) => sources.includes(t))]),
    );
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push(
          [...path.slice(path.indexOf(file)), file].map((f) => relative(APP, f)).join(' -> '),
        );
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of sources) visit(file, []);
    expect(circles).toEqual([]);
  });
});
