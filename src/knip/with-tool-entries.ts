import { existsSync } from 'node:fs';
import path from 'node:path';
import type { EntryGap } from '../project/entries/entry-gap.js';
import type { EntrySource } from '../project/entries/entry-source.js';
import type { Project } from '../project/load-project.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { askKnip, type KnipOutcome, toolEntriesStamp } from './ask-knip.js';
import { knipConfigPaths } from './knip-config-paths.js';
import type { KnipAnswer, ToolEntry } from './knip-answer.js';

/** Plugins of bundlers: their config's `entry` names the source that package.json's output is built from. */
const BUNDLER_PLUGINS = new Set(['tsup', 'tsdown', 'unbuild', 'rollup', 'rolldown', 'vite', 'esbuild', 'rslib', 'rspack', 'rsbuild', 'webpack', 'parcel', 'preconstruct', 'sveltejs-package']);

/** Configs that name packages, never project files: failing to load them hides no entry. */
const NAMES_NO_FILES = /(?:^|\/)(?:\.?prettierrc|prettier\.config|\.?stylelintrc|stylelint\.config|\.?commitlintrc|commitlint\.config|postcss\.config|\.postcssrc|tailwind\.config|\.?lintstagedrc|lint-staged\.config|\.markdownlint|\.?cspell|\.release-it|release\.config|\.releaserc|\.?size-limit|svgo\.config|uno\.config|unocss\.config)[^/]*$/;

/**
 * The project with the entries its frameworks and tools define (knip's plugins: Next.js routes,
 * Vitest setup files, Storybook stories, CI workflow commands, ...) added to orch-guard's own.
 * Entries of test tools become test files. If knip fails, a notice says so and every
 * package gets a gap: its findings are low confidence, never silently "no entries".
 */
export async function withToolEntries(project: Project, registry: RegistryDatabase, notices: string[], useCache = true): Promise<ToolEntries> {
  return applyToolEntries(project, await askToolEntries(project, registry, useCache), notices);
}

type ToolEntries = { project: Project; knip?: KnipOutcome; testSources?: Map<string, EntrySource> };

/**
 * knip's answer for the project (undefined when the project uses no tools). It runs on a worker
 * thread: the caller may index files meanwhile and apply the answer with applyToolEntries.
 */
export async function askToolEntries(project: Project, registry: RegistryDatabase, useCache = true, timeLimitFrom?: Promise<unknown>): Promise<KnipOutcome | undefined> {
  if (!usesTools(project)) return undefined;
  const packageDirs = project.packages.map((workspace) => workspace.dir);
  const nestedDirs = project.nestedPackages.map((nested) => nested.dir);
  return askKnip({ root: project.root, files: project.files, packageDirs, nestedDirs, registry, snapshot: project.source.kind !== 'working-tree', useCache, ...(timeLimitFrom !== undefined ? { timeLimitFrom } : {}) });
}

/** The project with knip's entries merged in, or with a gap per package when knip failed. */
export function applyToolEntries(loaded: Project, outcome: KnipOutcome | undefined, notices: string[]): ToolEntries {
  const aliases = knipConfigPaths(loaded.root, notices);
  const project = aliases.length === 0 ? loaded : { ...loaded, resolver: loaded.resolver.withBundlerAliases(aliases) };
  if (outcome === undefined) return { project };
  if (outcome.kind === 'failed') {
    notices.push(`knip could not read the project's tools (${outcome.message}): only orch-guard's own entry discovery is used, and findings are low confidence`);
    const gaps: EntryGap[] = project.packages.map((workspace) => ({ kind: 'tool-failure', packageDir: relativeDir(project.root, workspace.dir), entry: 'the entries of the project\'s tools (knip failed)', fix: 'entries: [...the files your tools load]' }));
    return { project: { ...project, entryGaps: [...project.entryGaps, ...gaps] }, knip: outcome };
  }
  return { ...mergeAnswer(project, outcome.answer, notices), knip: outcome };
}

/**
 * A stamp of the tool entries for result caches: fixed for a project that uses no tools (knip is
 * never asked, so no answer is stored), else the stored answer's stamp (see toolEntriesStamp).
 */
export function toolEntriesStampOf(project: Project, registry: RegistryDatabase): string {
  if (!usesTools(project)) return 'no tools';
  return toolEntriesStamp({ root: project.root, files: project.files, packageDirs: project.packages.map((workspace) => workspace.dir), nestedDirs: project.nestedPackages.map((nested) => nested.dir), registry });
}

function mergeAnswer(project: Project, answer: KnipAnswer, notices: string[]): { project: Project; testSources: Map<string, EntrySource> } {
  const fileSet = new Set(project.files);
  const entries = new Map(project.entries);
  const tests = new Set(project.tests);
  // Where the test files a test tool names come from, for `orch-guard entries`.
  const testSources = new Map<string, EntrySource>();
  for (const entry of answer.entries) {
    if (!fileSet.has(entry.file) || entries.has(entry.file) || tests.has(entry.file)) continue;
    if (entry.isTest) {
      // Also under --production: a file only a test tool names is test code, never "unused".
      tests.add(entry.file);
      testSources.set(entry.file, sourceOf(entry));
      continue;
    }
    entries.set(entry.file, sourceOf(entry));
  }
  const gaps: EntryGap[] = project.entryGaps.filter((gap) => !answer.entries.some((entry) => isBundlerEntry(entry) && isInPackage(gap.packageDir, entry.file)));
  const failures = answer.configLoadErrors.filter((failure) => !NAMES_NO_FILES.test(failure.file));
  const affected = new Set<string>();
  for (const failure of failures) {
    const owner = ownerPackage(project, failure.file);
    affected.add(owner);
    gaps.push({ kind: 'unreadable-config', packageDir: owner, entry: failure.file, fix: `entries: [...the files ${failure.file} names]` });
  }
  if (failures.length > 0) {
    const [first] = failures;
    const more = failures.length > 1 ? ` and ${failures.length - 1} more` : '';
    const [only] = affected;
    const where = affected.size > 1 ? `${affected.size} packages` : only === '' ? 'the root package' : `package ${only}`;
    notices.push(`knip could not load ${first.file} (${first.message})${more}${failures.length > 1 ? ' (are dependencies installed?)' : ''}: the entries ${failures.length > 1 ? 'they name are' : 'it names are'} unknown, findings in ${where} are low confidence`);
  }
  const resolver = project.resolver.withBundlerAliases(answer.aliases ?? []);
  return { project: { ...project, entries, tests, entryGaps: gaps, resolver }, testSources };
}

function sourceOf(entry: ToolEntry): EntrySource {
  if (entry.plugin === undefined) return { kind: 'tool', detail: 'knip, no plugin: package.json, a script, or a worker/URL reference' };
  const from = entry.configFile !== undefined && entry.configFile !== entry.file ? ` (${entry.configFile})` : '';
  return { kind: entry.configFile === entry.file ? 'config' : 'framework', detail: `${entry.plugin}${from}`, ...(isBundlerEntry(entry) ? { buildInput: true as const } : {}) };
}

function isBundlerEntry(entry: ToolEntry): boolean {
  return entry.plugin !== undefined && BUNDLER_PLUGINS.has(entry.plugin) && entry.configFile !== entry.file;
}

/** The files knip reads its own config from (package.json's `knip` too). */
const KNIP_CONFIG_FILES = ['knip.json', 'knip.jsonc', '.knip.json', '.knip.jsonc', 'knip.ts', 'knip.js', 'knip.config.ts', 'knip.config.js', 'knip.config.mjs'];

/**
 * knip only knows what the manifests and configs say; without dependencies, workflows or a knip
 * config (its `entry` is the project's own word on what the entries are) it adds nothing.
 */
function usesTools(project: Project): boolean {
  if (existsSync(path.join(project.root, '.github', 'workflows'))) return true;
  if (KNIP_CONFIG_FILES.some((name) => existsSync(path.join(project.root, name)))) return true;
  return [...project.packages, ...project.nestedPackages].some(({ pkg }) => (pkg as { knip?: unknown }).knip !== undefined
    || [pkg.dependencies, pkg.devDependencies].some((deps) => deps !== undefined && Object.keys(deps).length > 0));
}

/** The innermost workspace or nested package holding `file` ('' for the root). */
function ownerPackage(project: Project, file: string): string {
  const dirs = [...project.packages, ...project.nestedPackages].map((workspace) => relativeDir(project.root, workspace.dir)).sort((a, b) => b.length - a.length);
  return dirs.find((dir) => isInPackage(dir, file)) ?? '';
}

function isInPackage(packageDir: string, file: string): boolean {
  return packageDir === '' || file.startsWith(`${packageDir}/`);
}

function relativeDir(root: string, dir: string): string {
  return path.relative(root, dir).split(path.sep).join('/');
}
