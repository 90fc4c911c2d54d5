import { createHash } from 'node:crypto';
import { FACTS_VERSION } from '../indexer/facts.js';
import { analyse } from '../analyse/analyse.js';
import { loadProject, type Project } from '../project/load-project.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import type { ChangeScope } from './change-scope.js';

const KEPT_BASES = 20;

type BaseOptions = { root: string; configFile?: string; entryGlobs?: string[]; projectGlobs?: string[]; production: boolean; includeEntryExports: boolean };

/** The meta key of a version's findings: its content and everything else that decides them. */
function findingsKey(contentKey: string, head: Project, options: BaseOptions): string {
  return `base-findings:${createHash('sha1').update(JSON.stringify([
    contentKey, FACTS_VERSION, options.production, options.includeEntryExports, options.entryGlobs, options.projectGlobs,
    head.loaded.config, head.tsconfigs, head.packages.map((entry) => [entry.dir, entry.pkg]),
  ])).digest('hex')}`;
}

/**
 * Fingerprints of the base version's findings. They are kept in the registry per base content
 * and setup, so a second commit on the same HEAD (the pre-commit hook) analyses the base once,
 * and a commit after one the hook checked finds its base already there (see rememberHeadFingerprints).
 */
export async function baseFingerprints(scope: ChangeScope, head: Project, registry: RegistryDatabase, options: BaseOptions): Promise<Set<string>> {
  const key = findingsKey(scope.baseKey, head, options);
  const cached = registry.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (cached !== undefined) return new Set((JSON.parse(cached.value) as { fingerprints: string[] }).fingerprints);

  const base = await loadProject({ ...options, source: scope.base, notices: [] });
  const analysis = await analyse(base, registry, { production: options.production, includeEntryExports: options.includeEntryExports, useCache: true, notices: [] });
  const fingerprints = analysis.findings.map((finding) => finding.fingerprint);
  storeFingerprints(registry, key, fingerprints);
  return new Set(fingerprints);
}

/** The staged version's findings, kept as the base of the next commit: once committed, the index is HEAD. */
export function rememberHeadFingerprints(scope: ChangeScope, head: Project, registry: RegistryDatabase, options: BaseOptions, fingerprints: readonly string[]): void {
  if (scope.headKey !== undefined) storeFingerprints(registry, findingsKey(scope.headKey, head, options), fingerprints);
}

function storeFingerprints(registry: RegistryDatabase, key: string, fingerprints: readonly string[]): void {
  registry.transaction(() => {
    registry.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, JSON.stringify({ at: Date.now(), fingerprints }));
    const stale = registry.prepare("SELECT key FROM meta WHERE key LIKE 'base-findings:%' ORDER BY json_extract(value, '$.at') DESC LIMIT -1 OFFSET ?").all(KEPT_BASES) as Array<{ key: string }>;
    for (const row of stale) registry.prepare('DELETE FROM meta WHERE key = ?').run(row.key);
  }).immediate();
}
