import { existsSync, lstatSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { killPoint } from '../files/kill-point.js';
import { HardLinkedFileError, writeFileAtomic } from '../files/write-file-atomic.js';
import { gitBlobId } from '../files/blob-id.js';
import { realPathOutside } from '../files/path-inside.js';
import { ANY_CONTENT, beginCleanupJournal, cleanupFileRecords, commitCleanupJournal, type JournalFile, noteCleanupWrites, setCleanupStatus } from '../registry/cleanup-store.js';
import { type CleanupLock, tryLockCleanups } from '../registry/cleanup-lock.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { restoreCleanupFiles } from '../registry/roll-back-cleanups.js';
import type { CleanupItem } from './plan-cleanup.js';

/**
 * A cleanup in progress: recorded in the registry (every file's bytes and mode) before the
 * first write, holding the lock that tells other processes it is alive. Whatever ends it, the
 * tree is either as before or exactly the verified result: `commitCleanup` marks it applied,
 * `rollBackCleanup` (or, after a crash, the next opening of the registry) restores the files.
 */
export interface CleanupJournal {
  id: number;
  root: string;
  registry: RegistryDatabase;
  originals: ReadonlyMap<string, JournalFile>;
  lock: CleanupLock;
  /** Contents noted for each file (git blob ids, '' for deleted), besides its original. */
  written: Map<string, Set<string>>;
}

/** Starts the journal for the files a cleanup may touch, as analysed (`expected`). */
export function openCleanupJournal(registry: RegistryDatabase, root: string, expected: ReadonlyMap<string, string>): CleanupJournal {
  const lock = tryLockCleanups(registry.name);
  if (lock === undefined) throw new UsageError('cleanup --fix: another cleanup --fix is running on this registry; wait for it to finish');
  try {
    const originals = new Map<string, JournalFile>();
    for (const [file, text] of expected) {
      const absolute = path.join(root, file);
      const content = readFileSync(absolute);
      const hash = gitBlobId(content);
      if (hash !== gitBlobId(Buffer.from(text, 'utf8'))) {
        throw new UsageError(`cleanup --fix: ${file} changed while the cleanup was being computed; no file was changed. Run it again`);
      }
      const stat = statSync(absolute);
      originals.set(file, { path: file, content, mode: stat.mode & 0o7777, uid: stat.uid, gid: stat.gid, hash });
    }
    const id = beginCleanupJournal(registry, root, [...originals.values()]);
    return { id, root, registry, originals, lock, written: new Map() };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * Puts each journaled file in the given state (new text, deleted, or its original when not in
 * `contents`). What it is about to write is noted durably first. A file that holds neither its
 * original nor anything this cleanup wrote was changed by someone else: it is not overwritten,
 * and the cleanup stops (and is rolled back).
 */
export function writeCleanupState(journal: CleanupJournal, contents: ReadonlyMap<string, string | null>): void {
  const plan: Array<{ file: string; absolute: string; wanted: Buffer | null; hash: string; current: string }> = [];
  for (const [file, original] of journal.originals) {
    const absolute = path.join(journal.root, file);
    const text = contents.has(file) ? contents.get(file) ?? null : undefined;
    const wanted = text === undefined ? original.content : text === null ? null : Buffer.from(text, 'utf8');
    const hash = wanted === null ? '' : gitBlobId(wanted);
    const current = currentHash(absolute);
    if (current === hash) continue;
    // Checked at the start too; a symlink put on the way since is not written through.
    const outside = realPathOutside(journal.root, file);
    if (outside !== undefined) throw new UsageError(`cleanup --fix: ${file} now leads outside the root (${outside}); it is left as it is and the cleanup is rolled back`);
    if (current !== original.hash && !journal.written.get(file)?.has(current)) throw changedMeanwhile(file);
    plan.push({ file, absolute, wanted, hash, current });
  }
  const notes = plan.filter((step) => step.hash !== journal.originals.get(step.file)?.hash);
  noteCleanupWrites(journal.registry, journal.id, notes.map((step) => ({ path: step.file, hash: step.hash })));
  for (const step of notes) journal.written.set(step.file, (journal.written.get(step.file) ?? new Set()).add(step.hash));
  // Links before the files they lead to: deleting a target first would make its link look
  // changed (it reads through to nothing) and roll the whole cleanup back.
  const links = new Set(plan.filter((step) => lstatSync(step.absolute, { throwIfNoEntry: false })?.isSymbolicLink() === true));
  for (const step of [...links, ...plan.filter((step) => !links.has(step))]) {
    // Looked at again right before each file is replaced: an edit made since the check above
    // (while the journal was synced, or other files written) must not be overwritten.
    const unchanged = () => {
      if (currentHash(step.absolute) !== step.current) throw changedMeanwhile(step.file);
    };
    if (step.wanted === null) {
      unchanged();
      // As writeFileAtomic: an undo would bring back a copy, not the link.
      const links = lstatSync(step.absolute, { throwIfNoEntry: false })?.nlink ?? 1;
      if (links > 1) throw new HardLinkedFileError(step.file, links);
      rmSync(step.absolute, { force: true });
      killPoint(`deleted: ${step.file}`);
    } else {
      writeFileAtomic(step.absolute, step.wanted, { mode: journal.originals.get(step.file)?.mode, beforeReplacing: unchanged });
    }
  }
}

function changedMeanwhile(file: string): UsageError {
  return new UsageError(`cleanup --fix: ${file} was changed by something else while the cleanup ran; it is left as it is and the cleanup is rolled back`);
}

/**
 * Notes, before it runs, that another program (the package manager) will rewrite these
 * journaled files: until the cleanup is committed, whatever they hold is rolled back.
 */
export function noteExternalWrites(journal: CleanupJournal, files: readonly string[]): void {
  noteCleanupWrites(journal.registry, journal.id, files.map((file) => ({ path: file, hash: ANY_CONTENT })));
}

/** Marks the cleanup verified and applied, with each changed file's result for --undo. */
export function commitCleanup(journal: CleanupJournal, result: { contents: ReadonlyMap<string, string | null>; items: ReadonlyArray<Pick<CleanupItem, 'file' | 'action' | 'name'> | { file: string; action: 'remove-dependency'; name: string }>; summary: unknown }): void {
  const changed = [...result.contents].map(([file, after]) => ({
    path: file,
    afterHash: after === null ? null : gitBlobId(Buffer.from(after, 'utf8')),
    removed: result.items.filter((item) => item.file === file).map((item) => `${item.action} ${item.name}`),
  })).filter((file) => file.afterHash !== journal.originals.get(file.path)?.hash);
  commitCleanupJournal(journal.registry, journal.id, { changed, summary: result.summary });
}

/**
 * Restores every file the cleanup wrote and marks it rolled back; a file someone else changed
 * meanwhile is left as it is (and named in the returned list).
 */
export function rollBackCleanup(journal: CleanupJournal): string[] {
  const { refused } = restoreCleanupFiles(cleanupFileRecords(journal.registry, journal.id), journal.root, 'journal');
  setCleanupStatus(journal.registry, journal.id, refused.length === 0 ? 'rolled back' : 'interrupted');
  return refused.map((entry) => entry.file);
}

/**
 * After a failure, rolls the cleanup back and gives the error to throw. When the files cannot
 * be restored now either (the disk is full), the error says so: the journal stays pending, and
 * the next orch-guard command restores them.
 */
export function failCleanup(journal: CleanupJournal, error: unknown, notices: string[]): unknown {
  try {
    const changed = rollBackCleanup(journal);
    if (changed.length > 0) notices.push(`cleanup --fix: left ${changed.join(', ')} as they are: changed by something else during the cleanup`);
    return error;
  } catch (rollBackError) {
    return new UsageError(`cleanup --fix: ${firstLine(error)}; restoring the files failed too (${firstLine(rollBackError)}): cleanup #${journal.id} is kept in the registry, and the next orch-guard command restores them`);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

function currentHash(absolute: string): string {
  return existsSync(absolute) ? gitBlobId(readFileSync(absolute)) : '';
}
