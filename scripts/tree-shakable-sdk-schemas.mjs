// The AWS SDK v3 clients describe every operation and shape of their service as top-level
// arrays in one generated file (dist-es/schemas/schemas_0.js: 1.3 MB for EC2). Many of those
// arrays hold objects with computed keys (`{ [_xN]: _nTe }`), which esbuild must assume may run
// code, so it keeps every one of them even though the portal uses a dozen EC2 operations:
// 540 KiB of the portal bundle, and 140 ms of compiling it at each cold start (issue 15).
//
// This plugin marks each such top-level array as pure: `var X$ = [...]` becomes
// `var X$ = /* @__PURE__ */ (() => [...])()`, which evaluates to the same array, and which
// esbuild drops when nothing refers to `X$`. Statements that do run code (the error
// registrations) are left as they are, so every error class the client knows stays registered.
// A schema file whose layout this does not recognise is bundled untouched, only bigger.
import { readFile } from 'node:fs/promises';

const STATEMENT_START = /^((?:export )?var [\w$]+ = )(\[.*)$/;
const SCHEMA_FILE = /[\\/]@aws-sdk[\\/]client-[\w-]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/;

/**
 * Wraps each top-level `var NAME = [...]` statement of a generated schema file. A statement
 * either ends on its own line with `];` or spans lines up to a line that is exactly `];` (the
 * generator's layout). Returns null when a statement never ends: the file is left alone.
 */
export function markSchemasPure(source) {
  const lines = source.split('\n');
  const out = [];
  let wrapped = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const start = STATEMENT_START.exec(lines[index]);
    if (!start) {
      out.push(lines[index]);
      continue;
    }
    const statement = [start[2]];
    if (!start[2].endsWith('];')) {
      do {
        index += 1;
        if (index >= lines.length) return null;
        statement.push(lines[index]);
      } while (lines[index] !== '];');
    }
    const array = statement.join('\n').slice(0, -1);
    out.push(`${start[1]}/* @__PURE__ */ (() => ${array})();`);
    wrapped += 1;
  }
  return { contents: out.join('\n'), wrapped };
}

export const treeShakableSdkSchemas = {
  name: 'tree-shakable-sdk-schemas',
  setup(build) {
    build.onLoad({ filter: SCHEMA_FILE }, async (args) => {
      const marked = markSchemasPure(await readFile(args.path, 'utf8'));
      return marked ? { contents: marked.contents, loader: 'js' } : undefined;
    });
  },
};
