import { DeclarationFlag } from '../indexer/facts.js';
import type { LinkedGraph } from './build-graph.js';
import type { GraphFile } from './symbol-graph.js';

export interface Roots {
  production: number[];
  test: number[];
}

/**
 * What is live by definition: entry modules and their exports (with `includeEntryExports`, only
 * framework and tool entries' exports), test files and theirs, declaration files, unparsed
 * files, and `@public` exports. Script
 * files (no imports or exports) are live only when an entry or a used global keeps them.
 */
export function collectRoots(linked: LinkedGraph, options: { includeEntryExports: boolean }): Roots {
  const production: number[] = [];
  const test: number[] = [];
  for (const file of linked.graph.files) {
    const { facts } = file;
    if (file.isTest) {
      test.push(file.moduleNode, linked.wholeNode(file), ...exportedClassMembers(linked, file));
      continue;
    }
    if (file.isEntry) {
      production.push(file.moduleNode);
      // Public API: the exports of an entry, and the members of the classes it exports. A
      // framework's or tool's entry stays so with includeEntryExports: what loads it reads them.
      if (!options.includeEntryExports || file.exportsReadByLoader === true) production.push(linked.wholeNode(file), ...exportedClassMembers(linked, file));
    }
    // The compiler includes declaration and augmentation files by tsconfig, not by import.
    if (file.isDeclarationFile && file.inProgram) production.push(file.moduleNode, linked.wholeNode(file));
    else if (file.facts.ambientOnly === true && file.inProgram) production.push(file.moduleNode);
    if (facts.skipped !== undefined) production.push(file.moduleNode);
    for (const fact of facts.exports) {
      const declarationIsPublic = fact.declaration !== undefined
        ? (facts.declarations[fact.declaration].flags & DeclarationFlag.Public) !== 0
        : (file.declarationsByName.get(fact.local ?? '') ?? []).some((index) => (facts.declarations[index].flags & DeclarationFlag.Public) !== 0);
      if (!fact.public && !declarationIsPublic) continue;
      const node = linked.exportNode(file, fact.name);
      if (node !== undefined) production.push(node);
    }
    facts.declarations.forEach((declaration, index) => {
      const isPublic = (declaration.flags & DeclarationFlag.Public) !== 0
        || (declaration.parent !== -1 && (facts.declarations[declaration.parent].flags & DeclarationFlag.Public) !== 0);
      if (isPublic) production.push(file.firstDeclarationNode + index);
    });
  }
  return { production, test };
}

/** Member nodes of the classes a file exports, wherever they are declared (re-exports too). */
function exportedClassMembers(linked: LinkedGraph, file: GraphFile): number[] {
  const members: number[] = [];
  for (const name of linked.exports.exportedNames(file)) {
    for (const terminal of linked.exports.terminals(file, name)) {
      if (terminal.kind !== 'declaration') continue;
      const target = linked.exports.fileAt(terminal.file);
      const { declarations } = target.facts;
      if (declarations[terminal.declaration].kind !== 'class') continue;
      declarations.forEach((declaration, index) => {
        if (declaration.parent === terminal.declaration) members.push(target.firstDeclarationNode + index);
      });
    }
  }
  return members;
}
