import { DeclarationFlag } from '../indexer/facts.js';
import type { ExportResolver } from './export-resolution.js';
import { type GraphFile, NodeKind, type SymbolGraph } from './symbol-graph.js';

/**
 * Members that code outside the project (a runtime, a framework, a serialiser) calls by
 * convention, without the project naming them.
 */
const CONVENTIONAL_MEMBERS = new Set([
  'constructor', 'toString', 'toJSON', 'valueOf', 'toLocaleString', 'then', 'inspect', 'handleEvent',
  'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback', 'adoptedCallback', 'observedAttributes',
  'formAssociatedCallback', 'formResetCallback', 'formDisabledCallback', 'formStateRestoreCallback',
  // The iterator protocol: `for...of`, spread and destructuring call these on what
  // `[Symbol.iterator]()` returns (often `this`, or an iterator class nothing else names).
  'next', 'return', 'throw',
]);

const MAX_MEMBERS_REFERENCED = 8;

/**
 * Links class members. A member is live when its class is live and live code reads a property
 * of that name from any object (`this.m()`, `c.m()`, `{ m } = c`): a name-based answer that
 * needs no types and errs towards live. Members that outside code may call without naming them
 * are live with their class: of decorated or ambient classes (or classes with decorated members), of classes that extend or
 * implement what the project does not declare, or whose `this` escapes, decorated members,
 * fields whose initializer does something, and conventional names. The gate (class and name both live) is applied by computeLiveness.
 */
export function linkClassMembers(
  graph: SymbolGraph,
  files: readonly GraphFile[],
  exports: ExportResolver,
  readByAnyKey: ReadonlyArray<{ from: number; file: number; declaration: number }> = [],
): void {
  const membersByName = new Map<string, number[]>();
  const isOpen = openClasses(exports);
  const implemented = implementedMembers(exports);
  for (const file of files) {
    const declarations = file.facts.declarations;
    declarations.forEach((member, index) => {
      if ((member.kind !== 'method' && member.kind !== 'property') || member.parent < 0) return;
      const owner = declarations[member.parent];
      if (owner.kind !== 'class') return;
      const memberNode = file.firstDeclarationNode + index;
      const classNode = file.firstDeclarationNode + member.parent;
      graph.addEdge(classNode, memberNode);
      // A member an implemented interface requires cannot go (the class would no longer compile),
      // and whoever holds the object as that interface may call it.
      const open = isOpen(file, member.parent) || file.isDeclarationFile || implemented(file, member.parent).has(member.name)
        || (member.flags & (DeclarationFlag.Decorated | DeclarationFlag.LoadTimeEffects)) !== 0 || CONVENTIONAL_MEMBERS.has(member.name);
      if (open) return;
      let list = membersByName.get(member.name);
      if (list === undefined) membersByName.set(member.name, (list = []));
      list.push(memberNode);
      graph.memberGates.set(memberNode, { classNode, nameNode: -1 });
    });
  }
  if (membersByName.size === 0) return;
  const nameNodes = new Map<string, number>();
  const useName = (file: GraphFile, name: string, ownerNode: number): void => {
    const members = membersByName.get(name);
    if (members === undefined) return;
    let nameNode = nameNodes.get(name);
    if (nameNode === undefined) {
      nameNode = graph.addNode(NodeKind.MemberName, file.index, -1);
      graph.memberNameOfNode.set(nameNode, name);
      nameNodes.set(name, nameNode);
      for (const member of members) {
        graph.addEdge(nameNode, member);
        (graph.memberGates.get(member) as { nameNode: number }).nameNode = nameNode;
      }
    }
    graph.addEdge(ownerNode, nameNode);
    // For `usage` and the registry: who may call each member of that name (not for names
    // many classes share, `get` or `map`: every reader times every member would swamp them).
    if (members.length <= MAX_MEMBERS_REFERENCED) {
      for (const member of members) if (member !== ownerNode) graph.symbolReferences.push({ from: ownerNode, to: member, kind: 'value' });
    }
  };
  for (const file of files) {
    for (const [owner, name] of file.facts.memberUses ?? []) useName(file, name, owner === -1 ? file.moduleNode : file.firstDeclarationNode + owner);
  }
  // `svc[key]` of a known class reads any member of it (or of a project class it extends) by name.
  for (const read of readByAnyKey) {
    for (const [file, member] of membersWithBases(exports, exports.fileAt(read.file), read.declaration)) useName(file, member, read.from);
  }
}

/**
 * Whether outside code may call a class's members without naming them: it or one of its
 * members is decorated, it is ambient or lets `this` escape, or it (or a project class it extends) extends or implements
 * something the project does not declare (`extends HTMLElement`, `extends Component` re-exported
 * from a package, a mixin call).
 */
function openClasses(exports: ExportResolver): (file: GraphFile, classIndex: number) => boolean {
  const cache = new Map<string, boolean>();
  const isOpen = (file: GraphFile, classIndex: number): boolean => {
    const key = `${file.index}:${classIndex}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    cache.set(key, true); // a heritage cycle is an error anyway; stay on the live side
    const declaration = file.facts.declarations[classIndex];
    let open = (declaration.flags & (DeclarationFlag.Decorated | DeclarationFlag.Ambient | DeclarationFlag.OpenMembers)) !== 0
      // Decorated members (`@Field()`, `@Column()`, `@Input()`) mean a framework describes the
      // class by reflection: a DTO, an entity, a component. It reads or fills the other fields too.
      || file.facts.declarations.some((member) => member.parent === classIndex && (member.flags & DeclarationFlag.Decorated) !== 0);
    for (const name of declaration.heritage ?? []) {
      if (open) break;
      const bases = name === '' ? [] : exports.localTerminals(file, name)
        .filter((terminal) => terminal.kind === 'declaration')
        .map((terminal) => ({ file: exports.fileAt(terminal.file), index: terminal.declaration }))
        .filter(({ file: baseFile, index }) => ['class', 'interface'].includes(baseFile.facts.declarations[index].kind));
      open = bases.length === 0 || bases.some((base) => base.file.facts.declarations[base.index].kind === 'class' && isOpen(base.file, base.index));
    }
    cache.set(key, open);
    return open;
  };
  return isOpen;
}

/** The member names the project interfaces a class `implements` require (not optional ones). */
function implementedMembers(exports: ExportResolver): (file: GraphFile, classIndex: number) => ReadonlySet<string> {
  const cache = new Map<string, ReadonlySet<string>>();
  return (file, classIndex) => {
    const key = `${file.index}:${classIndex}`;
    let names = cache.get(key);
    if (names !== undefined) return names;
    const found = new Set<string>();
    for (const name of file.facts.declarations[classIndex].heritage ?? []) {
      if (name === '') continue;
      for (const terminal of exports.localTerminals(file, name)) {
        if (terminal.kind !== 'declaration') continue;
        const base = exports.fileAt(terminal.file).facts.declarations[terminal.declaration];
        if (base.kind === 'interface') for (const member of base.requiredMembers ?? []) found.add(member);
      }
    }
    names = found;
    cache.set(key, names);
    return names;
  };
}

/** The member names of a class and of the project classes it extends, each with the class's file. */
function membersWithBases(exports: ExportResolver, file: GraphFile, classIndex: number, seen = new Set<string>()): Array<[GraphFile, string]> {
  const key = `${file.index}:${classIndex}`;
  if (seen.has(key)) return [];
  seen.add(key);
  const declarations = file.facts.declarations;
  const found: Array<[GraphFile, string]> = declarations.filter((member) => member.parent === classIndex && (member.kind === 'method' || member.kind === 'property'))
    .map((member) => [file, member.name]);
  for (const name of declarations[classIndex].heritage ?? []) {
    if (name === '') continue;
    for (const terminal of exports.localTerminals(file, name)) {
      const baseFile = exports.fileAt(terminal.file);
      if (terminal.kind === 'declaration' && baseFile.facts.declarations[terminal.declaration].kind === 'class') {
        found.push(...membersWithBases(exports, baseFile, terminal.declaration, seen));
      }
    }
  }
  return found;
}
