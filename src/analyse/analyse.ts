import type { AnalysisOptions, DependencyProblem, ListedDependency } from '../rule-engine/analysis-context.js';
import { AnalysisContext } from '../rule-engine/analysis-context.js';
import type { Finding } from '../rule-engine/finding.js';
import { runRules } from '../rule-engine/run-rules.js';
import { generatedImportsNotice } from './generated-imports.js';
import { buildSymbolGraph } from '../graph/build-graph.js';
import { createGraphFiles } from '../graph/graph-files.js';
import type { GraphFile } from '../graph/symbol-graph.js';
import { computeLiveness } from '../graph/reachability.js';
import { findLoadCycles } from '../graph/import-cycles.js';
import { collectFileImports } from '../graph/file-imports.js';
import { collectRoots } from '../graph/roots.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Baseline } from '../baseline/baseline-file.js';
import { buildContractModel } from '../contracts/contract-model.js';
import { checkRuleIds } from '../config/check-config.js';
import type { SeveritySetting } from '../config/config-schema.js';
import { configLabel, type Project } from '../project/load-project.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { indexSource } from './index-source.js';
import { isInertPage } from '../indexer/extract/markdown-facts.js';
import { gitFileAges } from './file-ages.js';
import { dropBrowserslistConfigs } from './browserslist-configs.js';
import { dropPeerProviders } from './peer-provided.js';
import { dropStylePackageImports } from './style-package-references.js';
import { dropHtmlLoadedPackages } from './html-package-references.js';
import { dropCommandUsedPackages } from './command-used-packages.js';
import { dropSharedConfigPlugins } from './shared-config-plugins.js';
import { dropNamedByConfigPackages } from './config-package-names.js';
import { dropAmbientTypesInUse } from './ambient-types.js';
import { dropTypeScriptConfigLoaders } from './typescript-config-loaders.js';
import { dropManifestPackagePaths } from './manifest-package-paths.js';
import { markUncertainReferrers } from './uncertain-referrers.js';
import { markSpawnedBinaries } from './spawned-binaries.js';
import { checkInstalled, listDependencies } from './installed-dependencies.js';
import { installedManifests, type InstalledManifests } from './installed-package.js';
import type { KnipOutcome } from '../knip/ask-knip.js';
import { applyToolEntries, askToolEntries } from '../knip/with-tool-entries.js';
import { describeGap, type EntryGap, markGapFindings } from '../project/entries/entry-gap.js';
import { dropExampleFindings } from '../project/entries/example-files.js';
import { markHandRunScripts } from '../project/entries/hand-run-scripts.js';
import { withRemoteImportEntries } from './remote-import-entries.js';
import { allRules } from '../../rules/index.js';
import { circularImport } from '../../rules/circular-import.js';

const DEFAULT_MAX_FILE_SIZE_KB = 2048;

export interface Analysis {
  project: Project;
  context: AnalysisContext;
  findings: Finding[];
  parsedCount: number;
  /** knip's part (tool entries, dependency issues), when the project uses tools. */
  knip?: KnipOutcome;
}

/**
 * The analysis pipeline: index files (cached by content hash) → link the symbol graph →
 * mark what entries reach → run the rules.
 */
export async function analyse(
  loadedProject: Project,
  registry: RegistryDatabase,
  options: AnalysisOptions & { useCache: boolean; notices: string[]; baseline?: Baseline; onProgress?: (done: number, total: number) => void },
): Promise<Analysis> {
  const { config } = loadedProject.loaded;
  checkRuleIds(config, configLabel(loadedProject.root, loadedProject.loaded.file), allRules.map((rule) => rule.meta.id));
  const maxFileSize = (config.maxFileSizeKb ?? DEFAULT_MAX_FILE_SIZE_KB) * 1024;
  // knip runs on a worker thread while the files are parsed: its entries are needed only from
  // linking on. Its time limit starts once parsing is done (until then it shares the cores).
  let parsingDone = () => {};
  const parsing = new Promise<void>((resolve) => (parsingDone = resolve));
  const knipPending = askToolEntries(loadedProject, registry, options.useCache, parsing);
  const indexNotices: string[] = [];
  let indexed;
  try {
    indexed = await indexSource(loadedProject, { registry, useCache: options.useCache, maxFileSize, notices: indexNotices, onProgress: options.onProgress });
  } catch (error) {
    // Nothing keeps running after the analysis has ended: knip's outcome is waited for, and dropped.
    parsingDone();
    await knipPending.catch(() => undefined);
    throw error;
  }
  parsingDone();
  const withTools = applyToolEntries(loadedProject, await knipPending, options.notices);
  const { knip } = withTools;
  const project = { ...withTools.project, entries: withRemoteImportEntries(withTools.project.entries, indexed.files) };
  options.notices.push(...project.entryGaps.filter((gap) => gap.kind === 'unmapped-entry').map(describeGap));
  options.notices.push(...indexNotices);
  // A Markdown page that imports nothing is an entry with no edge: it adds nothing to the graph.
  const files = createGraphFiles(indexed.files.filter((file) => !isInertPage(file.path, file.facts)), project.resolver, { entries: project.entries, tests: project.tests });
  const linked = buildSymbolGraph(files);
  const generated = generatedImportsNotice(files);
  if (generated !== undefined) options.notices.push(generated);
  const roots = collectRoots(linked, options);
  const liveness = computeLiveness(linked.graph, roots.production, roots.test);
  const contracts = config.components !== undefined && project.loaded.file !== undefined
    ? buildContractModel(linked, config.components, { file: relativeTo(project.root, project.loaded.file), text: readFileSync(project.loaded.file, 'utf8') })
    : undefined;
  const manifests = installedManifests(project.root);
  const dependencies = knip?.kind === 'answer' ? judgedDependencies(project, knip.answer.dependencyIssues, files, options.notices, manifests) : undefined;
  const severities = ruleSeverities(config);
  // Loading madge costs time, so the cycles are found only for the (opt-in) rule that reports them.
  const importCycles = (severities[circularImport.meta.id] ?? circularImport.meta.defaultSeverity) === 'off' ? [] : await findLoadCycles(collectFileImports(files), options.notices);
  const context = new AnalysisContext({
    linked, liveness, roots, contracts, importCycles,
    options: { ...options, minDuplicateBodySize: config.duplicates?.minBodySize, minDuplicateSimilarity: config.duplicates?.minSimilarity },
    fileAges: gitFileAges(project.root, options.notices, registry),
    ...(dependencies !== undefined ? { dependencies } : {}),
  });
  const allFindings = runRules(context, allRules, {
    severities,
    ignorePatterns: config.ignore ?? [],
    configFile: project.loaded.file === undefined ? undefined : relativeTo(project.root, project.loaded.file),
    projectFiles: project.files,
    notices: options.notices,
    ...(options.baseline !== undefined ? { baseline: { baseline: options.baseline, label: relativeTo(project.root, options.baseline.file) } } : {}),
  });
  const findings = markHandRunScripts(dropExampleFindings(allFindings, options.notices));
  const relativeDirs = (packages: Project['packages']) => packages.map((workspace) => path.relative(project.root, workspace.dir).split(path.sep).join('/'));
  markGapFindings(findings, project.entryGaps, relativeDirs(project.packages), relativeDirs(project.nestedPackages));
  // Dependency findings (on a package.json) also depend on the installed manifests read to judge them.
  markGapFindings(findings.filter((finding) => path.basename(finding.file) === 'package.json'), unreadableManifestGaps(project, manifests, options.notices), relativeDirs(project.packages));
  markSpawnedBinaries(findings, project.root, files, (file) => context.isFileLive(file), manifests);
  markUncertainReferrers(findings);
  return { project, context, findings, parsedCount: indexed.parsedCount, ...(knip !== undefined ? { knip } : {}) };
}

/**
 * knip's dependency problems as orch-guard judges them: checked against what is installed and
 * against what orch-guard resolves, less packages an HTML page loads from node_modules, packages
 * the commands use unseen by knip (a shell script's binaries, a preset flag), plugins a shared
 * config names, packages another listed package loads, and packages an imported style sheet
 * of an installed package imports.
 */
function judgedDependencies(project: Project, issues: readonly DependencyProblem[], files: readonly GraphFile[], notices: string[], manifests: InstalledManifests): { problems: DependencyProblem[]; listed: ListedDependency[] } {
  const listed = listDependencies(project.root, project.packages);
  const installed = checkInstalled(project.root, project.packages, issues, notices, (file, specifier) => project.resolver.resolve(file, specifier).kind !== 'unresolved', manifests);
  const importing = files.map((file) => ({ path: file.path, specifiers: file.facts.imports.map((fact) => fact.specifier) }));
  const { root, packages } = project;
  // Uses knip does not see, each dropping the problems it explains, in turn.
  const explainers: Array<(problems: DependencyProblem[]) => DependencyProblem[]> = [
    (problems) => dropHtmlLoadedPackages(root, problems),
    (problems) => dropBrowserslistConfigs(root, packages, problems),
    (problems) => dropCommandUsedPackages(root, packages, problems, manifests),
    (problems) => dropSharedConfigPlugins(root, packages, problems, notices, manifests),
    (problems) => dropNamedByConfigPackages(root, packages, problems),
    (problems) => dropStylePackageImports(root, problems, importing, manifests),
    (problems) => dropPeerProviders(root, problems, listed, manifests),
    (problems) => dropAmbientTypesInUse(root, problems, files, manifests),
    (problems) => dropTypeScriptConfigLoaders(problems, files),
    (problems) => dropManifestPackagePaths(root, packages, problems),
  ];
  return { problems: explainers.reduce((problems, explain) => explain(problems), installed), listed };
}

/**
 * Installed package.json files that exist but could not be read while judging dependencies:
 * one notice, and a gap for each workspace they were looked up from (its dependency findings
 * are low confidence: what those packages provide — binaries, peers, types — is unknown).
 */
function unreadableManifestGaps(project: Project, manifests: InstalledManifests, notices: string[]): EntryGap[] {
  const unreadable = manifests.unreadable();
  if (unreadable.length === 0) return [];
  const dirs = project.packages.map((workspace) => workspace.dir).sort((a, b) => b.length - a.length);
  const workspaceOf = (dir: string) => dirs.find((candidate) => dir === candidate || dir.startsWith(`${candidate}${path.sep}`)) ?? project.root;
  const gaps = new Map<string, EntryGap>();
  for (const { file, fromDir } of unreadable) {
    const packageDir = path.relative(project.root, workspaceOf(fromDir)).split(path.sep).join('/');
    if (!gaps.has(packageDir)) gaps.set(packageDir, { kind: 'unreadable-config', packageDir, entry: relativeTo(project.root, file), fix: 'a reinstall of that package' });
  }
  const [first] = unreadable;
  const more = unreadable.length > 1 ? ` and ${unreadable.length - 1} more` : '';
  notices.push(`the installed ${relativeTo(project.root, first.file)} could not be read (${first.message})${more}: what ${unreadable.length > 1 ? 'those packages provide' : 'it provides'} (binaries, peers, types) is unknown, dependency findings that depend on it are low confidence`);
  return [...gaps.values()];
}

/** `extends: 'recommended'` under the config's own `rules`. */
function ruleSeverities(config: Project['loaded']['config']): Record<string, SeveritySetting> {
  const preset = config.extends === 'recommended'
    ? Object.fromEntries(allRules.flatMap((rule) => (rule.meta.recommendedSeverity === undefined ? [] : [[rule.meta.id, rule.meta.recommendedSeverity]])))
    : {};
  return { ...preset, ...config.rules };
}

function relativeTo(root: string, file: string): string {
  return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
}
