import { DeclarationFlag } from '../indexer/facts.js';
import type { LinkedGraph } from './build-graph.js';

export interface Roots {
  production: number[];
  test: number[];
}

/**
 * What is live by definition: entry modules and (unless `includeEntryExports`) their exports,
 * test files and theirs, declaration files, unparsed files, and `@public` exports. Script
 * files (no imports or exports) are live only when an entry or a used global keeps them.
 */
export function collectRoots(linked: LinkedGraph, options: { includeEntryExports: boolean }): Roots {
  const production: number[] = [];
  const test: number[] = [];
  for (const file of linked.graph.files) {
    const { facts } = file;
    if (file.isTest) {
      test.push(file.moduleNode, linked.wholeNode(file));
      continue;
    }
    if (file.isEntry) {
      production.push(file.moduleNode);
      if (!options.includeEntryExports) production.push(linked.wholeNode(file));
    }
    if (file.isDeclarationFile) production.push(file.moduleNode, linked.wholeNode(file));
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
