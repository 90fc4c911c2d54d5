import type { Rule } from '../src/rule-engine/rule.js';
import { judgedDependencyProblems, manifestOf } from '../src/rule-engine/dependency-problems.js';

export const unlistedBinary: Rule = {
  meta: {
    id: 'unlisted-binary',
    description: 'A script or CI workflow runs a binary that no listed dependency provides.',
    defaultSeverity: 'error',
    docs: {
      flags: 'A command in package.json `scripts` (or a CI workflow, as knip reads them) that runs a binary (`tsc`, `eslint`, `prisma`) no dependency of that workspace package provides. System tools knip knows (`git`, `node`, `docker`, …) are not reported, and nothing is judged while the dependencies are not installed (which package provides a binary is read from node_modules).',
      why: 'The script works only where the binary happens to be installed globally or hoisted from another package; on a clean machine or in CI it fails.',
      fix: 'Add the package that provides the binary to `devDependencies`, or call it through `npx <package>` if it is meant to be fetched on demand.',
      flaggedExample: '// package.json\n{ "scripts": { "lint": "eslint ." }, "devDependencies": {} }',
      cleanExample: '// package.json\n{ "scripts": { "lint": "eslint ." }, "devDependencies": { "eslint": "9.39.1" } }',
    },
  },
  check(context) {
    return judgedDependencyProblems(context, ['unlisted-binary']).map((problem) => ({
      file: problem.file,
      line: problem.line ?? 1,
      column: problem.column ?? 1,
      symbol: problem.name,
      kind: 'binary',
      reason: 'missing-dependency' as const,
      message: `The binary \`${problem.name}\` is run here but no dependency in ${manifestOf(problem)} provides it. Add the package that provides it to devDependencies.`,
    }));
  },
};
