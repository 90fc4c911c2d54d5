import type { RuleFinding } from '../src/rule-engine/finding.js';
import type { Rule } from '../src/rule-engine/rule.js';
import { textOnlyFiles } from '../src/rule-engine/text-imports.js';

export const unresolvedImport: Rule = {
  meta: {
    id: 'unresolved-import',
    description: 'A relative or aliased import that resolves to no file.',
    defaultSeverity: 'error',
    docs: {
      flags: 'Imports, re-exports, `require()` and `import()` calls whose specifier is relative (`./x`), a tsconfig `paths` alias, a package.json `imports` entry (`#x`) or the package\'s own name, and that name no existing file. A path that is git-ignored and missing (a file a build or script generates) is not reported: one notice names those imports; the imports of a file the project loads only as text (`./template/main.js?raw`, `?url`, `?inline`) are not checked. In a file over `maxFileSizeKb` (not parsed) imports are found by a text pattern: those on comment lines are not checked, the others are reported with low confidence.',
      why: 'A broken import fails at build or run time, or silently loads nothing; and the code it meant to use looks unused.',
      fix: 'Fix the path (or the alias in tsconfig.json), or restore the missing file.',
      flaggedExample: 'import { parse } from \'./parser\'; // there is no parser.ts',
      cleanExample: 'import { parse } from \'./parse\';',
    },
  },
  check(context) {
    const findings: RuleFinding[] = [];
    const textOnly = textOnlyFiles(context.files);
    for (const file of context.files) {
      if (textOnly.has(file.path)) continue;
      for (const [index, fact] of file.facts.imports.entries()) {
        // `new URL('./x', import.meta.url)` names a runtime path (often in build output): not checked.
        // An unbounded load (`import(name)`) has no path to check: it makes reach uncertain instead.
        const resolution = file.resolutions[index];
        if (resolution?.kind !== 'unresolved' || fact.form === 'url' || fact.unbounded === true) continue;
        // A git-ignored path a build or script generates: named in one notice (src/analyse/generated-imports.ts).
        if (resolution.gitIgnored === true) continue;
        // A file not parsed (over the size limit): its imports were found by pattern, so one may
        // sit in a string or a comment the pattern could not tell apart.
        const byPattern = file.facts.skipped !== undefined;
        findings.push({
          file: file.path,
          line: fact.line,
          column: fact.column,
          symbol: fact.specifier,
          kind: 'import',
          reason: 'unresolved' as const,
          ...(byPattern ? { confidence: 'low' as const, uncertainty: 'the file was not parsed (too large or unreadable): this import was found by a text pattern and may be in a string or comment' } : {}),
          message: `Import \`${fact.specifier}\` resolves to no file: the path, alias or package export names nothing that exists. Fix the specifier or restore the file.`,
        });
      }
    }
    return findings;
  },
};
