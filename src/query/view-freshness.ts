import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../config/load-config.js';
import { gitBlobId } from '../files/blob-id.js';
import { FACTS_VERSION } from '../indexer/facts.js';
import { readKnipAnswerStamp } from '../registry/knip-store.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import type { FileStamp, StoredQueryView } from '../registry/query-view-store.js';
import { FileLookup } from '../resolve/file-lookup.js';
import { STORED_VIEW_VERSION } from './stored-view.js';

// Whether the stored query view still holds: apart from query-source.ts, so that the module that
// loads the project (query-from-project.ts) shares it without an import cycle.

/**
 * What a query gives loading the project, and what the stored view depends on besides the disk:
 * the versions, options, root and working folder (notices name paths from it), the config as
 * loaded and its file, and which knip answer the registry holds.
 */
export function givenKey(root: string, loaded: LoadedConfig, production: boolean, registry: RegistryDatabase): string {
  const hash = createHash('sha1').update(JSON.stringify([
    STORED_VIEW_VERSION, FACTS_VERSION, production, root, process.cwd(), loaded.file ?? null, loaded.config, readKnipAnswerStamp(registry),
  ]));
  if (loaded.file !== undefined) hash.update(readFileSync(loaded.file));
  return hash.digest('hex');
}

/** The stored view's own stamps: every project file's stat or content, and the resolver's disk lookups. `lstats`: lstats just made. */
export function viewHolds(root: string, stored: Omit<StoredQueryView, 'view'>, lstats?: ReadonlyMap<string, Stats | undefined>): boolean {
  return stampsHold(root, stored.fileStamps, lstats) && FileLookup.lookupsUnchanged(stored.diskLookups);
}

/** Every file has its stamp's stat key, or else its content (a restored registry, a touched file, a file then too fresh). */
function stampsHold(root: string, stamps: readonly FileStamp[], lstats?: ReadonlyMap<string, Stats | undefined>): boolean {
  for (const [file, size, key, hash] of stamps) {
    const absolute = path.join(root, file);
    const stats = contentStats(absolute, lstats);
    // Stamped absent (a tracked file deleted in the work tree, which git still lists): holds while it still is.
    if (size === -1) {
      if (stats === undefined || !stats.isFile()) continue;
      return false;
    }
    if (stats === undefined || !stats.isFile() || stats.size !== size) return false;
    if (key !== null && stampKey(stats) === key) continue;
    if (gitBlobId(readFileSync(absolute)) !== hash) return false;
  }
  return true;
}

/**
 * A stamp's stat key: size, mtime, ctime and inode, the times in milliseconds as Node gives them
 * (to a fraction of a microsecond). Any write moves the ctime, and a key is only kept for a file
 * left alone for two seconds (src/files/stat-key.ts), so a write always changes the key.
 */
export function stampKey(stats: Stats): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`;
}

/** The stats of what a path holds: its lstat (one just made, when given), or for a symbolic link its target's. */
export function contentStats(absolute: string, lstats?: ReadonlyMap<string, Stats | undefined>): Stats | undefined {
  const own = lstats?.has(absolute) === true ? lstats.get(absolute) : lstatSync(absolute, { throwIfNoEntry: false });
  return own?.isSymbolicLink() === true ? statSync(absolute, { throwIfNoEntry: false }) : own;
}
