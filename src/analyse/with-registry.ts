import { existsSync } from 'node:fs';
import path from 'node:path';
import { IN_MEMORY_REGISTRY, isCorruptionError, openRegistry, replaceCorruptRegistry, type RegistryDatabase } from '../registry/open-registry.js';
import { deferCheckpoint } from '../registry/deferred-checkpoint.js';
import { ensureStateDir, STATE_DIR_NAME } from '../files/state-dir.js';
import { isWritableAncestor, readOnlyRegistry, registryFileOf } from '../registry/registry-file.js';

/** The registry file for a root: the config's `registry` path, else .orch-guard/registry.db. */
export function registryPath(root: string, configured: string | undefined): string {
  if (configured !== undefined) return path.resolve(root, configured);
  try {
    return path.join(ensureStateDir(root), 'registry.db');
  } catch (error) {
    if (!isWritableAncestor(path.join(root, STATE_DIR_NAME))) throw readOnlyRegistry(path.join(root, STATE_DIR_NAME, 'registry.db'));
    throw error;
  }
}

/**
 * Runs `work` with an open registry. If the database turns out to be corrupt part-way
 * (SQLite only notices when it reads the damaged pages), it is replaced (see openRegistry:
 * moved aside when it may hold cleanup undo records) and the work retried once.
 * `deferCheckpoint`: the run does not end with a checkpoint (see deferred-checkpoint.ts), for
 * the frequent runs (validate, the hook); a cleanup's run still leaves everything in the file.
 */
export async function withRegistry<T>(file: string, notices: string[], work: (registry: RegistryDatabase) => Promise<T>, options: { deferCheckpoint?: boolean } = {}): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const registry = attempt === 0 ? openRegistry(file, notices) : replaceCorruptRegistry(file, notices);
    const releaseLog = options.deferCheckpoint === true && file !== IN_MEMORY_REGISTRY ? deferCheckpoint(file) : () => {};
    let done = false;
    try {
      const result = await work(registry);
      done = true;
      return result;
    } catch (error) {
      if (attempt > 0 || !isCorruptionError(error)) throw error;
      continue;
    } finally {
      // After a failure the log is not kept: the writer's close checkpoints and removes it, as
      // before (a registry found corrupt is then moved aside as one file).
      if (!done) releaseLog();
      if (registry.open) registry.close();
      releaseLog();
    }
  }
}

/**
 * Rolls back a cleanup killed part-way before anything reads the project: a package manager
 * killed while removing a dependency can leave package.json half written, and the project
 * cannot be loaded until it is restored. Opening the registry does the rollback; a registry
 * that cannot be opened is left for the real opening to report.
 */
export function recoverInterruptedCleanups(root: string, configured: string | undefined, notices: string[]): void {
  const file = registryFileOf(root, configured);
  if (!existsSync(file)) return;
  try {
    const noticesBefore = notices.length;
    const registry = openRegistry(file, notices);
    // Nothing rolled back or rebuilt (no notice): this open only read, and its close need not
    // checkpoint the log the last validate left (see deferred-checkpoint.ts); the command's own
    // open follows at once.
    const releaseLog = notices.length === noticesBefore ? deferCheckpoint(file) : () => {};
    registry.close();
    releaseLog();
  } catch {
    // reported when the command opens it
  }
}
