import path from 'node:path';
import { existsSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { type BaselineEntry, DEFAULT_BASELINE_FILE, entryFor, isExpired, readBaseline, writeBaseline } from '../baseline/baseline-file.js';
import { validateProject, type ValidateOptions } from './run-validate.js';

type AnalysisOptions = Omit<ValidateOptions, 'baseline' | 'staged' | 'changedSince'>;

export interface BaselineUpdate {
  file: string;
  entries: number;
  added: number;
  removed: number;
  notices: string[];
}

/**
 * `baseline save`: records every current finding, so later runs fail only on new ones. An
 * entry already in the file keeps its expiry; `expires` applies to the new ones.
 */
export async function saveBaseline(options: AnalysisOptions & { file?: string; expires?: string }): Promise<BaselineUpdate> {
  if (options.expires !== undefined && Number.isNaN(Date.parse(options.expires))) {
    throw new UsageError(`--expires ${options.expires}: expected a date such as 2027-01-31`);
  }
  const file = path.resolve(options.root, options.file ?? DEFAULT_BASELINE_FILE);
  const previous = existsSync(file) ? readBaseline(file).entries : [];
  const byFingerprint = new Map(previous.map((entry) => [entry.fingerprint, entry]));
  const result = await validateProject({ ...options, baseline: false });
  const entries: BaselineEntry[] = result.findings
    .filter((finding) => finding.rule !== 'stale-baseline')
    .map((finding) => {
      const existing = byFingerprint.get(finding.fingerprint);
      const entry = entryFor(finding, existing);
      return existing === undefined && options.expires !== undefined ? { ...entry, expires: options.expires } : entry;
    });
  writeBaseline(file, entries);
  const kept = new Set(entries.map((entry) => entry.fingerprint));
  return {
    file,
    entries: entries.length,
    added: entries.filter((entry) => !byFingerprint.has(entry.fingerprint)).length,
    removed: previous.filter((entry) => !kept.has(entry.fingerprint)).length,
    notices: result.notices,
  };
}

/** `baseline prune`: drops entries that match no current finding, and expired ones. */
export async function pruneBaseline(options: AnalysisOptions & { file?: string }): Promise<BaselineUpdate> {
  const file = path.resolve(options.root, options.file ?? DEFAULT_BASELINE_FILE);
  if (!existsSync(file)) throw new UsageError(`baseline prune: ${path.relative(process.cwd(), file) || file} does not exist (create it with \`orch-guard baseline save\`)`);
  const baseline = readBaseline(file);
  const result = await validateProject({ ...options, baseline: false });
  const current = new Set(result.findings.map((finding) => finding.fingerprint));
  const today = new Date();
  const entries = baseline.entries.filter((entry) => current.has(entry.fingerprint) && !isExpired(entry, today));
  writeBaseline(file, entries);
  return { file, entries: entries.length, added: 0, removed: baseline.entries.length - entries.length, notices: result.notices };
}
