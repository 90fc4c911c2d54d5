import { DeclarationFlag } from '../indexer/facts.js';
import { NodeKind } from '../graph/symbol-graph.js';
import type { Reason } from './finding.js';

/** What explaining dead code reads of a graph: the linker's SymbolGraph, or a query's stored one. */
export interface DeadCodeGraph {
  readonly nodeKind: ArrayLike<number>;
  /** Who uses each node (the reverse of the edges). */
  readonly referrers: ArrayLike<Iterable<number>>;
  readonly fakeReferrers: ReadonlyMap<number, readonly number[]>;
  readonly memberGates: ReadonlyMap<number, { readonly classNode: number }>;
  declarationOf(node: number): { readonly flags: number } | undefined;
  describe(node: number): string;
}

export interface Explanation {
  reason: Reason;
  referrers?: string[];
}

/**
 * The code that uses a node: declarations and module top levels, looking through export
 * names and whole-module nodes (which only relay uses), never the node itself. With
 * `includeFake`, fake uses (`void x`) count too.
 */
export function usersOf(graph: DeadCodeGraph, node: number, includeFake = false): number[] {
  const users = new Set<number>();
  const seen = new Set<number>([node]);
  const pending = [node];
  // A class reaches its members only together with a use of their name: it is not a user.
  const gate = graph.memberGates.get(node);
  if (gate !== undefined) seen.add(gate.classNode);
  while (pending.length > 0) {
    const current = pending.pop() as number;
    const referrers = includeFake
      ? [...graph.referrers[current], ...(graph.fakeReferrers.get(current) ?? [])]
      : graph.referrers[current];
    for (const referrer of referrers) {
      if (seen.has(referrer)) continue;
      seen.add(referrer);
      const kind = graph.nodeKind[referrer];
      if (kind === NodeKind.ExportName || kind === NodeKind.WholeModule || kind === NodeKind.MemberName) pending.push(referrer);
      else users.add(referrer);
    }
  }
  return [...users];
}

/** Why a node that is not live is dead. */
export function explainDead(graph: DeadCodeGraph, node: number): Explanation {
  const users = usersOf(graph, node);
  if (users.length === 0) {
    const fakeUsers = usersOf(graph, node, true);
    return fakeUsers.length > 0
      ? { reason: 'only-fake-references', referrers: describeAll(graph, fakeUsers) }
      : { reason: 'unreferenced' };
  }
  // `const unused = x;`: assigning to a variable nothing reads is fake wiring too.
  if (users.every((user) => isUnreadAlias(graph, user))) {
    return { reason: 'only-fake-references', referrers: describeAll(graph, users) };
  }
  return { reason: 'only-referenced-by-dead-code', referrers: describeAll(graph, users) };
}

function isUnreadAlias(graph: DeadCodeGraph, node: number): boolean {
  const declaration = graph.declarationOf(node);
  if (declaration === undefined || (declaration.flags & DeclarationFlag.AliasOnly) === 0) return false;
  return usersOf(graph, node).length === 0;
}

function describeAll(graph: DeadCodeGraph, nodes: number[]): string[] {
  return nodes.map((node) => graph.describe(node)).sort();
}
