import type { Analysis } from '../analyse/analyse.js';
import type { GraphFile, SymbolGraph } from '../graph/symbol-graph.js';
import type { DeclarationFact } from '../indexer/facts.js';
import { resolvedFiles } from '../resolve/resolved-files.js';
import type { DeadCodeGraph } from '../rule-engine/explain-dead.js';
import { rootLabeller } from './root-label.js';
import { type UseLists, useLists } from './use-lists.js';

/** What queries read of a declaration (a stored view keeps no more). */
export type QueryDeclaration = Pick<DeclarationFact, 'name' | 'kind' | 'line' | 'column' | 'endLine' | 'parent' | 'flags' | 'signature'>;

/** What queries read of a project file: a graph file has it, and so does a stored view. */
export interface QueryFile extends Pick<GraphFile, 'index' | 'path' | 'isTest' | 'isEntry' | 'isDeclarationFile' | 'moduleNode' | 'firstDeclarationNode'> {
  readonly facts: { readonly declarations: readonly QueryDeclaration[] };
  /** Top-level declaration indexes by name, as the linker indexed them. */
  readonly declarationsByName: ReadonlyMap<string, readonly number[]>;
}

/** What queries read of the symbol graph (the linker's SymbolGraph, or a stored view). */
export interface QueryGraph extends DeadCodeGraph {
  /** A node's out-edges, in the linker's order (`why` takes the first shortest chain). */
  outEdges(node: number): ArrayLike<number>;
  readonly memberGates: ReadonlyMap<number, { readonly classNode: number; readonly nameNode: number }>;
  declarationOf(node: number): QueryDeclaration | undefined;
}

/**
 * What `registry find`, `usage` and `why` read: the linked graph, liveness and roots. A fresh
 * analysis gives one (viewOfAnalysis), and so does the graph stored in the registry
 * (src/query/stored-view.ts), so a warm query needs no analysis at all.
 */
export interface QueryView {
  readonly graph: QueryGraph;
  readonly files: readonly QueryFile[];
  readonly roots: { readonly production: readonly number[]; readonly test: readonly number[] };
  isLive(node: number): boolean;
  fileByPath(path: string): QueryFile | undefined;
  /** Indexes of the file's top-level declarations that an export names. */
  exportedDeclarations(file: QueryFile): ReadonlySet<number>;
  componentOf(path: string): string | undefined;
  /** Project files that loading this file loads (imports for side effects, re-exports, ...). */
  moduleLoads(file: QueryFile): readonly QueryFile[];
  /** How `why` names the start of a chain. */
  rootLabel(node: number): string;
  /** Symbol uses after imports and re-exports are resolved, fake ones left out: who uses a node (callers), or what it uses (callees). */
  usesOf(node: number, direction: 'callers' | 'callees'): ArrayLike<number>;
}

export interface QueryRequest {
  root: string;
  configFile?: string;
  production?: boolean;
  notices: string[];
  /**
   * Told where the answer came from (for tests and --debug): the stored graph without loading the
   * project ('unchanged'), the stored graph after loading the project ('stored'), or a fresh analysis.
   */
  onSource?: (source: QuerySource) => void;
}

export type QuerySource = 'unchanged' | 'stored' | 'analysed';

export function viewOfAnalysis(analysis: Analysis): QueryView {
  const { context } = analysis;
  const { graph } = context;
  let uses: UseLists | undefined;
  return {
    graph: queryGraphOf(graph),
    files: context.files,
    roots: context.roots,
    isLive: (node) => context.isLive(node),
    fileByPath: (path) => context.fileByPath(path),
    exportedDeclarations: (file) => new Set(context.exportsOfDeclarations(context.files[file.index]).keys()),
    componentOf: (path) => context.contracts?.componentOfFile.get(path),
    moduleLoads: (file) => {
      const loads: GraphFile[] = [];
      for (const resolution of context.files[file.index].resolutions) {
        for (const path of resolvedFiles(resolution)) {
          const target = context.fileByPath(path);
          if (target !== undefined && target.index !== file.index) loads.push(target);
        }
      }
      return loads;
    },
    rootLabel: rootLabeller(analysis),
    usesOf: (node, direction) => {
      uses ??= useLists(graph.symbolReferences.flatMap((reference) => (reference.kind === 'fake' ? [] : [reference.from, reference.to])), graph.nodeKind.length);
      return uses[direction](node);
    },
  };
}

/** The linker's graph as queries read it. */
function queryGraphOf(graph: SymbolGraph): QueryGraph {
  return {
    nodeKind: graph.nodeKind,
    referrers: graph.referrers,
    fakeReferrers: graph.fakeReferrers,
    memberGates: graph.memberGates,
    outEdges: (node) => graph.edges[node],
    declarationOf: (node) => graph.declarationOf(node),
    describe: (node) => graph.describe(node),
  };
}
