/**
 * The strongly connected components of a graph with a cycle (more than one file, or a file
 * that imports itself), by Tarjan's algorithm. The fallback of import-cycles.ts when madge
 * cannot load or fails (its depth-first search recurses once per file on a chain); the
 * architecture test (test/support/import-cycles.ts) uses it too.
 */
export function stronglyConnected(next: ReadonlyMap<string, ReadonlyArray<{ to: string }>>): string[][] {
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
