import type { Finding } from '../rule-engine/finding.js';
import type { RegistryDatabase } from './open-registry.js';
import { decodeStamp, encodeStamp, type ProjectStamp } from './project-stamp.js';

/** A validate result's project stamp, with what its key was made of besides the files' stats. */
export interface ValidateStamp extends ProjectStamp {
  /** The project files, whose stats (or contents) make the rest of the key. */
  files: string[];
  /** The digest of the key's other inputs (see src/validate/result-cache.ts). */
  inputs: string;
}

export function readValidateStamp(registry: RegistryDatabase): ValidateStamp | undefined {
  return decodeStamp(registry.prepare('SELECT project_stamp FROM validate_result_cache WHERE id = 1').pluck().get() as string | null | undefined);
}

/** Stamps the stored result (when there is one); a new result replaces the row and its stamp. */
export function writeValidateStamp(registry: RegistryDatabase, stamp: ValidateStamp): void {
  registry.prepare('UPDATE validate_result_cache SET project_stamp = ? WHERE id = 1').run(encodeStamp(stamp));
}

/** The last validate result with what it depended on (one row: a newer result replaces it). */
export interface CachedValidateResult {
  /** Hash of everything the result depends on (see src/validate/result-cache.ts). */
  key: string;
  findings: Finding[];
  notices: string[];
  /** Disk lookups outside the project made by resolution, and what they found. */
  diskLookups: Array<[string, 'file' | 'dir' | 'none']>;
}

/** The cached result; undefined when there is none, or when its row is damaged (then it is computed again and rewritten). */
export function readValidateResult(registry: RegistryDatabase): CachedValidateResult | undefined {
  const row = registry.prepare('SELECT key, findings, notices, disk_lookups FROM validate_result_cache WHERE id = 1').get() as
    { key: string; findings: string; notices: string; disk_lookups: string } | undefined;
  if (row === undefined) return undefined;
  try {
    return {
      key: row.key,
      findings: JSON.parse(row.findings) as Finding[],
      notices: JSON.parse(row.notices) as string[],
      diskLookups: JSON.parse(row.disk_lookups) as CachedValidateResult['diskLookups'],
    };
  } catch {
    return undefined;
  }
}

/** The same result under a new key (its content key, once the files' stats can vouch): its stamp still holds. */
export function rekeyValidateResult(registry: RegistryDatabase, key: string): void {
  registry.prepare('UPDATE validate_result_cache SET key = ? WHERE id = 1').run(key);
}

export function writeValidateResult(registry: RegistryDatabase, result: CachedValidateResult): void {
  registry.prepare('INSERT OR REPLACE INTO validate_result_cache (id, key, findings, notices, disk_lookups) VALUES (1, ?, ?, ?, ?)')
    .run(result.key, JSON.stringify(result.findings), JSON.stringify(result.notices), JSON.stringify(result.diskLookups));
}
