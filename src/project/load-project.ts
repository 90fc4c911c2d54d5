import path from 'node:path';
import { isDirectory } from '../files/fs-checks.js';
import { checkContracts } from '../config/check-config.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { UsageError } from '../errors.js';
import { enumerateFiles, selectProjectPaths } from '../files/enumerate-files.js';
import { compileGlobs } from '../files/glob.js';
import { FileLookup } from '../resolve/file-lookup.js';
import { ModuleResolver } from '../resolve/module-resolver.js';
import { findEntryFiles, isTestFile } from './entries.js';
import { findTsconfig, readTsconfig, type TsconfigFacts } from '../manifests/read-tsconfig.js';
import { findWorkspacePackages, type WorkspacePackage } from '../manifests/workspaces.js';

const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/;

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
}

export interface Project {
  root: string;
  source: ProjectSource;
  loaded: LoadedConfig;
  tsconfigs: TsconfigFacts[];
  packages: WorkspacePackage[];
  /** Root-relative posix paths of the project files, sorted. */
  files: string[];
  resolver: ModuleResolver;
  lookup: FileLookup;
  /** Entry files, each with the reason it is one. */
  entries: Map<string, string>;
  tests: Set<string>;
}

/**
 * Everything known about the project before any file is read: its config, tsconfigs,
 * workspace packages, project files, module resolver, and entry and test files.
 */
export async function loadProject(options: ProjectOptions): Promise<Project> {
  const root = path.resolve(options.root);
  if (!isDirectory(root)) throw new UsageError(`--root ${options.root}: no such directory`);
  const loaded = await loadConfig(root, options.configFile);
  const { config } = loaded;
  checkContracts(config, configLabel(root, loaded.file));
  const packages = findWorkspacePackages(root);
  const tsconfigs = readTsconfigs(root, packages, options.notices);

  const projectGlobs = options.projectGlobs ?? config.project;
  const inProject = projectGlobs !== undefined ? compileGlobs(projectGlobs) : () => true;
  const outputDirs = tsconfigs.flatMap((facts) => [facts.outDir, facts.declarationDir]).filter((dir): dir is string => dir !== undefined);
  const selection = { root, outputDirs, accept: (file: string) => SOURCE_FILE.test(file) && inProject(file) };
  const source: ProjectSource = options.source ?? { kind: 'working-tree' };
  let files = source.kind === 'snapshot' ? selectProjectPaths(source.blobs.keys(), selection) : enumerateFiles(selection);
  if (source.kind === 'overlay') files = files.filter((file) => source.contents.get(file) !== null);
  if (options.production) files = files.filter((file) => !isTestFile(file));
  if (projectGlobs !== undefined && files.length === 0) {
    options.notices.push(`project patterns ${projectGlobs.map((glob) => `"${glob}"`).join(', ')} match no file`);
  }

  const lookup = new FileLookup(root, new Set(files));
  const resolver = new ModuleResolver(lookup, tsconfigs, packages);
  const entries = findEntryFiles({
    files,
    packages,
    tsconfigs,
    lookup,
    entryGlobs: [...(config.entries ?? []), ...(options.entryGlobs ?? [])],
    notices: options.notices,
  });
  if (loaded.file !== undefined) {
    const configRelative = lookup.relative(loaded.file);
    if (configRelative !== undefined && files.includes(configRelative)) entries.set(configRelative, 'orch-guard config');
  }
  const tests = new Set(options.production ? [] : files.filter(isTestFile));
  return { root, source, loaded, tsconfigs, packages, files, resolver, lookup, entries, tests };
}

/** How errors name the config file: relative to the root. */
export function configLabel(root: string, file: string | undefined): string {
  return file === undefined ? 'config' : path.relative(root, file) || file;
}

/** The root tsconfig, its project references, and workspace packages' own tsconfigs. */
function readTsconfigs(root: string, packages: readonly WorkspacePackage[], notices: string[]): TsconfigFacts[] {
  const rootConfig = findTsconfig(root);
  const configs: TsconfigFacts[] = [];
  const seen = new Set<string>();
  const pending = rootConfig === undefined ? [] : [rootConfig];
  while (pending.length > 0) {
    const file = pending.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const facts = readTsconfig(file);
    notices.push(...facts.warnings);
    configs.push(facts);
    pending.push(...facts.references);
  }
  for (const workspace of packages) {
    const candidate = findTsconfig(workspace.dir);
    if (candidate !== undefined && !seen.has(candidate)) {
      seen.add(candidate);
      const facts = readTsconfig(candidate);
      notices.push(...facts.warnings);
      configs.push(facts);
    }
  }
  return configs;
}
