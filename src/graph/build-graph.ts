import { DeclarationFlag, type DeclarationKind, type ImportFact, ReferenceFlag } from '../indexer/facts.js';
import { linkClassMembers } from './class-members.js';
import { type ExportTerminal, ExportResolver } from './export-resolution.js';
import { FileNameCache } from './file-name-cache.js';
import { type GraphFile, NodeKind, SymbolGraph } from './symbol-graph.js';

const VALUE_KINDS = new Set<DeclarationKind>(['function', 'variable', 'class', 'enum', 'namespace']);
const TYPE_KINDS = new Set<DeclarationKind>(['type', 'interface', 'class', 'enum', 'namespace']);
/** What a namespace can merge with that has members or a call of its own. */
const MERGED_VALUE_KINDS = new Set<DeclarationKind>(['function', 'class', 'enum']);

/** Which meaning of a name a use needs: `const X` and `type X` can share a name. */
export type ExportMeaning = 'value' | 'type' | 'any';

/** The declarations of a name that have the meaning; all of them when none has. */
function withMeaning(file: GraphFile, declarations: readonly number[], meaning: ExportMeaning): readonly number[] {
  if (meaning === 'any') return declarations;
  const kinds = meaning === 'type' ? TYPE_KINDS : VALUE_KINDS;
  const matching = declarations.filter((index) => kinds.has(file.facts.declarations[index].kind));
  return matching.length > 0 ? matching : declarations;
}

interface Use {
  from: number;
  isType: boolean;
  fake: boolean;
  /** A type named inside a function body, not in a signature. */
  body?: boolean;
  /** The key set of a mapped type or Record (`[K in E]`, `Record<E, V>`). */
  keySet?: boolean;
  /** A value named by `typeof x` in a type. */
  typeQuery?: boolean;
  /** The name alone is called or constructed: `f()`, `new C()`. */
  callee?: boolean;
  /**
   * A class (or an instance of it) read with a key nobody can name: `svc[key]`. `class` once the
   * variable's class is being looked up (only one step: `instanceOf` names classes).
   */
  anyMember?: boolean | 'class';
}

/**
 * Links every file's facts into one SymbolGraph: references become edges to the declarations
 * they resolve to (through imports, re-export chains, `export *`, namespaces and CommonJS
 * interop), member paths select enum members and namespace exports, and module loads become
 * edges to the loaded module.
 */
export interface LinkedGraph {
  graph: SymbolGraph;
  exports: ExportResolver;
  /** R(file, name), created on demand; undefined when the file has no such export. */
  exportNode(file: GraphFile, name: string): number | undefined;
  /** W(file): a node that uses every export of the file. */
  wholeNode(file: GraphFile): number;
  /** The R(file, name) nodes of each meaning that exist (something used them); never creates one. */
  existingExportNodes(file: GraphFile, name: string): Array<{ node: number; meaning: ExportMeaning }>;
}

export function buildSymbolGraph(files: GraphFile[]): LinkedGraph {
  const graph = new SymbolGraph(files);
  const byPath = new Map(files.map((file) => [file.path, file]));
  // Asked once per use of an imported name (thousands of times per file): computed once per import.
  const targetsOfFile = files.map(() => new Map<number, readonly GraphFile[]>());
  const importTargets = (file: GraphFile, importIndex: number): readonly GraphFile[] => {
    const known = targetsOfFile[file.index].get(importIndex);
    if (known !== undefined) return known;
    const resolution = file.resolutions[importIndex];
    const paths = resolution?.kind === 'file' ? [resolution.path, ...(resolution.alternatives ?? [])]
      : resolution?.kind === 'files' ? resolution.paths : [];
    const targets = paths.map((path) => byPath.get(path)).filter((target): target is GraphFile => target !== undefined);
    targetsOfFile[file.index].set(importIndex, targets);
    return targets;
  };
  const exports = new ExportResolver(files, importTargets);
  const linker = new Linker(graph, exports, importTargets);

  for (const file of files) {
    file.moduleNode = graph.addNode(NodeKind.Module, file.index, -1);
    file.firstDeclarationNode = graph.nodeKind.length;
    file.facts.declarations.forEach((_, index) => graph.addNode(NodeKind.Declaration, file.index, index));
  }
  const globals = collectScriptGlobals(files);
  for (const file of files) linker.linkFile(file, globals);
  linkClassMembers(graph, files, exports, linker.classesReadByAnyKey);
  return {
    graph,
    exports,
    exportNode: (file, name) => linker.exportNode(file, name),
    wholeNode: (file) => linker.wholeNode(file),
    existingExportNodes: (file, name) => linker.existingExportNodes(file, name),
  };
}

/** Declarations of non-module scripts are globals, visible to every file by name. */
function collectScriptGlobals(files: GraphFile[]): Map<string, Array<[GraphFile, number]>> {
  const globals = new Map<string, Array<[GraphFile, number]>>();
  for (const file of files) {
    if (file.facts.moduleKind !== 'script') continue;
    file.facts.declarations.forEach((declaration, index) => {
      if (declaration.parent !== -1) return;
      let list = globals.get(declaration.name);
      if (list === undefined) globals.set(declaration.name, (list = []));
      list.push([file, index]);
    });
  }
  return globals;
}

/** What a use of an export reaches: its R node (undefined: no such export) and what it resolves to. */
interface ExportUse {
  node: number | undefined;
  terminals: readonly ExportTerminal[];
}

class Linker {
  /** R(file, name) per meaning; null: the file has no such export. */
  private readonly exportNodes = { value: new FileNameCache<number | null>(), type: new FileNameCache<number | null>(), any: new FileNameCache<number | null>() };
  private readonly wholeNodes = new Map<number, number>();
  /** Each file's declaration indexes by parent index (see children). */
  private readonly childrenByFile = new Map<number, Map<number, number[]>>();
  /** Per (file, export name, meaning), what a use of the export reaches: its R node and terminals. */
  private readonly exportUses = { value: new FileNameCache<ExportUse>(), type: new FileNameCache<ExportUse>() };
  /** Classes read with a key nobody can name (`svc[key]`), from where: every member may be read. */
  readonly classesReadByAnyKey: Array<{ from: number; file: number; declaration: number }> = [];

  constructor(
    private readonly graph: SymbolGraph,
    private readonly exports: ExportResolver,
    private readonly importTargets: (file: GraphFile, importIndex: number) => readonly GraphFile[],
  ) {}

  linkFile(file: GraphFile, globals: Map<string, Array<[GraphFile, number]>>): void {
    const { graph } = this;
    const facts = file.facts;
    const ownerNode = (owner: number) => (owner === -1 ? file.moduleNode : file.firstDeclarationNode + owner);
    facts.declarations.forEach((declaration, index) => {
      graph.addEdge(file.firstDeclarationNode + index, file.moduleNode);
      // Globals, ambient and declared namespaces are read by name from anywhere: all their members.
      if (declaration.kind === 'namespace' && (facts.moduleKind === 'script' || file.isDeclarationFile || (declaration.flags & DeclarationFlag.Ambient) !== 0)) {
        for (const member of this.children(file, index)) graph.addEdge(file.firstDeclarationNode + index, file.firstDeclarationNode + member);
      }
    });
    for (const reference of facts.references) {
      const use = {
        from: ownerNode(reference.owner),
        isType: (reference.flags & ReferenceFlag.Type) !== 0,
        fake: (reference.flags & ReferenceFlag.Fake) !== 0,
        body: (reference.flags & ReferenceFlag.Body) !== 0,
        keySet: (reference.flags & ReferenceFlag.KeySet) !== 0,
        typeQuery: (reference.flags & ReferenceFlag.TypeQuery) !== 0,
        callee: (reference.flags & ReferenceFlag.Callee) !== 0,
        anyMember: (reference.flags & ReferenceFlag.AnyMember) !== 0,
      };
      this.useLocalName(file, reference.name, reference.path ?? [], use);
    }
    // The parser recovered from syntax errors, so uses may be missing: its imports use everything.
    const incomplete = facts.parseErrors.length > 0;
    facts.imports.forEach((fact, importIndex) => {
      for (const target of this.importTargets(file, importIndex)) this.linkImport(file, fact, target, incomplete);
    });
    if (globals.size > 0) {
      for (const name of facts.freeNames) {
        for (const [globalFile, declaration] of globals.get(name) ?? []) {
          if (globalFile !== file) this.addUse({ from: file.moduleNode, isType: false, fake: false }, globalFile.firstDeclarationNode + declaration);
        }
      }
    }
  }

  /** The module-level effect of one import: loading the target, and what a load uses. */
  private linkImport(file: GraphFile, fact: ImportFact, target: GraphFile, incomplete: boolean): void {
    const { graph } = this;
    const use = { from: fact.owner === -1 ? file.moduleNode : file.firstDeclarationNode + fact.owner, isType: fact.typeOnly, fake: false };
    if (incomplete) this.useWhole(target, { ...use, from: file.moduleNode });
    if (fact.specifier.includes('?')) {
      // A bundler query (`./x.ts?raw`, `?worker`, `?url`) uses the file as a whole, not its exports.
      graph.addEdge(use.from, target.moduleNode);
      this.useWhole(target, use);
      return;
    }
    switch (fact.form) {
        case 'side-effect':
        case 'url':
        case 'reference':
          graph.addEdge(use.from, target.moduleNode);
          // A loader registered with `module.register` is read for its hooks.
          if (fact.whole) this.useWhole(target, use);
          break;
        case 'static':
        case 'import-equals':
        case 'reexport':
          // Loading the module runs its top level; that matters only when it does something.
          if (!fact.typeOnly && target.facts.hasSideEffects) graph.addEdge(file.moduleNode, target.moduleNode);
          break;
        case 'dynamic':
        case 'require':
        case 'import-type':
          if (fact.form !== 'import-type') graph.addEdge(use.from, target.moduleNode);
          if (fact.whole) this.useWhole(target, use);
          for (const name of fact.usedNames ?? []) this.useExport(target, name, [], use);
          break;
    }
  }

  /** A use of a module-scope name of `file` with a member path (`ns.a.b` is name ns, path [a, b]). */
  useLocalName(file: GraphFile, name: string, path: string[], use: Use): void {
    const declarations = file.declarationsByName.get(name);
    if (declarations !== undefined) {
      for (const index of withMeaning(file, declarations, use.isType ? 'type' : 'value')) {
        this.applyTerminal({ kind: 'declaration', file: file.index, declaration: index }, path, use);
      }
    }
    for (const binding of file.bindingsByName.get(name) ?? []) {
      for (const target of this.importTargets(file, binding.importIndex)) {
        if (binding.imported === '*') this.useNamespace(target, path, use);
        else this.useExport(target, binding.imported, path, use);
      }
    }
  }

  private useNamespace(target: GraphFile, path: string[], use: Use): void {
    if (path.length === 0 && use.callee === true && target.exportsByName.has('export=')) {
      // `new Client()` for `import Client = require('./client')` calls what `export =` names.
      this.useExport(target, 'export=', [], use);
    } else if (path.length === 0) {
      this.useWhole(target, use);
    } else if (!this.exports.hasExport(target, path[0]) && target.exportsByName.has('export=')) {
      // `import x = require('./m')` with `export = obj`: `x.a` reads a member of obj.
      this.useExport(target, 'export=', path, use);
    } else {
      this.useExport(target, path[0], path.slice(1), use);
    }
  }

  /** Uses export `name` of `target`, then follows `path` into what it resolves to. */
  private useExport(target: GraphFile, name: string, path: string[], use: Use): void {
    const meaning = use.isType ? 'type' : 'value';
    let used = this.exportUses[meaning].get(target.index, name);
    if (used === undefined) {
      const node = this.exportNode(target, name, meaning);
      used = { node, terminals: node === undefined ? [] : this.terminalsWithMeaning(target, name, meaning) };
      this.exportUses[meaning].set(target.index, name, used);
    }
    if (used.node === undefined) return;
    this.addUse(use, used.node);
    for (const terminal of used.terminals) this.applyTerminal(terminal, path, use, true);
  }

  /** What export `name` resolves to that has the meaning; all of it when none has. */
  private terminalsWithMeaning(target: GraphFile, name: string, meaning: 'value' | 'type'): readonly ExportTerminal[] {
    const terminals = this.exports.terminals(target, name);
    const kinds = meaning === 'type' ? TYPE_KINDS : VALUE_KINDS;
    const matching = terminals.filter((terminal) => terminal.kind === 'namespace'
      || kinds.has(this.exports.fileAt(terminal.file).facts.declarations[terminal.declaration].kind));
    return matching.length > 0 ? matching : terminals;
  }

  /**
   * Applies a member path to a resolved target: enum members, namespace exports. Through an
   * export the R(m, name) edges already reach the declaration; only the path is added.
   */
  private applyTerminal(terminal: ExportTerminal, path: string[], use: Use, viaExport = false): void {
    const file = this.exports.fileAt(terminal.file);
    if (terminal.kind === 'namespace') {
      this.useNamespace(file, path, use);
      return;
    }
    const node = file.firstDeclarationNode + terminal.declaration;
    if (!viaExport) this.addUse(use, node);
    else this.recordSymbolReference(use, node);
    const declaration = file.facts.declarations[terminal.declaration];
    if (use.anyMember !== undefined && use.anyMember !== false) {
      // `svc[key]`: the class's members, or those of the class the variable holds an instance of.
      if (declaration.kind === 'class') this.classesReadByAnyKey.push({ from: use.from, file: file.index, declaration: terminal.declaration });
      if (declaration.kind === 'variable' && use.anyMember === true) {
        for (const name of declaration.instanceOf ?? []) this.useLocalName(file, name, [], { ...use, anyMember: 'class' });
      }
      return;
    }
    if (declaration.kind === 'namespace') {
      // Calling the function or class a namespace merges with (`fmt()`, `new K()`) reads none of its members.
      if (path.length > 0 || use.callee !== true) this.useNamespaceMembers(file, terminal.declaration, path, use);
      return;
    }
    if (declaration.kind !== 'enum') return;
    const members = this.enumMembers(file, terminal.declaration);
    if (path.length > 0) {
      // A member by its name, or a string member by its value (`'active' as Status`).
      const named = members.find((index) => file.facts.declarations[index].name === path[0]);
      for (const member of named !== undefined ? [named] : members.filter((index) => file.facts.declarations[index].value === path[0])) {
        this.addUse(use, file.firstDeclarationNode + member);
      }
    } else if (!use.isType || use.keySet === true) {
      // The enum object itself escapes (Object.values(E), E[key]), or its members are the keys of
      // a mapped type or Record: every member may be read.
      for (const member of members) this.addUse(use, file.firstDeclarationNode + member);
    }
  }

  /**
   * `NS.member` uses that member (and follows the rest of the path into it); a namespace used
   * as a value object (`Object.keys(NS)`, passed on) may read every member, and so does a path
   * the members do not explain (`A.B.x` for `namespace A.B`).
   */
  private useNamespaceMembers(file: GraphFile, namespaceIndex: number, path: string[], use: Use): void {
    if (path.length === 0 && use.isType) return;
    const members = this.children(file, namespaceIndex);
    const named = path.length > 0 ? members.filter((index) => file.facts.declarations[index].name === path[0]) : [];
    // `Color.Red` of an enum merged with `namespace Color` names the enum's member, not the namespace's.
    if (path.length > 0 && named.length === 0 && this.mergesWithValue(file, namespaceIndex)) return;
    const rest = named.length > 0 ? path.slice(1) : [];
    for (const member of named.length > 0 ? named : members) {
      this.applyTerminal({ kind: 'declaration', file: file.index, declaration: member }, rest, use);
    }
  }

  /** A function, class or enum of the namespace's name in its scope: declaration merging. */
  private mergesWithValue(file: GraphFile, namespaceIndex: number): boolean {
    const namespace = file.facts.declarations[namespaceIndex];
    return file.facts.declarations.some((declaration) => declaration.name === namespace.name && declaration.parent === namespace.parent
      && MERGED_VALUE_KINDS.has(declaration.kind));
  }

  /**
   * Declarations whose parent is `parent` (members of a class, enum or namespace), in order.
   * Asked on every use of a namespace or enum: each file's declarations are grouped by parent
   * once (a scan of them all per use made linking quadratic in a file's size).
   */
  private children(file: GraphFile, parent: number): readonly number[] {
    let byParent = this.childrenByFile.get(file.index);
    if (byParent === undefined) {
      byParent = new Map();
      for (const [index, declaration] of file.facts.declarations.entries()) {
        const siblings = byParent.get(declaration.parent);
        if (siblings === undefined) byParent.set(declaration.parent, [index]);
        else siblings.push(index);
      }
      this.childrenByFile.set(file.index, byParent);
    }
    return byParent.get(parent) ?? [];
  }

  private enumMembers(file: GraphFile, enumIndex: number): number[] {
    return this.children(file, enumIndex).filter((index) => file.facts.declarations[index].kind === 'enum-member');
  }

  private useWhole(target: GraphFile, use: Use): void {
    this.addUse(use, this.wholeNode(target));
  }

  /** W(m): one node that uses every export of m (and the namespaces and enums behind them). */
  wholeNode(target: GraphFile): number {
    let node = this.wholeNodes.get(target.index);
    if (node !== undefined) return node;
    node = this.graph.addNode(NodeKind.WholeModule, target.index, -1);
    this.wholeNodes.set(target.index, node);
    const use = { from: node, isType: false, fake: false };
    this.graph.addEdge(node, target.moduleNode);
    for (const name of this.exports.exportedNames(target)) {
      const exportNode = this.exportNode(target, name);
      if (exportNode === undefined) continue;
      this.graph.addEdge(node, exportNode);
      for (const terminal of this.exports.terminals(target, name)) {
        if (terminal.kind === 'namespace') this.graph.addEdge(node, this.wholeNode(this.exports.fileAt(terminal.file)));
        else this.applyTerminal(terminal, [], use, true);
      }
    }
    return node;
  }

  existingExportNodes(target: GraphFile, name: string): Array<{ node: number; meaning: ExportMeaning }> {
    const found: Array<{ node: number; meaning: ExportMeaning }> = [];
    for (const meaning of ['value', 'type', 'any'] as const) {
      const node = this.exportNodes[meaning].get(target.index, name);
      if (node !== undefined && node !== null) found.push({ node, meaning });
    }
    return found;
  }

  /**
   * R(m, name) for one meaning: live when some other module uses the export that way; edges
   * to what it exports (only the type when a type position uses it, and so on).
   */
  exportNode(target: GraphFile, name: string, meaning: ExportMeaning = 'any'): number | undefined {
    const cached = this.exportNodes[meaning].get(target.index, name);
    if (cached !== undefined) return cached ?? undefined;
    if (!this.exports.hasExport(target, name)) {
      this.exportNodes[meaning].set(target.index, name, null);
      return undefined;
    }
    const node = this.graph.addNode(NodeKind.ExportName, target.index, -1);
    this.graph.exportNameOfNode.set(node, name);
    this.exportNodes[meaning].set(target.index, name, node);
    // Using an export loads its module: a pure barrel is live when a name is used through it.
    this.graph.addEdge(node, target.moduleNode);
    const explicit = target.exportsByName.get(name);
    if (explicit !== undefined) {
      const declared = explicit.filter((fact) => fact.declaration !== undefined);
      const meaningful = new Set(withMeaning(target, declared.map((fact) => fact.declaration as number), meaning));
      for (const fact of explicit) {
        if (fact.declaration !== undefined) {
          if (meaningful.has(fact.declaration)) this.graph.addEdge(node, target.firstDeclarationNode + fact.declaration);
        } else if (fact.local !== undefined) {
          this.linkLocalExport(node, target, fact.local, meaning);
        } else if (fact.importIndex !== undefined) {
          for (const source of this.importTargets(target, fact.importIndex)) {
            if (fact.importedName === '*') {
              this.graph.addEdge(node, source.moduleNode);
            } else {
              const next = this.exportNode(source, fact.importedName ?? name, meaning);
              if (next !== undefined) this.graph.addEdge(node, next);
            }
          }
        }
      }
    } else if (name === 'default' && target.exportsByName.has('export=')) {
      const next = this.exportNode(target, 'export=', meaning);
      if (next !== undefined) this.graph.addEdge(node, next);
    } else if (name === 'default' && target.facts.moduleKind === 'cjs' && !this.exports.exportedNames(target).has('default')) {
      this.graph.addEdge(node, target.moduleNode);
    } else {
      for (const star of target.facts.starExports) {
        for (const source of this.importTargets(target, star.importIndex)) {
          if (!this.exports.exportedNames(source).has(name)) continue;
          const next = this.exportNode(source, name, meaning);
          if (next !== undefined) this.graph.addEdge(node, next);
        }
      }
    }
    return node;
  }

  /** `export { local }`: edges to the local declaration, or through the import binding. */
  private linkLocalExport(node: number, file: GraphFile, local: string, meaning: ExportMeaning): void {
    for (const declaration of withMeaning(file, file.declarationsByName.get(local) ?? [], meaning)) {
      this.graph.addEdge(node, file.firstDeclarationNode + declaration);
    }
    for (const binding of file.bindingsByName.get(local) ?? []) {
      for (const source of this.importTargets(file, binding.importIndex)) {
        if (binding.imported === '*') {
          this.graph.addEdge(node, source.moduleNode);
        } else {
          const next = this.exportNode(source, binding.imported, meaning);
          if (next !== undefined) this.graph.addEdge(node, next);
        }
      }
    }
  }

  private addUse(use: Use, to: number): void {
    if (use.fake) this.graph.addFakeEdge(use.from, to);
    else this.graph.addEdge(use.from, to);
    if (!use.fake) this.graph.noteUsePlace(use.from, to, use.body === true, use.isType || use.typeQuery === true);
    this.recordSymbolReference(use, to);
  }

  private recordSymbolReference(use: Use, to: number): void {
    if (this.graph.nodeKind[to] !== NodeKind.Declaration) return;
    if (this.graph.nodeKind[use.from] !== NodeKind.Declaration && this.graph.nodeKind[use.from] !== NodeKind.Module) return;
    this.graph.symbolReferences.push({ from: use.from, to, kind: use.fake ? 'fake' : use.isType ? 'type' : 'value' });
  }
}
