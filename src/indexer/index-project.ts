import { statSync } from 'node:fs';
import path from 'node:path';
import type { FactsCache } from './facts-cache.js';
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
  cache: FactsCache;
  useCache: boolean;
  maxFileSize: number;
  notices: string[];
  onProgress?: (done: number, total: number) => void;
}

/**
 * Brings the cached per-file facts up to date and returns them. A file whose size and mtime
 * match the cache is not read; one whose content hash matches is not parsed; the rest are
 * parsed in parallel. Removed files leave the cache.
 */
export async function indexProject(options: IndexOptions): Promise<IndexResult> {
  const { cache, root } = options;
  const cachedRows = cache.fileRows();
  const reusable: Array<{ path: string; hash: string }> = [];
  const jobs: ParseJob[] = [];
  const stats = new Map<string, { size: number; mtimeMs: number }>();
  for (const relative of options.files) {
    const absolutePath = path.join(root, relative);
    const stat = statSync(absolutePath, { throwIfNoEntry: false });
    if (stat === undefined || !stat.isFile()) continue;
    stats.set(relative, { size: stat.size, mtimeMs: stat.mtimeMs });
    const cached = options.useCache ? cachedRows.get(relative) : undefined;
    const factsCurrent = cached !== undefined && cached.factsVersion === FACTS_VERSION;
    if (factsCurrent && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) {
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

  const cachedFacts = cache.factsOfFiles(reusable.map((entry) => entry.path));
  const files: IndexedFile[] = [];
  for (const { path: relative, hash } of reusable) {
    const json = cachedFacts.get(relative);
    if (json !== undefined) files.push({ path: relative, hash, facts: JSON.parse(json) as FileFacts });
  }
  for (const [relative, { hash, factsJson }] of parsed) files.push({ path: relative, hash, facts: JSON.parse(factsJson) as FileFacts });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  // Reused files whose stat changed (a touch, a checkout) get the new stat, so the next run skips reading them.
  const restatted = new Map<string, { size: number; mtimeMs: number }>();
  for (const { path: relative } of reusable) {
    const stat = stats.get(relative);
    const cached = cachedRows.get(relative);
    if (stat !== undefined && cached !== undefined && (cached.size !== stat.size || cached.mtimeMs !== stat.mtimeMs)) restatted.set(relative, stat);
  }
  cache.saveFiles({ parsed, restatted, stats, present: new Set(files.map((file) => file.path)) });
  return { files, parsedPaths: new Set(parsed.keys()) };
}
