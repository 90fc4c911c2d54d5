import type { Analysis } from '../analyse/analyse.js';
import type { GraphFile, SymbolGraph } from '../graph/symbol-graph.js';
import { resolvedFiles } from '../resolve/resolved-files.js';
import { rootLabeller } from './root-label.js';

/**
 * What `registry find`, `usage` and `why` read: the linked graph, liveness and roots. A fresh
 * analysis gives one (viewOfAnalysis), and so does the graph stored in the registry
 * (src/query/stored-view.ts), so a warm query needs no analysis at all.
 */
export interface QueryView {
  readonly graph: SymbolGraph;
  readonly files: readonly GraphFile[];
  readonly roots: { readonly production: readonly number[]; readonly test: readonly number[] };
  isLive(node: number): boolean;
  fileByPath(path: string): GraphFile | undefined;
  /** Indexes of the file's top-level declarations that an export names. */
  exportedDeclarations(file: GraphFile): ReadonlySet<number>;
  componentOf(path: string): string | undefined;
  /** Project files that loading this file loads (imports for side effects, re-exports, ...). */
  moduleLoads(file: GraphFile): readonly GraphFile[];
  /** How `why` names the start of a chain. */
  rootLabel(node: number): string;
  /** Symbol uses after imports and re-exports are resolved, fake ones left out, flat: [from, to, from, to, ...]. */
  readonly uses: ArrayLike<number>;
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
  return {
    graph: context.graph,
    files: context.files,
    roots: context.roots,
    isLive: (node) => context.isLive(node),
    fileByPath: (path) => context.fileByPath(path),
    exportedDeclarations: (file) => new Set(context.exportsOfDeclarations(file).keys()),
    componentOf: (path) => context.contracts?.componentOfFile.get(path),
    moduleLoads: (file) => {
      const loads: GraphFile[] = [];
      for (const resolution of file.resolutions) {
        for (const path of resolvedFiles(resolution)) {
          const target = context.fileByPath(path);
          if (target !== undefined && target !== file) loads.push(target);
        }
      }
      return loads;
    },
    rootLabel: rootLabeller(analysis),
    uses: context.graph.symbolReferences.flatMap((reference) => (reference.kind === 'fake' ? [] : [reference.from, reference.to])),
  };
}
