import { type Explanation, explainDead } from '../rule-engine/explain-dead.js';
import { globToRegExp } from '../files/glob.js';
import { NodeKind } from '../graph/symbol-graph.js';
import type { QueryTarget } from './resolve-target.js';
import type { QueryView } from './query-view.js';

export interface FoundSymbol {
  name: string;
  kind: string;
  file: string;
  line: number;
  column: number;
  signature: string | null;
  component: string | null;
  exported: boolean;
  live: boolean;
  /** Live declarations and module top levels that use it. */
  liveCallers: number;
}

const FINDABLE = new Set(['function', 'class', 'variable', 'type', 'interface', 'enum', 'namespace', 'method', 'property', 'enum-member']);

/** `registry find`: symbols whose name matches a name or glob, optionally of one kind. */
export function findSymbols(context: QueryView, pattern: string, kind?: string): FoundSymbol[] {
  const matches = nameMatcher(pattern);
  // `Class.member` can only match a pattern with a dot, or a glob.
  const qualifiedMayMatch = pattern.includes('.') || /[*?[{]/.test(pattern);
  const found: Array<FoundSymbol & { node: number }> = [];
  for (const file of context.files) {
    const { declarations } = file.facts;
    let exported: ReadonlySet<number> | undefined;
    for (let index = 0; index < declarations.length; index += 1) {
      const declaration = declarations[index];
      if (!FINDABLE.has(declaration.kind) || (kind !== undefined && declaration.kind !== kind)) continue;
      // Members match by their own name or as `Class.member` (the owner's name is looked up only then).
      const ownName = matches(declaration.name);
      if (!ownName && (declaration.parent < 0 || !qualifiedMayMatch)) continue;
      const owner = declaration.parent >= 0 ? `${declarations[declaration.parent].name}.` : '';
      if (!ownName && !matches(`${owner}${declaration.name}`)) continue;
      const node = file.firstDeclarationNode + index;
      exported ??= context.exportedDeclarations(file);
      found.push({
        name: `${owner}${declaration.name}`,
        kind: declaration.kind,
        file: file.path,
        line: declaration.line,
        column: declaration.column,
        signature: declaration.signature ?? null,
        component: context.componentOf(file.path) ?? null,
        exported: exported.has(index),
        live: context.isLive(node),
        liveCallers: 0,
        node,
      });
    }
  }
  const callers = neighbours(context, 'callers');
  return found.map(({ node, ...symbol }) => ({ ...symbol, liveCallers: [...callers(node)].filter((caller) => context.isLive(caller)).length })).sort((a, b) => a.name.localeCompare(b.name) || a.file.localeCompare(b.file) || a.line - b.line);
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Smart case: a pattern with capitals matches exactly, one without ignores case; a glob as a glob. */
function nameMatcher(pattern: string): (name: string) => boolean {
  const caseless = pattern === pattern.toLowerCase();
  if (/[*?[{]/.test(pattern)) {
    const glob = new RegExp(globToRegExp(pattern).source, caseless ? 'i' : '');
    return (name) => glob.test(name);
  }
  // Names of another length are not lowered (most names are not the one asked for), unless
  // lowering may change their length (a few non-ASCII letters do).
  return caseless ? (name) => (name.length === pattern.length || NON_ASCII.test(name)) && name.toLowerCase() === pattern : (name) => name === pattern;
}

export interface UsageNode {
  label: string;
  live: boolean;
  children: UsageNode[];
}

/** `usage`: who uses the target (callers) and what it uses (callees), `depth` levels deep. */
export function usageOf(context: QueryView, target: QueryTarget, depth: number): { callers: UsageNode[]; callees: UsageNode[] } {
  const { graph } = context;
  const startNodes = target.kind === 'symbol' ? target.nodes : [target.file.moduleNode, ...target.file.facts.declarations.map((_, index) => target.file.firstDeclarationNode + index)];
  const inTarget = new Set(startNodes);
  const callers = neighbours(context, 'callers');
  const callees = neighbours(context, 'callees');
  const expand = (nodes: Iterable<number>, index: (node: number) => ReadonlySet<number>, level: number, seen: Set<number>): UsageNode[] => {
    const next = new Set<number>();
    for (const node of nodes) for (const other of index(node)) if (!inTarget.has(other)) next.add(other);
    return [...next]
      .sort((a, b) => graph.describe(a).localeCompare(graph.describe(b)))
      .map((node) => ({
        label: graph.describe(node),
        live: context.isLive(node),
        children: level < depth && !seen.has(node) ? expand([node], index, level + 1, new Set([...seen, node])) : [],
      }));
  };
  return { callers: expand(startNodes, callers, 1, new Set(startNodes)), callees: expand(startNodes, callees, 1, new Set(startNodes)) };
}

export interface WhyAnswer {
  target: string;
  live: boolean;
  /** For live code: the shortest chain from an entry, entry first. */
  chain?: string[];
  /** For dead code: why. */
  explanation?: Explanation;
}

/** `why`: the shortest chain of uses from an entry that keeps the target alive, or why it is dead. */
export function whyLive(context: QueryView, target: QueryTarget): WhyAnswer {
  const { graph } = context;
  const goal = target.kind === 'symbol' ? target.nodes : [target.file.moduleNode];
  if (!goal.some((node) => context.isLive(node))) {
    return { target: target.label, live: false, explanation: explainDead(graph, goal[0]) };
  }
  // A chain from a production entry says more than one from a test: try those first.
  const chain = shortestChain(context, context.roots.production, goal) ?? shortestChain(context, context.roots.test, goal) ?? [];
  const steps = chain.filter((step, index) => index === 0 || graph.nodeKind[step] !== NodeKind.WholeModule);
  const labels = steps.map((step, index) => (index === 0 ? context.rootLabel(step) : graph.describe(step)));
  return { target: target.label, live: true, chain: labels.filter((label, index) => index === 0 || label !== labels[index - 1]) };
}

/** The shortest path of uses from any of `roots` to any of `goal`, root first (whole-module nodes only relay). */
function shortestChain(context: QueryView, roots: readonly number[], goal: readonly number[]): number[] | undefined {
  const { graph } = context;
  const parent = new Int32Array(graph.nodeKind.length).fill(-2);
  const queue: number[] = [];
  for (const root of roots) {
    if (parent[root] === -2) {
      parent[root] = -1;
      queue.push(root);
    }
  }
  const goals = new Set(goal);
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head];
    if (goals.has(node)) {
      const path: number[] = [];
      for (let current = node; current !== -1; current = parent[current]) path.unshift(current);
      return path;
    }
    const edges = graph.outEdges(node);
    for (let at = 0; at < edges.length; at += 1) {
      const next = edges[at];
      // A gated member is reached through a read of its name; its class only lets that through.
      if (graph.memberGates.get(next)?.classNode === node) continue;
      if (parent[next] === -2) {
        parent[next] = node;
        queue.push(next);
      }
    }
  }
  return undefined;
}

/**
 * Uses between declarations (and module top levels) after imports and re-exports are
 * resolved, of one node at a time: who uses it (`callers`) or what it uses (`callees`). Fake
 * uses do not count. Module-level loads (imports for side effects, re-exports) count as uses
 * from file to file.
 */
function neighbours(context: QueryView, direction: 'callers' | 'callees'): (node: number) => ReadonlySet<number> {
  const loads = new Map<number, number[]>();
  for (const file of context.files) {
    for (const target of context.moduleLoads(file)) {
      const [key, value] = direction === 'callers' ? [target.moduleNode, file.moduleNode] : [file.moduleNode, target.moduleNode];
      const list = loads.get(key);
      if (list === undefined) loads.set(key, [value]);
      else list.push(value);
    }
  }
  const known = new Map<number, ReadonlySet<number>>();
  return (node) => {
    let found = known.get(node);
    if (found === undefined) {
      const set = new Set<number>(Array.from(context.usesOf(node, direction)));
      for (const other of loads.get(node) ?? []) set.add(other);
      known.set(node, (found = set));
    }
    return found;
  };
}
