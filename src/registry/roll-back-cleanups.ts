import { chmodSync, existsSync, lstatSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { restoreHiddenPackages } from '../files/hidden-packages.js';
import { HardLinkedFileError, leftoverTemporaryFiles, restoreOwner, writeFileAtomic } from '../files/write-file-atomic.js';
import { gitBlobId } from '../files/blob-id.js';
import { realPathOutside } from '../files/path-inside.js';
import { ANY_CONTENT, type CleanupFileRecord, cleanupFileRecords, pendingCleanups, setCleanupStatus } from './cleanup-store.js';
import { tryLockCleanups } from './cleanup-lock.js';

export interface RestoreOutcome {
  restored: string[];
  /** Files left alone because they are in a state the cleanup did not write. */
  refused: Array<{ file: string; reason: string }>;
  /** Files restored whose owner or group could not be given back (only root may give files away). */
  ownerNotKept: string[];
}

/**
 * Puts a cleanup's files back as they were before it, byte for byte and with their modes.
 * A file is only overwritten when it holds what the cleanup wrote: for an applied cleanup its
 * recorded result (`undo`), for an unfinished one anything it noted before writing (`journal`);
 * a file someone changed since is refused, never overwritten.
 */
export function restoreCleanupFiles(records: readonly CleanupFileRecord[], root: string, mode: 'undo' | 'journal'): RestoreOutcome {
  const restored: string[] = [];
  const refused: RestoreOutcome['refused'] = [];
  const ownerNotKept: string[] = [];
  for (const record of records) {
    const damage = journalDamage(record);
    if (damage !== undefined) {
      refused.push({ file: record.path, reason: `its saved copy in the registry is damaged (${damage})` });
      continue;
    }
    const absolute = path.join(root, record.path);
    // A symlink put on the way since (the file's folder now leading elsewhere) is never written through.
    const outside = realPathOutside(root, record.path);
    if (outside !== undefined) {
      refused.push({ file: record.path, reason: `it now leads outside the root (${outside})` });
      continue;
    }
    for (const leftover of leftoverTemporaryFiles(absolute)) rmSync(leftover, { force: true });
    const current = hashOf(absolute);
    if (current === record.beforeHash) {
      if (record.beforeOwner !== null && !restoreOwner(absolute, record.beforeOwner)) ownerNotKept.push(record.path);
      if (record.beforeMode !== null && (statSync(absolute).mode & 0o7777) !== record.beforeMode) chmodSync(absolute, record.beforeMode);
      continue;
    }
    // A record never committed (a cleanup interrupted, then partially undone) knows what it noted.
    const ours = mode === 'undo' && record.action !== 'journal' ? current === (record.afterHash ?? '') : record.written.has(current) || record.written.has(ANY_CONTENT);
    if (!ours) {
      refused.push({ file: record.path, reason: current === '' ? 'it was deleted since' : record.afterHash === null && mode === 'undo' ? 'it was recreated after the cleanup deleted it' : 'it changed after the cleanup' });
      continue;
    }
    // Looked at again right before the file is replaced: an edit made meanwhile is kept.
    const edited = new Error(`${record.path} changed meanwhile`);
    try {
      const { ownerKept } = writeFileAtomic(absolute, record.beforeContent, {
        ...(record.beforeMode === null ? {} : { mode: record.beforeMode }),
        ...(record.beforeOwner === null ? {} : { owner: record.beforeOwner }),
        beforeReplacing: () => {
          if (hashOf(absolute) !== current) throw edited;
        },
      });
      restored.push(record.path);
      if (!ownerKept) ownerNotKept.push(record.path);
    } catch (error) {
      if (error instanceof HardLinkedFileError) {
        refused.push({ file: record.path, reason: `it has ${error.links} hard links now, which restoring it would break` });
        continue;
      }
      if (error !== edited) throw error;
      refused.push({ file: record.path, reason: 'it changed after the cleanup' });
    }
  }
  return { restored, refused, ownerNotKept };
}

/** What makes a journal record unfit to restore from (a damaged or edited registry), if anything. */
function journalDamage(record: CleanupFileRecord): string | undefined {
  if (path.isAbsolute(record.path) || path.normalize(record.path).split(path.sep)[0] === '..') return 'its path leads outside the root';
  if (!Buffer.isBuffer(record.beforeContent)) return 'no saved content';
  if (gitBlobId(record.beforeContent) !== record.beforeHash) return 'the saved content does not match its hash';
  if (record.beforeMode !== null && (!Number.isInteger(record.beforeMode) || record.beforeMode < 0 || record.beforeMode > 0o7777)) return 'a bad file mode';
  if (record.beforeOwner !== null && ![record.beforeOwner.uid, record.beforeOwner.gid].every((id) => Number.isInteger(id) && id >= 0 && id < 2 ** 32)) return 'a bad owner';
  return undefined;
}

/**
 * Rolls back every cleanup whose process died before it was verified and committed (a kill,
 * a crash, a power loss): run whenever the registry is opened, like SQLite's own recovery of
 * a hot journal. A cleanup still running (its lock held) is left alone.
 */
export function rollBackInterruptedCleanups(registry: import('better-sqlite3').Database, registryFile: string, notices: string[]): void {
  const pending = pendingCleanups(registry);
  if (pending.length === 0) return;
  const lock = tryLockCleanups(registryFile);
  if (lock === undefined) return;
  try {
    for (const { id, root } of pendingCleanups(registry)) {
      if (root === null) setCleanupStatus(registry, id, 'interrupted');
      else notices.push(...rollBackPendingCleanup(registry, id, root));
    }
  } finally {
    lock.release();
  }
}

/**
 * Rolls back one unfinished cleanup whose process is gone or stopping (the caller holds the
 * lock): its files, and the installed packages it had moved aside. Returns what to tell.
 */
export function rollBackPendingCleanup(registry: import('better-sqlite3').Database, id: number, root: string): string[] {
  const notices: string[] = [];
  const records = cleanupFileRecords(registry, id);
  const { restored, refused, ownerNotKept } = restoreCleanupFiles(records, root, 'journal');
  if (ownerNotKept.length > 0) notices.push(ownerNotice(`cleanup #${id}`, ownerNotKept));
  // A dependency cleanup stopped while verifying left packages moved aside: put them back.
  const unhidden = restoreHiddenPackages(packageDirs(root, records));
  if (unhidden.length > 0) notices.push(`cleanup #${id}: put back installed packages it had moved aside to verify without them: ${unhidden.join(', ')}`);
  setCleanupStatus(registry, id, refused.length === 0 ? 'rolled back' : 'interrupted');
  const what = `cleanup #${id} was interrupted before it was verified: rolled back (${restored.length} file${restored.length === 1 ? '' : 's'} restored)`;
  notices.push(refused.length === 0 ? what
    : `${what}; left as they are because they changed since: ${refused.map((entry) => entry.file).join(', ')} (their content before the cleanup stays in the registry)`);
  return notices;
}

/** The directories from each journaled package.json up to the root, where packages are installed. */
function packageDirs(root: string, records: readonly CleanupFileRecord[]): string[] {
  const dirs: string[] = [];
  for (const record of records) {
    if (path.basename(record.path) !== 'package.json') continue;
    for (let dir = path.dirname(path.join(root, record.path)); dir.startsWith(root); dir = path.dirname(dir)) {
      dirs.push(dir);
      if (dir === root) break;
    }
  }
  return dirs;
}

/** The git blob id of a file's content; '' when there is none, a mark for a dangling symlink. */
function hashOf(absolute: string): string {
  if (existsSync(absolute)) return gitBlobId(readFileSync(absolute));
  return lstatSync(absolute, { throwIfNoEntry: false }) === undefined ? '' : 'a dangling symlink';
}

/** The notice for files restored without their owner: only root may give files away. */
export function ownerNotice(what: string, files: readonly string[]): string {
  return `${what}: restored ${files.join(', ')} owned by you: their owner or group before the cleanup was another, and only root may give files away`;
}
