import type { SuppressionRule } from '../src/rule-engine/rule.js';

export const unusedSuppression: SuppressionRule = {
  meta: {
    id: 'unused-suppression',
    description: 'A suppression comment or ignore pattern that no longer matches anything.',
    defaultSeverity: 'warn',
    phase: 'after-suppressions',
    docs: {
      flags: '`// orch-guard-ignore-next-line` and `// orch-guard-ignore-file` comments that suppressed no finding in this run, and `ignore` patterns in the config that match no project file.',
      why: 'A stale suppression hides the next real finding on that line, and tells readers something is wrong where nothing is.',
      fix: 'Delete the comment or the pattern.',
      flaggedExample: '// orch-guard-ignore-next-line dead-code\nexport function used() {} // exported and used: nothing to suppress',
      cleanExample: 'export function used() {}',
    },
  },
  check(_context, review) {
    const fromComments = review.suppressionUses
      .filter((use) => !use.used)
      .map(({ file, suppression }) => ({
        file,
        line: suppression.line,
        column: suppression.column,
        symbol: suppression.rules.length > 0 ? suppression.rules.join(', ') : '*',
        kind: 'comment',
        reason: 'stale-suppression' as const,
        message: `This suppression comment suppresses nothing: ${suppression.targetLine === 0 ? 'the file' : `line ${suppression.targetLine}`} has no ${suppression.rules.length > 0 ? `${suppression.rules.join('/')} ` : ''}finding. Delete the comment.`,
      }));
    const fromPatterns = review.unusedIgnorePatterns.map(({ pattern, configFile }) => ({
      file: configFile,
      line: 1,
      column: 1,
      symbol: pattern,
      kind: 'ignore-pattern',
      reason: 'stale-suppression' as const,
      message: `The ignore pattern \`${pattern}\` matches no project file. Delete it from the config.`,
    }));
    return [...fromComments, ...fromPatterns];
  },
};
