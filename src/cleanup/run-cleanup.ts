import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { gitBlobId } from '../indexer/parse-file.js';
import type { Analysis } from '../analyse/analyse.js';
import { withAnalysis } from '../analyse/with-analysis.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { applyDependencyCleanup, type DependencyCleanup, planDependencyCleanup } from './dependency-cleanup.js';
import { detectPackageManager } from './package-manager.js';
import { registryPath, withRegistry } from '../analyse/with-registry.js';
import { loadProject } from '../project/load-project.js';
import { applyCleanup } from './apply-cleanup.js';
import { clusterItems, findCulprits } from './bisect-clusters.js';
import { recordCleanup, undoCleanup, type UndoResult, writeState } from './cleanup-record.js';
import { type CleanupComputation, computeCleanup } from './compute-cleanup.js';
import { type CleanupItem, type CleanupScope, type KeptItem, itemKey } from './plan-cleanup.js';
import { runVerification, type VerificationStep, verificationCommands, verificationPassed } from './verify.js';
import { checkWritable } from './write-safety.js';

export interface CleanupOptions {
  root: string;
  configFile?: string;
  production: boolean;
  scope: CleanupScope;
  fix: boolean;
  /** Clean up even when verification fails before any edit. */
  force: boolean;
  allowDirty: boolean;
  noGit: boolean;
}

export interface CleanupResult {
  mode: 'dry-run' | 'fix';
  root: string;
  items: CleanupItem[];
  kept: KeptItem[];
  originals: ReadonlyMap<string, string>;
  contents: ReadonlyMap<string, string | null>;
  verification: VerificationStep[];
  cleanupId?: number;
  /** Unused dependencies: planned (dry run) or removed through the package manager (--fix). */
  dependencies?: DependencyCleanup;
  notices: string[];
  exitCode: 0 | 1;
}

/**
 * `orch-guard cleanup`: computes every removal to a fixpoint; a dry run stops there. With
 * --fix: checks the files may be written, verifies the project before, writes atomically,
 * verifies after, restores the clusters that break verification (bisection) and records the
 * cleanup for --undo.
 */
export async function runCleanup(options: CleanupOptions): Promise<CleanupResult> {
  const notices: string[] = [];
  return withAnalysis({ root: options.root, configFile: options.configFile, production: options.production, notices }, async (first, registry) => {
    const dependencyPlan = planDependencyCleanup(first.project.root, first.findings, options.scope, notices);
    const code = await cleanUpCode(first, registry);
    if (dependencyPlan.removals.length === 0 && dependencyPlan.kept.length === 0) return code;
    if (!options.fix) return { ...code, dependencies: dependencyPlan, exitCode: dependencyPlan.removals.length > 0 ? 1 as const : code.exitCode };
    const root = first.project.root;
    const commands = verificationCommands(root, first.project.loaded.config.cleanup?.verify ?? []);
    const lockfile = detectPackageManager(root)?.lockfile;
    checkWritable(root, [...new Set(dependencyPlan.removals.map((removal) => removal.manifest)), ...(lockfile !== undefined ? [lockfile] : [])], options);
    if (code.verification.length === 0 && !verificationPassed(await runVerification(root, commands))) {
      notices.push('cleanup --fix: verification fails before removing dependencies, so none was removed');
      return { ...code, dependencies: { ...dependencyPlan, removals: [], kept: [...dependencyPlan.kept, ...dependencyPlan.removals.map((removal) => ({ removal, reason: 'verification fails before any removal' }))] } };
    }
    return { ...code, dependencies: await applyDependencyCleanup(root, dependencyPlan, commands, notices) };
  });

  async function cleanUpCode(first: Analysis, registry: RegistryDatabase): Promise<CleanupResult> {
    const computation = await computeCleanup(first, registry, { production: options.production, scope: options.scope, notices });
    const base = { root: first.project.root, items: computation.items, kept: computation.kept, originals: computation.originals, contents: computation.contents, verification: [], notices };
    if (!options.fix || computation.items.length === 0) {
      return { ...base, mode: options.fix ? 'fix' as const : 'dry-run' as const, exitCode: computation.items.length > 0 ? 1 as const : 0 as const };
    }
    const root = first.project.root;
    checkWritable(root, [...computation.contents.keys()], options);
    const commands = verificationCommands(root, first.project.loaded.config.cleanup?.verify ?? []);
    const before = await runVerification(root, commands);
    if (!verificationPassed(before) && !options.force) {
      const failed = before[before.length - 1];
      throw new UsageError(`cleanup --fix: verification fails before any edit (\`${failed.command}\`); no file was changed. Fix it first, or pass --force (removals are then not verified)`);
    }
    const current = dropChangedFiles(root, computation, notices);
    let verification: VerificationStep[] = [];
    let final = current;
    writeState(root, current.originals, current.contents);
    if (verificationPassed(before)) {
      verification = await runVerification(root, commands);
      if (!verificationPassed(verification)) {
        final = await restoreCulprits(root, current, commands, notices);
        writeState(root, final.originals, final.contents);
        verification = await runVerification(root, commands);
      }
    } else {
      notices.push('cleanup --fix --force: verification failed before the cleanup, so the removals were not verified');
    }
    if (!verificationPassed(verification)) {
      writeState(root, final.originals, new Map());
      throw new UsageError('cleanup --fix: verification still fails after restoring the failing clusters; every file was restored');
    }
    const cleanupId = recordCleanup(registry, {
      originals: final.originals,
      contents: final.contents,
      items: final.items,
      summary: { items: final.items, kept: final.kept.map(({ item, reason }) => ({ item, reason })), verification },
    });
    return { ...base, mode: 'fix' as const, items: final.items, kept: final.kept, contents: final.contents, verification, cleanupId, exitCode: 0 as const };
  }
}

/** A file edited since it was read is skipped (with its items), not overwritten. */
function dropChangedFiles(root: string, computation: CleanupComputation, notices: string[]): CleanupComputation {
  const changed = [...computation.originals].filter(([file, original]) => {
    const absolute = path.join(root, file);
    return !existsSync(absolute) || gitBlobId(readFileSync(absolute)) !== gitBlobId(Buffer.from(original, 'utf8'));
  }).map(([file]) => file);
  if (changed.length === 0) return computation;
  notices.push(`cleanup --fix: skipped ${changed.join(', ')}: changed since it was analysed`);
  const skipped = new Set(changed);
  const items = computation.items.filter((item) => !skipped.has(item.file));
  const originals = new Map([...computation.originals].filter(([file]) => !skipped.has(file)));
  const applied = applyCleanup(originals, items);
  const kept = [...computation.kept, ...computation.items.filter((item) => skipped.has(item.file)).map((item) => ({ item, reason: 'the file changed after it was analysed' }))];
  return { ...computation, items, originals, contents: applied.contents, kept };
}

/** Bisects over dead clusters for the removals that break verification, and keeps those. */
async function restoreCulprits(root: string, computation: CleanupComputation, commands: string[], notices: string[]): Promise<CleanupComputation> {
  const clusters = clusterItems(computation.items);
  const { culprits } = await findCulprits(clusters, async (applied) => {
    writeState(root, computation.originals, applyCleanup(computation.originals, applied.flat()).contents);
    return verificationPassed(await runVerification(root, commands));
  });
  const culpritKeys = new Set(culprits.flat().map(itemKey));
  const items = computation.items.filter((item) => !culpritKeys.has(itemKey(item)));
  const applied = applyCleanup(computation.originals, items);
  notices.push(`cleanup --fix: ${culprits.length} cluster${culprits.length === 1 ? '' : 's'} broke verification and ${culprits.length === 1 ? 'was' : 'were'} restored`);
  return {
    ...computation,
    items,
    contents: applied.contents,
    kept: [...computation.kept, ...culprits.flat().map((item) => ({ item, reason: 'removing it breaks verification (something uses it in a way the analysis cannot see)' }))],
  };
}

/** `orch-guard cleanup --undo [<id>]`. */
export async function runUndo(options: { root: string; configFile?: string; id?: number }): Promise<UndoResult & { notices: string[]; exitCode: 0 | 1 }> {
  const notices: string[] = [];
  const project = await loadProject({ root: options.root, configFile: options.configFile, production: false, notices });
  return withRegistry(registryPath(project.root, project.loaded.config.registry), notices, async (registry) => {
    const result = undoCleanup(registry, project.root, options.id);
    return { ...result, notices, exitCode: result.refused.length > 0 ? 1 as const : 0 as const };
  });
}
