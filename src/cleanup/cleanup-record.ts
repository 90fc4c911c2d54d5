import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';
import { gitBlobId } from '../indexer/parse-file.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import type { CleanupItem } from './plan-cleanup.js';

/**
 * Records an applied cleanup: each file's bytes before, and hashes before and after, so
 * `cleanup --undo` can restore exactly and refuse files changed since.
 */
export function recordCleanup(
  registry: RegistryDatabase,
  change: { originals: ReadonlyMap<string, string>; contents: ReadonlyMap<string, string | null>; items: readonly CleanupItem[]; summary: unknown },
): number {
  const insertFile = registry.prepare(`INSERT INTO cleanup_files (cleanup_id, path, action, before_hash, after_hash, before_content, removed_symbols)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  return registry.transaction(() => {
    const id = Number(registry.prepare('INSERT INTO cleanups (created_at, status, summary) VALUES (?, ?, ?)')
      .run(new Date().toISOString(), 'applied', JSON.stringify(change.summary)).lastInsertRowid);
    for (const [file, after] of change.contents) {
      const before = change.originals.get(file) ?? '';
      const removed = change.items.filter((item) => item.file === file).map((item) => `${item.action} ${item.name}`);
      insertFile.run(id, file, after === null ? 'delete' : 'edit', gitBlobId(Buffer.from(before, 'utf8')),
        after === null ? null : gitBlobId(Buffer.from(after, 'utf8')), Buffer.from(before, 'utf8'), JSON.stringify(removed));
    }
    return id;
  }).immediate();
}

export interface UndoResult {
  cleanupId: number;
  restored: string[];
  /** Files left alone because they changed after the cleanup. */
  refused: Array<{ file: string; reason: string }>;
}

/** Restores the files of a cleanup (the latest applied one by default) byte for byte. */
export function undoCleanup(registry: RegistryDatabase, root: string, requested: number | undefined): UndoResult {
  const row = (requested === undefined
    ? registry.prepare("SELECT id, status FROM cleanups WHERE status = 'applied' ORDER BY id DESC LIMIT 1").get()
    : registry.prepare('SELECT id, status FROM cleanups WHERE id = ?').get(requested)) as { id: number; status: string } | undefined;
  if (row === undefined) throw new UsageError(requested === undefined ? 'cleanup --undo: no applied cleanup to undo' : `cleanup --undo ${requested}: no such cleanup`);
  if (row.status !== 'applied') throw new UsageError(`cleanup --undo ${row.id}: that cleanup was already ${row.status}`);
  const files = registry.prepare('SELECT path, action, after_hash, before_content FROM cleanup_files WHERE cleanup_id = ? ORDER BY path')
    .all(row.id) as Array<{ path: string; action: string; after_hash: string | null; before_content: Buffer }>;
  const restored: string[] = [];
  const refused: UndoResult['refused'] = [];
  for (const file of files) {
    const absolute = path.join(root, file.path);
    const current = existsSync(absolute) ? gitBlobId(readFileSync(absolute)) : null;
    if (current !== file.after_hash) {
      refused.push({ file: file.path, reason: file.after_hash === null ? 'it was recreated after the cleanup deleted it' : 'it changed after the cleanup' });
      continue;
    }
    writeFileAtomic(absolute, file.before_content);
    restored.push(file.path);
  }
  registry.prepare('UPDATE cleanups SET status = ? WHERE id = ?').run(refused.length === 0 ? 'undone' : 'partially undone', row.id);
  return { cleanupId: row.id, restored, refused };
}

/** Puts each file in the given state: new content, deleted (null), or back to its original. */
export function writeState(root: string, originals: ReadonlyMap<string, string>, contents: ReadonlyMap<string, string | null>): void {
  for (const [file, original] of originals) {
    const absolute = path.join(root, file);
    const wanted = contents.has(file) ? contents.get(file) ?? null : original;
    if (wanted === null) rmSync(absolute, { force: true });
    else if (!existsSync(absolute) || readFileSync(absolute, 'utf8') !== wanted) writeFileAtomic(absolute, wanted);
  }
}
