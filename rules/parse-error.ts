import type { Rule } from '../src/rule-engine/rule.js';

export const parseError: Rule = {
  meta: {
    id: 'parse-error',
    description: 'A file with syntax errors (still indexed as far as the parser recovered).',
    defaultSeverity: 'warn',
    docs: {
      flags: 'Files the TypeScript parser reports syntax errors in. The file is still indexed as far as the parser recovers, and the run goes on.',
      why: 'Facts from a file that does not parse may be incomplete, so findings that depend on it can be wrong; the file will not build either.',
      fix: 'Fix the syntax error.',
      flaggedExample: 'export function broken( {',
      cleanExample: 'export function fixed() {}',
    },
  },
  check(context) {
    return context.files
      .filter((file) => file.facts.parseErrors.length > 0)
      .map((file) => {
        const [first] = file.facts.parseErrors;
        const count = file.facts.parseErrors.length;
        return {
          file: file.path,
          line: first.line,
          column: first.column,
          kind: 'syntax',
          reason: 'syntax-error' as const,
          message: `${count} syntax error${count === 1 ? '' : 's'}, first: ${first.message}. The file was indexed as far as the parser recovered; fix it for exact results.`,
        };
      });
  },
};
