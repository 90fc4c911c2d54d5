import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { UsageError } from '../errors.js';
import { diskReadsHold } from '../files/disk-reads-hold.js';
import { isDirectory } from '../files/fs-checks.js';
import { gitBlobId } from '../files/blob-id.js';
import { FACTS_VERSION } from '../indexer/facts.js';
import { readKnipAnswerStamp } from '../registry/knip-store.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { type FileStamp, type StoredQueryView, readProjectStamp, readQueryViewJson, readQueryViewStamps } from '../registry/query-view-store.js';
import { registryPath, withRegistry } from '../analyse/with-registry.js';
import { FileLookup } from '../resolve/file-lookup.js';
import type { QueryView } from './query-view.js';
import { STORED_VIEW_VERSION, viewOfStored } from './stored-view.js';

export interface QueryRequest {
  root: string;
  configFile?: string;
  production?: boolean;
  notices: string[];
  /**
   * Told where the answer came from (for tests and --debug): the stored graph without loading the
   * project ('unchanged'), the stored graph after loading the project ('stored'), or a fresh analysis.
   */
  onSource?: (source: QuerySource) => void;
}

export type QuerySource = 'unchanged' | 'stored' | 'analysed';

/**
 * The query view of the project. When the disk answers everything loading the project read as
 * it did when the view was stored (src/files/disk-read-journal.ts), and every project file has
 * its stamp, the stored graph answers without loading the project or any of the analysis;
 * otherwise the project is loaded (src/query/query-from-project.ts) and the stored graph answers
 * if the project's inputs and files are the same, else a fresh analysis does.
 */
export async function withQueryView<T>(request: QueryRequest, work: (view: QueryView) => T): Promise<T> {
  const root = path.resolve(request.root);
  const production = request.production === true;
  if (!isDirectory(root)) throw new UsageError(`--root ${request.root}: no such directory`);
  const loaded = await loadConfig(root, request.configFile);
  return withRegistry(registryPath(root, loaded.config.registry), request.notices, async (registry) => {
    // The registry is open: a cleanup a kill interrupted is rolled back before anything is read.
    const given = givenKey(root, loaded, production, registry);
    const projectStamp = readProjectStamp(registry);
    const seenFiles = new Map<string, string>();
    const stored = readQueryViewStamps(registry);
    if (projectStamp !== undefined && stored !== undefined && projectStamp.key === given && diskReadsHold(projectStamp.reads, seenFiles) && viewHolds(root, stored, seenFiles)) {
      const viewJson = readQueryViewJson(registry);
      if (viewJson !== undefined) {
        request.onSource?.('unchanged');
        request.notices.push(...projectStamp.notices, ...stored.notices);
        return work(viewOfStored(JSON.parse(viewJson)));
      }
    }
    const fromProject = await import('./query-from-project.js');
    return fromProject.answerFromProject({ request, root, production, work, loaded, registry });
  });
}

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

/** The stored view's own stamps: every project file's stat or content, and the resolver's disk lookups. */
export function viewHolds(root: string, stored: Omit<StoredQueryView, 'viewJson'>, seenFiles?: ReadonlyMap<string, string>): boolean {
  return stampsHold(root, stored.fileStamps, seenFiles) && FileLookup.lookupsUnchanged(stored.diskLookups);
}

/**
 * Every file has its stamp's stat, or else its content (a restored registry, a touched file).
 * `seenFiles`: stats just checked (path → statOutcome), not asked again.
 */
function stampsHold(root: string, stamps: readonly FileStamp[], seenFiles?: ReadonlyMap<string, string>): boolean {
  for (const [file, size, mtimeMs, hash] of stamps) {
    const absolute = path.join(root, file);
    if (seenFiles?.get(absolute) === `f:${size}:${mtimeMs}`) continue;
    const stats = statSync(absolute, { throwIfNoEntry: false });
    if (stats === undefined) return false;
    if (stats.size === size && stats.mtimeMs === mtimeMs) continue;
    if (stats.size !== size || gitBlobId(readFileSync(absolute)) !== hash) return false;
  }
  return true;
}
