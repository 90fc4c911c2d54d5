import { isAscii } from 'node:buffer';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import type { TypeScriptApi } from './typescript-api.js';

let loaded: TypeScriptApi | undefined;
/** Set when the code cache was missing or stale: written once the parser has run. */
let pendingCache: { script: vm.Script; file: string } | undefined;

/**
 * Loads the TypeScript compiler bundled with ts-morph. Compiling its 9 MB of JavaScript is
 * most of the cost of a small incremental run, so the compiled code is kept in a V8 code
 * cache under the OS temp directory; any problem with the cache falls back to `require`.
 */
export function loadTypeScript(): TypeScriptApi {
  if (loaded !== undefined) return loaded;
  const require = createRequire(import.meta.url);
  const morphRequire = createRequire(require.resolve('ts-morph'));
  const file = morphRequire.resolve('@ts-morph/common/dist/typescript.js');
  let api: TypeScriptApi;
  try {
    api = loadWithCodeCache(file, require);
  } catch {
    api = require(file) as TypeScriptApi;
  }
  loaded = withPlainProperties(api);
  return loaded;
}

/**
 * The bundle exports every name through a getter (live bindings): the extractor's hot loops
 * (`ts.SyntaxKind.Identifier`, `ts.isIdentifier(...)`, once per node) would call one on every
 * read. A copy holds the same values as plain properties. The parser's functions and enums are
 * set once when the bundle loads, so the copy never goes stale.
 */
function withPlainProperties(api: TypeScriptApi): TypeScriptApi {
  return { ...api };
}

/**
 * Writes the code cache after the parser ran, so it holds the functions parsing compiles
 * lazily too (a cache made right after loading would miss them). Once per process.
 */
export function saveTypeScriptCodeCache(): void {
  if (pendingCache === undefined) return;
  const { script, file } = pendingCache;
  pendingCache = undefined;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, file);
  } catch {
    // A read-only temp directory only costs speed.
  }
}

function loadWithCodeCache(file: string, require: NodeJS.Require): TypeScriptApi {
  const bytes = readFileSync(file);
  // The bundle is ASCII: reading it as latin1 gives the same string without UTF-8 decoding.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const cacheFile = path.join(tmpdir(), 'orch-guard-code-cache', `typescript-${process.version}-${source.length}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: file, cachedData });
  const module = { exports: {} as TypeScriptApi };
  const factory = script.runInThisContext() as (...args: unknown[]) => void;
  factory.call(module.exports, module.exports, require, module, file, path.dirname(file));
  if (cachedData === undefined || script.cachedDataRejected === true) pendingCache = { script, file: cacheFile };
  return module.exports;
}
