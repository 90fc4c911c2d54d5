import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { UsageError } from '../errors.js';
import { diskReadsHold } from '../files/disk-reads-hold.js';
import { isDirectory } from '../files/fs-checks.js';
import { readProjectStamp, readQueryViewStamps, readStoredView } from '../registry/query-view-store.js';
import { registryPath, withRegistry } from '../analyse/with-registry.js';
import type { QueryRequest, QueryView } from './query-view.js';
import { viewOfStored } from './stored-query-view.js';
import { givenKey, viewHolds } from './view-freshness.js';

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
    const stored = readQueryViewStamps(registry);
    if (projectStamp !== undefined && stored !== undefined && projectStamp.key === given && diskReadsHold(projectStamp.reads) && viewHolds(root, stored)) {
      const bytes = readStoredView(registry);
      const view = bytes === undefined ? undefined : viewOfStored(bytes);
      if (view !== undefined) {
        request.onSource?.('unchanged');
        request.notices.push(...projectStamp.notices, ...stored.notices);
        return work(view);
      }
    }
    const fromProject = await import('./query-from-project.js');
    return fromProject.answerFromProject({ request, root, production, work, loaded, registry });
  });
}
