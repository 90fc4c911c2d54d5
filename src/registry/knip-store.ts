import type { RegistryDatabase } from './open-registry.js';

const KEY = 'knip-answer';

/**
 * knip's last answer and what it depended on: the hash of the project's file list and the
 * content hash of each file knip read. Kept in `meta` (one row: the latest answer only).
 */
export interface StoredKnipAnswer {
  listHash: string;
  fileHashes: Record<string, string>;
  answer: unknown;
}

export function loadKnipAnswer(registry: RegistryDatabase): StoredKnipAnswer | undefined {
  const row = registry.prepare('SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined;
  return row === undefined ? undefined : JSON.parse(row.value) as StoredKnipAnswer;
}

export function storeKnipAnswer(registry: RegistryDatabase, stored: StoredKnipAnswer): void {
  registry.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(KEY, JSON.stringify(stored));
}
