import type { GraphFile } from './symbol-graph.js';

/** One import of a project file by another, as written in the importing file. */
export interface FileImport {
  from: string;
  to: string;
  line: number;
  column: number;
  specifier: string;
  /** Erased from the output: `import type`, `import('x').T`, or an import whose every binding is `type`. */
  typeOnly: boolean;
  /** `import()`: loads the file later, not when the importing module loads. */
  lazy: boolean;
}

// URL imports name no project file; triple-slash references are compiler directives.
const FILE_FORMS = new Set(['static', 'side-effect', 'reexport', 'require', 'import-equals', 'dynamic', 'import-type']);

/**
 * The file-level import graph: each import of a project file resolved to the project files it
 * names (every alternative of a conditional export, each file of a pattern), marked when it
 * does not load the file as the importing module loads (type-only, lazy).
 */
export function collectFileImports(files: readonly GraphFile[]): FileImport[] {
  const imports: FileImport[] = [];
  for (const file of files) {
    if (file.isDeclarationFile) continue;
    const bindingsByImport = new Map<number, boolean[]>();
    for (const binding of file.facts.importBindings) {
      const list = bindingsByImport.get(binding.importIndex) ?? [];
      list.push(binding.typeOnly);
      bindingsByImport.set(binding.importIndex, list);
    }
    file.facts.imports.forEach((fact, index) => {
      if (!FILE_FORMS.has(fact.form)) return;
      const resolution = file.resolutions[index];
      const targets = resolution.kind === 'file' ? [resolution.path, ...(resolution.alternatives ?? [])] : resolution.kind === 'files' ? resolution.paths : [];
      const bindings = bindingsByImport.get(index) ?? [];
      const typeOnly = fact.typeOnly || fact.form === 'import-type' || (bindings.length > 0 && bindings.every(Boolean));
      for (const to of new Set(targets)) {
        imports.push({ from: file.path, to, line: fact.line, column: fact.column, specifier: fact.specifier, typeOnly, lazy: fact.form === 'dynamic' });
      }
    });
  }
  return imports;
}
