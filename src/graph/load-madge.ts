import Module, { createRequire } from 'node:module';

import type madgeApi from 'madge';

type Madge = typeof madgeApi;

/** Node's CommonJS resolver (not in @types/node): what `require(request)` loads. */
const moduleLoader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };

let loaded: Promise<{ madge: Madge } | { error: string }> | undefined;

/**
 * madge, or why it cannot load. Its parser chain (dependency-tree → precinct →
 * detective-typescript → @typescript-eslint/typescript-estree) calls `require('typescript')` as
 * it loads, and the TypeScript 7 this repo installs has no JS API; so only while madge loads,
 * `typescript` resolves to the TypeScript JS API that ts-morph bundles (already loaded by the
 * indexer). orch-guard hands madge its own resolved graph, so madge's parsers never run.
 */
export function loadMadge(): Promise<{ madge: Madge } | { error: string }> {
  loaded ??= tryLoadMadge();
  return loaded;
}

async function tryLoadMadge(): Promise<{ madge: Madge } | { error: string }> {
  const resolve = moduleLoader._resolveFilename;
  try {
    const requireTsMorph = createRequire(createRequire(import.meta.url).resolve('ts-morph'));
    const bundled = requireTsMorph.resolve('@ts-morph/common/dist/typescript.js');
    moduleLoader._resolveFilename = function (this: unknown, request, ...rest) {
      return request === 'typescript' ? bundled : resolve.call(this, request, ...rest);
    };
    return { madge: (await import('madge')).default };
  } catch (error) {
    return { error: (error instanceof Error ? error.message : String(error)).split('\n')[0] };
  } finally {
    moduleLoader._resolveFilename = resolve;
  }
}
