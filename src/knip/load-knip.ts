import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The parts of knip's internals the adapter uses (knip 6.42.1; its public API gives issues only). */
export interface KnipModules {
  run: (options: unknown) => Promise<{ results: KnipResults; session?: { getEntryPaths: () => Set<string> } }>;
  createOptions: (options: Record<string, unknown>) => Promise<unknown>;
  Plugins: Record<string, KnipPlugin>;
  /** Its parser (oxc), as it parses config files for `resolveFromAST`. */
  parseFile: (file: string, text: string) => { program: unknown };
  /** Its workspace bookkeeping; see nested-workspaces.ts for the one method orch-guard wraps. */
  ConfigurationChief: { prototype: { getNegatedWorkspacePatterns: (name: string) => string[] } };
}

export interface KnipResults {
  issues: Record<string, Record<string, Record<string, KnipIssue>>>;
  enabledPlugins: Record<string, string[]>;
  includedWorkspaceDirs: string[];
  hasConfigLoadErrors: boolean;
}

export interface KnipIssue {
  type: string;
  filePath: string;
  workspace: string;
  symbol: string;
  line?: number;
  col?: number;
}

export interface KnipInput {
  type: string;
  specifier: string;
  containingFilePath?: string;
  /** `alias` inputs: what the specifier (an exact name or a `prefix/*` pattern) maps to. */
  prefixes?: string[];
  /** `alias` inputs: the folder relative prefixes are resolved from (default: the workspace). */
  dir?: string;
}

export interface KnipPlugin {
  title: string;
  entry?: string[];
  production?: string[];
  /** Usually a list; some plugins compute it (lefthook: a function). */
  config?: string[] | ((...args: never[]) => unknown);
  resolve?: (options: KnipPluginOptions) => Promise<KnipInput[]> | KnipInput[];
  resolveConfig?: (config: unknown, options: KnipPluginOptions) => Promise<KnipInput[]> | KnipInput[];
  resolveFromAST?: (program: unknown, options: KnipPluginOptions) => KnipInput[];
}

export interface KnipPluginOptions {
  cwd: string;
  /** The directory knip runs in (the project root). */
  rootCwd?: string;
  configFilePath: string;
  configFileDir: string;
}

/**
 * Loads knip's run pipeline from its dist folder. Its `exports` map hides these modules, so
 * they are imported by file URL; the version is pinned in package.json.
 */
export async function loadKnip(): Promise<KnipModules> {
  const dist = path.dirname(createRequire(import.meta.url).resolve('knip'));
  const load = (file: string) => import(pathToFileURL(path.join(dist, file)).href) as Promise<Record<string, unknown>>;
  const [runModule, optionsModule, pluginsModule, chiefModule, astModule] = await Promise.all([load('run.js'), load('util/create-options.js'), load('plugins.js'), load('ConfigurationChief.js'), load('typescript/ast-nodes.js')]);
  return {
    run: runModule.run as KnipModules['run'],
    createOptions: optionsModule.createOptions as KnipModules['createOptions'],
    Plugins: pluginsModule.Plugins as KnipModules['Plugins'],
    parseFile: astModule._parseFile as KnipModules['parseFile'],
    ConfigurationChief: chiefModule.ConfigurationChief as KnipModules['ConfigurationChief'],
  };
}
