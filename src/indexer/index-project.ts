import { statSync } from 'node:fs';
import path from 'node:path';
import { isSettled, nowNs, statKey } from '../files/stat-key.js';
import type { FactsCache, FileStat } from './facts-cache.js';
import { type FileFacts, FACTS_VERSION, parseCachedFacts } from './facts.js';
import type { ParseJob, ParseOutcome } from './parse-file.js';
import { parseInParallel, type ReadOutcome } from './parse-in-parallel.js';

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

type Parsed = Map<string, { hash: string; factsJson: string; facts: FileFacts; skipped: boolean }>;

/**
 * Brings the cached per-file facts up to date and returns them. The cache is keyed by content:
 * each file's bytes are hashed, and only a file whose content hash changed is parsed. The stat
 * (size, mtime, ctime, inode) spares the read only where it provably can: unchanged since a
 * scan that began well after the file was last written. Files skipped last time (too large,
 * binary, not analysable) are always looked at again, so a raised limit takes effect and
 * their notice stays until they are analysed. Removed files leave the cache.
 */
export async function indexProject(options: IndexOptions): Promise<IndexResult> {
  const { cache, root } = options;
  const scanStart = nowNs();
  const cachedRows = cache.fileRows();
  const reusable: Array<{ path: string; hash: string }> = [];
  const jobs: ParseJob[] = [];
  const stats = new Map<string, FileStat>();
  for (const relative of options.files) {
    const absolutePath = path.join(root, relative);
    const stat = statFile(absolutePath, relative, options.notices, scanStart);
    if (stat === undefined) continue;
    stats.set(relative, stat);
    const cached = options.useCache ? cachedRows.get(relative) : undefined;
    const factsCurrent = cached !== undefined && cached.factsVersion === FACTS_VERSION && !cached.skipped;
    if (factsCurrent && cached.statKey !== null && cached.statKey === stat.statKey) {
      reusable.push({ path: relative, hash: cached.hash });
      continue;
    }
    jobs.push({ path: relative, absolutePath, size: stat.size, ...(factsCurrent ? { cachedHash: cached.hash } : {}), maxFileSize: options.maxFileSize });
  }

  const parsed: Parsed = new Map();
  collect(await parseInParallel(jobs, options.onProgress), parsed, reusable, options.notices);
  const cachedFacts = cache.factsOfFiles(reusable.map((entry) => entry.path));
  const files: IndexedFile[] = [];
  const damaged: ParseJob[] = [];
  for (const { path: relative, hash } of reusable) {
    const facts = parseCachedFacts(cachedFacts.get(relative));
    if (facts !== undefined) files.push({ path: relative, hash, facts });
    else damaged.push({ path: relative, absolutePath: path.join(root, relative), size: stats.get(relative)?.size ?? 0, maxFileSize: options.maxFileSize });
  }
  if (damaged.length > 0) {
    // A damaged row is parsed again and rewritten instead of failing every run.
    options.notices.push(`registry: the cached facts of ${damaged.length} file${damaged.length === 1 ? ' were' : 's were'} damaged; parsed again`);
    collect(await parseInParallel(damaged), parsed, [], options.notices);
  }
  for (const [relative, { hash, facts }] of parsed) files.push({ path: relative, hash, facts });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  // Reused files whose stat key changed (a touch, a checkout, a file that has now settled) get the new one.
  const restatted = new Map<string, FileStat>();
  for (const { path: relative } of reusable) {
    const stat = stats.get(relative);
    const cached = cachedRows.get(relative);
    if (stat !== undefined && cached !== undefined && !parsed.has(relative) && cached.statKey !== stat.trustedKey) restatted.set(relative, stat);
  }
  cache.saveFiles({ parsed, restatted, stats, present: new Set(files.map((file) => file.path)) });
  return { files, parsedPaths: new Set(parsed.keys()) };
}

function collect(outcomes: readonly ReadOutcome[], parsed: Parsed, reusable: Array<{ path: string; hash: string }>, notices: string[]): void {
  for (const outcome of outcomes) {
    if (outcome.status === 'parsed') parsed.set(outcome.path, { hash: outcome.hash, factsJson: outcome.factsJson, facts: outcome.facts, skipped: outcome.skipped === true });
    else if (outcome.status === 'unchanged') reusable.push({ path: outcome.path, hash: outcome.hash });
    if (outcome.status !== 'unchanged' && outcome.notice !== undefined) notices.push(outcome.notice);
  }
}

/** The stat of a project file, or undefined (with a notice when it cannot be read) to skip it. */
function statFile(absolutePath: string, relative: string, notices: string[], scanStart: bigint): FileStat | undefined {
  let stat;
  try {
    stat = statSync(absolutePath, { bigint: true, throwIfNoEntry: false });
  } catch (error) {
    // A symlink loop (ELOOP), a path component that is a file (ENOTDIR), no permission.
    notices.push(`${relative}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}), skipped`);
    return undefined;
  }
  if (stat === undefined || !stat.isFile()) return undefined;
  const key = statKey(stat);
  return { size: Number(stat.size), mtimeMs: Number(stat.mtimeMs), statKey: key, trustedKey: isSettled(stat, scanStart) ? key : null };
}
