import type { RegistryDatabase } from '../registry/open-registry.js';
import { openRegistryToRead } from '../registry/open-registry-to-read.js';
import { registryFileOf } from '../registry/registry-file.js';

/**
 * Runs `work`, which only reads, on a read-only connection when the registry can be read as it
 * is (see openRegistryToRead); otherwise, or when SQLite fails on it, on the registry as
 * withRegistry opens it (created, migrated, a pending cleanup rolled back, a corrupt file
 * replaced), which is loaded only then.
 */
export async function withRegistryToRead<T>(root: string, configured: string | undefined, notices: string[], work: (registry: RegistryDatabase) => Promise<T>): Promise<T> {
  const reader = openRegistryToRead(registryFileOf(root, configured));
  if (reader !== undefined) {
    try {
      return await work(reader);
    } catch (error) {
      if (!isSqliteError(error)) throw error;
    } finally {
      reader.close();
    }
  }
  const { registryPath, withRegistry } = await import('./with-registry.js');
  return withRegistry(registryPath(root, configured), notices, work);
}

/** An error SQLite raised (its codes all start so): the registry is then opened the full way, which repairs or reports it. */
export function isSqliteError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}
