import type { FileImport } from './file-imports.js';

/** A cycle of imports: `files[0]` imports `files[1]` … and the last imports `files[0]`. */
export interface ImportCycle {
  files: string[];
  /** The import in each file that leads to the next one. */
  imports: FileImport[];
  /** Files of the strongly connected component the cycle was found in: every import between two of them is on some cycle. */
  group: string[];
}

/**
 * One shortest cycle per strongly connected component of the import graph (Tarjan's
 * algorithm), starting at the component's first file in path order, so the report is stable.
 * A component of many files is reported once: breaking its shortest cycle is the first step.
 */
export function findImportCycles(imports: readonly FileImport[]): ImportCycle[] {
  const next = new Map<string, FileImport[]>();
  for (const edge of imports) {
    const list = next.get(edge.from) ?? [];
    list.push(edge);
    next.set(edge.from, list);
  }
  for (const list of next.values()) list.sort((a, b) => a.line - b.line || a.column - b.column || a.to.localeCompare(b.to));
  return stronglyConnected(next)
    .map((members) => shortestCycle(members.sort(), next))
    .filter((cycle): cycle is ImportCycle => cycle !== undefined)
    .sort((a, b) => a.files[0].localeCompare(b.files[0]));
}

function stronglyConnected(next: ReadonlyMap<string, FileImport[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  // Iterative, so a long chain of imports cannot overflow the call stack.
  for (const start of [...next.keys()].sort()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; edge: number }> = [{ node: start, edge: 0 }];
    index.set(start, index.size);
    low.set(start, index.get(start) as number);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = next.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const target = edges[frame.edge++].to;
        if (!index.has(target)) {
          index.set(target, index.size);
          low.set(target, index.get(target) as number);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(target) as number));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent) as number, low.get(frame.node) as number));
      }
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const members: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        members.push(member);
      } while (member !== frame.node);
      const selfImport = (next.get(frame.node) ?? []).some((edge) => edge.to === frame.node);
      if (members.length > 1 || selfImport) components.push(members);
    }
  }
  return components;
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
