import type { GraphFile } from '../graph/symbol-graph.js';
import { type ImportBindingFact, ReferenceFlag } from '../indexer/facts.js';
import { resolvedFiles } from '../resolve/resolved-files.js';
import type { AnalysisContext } from './analysis-context.js';
import type { Explanation } from './explain-dead.js';

/**
 * What a live file's import statement does with a file when nothing of that file is used
 * through it: a `re-export` nobody imports, `unread` bindings, or `broken` (it reads names the
 * file does not export, so no use resolves).
 */
export type ImportUse = 're-export' | 'unread' | 'broken';

/** A live file's import of a name (or `*` for any) of another file. */
interface NamedImport {
  importer: string;
  use: ImportUse;
}

const USE_IN_WORDS: Record<ImportUse, string> = {
  're-export': 'a re-export nothing uses',
  unread: 'an import nothing uses',
  broken: 'imports names it does not export',
};

/** `main.ts (an import nothing uses)`: a referrer in a finding's words. */
export function describeImport(importer: string, use: ImportUse): string {
  return `${importer} (${USE_IN_WORDS[use]})`;
}

/**
 * Why code that live files import, but do not use, is unused. An import nothing reads is dead
 * code: `only-referenced-by-dead-code`. A re-export nobody imports forwards the name without
 * using it (as in every tool: a forward is not a use): still `unreferenced`, with the re-exports
 * named so the message does not say "nothing refers to it". Undefined without such imports.
 */
export function explainUnusedImports(imports: readonly NamedImport[], others: readonly string[] = []): Explanation | undefined {
  const named = imports.filter((entry) => entry.use !== 'broken');
  if (named.length === 0 && others.length === 0) return undefined;
  const referrers = [...others, ...named.map((entry) => describeImport(entry.importer, entry.use))].sort();
  const onlyForwarded = others.length === 0 && named.every((entry) => entry.use === 're-export');
  return { reason: onlyForwarded ? 'unreferenced' : 'only-referenced-by-dead-code', referrers };
}

/** Per target file path, per name: the live imports (see indexLiveImports). */
type LiveImports = Map<string, Map<string, NamedImport[]>>;

const cache = new WeakMap<AnalysisContext, LiveImports>();

/**
 * The live files whose imports name `name` of `file` (`*`: the file itself, by any import) when
 * that name is dead: the statements that refer to it, though nothing they reach uses it. The
 * reason of a finding is then "used only by dead code (main.ts (an import nothing uses))", never
 * "nothing refers to it" beside an import that names it.
 */
export function liveImportsOf(context: AnalysisContext, file: GraphFile, name: string): NamedImport[] {
  let byKey = cache.get(context);
  if (byKey === undefined) {
    byKey = indexLiveImports(context);
    cache.set(context, byKey);
  }
  return byKey.get(file.path)?.get(name) ?? [];
}

function indexLiveImports(context: AnalysisContext): LiveImports {
  const byKey: LiveImports = new Map();
  // Maps per target and name, not a key string per import of a name: this runs over every import of every live file.
  const add = (target: string, name: string, importer: string, use: ImportUse) => {
    let byName = byKey.get(target);
    if (byName === undefined) byKey.set(target, (byName = new Map()));
    let list = byName.get(name);
    if (list === undefined) byName.set(name, (list = []));
    const known = list.find((entry) => entry.importer === importer);
    // Of two imports of one name, a broken one is what the finding must not hide.
    if (known === undefined) list.push({ importer, use });
    else if (use === 'broken') known.use = use;
  };
  for (const file of context.files) {
    if (!context.isFileLive(file)) continue;
    const read = new Set<string>();
    for (const reference of file.facts.references) if ((reference.flags & ReferenceFlag.Fake) === 0) read.add(reference.name);
    const reExported = groupByImport(file.facts.exports.filter((fact) => fact.importIndex !== undefined), (fact) => fact.importIndex as number);
    const bound = groupByImport(file.facts.importBindings, (binding) => binding.importIndex);
    const exportedLocals = new Set(file.facts.exports.filter((fact) => fact.importIndex === undefined && fact.local !== undefined).map((fact) => fact.local as string));
    file.resolutions.forEach((resolution, importIndex) => {
      const targets = resolvedFiles(resolution).filter((target) => target !== file.path);
      if (targets.length === 0) return;
      const bindings = bound.get(importIndex) ?? [];
      // `import { a } from './x'; export { a };` forwards `a` like `export { a } from './x'`.
      const useOf = (binding: ImportBindingFact): ImportUse => (read.has(binding.local) ? 'broken' : exportedLocals.has(binding.local) ? 're-export' : 'unread');
      const uses = bindings.map(useOf);
      const whole: ImportUse = file.facts.imports[importIndex].form === 'reexport' ? 're-export'
        : uses.includes('broken') ? 'broken' : uses.length > 0 && uses.every((use) => use === 're-export') ? 're-export' : 'unread';
      for (const target of targets) {
        add(target, '*', file.path, whole);
        for (const fact of reExported.get(importIndex) ?? []) add(target, fact.importedName ?? fact.name, file.path, 're-export');
        bindings.forEach((binding, index) => add(target, binding.imported, file.path, uses[index]));
      }
    });
  }
  return byKey;
}

function groupByImport<T>(items: readonly T[], importIndexOf: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const index = importIndexOf(item);
    const group = groups.get(index);
    if (group === undefined) groups.set(index, [item]);
    else group.push(item);
  }
  return groups;
}
