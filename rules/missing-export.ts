import type { AnalysisContext } from '../src/rule-engine/analysis-context.js';
import type { Rule } from '../src/rule-engine/rule.js';
import type { GraphFile } from '../src/graph/symbol-graph.js';

export const missingExport: Rule = {
  meta: {
    id: 'missing-export',
    description: 'An import or re-export of a name the target module does not export.',
    defaultSeverity: 'error',
    docs: {
      flags: 'Named and default imports, re-exports and destructured dynamic imports of a project module that has no export of that name. Modules whose exports cannot all be seen (CommonJS, `export =`, `export *` from a package, unparsed files) are not checked.',
      why: 'The import fails at build or load time, and the code it meant to use looks unused, so a dead-code report around it is misleading.',
      fix: 'Import a name the module exports, export the name from the module, or remove the import.',
      flaggedExample: '// src/math.ts\nexport function add() {}\n\n// src/index.ts\nimport { sum } from \'./math\'; // math.ts exports add, not sum',
      cleanExample: '// src/index.ts\nimport { add } from \'./math\';',
    },
  },
  check(context) {
    const findings = [];
    for (const file of context.files) {
      if (file.facts.skipped !== undefined || file.facts.parseErrors.length > 0) continue;
      const namesByImport = new Map<number, Array<{ name: string; line: number; column: number }>>();
      const add = (importIndex: number, name: string, line: number, column: number) => {
        const list = namesByImport.get(importIndex) ?? [];
        list.push({ name, line, column });
        namesByImport.set(importIndex, list);
      };
      for (const binding of file.facts.importBindings) {
        if (binding.imported === '*') continue;
        const fact = file.facts.imports[binding.importIndex];
        add(binding.importIndex, binding.imported, fact.line, fact.column);
      }
      for (const fact of file.facts.exports) {
        if (fact.importIndex !== undefined && fact.importedName !== '*' && fact.importedName !== undefined) add(fact.importIndex, fact.importedName, fact.line, fact.column);
      }
      file.facts.imports.forEach((fact, index) => {
        if (fact.form === 'dynamic' || fact.form === 'require') for (const name of fact.usedNames ?? []) add(index, name, fact.line, fact.column);
      });
      for (const [importIndex, names] of namesByImport) {
        const resolution = file.resolutions[importIndex];
        // A bundler query (`./x.ts?raw`) imports something other than the module's exports.
        if (resolution.kind !== 'file' || resolution.alternatives !== undefined || file.facts.imports[importIndex].specifier.includes('?')) continue;
        const target = context.fileByPath(resolution.path);
        if (target === undefined || !hasVisibleExports(context, target, new Set())) continue;
        for (const { name, line, column } of names) {
          if (context.linked.exports.hasExport(target, name)) continue;
          const specifier = file.facts.imports[importIndex].specifier;
          findings.push({
            file: file.path,
            line,
            column,
            symbol: name,
            kind: 'import',
            reason: 'unresolved' as const,
            message: `\`${specifier}\` has no export \`${name}\`: the import fails, and what it meant to use looks unused. Import a name the module exports, or export \`${name}\` from it.`,
          });
        }
      }
    }
    return findings;
  },
};

/** Whether every export of the module is known: an ES module, parsed, stars inside the project. */
function hasVisibleExports(context: AnalysisContext, file: GraphFile, visiting: Set<number>): boolean {
  const { facts } = file;
  if (visiting.has(file.index)) return true;
  visiting.add(file.index);
  if (facts.moduleKind !== 'esm' || facts.skipped !== undefined || facts.parseErrors.length > 0) return false;
  if (file.exportsByName.has('export=') || /\.(?:vue|svelte|astro|mdx?)$/.test(file.path)) return false;
  return facts.starExports.every((star) => {
    const resolution = file.resolutions[star.importIndex];
    if (resolution.kind !== 'file') return false;
    const target = context.fileByPath(resolution.path);
    return target !== undefined && hasVisibleExports(context, target, visiting);
  });
}
