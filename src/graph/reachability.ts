import type { SymbolGraph } from './symbol-graph.js';

export interface Liveness {
  /** Reachable from any root, tests included. */
  live: Uint8Array;
  /** Reachable from production roots alone. */
  productionLive: Uint8Array;
}

/**
 * Marks what is reachable. Production roots go first, so the second pass (adding test roots)
 * shows exactly what only tests keep alive.
 */
export function computeLiveness(graph: SymbolGraph, productionRoots: number[], testRoots: number[]): Liveness {
  const productionLive = new Uint8Array(graph.nodeKind.length);
  propagate(graph, productionLive, productionRoots);
  const live = productionLive.slice();
  propagate(graph, live, testRoots);
  return { live, productionLive };
}

function propagate(graph: SymbolGraph, marks: Uint8Array, roots: number[]): void {
  const stack: number[] = [];
  for (const root of roots) {
    if (marks[root] === 0) {
      marks[root] = 1;
      stack.push(root);
    }
  }
  const gates = graph.memberGates;
  while (stack.length > 0) {
    const node = stack.pop() as number;
    for (const next of graph.edges[node]) {
      if (marks[next] !== 0) continue;
      const gate = gates.get(next);
      // A gated class member needs both its class and its name: whichever comes second opens it.
      if (gate !== undefined && (gate.nameNode === -1 || marks[gate.classNode] === 0 || marks[gate.nameNode] === 0)) continue;
      marks[next] = 1;
      stack.push(next);
    }
  }
}
