import type { DeclarationFact, ExportFact, FileFacts, ImportBindingFact } from '../indexer/facts.js';
import type { Resolution } from '../resolve/module-resolver.js';

/** What a node of the graph stands for. */
export const NodeKind = {
  /** A module's top-level code: runs when the module is loaded. */
  Module: 0,
  Declaration: 1,
  /** An exported name of a module (`R(m, name)`): live when another module uses it. */
  ExportName: 2,
  /** Every export of a module at once (namespace passed whole, `export *` of an entry). */
  WholeModule: 3,
  /** A property name read from some object (`x.name`): uses the class members of that name. */
  MemberName: 4,
} as const;

export interface GraphFile {
  index: number;
  path: string;
  hash: string;
  facts: FileFacts;
  isTest: boolean;
  isEntry: boolean;
  /** An entry whose exports a framework or tool reads when it loads the file (see graph-files). */
  exportsReadByLoader?: boolean;
  isDeclarationFile: boolean;
  /** A tsconfig includes the file: ambient declarations in it count without an import. */
  inProgram: boolean;
  /** Resolution of each import, by import index. */
  resolutions: Resolution[];
  moduleNode: number;
  /** Node of declaration i is `firstDeclarationNode + i`. */
  firstDeclarationNode: number;
  /** Top-level declaration indexes by name (merged declarations share a name). */
  declarationsByName: Map<string, number[]>;
  bindingsByName: Map<string, ImportBindingFact[]>;
  exportsByName: Map<string, ExportFact[]>;
}

/**
 * The symbol-level graph: nodes for modules, declarations and exported names; edges from each
 * node to what it uses. Fake uses (`void x`) are kept apart: they explain findings but never
 * keep anything alive.
 */
export class SymbolGraph {
  readonly nodeKind: number[] = [];
  readonly nodeFile: number[] = [];
  /** Declaration index for declaration nodes, -1 otherwise. */
  readonly nodeDeclaration: number[] = [];
  readonly exportNameOfNode = new Map<number, string>();
  readonly memberNameOfNode = new Map<number, string>();
  /**
   * Class members that are live only when both their class and their name node are (an AND,
   * where every other edge is an OR); nameNode -1 when no code reads the name.
   */
  readonly memberGates = new Map<number, { classNode: number; nameNode: number }>();
  readonly edges: number[][] = [];
  readonly referrers: number[][] = [];
  readonly fakeReferrers = new Map<number, number[]>();
  /** Direct symbol-to-symbol uses after resolving imports and re-exports, for the registry. */
  readonly symbolReferences: Array<{ from: number; to: number; kind: 'value' | 'type' | 'fake' }> = [];
  /**
   * The targets of nodes with many edges, for telling a repeated edge apart without a scan; a
   * node with few edges is scanned. (A key per edge, from * 2^21 + to, is no small integer: a
   * set of them boxes a number per lookup, a large part of linking's time and garbage.)
   */
  private readonly targetSets = new Map<number, Set<number>>();
  /** Edges used in a signature (or as a value) and edges used only inside function bodies. */
  private readonly signatureUses = new EdgeSet();
  private readonly bodyUses = new EdgeSet();
  /** Edges naming their target as a type outside function bodies (`(): C`, `typeof f` in a parameter). */
  private readonly typeSignatureUses = new EdgeSet();

  constructor(readonly files: GraphFile[]) {}

  addNode(kind: number, file: number, declaration: number): number {
    const id = this.nodeKind.length;
    this.nodeKind.push(kind);
    this.nodeFile.push(file);
    this.nodeDeclaration.push(declaration);
    this.edges.push([]);
    this.referrers.push([]);
    return id;
  }

  addEdge(from: number, to: number): void {
    if (from === to) return;
    const targets = this.edges[from];
    if (targets.length < SCANNED_EDGES) {
      if (targets.includes(to)) return;
    } else {
      let set = this.targetSets.get(from);
      if (set === undefined) this.targetSets.set(from, (set = new Set(targets)));
      if (set.has(to)) return;
      set.add(to);
    }
    targets.push(to);
    this.referrers[to].push(from);
  }

  noteUsePlace(from: number, to: number, inBody: boolean, isType: boolean): void {
    (inBody ? this.bodyUses : this.signatureUses).add(from, to);
    if (isType && !inBody) this.typeSignatureUses.add(from, to);
  }

  /** `from` names `to` as a type in its signature (a class as a return type, `typeof f`). */
  isTypeSignatureUse(from: number, to: number): boolean {
    return this.typeSignatureUses.has(from, to);
  }

  /** `from` names `to` only inside function bodies (as a type): not in its signature. */
  isBodyOnlyUse(from: number, to: number): boolean {
    return this.bodyUses.has(from, to) && !this.signatureUses.has(from, to);
  }

  addFakeEdge(from: number, to: number): void {
    if (from === to) return;
    let list = this.fakeReferrers.get(to);
    if (list === undefined) this.fakeReferrers.set(to, (list = []));
    if (!list.includes(from)) list.push(from);
  }

  declarationOf(node: number): DeclarationFact | undefined {
    return declarationOfNode(this.files, this.nodeFile, this.nodeDeclaration, node);
  }

  /** A readable name for a node: `src/a.ts#helper`, `src/a.ts (module)`, `src/a.ts#export:x`. */
  describe(node: number): string {
    const file = this.files[this.nodeFile[node]];
    return describeNode(this.nodeKind[node], file, this.exportNameOfNode.get(node) ?? this.memberNameOfNode.get(node), this.nodeDeclaration[node]);
  }
}

/** Up to this many edges of a node are scanned for a repeat; more are kept in a set. */
const SCANNED_EDGES = 16;

/** A set of edges (from, to), as a set of targets per source: small integers, never boxed. */
class EdgeSet {
  private readonly targets = new Map<number, Set<number>>();

  add(from: number, to: number): void {
    let set = this.targets.get(from);
    if (set === undefined) this.targets.set(from, (set = new Set()));
    set.add(to);
  }

  has(from: number, to: number): boolean {
    return this.targets.get(from)?.has(to) === true;
  }
}

/** The declaration a node stands for, if any: for the linker's graph and for a query's stored one alike. */
export function declarationOfNode<Declaration>(
  files: ArrayLike<{ readonly facts: { readonly declarations: ArrayLike<Declaration> } }>,
  nodeFile: ArrayLike<number>,
  nodeDeclaration: ArrayLike<number>,
  node: number,
): Declaration | undefined {
  const declaration = nodeDeclaration[node];
  return declaration >= 0 ? files[nodeFile[node]].facts.declarations[declaration] : undefined;
}

/**
 * A node's readable name from its kind, its file, its name (export and member-name nodes) and
 * its declaration index: for the linker's graph and for a query's stored one alike.
 */
export function describeNode(
  kind: number,
  file: { readonly path: string; readonly facts: { readonly declarations: ArrayLike<{ readonly name: string; readonly parent: number }> } },
  name: string | undefined,
  declaration: number,
): string {
  switch (kind) {
    case NodeKind.Module: return `${file.path} (top level)`;
    case NodeKind.ExportName: return `${file.path}#${name}`;
    case NodeKind.WholeModule: return `${file.path} (all exports)`;
    case NodeKind.MemberName: return `.${name} (read from any object)`;
    default: {
      // `Enum.Member` for members, the plain name otherwise.
      const fact = file.facts.declarations[declaration];
      return `${file.path}#${fact.parent >= 0 ? `${file.facts.declarations[fact.parent].name}.${fact.name}` : fact.name}`;
    }
  }
}
