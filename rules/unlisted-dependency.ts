import type { Rule } from '../src/rule-engine/rule.js';
import { judgedDependencyProblems, manifestOf } from '../src/rule-engine/dependency-problems.js';

export const unlistedDependency: Rule = {
  meta: {
    id: 'unlisted-dependency',
    description: 'A package the code imports (or a tool config uses) that its package.json does not list.',
    defaultSeverity: 'error',
    docs: {
      flags: 'An import of an external package, or a package a tool config names (found by knip\'s plugins), that is in neither `dependencies`, `devDependencies`, `peerDependencies` nor `optionalDependencies` of the workspace package the file belongs to. With `--production`, test files and non-source configs (a tsconfig\'s `extends`) are left out: they are build tooling.',
      why: 'It works only because something else installed the package (a hoisted transitive dependency, a sibling workspace): the next install, a deploy with production dependencies only, or a consumer of the package breaks.',
      fix: 'Add the package to the package.json of the workspace that uses it (`dependencies` for code that ships, `devDependencies` for tests and tooling).',
      flaggedExample: '// src/time.ts (package.json lists no dependencies)\nimport { format } from \'date-fns\';',
      cleanExample: '// package.json\n{ "dependencies": { "date-fns": "4.1.0" } }',
    },
  },
  check(context) {
    return judgedDependencyProblems(context, ['unlisted-dependency']).map((problem) => ({
      file: problem.file,
      line: problem.line ?? 1,
      column: problem.column ?? 1,
      symbol: problem.name,
      kind: 'package',
      reason: 'missing-dependency' as const,
      message: `\`${problem.name}\` is used here but not listed in ${manifestOf(problem)}. Add it to dependencies (or devDependencies for tests and tooling).`,
    }));
  },
};
