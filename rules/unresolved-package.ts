import type { Rule } from '../src/rule-engine/rule.js';
import { judgedDependencyProblems } from '../src/rule-engine/dependency-problems.js';

export const unresolvedPackage: Rule = {
  meta: {
    id: 'unresolved-package',
    description: 'A module a tool config or an import names that knip cannot resolve, and orch-guard does not already report.',
    defaultSeverity: 'error',
    docs: {
      flags: 'A specifier knip could not resolve: a preset, plugin or setup file a tool config names (`setupFiles: [\'./missing-setup.ts\']`, `extends: \'./base.json\'`), or an import orch-guard does not index. Imports orch-guard already reports as `unresolved-import`, and specifiers it resolves itself, are left out, so nothing is reported twice.',
      why: 'The tool will fail to load what its config names, or silently run without it (a test setup file that never runs).',
      fix: 'Correct the path or package name in the config, install the missing package, or remove the reference.',
      flaggedExample: '// vitest.config.ts\nexport default { test: { setupFiles: [\'./test/setup-missing.ts\'] } };',
      cleanExample: '// vitest.config.ts\nexport default { test: { setupFiles: [\'./test/setup.ts\'] } };',
    },
  },
  check(context) {
    return judgedDependencyProblems(context, ['unresolved-import'])
      .filter((problem) => !isIndexedImport(context, problem.file, problem.name))
      .map((problem) => ({
      file: problem.file,
        line: problem.line ?? 1,
        column: problem.column ?? 1,
        symbol: problem.name,
        kind: 'specifier',
        reason: 'unresolved' as const,
        message: `\`${problem.name}\` cannot be resolved: no such file or package. Correct the reference, install the package, or remove it.`,
      }));
  },
};

/** An import orch-guard indexed itself: resolved, or already reported by unresolved-import. */
function isIndexedImport(context: Parameters<Rule['check']>[0], file: string, specifier: string): boolean {
  return context.fileByPath(file)?.facts.imports.some((fact) => fact.specifier === specifier) === true;
}
