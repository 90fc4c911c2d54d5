import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../rule-engine/finding.js';
import { gitBlobId } from '../files/blob-id.js';
import { isSettled, nowNs, statKey } from '../files/stat-key.js';
import { FACTS_VERSION } from '../indexer/facts.js';
import { packageVersion } from '../package-version.js';
import type { Project } from '../project/load-project.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { readValidateResult, rekeyValidateResult, writeValidateResult } from '../registry/validate-result-cache-store.js';
import { FileLookup } from '../resolve/file-lookup.js';

/**
 * Which orch-guard made a result: its version and when this build was installed (the rules
 * that made the findings change with either, the facts version does not).
 */
export function buildStamp(): string {
  return `${packageVersion()}@${statSync(fileURLToPath(import.meta.url)).mtimeMs}`;
}

/** Starts a key made of content hashes (see contentKey) instead of stat keys. */
const CONTENT_KEY = 'content:';

/**
 * What a validate result depends on, hashed: every project file's stat key (size, mtime, ctime,
 * inode: a same-size edit with the mtime kept changes it), the config, tsconfigs and package
 * manifests, the baseline, the options and the extractor version. Undefined while a file was
 * changed too recently for its stat to vouch for its content (then see contentKey).
 * Disk lookups for files outside the project are checked separately (see lookupsUnchanged).
 */
export function resultKey(root: string, files: readonly string[], inputs: string): string | undefined {
  const hash = createHash('sha1').update(inputs);
  const now = nowNs();
  for (const file of files) {
    let stats;
    try {
      stats = statSync(path.join(root, file), { bigint: true, throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (stats !== undefined && !isSettled(stats, now)) return undefined;
    hash.update(`${file}\0${stats === undefined ? '-' : statKey(stats)}\0`);
  }
  return hash.digest('hex');
}

/**
 * The same dependencies with each file's content hash (git blob id) in place of its stat, for a
 * result made while some file had just changed (an edit right before the run): `hashOf` gives the
 * content the analysis read, or, at the next run, the content on disk; undefined (no key) when a
 * file has none. The next run hashes every file once to reuse the result, then keys it by stat.
 */
export function contentKey(files: readonly string[], inputs: string, hashOf: (file: string) => string | undefined): string | undefined {
  const hash = createHash('sha1').update(inputs);
  for (const file of files) {
    const content = hashOf(file);
    if (content === undefined) return undefined;
    hash.update(`${file}\0${content}\0`);
  }
  return `${CONTENT_KEY}${hash.digest('hex')}`;
}

/** The content hash of a project file on disk now; undefined when it cannot be read. */
export function hashOnDisk(root: string): (file: string) => string | undefined {
  return (file) => {
    try {
      return gitBlobId(readFileSync(path.join(root, file)));
    } catch {
      return undefined;
    }
  };
}

/** The digest of a result's inputs besides the project files: versions, options, config, tsconfigs, manifests, the baseline. */
export function inputsDigest(project: Project, options: unknown, baselineFile: string | undefined): string {
  const hash = createHash('sha1').update(JSON.stringify([FACTS_VERSION, buildStamp(), options, project.loaded.config, project.tsconfigs, project.packages.map((entry) => entry.pkg)]));
  if (project.loaded.file !== undefined) hash.update(readFileSync(project.loaded.file));
  if (baselineFile !== undefined) hash.update(readFileSync(baselineFile));
  return hash.digest('hex');
}

/**
 * The previous run's findings when nothing they depend on changed; undefined otherwise. A result
 * keyed by content is checked against the files' content now (`currentContentKey`, computed only
 * then) and, when it holds and the stats can vouch now (`key`), kept under the stat key.
 */
export function cachedResult(registry: RegistryDatabase, key: string | undefined, currentContentKey: () => string | undefined):
  { findings: Finding[]; notices: string[] } | undefined {
  const cached = readValidateResult(registry);
  if (cached === undefined || !FileLookup.lookupsUnchanged(cached.diskLookups)) return undefined;
  if (key !== undefined && cached.key === key) return { findings: cached.findings, notices: cached.notices };
  if (!cached.key.startsWith(CONTENT_KEY) || cached.key !== currentContentKey()) return undefined;
  if (key !== undefined) rekeyValidateResult(registry, key);
  return { findings: cached.findings, notices: cached.notices };
}

export function storeResult(registry: RegistryDatabase, key: string, result: { findings: Finding[]; notices: string[]; project: Project }): void {
  writeValidateResult(registry, { key, findings: result.findings, notices: result.notices, diskLookups: result.project.lookup.diskLookups() });
}
