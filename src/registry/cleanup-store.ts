import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { gitBlobId } from '../files/blob-id.js';
import { appendCleanupLog, type CleanupLogRecord, cleanupLogFile, type CleanupStatus, NOTHING_LEFT_TO_RESTORE, removeCleanupLog, savedContents, startCleanupLog } from './cleanup-log.js';
import { durably } from './write-transaction.js';

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
 * Records a cleanup as pending, with every file it may touch as it is now: first in its log
 * beside the registry (which outlives the registry), then in the registry.
 */
export function beginCleanupJournal(registry: Registry, root: string, files: readonly JournalFile[]): number {
  const createdAt = new Date().toISOString();
  const log = logFileOf(registry, createdAt, root);
  if (log !== undefined) {
    startCleanupLog(log, { type: 'begin', createdAt, root, files: files.map((file) => ({ ...file, content: file.content.toString('base64') })) });
  }
  return durably(registry, () => insertCleanup(registry, createdAt, root, files));
}

function insertCleanup(registry: Registry, createdAt: string, root: string, files: readonly JournalFile[]): number {
  const id = Number(registry.prepare("INSERT INTO cleanups (created_at, status, summary, root) VALUES (?, 'pending', '{}', ?)").run(createdAt, root).lastInsertRowid);
  const insert = registry.prepare(`INSERT INTO cleanup_files (cleanup_id, path, action, before_hash, after_hash, before_content, before_mode, before_uid, before_gid, removed_symbols)
    VALUES (?, ?, 'journal', ?, NULL, ?, ?, ?, ?, '[]')`);
  for (const file of files) insert.run(id, file.path, file.hash, file.content, file.mode, file.uid, file.gid);
  return id;
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
  logRecord(registry, id, { type: 'writes', writes: writes.map(({ path, hash }) => ({ path, hash })) });
  durably(registry, () => insertWrites(registry, id, writes));
}

function insertWrites(registry: Registry, id: number, writes: ReadonlyArray<{ path: string; hash: string }>): void {
  const insert = registry.prepare('INSERT OR IGNORE INTO cleanup_writes (cleanup_id, path, hash) VALUES (?, ?, ?)');
  for (const write of writes) insert.run(id, write.path, write.hash);
}

type CommitResult = { changed: ReadonlyArray<{ path: string; afterHash: string | null; removed: string[] }>; summary: unknown };

/** Marks a verified cleanup applied: each changed file's result, for --undo; unchanged files leave the record. */
export function commitCleanupJournal(registry: Registry, id: number, result: CommitResult): void {
  logRecord(registry, id, { type: 'commit', changed: result.changed, summary: result.summary });
  durably(registry, () => applyCommit(registry, id, result));
}

function applyCommit(registry: Registry, id: number, result: CommitResult): void {
  const changed = new Set(result.changed.map((file) => file.path));
  const update = registry.prepare('UPDATE cleanup_files SET action = ?, after_hash = ?, removed_symbols = ? WHERE cleanup_id = ? AND path = ?');
  for (const file of result.changed) update.run(file.afterHash === null ? 'delete' : 'edit', file.afterHash, JSON.stringify(file.removed), id, file.path);
  const remove = registry.prepare('DELETE FROM cleanup_files WHERE cleanup_id = ? AND path = ?');
  for (const path of registry.prepare('SELECT path FROM cleanup_files WHERE cleanup_id = ?').pluck().all(id) as string[]) {
    if (!changed.has(path)) remove.run(id, path);
  }
  registry.prepare('DELETE FROM cleanup_writes WHERE cleanup_id = ?').run(id);
  registry.prepare("UPDATE cleanups SET status = 'applied', summary = ? WHERE id = ?").run(JSON.stringify(result.summary), id);
}

export function setCleanupStatus(registry: Registry, id: number, status: CleanupStatus): void {
  const log = logRecord(registry, id, { type: 'status', status });
  durably(registry, () => registry.prepare('UPDATE cleanups SET status = ? WHERE id = ?').run(status, id));
  if (log !== undefined && NOTHING_LEFT_TO_RESTORE.includes(status)) removeCleanupLog(log);
}

/**
 * Puts a cleanup its log knows back into a registry that lost it (under a new id), as the
 * registry would hold it after the same steps. Returns the id.
 */
export function replayCleanupLog(registry: Registry, records: readonly CleanupLogRecord[]): number {
  const [begin, ...rest] = records;
  if (begin.type !== 'begin') throw new Error('a cleanup log starts with its files');
  return durably(registry, () => {
    const files = begin.files.map((file) => ({ ...file, content: Buffer.from(file.content, 'base64') }));
    const id = insertCleanup(registry, begin.createdAt, begin.root, files);
    for (const record of rest) {
      if (record.type === 'writes') insertWrites(registry, id, record.writes);
      else if (record.type === 'commit') applyCommit(registry, id, record);
      else if (record.type === 'status') registry.prepare('UPDATE cleanups SET status = ? WHERE id = ?').run(record.status, id);
    }
    return id;
  });
}

/** The created_at and root of every cleanup the registry holds, with its status. */
export function cleanupKeys(registry: Registry): Array<{ createdAt: string; root: string | null; status: CleanupStatus }> {
  return registry.prepare('SELECT created_at AS createdAt, root, status FROM cleanups').all() as Array<{ createdAt: string; root: string | null; status: CleanupStatus }>;
}

/** The log of a cleanup: none for a registry in memory (nothing outlives it) or a cleanup without a root. */
function logFileOf(registry: Registry, createdAt: string, root: string | null): string | undefined {
  return registry.memory || root === null ? undefined : cleanupLogFile(registry.name, createdAt, root);
}

function keyOf(registry: Registry, id: number): [string, string | null] {
  const row = registry.prepare('SELECT created_at, root FROM cleanups WHERE id = ?').get(id) as { created_at: string; root: string | null } | undefined;
  return row === undefined ? ['', null] : [row.created_at, row.root];
}

/** Appends to a cleanup's log (when it has one); returns the log's file. */
function logRecord(registry: Registry, id: number, record: CleanupLogRecord): string | undefined {
  const log = logFileOf(registry, ...keyOf(registry, id));
  if (log === undefined || !existsSync(log)) return undefined;
  appendCleanupLog(log, record);
  return log;
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
  // A saved copy that does not match its hash (a damaged registry) is taken from the cleanup's log, when that one matches.
  const damaged = rows.filter((row) => !Buffer.isBuffer(row.before_content) || gitBlobId(row.before_content) !== row.before_hash);
  const logged = damaged.length === 0 ? new Map<string, Buffer>() : savedContents(logFileOf(registry, ...keyOf(registry, id)));
  return rows.map((row) => ({
    path: row.path,
    action: row.action,
    beforeHash: row.before_hash,
    afterHash: row.after_hash,
    beforeContent: damaged.includes(row) ? logged.get(`${row.path}\0${row.before_hash}`) ?? row.before_content : row.before_content,
    beforeMode: row.before_mode,
    beforeOwner: row.before_uid === null || row.before_gid === null ? null : { uid: row.before_uid, gid: row.before_gid },
    written: written.get(row.path) ?? new Set(),
  }));
}

