import path from 'node:path';
import { compileGlobs } from '../files/glob.js';
import type { KnipInput, KnipPlugin, KnipPluginOptions } from './load-knip.js';
import { isInside } from '../files/path-inside.js';

/** What one plugin said, in one workspace, optionally from one config file. */
interface PluginStatement {
  plugin: string;
  workspaceDir: string;
  configFile?: string;
  inputs: KnipInput[];
}

/** Tools whose entries are tests, not production code. */
const TEST_PLUGINS = new Set([
  'ava', 'bun', 'c8', 'cucumber', 'cypress', 'jasmine', 'jest', 'karma', 'ladle', 'lost-pixel', 'mocha', 'msw',
  'node-test-runner', 'nyc', 'playwright', 'playwright-ct', 'playwright-test', 'react-cosmos', 'rstest', 'storybook',
  'stryker', 'tsd', 'vitest', 'webdriver-io',
]);

/**
 * Wraps every knip plugin's resolvers so that the inputs they return are recorded with the
 * plugin's name and the config file they came from: knip's entry list does not say where an
 * entry came from, and `orch-guard entries` must.
 */
export function recordPluginInputs(plugins: Record<string, KnipPlugin>): { statements: PluginStatement[]; configFiles: Set<string> } {
  const statements: PluginStatement[] = [];
  const configFiles = new Set<string>();
  for (const [name, plugin] of Object.entries(plugins)) {
    const record = (options: KnipPluginOptions, inputs: KnipInput[] | undefined, fromConfig: boolean) => {
      if (fromConfig && options.configFilePath !== undefined) configFiles.add(options.configFilePath);
      statements.push({ plugin: name, workspaceDir: options.cwd, ...(fromConfig ? { configFile: options.configFilePath } : {}), inputs: inputs ?? [] });
    };
    const { resolve, resolveConfig, resolveFromAST } = plugin;
    if (resolveConfig !== undefined) {
      plugin.resolveConfig = async (config, options) => {
        const inputs = await resolveConfig.call(plugin, config, options);
        record(options, inputs, true);
        return inputs;
      };
    }
    if (resolveFromAST !== undefined) {
      plugin.resolveFromAST = (program, options) => {
        const inputs = resolveFromAST.call(plugin, program, options);
        record(options, inputs, true);
        return inputs;
      };
    }
    if (resolve !== undefined) {
      plugin.resolve = async (options) => {
        const inputs = await resolve.call(plugin, options);
        record(options, inputs, false);
        return inputs;
      };
    }
  }
  return { statements, configFiles };
}

interface Attribution {
  plugin?: string;
  configFile?: string;
}

/**
 * Finds which enabled plugin named an entry file: a config file it read, a pattern or path a
 * resolver returned, or one of its default entry patterns. Undefined for package.json entries
 * and script targets, which knip finds without a plugin.
 */
export function createAttributor(
  plugins: Record<string, KnipPlugin>,
  statements: readonly PluginStatement[],
  enabledByWorkspace: ReadonlyMap<string, readonly string[]>,
): (file: string) => Attribution {
  const matchers: Array<{ attribution: Attribution; workspaceDir: string; matches: (file: string) => boolean }> = [];
  for (const statement of statements) {
    const attribution = { plugin: statement.plugin, ...(statement.configFile !== undefined ? { configFile: statement.configFile } : {}) };
    if (statement.configFile !== undefined) {
      const configFile = statement.configFile;
      matchers.push({ attribution, workspaceDir: statement.workspaceDir, matches: (file) => file === configFile });
    }
    for (const input of statement.inputs) {
      if (!['entry', 'productionEntry', 'deferResolveEntry', 'deferResolve'].includes(input.type) || typeof input.specifier !== 'string') continue;
      const base = path.dirname(input.containingFilePath ?? statement.configFile ?? path.join(statement.workspaceDir, 'package.json'));
      matchers.push({ attribution, workspaceDir: statement.workspaceDir, matches: specifierMatcher(input.specifier, statement.workspaceDir, base) });
    }
  }
  for (const [workspaceDir, enabled] of enabledByWorkspace) {
    for (const name of enabled) {
      const plugin = plugins[name];
      if (plugin === undefined) continue;
      // A plugin may compute its config patterns (lefthook's `config` is a function): only lists are read.
      const patterns = [plugin.config, plugin.entry, plugin.production].flatMap((list) => (Array.isArray(list) ? list : [])).map((pattern) => pattern.replace(/^!/, '').replace(/!$/, ''));
      const matches = compileGlobs(patterns);
      matchers.push({ attribution: { plugin: name }, workspaceDir, matches: (file) => matches(toPosix(path.relative(workspaceDir, file))) });
    }
  }
  return (file) => matchers.find((matcher) => isInside(matcher.workspaceDir, file) && matcher.matches(file))?.attribution ?? {};
}

export function isTestPlugin(plugin: string | undefined): boolean {
  return plugin !== undefined && TEST_PLUGINS.has(plugin);
}

/** A plugin input as a test over absolute file paths: a glob, or a path with or without extension. */
function specifierMatcher(specifier: string, workspaceDir: string, base: string): (file: string) => boolean {
  const cleaned = specifier.replace(/^!/, '').replace(/!$/, '');
  if (/[*?{[]/.test(cleaned)) {
    const matches = compileGlobs([path.isAbsolute(cleaned) ? toPosix(path.relative(workspaceDir, cleaned)) : cleaned]);
    return (file) => matches(toPosix(path.relative(workspaceDir, file)));
  }
  const targets = [path.resolve(base, cleaned), path.resolve(workspaceDir, cleaned)];
  return (file) => targets.some((target) => file === target || stripExtension(file) === stripExtension(target) || stripExtension(file) === path.join(target, 'index'));
}

function stripExtension(file: string): string {
  return file.replace(/\.[cm]?[jt]sx?$/, '');
}


function toPosix(relative: string): string {
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}
