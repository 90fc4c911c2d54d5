import { findBaseline } from '../baseline/baseline-file.js';
import { type Finding, isFailing } from '../rule-engine/finding.js';
import { registryPath, withRegistry } from '../analyse/with-registry.js';
import { loadRecoveredProject } from '../analyse/load-recovered-project.js';
import { finishValidateRun, startValidateRun } from '../registry/validate-run-store.js';
import { toolEntriesStampOf } from '../knip/with-tool-entries.js';
import { IN_MEMORY_REGISTRY } from '../registry/open-registry.js';
import { selectChangeScope } from './change-scope.js';
import { cachedResult, contentKey, hashOnDisk, resultKey, storeResult } from './result-cache.js';
import { indexedFileHashes } from '../registry/facts-store.js';

export interface ValidateOptions {
  root: string;
  configFile?: string;
  entryGlobs?: string[];
  projectGlobs?: string[];
  production: boolean;
  includeEntryExports?: boolean;
  useCache: boolean;
  /** Only findings the staged changes introduce fail the run. */
  staged?: boolean;
  /** Only findings introduced since this git ref fail the run. */
  changedSince?: string;
  /** A baseline file, or false for none; by default orch-guard-baseline.json when present. */
  baseline?: string | false;
  onProgress?: (done: number, total: number) => void;
}

export interface ValidateResult {
  root: string;
  findings: Finding[];
  notices: string[];
  fileCount: number;
  parsedCount: number;
  /** Set when only changes are judged: which ones. */
  scope?: 'staged' | 'changed-since';
  exitCode: 0 | 1;
}

/**
 * `orch-guard validate`: analyse the project (or, with --staged / --changed-since, the
 * changed version against its base, marking what the change introduced), apply the
 * baseline, record the run, and judge it.
 */
export async function validateProject(options: ValidateOptions): Promise<ValidateResult> {
  const notices: string[] = [];
  const scope = selectChangeScope(options.root, options);
  const project = await loadRecoveredProject({ ...options, notices, ...(scope !== undefined ? { source: scope.head } : {}) });
  const { config } = project.loaded;
  const includeEntryExports = options.includeEntryExports ?? config.includeEntryExports ?? false;
  const baseline = findBaseline(project.root, options.baseline);
  return withRegistry(options.useCache ? registryPath(project.root, config.registry) : IN_MEMORY_REGISTRY, notices, async (registry) => {
    const runId = startValidateRun(registry, 'validate', { production: options.production, includeEntryExports, staged: options.staged, changedSince: options.changedSince });
    // A warm run with nothing changed reuses the last result (the common case for hooks and editors).
    const cacheable = scope === undefined && options.useCache;
    const keyOptions = cacheable ? [options.production, includeEntryExports, options.entryGlobs, options.projectGlobs, [...project.entries], project.entryGaps,
      toolEntriesStampOf(project, registry)] : undefined;
    const key = cacheable ? resultKey(project, keyOptions, baseline?.file) : undefined;
    const reused = cacheable ? cachedResult(registry, key, () => contentKey(project, keyOptions, baseline?.file, hashOnDisk(project.root))) : undefined;
    if (reused !== undefined) {
      notices.push(...reused.notices);
      const exitCode = reused.findings.some(isFailing) ? 1 : 0;
      finishValidateRun(registry, runId, { fileCount: project.files.length, parsedCount: 0, exitCode, findings: reused.findings });
      return { root: project.root, findings: reused.findings, notices, fileCount: project.files.length, parsedCount: 0, exitCode };
    }
    const noticesBefore = notices.length;
    // Loaded only when there is work to do: a cached run never needs the analysis modules.
    const [{ analyse }, { storeSymbolGraph }, { baseFingerprints, rememberHeadFingerprints }] = await Promise.all([
      import('../analyse/analyse.js'), import('../registry/graph-store.js'), import('./base-findings.js'),
    ]);
    const analysis = await analyse(project, registry, {
      production: options.production,
      includeEntryExports,
      useCache: options.useCache,
      notices,
      ...(baseline !== undefined ? { baseline } : {}),
      onProgress: options.onProgress,
    });
    if (scope !== undefined) {
      const before = await baseFingerprints(scope, project, registry, { ...options, includeEntryExports });
      for (const finding of analysis.findings) finding.introduced = !before.has(finding.fingerprint);
      rememberHeadFingerprints(scope, project, registry, { ...options, includeEntryExports }, analysis.findings.map((finding) => finding.fingerprint));
    }
    if (project.source.kind === 'working-tree') storeSymbolGraph(registry, analysis.context.graph);
    // Notices about the project are replayed with a reused result; those about this run's
    // registry (rebuilt, repaired) happened once.
    const projectNotices = notices.slice(noticesBefore).filter((notice) => !notice.startsWith('registry'));
    if (cacheable) {
      // A file changed just before the run: its stat cannot vouch yet, the content the indexer read can.
      const hashes = key === undefined ? indexedFileHashes(registry) : undefined;
      const storeKey = key ?? contentKey(project, keyOptions, baseline?.file, (file) => hashes?.get(file));
      if (storeKey !== undefined) storeResult(registry, storeKey, { findings: analysis.findings, notices: projectNotices, project });
    }
    const exitCode = analysis.findings.some(isFailing) ? 1 : 0;
    finishValidateRun(registry, runId, { fileCount: project.files.length, parsedCount: analysis.parsedCount, exitCode, findings: analysis.findings });
    return {
      root: project.root,
      findings: analysis.findings,
      notices,
      fileCount: project.files.length,
      parsedCount: analysis.parsedCount,
      ...(scope !== undefined ? { scope: scope.option === '--staged' ? 'staged' as const : 'changed-since' as const } : {}),
      exitCode,
    };
  });
}
