/** Who uses a node (callers) or what it uses (callees): lists by node, as a query asks for them. */
export type UseLists = Record<'callers' | 'callees', (node: number) => Int32Array>;

/**
 * The uses `[from, to, from, to, ...]` listed by node both ways, each list in the order of the
 * uses: one pass to count, one to place. A query then reads the lists of the nodes it shows
 * instead of scanning every use of the project.
 */
export function useLists(uses: ArrayLike<number>, nodeCount: number): UseLists {
  const byNode = (keyOffset: number): ((node: number) => Int32Array) => {
    const start = new Int32Array(nodeCount + 1);
    for (let pair = keyOffset; pair < uses.length; pair += 2) start[uses[pair] + 1] += 1;
    for (let node = 0; node < nodeCount; node += 1) start[node + 1] += start[node];
    const values = new Int32Array(uses.length / 2);
    const next = start.slice(0, nodeCount);
    for (let pair = 0; pair < uses.length; pair += 2) values[next[uses[pair + keyOffset]]++] = uses[pair + 1 - keyOffset];
    return (node) => values.subarray(start[node], start[node + 1]);
  };
  let callers: ((node: number) => Int32Array) | undefined;
  let callees: ((node: number) => Int32Array) | undefined;
  return {
    callers: (node) => (callers ??= byNode(1))(node),
    callees: (node) => (callees ??= byNode(0))(node),
  };
}
