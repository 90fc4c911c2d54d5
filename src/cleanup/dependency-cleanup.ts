import { isUtf8 } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, renameSync } from 'node:fs';
import { hidePackage } from '../files/hidden-packages.js';
import path from 'node:path';
import type { Finding } from '../rule-engine/finding.js';
import { compileGlobs } from '../files/glob.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { type CleanupJournal, commitCleanup, failCleanup, noteExternalWrites, openCleanupJournal, rollBackCleanup } from './cleanup-journal.js';
import { keepManifestFormat } from './manifest-format.js';
import { detectPackageManager, type PackageManager, removeCommand } from './package-manager.js';
import type { CleanupScope } from './plan-cleanup.js';
import { rollBackOnSignal } from './roll-back-on-signal.js';
import { runVerification, type VerificationStep, verificationPassed } from './verify.js';

/** An unused dependency cleanup would remove: the package, its workspace and manifest. */
export interface DependencyRemoval {
  name: string;
  /** Root-relative package.json. */
  manifest: string;
  workspace: string;
}

export interface DependencyCleanup {
  manager?: PackageManager;
  removals: DependencyRemoval[];
  kept: Array<{ removal: DependencyRemoval; reason: string }>;
  verification: VerificationStep[];
}

/**
 * The unused dependencies cleanup may remove: `unused-dependency` errors in scope that are not
 * baselined and not low confidence. Without a lockfile there is no package manager to ask, so
 * nothing is removed (said in a notice).
 */
export function planDependencyCleanup(root: string, findings: readonly Finding[], scope: CleanupScope, notices: string[]): DependencyCleanup {
  const inScope = compileGlobs(scope.files ?? ['**']);
  const removals = findings
    .filter((finding) => finding.rule === 'unused-dependency' && finding.severity === 'error' && finding.baselined !== true && finding.confidence !== 'low')
    .filter((finding) => (scope.rules === undefined || scope.rules.includes('unused-dependency')) && inScope(finding.file)
      && (scope.components === undefined || (finding.component !== undefined && scope.components.includes(finding.component))))
    .map((finding) => ({ name: finding.symbol ?? '', manifest: finding.file, workspace: path.posix.dirname(finding.file) === '.' ? '' : path.posix.dirname(finding.file) }));
  if (removals.length === 0) return { removals: [], kept: [], verification: [] };
  const detected = detectPackageManager(root);
  if (detected === undefined) {
    notices.push('cleanup: no lockfile (package-lock.json, pnpm-lock.yaml, yarn.lock, bun.lock) at the root, so unused dependencies are reported, not removed');
    return { removals: [], kept: removals.map((removal) => ({ removal, reason: 'no package manager detected (no lockfile)' })), verification: [] };
  }
  return { manager: detected.manager, removals, kept: [], verification: [] };
}

/**
 * Removes the planned dependencies, verified first: each package's installed directory is moved
 * aside and the verification commands run, as if it were uninstalled. Packages whose absence
 * breaks verification are put back and kept (tried one by one when the whole set fails); the
 * rest are removed through the package manager. Moving back is a rename, so nothing is lost.
 * The manifests and the lockfile are journaled like a code cleanup before anything moves: a
 * kill at any point is rolled back at the next start (and the moved packages put back), and
 * `cleanup --undo` restores them byte for byte afterwards.
 */
export async function applyDependencyCleanup(registry: RegistryDatabase, root: string, plan: DependencyCleanup, commands: readonly string[], notices: string[]): Promise<DependencyCleanup> {
  if (plan.manager === undefined || plan.removals.length === 0) return plan;
  const lockfile = detectPackageManager(root)?.lockfile;
  const files = [...new Set([...plan.removals.map((removal) => removal.manifest), ...(lockfile !== undefined ? [lockfile] : [])])];
  const journal = openCleanupJournal(registry, root, new Map(files.map((file) => [file, readFileSync(path.join(root, file), 'utf8')])));
  const stopWatching = rollBackOnSignal(journal);
  try {
    const result = await removeVerified(journal, plan, files, commands, notices);
    const contents = new Map(files.map((file) => [file, existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), 'utf8') : null]));
    const items = result.removals.map((removal) => ({ file: removal.manifest, action: 'remove-dependency' as const, name: removal.name }));
    if (items.length === 0) rollBackCleanup(journal);
    else commitCleanup(journal, { contents, items, summary: { dependencies: result.removals, kept: result.kept, verification: result.verification } });
    return result;
  } catch (error) {
    throw failCleanup(journal, error, notices);
  } finally {
    stopWatching();
    journal.lock.release();
  }
}

async function removeVerified(journal: CleanupJournal, plan: DependencyCleanup, files: readonly string[], commands: readonly string[], notices: string[]): Promise<DependencyCleanup> {
  const root = journal.root;
  const kept = [...plan.kept];
  const candidates: Array<{ removal: DependencyRemoval; installed: string }> = [];
  for (const removal of plan.removals) {
    const installed = installedDir(root, removal);
    if (installed === undefined) kept.push({ removal, reason: 'not installed, so removing it cannot be verified' });
    else candidates.push({ removal, installed });
  }
  const verifyWithout = async (hidden: typeof candidates) => {
    const moved = hidden.map(({ installed }) => hidePackage(installed));
    try {
      return await runVerification(root, commands);
    } finally {
      for (const [from, to] of moved) renameSync(to, from);
    }
  };
  let verification = await verifyWithout(candidates);
  let removable = candidates;
  if (!verificationPassed(verification)) {
    removable = [];
    for (const candidate of candidates) {
      if (verificationPassed(await verifyWithout([candidate]))) removable.push(candidate);
      else kept.push({ removal: candidate.removal, reason: 'verification fails without it (something loads it in a way the analysis cannot see)' });
    }
    verification = removable.length > 0 ? await verifyWithout(removable) : verification;
    if (!verificationPassed(verification)) {
      kept.push(...removable.map(({ removal }) => ({ removal, reason: 'verification fails without them together' })));
      return { ...plan, removals: [], kept, verification };
    }
  }
  if (removable.length === 0) return { ...plan, removals: [], kept, verification };
  noteExternalWrites(journal, files);
  const removed = runPackageManager(journal, plan.manager!, removable.map(({ removal }) => removal), notices);
  const failed = removable.filter(({ removal }) => !removed.includes(removal)).map(({ removal }) => ({ removal, reason: `${plan.manager} could not remove it` }));
  return { ...plan, removals: removed, kept: [...kept, ...failed], verification };
}

/** node_modules/<name> in the workspace or a directory above it, up to the root. */
function installedDir(root: string, removal: DependencyRemoval): string | undefined {
  for (let dir = path.join(root, removal.workspace); dir.startsWith(root); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', removal.name);
    if (existsSync(candidate) || isSymlink(candidate)) return candidate;
    if (dir === root) break;
  }
  return undefined;
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}


const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

/** The manager's package.json, with the user's formatting back when it means the same (see keepManifestFormat). */
function restoreManifestFormat(journal: CleanupJournal, manifest: string, original: Buffer, removals: readonly DependencyRemoval[], notices: string[]): void {
  const file = path.join(journal.root, manifest);
  if (!existsSync(file)) return;
  const notKept = () => notices.push(`cleanup --fix: ${manifest} is as the package manager wrote it; its original layout could not be kept`);
  if (!isUtf8(original)) return void notKept();
  const text = original.toString('utf8');
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch {
    return void notKept(); // the manager parsed it, so this is rare (JSON it accepts and we do not)
  }
  const removed = removals.flatMap((removal) => DEPENDENCY_SECTIONS
    .filter((section) => Object.hasOwn((parsed[section] ?? {}) as object, removal.name))
    .map((section) => [section, removal.name] as const));
  const managed = readFileSync(file, 'utf8');
  const kept = keepManifestFormat(text, managed, removed);
  if (kept === undefined) notKept();
  else if (kept !== managed) writeFileAtomic(file, kept, { mode: journal.originals.get(manifest)?.mode });
}

/** Per workspace, one remove command; a failed command puts that workspace's manifest and the lockfile back as they were. */
function runPackageManager(journal: CleanupJournal, manager: PackageManager, removals: readonly DependencyRemoval[], notices: string[]): DependencyRemoval[] {
  const root = journal.root;
  const removed: DependencyRemoval[] = [];
  const lockfile = detectPackageManager(root)?.lockfile;
  for (const workspace of [...new Set(removals.map((removal) => removal.workspace))]) {
    const group = removals.filter((removal) => removal.workspace === workspace);
    const saved = [group[0].manifest, ...(lockfile !== undefined ? [lockfile] : [])].map((file) => [file, readFileSync(path.join(root, file))] as const);
    const { command, args, cwd } = removeCommand(manager, workspace, group.map((removal) => removal.name));
    const result = spawnSync(command, args, { cwd: path.join(root, cwd), encoding: 'utf8', timeout: 10 * 60 * 1000 });
    if (result.status === 0) {
      removed.push(...group);
      restoreManifestFormat(journal, group[0].manifest, saved[0][1], group, notices);
      continue;
    }
    for (const [file, bytes] of saved) writeFileAtomic(path.join(root, file), bytes, { mode: journal.originals.get(file)?.mode });
    const reason = result.error?.message ?? result.stderr.trim().split('\n').pop() ?? `exit ${result.status}`;
    notices.push(`cleanup --fix: \`${command} ${args.join(' ')}\` failed (${reason}): ${group[0].manifest} and the lockfile were restored`);
  }
  return removed;
}
