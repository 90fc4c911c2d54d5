import type { GraphFile } from '../graph/symbol-graph.js';
import type { DeclarationFact } from '../indexer/facts.js';
import type { Explanation } from './explain-dead.js';
import type { RuleFinding } from './finding.js';

/** The finding of a dead declaration at its name, with why it is dead; the rule adds the message. */
export function deadDeclarationFinding(file: GraphFile, declaration: DeclarationFact, symbol: string, explanation: Explanation): Omit<RuleFinding, 'message'> {
  return {
    file: file.path,
    line: declaration.line,
    column: declaration.column,
    symbol,
    kind: declaration.kind,
    reason: explanation.reason,
    ...(explanation.referrers !== undefined ? { referrers: explanation.referrers } : {}),
  };
}
