import type { SuppressionRule } from '../src/rule-engine/rule.js';

export const staleBaseline: SuppressionRule = {
  meta: {
    id: 'stale-baseline',
    description: 'A baseline entry that matches no current finding.',
    defaultSeverity: 'warn',
    phase: 'after-suppressions',
    docs: {
      flags: 'Entries of the baseline file (orch-guard-baseline.json) whose finding no longer exists: the code was fixed, deleted or renamed.',
      why: 'A stale entry would silently accept the same finding if it came back; the baseline should only shrink.',
      fix: 'Run `orch-guard baseline prune` to drop stale entries.',
      flaggedExample: '// orch-guard-baseline.json lists unused-export src/a.ts#old, but src/a.ts no longer exports old',
      cleanExample: '// after `orch-guard baseline prune` the entry is gone',
    },
  },
  check(_context, review) {
    return review.staleBaselineEntries.map(({ entry, baselineFile, line }) => ({
      file: baselineFile,
      line,
      column: 1,
      symbol: entry.symbol ?? entry.file,
      kind: 'baseline-entry',
      reason: 'stale-baseline-entry' as const,
      message: `Baseline entry for ${entry.rule} \`${entry.symbol ?? entry.file}\` in ${entry.file} matches no finding any more. Run \`orch-guard baseline prune\`.`,
    }));
  },
};
