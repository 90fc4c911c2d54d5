import type { RuleFinding, Severity } from './finding.js';
import type { SeveritySetting } from '../config/config-schema.js';
import type { AnalysisContext, SuppressionReview } from './analysis-context.js';

interface RuleDocs {
  /** What the rule flags. */
  flags: string;
  /** How it decides, when that takes more than a paragraph (markdown). */
  details?: string;
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
  /** `off`: an opt-in rule, enabled by `rules` or by `extends: 'recommended'`. */
  defaultSeverity: SeveritySetting;
  /** Its severity under `extends: 'recommended'`, when that differs from the default. */
  recommendedSeverity?: Severity;
  docs: RuleDocs;
}

/** A rule about the analysed code. */
export interface Rule {
  meta: RuleMeta & { phase?: undefined };
  check(context: AnalysisContext): RuleFinding[];
}

/** A rule about suppressions: runs after the others' findings are filtered, on what that left unused. */
export interface SuppressionRule {
  meta: RuleMeta & { phase: 'after-suppressions' };
  check(context: AnalysisContext, review: SuppressionReview): RuleFinding[];
}

/** Either kind, for what only reads a rule's metadata (docs, SARIF, presets). */
export type AnyRule = Rule | SuppressionRule;
