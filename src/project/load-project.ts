import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isDirectory, isFile } from '../files/fs-checks.js';
import { checkContracts } from '../config/check-config.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { ConfigError, UsageError } from '../errors.js';
import { enumerateFiles, selectProjectPaths } from '../files/enumerate-files.js';
import { compileGlobs } from '../files/glob.js';
import { createIgnoreChecker } from '../files/ignored-paths.js';
import { FileLookup } from '../resolve/file-lookup.js';
import { ModuleResolver } from '../resolve/module-resolver.js';
import type { EntryGap } from './entries/entry-gap.js';
import type { EntryMap } from './entries/entry-source.js';
import { findEntryFiles } from './entries/find-entry-files.js';
import { readDenoSetup } from './entries/deno-scripts.js';
import { markdownPageMatcher } from './entries/markdown-pages.js';
import { findNestedPackages } from './entries/nested-packages.js';
import { symlinkedProjectFiles } from '../files/symlinked-files.js';
import { isTestFile } from './entries/test-files.js';
import { diskTexts, importedMarkdown, type ReadTexts } from './imported-markdown.js';
import { extensionlessBins } from './extensionless-bins.js';
import { findTsconfig, readTsconfig, type TsconfigFacts } from '../manifests/read-tsconfig.js';
import { findWorkspacePackages, type WorkspacePackage } from '../manifests/workspaces.js';

// Component files (.vue, .svelte, .astro, Glimmer's .gts/.gjs) take part through their scripts;
// Markdown pages of a framework (see markdown-pages.ts) through their imports. Style sheets are
// indexed for what they load (packages, Tailwind plugins), not judged themselves.
const MARKDOWN_FILE = /\.mdx?$/;
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|g[jt]s|vue|svelte|astro|css|scss|sass|less)$/;

/** Where file contents come from: the disk, or a git snapshot (the index, a commit). */
export type ProjectSource =
  | { kind: 'working-tree' }
  | { kind: 'snapshot'; label: string; blobs: Map<string, string>; readBlobs: (ids: string[]) => Map<string, Buffer> }
  /** The working tree with some files replaced (a string) or deleted (null), in memory only. */
  | { kind: 'overlay'; contents: ReadonlyMap<string, string | null> };

interface ProjectOptions {
  root: string;
  source?: ProjectSource;
  configFile?: string;
  /** --project globs; replace the config's `project`. */
  projectGlobs?: string[];
  /** --entry globs; added to the config's `entries`. */
  entryGlobs?: string[];
  production: boolean;
  notices: string[];
  /** The config, when the caller loaded it already. */
  loaded?: LoadedConfig;
}

export interface Project {
  root: string;
  source: ProjectSource;
  loaded: LoadedConfig;
  tsconfigs: TsconfigFacts[];
  packages: WorkspacePackage[];
  /** Root-relative posix paths of the project files, sorted. */
  files: string[];
  /** Links to project files (link → target), left out of `files`: they are their target's module. */
  symlinks?: ReadonlyMap<string, string>;
  resolver: ModuleResolver;
  lookup: FileLookup;
  /** Entry files, each with where it comes from. */
  entries: EntryMap;
  /** Entries named by a package that map to no source file: findings there are low confidence. */
  entryGaps: EntryGap[];
  tests: Set<string>;
  /** Folders with their own package.json that are not workspaces (a docs site, an example app). */
  nestedPackages: WorkspacePackage[];
}

/**
 * Everything known about the project before any file is read: its config, tsconfigs,
 * workspace packages, project files, module resolver, and entry and test files.
 */
export async function loadProject(options: ProjectOptions): Promise<Project> {
  const root = path.resolve(options.root);
  if (!isDirectory(root)) throw new UsageError(`--root ${options.root}: no such directory`);
  const loaded = options.loaded ?? await loadConfig(root, options.configFile);
  const { config } = loaded;
  checkContracts(config, configLabel(root, loaded.file));
  const packages = findWorkspacePackages(root);
  const packageGaps: EntryGap[] = [];
  const tsconfigs = readTsconfigs(root, packages, options.notices, packageGaps);

  const projectGlobs = options.projectGlobs ?? config.project;
  const inProject = projectGlobs !== undefined ? compileGlobs(projectGlobs) : () => true;
  const outputDirs = tsconfigs.flatMap((facts) => [facts.outDir, facts.declarationDir]).filter((dir): dir is string => dir !== undefined);
  // Markdown is read only where a framework makes it pages: the workspaces' pages now, a nested
  // package's (a docs site with its own package.json) once the nested packages are known.
  const isMarkdownPage = markdownPageMatcher(root, packages);
  const selection = { root, outputDirs, accept: (file: string) => (SOURCE_FILE.test(file) || MARKDOWN_FILE.test(file)) && inProject(file) };
  const source: ProjectSource = options.source ?? { kind: 'working-tree' };
  const listed = source.kind === 'snapshot' ? selectProjectPaths(source.blobs.keys(), selection) : enumerateFiles(selection);
  let otherMarkdown = listed.filter((file) => MARKDOWN_FILE.test(file) && !isMarkdownPage(file));
  let files = listed.filter((file) => !MARKDOWN_FILE.test(file) || isMarkdownPage(file));
  if (source.kind === 'overlay') files = files.filter((file) => source.contents.get(file) !== null);
  if (source.kind === 'overlay') otherMarkdown = otherMarkdown.filter((file) => source.contents.get(file) !== null);
  if (options.production) files = files.filter((file) => !isTestFile(file));
  const bins = extensionlessBins(root, packages, (file) => existsIn(root, source, file), sourceTexts(root, source)).filter((file) => inProject(file) && !files.includes(file));
  if (bins.length > 0) files = [...files, ...bins].sort();
  if (projectGlobs !== undefined && files.length === 0) {
    options.notices.push(`project patterns ${projectGlobs.map((glob) => `"${glob}"`).join(', ')} match no file`);
  }

  // A copy of a package's own manifest inside it (ng-packagr's `dist/package.json`, a publish
  // folder) marks what a build made: not source, so not analysed.
  const nested = findNestedPackages(root, files, packages, options.notices, packageGaps);
  const builtDirs = nested.filter((candidate) => candidate.name !== undefined && enclosingPackage(packages, candidate.dir)?.name === candidate.name).map((built) => built.dir);
  if (builtDirs.length > 0) files = files.filter((file) => !builtDirs.some((dir) => path.join(root, file).startsWith(dir + path.sep)));
  // A nested package (an app with its own package.json that is not a workspace) compiles with its
  // own tsconfig: its `paths` decide what its imports name.
  const sourcePackages = nested.filter((candidate) => !builtDirs.includes(candidate.dir));
  const isNestedPage = markdownPageMatcher(root, sourcePackages);
  const nestedPages = otherMarkdown.filter(isNestedPage);
  if (nestedPages.length > 0) files = [...files, ...nestedPages].sort();
  const nestedTsconfigs = readTsconfigs(root, sourcePackages, options.notices, packageGaps, false);
  tsconfigs.push(...nestedTsconfigs.filter((facts) => !tsconfigs.some((known) => known.configPath === facts.configPath)));
  // A link to another project file is that file (Node and tsc load it by its real path).
  const symlinks = source.kind === 'snapshot' ? new Map<string, string>() : symlinkedProjectFiles(root, files);
  if (symlinks.size > 0) files = files.filter((file) => !symlinks.has(file));
  const deno = readDenoSetup(root, files, options.notices);
  const makeResolver = (known: readonly string[]) => {
    const knownLookup = new FileLookup(root, new Set(known));
    return { lookup: knownLookup, resolver: new ModuleResolver(knownLookup, tsconfigs, packages, createIgnoreChecker(root)).withBundlerAliases(deno.aliases) };
  };
  // Markdown the pages import from outside the page folders is compiled into them: it is read
  // too. Found with a first resolver, then every file is looked up with the final file list.
  const pages = files.filter((file) => MARKDOWN_FILE.test(file));
  const first = makeResolver(files);
  const partials = pages.length === 0 || otherMarkdown.length === 0 ? [] : importedMarkdown(pages, new Set(otherMarkdown), first.resolver, sourceTexts(root, source));
  if (partials.length > 0) files = [...files, ...partials].sort();
  // The first resolver knew the final file list unless partials were added.
  const { lookup, resolver } = partials.length > 0 ? makeResolver(files) : first;
  const { entries, gaps } = findEntryFiles({
    root,
    files,
    packages,
    tsconfigs,
    lookup,
    nested: sourcePackages,
    entryGlobs: [...(config.entries ?? []), ...(options.entryGlobs ?? [])],
    taskCommands: (config.pipeline?.tasks ?? []).map((task) => ({ id: task.id, command: task.run, dir: path.resolve(root, task.cwd ?? '.') })),
    notices: options.notices,
  });
  for (const { file, detail } of deno.entries) if (!entries.has(file)) entries.set(file, { kind: 'script', detail });
  if (loaded.file !== undefined) {
    const configRelative = lookup.relative(loaded.file);
    if (configRelative !== undefined && files.includes(configRelative)) entries.set(configRelative, { kind: 'config', detail: 'orch-guard config' });
  }
  const tests = new Set(options.production ? [] : files.filter(isTestFile));
  return { root, source, loaded, tsconfigs, packages, files, symlinks, resolver, lookup, entries, entryGaps: [...packageGaps, ...gaps], tests, nestedPackages: sourcePackages };
}

/** Whether the project's content has the file (root-relative posix path). */
function existsIn(root: string, source: ProjectSource, file: string): boolean {
  if (source.kind === 'snapshot') return source.blobs.has(file);
  if (source.kind === 'overlay' && source.contents.has(file)) return source.contents.get(file) !== null;
  return isFile(path.join(root, file));
}

/** How the project's texts are read, from wherever its content is. */
function sourceTexts(root: string, source: ProjectSource): ReadTexts {
  const disk = diskTexts(root);
  if (source.kind === 'working-tree') return disk;
  if (source.kind === 'overlay') {
    return (files) => {
      const texts = disk(files.filter((file) => !source.contents.has(file)));
      for (const file of files) {
        const content = source.contents.get(file);
        if (typeof content === 'string') texts.set(file, content);
      }
      return texts;
    };
  }
  return (files) => {
    const blobs = source.readBlobs(files.flatMap((file) => source.blobs.get(file) ?? []));
    return new Map(files.flatMap((file) => {
      const content = blobs.get(source.blobs.get(file) ?? '');
      return content === undefined ? [] : [[file, content.toString('utf8')] as const];
    }));
  };
}

/** The innermost workspace package whose folder holds `dir`. */
function enclosingPackage(packages: readonly WorkspacePackage[], dir: string): WorkspacePackage | undefined {
  return packages.filter((candidate) => dir.startsWith(candidate.dir + path.sep)).sort((a, b) => b.dir.length - a.dir.length)[0];
}

/** How errors name the config file: relative to the root. */
export function configLabel(root: string, file: string | undefined): string {
  return file === undefined ? 'config' : path.relative(root, file) || file;
}

/**
 * The root tsconfig, its project references, workspace packages' own tsconfigs, and the build
 * tsconfigs beside each (`tsconfig.build.json`, `tsconfig.lib.json`, ...: they say where output
 * goes). A package whose tsconfig cannot be read is a notice and a gap, not a failed run; the
 * root tsconfig's errors still stop the run (exit 2).
 */
function readTsconfigs(root: string, packages: readonly WorkspacePackage[], notices: string[], gaps: EntryGap[], withRoot = true): TsconfigFacts[] {
  const configs: TsconfigFacts[] = [];
  const seen = new Set<string>();
  const read = (file: string, packageDir: string | undefined) => {
    if (seen.has(file)) return;
    seen.add(file);
    try {
      const facts = readTsconfig(file);
      notices.push(...facts.warnings);
      configs.push(facts);
      for (const reference of facts.references) read(reference, packageDir ?? path.dirname(reference));
    } catch (error) {
      if (packageDir === undefined || !(error instanceof ConfigError)) throw error;
      const label = path.relative(root, packageDir) || '.';
      const message = error.message.split(file).join(path.relative(root, file));
      notices.push(`package ${label}: ${message}; its tsconfig options are ignored`);
      gaps.push({ kind: 'unreadable-config', packageDir: path.relative(root, packageDir).split(path.sep).join('/'), entry: `${path.relative(root, file)}`, fix: `a valid "extends" in ${path.relative(root, file)}` });
    }
  };
  const rootConfig = withRoot ? findTsconfig(root) : undefined;
  if (rootConfig !== undefined) read(rootConfig, undefined);
  for (const workspace of packages) {
    const candidate = findTsconfig(workspace.dir);
    if (candidate !== undefined) read(candidate, workspace.dir);
  }
  for (const dir of new Set([...(withRoot ? [root] : []), ...packages.map((workspace) => workspace.dir)])) {
    for (const name of buildTsconfigNames(dir)) read(path.join(dir, name), dir);
  }
  return configs;
}

/** `tsconfig.build.json`, `tsconfig.dist.json`, `tsconfig.lib.json`, `tsconfig.esm.json`, ... */
function buildTsconfigNames(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => /^tsconfig\.(?:build|dist|lib|prod|production|publish|esm|cjs|types|release|node)\.json$/.test(name)).sort();
  } catch {
    return [];
  }
}
