import { FileNameCache } from './file-name-cache.js';
import type { GraphFile } from './symbol-graph.js';

/** Where an exported name ends up: a declaration, or a whole module's namespace object. */
export type ExportTerminal =
  | { kind: 'declaration'; file: number; declaration: number }
  | { kind: 'namespace'; file: number };

/**
 * Answers "what does module m export under this name?" through local exports, re-exports,
 * `export *` and CommonJS interop, memoised and safe against re-export cycles.
 */
export class ExportResolver {
  private readonly namesCache = new Map<number, Set<string>>();
  private readonly terminalCache = new FileNameCache<ExportTerminal[]>();
  private openStarFiles: Set<number> | undefined;

  constructor(
    private readonly files: GraphFile[],
    /** The project files an import of `file` resolves to (conditional exports can give several). */
    private readonly importTargets: (file: GraphFile, importIndex: number) => readonly GraphFile[],
  ) {}

  /** Every name the module exports, including names that come through `export *`. */
  exportedNames(file: GraphFile, visitingSoFar?: Set<number>): Set<string> {
    const cached = this.namesCache.get(file.index);
    if (cached !== undefined) return cached;
    // Made only on a cache miss: most calls are hits, once per use of an imported name.
    const visiting = visitingSoFar ?? new Set<number>();
    if (visiting.has(file.index)) return new Set();
    visiting.add(file.index);
    const names = new Set(file.exportsByName.keys());
    for (const star of file.facts.starExports) {
      for (const target of this.importTargets(file, star.importIndex)) {
        for (const name of this.exportedNames(target, visiting)) if (name !== 'default') names.add(name);
      }
    }
    visiting.delete(file.index);
    if (visiting.size === 0) this.namesCache.set(file.index, names);
    return names;
  }

  terminals(file: GraphFile, name: string, visitingSoFar?: Set<string>): ExportTerminal[] {
    const cached = this.terminalCache.get(file.index, name);
    if (cached !== undefined) return cached;
    const key = `${file.index}\0${name}`;
    const visiting = visitingSoFar ?? new Set<string>();
    if (visiting.has(key)) return [];
    visiting.add(key);
    const result: ExportTerminal[] = [];
    const explicit = file.exportsByName.get(name);
    if (explicit !== undefined) {
      for (const fact of explicit) {
        if (fact.declaration !== undefined) {
          result.push({ kind: 'declaration', file: file.index, declaration: fact.declaration });
        } else if (fact.local !== undefined) {
          result.push(...this.localTerminals(file, fact.local, visiting));
        } else if (fact.importIndex !== undefined) {
          for (const target of this.importTargets(file, fact.importIndex)) {
            if (fact.importedName === '*') result.push({ kind: 'namespace', file: target.index });
            else result.push(...this.terminals(target, fact.importedName ?? name, visiting));
          }
        }
      }
    } else if (name !== 'default') {
      for (const star of file.facts.starExports) {
        for (const target of this.importTargets(file, star.importIndex)) {
          if (this.exportedNames(target).has(name)) result.push(...this.terminals(target, name, visiting));
        }
      }
    } else if (file.exportsByName.has('export=')) {
      result.push(...this.terminals(file, 'export=', visiting));
    } else if (file.facts.moduleKind === 'cjs') {
      // `import x from './cjs'` binds module.exports: the namespace of a CommonJS module.
      result.push({ kind: 'namespace', file: file.index });
    }
    visiting.delete(key);
    if (visiting.size === 0) this.terminalCache.set(file.index, name, result);
    return result;
  }

  /** A name in module scope: its declarations, or what the import binding refers to. */
  localTerminals(file: GraphFile, local: string, visiting = new Set<string>()): ExportTerminal[] {
    const result: ExportTerminal[] = [];
    for (const declaration of file.declarationsByName.get(local) ?? []) {
      result.push({ kind: 'declaration', file: file.index, declaration });
    }
    for (const binding of file.bindingsByName.get(local) ?? []) {
      for (const target of this.importTargets(file, binding.importIndex)) {
        if (binding.imported === '*') result.push({ kind: 'namespace', file: target.index });
        else result.push(...this.terminals(target, binding.imported, visiting));
      }
    }
    return result;
  }

  /** Whether `name` is exported at all (explicitly, through `export *`, or by CJS interop). */
  hasExport(file: GraphFile, name: string): boolean {
    if (this.exportedNames(file).has(name)) return true;
    if (name !== 'default' && this.hasOpenStarExport(file)) return true;
    return name === 'default' && (file.exportsByName.has('export=') || file.facts.moduleKind === 'cjs');
  }

  /**
   * Whether the module re-exports everything of a module outside the project (`export * from
   * 'pkg'`, or from what does not resolve), directly or through a project module it `export *`s:
   * its names cannot be listed, so any name may be one of its exports.
   */
  hasOpenStarExport(file: GraphFile): boolean {
    this.openStarFiles ??= this.findOpenStarFiles();
    return this.openStarFiles.has(file.index);
  }

  /**
   * Every module with an open `export *`, in one pass: those whose `export *` names no project
   * module, then, backwards along `export *` edges, every module that re-exports one of them.
   */
  private findOpenStarFiles(): Set<number> {
    const open = new Set<number>();
    const reExporters = new Map<number, number[]>();
    for (const file of this.files) {
      for (const star of file.facts.starExports) {
        const targets = this.importTargets(file, star.importIndex);
        if (targets.length === 0) open.add(file.index);
        for (const target of targets) {
          const list = reExporters.get(target.index);
          if (list === undefined) reExporters.set(target.index, [file.index]);
          else list.push(file.index);
        }
      }
    }
    const queue = [...open];
    while (queue.length > 0) {
      for (const reExporter of reExporters.get(queue.pop()!) ?? []) {
        if (open.has(reExporter)) continue;
        open.add(reExporter);
        queue.push(reExporter);
      }
    }
    return open;
  }

  fileAt(index: number): GraphFile {
    return this.files[index];
  }
}
