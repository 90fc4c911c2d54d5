import { accessSync, closeSync, constants, copyFileSync, mkdirSync, linkSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { STATE_DIR_NAME } from '../files/state-dir.js';

/**
 * PRAGMA application_id of every registry orch-guard creates ("ORCG" in ASCII). SQLite keeps it
 * in the file header, so ownership can be read even from a damaged database: orch-guard only
 * ever rebuilds, migrates or deletes a file that carries it.
 */
export const REGISTRY_APPLICATION_ID = 0x4f524347;

/** Where a root's registry is: the config's `registry` path, else .orch-guard/registry.db (the folder may not exist yet). */
export function registryFileOf(root: string, configured: string | undefined): string {
  return configured !== undefined ? path.resolve(root, configured) : path.join(root, STATE_DIR_NAME, 'registry.db');
}

const SQLITE_MAGIC = 'SQLite format 3\0';

export type RegistryFileState =
  | { kind: 'absent' }
  | { kind: 'directory' }
  | { kind: 'empty' }
  | { kind: 'not-sqlite' }
  | { kind: 'sqlite'; applicationId: number };

/** What is at the registry path, from the file header alone (no SQLite, nothing written). */
export function inspectRegistryFile(file: string): RegistryFileState {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) return { kind: 'absent' };
  if (stat.isDirectory()) return { kind: 'directory' };
  if (stat.size === 0) return { kind: 'empty' };
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (length < header.length || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) return { kind: 'not-sqlite' };
  return { kind: 'sqlite', applicationId: header.readUInt32BE(68) };
}

/**
 * A file in orch-guard's own state directory (`.orch-guard/`, which it creates and keeps out
 * of git) is orch-guard's whatever it holds: a registry whose header was damaged is still ours.
 */
export function isInStateDir(file: string): boolean {
  return path.basename(path.dirname(file)) === STATE_DIR_NAME;
}

/** The one-line refusal for a registry path that holds someone else's file. */
export function notOurs(file: string, what: string): UsageError {
  return new UsageError(`registry ${file}: ${what}, not a registry orch-guard created; orch-guard never rebuilds or deletes such a file. Point \`registry:\` in the config at a new file, or move this one away`);
}

/**
 * Refuses, with the message the user needs, a registry that cannot be written: a read-only
 * file or directory (SQLite would otherwise fail later, mid-run, with SQLITE_READONLY).
 */
export function checkRegistryWritable(file: string, exists: boolean): void {
  const targets = exists ? [file, path.dirname(file)] : [path.dirname(file)];
  for (const target of targets) {
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EACCES' && code !== 'EROFS' && code !== 'EPERM') throw error;
      throw readOnlyRegistry(file);
    }
  }
}

/**
 * Creates the registry's folder; a root that cannot be written (read-only mount, no
 * permission: mkdir reports these in several ways) is the read-only error.
 */
export function ensureRegistryDir(file: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    if (!isWritableAncestor(path.dirname(file))) throw readOnlyRegistry(file);
    throw error;
  }
}

/** Whether the nearest existing folder above `dir` (or `dir` itself) can be written. */
export function isWritableAncestor(dir: string): boolean {
  let current = dir;
  while (statSync(current, { throwIfNoEntry: false }) === undefined && path.dirname(current) !== current) current = path.dirname(current);
  try {
    accessSync(current, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function readOnlyRegistry(file: string): UsageError {
  return new UsageError(`cannot write the registry at ${file}: read-only; use \`registry:\` in the config to put it elsewhere, or \`--no-cache\``);
}

/** The SQLite companion files that belong to a database file. */
const COMPANIONS = ['-wal', '-journal'];

/**
 * Puts a database file that orch-guard owns but cannot use (corrupt, or from a newer
 * orch-guard) aside under a new name, with its write-ahead log; never deletes it, since it may
 * hold the only copy of a cleanup's undo records. Returns the new name.
 */
export function moveAside(file: string, why: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let aside = `${file}.${why}-${stamp}`;
  for (let n = 2; statSync(aside, { throwIfNoEntry: false }) !== undefined; n += 1) aside = `${file}.${why}-${stamp}-${n}`;
  for (const suffix of COMPANIONS) {
    if (statSync(file + suffix, { throwIfNoEntry: false }) !== undefined) renameSync(file + suffix, aside + suffix);
  }
  renameSync(file, aside);
  rmSync(`${file}-shm`, { force: true });
  return aside;
}

/** Deletes a database file orch-guard owns, with its companions. */
export function deleteRegistryFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/**
 * Puts a freshly built database (a temporary file) at `file` without ever replacing anything:
 * a hard link fails if a file appeared there meanwhile (another orch-guard, or the user), and
 * then that file is used as found. Returns whether this call created it.
 */
export function installNewRegistry(temporary: string, file: string): boolean {
  try {
    try {
      linkSync(temporary, file);
    } catch (error) {
      // A file system without hard links: an exclusive copy still never replaces a file.
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      copyFileSync(temporary, file, constants.COPYFILE_EXCL);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    rmSync(temporary, { force: true });
  }
}
