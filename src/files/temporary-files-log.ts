import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Where each orch-guard process lists the temporary files it creates beside users' files
 * (one list per process, per user). A process killed with SIGKILL between writing a temporary
 * file and renaming it into place cannot remove it; the next orch-guard, whatever the command,
 * reads the lists of processes that are gone and removes what they left (see
 * removeTemporaryFilesOfKilledWriters). A process that ends normally removes its own list.
 */
const LISTS_DIR = path.join(tmpdir(), `orch-guard-temporary-files-${process.getuid?.() ?? 'user'}`);

let list: { fd: number; file: string } | undefined;

/**
 * Lists `temporary` before it is created. Best effort, on purpose: what is at stake is litter,
 * not the user's bytes (the next write of the same file removes its leftovers too), so a
 * temporary folder that cannot be written does not stop the write.
 */
export function listTemporaryFile(temporary: string): void {
  try {
    list ??= openList();
    writeSync(list.fd, `${temporary}\n`);
  } catch {
    // See above: the file is written all the same.
  }
}

function openList(): { fd: number; file: string } {
  mkdirSync(LISTS_DIR, { recursive: true, mode: 0o700 });
  // One list per thread (a worker thread, loading a config, writes too): each removes its own.
  const file = path.join(LISTS_DIR, `${process.pid}-${threadId}.list`);
  // A list of an earlier process that had this pid: what it names is that process's litter.
  removeListed(file, process.pid);
  const opened = { fd: openSync(file, 'a', 0o600), file };
  process.once('exit', () => {
    closeSync(opened.fd);
    rmSync(opened.file, { force: true });
  });
  return opened;
}

/** Removes the temporary files that processes killed before renaming them left behind (and their lists). */
export function removeTemporaryFilesOfKilledWriters(): void {
  let names: string[];
  try {
    names = readdirSync(LISTS_DIR);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^(\d+)-\d+\.list$/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue;
    try {
      removeListed(path.join(LISTS_DIR, name), pid);
    } catch {
      // Another orch-guard tidying the same list at once, or a file that is not ours to remove: left.
    }
  }
}

/** Removes the files a list names that are temporary files of process `pid` (nothing else), then the list. */
function removeListed(list: string, pid: number): void {
  let names: string[];
  try {
    names = readFileSync(list, 'utf8').split('\n');
  } catch {
    return;
  }
  for (const temporary of names) if (isTemporaryFileOf(temporary, pid)) rmSync(temporary, { force: true });
  rmSync(list, { force: true });
}

/** `/dir/.name.orch-guard-<pid>-<time>.tmp`: what writeFileAtomic names its temporary files. */
function isTemporaryFileOf(file: string, pid: number): boolean {
  const name = path.basename(file);
  return path.isAbsolute(file) && name.startsWith('.') && new RegExp(`\\.orch-guard-${pid}-\\d+\\.tmp$`).test(name);
}

/** Whether a process with this pid exists (one of another user counts: it may still be writing). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
