import type { RuleFinding, Severity } from './finding.js';
import type { AnalysisContext } from './analysis-context.js';

interface RuleDocs {
  /** What the rule flags. */
  flags: string;
  /** Why it matters. */
  why: string;
  /** How to fix it. */
  fix: string;
  /** A small example it reports, and the same code made clean. */
  flaggedExample: string;
  cleanExample: string;
}

interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
  docs: RuleDocs;
  /** Rules about suppressions run after the others' findings are filtered. */
  phase?: 'after-suppressions';
}

export interface Rule {
  meta: RuleMeta;
  check(context: AnalysisContext): RuleFinding[];
}
