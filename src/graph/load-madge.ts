import Module, { createRequire } from 'node:module';

/** What orch-guard asks of madge: a graph handed over as a tree object, and its cycles. */
export interface MadgeGraph {
  circular(): string[][];
}
export type Madge = (tree: Record<string, string[]>) => Promise<MadgeGraph>;

type ResolveFilename = (request: string, ...rest: unknown[]) => string;
const moduleLoader = Module as unknown as { _resolveFilename: ResolveFilename };
const requireHere = createRequire(import.meta.url);

let loaded: { madge: Madge } | { error: string } | undefined;

/**
 * madge, or why it cannot load. Its parser chain (dependency-tree → precinct →
 * detective-typescript → @typescript-eslint/typescript-estree) calls `require('typescript')` as
 * it loads, and the TypeScript 7 this repo installs has no JS API; so only while madge loads,
 * `typescript` resolves to the TypeScript JS API that ts-morph bundles (already loaded by the
 * indexer). orch-guard hands madge its own resolved graph, so madge's parsers never run.
 */
export function loadMadge(): { madge: Madge } | { error: string } {
  loaded ??= tryLoadMadge();
  return loaded;
}

function tryLoadMadge(): { madge: Madge } | { error: string } {
  const resolve = moduleLoader._resolveFilename;
  try {
    const bundled = createRequire(requireHere.resolve('ts-morph')).resolve('@ts-morph/common/dist/typescript.js');
    moduleLoader._resolveFilename = function (this: unknown, request, ...rest) {
      return request === 'typescript' ? bundled : resolve.call(this, request, ...rest);
    };
    return { madge: requireHere('madge') as Madge };
  } catch (error) {
    return { error: (error instanceof Error ? error.message : String(error)).split('\n')[0] };
  } finally {
    moduleLoader._resolveFilename = resolve;
  }
}
