import type { RegistryDatabase } from './open-registry.js';

/** One file an applied cleanup changed: enough to restore it byte for byte. */
export interface CleanupFileRecord {
  path: string;
  action: 'edit' | 'delete';
  /** Git blob ids before and after (null: deleted). */
  beforeHash: string;
  afterHash: string | null;
  beforeContent: Buffer;
  /** `<action> <name>` of each removal in the file. */
  removedSymbols: string[];
}

/** Records an applied cleanup (tables `cleanups`, `cleanup_files`); returns its id. */
export function insertCleanup(registry: RegistryDatabase, summary: unknown, files: readonly CleanupFileRecord[]): number {
  const insertFile = registry.prepare(`INSERT INTO cleanup_files (cleanup_id, path, action, before_hash, after_hash, before_content, removed_symbols)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  return registry.transaction(() => {
    const id = Number(registry.prepare('INSERT INTO cleanups (created_at, status, summary) VALUES (?, ?, ?)')
      .run(new Date().toISOString(), 'applied', JSON.stringify(summary)).lastInsertRowid);
    for (const file of files) {
      insertFile.run(id, file.path, file.action, file.beforeHash, file.afterHash, file.beforeContent, JSON.stringify(file.removedSymbols));
    }
    return id;
  }).immediate();
}

/** A cleanup by id, or the latest one still applied. */
export function findCleanup(registry: RegistryDatabase, id: number | undefined): { id: number; status: string } | undefined {
  return (id === undefined
    ? registry.prepare("SELECT id, status FROM cleanups WHERE status = 'applied' ORDER BY id DESC LIMIT 1").get()
    : registry.prepare('SELECT id, status FROM cleanups WHERE id = ?').get(id)) as { id: number; status: string } | undefined;
}

export function cleanupFiles(registry: RegistryDatabase, cleanupId: number): Array<{ path: string; action: string; afterHash: string | null; beforeContent: Buffer }> {
  return registry.prepare('SELECT path, action, after_hash AS afterHash, before_content AS beforeContent FROM cleanup_files WHERE cleanup_id = ? ORDER BY path')
    .all(cleanupId) as Array<{ path: string; action: string; afterHash: string | null; beforeContent: Buffer }>;
}

export function setCleanupStatus(registry: RegistryDatabase, cleanupId: number, status: 'undone' | 'partially undone'): void {
  registry.prepare('UPDATE cleanups SET status = ? WHERE id = ?').run(status, cleanupId);
}
