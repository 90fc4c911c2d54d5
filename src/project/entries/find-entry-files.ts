import path from 'node:path';
import { compileGlobs } from '../../files/glob.js';
import type { FileLookup } from '../../resolve/file-lookup.js';
import type { TsconfigFacts } from '../../manifests/read-tsconfig.js';
import type { WorkspacePackage } from '../../manifests/workspaces.js';
import { commandTargets } from './command-targets.js';
import { addConventional, addDeepConventional } from './convention-entries.js';
import type { EntryMap, EntrySource } from './entry-source.js';
import type { EntryGap } from './entry-gap.js';
import { htmlScriptTargets } from './html-entries.js';
import { webExtensionTargets } from './web-extension-manifest.js';
import { reactRouterEntries } from './tools/react-router.js';
import { tanstackRouterEntries } from './tools/tanstack-router.js';
import { slyTransformerTargets } from './tools/sly.js';
import { unbuildConfigEntries } from './tools/unbuild-config-files.js';
import { viteServedUrlTargets } from './tools/vite-served-urls.js';
import { addManifestEntries, probeSource } from './manifest-entries.js';
import { toolConventions } from './tools/index.js';
import { toolPageGlobs, usesTool } from './tools/tool-convention.js';
import { readGitHookCommands } from './git-hook-commands.js';
import { readWorkflowCommands } from './workflow-commands.js';
import { shellScriptsOf } from './shell-scripts.js';

interface EntryOptions {
  root: string;
  files: readonly string[];
  packages: readonly WorkspacePackage[];
  tsconfigs: readonly TsconfigFacts[];
  lookup: FileLookup;
  /** Packages with their own package.json that are not workspaces (and not build output). */
  nested: readonly WorkspacePackage[];
  /** Globs from the config and --entry. */
  entryGlobs: readonly string[];
  /** `orch-guard run` task commands, with their directory. */
  taskCommands: ReadonlyArray<{ id: string; command: string; dir: string }>;
  notices: string[];
}

/**
 * orch-guard's own entry discovery: package.json entry points of every workspace package
 * (mapped from build output to source), files that scripts, CI workflows and `orch-guard run`
 * tasks run, configured globs, conventional `index`/`main`/`cli` files, and tool config files.
 * Manifest entries with no source file are returned as gaps (findings there are unsure).
 */
export function findEntryFiles(options: EntryOptions): { entries: EntryMap; gaps: EntryGap[] } {
  const { files, lookup } = options;
  const entries: EntryMap = new Map();
  const gaps: EntryGap[] = [];
  const fileSet = new Set(files);
  const addFile = (file: string, source: EntrySource) => {
    if (!entries.has(file)) entries.set(file, source);
  };
  const add = (absolute: string | undefined, source: EntrySource): boolean => {
    const relative = absolute === undefined ? undefined : lookup.relative(absolute);
    if (relative === undefined || !fileSet.has(relative)) return false;
    addFile(relative, source);
    return true;
  };
  const addCommand = (command: string, dir: string, source: EntrySource) => {
    const scriptsOnly = source.kind === 'task';
    for (const word of commandTargets(command, { scriptsOnly })) add(probeSource(path.resolve(dir, word), options.tsconfigs, lookup), source);
    // A shell script it runs: its paths are relative to where it runs, or to the script itself.
    for (const script of shellScriptsOf(command, dir, options.root)) {
      const scriptSource = { kind: source.kind, detail: `${source.detail} → ${path.relative(options.root, script.file)}` };
      for (const word of script.lines.flatMap((line) => commandTargets(line, { scriptsOnly }))) {
        if (!add(probeSource(path.resolve(dir, word), options.tsconfigs, lookup), scriptSource)) add(probeSource(path.resolve(path.dirname(script.file), word), options.tsconfigs, lookup), scriptSource);
      }
    }
  };

  for (const pattern of options.entryGlobs) {
    const matches = compileGlobs([pattern]);
    const matched = files.filter((file) => matches(file));
    if (matched.length === 0) options.notices.push(`entry pattern "${pattern}" matches no project file`);
    for (const file of matched) addFile(file, { kind: 'configured', detail: `configured entry "${pattern}"` });
  }

  for (const workspace of [...options.packages, ...options.nested]) {
    const packagePrefix = lookup.relative(workspace.dir) ?? '';
    const manifest = packagePrefix === '' ? 'package.json' : `${packagePrefix}/package.json`;
    // A tool that builds the package's entry points (Electron Forge into .vite/build/) and whose
    // own entries were found: its output folders hold no missing source.
    const builtBy: string[] = [];
    for (const tool of toolConventions) {
      if (!usesTool(workspace.pkg, tool)) continue;
      const configured = tool.configuredEntries?.(workspace.dir) ?? [];
      const matches = compileGlobs([...tool.entries, ...configured, ...toolPageGlobs(tool, workspace.dir)]);
      const matchesConfigured = compileGlobs(configured);
      for (const file of files) {
        const relative = packagePrefix === '' ? file : file.startsWith(`${packagePrefix}/`) ? file.slice(packagePrefix.length + 1) : undefined;
        if (relative === undefined || !matches(relative)) continue;
        addFile(file, { kind: 'framework', detail: `${tool.name} convention` });
        if (matchesConfigured(relative)) builtBy.push(...(tool.outputDirs ?? []));
      }
    }
    gaps.push(...addManifestEntries(workspace, packagePrefix, { files, tsconfigs: options.tsconfigs, lookup, add, addFile, toolOutputDirs: [...new Set(builtBy)] }));
    for (const [name, script] of Object.entries(workspace.pkg.scripts ?? {})) {
      if (typeof script === 'string') addCommand(script, workspace.dir, { kind: 'script', detail: `${manifest} scripts.${name}` });
    }
    const inPackage = files.flatMap((file) => (packagePrefix === '' ? [file] : file.startsWith(`${packagePrefix}/`) ? [file.slice(packagePrefix.length + 1)] : []));
    const inPrefix = (file: string) => (packagePrefix === '' ? file : `${packagePrefix}/${file}`);
    const routes = tanstackRouterEntries(workspace, inPackage);
    for (const file of routes.entries) addFile(inPrefix(file), { kind: 'framework', detail: 'tanstack-router route (tsr.config.json or its defaults)' });
    if (routes.configError !== undefined) gaps.push(unreadableConfig(inPrefix('tsr.config.json'), routes.configError, packagePrefix, 'the routes it configures (its defaults are used)', options.notices));
    for (const file of reactRouterEntries(workspace, inPackage)) {
      addFile(packagePrefix === '' ? file : `${packagePrefix}/${file}`, { kind: 'framework', detail: 'react-router route module (app directory, routes.ts)' });
    }
    const pageScripts = htmlScriptTargets(workspace.dir);
    for (const { page, target } of pageScripts) {
      add(probeSource(target, options.tsconfigs, lookup), { kind: 'framework', detail: `${packagePrefix === '' ? '' : `${packagePrefix}/`}${page} <script>` });
    }
    const extension = webExtensionTargets(workspace.dir);
    for (const { manifest, target } of extension.targets) {
      add(probeSource(target, options.tsconfigs, lookup), { kind: 'framework', detail: `browser extension (${packagePrefix === '' ? '' : `${packagePrefix}/`}${manifest})` });
    }
    for (const { manifest, error } of extension.unreadable) gaps.push(unreadableConfig(inPrefix(manifest), error, packagePrefix, 'the scripts it makes the browser run', options.notices));
    const sly = slyTransformerTargets(workspace.dir, workspace.pkg);
    for (const target of sly?.targets ?? []) add(probeSource(target, options.tsconfigs, lookup), { kind: 'framework', detail: `sly transformer (${inPrefix(sly?.config ?? '')})` });
    if (sly?.error !== undefined) gaps.push(unreadableConfig(inPrefix(sly.config), sly.error, packagePrefix, 'the transformers it names', options.notices));
    for (const { file, target } of viteServedUrlTargets(workspace.dir, workspace.pkg, pageScripts.length > 0, inPackage)) {
      add(probeSource(target, options.tsconfigs, lookup), { kind: 'framework', detail: `Vite dev server URL in ${packagePrefix === '' ? '' : `${packagePrefix}/`}${file}` });
    }
    for (const file of files) {
      const relative = packagePrefix === '' ? file : file.startsWith(`${packagePrefix}/`) ? file.slice(packagePrefix.length + 1) : undefined;
      if (relative !== undefined) addConventional(file, relative, addFile);
    }
  }
  if (options.packages.length === 0) for (const file of files) addConventional(file, file, addFile);
  // A tsconfig project reference without a package.json is a build unit of its own (`tsc -b`):
  // its index/main is its entry, as a package's would be.
  const packageDirs = new Set([...options.packages, ...options.nested].map((workspace) => workspace.dir));
  for (const dir of new Set(options.tsconfigs.flatMap((config) => config.references).map((reference) => path.dirname(reference)))) {
    const prefix = lookup.relative(dir);
    if (packageDirs.has(dir) || prefix === undefined || prefix === '' || prefix.startsWith('..')) continue;
    for (const file of files) if (file.startsWith(`${prefix}/`)) addConventional(file, file.slice(prefix.length + 1), addFile);
  }
  for (const file of files) addDeepConventional(file, addFile);
  for (const { config, inputs } of unbuildConfigEntries(options.root, files)) {
    addFile(config, { kind: 'config', detail: 'unbuild config (defineBuildConfig)' });
    for (const input of inputs) add(probeSource(input, options.tsconfigs, lookup), { kind: 'framework', detail: `unbuild entries (${config})`, buildInput: true });
  }
  for (const { file, dir, command } of readWorkflowCommands(options.root)) addCommand(command, dir, { kind: 'workflow', detail: `${file} run` });
  for (const { file, command } of readGitHookCommands(options.root)) addCommand(command, options.root, { kind: 'script', detail: `git hook ${file}` });
  for (const { id, command, dir } of options.taskCommands) addCommand(command, dir, { kind: 'task', detail: `orch-guard run task "${id}"` });
  return { entries, gaps };
}

/** A tool config that exists but cannot be read: one notice, and a gap that makes its package's findings low confidence. */
function unreadableConfig(config: string, message: string, packageDir: string, names: string, notices: string[]): EntryGap {
  notices.push(`${config} could not be read (${message}): ${names} are unknown, findings in ${packageDir === '' ? 'the root package' : packageDir} are low confidence`);
  return { kind: 'unreadable-config', packageDir, entry: config, fix: `entries: [...${names.replace(/ \(.*\)$/, '')}]` };
}
