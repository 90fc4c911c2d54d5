import type { ExportFact, ImportBindingFact } from '../indexer/facts.js';
import type { IndexedFile } from '../indexer/index-project.js';
import type { ModuleResolver } from '../resolve/module-resolver.js';
import type { GraphFile } from './symbol-graph.js';

/** Turns indexed files into graph files: imports resolved, names indexed, roles assigned. */
export function createGraphFiles(
  indexed: readonly IndexedFile[],
  resolver: ModuleResolver,
  roles: { entries: ReadonlyMap<string, unknown>; tests: ReadonlySet<string> },
): GraphFile[] {
  return indexed.map((file, index) => {
    const { facts } = file;
    const declarationsByName = new Map<string, number[]>();
    facts.declarations.forEach((declaration, declarationIndex) => {
      if (declaration.parent !== -1 || declaration.name === 'default' || declaration.name === 'export=') return;
      push(declarationsByName, declaration.name, declarationIndex);
    });
    const bindingsByName = new Map<string, ImportBindingFact[]>();
    for (const binding of facts.importBindings) push(bindingsByName, binding.local, binding);
    const exportsByName = new Map<string, ExportFact[]>();
    for (const fact of facts.exports) push(exportsByName, fact.name, fact);
    return {
      index,
      path: file.path,
      hash: file.hash,
      facts,
      isTest: roles.tests.has(file.path),
      isEntry: roles.entries.has(file.path),
      isDeclarationFile: /\.d\.[cm]?ts$/.test(file.path),
      resolutions: facts.imports.map((fact) => (fact.pattern
        ? resolver.resolvePattern(file.path, fact.specifier)
        : resolver.resolve(file.path, fact.specifier))),
      moduleNode: -1,
      firstDeclarationNode: -1,
      declarationsByName,
      bindingsByName,
      exportsByName,
    };
  });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
