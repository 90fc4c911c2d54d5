import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from './run-cli.js';

export interface ExpectedFinding {
  rule: string;
  file: string;
  line: number;
  symbol: string | null;
  reason: string;
  column?: number;
  referrers?: string[];
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
