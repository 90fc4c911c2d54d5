import { FACTS_VERSION } from '../indexer/facts.js';
import type { CachedFile, FactsCache, FilesUpdate } from '../indexer/facts-cache.js';
import type { RegistryDatabase } from './open-registry.js';
import { createBulkInsert } from './bulk-insert.js';

/** Content-addressed facts kept for snapshots (HEAD, the index, a base ref); the least recently used go first. */
const KEPT_BLOB_FACTS = 20_000;

/** The content hash (git blob id) the indexer last read for each working-tree file. */
export function indexedFileHashes(registry: RegistryDatabase): Map<string, string> {
  const rows = registry.prepare('SELECT path, hash FROM files').all() as Array<{ path: string; hash: string }>;
  return new Map(rows.map((row) => [row.path, row.hash]));
}

/**
 * The facts cache of the indexer in the tables `files` (the working tree: facts with each file's
 * stat and content hash) and `blob_facts` (other versions, by git blob id). Only facts of the
 * current FACTS_VERSION are ever returned.
 */
export function createFactsStore(registry: RegistryDatabase): FactsCache {
  return {
    fileRows() {
      const rows = registry.prepare('SELECT path, hash, stat_key AS statKey, facts_version AS factsVersion, skipped FROM files').all() as Array<Omit<CachedFile, 'skipped'> & { skipped: number }>;
      return new Map(rows.map((row) => [row.path, { ...row, skipped: row.skipped !== 0 }]));
    },
    factsOfFiles(paths) {
      const result = new Map<string, string>();
      if (paths.length === 0) return result;
      const wanted = new Set(paths);
      for (const row of registry.prepare('SELECT path, facts FROM files').iterate() as Iterable<{ path: string; facts: string }>) {
        if (wanted.has(row.path)) result.set(row.path, row.facts);
      }
      return result;
    },
    saveFiles: (update) => saveFiles(registry, update),
    factsOfBlobs(ids) {
      const fromFiles = registry.prepare('SELECT facts FROM files WHERE hash = ? AND facts_version = ? AND skipped = 0 LIMIT 1');
      const fromBlobs = registry.prepare('SELECT facts FROM blob_facts WHERE hash = ? AND facts_version = ?');
      const found = new Map<string, string>();
      for (const id of ids) {
        const row = (fromFiles.get(id, FACTS_VERSION) ?? fromBlobs.get(id, FACTS_VERSION)) as { facts: string } | undefined;
        if (row !== undefined) found.set(id, row.facts);
      }
      return found;
    },
    saveBlobFacts(entries) {
      if (entries.length === 0) return;
      const insert = registry.prepare('INSERT OR REPLACE INTO blob_facts (hash, facts_version, facts, used_at) VALUES (?, ?, ?, ?)');
      const now = Date.now();
      registry.transaction(() => {
        for (const entry of entries) insert.run(entry.hash, FACTS_VERSION, entry.factsJson, now);
        pruneBlobFacts(registry);
      }).immediate();
    },
  };
}

function saveFiles(registry: RegistryDatabase, update: FilesUpdate): void {
  const upsert = registry.prepare(`
    INSERT INTO files (path, hash, size, mtime_ms, stat_key, skipped, facts_version, facts, link_hash)
    VALUES (@path, @hash, @size, @mtime, @statKey, @skipped, @version, @facts, NULL)
    ON CONFLICT(path) DO UPDATE SET hash = excluded.hash, size = excluded.size, mtime_ms = excluded.mtime_ms, stat_key = excluded.stat_key,
      skipped = excluded.skipped, facts_version = excluded.facts_version, facts = excluded.facts, link_hash = NULL`);
  const touch = registry.prepare('UPDATE files SET size = ?, mtime_ms = ?, stat_key = ? WHERE path = ?');
  const remove = registry.prepare('DELETE FROM files WHERE path = ?');
  // The version a file had before is often the one HEAD has: its facts stay available, by blob
  // id, for --staged and --changed-since (which would otherwise read and parse it from git).
  const keepPrevious = registry.prepare(`INSERT OR IGNORE INTO blob_facts (hash, facts_version, facts, used_at)
    SELECT hash, facts_version, facts, ? FROM files WHERE path = ? AND hash != ? AND facts_version = ? AND skipped = 0`);
  const now = Date.now();
  registry.transaction(() => {
    const cached = new Set(registry.prepare('SELECT path FROM files').pluck().all() as string[]);
    let kept = 0;
    // New files (all of them on a cold run) go in many to a statement.
    const inserts = createBulkInsert(registry, 'files', ['path', 'hash', 'size', 'mtime_ms', 'stat_key', 'skipped', 'facts_version', 'facts', 'link_hash']);
    for (const [relative, { hash, factsJson, skipped }] of update.parsed) {
      const stat = update.stats.get(relative);
      const row = {
        path: relative, hash, size: stat?.size ?? 0, mtime: stat?.mtimeMs ?? 0, statKey: skipped ? null : stat?.trustedKey ?? null,
        skipped: skipped ? 1 : 0, version: FACTS_VERSION, facts: factsJson,
      };
      if (!cached.has(relative)) {
        inserts.add([row.path, row.hash, row.size, row.mtime, row.statKey, row.skipped, row.version, row.facts, null]);
        continue;
      }
      kept += keepPrevious.run(now, relative, hash, FACTS_VERSION).changes;
      upsert.run(row);
    }
    inserts.flush();
    for (const [relative, stat] of update.restatted) touch.run(stat.size, stat.mtimeMs, stat.trustedKey, relative);
    for (const relative of cached) {
      if (update.present.has(relative)) continue;
      kept += keepPrevious.run(now, relative, '', FACTS_VERSION).changes;
      remove.run(relative);
    }
    if (kept > 0) pruneBlobFacts(registry);
  }).immediate();
}

/** Drops the least recently used blob facts beyond KEPT_BLOB_FACTS (inside a write transaction). */
function pruneBlobFacts(registry: RegistryDatabase): void {
  registry.prepare('DELETE FROM blob_facts WHERE hash IN (SELECT hash FROM blob_facts ORDER BY used_at DESC LIMIT -1 OFFSET ?)').run(KEPT_BLOB_FACTS);
}
