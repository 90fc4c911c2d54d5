import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../rule-engine/finding.js';
import { isSettled, nowNs, statKey } from '../files/stat-key.js';
import { FACTS_VERSION } from '../indexer/facts.js';
import { packageVersion } from '../package-version.js';
import type { Project } from '../project/load-project.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { readValidateResult, writeValidateResult } from '../registry/validate-result-cache-store.js';
import { FileLookup } from '../resolve/file-lookup.js';

/**
 * Which orch-guard made a result: its version and when this build was installed (the rules
 * that made the findings change with either, the facts version does not).
 */
function buildStamp(): string {
  return `${packageVersion()}@${statSync(fileURLToPath(import.meta.url)).mtimeMs}`;
}

/**
 * What a validate result depends on, hashed: every project file's stat key (size, mtime, ctime,
 * inode: a same-size edit with the mtime kept changes it), the config, tsconfigs and package
 * manifests, the baseline, the options and the extractor version. Undefined while a file was
 * changed too recently for its stat to vouch for its content (then nothing is reused or kept).
 * Disk lookups for files outside the project are checked separately (see lookupsUnchanged).
 */
export function resultKey(project: Project, options: unknown, baselineFile: string | undefined): string | undefined {
  const hash = createHash('sha1').update(JSON.stringify([FACTS_VERSION, buildStamp(), options, project.loaded.config, project.tsconfigs, project.packages.map((entry) => entry.pkg)]));
  if (project.loaded.file !== undefined) hash.update(readFileSync(project.loaded.file));
  if (baselineFile !== undefined) hash.update(readFileSync(baselineFile));
  const now = nowNs();
  for (const file of project.files) {
    let stats;
    try {
      stats = statSync(path.join(project.root, file), { bigint: true, throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (stats !== undefined && !isSettled(stats, now)) return undefined;
    hash.update(`${file}\0${stats === undefined ? '-' : statKey(stats)}\0`);
  }
  return hash.digest('hex');
}

/** The previous run's findings when nothing they depend on changed; undefined otherwise. */
export function cachedResult(registry: RegistryDatabase, key: string): { findings: Finding[]; notices: string[] } | undefined {
  const cached = readValidateResult(registry);
  if (cached === undefined || cached.key !== key || !FileLookup.lookupsUnchanged(cached.diskLookups)) return undefined;
  return { findings: cached.findings, notices: cached.notices };
}

export function storeResult(registry: RegistryDatabase, key: string, result: { findings: Finding[]; notices: string[]; project: Project }): void {
  writeValidateResult(registry, { key, findings: result.findings, notices: result.notices, diskLookups: result.project.lookup.diskLookups() });
}
