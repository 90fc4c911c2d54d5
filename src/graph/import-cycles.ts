import type { FileImport } from './file-imports.js';
import { loadMadge } from './load-madge.js';
import { stronglyConnected } from './strongly-connected.js';

/** A cycle of imports: `files[0]` imports `files[1]` … and the last imports `files[0]`. */
export interface ImportCycle {
  files: string[];
  /** The import in each file that leads to the next one. */
  imports: FileImport[];
  /** Files of the strongly connected component the cycle was found in: every import between two of them is on some cycle. */
  group: string[];
}

/**
 * One shortest cycle per strongly connected component of the import graph, starting at the
 * component's first file in path order, so the report is stable. A component of many files is
 * reported once: breaking its shortest cycle is the first step. Only imports that run when a
 * module loads count (not type-only ones, not `import()`). madge's `circular()` finds the
 * cycles on orch-guard's resolved graph; each is widened to its component here.
 */
export async function findLoadCycles(imports: readonly FileImport[], notices: string[]): Promise<ImportCycle[]> {
  const next = new Map<string, FileImport[]>();
  for (const edge of imports) {
    if (edge.typeOnly || edge.lazy) continue;
    const list = next.get(edge.from) ?? [];
    list.push(edge);
    next.set(edge.from, list);
  }
  for (const list of next.values()) list.sort((a, b) => a.line - b.line || a.column - b.column || a.to.localeCompare(b.to));
  const groups = await madgeGroups(next, notices) ?? stronglyConnected(next);
  return groups
    .map((members) => shortestCycle(members.sort(), next))
    .filter((cycle): cycle is ImportCycle => cycle !== undefined)
    .sort((a, b) => a.files[0].localeCompare(b.files[0]));
}

/** The components madge's cycles lie in; undefined (and a notice) when madge cannot load or fails. */
async function madgeGroups(next: ReadonlyMap<string, FileImport[]>, notices: string[]): Promise<string[][] | undefined> {
  const loaded = await loadMadge();
  try {
    if ('error' in loaded) throw new Error(loaded.error);
    const tree = Object.fromEntries([...next].map(([from, edges]) => [from, [...new Set(edges.map((edge) => edge.to))]]));
    const cycles = (await loaded.madge(tree)).circular();
    const previous = new Map<string, string[]>();
    for (const [from, edges] of next) {
      for (const edge of edges) {
        const list = previous.get(edge.to) ?? [];
        list.push(from);
        previous.set(edge.to, list);
      }
    }
    const grouped = new Set<string>();
    const groups: string[][] = [];
    // Every file of every cycle seeds its component (a file off any cycle yields no shortest cycle and drops out).
    for (const file of cycles.flat()) {
      if (grouped.has(file)) continue;
      const group = componentOf(file, next, previous);
      for (const member of group) grouped.add(member);
      groups.push(group);
    }
    return groups;
  } catch (error) {
    notices.push(`circular-import: madge failed (${(error instanceof Error ? error.message : String(error)).split('\n')[0]}); cycles found by orch-guard's own search instead`);
    return undefined;
  }
}

/** The files `start` reaches that also reach `start`: its strongly connected component. */
function componentOf(start: string, next: ReadonlyMap<string, FileImport[]>, previous: ReadonlyMap<string, string[]>): string[] {
  const forward = reach(start, (file) => (next.get(file) ?? []).map((edge) => edge.to));
  return [...reach(start, (file) => previous.get(file) ?? [])].filter((file) => forward.has(file));
}

function reach(start: string, neighbours: (file: string) => readonly string[]): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let head = 0; head < queue.length; head += 1) {
    for (const file of neighbours(queue[head])) {
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(file);
    }
  }
  return seen;
}

/** Breadth-first from `start` back to itself inside the component. */
function shortestCycle(group: string[], next: ReadonlyMap<string, FileImport[]>): ImportCycle | undefined {
  const start = group[0];
  const members = new Set(group);
  const via = new Map<string, FileImport>();
  const queue = [start];
  for (let head = 0; head < queue.length; head += 1) {
    for (const edge of next.get(queue[head]) ?? []) {
      if (!members.has(edge.to)) continue;
      if (edge.to === start) {
        const path = [edge];
        for (let step = via.get(edge.from); step !== undefined; step = via.get(step.from)) path.unshift(step);
        return { files: path.map((link) => link.from), imports: path, group };
      }
      if (via.has(edge.to)) continue;
      via.set(edge.to, edge);
      queue.push(edge.to);
    }
  }
  return undefined;
}
