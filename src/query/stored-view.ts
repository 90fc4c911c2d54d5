import type { SymbolGraph } from '../graph/symbol-graph.js';
import { type PackedView, packSections } from './packed-sections.js';
import type { QueryView } from './query-view.js';

/** Bump when the shape or meaning of a stored view changes: older ones are then ignored. */
export const STORED_VIEW_VERSION = 4;

/**
 * The sections every stored view has (besides the signatures of each file that has any): a
 * view whose header lacks one was not written by this build, whatever its version says.
 */
export const VIEW_SECTIONS = [
  'nodeKind', 'nodeFile', 'nodeDeclaration', 'nodeName', 'names', 'live', 'edgeStart', 'edgeTargets', 'memberGates', 'fakeReferrers',
  'callerStart', 'callerTargets', 'calleeStart', 'calleeTargets', 'productionRoots', 'testRoots', 'rootLabels', 'files', 'fileFlags',
  'fileModuleNode', 'fileFirstDeclarationNode', 'fileDeclarationStart', 'loadStart', 'loadTargets', 'kinds', 'declarationKind',
  'declarationLine', 'declarationColumn', 'declarationEndLine', 'declarationParent', 'declarationFlags', 'declarationBits',
  'declarationNames', 'signatureEnd',
] as const;

/** The section holding the signatures of file `index` (UTF-8 of one JSON string each), when it has any. */
export const signaturesOf = (index: number): string => `signatures:${index}`;

/** Per-file bits of `fileFlags`. */
export const FileBit = { Test: 1, Entry: 2, DeclarationFile: 4 } as const;
/** Per-declaration bits of `declarationBits`. */
export const DeclarationBit = { Exported: 1, IndexedByName: 2, Signed: 4 } as const;

/**
 * The query view as packed sections (see packed-sections.ts), kept in the registry's
 * `query_view_parts` table: numbers as typed arrays (edges and module loads as offsets into one
 * list), strings as JSON lists or, for signatures, one JSON string each in a section per file,
 * read only for the declarations a query shows. Read back by src/query/stored-query-view.ts.
 */
export function storeView(view: QueryView, graph: SymbolGraph): PackedView {
  const { files } = view;
  const nodeCount = graph.nodeKind.length;
  const live = new Uint8Array(nodeCount);
  const names: string[] = [];
  const nodeName = new Int32Array(nodeCount).fill(-1);
  for (let node = 0; node < nodeCount; node += 1) {
    if (view.isLive(node)) live[node] = 1;
    const name = graph.exportNameOfNode.get(node) ?? graph.memberNameOfNode.get(node);
    if (name !== undefined) nodeName[node] = names.push(name) - 1;
  }
  const declarations = files.flatMap((file) => file.facts.declarations);
  const kinds = [...new Set(declarations.map((declaration) => declaration.kind))];
  const declarationBits = new Uint8Array(declarations.length);
  const signatures: Record<string, Buffer> = {};
  const signatureEnd = new Int32Array(declarations.length);
  const fileDeclarationStart = new Int32Array(files.length + 1);
  let at = 0;
  for (const file of files) {
    fileDeclarationStart[file.index] = at;
    const ofFile: Buffer[] = [];
    let signatureBytes = 0;
    const exported = view.exportedDeclarations(file);
    const byName = new Set([...file.declarationsByName.values()].flat());
    file.facts.declarations.forEach((declaration, index) => {
      const signature = declaration.signature;
      declarationBits[at] = (exported.has(index) ? DeclarationBit.Exported : 0) | (byName.has(index) ? DeclarationBit.IndexedByName : 0)
        | (signature !== undefined ? DeclarationBit.Signed : 0);
      if (signature !== undefined) {
        // Each as JSON (ASCII escapes for lone surrogates, which UTF-8 cannot carry): read back exactly.
        const bytes = Buffer.from(JSON.stringify(signature), 'utf8');
        ofFile.push(bytes);
        signatureBytes += bytes.byteLength;
      }
      // Where the declaration's signature ends in its file's section.
      signatureEnd[at] = signatureBytes;
      at += 1;
    });
    if (ofFile.length > 0) signatures[signaturesOf(file.index)] = Buffer.concat(ofFile);
  }
  fileDeclarationStart[files.length] = at;
  const rootNodes = new Set([...view.roots.production, ...view.roots.test]);
  return packSections({
    nodeKind: Uint8Array.from(graph.nodeKind),
    nodeFile: Int32Array.from(graph.nodeFile),
    nodeDeclaration: Int32Array.from(graph.nodeDeclaration),
    nodeName,
    names: JSON.stringify(names),
    live,
    ...offsetList('edge', Array.from({ length: nodeCount }, (_, node) => graph.edges[node])),
    memberGates: Int32Array.from([...graph.memberGates].flatMap(([node, gate]) => [node, gate.classNode, gate.nameNode])),
    fakeReferrers: Int32Array.from([...graph.fakeReferrers].flatMap(([node, referrers]) => [node, referrers.length, ...referrers])),
    ...offsetList('caller', Array.from({ length: nodeCount }, (_, node) => view.usesOf(node, 'callers'))),
    ...offsetList('callee', Array.from({ length: nodeCount }, (_, node) => view.usesOf(node, 'callees'))),
    productionRoots: Int32Array.from(view.roots.production),
    testRoots: Int32Array.from(view.roots.test),
    rootLabels: JSON.stringify([...rootNodes].map((node) => [node, view.rootLabel(node)])),
    files: JSON.stringify(files.map((file) => [file.path, view.componentOf(file.path) ?? null])),
    fileFlags: Uint8Array.from(files, (file) => (file.isTest ? FileBit.Test : 0) | (file.isEntry ? FileBit.Entry : 0) | (file.isDeclarationFile ? FileBit.DeclarationFile : 0)),
    fileModuleNode: Int32Array.from(files, (file) => file.moduleNode),
    fileFirstDeclarationNode: Int32Array.from(files, (file) => file.firstDeclarationNode),
    fileDeclarationStart,
    ...offsetList('load', files.map((file) => view.moduleLoads(file).map((target) => target.index))),
    kinds: JSON.stringify(kinds),
    declarationKind: Uint8Array.from(declarations, (declaration) => kinds.indexOf(declaration.kind)),
    declarationLine: Int32Array.from(declarations, (declaration) => declaration.line),
    declarationColumn: Int32Array.from(declarations, (declaration) => declaration.column),
    declarationEndLine: Int32Array.from(declarations, (declaration) => declaration.endLine),
    declarationParent: Int32Array.from(declarations, (declaration) => declaration.parent),
    declarationFlags: Int32Array.from(declarations, (declaration) => declaration.flags),
    declarationBits,
    declarationNames: JSON.stringify(declarations.map((declaration) => declaration.name)),
    signatureEnd,
    ...signatures,
  });
}

/** Lists of numbers, one per item, as `<name>Start` (item i is from start[i] to start[i + 1]) and `<name>Targets`. */
function offsetList(name: string, lists: ReadonlyArray<ArrayLike<number>>): Record<string, Int32Array> {
  const start = new Int32Array(lists.length + 1);
  let total = 0;
  lists.forEach((list, index) => {
    start[index] = total;
    total += list.length;
  });
  start[lists.length] = total;
  const targets = new Int32Array(total);
  lists.forEach((list, index) => targets.set(list, start[index]));
  return { [`${name}Start`]: start, [`${name}Targets`]: targets };
}
