import { rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { durably } from './write-transaction.js';

type Registry = Database.Database;

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
