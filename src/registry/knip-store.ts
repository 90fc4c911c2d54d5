import type { RegistryDatabase } from './open-registry.js';

/**
 * knip's last answer and what it depended on: the hash of the project's file list and the
 * content hash of each file knip read (table `knip_answer`, one row: the latest answer only).
 */
export interface StoredKnipAnswer {
  listHash: string;
  fileHashes: Record<string, string>;
  answer: unknown;
}

export function loadKnipAnswer(registry: RegistryDatabase): StoredKnipAnswer | undefined {
  const row = registry.prepare('SELECT list_hash, file_hashes, answer FROM knip_answer WHERE id = 1').get() as
    { list_hash: string; file_hashes: string; answer: string } | undefined;
  if (row === undefined) return undefined;
  return { listHash: row.list_hash, fileHashes: JSON.parse(row.file_hashes) as Record<string, string>, answer: JSON.parse(row.answer) as unknown };
}

export function storeKnipAnswer(registry: RegistryDatabase, stored: StoredKnipAnswer): void {
  registry.prepare('INSERT OR REPLACE INTO knip_answer (id, list_hash, file_hashes, answer) VALUES (1, ?, ?, ?)')
    .run(stored.listHash, JSON.stringify(stored.fileHashes), JSON.stringify(stored.answer));
}

/** What the stored answer depended on, without the (large) answer: changes whenever a new answer is stored. */
export function readKnipAnswerStamp(registry: RegistryDatabase): string {
  const row = registry.prepare('SELECT list_hash, file_hashes FROM knip_answer WHERE id = 1').get() as { list_hash: string; file_hashes: string } | undefined;
  return row === undefined ? 'no knip answer' : `${row.list_hash} ${row.file_hashes}`;
}
