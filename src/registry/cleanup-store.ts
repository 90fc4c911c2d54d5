import { rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { killPoint } from '../files/kill-point.js';

/**
 * The cleanups table as a journal. `pending`: recorded before the first write, possibly half
 * applied; `applied`: verified and committed; `rolled back`: restored in full (by the cleanup
 * itself, or when the registry was next opened after its process died); `interrupted`: rolled
 * back except files changed since; `undone` / `partially undone`: by `cleanup --undo`.
 */
export type CleanupStatus = 'pending' | 'applied' | 'rolled back' | 'interrupted' | 'undone' | 'partially undone';

type Registry = Database.Database;

export interface JournalFile {
  path: string;
  content: Buffer;
  /** Permission bits (`stat.mode & 0o7777`). */
  mode: number;
  uid: number;
  gid: number;
  hash: string;
}

export interface CleanupFileRecord {
  path: string;
  action: 'journal' | 'edit' | 'delete';
  beforeHash: string;
  afterHash: string | null;
  beforeContent: Buffer;
  beforeMode: number | null;
  /** The file's owner and group before; null in records made before they were kept. */
  beforeOwner: { uid: number; gid: number } | null;
  /** Contents (git blob ids; '' for a deletion) the cleanup noted before writing them. */
  written: Set<string>;
}

/**
 * Commits with synchronous = FULL: the journal must be on disk (not only in the OS cache)
 * before the files it protects are touched, so it survives a power loss as well as a kill.
 */
function durably<T>(registry: Registry, write: () => T): T {
  registry.pragma('synchronous = FULL');
  try {
    const result = registry.transaction(write).immediate();
    killPoint('cleanup journal committed in the registry');
    return result;
  } finally {
    registry.pragma('synchronous = NORMAL');
  }
}

/** Records a cleanup as pending, with every file it may touch as it is now. */
export function beginCleanupJournal(registry: Registry, root: string, files: readonly JournalFile[]): number {
  return durably(registry, () => {
    const id = Number(registry.prepare("INSERT INTO cleanups (created_at, status, summary, root) VALUES (?, 'pending', '{}', ?)")
      .run(new Date().toISOString(), root).lastInsertRowid);
    const insert = registry.prepare(`INSERT INTO cleanup_files (cleanup_id, path, action, before_hash, after_hash, before_content, before_mode, before_uid, before_gid, removed_symbols)
      VALUES (?, ?, 'journal', ?, NULL, ?, ?, ?, ?, '[]')`);
    for (const file of files) insert.run(id, file.path, file.hash, file.content, file.mode, file.uid, file.gid);
    return id;
  });
}

/**
 * Noted for a file another program writes for the cleanup (the package manager rewriting
 * package.json and the lockfile): its content cannot be known before, so whatever the file
 * holds while the cleanup is unfinished counts as the cleanup's and is rolled back.
 */
export const ANY_CONTENT = '*';

/** Notes contents about to be written (before writing them), so a rollback knows them as ours. */
export function noteCleanupWrites(registry: Registry, id: number, writes: ReadonlyArray<{ path: string; hash: string }>): void {
  if (writes.length === 0) return;
  durably(registry, () => {
    const insert = registry.prepare('INSERT OR IGNORE INTO cleanup_writes (cleanup_id, path, hash) VALUES (?, ?, ?)');
    for (const write of writes) insert.run(id, write.path, write.hash);
  });
}

/** Marks a verified cleanup applied: each changed file's result, for --undo; unchanged files leave the record. */
export function commitCleanupJournal(
  registry: Registry,
  id: number,
  result: { changed: ReadonlyArray<{ path: string; afterHash: string | null; removed: string[] }>; summary: unknown },
): void {
  durably(registry, () => {
    const changed = new Set(result.changed.map((file) => file.path));
    const update = registry.prepare('UPDATE cleanup_files SET action = ?, after_hash = ?, removed_symbols = ? WHERE cleanup_id = ? AND path = ?');
    for (const file of result.changed) update.run(file.afterHash === null ? 'delete' : 'edit', file.afterHash, JSON.stringify(file.removed), id, file.path);
    const remove = registry.prepare('DELETE FROM cleanup_files WHERE cleanup_id = ? AND path = ?');
    for (const path of registry.prepare('SELECT path FROM cleanup_files WHERE cleanup_id = ?').pluck().all(id) as string[]) {
      if (!changed.has(path)) remove.run(id, path);
    }
    registry.prepare('DELETE FROM cleanup_writes WHERE cleanup_id = ?').run(id);
    registry.prepare("UPDATE cleanups SET status = 'applied', summary = ? WHERE id = ?").run(JSON.stringify(result.summary), id);
  });
}

export function setCleanupStatus(registry: Registry, id: number, status: CleanupStatus): void {
  durably(registry, () => registry.prepare('UPDATE cleanups SET status = ? WHERE id = ?').run(status, id));
}

export function pendingCleanups(registry: Registry): Array<{ id: number; root: string | null }> {
  return registry.prepare("SELECT id, root FROM cleanups WHERE status = 'pending' ORDER BY id").all() as Array<{ id: number; root: string | null }>;
}

/** The cleanup `--undo` means: the given id, else the latest applied (or partially undone) one. */
export function findCleanup(registry: Registry, id: number | undefined): { id: number; status: CleanupStatus; root: string | null } | undefined {
  return (id === undefined
    ? registry.prepare("SELECT id, status, root FROM cleanups WHERE status IN ('applied', 'partially undone') ORDER BY id DESC LIMIT 1").get()
    : registry.prepare('SELECT id, status, root FROM cleanups WHERE id = ?').get(id)) as { id: number; status: CleanupStatus; root: string | null } | undefined;
}

export function cleanupFileRecords(registry: Registry, id: number): CleanupFileRecord[] {
  const written = new Map<string, Set<string>>();
  for (const row of registry.prepare('SELECT path, hash FROM cleanup_writes WHERE cleanup_id = ?').all(id) as Array<{ path: string; hash: string }>) {
    written.set(row.path, (written.get(row.path) ?? new Set()).add(row.hash));
  }
  const rows = registry.prepare('SELECT path, action, before_hash, after_hash, before_content, before_mode, before_uid, before_gid FROM cleanup_files WHERE cleanup_id = ? ORDER BY path').all(id) as Array<{
    path: string; action: CleanupFileRecord['action']; before_hash: string; after_hash: string | null; before_content: Buffer; before_mode: number | null;
    before_uid: number | null; before_gid: number | null;
  }>;
  return rows.map((row) => ({
    path: row.path,
    action: row.action,
    beforeHash: row.before_hash,
    afterHash: row.after_hash,
    beforeContent: row.before_content,
    beforeMode: row.before_mode,
    beforeOwner: row.before_uid === null || row.before_gid === null ? null : { uid: row.before_uid, gid: row.before_gid },
    written: written.get(row.path) ?? new Set(),
  }));
}

/** Whether a registry file may hold cleanup records someone could still need (true unless it provably holds none). */
export function holdsCleanupRecords(file: string): boolean {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare("SELECT count(*) FROM cleanups WHERE status NOT IN ('undone', 'rolled back')").pluck().get() as number) > 0;
    } finally {
      db.close();
    }
  } catch (error) {
    return !/no such table/.test((error as Error).message);
  }
}

const CLEANUP_COLUMNS = ['id', 'created_at', 'status', 'summary', 'root'];
const FILE_COLUMNS = ['cleanup_id', 'path', 'action', 'before_hash', 'after_hash', 'before_content', 'before_mode', 'before_uid', 'before_gid', 'removed_symbols'];

/**
 * Copies the cleanup records a damaged registry still yields into a fresh one (same ids), so
 * `cleanup --undo` and the rollback of an interrupted cleanup keep working. Returns how many
 * cleanups were copied, or undefined when they could not be read.
 */
export function copyCleanupRecords(fromFile: string, to: Registry): number | undefined {
  let from: Registry | undefined;
  try {
    from = new Database(fromFile, { readonly: true, fileMustExist: true });
    const source = from;
    const columnsOf = (table: string) => new Set(source.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]);
    const select = (table: string, wanted: readonly string[]) => {
      const present = columnsOf(table);
      return source.prepare(`SELECT ${wanted.map((column) => (present.has(column) ? column : `NULL AS ${column}`)).join(', ')} FROM ${table}`).all();
    };
    const cleanups = select('cleanups', CLEANUP_COLUMNS);
    const files = select('cleanup_files', FILE_COLUMNS);
    const writes = columnsOf('cleanup_writes').size > 0 ? select('cleanup_writes', ['cleanup_id', 'path', 'hash']) : [];
    const insert = (table: string, columns: readonly string[]) => to.prepare(`INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`);
    durably(to, () => {
      for (const [table, columns, rows] of [['cleanups', CLEANUP_COLUMNS, cleanups], ['cleanup_files', FILE_COLUMNS, files], ['cleanup_writes', ['cleanup_id', 'path', 'hash'], writes]] as const) {
        const statement = insert(table, columns);
        for (const row of rows) statement.run(row);
      }
    });
    return cleanups.length;
  } catch {
    return undefined;
  } finally {
    from?.close();
    tidyReadOnlyCompanions(fromFile);
  }
}

/** A read-only connection leaves an empty write-ahead log and a shared-memory file behind. */
function tidyReadOnlyCompanions(file: string): void {
  if (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size === 0) rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
}
