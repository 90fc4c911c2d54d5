/**
 * Where the indexer keeps facts between runs: the registry implements this (see
 * src/registry/facts-store.ts), so the indexer knows what it caches but not how it is stored.
 * Facts travel as JSON strings: parsed once, when a run needs them.
 */
export interface FactsCache {
  /** The working-tree files the cache holds, by root-relative path. */
  fileRows(): Map<string, CachedFile>;
  /** The facts (JSON) of these working-tree files. */
  factsOfFiles(paths: readonly string[]): Map<string, string>;
  /** Records an index of the working tree: new facts, new stats, and files that are gone. */
  saveFiles(update: FilesUpdate): void;
  /** Facts (JSON) of content by git blob id, from the working-tree files or kept blobs. */
  factsOfBlobs(ids: Iterable<string>): Map<string, string>;
  /** Keeps facts of content that is not in the working tree (a snapshot), by blob id (not of skipped files). */
  saveBlobFacts(entries: ReadonlyArray<{ hash: string; factsJson: string }>): void;
}

export interface CachedFile {
  path: string;
  hash: string;
  /** The stat that vouches for `hash` (see FileStat.trustedKey); null: the file must be read. */
  statKey: string | null;
  factsVersion: number;
  /** Facts of a file that was not analysed (too large, binary): never reused. */
  skipped: boolean;
}

/** A file's stat in this run. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  /** size, mtime, ctime and inode (see src/files/stat-key.ts). */
  statKey: string;
  /** The same when the file had settled before the scan began, so it may vouch for the content next time; else null. */
  trustedKey: string | null;
}

export interface FilesUpdate {
  /** Files parsed in this run: their content hash and facts (skipped: not analysed). */
  parsed: ReadonlyMap<string, { hash: string; factsJson: string; skipped: boolean }>;
  /** Files whose facts were reused, with their current stat. */
  restatted: ReadonlyMap<string, FileStat>;
  /** Stats of the parsed files. */
  stats: ReadonlyMap<string, FileStat>;
  /** Every file the project has now; cached files not among them leave the cache. */
  present: ReadonlySet<string>;
}
