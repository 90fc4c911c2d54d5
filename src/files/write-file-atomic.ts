import { chmodSync, chownSync, closeSync, fchmodSync, fchownSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';
import path from 'node:path';
import { killPoint } from './kill-point.js';
import { landingPath } from './path-inside.js';
import { isRunning, listTemporaryFile } from './temporary-files-log.js';

const TEMPORARY_MARK = 'orch-guard';

export interface AtomicWriteOptions {
  /** Permission bits for the file; by default an existing file keeps its own. */
  mode?: number;
  /**
   * Called with the new content on disk, just before it replaces the file: it throws to stop
   * (the file is left as it is). A last look that the file is still what the caller read, so
   * that an edit made meanwhile is not overwritten.
   */
  beforeReplacing?: () => void;
  /** Owner and group for the file; by default an existing file keeps its own. */
  owner?: FileOwner;
  /**
   * false: do not look for temporary files of earlier writes (one folder listing per write),
   * for a writer of many files in one folder that tidies up otherwise (the task cache).
   */
  tidy?: boolean;
}

export interface FileOwner {
  uid: number;
  gid: number;
}

export interface AtomicWriteResult {
  /** False when the file could not be given the owner and group it should have (only root may give files away). */
  ownerKept: boolean;
}

/**
 * A file with other hard links is not written: the rename that makes a write atomic puts a new
 * file in its place, and the other links would silently keep the old content.
 */
export class HardLinkedFileError extends UsageError {
  constructor(readonly file: string, readonly links: number) {
    super(`${file} has ${links} hard links: orch-guard writes a file by replacing it, which would leave the other ${links - 1 === 1 ? 'link' : 'links'} with the old content; it was left as it is`);
  }
}

/**
 * Writes through a temporary file in the same directory, synced to disk, and renames it into
 * place, so a reader (or a crash, or a power loss) never sees a half-written file. The file
 * keeps its permission bits (a 755 script stays executable), and a symlink stays a symlink:
 * the file it points at is written. A hard-linked file is refused (HardLinkedFileError).
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): AtomicWriteResult {
  const target = resolveSymlink(file);
  const existing = statSync(target, { throwIfNoEntry: false });
  if (existing !== undefined && existing.nlink > 1) throw new HardLinkedFileError(file, existing.nlink);
  const mode = options.mode ?? (existing !== undefined ? existing.mode & 0o7777 : undefined);
  const owner = options.owner ?? existing;
  let ownerKept = true;
  mkdirSync(path.dirname(target), { recursive: true });
  if (options.tidy !== false) removeDeadWritersLeftovers(target);
  const temporary = path.join(path.dirname(target), `${temporaryPrefix(target)}${process.pid}-${Date.now()}.tmp`);
  listTemporaryFile(temporary);
  try {
    const fd = openSync(temporary, 'w', mode ?? 0o666);
    try {
      // Owner first: a change of owner clears the setuid/setgid bits, which the mode then sets
      // again. The open mode is filtered by the umask; the file's own mode is set exactly.
      if (owner !== undefined) ownerKept = keepOwner(fd, owner.uid, owner.gid);
      if (mode !== undefined) fchmodSync(fd, mode);
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    killPoint(`temporary file written, not yet renamed: ${path.basename(target)}`);
    options.beforeReplacing?.();
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  killPoint(`renamed into place: ${path.basename(target)}`);
  syncDirectory(path.dirname(target));
  return { ownerKept };
}

/**
 * The replacement keeps the file's owner and group (root cleaning up a user's checkout must not
 * hand their files to root); a process not allowed to give files away keeps its own, and says
 * so by returning false.
 */
function keepOwner(fd: number, uid: number, gid: number): boolean {
  if (uid === process.getuid?.() && gid === process.getgid?.()) return true;
  try {
    fchownSync(fd, uid, gid);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    // Only root can give a file away; a member of the file's group can still keep the group.
    // Otherwise the file belongs to whoever wrote it, as with any editor.
    try {
      fchownSync(fd, -1, gid);
      return uid === process.getuid?.();
    } catch (groupError) {
      if ((groupError as NodeJS.ErrnoException).code !== 'EPERM') throw groupError;
      return false;
    }
  }
}

/** Gives an existing file the owner and group it should have; false when not permitted (EPERM). */
export function restoreOwner(file: string, owner: FileOwner): boolean {
  const stat = statSync(file);
  if (stat.uid === owner.uid && stat.gid === owner.gid) return true;
  try {
    chownSync(file, owner.uid, owner.gid);
    // chown clears setuid/setgid bits: put them back.
    if ((stat.mode & 0o6000) !== 0) chmodSync(file, stat.mode & 0o7777);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    return false;
  }
}

/**
 * The start of the temporary file's name: the file's own name, shortened (with a hash of it)
 * when it is long, so the temporary name stays within the 255 bytes a file name may have.
 */
function temporaryPrefix(file: string): string {
  const name = path.basename(file);
  const shown = Buffer.byteLength(name) <= 120 ? name : `${name.slice(0, 40)}~${createHash('sha1').update(name).digest('hex').slice(0, 12)}`;
  return `.${shown}.${TEMPORARY_MARK}-`;
}

/** Temporary files a crashed writeFileAtomic may have left beside `file`. */
export function leftoverTemporaryFiles(file: string): string[] {
  const dir = path.dirname(file);
  const prefix = temporaryPrefix(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp')).map((name) => path.join(dir, name));
}

/** The file a symlink leads to, even one that does not exist yet (a dangling link stays a link). */
/**
 * The temporary files of earlier writes of `file` by processes that are gone (killed with
 * SIGKILL between writing and renaming): litter beside the user's file, never the file itself.
 * One of a process still running (another orch-guard writing now) is left alone.
 */
function removeDeadWritersLeftovers(file: string): void {
  const prefix = temporaryPrefix(file);
  for (const leftover of leftoverTemporaryFiles(file)) {
    const pid = Number(/^(\d+)-/.exec(path.basename(leftover).slice(prefix.length))?.[1]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid)) rmSync(leftover, { force: true });
  }
}

function resolveSymlink(file: string): string {
  try {
    return landingPath(path.resolve(file));
  } catch {
    return file;
  }
}

/** Makes the rename itself durable (a no-op where directories cannot be opened). */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported here (Windows): the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
