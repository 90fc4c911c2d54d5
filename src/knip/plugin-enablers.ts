import type { KnipPlugin } from './load-knip.js';

/**
 * Packages that enable a knip plugin besides the ones it checks: the `commitlint` package is
 * the wrapper of `@commitlint/cli` (the same `commitlint` binary), which knip's commitlint
 * plugin does not know, so a `.commitlintrc.json` extending `@commitlint/config-conventional`
 * went unread and that package looked unused.
 */
const MORE_ENABLERS: Readonly<Record<string, readonly string[]>> = {
  commitlint: ['commitlint'],
};

interface EnableOptions {
  dependencies?: ReadonlySet<string>;
}

type Enabler = (options: EnableOptions) => unknown;

/** Lets the packages above enable their plugin too (once per plugin object). */
export function addPluginEnablers(plugins: Record<string, KnipPlugin>): void {
  for (const [name, packages] of Object.entries(MORE_ENABLERS)) {
    const plugin = plugins[name] as (KnipPlugin & { isEnabled?: Enabler }) | undefined;
    const isEnabled = plugin?.isEnabled;
    if (plugin === undefined || isEnabled === undefined || widened.has(plugin)) continue;
    widened.add(plugin);
    plugin.isEnabled = async (options) => (await isEnabled.call(plugin, options)) === true
      || packages.some((dependency) => options.dependencies?.has(dependency) === true);
  }
}

/** knip's plugin objects live as long as the module: a second run must not wrap them twice. */
const widened = new WeakSet<KnipPlugin>();
