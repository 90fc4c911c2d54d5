import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FACTS_VERSION } from '../indexer/facts.js';
import { gitBlobId } from '../files/blob-id.js';
import { toolEntriesStamp } from '../knip/ask-knip.js';
import { loadKnipAnswer } from '../registry/knip-store.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { type FileStamp, readQueryViewJson, readQueryViewStamps, writeQueryView } from '../registry/query-view-store.js';
import { registryPath, withRegistry } from '../analyse/with-registry.js';
import { loadRecoveredProject } from '../analyse/load-recovered-project.js';
import type { Project } from '../project/load-project.js';
import { FileLookup } from '../resolve/file-lookup.js';
import { type QueryView, viewOfAnalysis } from './query-view.js';
import { STORED_VIEW_VERSION, storeView, viewOfStored } from './stored-view.js';

export interface QueryRequest {
  root: string;
  configFile?: string;
  production?: boolean;
  notices: string[];
  /** Told where the answer came from: the stored graph, or a fresh analysis (for tests and --debug). */
  onSource?: (source: 'stored' | 'analysed') => void;
}

/**
 * The query view of the project: the graph stored by the last query when nothing it depended on
 * changed (checked by content: a file whose stat differs is hashed, so a registry restored in
 * another checkout still holds), else a fresh analysis, whose view is stored for the next query.
 */
export async function withQueryView<T>(request: QueryRequest, work: (view: QueryView) => T): Promise<T> {
  const production = request.production === true;
  const project = await loadRecoveredProject({ root: request.root, configFile: request.configFile, production, notices: request.notices });
  const { config } = project.loaded;
  return withRegistry(registryPath(project.root, config.registry), request.notices, async (registry) => {
    const key = projectKey(project, registry, production);
    const stored = readQueryViewStamps(registry);
    if (stored !== undefined && stored.key === key && stampsHold(project.root, stored.fileStamps) && FileLookup.lookupsUnchanged(stored.diskLookups)) {
      const viewJson = readQueryViewJson(registry);
      if (viewJson !== undefined) {
        request.onSource?.('stored');
        request.notices.push(...stored.notices);
        return work(viewOfStored(JSON.parse(viewJson)));
      }
    }
    request.onSource?.('analysed');
    const noticesBefore = request.notices.length;
    const { analyse } = await import('../analyse/analyse.js');
    const analysis = await analyse(project, registry, { production, includeEntryExports: config.includeEntryExports ?? false, useCache: true, notices: request.notices });
    const view = viewOfAnalysis(analysis);
    writeQueryView(registry, {
      // Keyed after the analysis: knip's answer, stored by it, is part of the key.
      key: projectKey(project, registry, production),
      fileStamps: fileStamps(project, registry),
      diskLookups: analysis.project.lookup.diskLookups(),
      notices: request.notices.slice(noticesBefore),
      viewJson: JSON.stringify(storeView(view)),
    });
    return work(view);
  });
}

/** Everything but file contents that the graph depends on: options, config, manifests, the file list, entries, knip's answer. */
function projectKey(project: Project, registry: RegistryDatabase, production: boolean): string {
  const knip = loadKnipAnswer(registry) === undefined ? 'no knip answer'
    : toolEntriesStamp({ root: project.root, files: project.files, packageDirs: project.packages.map((workspace) => workspace.dir), nestedDirs: project.nestedPackages.map((nested) => nested.dir), registry });
  const hash = createHash('sha1').update(JSON.stringify([
    STORED_VIEW_VERSION, FACTS_VERSION, production, project.loaded.config, project.tsconfigs, project.packages.map((entry) => [entry.dir, entry.pkg]),
    project.files, [...project.entries], [...project.tests], project.entryGaps, knip,
  ]));
  if (project.loaded.file !== undefined) hash.update(readFileSync(project.loaded.file));
  return hash.digest('hex');
}

/** Each project file's stat and content hash: the indexer's record when it has one (what the analysis read). */
function fileStamps(project: Project, registry: RegistryDatabase): FileStamp[] {
  const rows = registry.prepare('SELECT path, hash, size, mtime_ms AS mtimeMs FROM files').all() as Array<{ path: string; hash: string; size: number; mtimeMs: number }>;
  const indexed = new Map(rows.map((row) => [row.path, row]));
  return project.files.map((file): FileStamp => {
    const row = indexed.get(file);
    if (row !== undefined) return [file, row.size, row.mtimeMs, row.hash];
    // Stat before reading: a change in between makes the stat stale, so the next check hashes.
    const stats = statSync(path.join(project.root, file), { throwIfNoEntry: false });
    return [file, stats?.size ?? -1, stats?.mtimeMs ?? -1, stats === undefined ? '' : gitBlobId(readFileSync(path.join(project.root, file)))];
  });
}

/** Every file has its stamp's stat, or else its content (a restored registry, a touched file). */
function stampsHold(root: string, stamps: readonly FileStamp[]): boolean {
  for (const [file, size, mtimeMs, hash] of stamps) {
    const absolute = path.join(root, file);
    const stats = statSync(absolute, { throwIfNoEntry: false });
    if (stats === undefined) return false;
    if (stats.size === size && stats.mtimeMs === mtimeMs) continue;
    if (stats.size !== size || gitBlobId(readFileSync(absolute)) !== hash) return false;
  }
  return true;
}
