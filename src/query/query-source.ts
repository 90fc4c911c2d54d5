import type { Stats } from 'node:fs';
import path from 'node:path';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { isSqliteError } from '../analyse/with-registry-to-read.js';
import { UsageError } from '../errors.js';
import { diskReadsHoldSoon } from '../files/disk-reads-hold.js';
import { isDirectory } from '../files/fs-checks.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { openRegistryToRead } from '../registry/open-registry-to-read.js';
import { readProjectStamp, readQueryViewStamps } from '../registry/query-view-store.js';
import { registryFileOf } from '../registry/registry-file.js';
import type { QueryRequest, QueryView } from './query-view.js';
import { StoredViewDamaged } from './packed-sections.js';
import { storedQueryView } from './stored-query-view.js';
import { givenKey, viewHolds } from './view-freshness.js';

/**
 * The query view of the project. When the disk answers everything loading the project read as
 * it did when the view was stored (src/files/disk-read-journal.ts), and every project file has
 * its stamp, the stored graph answers without loading the project or any of the analysis,
 * through a read-only connection (a SQLite error there: see below); otherwise the registry is
 * opened to write, the project is
 * loaded (src/query/query-from-project.ts) and the stored graph answers if the project's
 * inputs and files are the same, else a fresh analysis does.
 */
export async function withQueryView<T>(request: QueryRequest, work: (view: QueryView) => T): Promise<T> {
  const root = path.resolve(request.root);
  const production = request.production === true;
  if (!isDirectory(root)) throw new UsageError(`--root ${request.root}: no such directory`);
  const loaded = await loadConfig(root, request.configFile);
  const reader = openRegistryToRead(registryFileOf(root, loaded.config.registry));
  if (reader !== undefined) {
    const noticesBefore = request.notices.length;
    try {
      // One read transaction: the parts of the view a query reads as it goes are of one view.
      reader.exec('BEGIN');
      const view = await unchangedView(request, root, loaded, production, reader, false);
      if (view !== undefined) return await work(view);
    } catch (error) {
      // A damaged part or a SQLite failure: the registry is opened again below, which repairs or reports it.
      if (!isSqliteError(error) && !(error instanceof StoredViewDamaged)) throw error;
      request.notices.length = noticesBefore;
    } finally {
      reader.close();
    }
  }
  const [{ registryPath, withRegistry }, { answerFromProject }] = await Promise.all([import('../analyse/with-registry.js'), import('./query-from-project.js')]);
  return withRegistry(registryPath(root, loaded.config.registry), request.notices, async (registry) => {
    // The registry is open: a cleanup a kill interrupted is rolled back before anything is read.
    const view = await unchangedView(request, root, loaded, production, registry, true);
    if (view !== undefined) return work(view);
    return answerFromProject({ request, root, production, work, loaded, registry });
  });
}

/**
 * The stored view, when nothing it or loading the project depended on changed. The git commands
 * among the reads run while the rest is checked and the view read; each file is stat'ed once.
 * `readAll`: the view read whole now (a connection not kept in one read transaction).
 */
async function unchangedView(request: QueryRequest, root: string, loaded: LoadedConfig, production: boolean, registry: RegistryDatabase, readAll: boolean): Promise<QueryView | undefined> {
  const projectStamp = readProjectStamp(registry);
  if (projectStamp === undefined || projectStamp.key !== givenKey(root, loaded, production, registry)) return undefined;
  const stored = readQueryViewStamps(registry);
  if (stored === undefined) return undefined;
  const lstats = new Map<string, Stats | undefined>();
  const reads = diskReadsHoldSoon(projectStamp.reads, lstats);
  if (!reads.now || !viewHolds(root, stored, lstats)) return undefined;
  const view = storedQueryView(registry, readAll);
  if (view === undefined || !(await reads.commands)) return undefined;
  request.onSource?.('unchanged');
  request.notices.push(...projectStamp.notices, ...stored.notices);
  return view;
}

