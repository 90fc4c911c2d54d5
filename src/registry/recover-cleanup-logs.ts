import { readdirSync } from 'node:fs';
import path from 'node:path';
import { cleanupLogDir, cleanupLogFile, NOTHING_LEFT_TO_RESTORE, readCleanupLog, removeCleanupLog } from './cleanup-log.js';
import { cleanupKeys, replayCleanupLog } from './cleanup-store.js';
import { tryLockCleanups } from './cleanup-lock.js';
import type Database from 'better-sqlite3';

/**
 * Gives the registry back the cleanups it lost (deleted, rebuilt after damage, replaced by
 * another file) from their logs beside it (cleanup-log.ts): a pending one is then rolled back
 * as usual, an applied one can be undone. Logs of finished cleanups are tidied away. Done
 * under the cleanup lock: a cleanup starting now writes its log before its registry row, and
 * must not be taken for a lost one.
 */
export function recoverCleanupLogs(registry: Database.Database, registryFile: string, notices: string[]): void {
  const dir = cleanupLogDir(registryFile);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.log'));
  } catch {
    return;
  }
  if (names.length === 0) return;
  const lost = () => {
    const known = new Map(cleanupKeys(registry).filter((row) => row.root !== null).map((row) => [path.basename(cleanupLogFile(registryFile, row.createdAt, row.root ?? '')), row.status]));
    for (const [name, status] of known) if (NOTHING_LEFT_TO_RESTORE.includes(status) && names.includes(name)) removeCleanupLog(path.join(dir, name));
    return names.filter((name) => !known.has(name));
  };
  if (lost().length === 0) return;
  const lock = tryLockCleanups(registryFile);
  if (lock === undefined) return;
  try {
    for (const name of lost()) {
      const file = path.join(dir, name);
      const records = readCleanupLog(file);
      if (records === undefined) {
        notices.push(`cleanup log ${file} is damaged (its saved files cannot be read): it is kept as it is, and no file was restored from it`);
        continue;
      }
      const id = replayCleanupLog(registry, records);
      notices.push(`cleanup #${id}: the registry had lost it (deleted, or rebuilt); recovered from its log beside the registry, so it can still be rolled back or undone`);
    }
  } finally {
    lock.release();
  }
}
