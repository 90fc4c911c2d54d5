import type { IndexedFile } from '../indexer/index-project.js';
import { indexProject } from '../indexer/index-project.js';
import { indexSnapshot } from '../indexer/index-snapshot.js';
import { gitBlobId } from '../files/blob-id.js';
import type { Project } from '../project/load-project.js';
import { createFactsStore } from '../registry/facts-store.js';
import type { RegistryDatabase } from '../registry/open-registry.js';

export interface IndexRequest {
  registry: RegistryDatabase;
  useCache: boolean;
  maxFileSize: number;
  notices: string[];
  onProgress?: (done: number, total: number) => void;
}

/**
 * Facts for every project file, from wherever the project's content is: the disk (cached by
 * stat and content hash), a git snapshot (by blob id), or the disk with some files replaced in
 * memory (an overlay, for cleanup dry runs and verification).
 */
export async function indexSource(project: Project, request: IndexRequest): Promise<{ files: IndexedFile[]; parsedCount: number }> {
  const { source } = project;
  const cache = createFactsStore(request.registry);
  const snapshot = (blobs: Map<string, string>, readBlobs: (ids: string[]) => Map<string, Buffer>) => indexSnapshot({
    root: project.root, blobs, readBlobs, cache, maxFileSize: request.maxFileSize, notices: request.notices,
  });
  if (source.kind === 'snapshot') {
    const files = await snapshot(new Map(project.files.map((file) => [file, source.blobs.get(file) as string])), source.readBlobs);
    return { files, parsedCount: 0 };
  }
  const overlaid = source.kind === 'overlay' ? project.files.filter((file) => typeof source.contents.get(file) === 'string') : [];
  const onDisk = source.kind === 'overlay' ? project.files.filter((file) => !source.contents.has(file)) : project.files;
  const indexed = await indexProject({
    root: project.root,
    files: onDisk,
    cache,
    useCache: request.useCache,
    maxFileSize: request.maxFileSize,
    notices: request.notices,
    onProgress: request.onProgress,
  });
  if (source.kind !== 'overlay' || overlaid.length === 0) return { files: indexed.files, parsedCount: indexed.parsedPaths.size };
  const buffers = new Map(overlaid.map((file) => {
    const content = Buffer.from(source.contents.get(file) as string, 'utf8');
    return [gitBlobId(content), content] as const;
  }));
  const blobs = new Map(overlaid.map((file) => [file, gitBlobId(Buffer.from(source.contents.get(file) as string, 'utf8'))]));
  const fromOverlay = await snapshot(blobs, (ids) => new Map(ids.map((id) => [id, buffers.get(id) as Buffer])));
  const files = [...indexed.files, ...fromOverlay].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, parsedCount: indexed.parsedPaths.size };
}
