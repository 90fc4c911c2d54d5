import { createHash } from 'node:crypto';
import { readFileSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../config/load-config.js';
import { gitBlobId } from '../files/blob-id.js';
import { statKey } from '../files/stat-key.js';
import { type DiskRead, recordDiskReads } from '../files/disk-read-journal.js';
import { FACTS_VERSION } from '../indexer/facts.js';
import { toolEntriesStamp } from '../knip/ask-knip.js';
import { loadKnipAnswer } from '../registry/knip-store.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { type FileStamp, readQueryViewStamps, writeProjectStamp, writeQueryView } from '../registry/query-view-store.js';
import { loadProject, type Project } from '../project/load-project.js';
import { contentStats, givenKey, stampKey, viewHolds } from './view-freshness.js';
import { type QueryRequest, type QueryView, viewOfAnalysis } from './query-view.js';
import { STORED_VIEW_VERSION, storeView } from './stored-view.js';
import { storedQueryView } from './stored-query-view.js';

interface ProjectQuery<T> {
  request: QueryRequest;
  root: string;
  production: boolean;
  loaded: LoadedConfig;
  registry: RegistryDatabase;
  work: (view: QueryView) => T;
}

/**
 * The answer when something may have changed: the project is loaded (what it reads journaled),
 * the stored graph answers if the project's inputs and files are the same, else a fresh analysis
 * does and is stored. Either way the stored view is stamped with the journal, so the next query
 * can skip loading the project while the disk still reads the same.
 */
export async function answerFromProject<T>(query: ProjectQuery<T>): Promise<T> {
  const { request, root, production, loaded, registry } = query;
  const noticesBefore = request.notices.length;
  const loading = await recordDiskReads(async () => {
    const project = await loadProject({ root, configFile: request.configFile, production, notices: request.notices, loaded });
    return { project, ...projectKey(project, registry, production) };
  });
  const projectNotices = request.notices.slice(noticesBefore);
  const { project } = loading.value;
  let reads = loading.reads;
  const stored = readQueryViewStamps(registry);
  let view: QueryView | undefined;
  if (stored !== undefined && stored.key === loading.value.key && viewHolds(root, stored)) {
    // Read whole: this connection writes below, so no read transaction keeps later reads to this view.
    view = storedQueryView(registry, true);
    if (view !== undefined) {
      request.onSource?.('stored');
      request.notices.push(...stored.notices);
    }
  }
  if (view === undefined) {
    request.onSource?.('analysed');
    const analysisNoticesFrom = request.notices.length;
    const { analyse } = await import('../analyse/analyse.js');
    const analysis = await analyse(project, registry, { production, includeEntryExports: loaded.config.includeEntryExports ?? false, useCache: true, notices: request.notices });
    const analysed = viewOfAnalysis(analysis);
    view = analysed;
    // Keyed after the analysis: knip's answer, stored by it, is part of the key (and what
    // checking that answer reads is part of the journal).
    const keying = await recordDiskReads(async () => projectKey(project, registry, production));
    reads = reads === undefined || keying.reads === undefined ? undefined : [...reads, ...keying.reads];
    writeQueryView(registry, {
      key: keying.value.key,
      fileStamps: fileStamps(project, registry),
      diskLookups: analysis.project.lookup.diskLookups(),
      notices: request.notices.slice(analysisNoticesFrom),
      view: storeView(analysed, analysis.context.graph),
    });
    if (!keying.value.repeatable) reads = undefined;
  } else if (!loading.value.repeatable) {
    reads = undefined;
  }
  if (reads !== undefined) writeProjectStamp(registry, { key: givenKey(root, loaded, production, registry), reads: unique(reads), notices: projectNotices });
  return query.work(view);
}

/**
 * Everything but file contents that the graph depends on: options, config, manifests, the file
 * list, entries, knip's answer. Not repeatable when knip's answer is stale (its stamp is then
 * unique, so no later query matches it).
 */
function projectKey(project: Project, registry: RegistryDatabase, production: boolean): { key: string; repeatable: boolean } {
  const knip = loadKnipAnswer(registry) === undefined ? 'no knip answer'
    : toolEntriesStamp({ root: project.root, files: project.files, packageDirs: project.packages.map((workspace) => workspace.dir), nestedDirs: project.nestedPackages.map((nested) => nested.dir), registry });
  const hash = createHash('sha1').update(JSON.stringify([
    STORED_VIEW_VERSION, FACTS_VERSION, production, project.loaded.config, project.tsconfigs, project.packages.map((entry) => [entry.dir, entry.pkg]),
    project.files, [...project.entries], [...project.tests], project.entryGaps, knip,
  ]));
  if (project.loaded.file !== undefined) hash.update(readFileSync(project.loaded.file));
  return { key: hash.digest('hex'), repeatable: !knip.startsWith('stale ') };
}

/**
 * Each project file's size, stat key (see stampKey) and content hash: the hash the indexer
 * recorded (what the analysis read), with the key of the file now when the indexer's stat key
 * proves it has not changed since, else none (the next check compares the content). A file
 * the indexer has no record of: its content now, and its key when it was left alone long enough.
 */
function fileStamps(project: Project, registry: RegistryDatabase): FileStamp[] {
  const rows = registry.prepare('SELECT path, hash, stat_key AS statKey FROM files').all() as Array<{ path: string; hash: string; statKey: string | null }>;
  const indexed = new Map(rows.map((row) => [row.path, row]));
  const now = Date.now();
  return project.files.map((file): FileStamp => {
    const absolute = path.join(project.root, file);
    const stats = contentStats(absolute);
    if (stats === undefined || !stats.isFile()) return [file, -1, null, ''];
    const row = indexed.get(file);
    if (row !== undefined) return [file, stats.size, row.statKey !== null && asIndexed(absolute, stats, row.statKey) ? stampKey(stats) : null, row.hash];
    // Stat before reading: a change in between makes the key stale, so the next check hashes.
    const settled = now - Math.max(stats.mtimeMs, stats.ctimeMs) > 2000;
    return [file, stats.size, settled ? stampKey(stats) : null, gitBlobId(readFileSync(absolute))];
  });
}

/**
 * Whether `stats` is the state the indexer keyed `indexedKey` (its precise stat key, src/files/stat-key.ts):
 * that key now, and the same file and times as `stats` (taken just before; a write in between moves the ctime).
 */
function asIndexed(absolute: string, stats: Stats, indexedKey: string): boolean {
  const precise = statSync(absolute, { bigint: true, throwIfNoEntry: false });
  return precise !== undefined && statKey(precise) === indexedKey && Number(precise.ino) === stats.ino && Number(precise.size) === stats.size
    && Math.abs(Number(precise.ctimeNs) / 1e6 - stats.ctimeMs) < 1 && Math.abs(Number(precise.mtimeNs) / 1e6 - stats.mtimeMs) < 1;
}

/** The first record of each read (a read made twice is checked once). */
function unique(reads: readonly DiskRead[]): DiskRead[] {
  const seen = new Set<string>();
  return reads.filter((read) => {
    const key = read[0] === 'read' ? `read\0${read[1]}` : `${read[0]}\0${read[1]}\0${JSON.stringify(read[2])}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
