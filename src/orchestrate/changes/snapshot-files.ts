import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Root-relative posix path → content hash (sha1) of every file a task could have written. */
export type FileSnapshot = ReadonlyMap<string, string>;

export interface FileChange {
  path: string;
  /** null: the file did not exist before (created) or after (deleted). */
  before: string | null;
  after: string | null;
}

/** Folders no task's work lives in: VCS data, installed packages, orch-guard's own state. */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', '.orch-guard', '.hg', '.svn']);

/** Hashes by path, reused while size and mtime are unchanged: most files are the same between snapshots. */
const hashCache = new Map<string, { size: number; mtimeMs: number; hash: string }>();

/**
 * The content of the project as a map of hashes, taken before and after each attempt: what a
 * task changed is what it is blamed for. Files are hashed again only when size or mtime moved.
 */
export function snapshotFiles(root: string): FileSnapshot {
  const snapshot = new Map<string, string>();
  const visit = (directory: string, relative: string) => {
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return; // removed while we walked: nothing to hash
    }
    for (const entry of entries) {
      const file = path.join(directory, entry.name);
      const name = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) visit(file, name);
      } else if (entry.isFile()) {
        const hash = hashFile(file);
        if (hash !== undefined) snapshot.set(name, hash);
      }
    }
  };
  visit(root, '');
  return snapshot;
}

function hashFile(file: string): string | undefined {
  try {
    const stat = statSync(file);
    const cached = hashCache.get(file);
    if (cached !== undefined && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached.hash;
    const hash = createHash('sha1').update(readFileSync(file)).digest('hex');
    hashCache.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, hash });
    return hash;
  } catch {
    return undefined; // removed between the listing and the read
  }
}

/** The files created, changed or deleted between two snapshots, by path. */
export function diffSnapshots(before: FileSnapshot, after: FileSnapshot): FileChange[] {
  const changes: FileChange[] = [];
  for (const [file, hash] of after) {
    const old = before.get(file);
    if (old !== hash) changes.push({ path: file, before: old ?? null, after: hash });
  }
  for (const [file, hash] of before) if (!after.has(file)) changes.push({ path: file, before: hash, after: null });
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
