import { findBaseline } from '../baseline/baseline-file.js';
import { type Finding, isFailing } from '../rule-engine/finding.js';
import { registryPath, withRegistry } from '../analyse/with-registry.js';
import { registryFileOf } from '../registry/registry-file.js';
import { startParsingAhead, stopParsingAhead } from '../analyse/parse-ahead.js';
import { existsSync } from 'node:fs';
import { finishValidateRun, startValidateRun } from '../registry/validate-run-store.js';
import { IN_MEMORY_REGISTRY } from '../registry/open-registry.js';
import { selectChangeScope } from './change-scope.js';
import { cachedResult, contentKey, hashOnDisk, inputsDigest, resultKey, storeResult } from './result-cache.js';
import { indexedFileHashes } from '../registry/facts-store.js';
import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { type DiskRead, recordDiskReads } from '../files/disk-read-journal.js';
import { isDirectory } from '../files/fs-checks.js';
import type { Project } from '../project/load-project.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { writeValidateStamp } from '../registry/validate-result-cache-store.js';
import type { ChangeScope } from './change-scope.js';
import { unchangedResult, validateGivenKey } from './unchanged-project.js';

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
  try {
    return await analyseOrReuse(options);
  } finally {
    // Workers started ahead that no parse took (the run failed, or reused a result) stop here.
    stopParsingAhead();
  }
}

async function analyseOrReuse(options: ValidateOptions): Promise<ValidateResult> {
  const notices: string[] = [];
  const scope = selectChangeScope(options.root, options);
  // A warm run with nothing changed reuses the last result (the common case for hooks and editors).
  const cacheable = scope === undefined && options.useCache;
  const root = path.resolve(options.root);
  if (!cacheable || !isDirectory(root)) {
    const { loadRecoveredProject } = await import('../analyse/load-recovered-project.js');
    const project = await loadRecoveredProject({ ...options, notices, ...(scope !== undefined ? { source: scope.head } : {}) });
    // Without the cache every file is parsed.
    if (scope === undefined && !options.useCache) startParsingAhead(project.root, project.files);
    return validateLoaded(options, notices, scope, project);
  }
  const loaded = await loadConfig(root, options.configFile);
  // No registry yet: every file will be parsed.
  const parsesEverything = !existsSync(registryFileOf(root, loaded.config.registry));
  return withRegistry(registryPath(root, loaded.config.registry), notices, async (registry) => {
    // The registry is open: a cleanup a kill interrupted is rolled back before anything is read.
    const unchanged = unchangedResult(root, loaded, options, registry);
    if (unchanged !== undefined) {
      notices.push(...unchanged.notices);
      const runId = startValidateRun(registry, 'validate', { production: options.production, includeEntryExports: options.includeEntryExports ?? loaded.config.includeEntryExports ?? false, staged: options.staged, changedSince: options.changedSince });
      const exitCode = unchanged.findings.some(isFailing) ? 1 : 0;
      finishValidateRun(registry, runId, { fileCount: unchanged.fileCount, parsedCount: 0, exitCode, findings: unchanged.findings });
      return { root, findings: unchanged.findings, notices, fileCount: unchanged.fileCount, parsedCount: 0, exitCode };
    }
    // Loaded only when the project must be: an unchanged one needs none of its modules.
    const { loadProject } = await import('../project/load-project.js');
    const noticesFrom = notices.length;
    const loading = await recordDiskReads(() => loadProject({ ...options, notices, loaded }));
    if (parsesEverything) startParsingAhead(loading.value.root, loading.value.files);
    const stamping = { registry, key: validateGivenKey(root, loaded, options, registry), reads: loading.reads, notices: notices.slice(noticesFrom) };
    return validateLoaded(options, notices, undefined, loading.value, stamping);
  }, { deferCheckpoint: true });
}

/** What keyed a stored result, for its project stamp: the reads of keying it join the project's. */
interface KeyedBy {
  reads: DiskRead[] | undefined;
  files: string[];
  inputs: string;
  repeatable: boolean;
}

/** The open registry, and what loading the project was given, read and said (see validateGivenKey). */
interface Stamping {
  registry: RegistryDatabase;
  key: string;
  reads: DiskRead[] | undefined;
  notices: string[];
}

/** Stamps the stored result with what loading the project and keying the result read, when all of it can be asked again. */
function stampResult(stamping: Stamping | undefined, keyedBy: KeyedBy): void {
  if (stamping?.reads === undefined || keyedBy.reads === undefined || !keyedBy.repeatable) return;
  writeValidateStamp(stamping.registry, { key: stamping.key, reads: [...stamping.reads, ...keyedBy.reads], notices: stamping.notices, files: keyedBy.files, inputs: keyedBy.inputs });
}

async function validateLoaded(options: ValidateOptions, notices: string[], scope: ChangeScope | undefined, project: Project, stamping?: Stamping): Promise<ValidateResult> {
  const { config } = project.loaded;
  const includeEntryExports = options.includeEntryExports ?? config.includeEntryExports ?? false;
  const baseline = findBaseline(project.root, options.baseline);
  const work = async (registry: RegistryDatabase): Promise<ValidateResult> => {
    const runId = startValidateRun(registry, 'validate', { production: options.production, includeEntryExports, staged: options.staged, changedSince: options.changedSince });
    const cacheable = scope === undefined && options.useCache;
    // Keying reads the files knip read (its answer's freshness): journaled with the project's reads.
    const { toolEntriesStampOf } = await import('../knip/with-tool-entries.js');
    const keying = cacheable ? await recordDiskReads(async () => {
      const toolStamp = toolEntriesStampOf(project, registry);
      const keyOptions = [options.production, includeEntryExports, options.entryGlobs, options.projectGlobs, [...project.entries], project.entryGaps, toolStamp];
      // A stale knip answer makes a key no later run can match (see toolEntriesStamp).
      return { inputs: inputsDigest(project, keyOptions, baseline?.file), repeatable: !toolStamp.startsWith('stale ') };
    }) : undefined;
    const inputs = keying?.value.inputs ?? '';
    const keyedBy = keying !== undefined ? { reads: keying.reads, files: project.files, inputs, repeatable: keying.value.repeatable } : undefined;
    const key = cacheable ? resultKey(project.root, project.files, inputs) : undefined;
    const reused = cacheable ? cachedResult(registry, key, () => contentKey(project.files, inputs, hashOnDisk(project.root))) : undefined;
    if (reused !== undefined) {
      if (keyedBy !== undefined) stampResult(stamping, keyedBy);
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
      const storeKey = key ?? contentKey(project.files, inputs, (file) => hashes?.get(file));
      if (storeKey !== undefined) {
        storeResult(registry, storeKey, { findings: analysis.findings, notices: projectNotices, project });
        if (keyedBy !== undefined) stampResult(stamping, keyedBy);
      }
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
  };
  if (stamping !== undefined) return work(stamping.registry);
  return withRegistry(options.useCache ? registryPath(project.root, config.registry) : IN_MEMORY_REGISTRY, notices, work, { deferCheckpoint: true });
}
