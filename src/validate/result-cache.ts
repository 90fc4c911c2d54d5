import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../rule-engine/finding.js';
import { FACTS_VERSION } from '../indexer/facts.js';
import type { Project } from '../project/load-project.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { readValidateResult, writeValidateResult } from '../registry/validate-result-cache-store.js';
import { FileLookup } from '../resolve/file-lookup.js';


/**
 * What a validate result depends on, hashed: every project file's size and mtime, the
 * config, tsconfigs and package manifests, the baseline, the options and the extractor version.
 * Disk lookups for files outside the project are checked separately (see lookupsUnchanged).
 */
export function resultKey(project: Project, options: unknown, baselineFile: string | undefined): string {
  const hash = createHash('sha1').update(JSON.stringify([FACTS_VERSION, options, project.loaded.config, project.tsconfigs, project.packages.map((entry) => entry.pkg)]));
  if (project.loaded.file !== undefined) hash.update(readFileSync(project.loaded.file));
  if (baselineFile !== undefined) hash.update(readFileSync(baselineFile));
  for (const file of project.files) {
    const stats = statSync(path.join(project.root, file), { throwIfNoEntry: false });
    hash.update(`${file}\0${stats?.size}\0${stats?.mtimeMs}\0`);
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
