import { describeReason } from '../src/rule-engine/describe-reason.js';
import { analyseExports } from '../src/rule-engine/export-usage.js';
import type { Rule } from '../src/rule-engine/rule.js';

export const testOnlyExport: Rule = {
  meta: {
    id: 'test-only-export',
    description: 'Production code whose only live users are tests.',
    defaultSeverity: 'warn',
    docs: {
      flags: 'Exports of non-test files that are used, but only by test files (directly, or through code that only tests reach). Not reported: a declaration production code uses inside its own file (it is live; only its `export` serves the tests), an export that dead production code also imports (that code is reported itself), and an export tagged `@internal` in JSDoc (exported for tests and tooling on purpose; with `--production` it is not reported as unused either).',
      why: 'Code that only tests call is tested but never shipped into use: typically a feature that was built and never wired in.',
      fix: 'Wire the code into production (call it where it belongs), or delete it together with its tests. Run with `--production` to see it as unused.',
      flaggedExample: '// src/slugify.ts\nexport function slugify(s: string) { return s.toLowerCase(); }\n\n// test/slugify.test.ts\nimport { slugify } from \'../src/slugify\';\ntest(\'slug\', () => expect(slugify(\'A\')).toBe(\'a\'));',
      cleanExample: '// src/index.ts\nimport { slugify } from \'./slugify\';\nexport const url = (title: string) => `/posts/${slugify(title)}`;',
    },
  },
  check(context) {
    return analyseExports(context)
      .filter((usage) => usage.testOnlyUsers !== undefined)
      .map(({ file, fact, kind, testOnlyUsers }) => {
        const explanation = { reason: 'only-referenced-by-tests' as const, referrers: testOnlyUsers ?? [] };
        return {
          file: file.path,
          line: fact.line,
          column: fact.column,
          symbol: fact.name,
          kind,
          reason: explanation.reason,
          referrers: explanation.referrers,
          message: `Export \`${fact.name}\` is never used by production code: ${describeReason(explanation)}. Wire it into production code, or delete it with its tests.`,
        };
      });
  },
};
