import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import type { TypeScriptApi } from './extract/typescript-api.js';

let loaded: TypeScriptApi | undefined;

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
  try {
    loaded = loadWithCodeCache(file, require);
  } catch {
    loaded = require(file) as TypeScriptApi;
  }
  return loaded;
}

function loadWithCodeCache(file: string, require: NodeJS.Require): TypeScriptApi {
  const source = readFileSync(file, 'utf8');
  const cacheDir = path.join(tmpdir(), 'orch-guard-code-cache');
  const cacheFile = path.join(cacheDir, `typescript-${process.version}-${source.length}.bin`);
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
  if (cachedData === undefined || script.cachedDataRejected === true) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only temp directory only costs speed.
    }
  }
  return module.exports;
}
