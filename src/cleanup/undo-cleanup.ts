import { UsageError } from '../errors.js';
import { unwritableFolder } from '../files/fs-checks.js';
import { cleanupFileRecords, findCleanup, setCleanupStatus } from '../registry/cleanup-store.js';
import { tryLockCleanups } from '../registry/cleanup-lock.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { restoreCleanupFiles } from '../registry/roll-back-cleanups.js';

export interface UndoResult {
  cleanupId: number;
  restored: string[];
  /** Files left alone because they changed after the cleanup. */
  refused: Array<{ file: string; reason: string }>;
  /** Files restored without their owner or group (not permitted to give them away). */
  ownerNotKept: string[];
}

/**
 * Restores the files of a cleanup (the latest applied one by default) byte for byte, with
 * their modes. An interrupted cleanup (rolled back except files changed since) can be undone
 * too, for the files that are back in a state it wrote.
 */
export function undoCleanup(registry: RegistryDatabase, root: string, requested: number | undefined): UndoResult {
  // The lock of cleanup --fix: an undo never runs while a cleanup writes (nor two undos at once).
  const lock = tryLockCleanups(registry.name);
  if (lock === undefined) throw new UsageError('cleanup --undo: a cleanup --fix or --undo is running on this registry; wait for it to finish');
  try {
    return undoLocked(registry, root, requested);
  } finally {
    lock.release();
  }
}

function undoLocked(registry: RegistryDatabase, root: string, requested: number | undefined): UndoResult {
  const row = findCleanup(registry, requested);
  if (row === undefined) throw new UsageError(requested === undefined ? 'cleanup --undo: no applied cleanup to undo' : `cleanup --undo ${requested}: no such cleanup`);
  if (row.status === 'pending') throw new UsageError(`cleanup --undo ${row.id}: that cleanup is still running`);
  // Partially undone: the files it could not restore then (changed since) may be back in the
  // state the cleanup left; those already restored are left as they are.
  if (row.status !== 'applied' && row.status !== 'interrupted' && row.status !== 'partially undone') throw new UsageError(`cleanup --undo ${row.id}: that cleanup was already ${row.status}`);
  const records = cleanupFileRecords(registry, row.id);
  // Checked before the first file is restored: an undo stopped part-way is a tree half undone.
  const unwritable = unwritableFolder(root, records.map((record) => record.path));
  if (unwritable !== undefined) throw new UsageError(`cleanup --undo ${row.id}: cannot write ${unwritable.dir} (${unwritable.why}); no file was restored`);
  let outcome: ReturnType<typeof restoreCleanupFiles>;
  try {
    outcome = restoreCleanupFiles(records, root, row.status === 'interrupted' ? 'journal' : 'undo');
  } catch (error) {
    throw stoppedPartWay(row.id, error);
  }
  const { restored, refused, ownerNotKept } = outcome;
  setCleanupStatus(registry, row.id, refused.length === 0 ? 'undone' : 'partially undone');
  return { cleanupId: row.id, restored, refused, ownerNotKept };
}

/**
 * An undo a failure stopped after some files (a full disk): the cleanup stays as it was in the
 * registry, so running the undo again restores the rest (files already restored are skipped).
 */
function stoppedPartWay(id: number, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  const why = code === 'ENOSPC' || code === 'EDQUOT' ? `the disk is full: ${message}` : message;
  return new UsageError(`cleanup --undo ${id}: stopped part-way (${why}); the files not restored yet keep their content before the cleanup in the registry: run \`orch-guard cleanup --undo ${id}\` again once that is fixed`);
}
