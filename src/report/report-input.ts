import type { Finding } from '../rule-engine/finding.js';
import type { GateSummary } from '../gates/gate-summary.js';

/** What every reporter formats: the result of a run. */
export interface ReportInput {
  root: string;
  findings: readonly Finding[];
  fileCount: number;
  /** Set when only changes are judged (--staged, --changed-since). */
  scope?: 'staged' | 'changed-since';
  /** Set when a phase gate produced the findings. */
  gate?: GateSummary;
  /**
   * The root's path inside its git repository (`packages/app`), for CI reporters whose paths
   * the CI resolves from the repository's top; empty or absent when the root is the top.
   */
  repositoryPath?: string;
}

/**
 * The findings a run is judged on: not accepted by the baseline and, when only a change is
 * judged, introduced by it. The others are counted but not shown or annotated.
 */
export function actionableFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.introduced !== false && finding.baselined !== true);
}

/** A root-relative path as CI tools expect it: relative to the repository's top. */
export function repositoryRelative(input: ReportInput, file: string): string {
  return input.repositoryPath === undefined || input.repositoryPath === '' ? file : `${input.repositoryPath}/${file}`;
}

export interface ReporterOptions {
  /** Colour output (the CLI decides: a TTY, and NO_COLOR unset). */
  color: boolean;
}

export type Reporter = (input: ReportInput, options: ReporterOptions) => string;

/** The counts every output leads with: files analysed, findings, errors, warnings, per rule. */
export interface FindingSummary {
  files: number;
  findings: number;
  errors: number;
  warnings: number;
  byRule: Record<string, number>;
}

export function summarizeFindings(findings: readonly Finding[], fileCount: number): FindingSummary {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { files: fileCount, findings: findings.length, errors, warnings: findings.length - errors, byRule: countByRule(findings) };
}

/** Findings per rule, in the order of first appearance by rule id. */
export function countByRule(findings: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of [...findings].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0))) {
    counts[finding.rule] = (counts[finding.rule] ?? 0) + 1;
  }
  return counts;
}
