import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';

export const DEFAULT_BASELINE_FILE = 'orch-guard-baseline.json';
const BASELINE_VERSION = 1;

/** One accepted finding, identified by its fingerprint (rule + file + symbol + kind). */
export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  file: string;
  symbol: string | null;
  kind: string | null;
  /** ISO date (YYYY-MM-DD) after which the entry no longer hides the finding. */
  expires?: string;
}

export interface Baseline {
  /** Absolute path of the file. */
  file: string;
  entries: BaselineEntry[];
}

/**
 * The baseline to apply: `--baseline <file>` (must exist), else the default file when the
 * root has one, else none (`--no-baseline` turns it off).
 */
export function findBaseline(root: string, option: string | false | undefined): Baseline | undefined {
  if (option === false) return undefined;
  const file = path.resolve(root, option ?? DEFAULT_BASELINE_FILE);
  if (!existsSync(file)) {
    if (option !== undefined) throw new ConfigError(`--baseline ${option}: no such file`);
    return undefined;
  }
  return readBaseline(file);
}

export function readBaseline(file: string): Baseline {
  const label = path.basename(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${label}: malformed baseline (${(error as Error).message})`);
  }
  const data = parsed as { version?: unknown; findings?: unknown };
  if (data === null || typeof data !== 'object' || typeof data.version !== 'number' || !Array.isArray(data.findings)) {
    throw new ConfigError(`${label}: not an orch-guard baseline (expected { "version": ${BASELINE_VERSION}, "findings": [...] })`);
  }
  if (data.version > BASELINE_VERSION) {
    throw new ConfigError(`${label}: baseline version ${data.version} is newer than this orch-guard supports (${BASELINE_VERSION}); upgrade orch-guard`);
  }
  const entries = data.findings.map((entry, index) => {
    const candidate = entry as Partial<BaselineEntry>;
    if (typeof candidate?.fingerprint !== 'string' || typeof candidate.rule !== 'string' || typeof candidate.file !== 'string') {
      throw new ConfigError(`${label}: findings[${index}] needs "fingerprint", "rule" and "file" strings`);
    }
    if (candidate.expires !== undefined && (typeof candidate.expires !== 'string' || Number.isNaN(Date.parse(candidate.expires)))) {
      throw new ConfigError(`${label}: findings[${index}].expires must be a date such as "2027-01-31"`);
    }
    return { fingerprint: candidate.fingerprint, rule: candidate.rule, file: candidate.file, symbol: candidate.symbol ?? null, kind: candidate.kind ?? null, ...(candidate.expires !== undefined ? { expires: candidate.expires } : {}) };
  });
  return { file, entries };
}

/** Writes the baseline atomically, entries sorted so diffs stay small. */
export function writeBaseline(file: string, entries: readonly BaselineEntry[]): void {
  const key = (entry: BaselineEntry) => [entry.file, entry.rule, entry.symbol ?? '', entry.fingerprint].join('\0');
  const sorted = [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  writeFileAtomic(file, `${JSON.stringify({ version: BASELINE_VERSION, tool: 'orch-guard', findings: sorted }, null, 2)}\n`);
}

/** A baseline entry for a finding; an existing entry keeps its expiry. */
export function entryFor(finding: Omit<BaselineEntry, 'expires'>, previous?: BaselineEntry): BaselineEntry {
  return {
    fingerprint: finding.fingerprint,
    rule: finding.rule,
    file: finding.file,
    symbol: finding.symbol,
    kind: finding.kind,
    ...(previous?.expires !== undefined ? { expires: previous.expires } : {}),
  };
}

export function isExpired(entry: BaselineEntry, today: Date): boolean {
  return entry.expires !== undefined && Date.parse(entry.expires) < Date.parse(today.toISOString().slice(0, 10));
}
