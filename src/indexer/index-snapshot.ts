import path from 'node:path';
import type Database from 'better-sqlite3';
import { type FileFacts, FACTS_VERSION } from './facts.js';
import type { IndexedFile } from './index-project.js';
import type { ParseJob } from './parse-file.js';
import { parseInParallel } from './parse-in-parallel.js';

/** Content-addressed facts kept for snapshots; older entries are dropped. */
const KEPT_BLOB_FACTS = 20_000;

/** Drops the least recently used facts beyond KEPT_BLOB_FACTS (call inside a write transaction). */
export function pruneBlobFacts(registry: Database.Database): void {
  registry.prepare('DELETE FROM blob_facts WHERE hash IN (SELECT hash FROM blob_facts ORDER BY used_at DESC LIMIT -1 OFFSET ?)').run(KEPT_BLOB_FACTS);
}

export interface SnapshotIndexOptions {
  root: string;
  /** Project files of the snapshot and their git blob ids. */
  blobs: ReadonlyMap<string, string>;
  readBlobs: (ids: string[]) => Map<string, Buffer>;
  registry: Database.Database;
  maxFileSize: number;
  notices: string[];
}

/**
 * Facts for a git snapshot (HEAD, the index, a base commit). Content hashes are blob ids, so
 * any version the working tree or an earlier snapshot had is found in the registry; only the
 * other blobs are read from git and parsed.
 */
export async function indexSnapshot(options: SnapshotIndexOptions): Promise<IndexedFile[]> {
  const { registry } = options;
  const fromFiles = registry.prepare('SELECT facts FROM files WHERE hash = ? AND facts_version = ? LIMIT 1');
  const fromBlobs = registry.prepare('SELECT facts FROM blob_facts WHERE hash = ? AND facts_version = ?');
  const factsByHash = new Map<string, string>();
  const missing = new Set<string>();
  for (const id of new Set(options.blobs.values())) {
    const row = (fromFiles.get(id, FACTS_VERSION) ?? fromBlobs.get(id, FACTS_VERSION)) as { facts: string } | undefined;
    if (row !== undefined) factsByHash.set(id, row.facts);
    else missing.add(id);
  }
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
    const insert = registry.prepare('INSERT OR REPLACE INTO blob_facts (hash, facts_version, facts, used_at) VALUES (?, ?, ?, ?)');
    const outcomes = await parseInParallel(jobs);
    const now = Date.now();
    registry.transaction(() => {
      for (const outcome of outcomes) {
        if (outcome.status !== 'parsed') continue;
        factsByHash.set(outcome.hash, outcome.factsJson);
        insert.run(outcome.hash, FACTS_VERSION, outcome.factsJson, now);
        if (outcome.notice !== undefined) options.notices.push(outcome.notice);
      }
      pruneBlobFacts(registry);
    }).immediate();
  }
  const files: IndexedFile[] = [];
  for (const [relative, id] of options.blobs) {
    const json = factsByHash.get(id);
    if (json !== undefined) files.push({ path: relative, hash: id, facts: JSON.parse(json) as FileFacts });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
