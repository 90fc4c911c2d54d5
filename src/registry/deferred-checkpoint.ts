import Database from 'better-sqlite3';

/**
 * Keeps the registry's write-ahead log past the close of the connection that wrote it, so a
 * run does not end with a checkpoint. SQLite checkpoints (copies the log into the database and
 * fsyncs both) when the last connection closes; under disk load that took 0.2–0.8 s of a
 * 0.5 s run. A read-only connection that has read once shares the log: the writer's close is
 * then not the last, and the read-only one cannot checkpoint at its own close. The log is
 * checkpointed by SQLite's automatic checkpoint in a later commit once it holds 1000 pages.
 *
 * Durability is unchanged: a commit that must survive a power loss (the cleanup journal, see
 * cleanup-store.ts) is made with synchronous = FULL, which syncs the log itself; other commits
 * (synchronous = NORMAL) were never synced before the checkpoint. A database that is moved
 * aside takes its log with it (registry-file.ts), as after a kill.
 *
 * Returns the function that closes the read-only connection, after the writer has closed.
 * When it cannot be opened (a read-only folder, a file in use by another kind of lock) the
 * run only loses the saving: the writer's close checkpoints as before.
 */
export function deferCheckpoint(file: string): () => void {
  let keeper: Database.Database | undefined;
  try {
    keeper = new Database(file, { readonly: true, fileMustExist: true });
    // Joining the log takes a read; the statement ends at once, so no snapshot is held open
    // (an open one would keep the automatic checkpoint from resetting the log).
    keeper.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
  } catch {
    // Only speed is lost (see above): nothing to report.
    keeper?.close();
    keeper = undefined;
  }
  return () => {
    if (keeper?.open === true) keeper.close();
  };
}
