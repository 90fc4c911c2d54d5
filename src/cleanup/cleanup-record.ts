import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';
import { gitBlobId } from '../indexer/parse-file.js';
import { type CleanupFileRecord, cleanupFiles, findCleanup, insertCleanup, setCleanupStatus } from '../registry/cleanup-store.js';
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
  const files = [...change.contents].map(([file, after]): CleanupFileRecord => {
    const before = Buffer.from(change.originals.get(file) ?? '', 'utf8');
    return {
      path: file,
      action: after === null ? 'delete' : 'edit',
      beforeHash: gitBlobId(before),
      afterHash: after === null ? null : gitBlobId(Buffer.from(after, 'utf8')),
      beforeContent: before,
      removedSymbols: change.items.filter((item) => item.file === file).map((item) => `${item.action} ${item.name}`),
    };
  });
  return insertCleanup(registry, change.summary, files);
}

export interface UndoResult {
  cleanupId: number;
  restored: string[];
  /** Files left alone because they changed after the cleanup. */
  refused: Array<{ file: string; reason: string }>;
}

/** Restores the files of a cleanup (the latest applied one by default) byte for byte. */
export function undoCleanup(registry: RegistryDatabase, root: string, requested: number | undefined): UndoResult {
  const row = findCleanup(registry, requested);
  if (row === undefined) throw new UsageError(requested === undefined ? 'cleanup --undo: no applied cleanup to undo' : `cleanup --undo ${requested}: no such cleanup`);
  if (row.status !== 'applied') throw new UsageError(`cleanup --undo ${row.id}: that cleanup was already ${row.status}`);
  const files = cleanupFiles(registry, row.id);
  const restored: string[] = [];
  const refused: UndoResult['refused'] = [];
  for (const file of files) {
    const absolute = path.join(root, file.path);
    const current = existsSync(absolute) ? gitBlobId(readFileSync(absolute)) : null;
    if (current !== file.afterHash) {
      refused.push({ file: file.path, reason: file.afterHash === null ? 'it was recreated after the cleanup deleted it' : 'it changed after the cleanup' });
      continue;
    }
    writeFileAtomic(absolute, file.beforeContent);
    restored.push(file.path);
  }
  setCleanupStatus(registry, row.id, refused.length === 0 ? 'undone' : 'partially undone');
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
