import type { Rule } from '../src/rule-engine/rule.js';

export const unresolvedImport: Rule = {
  meta: {
    id: 'unresolved-import',
    description: 'A relative or aliased import that resolves to no file.',
    defaultSeverity: 'error',
    docs: {
      flags: 'Imports, re-exports, `require()` and `import()` calls whose specifier is relative (`./x`), a tsconfig `paths` alias, a package.json `imports` entry (`#x`) or the package\'s own name, and that name no existing file.',
      why: 'A broken import fails at build or run time, or silently loads nothing; and the code it meant to use looks unused.',
      fix: 'Fix the path (or the alias in tsconfig.json), or restore the missing file.',
      flaggedExample: 'import { parse } from \'./parser\'; // there is no parser.ts',
      cleanExample: 'import { parse } from \'./parse\';',
    },
  },
  check(context) {
    const findings = [];
    for (const file of context.files) {
      for (const [index, fact] of file.facts.imports.entries()) {
        // `new URL('./x', import.meta.url)` names a runtime path (often in build output): not checked.
        // An unbounded load (`import(name)`) has no path to check: it makes reach uncertain instead.
        if (file.resolutions[index]?.kind !== 'unresolved' || fact.form === 'url' || fact.unbounded === true) continue;
        findings.push({
          file: file.path,
          line: fact.line,
          column: fact.column,
          symbol: fact.specifier,
          kind: 'import',
          reason: 'unresolved' as const,
          message: `Import \`${fact.specifier}\` resolves to no file: the path, alias or package export names nothing that exists. Fix the specifier or restore the file.`,
        });
      }
    }
    return findings;
  },
};
