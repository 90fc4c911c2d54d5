import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from './run-cli.js';

export interface ExpectedFinding {
  rule: string;
  /** Required: a rule slipping from error to warn (or back) fails its fixtures. */
  severity: 'error' | 'warn';
  file: string;
  line: number;
  symbol: string | null;
  reason: string;
  column?: number;
  referrers?: string[];
  /** duplicate-implementation near-copies: the similarity (compared only when given). */
  similarity?: number;
  /** The message, when the fixture pins its words (compared only when given). */
  message?: string;
  /** `low` when the finding depends on an entry orch-guard could not map; always compared. */
  confidence?: 'low';
}

/** The expected.json beside each fixture project. */
export interface Expected {
  description: string;
  args?: string[];
  exitCode?: number;
  findings: ExpectedFinding[];
  /** Substrings that must appear on stderr (notices). */
  stderr?: string[];
}

/** Every directory under fixtures/ that holds an expected.json is a case. */
export function findFixtureCases(dir = FIXTURES): string[] {
  if (existsSync(path.join(dir, 'expected.json'))) return [path.relative(FIXTURES, dir)];
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort()
    .flatMap((name) => findFixtureCases(path.join(dir, name)));
}

export function readExpected(fixture: string): Expected {
  return JSON.parse(readFileSync(path.join(FIXTURES, fixture, 'expected.json'), 'utf8')) as Expected;
}

/** Expected-findings order: file, line, rule, symbol. */
export const byPosition = (a: ExpectedFinding, b: ExpectedFinding) =>
  a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule) || String(a.symbol).localeCompare(String(b.symbol));

/** The fields an expectation states: always rule, severity, file, line, symbol, reason; column and referrers when it gives them. */
export function comparable(findings: ReadonlyArray<ExpectedFinding & Record<string, unknown>>, expected: readonly ExpectedFinding[]): ExpectedFinding[] {
  return findings.map((finding) => {
    const wanted = expected.find((entry) => entry.rule === finding.rule && entry.file === finding.file && entry.line === finding.line && entry.symbol === finding.symbol);
    return {
      rule: finding.rule,
      severity: finding.severity,
      file: finding.file,
      line: finding.line,
      symbol: finding.symbol,
      reason: finding.reason,
      ...(wanted?.column !== undefined ? { column: finding.column } : {}),
      ...(wanted?.referrers !== undefined ? { referrers: finding.referrers } : {}),
      ...(wanted?.similarity !== undefined ? { similarity: finding.similarity as number } : {}),
      ...(wanted?.message !== undefined ? { message: finding.message as string } : {}),
      ...(finding.confidence !== undefined ? { confidence: finding.confidence as 'low' } : {}),
    };
  });
}
