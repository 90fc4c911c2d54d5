import path from 'node:path';
import { toolReaders } from '../project/entries/tools/readers.js';
import type { ParseModule } from '../project/entries/tools/static-paths.js';
import type { ConfigContext, ConfigMentions, ToolReader } from '../project/entries/tools/tool-config-reader.js';
import type { KnipInput, KnipPlugin, KnipPluginOptions } from './load-knip.js';

/**
 * Adds orch-guard's tool config readers to knip's plugins (src/project/entries/tools): each
 * reader sees the config the plugin loaded or parsed, and what it finds is returned with the
 * plugin's own inputs — so knip itself counts the files as entries (and the packages they
 * import as used) and the packages as used. Call before recordPluginInputs, which then
 * attributes the additions to the plugin. `parseModule` parses the modules a config takes its
 * paths from, for this run.
 */
export function extendPlugins(plugins: Record<string, KnipPlugin>, parseModule: ParseModule): void {
  parseModuleOfRun = parseModule;
  for (const reader of toolReaders) {
    const plugin = plugins[reader.plugin];
    if (plugin === undefined) continue;
    const readers = extended.get(plugin) ?? new Set<ToolReader>();
    if (readers.has(reader)) continue;
    // A second reader of one plugin wraps the first's wrapper: each adds its own inputs.
    extendPlugin(plugin, reader);
    extended.set(plugin, readers.add(reader));
  }
}

/** knip's plugin objects live as long as the module: a second run in one thread must not extend them twice. */
const extended = new WeakMap<KnipPlugin, Set<ToolReader>>();
/** The wrappers outlive a run (above), so they read the run's parser here: runs in one thread take turns. */
let parseModuleOfRun: ParseModule | undefined;

function extendPlugin(plugin: KnipPlugin, reader: ToolReader): void {
  const { resolveConfig, resolveFromAST } = plugin;
  if (resolveConfig !== undefined && (reader.fromConfig !== undefined || reader.prepareConfig !== undefined)) {
    plugin.resolveConfig = async (loaded, options) => {
      const context = contextOf(options);
      const { prepareConfig, fromConfig } = reader;
      // A config module may export a function (Jest's `async () => config`): the plugin calls it too.
      const resolved = prepareConfig !== undefined && typeof loaded === 'function' ? await (loaded as () => unknown)() : loaded;
      const config = prepareConfig !== undefined ? guarded(options, () => prepareConfig(resolved, context), resolved) : loaded;
      const inputs = await resolveConfig.call(plugin, config, options);
      return fromConfig === undefined ? inputs : [...inputs, ...guarded(options, () => toInputs(fromConfig(config, context)), [])];
    };
  }
  if (reader.fromSyntax !== undefined) {
    const fromSyntax = reader.fromSyntax;
    plugin.resolveFromAST = (program, options) => {
      const inputs = resolveFromAST !== undefined ? resolveFromAST.call(plugin, program, options) : [];
      return [...inputs, ...guarded(options, () => toInputs(fromSyntax(program, contextOf(options))), [])];
    };
  }
}

/**
 * A reader that throws must not cost knip its run (every finding would turn low confidence) nor
 * pass silently: it is reported the way knip reports a config it could not load, which
 * ask-knip.ts turns into a notice and a gap for that config's package.
 */
function guarded<T>(options: KnipPluginOptions, read: () => T, fallback: T): T {
  try {
    return read();
  } catch (error) {
    const file = path.relative(options.rootCwd ?? options.cwd, options.configFilePath).split(path.sep).join('/');
    console.error(`Error loading ${file} (orch-guard could not read it: ${error instanceof Error ? error.message : String(error)})`);
    return fallback;
  }
}

function contextOf(options: KnipPluginOptions): ConfigContext {
  return { configFile: options.configFilePath, workspaceDir: options.cwd, ...(parseModuleOfRun !== undefined ? { parseModule: parseModuleOfRun } : {}) };
}

/** knip's input shapes (its util/input.js): production entries resolved like imports, optional dependencies. */
function toInputs(mentions: ConfigMentions): KnipInput[] {
  return [
    ...mentions.files.map((file) => ({ type: 'deferResolveEntry', specifier: file, production: true }) as KnipInput),
    // Optional: a name no manifest lists is not reported as unlisted on the config's word alone.
    ...[...new Set(mentions.packages)].map((name) => ({ type: 'dependency', specifier: name, optional: true }) as KnipInput),
  ];
}
