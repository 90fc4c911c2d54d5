import type { DeclarationFact, FileFacts } from '../indexer/facts.js';
import { type GraphFile, SymbolGraph } from '../graph/symbol-graph.js';
import type { QueryView } from './query-view.js';

/** Bump when the shape or meaning of a stored view changes: older ones are then ignored. */
export const STORED_VIEW_VERSION = 2;

/** What queries read of a declaration: [name, kind, line, column, endLine, parent, flags, signature]. */
type StoredDeclaration = [string, DeclarationFact['kind'], number, number, number, number, number, string?];

interface StoredFile {
  path: string;
  hash: string;
  isTest: boolean;
  isEntry: boolean;
  isDeclarationFile: boolean;
  moduleNode: number;
  firstDeclarationNode: number;
  declarations: StoredDeclaration[];
  /** Top-level declarations by name, as the linker indexed them. */
  byName: Array<[string, number[]]>;
  exported: number[];
  component?: string;
  /** File indexes loaded at module level. */
  loads: number[];
}

/** The query view as plain data (JSON in the registry's `query_view` table). */
export interface StoredView {
  files: StoredFile[];
  nodeKind: number[];
  nodeFile: number[];
  nodeDeclaration: number[];
  exportNames: Array<[number, string]>;
  memberNames: Array<[number, string]>;
  memberGates: Array<[number, number, number]>;
  /** Out-edges of each node, in the linker's order (`why` takes the first shortest chain). */
  edges: number[][];
  fakeReferrers: Array<[number, number[]]>;
  /** Non-fake symbol uses as [from, to] pairs, flattened. */
  references: number[];
  live: number[];
  roots: { production: number[]; test: number[] };
  rootLabels: Array<[number, string]>;
}

export function storeView(view: QueryView): StoredView {
  const { graph } = view;
  const live: number[] = [];
  for (let node = 0; node < graph.nodeKind.length; node += 1) if (view.isLive(node)) live.push(node);
  const rootNodes = new Set([...view.roots.production, ...view.roots.test]);
  return {
    files: view.files.map((file) => {
      const component = view.componentOf(file.path);
      return {
        path: file.path,
        hash: file.hash,
        isTest: file.isTest,
        isEntry: file.isEntry,
        isDeclarationFile: file.isDeclarationFile,
        moduleNode: file.moduleNode,
        firstDeclarationNode: file.firstDeclarationNode,
        declarations: file.facts.declarations.map((fact): StoredDeclaration => {
          const row: StoredDeclaration = [fact.name, fact.kind, fact.line, fact.column, fact.endLine, fact.parent, fact.flags];
          if (fact.signature !== undefined) row.push(fact.signature);
          return row;
        }),
        byName: [...file.declarationsByName],
        exported: [...view.exportedDeclarations(file)],
        ...(component !== undefined ? { component } : {}),
        loads: view.moduleLoads(file).map((target) => target.index),
      };
    }),
    nodeKind: graph.nodeKind,
    nodeFile: graph.nodeFile,
    nodeDeclaration: graph.nodeDeclaration,
    exportNames: [...graph.exportNameOfNode],
    memberNames: [...graph.memberNameOfNode],
    memberGates: [...graph.memberGates].map(([node, gate]) => [node, gate.classNode, gate.nameNode]),
    edges: graph.edges,
    fakeReferrers: [...graph.fakeReferrers],
    references: Array.from(view.uses),
    live,
    roots: { production: [...view.roots.production], test: [...view.roots.test] },
    rootLabels: [...rootNodes].map((node) => [node, view.rootLabel(node)]),
  };
}

/** A query view over a stored one: the graph rebuilt from plain data, no file read, nothing re-linked. */
export function viewOfStored(stored: StoredView): QueryView {
  const files: GraphFile[] = stored.files.map((file, index) => ({
    index,
    path: file.path,
    hash: file.hash,
    facts: factsWith(file.declarations),
    isTest: file.isTest,
    isEntry: file.isEntry,
    isDeclarationFile: file.isDeclarationFile,
    inProgram: false,
    resolutions: [],
    moduleNode: file.moduleNode,
    firstDeclarationNode: file.firstDeclarationNode,
    declarationsByName: new Map(file.byName),
    bindingsByName: new Map(),
    exportsByName: new Map(),
  }));
  const graph = new SymbolGraph(files);
  const { nodeKind, nodeFile, nodeDeclaration } = stored;
  for (let node = 0; node < nodeKind.length; node += 1) graph.addNode(nodeKind[node], nodeFile[node], nodeDeclaration[node]);
  for (const [node, name] of stored.exportNames) graph.exportNameOfNode.set(node, name);
  for (const [node, name] of stored.memberNames) graph.memberNameOfNode.set(node, name);
  for (const [node, classNode, nameNode] of stored.memberGates) graph.memberGates.set(node, { classNode, nameNode });
  // Stored edges are the linker's, already without duplicates: no need for addEdge's checks.
  for (let from = 0; from < stored.edges.length; from += 1) {
    const targets = stored.edges[from];
    graph.edges[from] = targets;
    for (const to of targets) graph.referrers[to].push(from);
  }
  for (const [node, referrers] of stored.fakeReferrers) graph.fakeReferrers.set(node, referrers);
  const live = new Uint8Array(stored.nodeKind.length);
  for (const node of stored.live) live[node] = 1;
  const byPath = new Map(files.map((file) => [file.path, file]));
  const exported = stored.files.map((file) => new Set(file.exported));
  const labels = new Map(stored.rootLabels);
  return {
    graph,
    files,
    roots: stored.roots,
    isLive: (node) => live[node] === 1,
    fileByPath: (path) => byPath.get(path),
    exportedDeclarations: (file) => exported[file.index],
    componentOf: (path) => stored.files[byPath.get(path)?.index ?? -1]?.component,
    moduleLoads: (file) => stored.files[file.index].loads.map((index) => files[index]),
    rootLabel: (node) => labels.get(node) ?? graph.describe(node),
    // Read as stored: queries scan the pairs they need instead of a graph-wide index.
    uses: stored.references,
  };
}

/** Facts that carry only the declarations (without their offsets and bodies): all a query reads of a file. */
function factsWith(stored: StoredDeclaration[]): FileFacts {
  const declarations = stored.map(([name, kind, line, column, endLine, parent, flags, signature]): DeclarationFact => ({
    name, kind, line, column, endLine, parent, flags, start: 0, end: 0, ...(signature !== undefined ? { signature } : {}),
  }));
  return {
    version: 0, moduleKind: 'esm', hasSideEffects: false, declarations,
    imports: [], importBindings: [], exports: [], starExports: [], references: [], freeNames: [], suppressions: [], parseErrors: [],
  };
}
