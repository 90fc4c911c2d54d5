import { statSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { pruneBlobFacts } from './index-snapshot.js';
import { type FileFacts, FACTS_VERSION } from './facts.js';
import type { ParseJob } from './parse-file.js';
import { parseInParallel } from './parse-in-parallel.js';

export interface IndexedFile {
  path: string;
  hash: string;
  facts: FileFacts;
}

interface IndexResult {
  files: IndexedFile[];
  /** Files whose facts were extracted in this run (not taken from the cache). */
  parsedPaths: Set<string>;
}

interface IndexOptions {
  root: string;
  /** Root-relative project files. */
  files: readonly string[];
  registry: Database.Database;
  useCache: boolean;
  maxFileSize: number;
  notices: string[];
  onProgress?: (done: number, total: number) => void;
}

interface CachedRow {
  id: number;
  path: string;
  hash: string;
  size: number;
  mtime_ms: number;
  facts_version: number;
}

/**
 * Brings the registry's per-file facts up to date and returns them. A file whose size and
 * mtime match the registry is not read; one whose content hash matches is not parsed; the
 * rest are parsed in parallel. Removed files leave the registry.
 */
export async function indexProject(options: IndexOptions): Promise<IndexResult> {
  const { registry, root } = options;
  const cachedRows = new Map<string, CachedRow>();
  for (const row of registry.prepare('SELECT id, path, hash, size, mtime_ms, facts_version FROM files').all() as CachedRow[]) {
    cachedRows.set(row.path, row);
  }
  const reusable: Array<{ path: string; hash: string }> = [];
  const jobs: ParseJob[] = [];
  const stats = new Map<string, { size: number; mtimeMs: number }>();
  for (const relative of options.files) {
    const absolutePath = path.join(root, relative);
    const stat = statSync(absolutePath, { throwIfNoEntry: false });
    if (stat === undefined || !stat.isFile()) continue;
    stats.set(relative, { size: stat.size, mtimeMs: stat.mtimeMs });
    const cached = options.useCache ? cachedRows.get(relative) : undefined;
    const factsCurrent = cached !== undefined && cached.facts_version === FACTS_VERSION;
    if (factsCurrent && cached.size === stat.size && cached.mtime_ms === stat.mtimeMs) {
      reusable.push({ path: relative, hash: cached.hash });
      continue;
    }
    jobs.push({
      path: relative,
      absolutePath,
      size: stat.size,
      ...(factsCurrent ? { cachedHash: cached.hash } : {}),
      maxFileSize: options.maxFileSize,
    });
  }

  const outcomes = await parseInParallel(jobs, options.onProgress);
  const parsed = new Map<string, { hash: string; factsJson: string }>();
  for (const outcome of outcomes) {
    if (outcome.status === 'parsed') parsed.set(outcome.path, { hash: outcome.hash, factsJson: outcome.factsJson });
    else if (outcome.status === 'unchanged') reusable.push({ path: outcome.path, hash: outcome.hash });
    if (outcome.status !== 'unchanged' && outcome.notice !== undefined) options.notices.push(outcome.notice);
  }

  const cachedFacts = loadCachedFacts(registry, reusable.map((entry) => entry.path));
  const files: IndexedFile[] = [];
  for (const { path: relative, hash } of reusable) {
    const json = cachedFacts.get(relative);
    if (json !== undefined) files.push({ path: relative, hash, facts: JSON.parse(json) as FileFacts });
  }
  for (const [relative, { hash, factsJson }] of parsed) files.push({ path: relative, hash, facts: JSON.parse(factsJson) as FileFacts });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  saveFacts(registry, parsed, reusable, stats, new Set(files.map((file) => file.path)), cachedRows);
  return { files, parsedPaths: new Set(parsed.keys()) };
}

function loadCachedFacts(registry: Database.Database, paths: string[]): Map<string, string> {
  const result = new Map<string, string>();
  if (paths.length === 0) return result;
  const wanted = new Set(paths);
  for (const row of registry.prepare('SELECT path, facts FROM files').iterate() as Iterable<{ path: string; facts: string }>) {
    if (wanted.has(row.path)) result.set(row.path, row.facts);
  }
  return result;
}

function saveFacts(
  registry: Database.Database,
  parsed: Map<string, { hash: string; factsJson: string }>,
  reusable: Array<{ path: string; hash: string }>,
  stats: Map<string, { size: number; mtimeMs: number }>,
  present: Set<string>,
  cachedRows: Map<string, CachedRow>,
): void {
  const upsert = registry.prepare(`
    INSERT INTO files (path, hash, size, mtime_ms, facts_version, facts, link_hash)
    VALUES (@path, @hash, @size, @mtime, @version, @facts, NULL)
    ON CONFLICT(path) DO UPDATE SET hash = excluded.hash, size = excluded.size, mtime_ms = excluded.mtime_ms,
      facts_version = excluded.facts_version, facts = excluded.facts, link_hash = NULL`);
  const touch = registry.prepare('UPDATE files SET size = ?, mtime_ms = ? WHERE path = ?');
  const remove = registry.prepare('DELETE FROM files WHERE path = ?');
  // The version a file had before is often the one HEAD has: its facts stay available, by blob
  // id, for --staged and --changed-since (which would otherwise read and parse it from git).
  const keepPrevious = registry.prepare(`INSERT OR IGNORE INTO blob_facts (hash, facts_version, facts, used_at)
    SELECT hash, facts_version, facts, ? FROM files WHERE path = ? AND hash != ? AND facts_version = ?`);
  const now = Date.now();
  const write = registry.transaction(() => {
    let kept = 0;
    for (const [relative, { hash, factsJson }] of parsed) {
      if (cachedRows.has(relative)) kept += keepPrevious.run(now, relative, hash, FACTS_VERSION).changes;
      const stat = stats.get(relative);
      upsert.run({ path: relative, hash, size: stat?.size ?? 0, mtime: stat?.mtimeMs ?? 0, version: FACTS_VERSION, facts: factsJson });
    }
    for (const { path: relative } of reusable) {
      const stat = stats.get(relative);
      const cached = cachedRows.get(relative);
      if (stat !== undefined && cached !== undefined && (cached.size !== stat.size || cached.mtime_ms !== stat.mtimeMs)) {
        touch.run(stat.size, stat.mtimeMs, relative);
      }
    }
    for (const relative of cachedRows.keys()) {
      if (present.has(relative)) continue;
      kept += keepPrevious.run(now, relative, '', FACTS_VERSION).changes;
      remove.run(relative);
    }
    if (kept > 0) pruneBlobFacts(registry);
  });
  write.immediate();
}
