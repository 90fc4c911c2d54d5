import { createHash } from 'node:crypto';
import { FACTS_VERSION } from '../indexer/facts.js';
import { analyse } from '../analyse/analyse.js';
import { loadProject, type Project } from '../project/load-project.js';
import { readBaseFindings, writeBaseFindings } from '../registry/base-findings-store.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import type { ChangeScope } from './change-scope.js';

type BaseOptions = { root: string; configFile?: string; entryGlobs?: string[]; projectGlobs?: string[]; production: boolean; includeEntryExports: boolean };

/** The key of a version's findings: its content and everything else that decides them. */
function findingsKey(contentKey: string, head: Project, options: BaseOptions): string {
  return createHash('sha1').update(JSON.stringify([
    contentKey, FACTS_VERSION, options.production, options.includeEntryExports, options.entryGlobs, options.projectGlobs,
    head.loaded.config, head.tsconfigs, head.packages.map((entry) => [entry.dir, entry.pkg]),
  ])).digest('hex');
}

/**
 * Fingerprints of the base version's findings. They are kept in the registry per base content
 * and setup, so a second commit on the same HEAD (the pre-commit hook) analyses the base once,
 * and a commit after one the hook checked finds its base already there (see rememberHeadFingerprints).
 */
export async function baseFingerprints(scope: ChangeScope, head: Project, registry: RegistryDatabase, options: BaseOptions): Promise<Set<string>> {
  const key = findingsKey(scope.baseKey, head, options);
  const cached = readBaseFindings(registry, key);
  if (cached !== undefined) return new Set(cached);

  const base = await loadProject({ ...options, source: scope.base, notices: [] });
  const analysis = await analyse(base, registry, { production: options.production, includeEntryExports: options.includeEntryExports, useCache: true, notices: [] });
  const fingerprints = analysis.findings.map((finding) => finding.fingerprint);
  writeBaseFindings(registry, key, fingerprints);
  return new Set(fingerprints);
}

/** The staged version's findings, kept as the base of the next commit: once committed, the index is HEAD. */
export function rememberHeadFingerprints(scope: ChangeScope, head: Project, registry: RegistryDatabase, options: BaseOptions, fingerprints: readonly string[]): void {
  if (scope.headKey !== undefined) writeBaseFindings(registry, findingsKey(scope.headKey, head, options), fingerprints);
}
