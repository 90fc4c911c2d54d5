import path from 'node:path';
import type { FactsCache } from './facts-cache.js';
import { type FileFacts, parseCachedFacts } from './facts.js';
import type { IndexedFile } from './index-project.js';
import type { ParseJob } from './parse-file.js';
import { parseInParallel } from './parse-in-parallel.js';

export interface SnapshotIndexOptions {
  root: string;
  /** Project files of the snapshot and their git blob ids. */
  blobs: ReadonlyMap<string, string>;
  readBlobs: (ids: string[]) => Map<string, Buffer>;
  cache: FactsCache;
  maxFileSize: number;
  notices: string[];
}

/**
 * Facts for a git snapshot (HEAD, the index, a base commit). Content hashes are blob ids, so
 * any version the working tree or an earlier snapshot had is found in the cache; only the
 * other blobs (and any whose cached facts are damaged) are read from git and parsed. Facts of
 * a file that was not analysed (too large) are not kept: a raised limit must see it.
 */
export async function indexSnapshot(options: SnapshotIndexOptions): Promise<IndexedFile[]> {
  const { cache } = options;
  const factsByHash = new Map<string, FileFacts>();
  for (const [id, json] of cache.factsOfBlobs(new Set(options.blobs.values()))) {
    const facts = parseCachedFacts(json);
    if (facts !== undefined) factsByHash.set(id, facts);
  }
  const missing = new Set([...options.blobs.values()].filter((id) => !factsByHash.has(id)));
  if (missing.size > 0) {
    const contents = options.readBlobs([...missing]);
    const jobs: ParseJob[] = [];
    const pathOfBlob = new Map<string, string>();
    for (const [relative, id] of options.blobs) {
      const content = contents.get(id);
      if (!missing.has(id) || content === undefined || pathOfBlob.has(id)) continue;
      pathOfBlob.set(id, relative);
      jobs.push({ path: relative, absolutePath: path.join(options.root, relative), content, size: content.length, maxFileSize: options.maxFileSize });
    }
    const parsed: Array<{ hash: string; factsJson: string }> = [];
    for (const outcome of await parseInParallel(jobs)) {
      if (outcome.status !== 'parsed') continue;
      factsByHash.set(outcome.hash, outcome.facts);
      if (outcome.skipped !== true) parsed.push(outcome);
      if (outcome.notice !== undefined) options.notices.push(outcome.notice);
    }
    cache.saveBlobFacts(parsed);
  }
  const files: IndexedFile[] = [];
  const handedOut = new Set<string>();
  for (const [relative, id] of options.blobs) {
    const facts = factsByHash.get(id);
    if (facts === undefined) continue;
    // Files with the same content each get their own copy, as if parsed apart.
    files.push({ path: relative, hash: id, facts: handedOut.has(id) ? structuredClone(facts) : facts });
    handedOut.add(id);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

