import path from 'node:path';
import Database from 'better-sqlite3';
import { UsageError } from '../errors.js';
import { copyCleanupRecords, holdsCleanupRecords } from './carry-cleanup-records.js';
import {
  checkRegistryWritable, deleteRegistryFile, ensureRegistryDir, inspectRegistryFile, installNewRegistry, isInStateDir, moveAside,
  notOurs, REGISTRY_APPLICATION_ID,
} from './registry-file.js';
import { recoverCleanupLogs } from './recover-cleanup-logs.js';
import { rollBackInterruptedCleanups } from './roll-back-cleanups.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export type RegistryDatabase = Database.Database;

/** SQLite error codes that mean the file is not a usable database. */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * Opens (creating or migrating) the registry, then rolls back any cleanup a crashed process
 * left half done. Only a file orch-guard created (its application_id, or any file in
 * `.orch-guard/`) is ever migrated, rebuilt or deleted; anything else at the path is an error.
 * An unusable registry of ours (corrupt, or from a newer orch-guard) is rebuilt with a notice;
 * when it may hold cleanup undo records it is moved aside rather than deleted, and the records
 * it still yields are carried over.
 */
export function openRegistry(file: string, notices: string[]): RegistryDatabase {
  if (file === IN_MEMORY_REGISTRY) {
    const registry = new Database(IN_MEMORY_REGISTRY);
    migrate(registry, 0);
    return registry;
  }
  return recovered(openOwnedRegistry(file, notices, 0), file, notices);
}

/** A registry that lives and dies with the process (`--no-cache`): nothing on disk is read or written. */
export const IN_MEMORY_REGISTRY = ':memory:';

/** Replaces a registry found corrupt part-way through a command (see openRegistry). */
export function replaceCorruptRegistry(file: string, notices: string[]): RegistryDatabase {
  return recovered(replaceUnusable(file, 'is corrupt', notices, 0), file, notices);
}

function recovered(registry: RegistryDatabase, file: string, notices: string[]): RegistryDatabase {
  try {
    recoverCleanupLogs(registry, file, notices);
    rollBackInterruptedCleanups(registry, file, notices);
  } catch (error) {
    registry.close();
    throw error;
  }
  return registry;
}

function openOwnedRegistry(file: string, notices: string[], depth: number): RegistryDatabase {
  if (depth > 2) throw new UsageError(`registry ${file}: could not be opened or rebuilt (another process keeps replacing it)`);
  ensureRegistryDir(file);
  const state = inspectRegistryFile(file);
  switch (state.kind) {
    case 'directory':
      throw new UsageError(`registry ${file}: is a directory; point \`registry:\` in the config at a file`);
    case 'absent':
      checkRegistryWritable(file, false);
      return createRegistry(file, notices, depth);
    case 'empty':
      if (!isInStateDir(file)) throw notOurs(file, 'an empty file');
      checkRegistryWritable(file, true);
      deleteRegistryFile(file);
      return createRegistry(file, notices, depth);
    case 'not-sqlite':
      if (!isInStateDir(file)) throw notOurs(file, 'not a SQLite database');
      checkRegistryWritable(file, true);
      return replaceUnusable(file, 'is corrupt', notices, depth);
    case 'sqlite':
      checkRegistryWritable(file, true);
      return openExisting(file, state.applicationId === REGISTRY_APPLICATION_ID, notices, depth);
  }
}

interface Ownership {
  applicationId: number;
  userVersion: number;
  tables: Set<string>;
}

function openExisting(file: string, markedInHeader: boolean, notices: string[], depth: number): RegistryDatabase {
  let owner: Ownership;
  try {
    owner = readOwnership(file);
  } catch (error) {
    if (!isCorruptionError(error)) throw error;
    if (!markedInHeader && !isInStateDir(file)) throw notOurs(file, 'a damaged SQLite database');
    return replaceUnusable(file, 'is corrupt', notices, depth);
  }
  // A registry of an orch-guard from before the mark has its tables; an empty database (no
  // table, no version: one such an orch-guard left when it stopped while creating it) holds
  // nothing to lose.
  const legacy = owner.applicationId === 0 && owner.userVersion >= 1 && owner.userVersion <= SCHEMA_VERSION
    && ['files', 'findings'].every((table) => owner.tables.has(table)) && (owner.tables.has('runs') || owner.tables.has('validate_runs'));
  const empty = owner.applicationId === 0 && owner.userVersion === 0 && owner.tables.size === 0;
  const ours = owner.applicationId === REGISTRY_APPLICATION_ID || legacy || empty || (owner.applicationId === 0 && isInStateDir(file));
  if (!ours) {
    throw notOurs(file, owner.applicationId === 0 ? 'a SQLite database' : `a SQLite database of another application (application_id ${owner.applicationId})`);
  }
  if (owner.userVersion > SCHEMA_VERSION) {
    return replaceUnusable(file, `has schema v${owner.userVersion}, newer than this orch-guard's v${SCHEMA_VERSION}`, notices, depth);
  }
  if (owner.userVersion === 0 && owner.tables.size > 0) return replaceUnusable(file, 'has no orch-guard schema', notices, depth);
  try {
    return openAndMigrate(file, notices);
  } catch (error) {
    if (!isCorruptionError(error)) throw error;
    return replaceUnusable(file, 'is corrupt', notices, depth);
  }
}

/** Reads the marks of ownership without writing anything (no WAL switch, no migration). */
function readOwnership(file: string): Ownership {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    return {
      applicationId: db.pragma('application_id', { simple: true }) as number,
      userVersion: db.pragma('user_version', { simple: true }) as number,
      tables: new Set(tables),
    };
  } finally {
    db.close();
  }
}

function replaceUnusable(file: string, reason: string, notices: string[], depth: number): RegistryDatabase {
  const label = `registry ${path.basename(file)} ${reason}: rebuilt`;
  if (!holdsCleanupRecords(file)) {
    deleteRegistryFile(file);
    notices.push(label);
    return createRegistry(file, notices, depth + 1);
  }
  const aside = moveAside(file, 'unusable');
  const registry = createRegistry(file, notices, depth + 1);
  const copied = copyCleanupRecords(aside, registry);
  notices.push(`${label}; the old file, which may hold cleanup undo records, is kept as ${aside}${
    copied === undefined ? ' (its cleanup records could not be read)' : `; its ${copied} cleanup record${copied === 1 ? ' was' : 's were'} carried over, so \`cleanup --undo\` still works`}`);
  return registry;
}

/** Builds a new registry in a temporary file, marks it as orch-guard's, and puts it in place. */
function createRegistry(file: string, notices: string[], depth: number): RegistryDatabase {
  const temporary = `${file}.new-${process.pid}-${Date.now()}`;
  const fresh = new Database(temporary);
  try {
    migrate(fresh, 0);
  } finally {
    fresh.close();
  }
  installNewRegistry(temporary, file);
  return openOwnedRegistry(file, notices, depth + 1);
}

function openAndMigrate(file: string, notices: string[]): RegistryDatabase {
  const db = new Database(file, { timeout: 20_000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    const marked = db.pragma('application_id', { simple: true }) === REGISTRY_APPLICATION_ID;
    if (version === SCHEMA_VERSION && marked) return db;
    migrate(db, version);
    if (version > 0 && version < SCHEMA_VERSION) notices.push(`registry migrated from schema v${version} to v${SCHEMA_VERSION}`);
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
    db.pragma(`application_id = ${REGISTRY_APPLICATION_ID}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
