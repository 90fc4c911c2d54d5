import { UsageError } from '../errors.js';
import type { Analysis } from '../analyse/analyse.js';
import { loadRecoveredProject } from '../analyse/load-recovered-project.js';
import { withAnalysis } from '../analyse/with-analysis.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { applyDependencyCleanup, type DependencyCleanup, planDependencyCleanup } from './dependency-cleanup.js';
import { detectPackageManager } from './package-manager.js';
import { registryPath, withRegistry } from '../analyse/with-registry.js';
import { checkDeletionScale } from './deletion-scale.js';
import { computeCleanup } from './compute-cleanup.js';
import { fixCleanup } from './fix-cleanup.js';
import type { CleanupItem, CleanupScope, KeptItem } from './plan-cleanup.js';
import { undoCleanup, type UndoResult } from './undo-cleanup.js';
import { ownerNotice } from '../registry/roll-back-cleanups.js';
import { runVerification, type VerificationStep, verificationCommands, verificationPassed } from './verify.js';
import { checkWritable } from './write-safety.js';

export interface CleanupOptions {
  root: string;
  configFile?: string;
  production: boolean;
  scope: CleanupScope;
  fix: boolean;
  /** Clean up even when verification fails before any edit, or when it deletes most of the project. */
  force: boolean;
  /** Clean up even when nothing can verify the result (no tsconfig.json, no cleanup.verify). */
  unverified?: boolean;
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
  /** Whether verification checked the result (false for a dry run, --unverified or --force). */
  verified: boolean;
  cleanupId?: number;
  /** Unused dependencies: planned (dry run) or removed through the package manager (--fix). */
  dependencies?: DependencyCleanup;
  notices: string[];
  exitCode: 0 | 1;
}

/**
 * `orch-guard cleanup`: computes every removal to a fixpoint; a dry run stops there. With
 * --fix: checks the files may be written and that the cleanup is not suspiciously large,
 * verifies the project before, then applies it under a journal (see fixCleanup).
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
    return { ...code, dependencies: await applyDependencyCleanup(registry, root, dependencyPlan, commands, notices) };
  });

  async function cleanUpCode(first: Analysis, registry: RegistryDatabase): Promise<CleanupResult> {
    const computation = await computeCleanup(first, registry, { production: options.production, scope: options.scope, notices });
    const base = { root: first.project.root, items: computation.items, kept: computation.kept, originals: computation.originals, contents: computation.contents, verification: [], verified: false, notices };
    if (!options.fix || computation.items.length === 0) {
      return { ...base, mode: options.fix ? 'fix' as const : 'dry-run' as const, exitCode: computation.items.length > 0 ? 1 as const : 0 as const };
    }
    const root = first.project.root;
    checkWritable(root, [...computation.contents.keys()], options);
    if (!options.force) checkDeletionScale(first, computation.items);
    const commands = verificationCommands(root, first.project.loaded.config.cleanup?.verify ?? []);
    if (commands.length === 0 && options.unverified !== true) {
      throw new UsageError('cleanup --fix: nothing would verify the result (no tsconfig.json to type-check, no `cleanup.verify` commands); no file was changed. Add `cleanup.verify` (your test command) to the config, or pass --unverified');
    }
    const before = await runVerification(root, commands);
    if (!verificationPassed(before) && !options.force) {
      const failed = before[before.length - 1];
      throw new UsageError(`cleanup --fix: verification fails before any edit (\`${failed.command}\`); no file was changed. Fix it first, or pass --force (removals are then not verified)`);
    }
    const verify = commands.length > 0 && verificationPassed(before);
    if (commands.length > 0 && !verify) notices.push('cleanup --fix --force: verification failed before the cleanup, so the removals were not verified');
    const fixed = await fixCleanup(registry, root, computation, { commands, verify, notices });
    const { final } = fixed;
    return { ...base, mode: 'fix' as const, items: final.items, kept: final.kept, contents: final.contents, verification: fixed.verification, verified: verify, cleanupId: fixed.cleanupId, exitCode: 0 as const };
  }
}

/** `orch-guard cleanup --undo [<id>]`. */
export async function runUndo(options: { root: string; configFile?: string; id?: number }): Promise<UndoResult & { notices: string[]; exitCode: 0 | 1 }> {
  const notices: string[] = [];
  const project = await loadRecoveredProject({ root: options.root, configFile: options.configFile, production: false, notices });
  return withRegistry(registryPath(project.root, project.loaded.config.registry), notices, async (registry) => {
    let result: UndoResult;
    try {
      result = undoCleanup(registry, project.root, options.id);
    } catch (error) {
      // "No cleanup to undo" after the registry was found damaged and rebuilt: say both.
      if (error instanceof UsageError && notices.length > 0) throw new UsageError(`${error.message} (${notices.join('; ')})`);
      throw error;
    }
    if (result.refused.length > 0) notices.push(`cleanup --undo: the files not restored keep their content before the cleanup in the registry; once they hold what the cleanup left again, \`orch-guard cleanup --undo ${result.cleanupId}\` restores them`);
    if (result.ownerNotKept.length > 0) notices.push(ownerNotice('cleanup --undo', result.ownerNotKept));
    // package.json and the lockfile are back; the packages themselves are not yet.
    const manager = detectPackageManager(project.root);
    if (manager !== undefined && result.restored.includes(manager.lockfile)) notices.push(`cleanup --undo: package.json and ${manager.lockfile} are restored; run \`${manager.manager} install\` to install the packages again`);
    return { ...result, notices, exitCode: result.refused.length > 0 ? 1 as const : 0 as const };
  });
}
