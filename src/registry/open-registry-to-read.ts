import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cleanupLogDir, cleanupLogFile } from './cleanup-log.js';
import { cleanupKeys } from './cleanup-store.js';
import type { RegistryDatabase } from './open-registry.js';
import { REGISTRY_APPLICATION_ID } from './registry-file.js';
import { SCHEMA_VERSION } from './schema.js';

/**
 * A read-only connection to a registry that can be read as it is: orch-guard's, at this build's
 * schema, with no cleanup left pending (which openRegistry rolls back before anything is read).
 * Undefined otherwise, or when it cannot be opened so: the caller then opens it with
 * openRegistry, which creates, migrates, rebuilds or reports. A read-only connection takes no
 * write lock and writes nothing when it closes (a read-write one checkpoints the WAL), so a warm
 * query that finds nothing changed leaves the registry as it was.
 */
export function openRegistryToRead(file: string): RegistryDatabase | undefined {
  let registry: RegistryDatabase;
  try {
    // Required as the CommonJS it is (no scan of its source for export names, as an import does).
    const Database = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');
    registry = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return undefined;
  }
  try {
    // One statement: the marks of ownership and whether a cleanup is pending.
    const state = registry.prepare(`SELECT (SELECT application_id FROM pragma_application_id) AS applicationId, (SELECT user_version FROM pragma_user_version) AS version,
      EXISTS (SELECT 1 FROM cleanups WHERE status = 'pending') AS pending`).get() as { applicationId: number; version: number; pending: number };
    if (state.applicationId === REGISTRY_APPLICATION_ID && state.version === SCHEMA_VERSION && state.pending === 0 && !hasLostCleanupLog(registry, file)) return registry;
  } catch {
    // Not readable as a registry of this build (no such table, corrupt, locked): openRegistry decides.
  }
  registry.close();
  return undefined;
}

/** A cleanup log beside the registry whose cleanup the registry has no row for. */
function hasLostCleanupLog(registry: RegistryDatabase, file: string): boolean {
  let names: string[];
  try {
    names = readdirSync(cleanupLogDir(file)).filter((name) => name.endsWith('.log'));
  } catch {
    return false;
  }
  if (names.length === 0) return false;
  const known = new Set(cleanupKeys(registry).flatMap((row) => (row.root === null ? [] : [path.basename(cleanupLogFile(file, row.createdAt, row.root))])));
  return names.some((name) => !known.has(name));
}
