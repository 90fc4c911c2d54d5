import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../rule-engine/finding.js';
import { analyse, type Analysis } from '../analyse/analyse.js';
import { loadProject, type Project } from '../project/load-project.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { applyCleanup } from './apply-cleanup.js';
import { type CleanupItem, type CleanupScope, itemKey, type KeptItem, planCleanup } from './plan-cleanup.js';
import { symlinkedRemovals } from './symlinked-files.js';

/** Rounds of remove → re-analyse before giving up on reaching a fixpoint. */
const MAX_ROUNDS = 8;

export interface CleanupComputation {
  items: CleanupItem[];
  kept: KeptItem[];
  /** New contents (null: deleted) of every file the cleanup changes. */
  contents: Map<string, string | null>;
  /** Contents before, of every file the cleanup changes. */
  originals: Map<string, string>;
  rounds: number;
}

export interface ComputeOptions {
  production: boolean;
  scope: CleanupScope;
  notices: string[];
}

/**
 * Everything to remove, in one step: the first analysis's removable findings, then, on the
 * edited files held in memory, whatever those removals made dead or broke (re-exports of
 * removed names), until a further analysis finds nothing new. Nothing is written.
 */
export async function computeCleanup(first: Analysis, registry: RegistryDatabase, options: ComputeOptions): Promise<CleanupComputation> {
  const { project } = first;
  const before = new Set(first.findings.map((finding) => finding.fingerprint));
  // The overlay analyses have no baseline: what the first one accepted stays accepted.
  const baselined = new Set(first.findings.filter((finding) => finding.baselined === true).map((finding) => finding.fingerprint));
  const plan = planCleanup(first.context, first.findings, options.scope);
  const kept = [...plan.kept, ...symlinkedRemovals(project.root, [...project.files, ...(project.symlinks?.keys() ?? [])], plan.items)];
  const symlinked = new Set(kept.map((entry) => itemKey(entry.item)));
  const items = plan.items.filter((item) => !symlinked.has(itemKey(item)));
  const originals = new Map<string, string>();
  const readOriginals = (list: readonly CleanupItem[]) => {
    for (const item of list) {
      if (!originals.has(item.file)) originals.set(item.file, readFileSync(path.join(project.root, item.file), 'utf8'));
    }
  };
  let rounds = 1;
  for (; rounds < MAX_ROUNDS && items.length > 0; rounds += 1) {
    readOriginals(items);
    const applied = applyCleanup(originals, items);
    const next = await analyseOverlay(project, registry, applied.contents, options);
    const known = new Set([...items, ...kept.map((entry) => entry.item)].map(itemKey));
    const followUp = planCleanup(next.context, next.findings.filter((finding) => !baselined.has(finding.fingerprint)), options.scope);
    const candidates = [...followUp.items, ...brokenReexports(next, before, items)].filter((item) => !known.has(itemKey(item)));
    const keptForLinks = symlinkedRemovals(project.root, [...project.files, ...(project.symlinks?.keys() ?? [])], candidates);
    kept.push(...keptForLinks);
    const fresh = candidates.filter((item) => !keptForLinks.some((entry) => itemKey(entry.item) === itemKey(item)));
    kept.push(...followUp.kept.filter((entry) => !known.has(itemKey(entry.item))));
    if (fresh.length === 0) break;
    items.push(...fresh);
  }
  if (rounds === MAX_ROUNDS) options.notices.push(`cleanup: stopped after ${MAX_ROUNDS} rounds of removal; run it again to continue`);
  readOriginals(items);
  const applied = applyCleanup(originals, items);
  kept.push(...applied.kept);
  const keptKeys = new Set(applied.kept.map((entry) => itemKey(entry.item)));
  return { items: items.filter((item) => !keptKeys.has(itemKey(item))), kept, contents: applied.contents, originals, rounds };
}

/** The project with some files replaced in memory, analysed as if they were on disk. */
async function analyseOverlay(project: Project, registry: RegistryDatabase, contents: ReadonlyMap<string, string | null>, options: { production: boolean; notices: string[] }): Promise<Analysis> {
  const overlay = await loadProject({ root: project.root, configFile: project.loaded.file, production: options.production, notices: [], source: { kind: 'overlay', contents } });
  return analyse(overlay, registry, {
    production: options.production,
    includeEntryExports: project.loaded.config.includeEntryExports ?? false,
    useCache: true,
    notices: [],
  });
}

/**
 * What the removals broke in code that stays: `export { removed } from './x'` (a re-export of a
 * removed name) and `export * from './deleted'` (a reference to a deleted file) must go too.
 */
function brokenReexports(analysis: Analysis, before: ReadonlySet<string>, removals: readonly CleanupItem[]): CleanupItem[] {
  const deleted = removals.filter((item) => item.action === 'delete-file').map((item) => item.file);
  return analysis.findings
    .filter((finding) => (finding.rule === 'missing-export' || finding.rule === 'unresolved-import') && !before.has(finding.fingerprint) && finding.symbol !== null)
    .map((finding) => ({
      action: finding.rule === 'missing-export' ? 'remove-reexport' as const : 'remove-module-reference' as const,
      file: finding.file,
      name: finding.symbol as string,
      rule: finding.rule,
      kind: finding.kind,
      line: finding.line,
      // The repair clusters with the removal it repairs: restoring one without the other breaks the build.
      referrers: [repairedTarget(analysis, finding, deleted)].filter((target): target is string => target !== undefined),
    }));
}

/** The removed symbol (`file#name`) or deleted file a broken re-export pointed at. */
function repairedTarget(analysis: Analysis, finding: Finding, deleted: readonly string[]): string | undefined {
  const file = analysis.context.fileByPath(finding.file);
  if (finding.rule === 'unresolved-import') {
    const stem = path.posix.normalize(path.posix.join(path.posix.dirname(finding.file), finding.symbol as string)).replace(/\.[cm]?[jt]sx?$/, '');
    return deleted.find((candidate) => candidate.replace(/\.[cm]?[jt]sx?$/, '') === stem || candidate.replace(/\/index\.[cm]?[jt]sx?$/, '') === stem);
  }
  const index = file?.facts.imports.findIndex((fact) => fact.line === finding.line) ?? -1;
  const resolution = index >= 0 ? file?.resolutions[index] : undefined;
  return resolution?.kind === 'file' ? `${resolution.path}#${finding.symbol}` : undefined;
}
