import path from 'node:path';
import { deleteDatabaseFiles, isCorruptionError, openRegistry, type RegistryDatabase } from '../registry/open-registry.js';
import { ensureStateDir } from '../files/state-dir.js';

/** The registry file for a root: the config's `registry` path, else .orch-guard/registry.db. */
export function registryPath(root: string, configured: string | undefined): string {
  if (configured !== undefined) return path.resolve(root, configured);
  return path.join(ensureStateDir(root), 'registry.db');
}

/**
 * Runs `work` with an open registry. If the database turns out to be corrupt part-way
 * (SQLite only notices when it reads the damaged pages), it is rebuilt and the work retried once.
 */
export async function withRegistry<T>(file: string, notices: string[], work: (registry: RegistryDatabase) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const registry = openRegistry(file, notices);
    try {
      return await work(registry);
    } catch (error) {
      if (attempt > 0 || !isCorruptionError(error)) throw error;
      notices.push(`registry ${path.basename(file)} is corrupt: rebuilt`);
      registry.close();
      deleteDatabaseFiles(file);
      continue;
    } finally {
      if (registry.open) registry.close();
    }
  }
}
