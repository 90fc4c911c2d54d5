import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export type RegistryDatabase = Database.Database;

/** SQLite error codes that mean the file is not a usable database. */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * Opens (creating or migrating) the registry. A corrupt file, or one from a schema this
 * version cannot migrate, is deleted and rebuilt with a notice: the registry is a cache of
 * facts that can always be recomputed, and a crash is never the right answer.
 */
export function openRegistry(file: string, notices: string[]): RegistryDatabase {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    return openAndMigrate(file, notices);
  } catch (error) {
    if (!isCorruptionError(error) && !(error instanceof SchemaMismatch)) throw error;
    notices.push(`registry ${path.basename(file)} ${error instanceof SchemaMismatch ? error.message : 'is corrupt'}: rebuilt`);
    deleteDatabaseFiles(file);
    return openAndMigrate(file, notices);
  }
}

export function deleteDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

class SchemaMismatch extends Error {}

function openAndMigrate(file: string, notices: string[]): RegistryDatabase {
  const db = new Database(file, { timeout: 20_000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === SCHEMA_VERSION) return db;
    if (version > SCHEMA_VERSION) throw new SchemaMismatch(`has schema v${version}, newer than this orch-guard's v${SCHEMA_VERSION}`);
    const tableCount = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (version === 0 && tableCount.n > 0) throw new SchemaMismatch('has no orch-guard schema');
    migrate(db, version);
    if (version > 0) notices.push(`registry migrated from schema v${version} to v${SCHEMA_VERSION}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: RegistryDatabase, from: number): void {
  // IMMEDIATE: a concurrent process migrating the same file waits, then sees the new version.
  db.exec('BEGIN IMMEDIATE');
  try {
    const current = db.pragma('user_version', { simple: true }) as number;
    for (let version = Math.max(from, current); version < SCHEMA_VERSION; version += 1) db.exec(MIGRATIONS[version]);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
