import type { LinkedGraph } from '../graph/build-graph.js';
import type { Liveness } from '../graph/reachability.js';
import type { GraphFile, SymbolGraph } from '../graph/symbol-graph.js';
import type { BaselineEntry } from '../baseline/baseline-file.js';
import type { ContractModel } from '../contracts/contract-model.js';
import type { Roots } from '../graph/roots.js';
import type { ImportCycle } from '../graph/import-cycles.js';
import type { ExportFact, SuppressionFact } from '../indexer/facts.js';

export interface AnalysisOptions {
  includeEntryExports: boolean;
  production: boolean;
  /** duplicate-implementation: smallest body compared, in syntax nodes. */
  minDuplicateBodySize?: number;
  /** duplicate-implementation: smallest similarity (0..1) reported as a near-duplicate. */
  minDuplicateSimilarity?: number;
}

/** A suppression comment, and whether it suppressed anything this run. */
export interface SuppressionUse {
  file: string;
  suppression: SuppressionFact;
  used: boolean;
}

/**
 * What the first phase of the rules left unused: the input of the rules about suppressions
 * (phase `after-suppressions`), handed to them as an argument once the other findings are known.
 */
export interface SuppressionReview {
  suppressionUses: readonly SuppressionUse[];
  unusedIgnorePatterns: ReadonlyArray<{ pattern: string; configFile: string }>;
  staleBaselineEntries: ReadonlyArray<{ entry: BaselineEntry; baselineFile: string; line: number }>;
}

/**
 * A dependency problem found by knip (its plugins know which config files use which packages),
 * as src/knip hands it over (src/knip/knip-answer.ts names it DependencyIssue).
 */
export interface DependencyProblem {
  type: 'unused-dependency' | 'unused-dev-dependency' | 'unlisted-dependency' | 'unlisted-binary' | 'unresolved-import';
  /** The package, binary or specifier concerned. */
  name: string;
  /** Root-relative file where it shows: the package.json, or the importing file. */
  file: string;
  line?: number;
  column?: number;
  /** Root-relative directory of the workspace package ('' for the root). */
  workspace: string;
  /**
   * Of an unused `@types/x`: the installed `x` ships its own types (package.json `types`,
   * `typings` or a `types` export condition), so TypeScript never reads `@types/x`.
   */
  typedPackageShipsTypes?: boolean;
}

/** A package a workspace's package.json lists, and where. */
export interface ListedDependency {
  /** Root-relative workspace directory, '' for the root. */
  workspace: string;
  name: string;
  list: 'dependencies' | 'devDependencies';
  /** Root-relative package.json and the line of the entry. */
  file: string;
  line: number;
}

/** What the analysis computed before the rules: the context is built from it, whole. */
export interface AnalysisInputs {
  linked: LinkedGraph;
  liveness: Liveness;
  /** The nodes live by definition, for `why`. */
  roots: Roots;
  /** Components and contracts, when the config declares any. */
  contracts: ContractModel | undefined;
  options: AnalysisOptions;
  /** knip's dependency problems and what the manifests list; absent when knip did not run or failed. */
  dependencies?: { problems: readonly DependencyProblem[]; listed: readonly ListedDependency[] };
  /** The load-time import cycles (madge's), found only when circular-import is on. */
  importCycles?: readonly ImportCycle[];
  /** When each of these files was added (git commit time); absent: unknown, the newest. */
  fileAges?: (paths: readonly string[]) => ReadonlyMap<string, number>;
}

/** Everything a rule can ask about the analysed project. Built once, never changed. */
export class AnalysisContext {
  readonly graph: SymbolGraph;
  readonly linked: LinkedGraph;
  readonly liveness: Liveness;
  readonly roots: Roots;
  readonly contracts: ContractModel | undefined;
  readonly options: AnalysisOptions;
  /** knip's dependency problems; undefined when knip did not run (no dependencies) or failed. */
  readonly dependencyProblems: readonly DependencyProblem[] | undefined;
  /** What the workspaces' package.json files list (with dependencyProblems, when knip answered). */
  readonly listedDependencies: readonly ListedDependency[];
  /** The load-time import cycles; empty unless circular-import is on. */
  readonly importCycles: readonly ImportCycle[];
  /** When each of these files was added (git commit time, seconds); a file absent is new or unknown. */
  readonly fileAges: (paths: readonly string[]) => ReadonlyMap<string, number>;
  // Memoised views of the graph (derived, not state: the same for every caller).
  private readonly exportsByDeclaration = new Map<number, Map<number, ExportFact[]>>();
  private byPath: Map<string, GraphFile> | undefined;

  constructor(inputs: AnalysisInputs) {
    this.linked = inputs.linked;
    this.graph = inputs.linked.graph;
    this.liveness = inputs.liveness;
    this.roots = inputs.roots;
    this.contracts = inputs.contracts;
    this.options = inputs.options;
    this.dependencyProblems = inputs.dependencies?.problems;
    this.listedDependencies = inputs.dependencies?.listed ?? [];
    this.importCycles = inputs.importCycles ?? [];
    this.fileAges = inputs.fileAges ?? (() => new Map());
  }

  get files(): GraphFile[] {
    return this.graph.files;
  }

  fileByPath(path: string): GraphFile | undefined {
    this.byPath ??= new Map(this.files.map((file) => [file.path, file]));
    return this.byPath.get(path);
  }

  isLive(node: number): boolean {
    return this.liveness.live[node] === 1;
  }

  isProductionLive(node: number): boolean {
    return this.liveness.productionLive[node] === 1;
  }

  isFileLive(file: GraphFile): boolean {
    return this.isLive(file.moduleNode);
  }

  /**
   * Live files whose contents are checked for unused code: not declaration files, not skipped,
   * and not files with syntax errors (their facts are incomplete; parse-error reports them).
   */
  isAnalysedFile(file: GraphFile): boolean {
    return !file.isDeclarationFile && file.facts.skipped === undefined && file.facts.parseErrors.length === 0
      && this.isFileLive(file);
  }

  /**
   * Whether the file's exports are public API: tests, and entries unless includeEntryExports
   * (framework and tool entries even then: what loads them reads their exports).
   */
  hasPublicExports(file: GraphFile): boolean {
    return file.isTest || (file.isEntry && (!this.options.includeEntryExports || file.exportsReadByLoader === true));
  }

  /** The exports that name each top-level declaration (directly or through a local name). */
  exportsOfDeclarations(file: GraphFile): Map<number, ExportFact[]> {
    let map = this.exportsByDeclaration.get(file.index);
    if (map !== undefined) return map;
    map = new Map();
    for (const fact of file.facts.exports) {
      const declarations = fact.declaration !== undefined ? [fact.declaration] : file.declarationsByName.get(fact.local ?? '') ?? [];
      for (const declaration of fact.importIndex === undefined ? declarations : []) {
        let list = map.get(declaration);
        if (list === undefined) map.set(declaration, (list = []));
        list.push(fact);
      }
    }
    this.exportsByDeclaration.set(file.index, map);
    return map;
  }
}
