import { stronglyConnected } from '../../src/graph/strongly-connected.js';
import type { GraphFile } from '../../src/graph/symbol-graph.js';
import { resolvedFiles } from '../../src/resolve/resolved-files.js';

/**
 * File-level import cycles among `files` (every import form, type-only ones too: a cycle of
 * types still ties the files' layers together), as strongly connected components of more than
 * one file or a file importing itself. Each cycle is listed sorted; the list is sorted.
 */
export function findImportCycles(files: readonly GraphFile[], include: (path: string) => boolean): string[][] {
  const edges = new Map<string, Array<{ to: string }>>();
  for (const file of files) {
    if (!include(file.path)) continue;
    edges.set(file.path, [...new Set(file.resolutions.flatMap(resolvedFiles).filter(include))].map((to) => ({ to })));
  }
  return stronglyConnected(edges).map((cycle) => cycle.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
