import type { RegistryDatabase } from './open-registry.js';

/** Base versions whose findings are kept (the least recently stored go first). */
const KEPT_BASE_FINDINGS = 20;

/** Fingerprints of the findings of a base version, by a key of its content and setup; undefined for a damaged row (recomputed). */
export function readBaseFindings(registry: RegistryDatabase, key: string): string[] | undefined {
  const row = registry.prepare('SELECT fingerprints FROM base_findings WHERE key = ?').get(key) as { fingerprints: string } | undefined;
  if (row === undefined) return undefined;
  try {
    const fingerprints: unknown = JSON.parse(row.fingerprints);
    return Array.isArray(fingerprints) ? fingerprints as string[] : undefined;
  } catch {
    return undefined;
  }
}

export function writeBaseFindings(registry: RegistryDatabase, key: string, fingerprints: readonly string[]): void {
  registry.transaction(() => {
    registry.prepare('INSERT OR REPLACE INTO base_findings (key, fingerprints, used_at) VALUES (?, ?, ?)').run(key, JSON.stringify(fingerprints), Date.now());
    registry.prepare('DELETE FROM base_findings WHERE key IN (SELECT key FROM base_findings ORDER BY used_at DESC, rowid DESC LIMIT -1 OFFSET ?)').run(KEPT_BASE_FINDINGS);
  }).immediate();
}
