import Database from 'better-sqlite3';

export interface CleanupLock {
  release(): void;
}

/**
 * The lock a running `cleanup --fix` holds for as long as its journal is pending: an exclusive
 * SQLite lock on a small file beside the registry. The operating system drops it when the
 * process ends, however it ends (kill -9 included), so "pending and unlocked" means "its
 * process is gone" without trusting pids. Undefined when another process holds it.
 */
export function tryLockCleanups(registryFile: string): CleanupLock | undefined {
  const db = new Database(`${registryFile}-cleanup-lock`, { timeout: 0 });
  try {
    db.pragma('journal_mode = DELETE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return undefined;
    throw error;
  }
  return {
    release: () => {
      if (!db.open) return;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}
