import type { GraphFile } from '../../src/graph/symbol-graph.js';
import { resolvedFiles } from '../../src/resolve/resolved-files.js';

/**
 * File-level import cycles among `files` (every import form, type-only ones too: a cycle of
 * types still ties the files' layers together), as strongly connected components of more than
 * one file or a file importing itself. Each cycle is listed sorted; the list is sorted.
 */
export function findImportCycles(files: readonly GraphFile[], include: (path: string) => boolean): string[][] {
  const edges = new Map<string, string[]>();
  for (const file of files) {
    if (!include(file.path)) continue;
    edges.set(file.path, [...new Set(file.resolutions.flatMap(resolvedFiles).filter(include))]);
  }
  // Tarjan's algorithm, iterative enough for this size (recursion depth = longest import chain).
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (edges.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) connect(node);
  return cycles.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
