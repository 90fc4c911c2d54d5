import path from 'node:path';
import { readPackageJson } from '../../../manifests/package-json.js';
import { isRecord } from './config-values.js';
import type { ToolConvention } from './tool-convention.js';

const SCRIPT = '{js,jsx,ts,tsx,mjs,mts,cjs,cts}';
/** Build output folders oclif's paths usually name; their source is the same path under `src/`. */
const OUTPUT_DIR = /^(?:lib|dist|build|out)\//;

/**
 * oclif: the launchers `bin/run.js` and `bin/dev.js` (`oclif generate` writes both; a plugin has
 * no `bin` field, they are run by hand), and what package.json `oclif` names: the `commands`
 * folder (or `{ target }`), each `hooks` file — paths of the build output (`./lib/hooks/init.js`),
 * whose source is the same path under `src/`. knip's plugin knows `{,src/}commands/` only.
 */
export const oclif: ToolConvention = {
  name: 'oclif',
  dependency: '@oclif/core',
  entries: [`bin/{run,dev}.${SCRIPT}`],
  configuredEntries: (packageDir) => {
    const config = (readPackageJson(packageDir) as Record<string, unknown> | undefined)?.oclif;
    if (!isRecord(config)) return [];
    const globs: string[] = [];
    const commands = isRecord(config.commands) ? config.commands.target : config.commands;
    // A `pattern` target is a folder of commands; an `explicit` one a module exporting them.
    if (typeof commands === 'string') globs.push(...sourceGlobs(commands, true), ...sourceGlobs(commands, false));
    const hooks = isRecord(config.hooks) ? Object.values(config.hooks) : [];
    for (const hook of hooks.flat()) {
      const file = typeof hook === 'string' ? hook : isRecord(hook) && typeof hook.target === 'string' ? hook.target : undefined;
      if (file !== undefined) globs.push(...sourceGlobs(file, false));
    }
    return globs;
  },
};

/** Globs for a path of the build output and its source twin, as a folder or as one module. */
function sourceGlobs(target: string, folder: boolean): string[] {
  const relative = path.posix.normalize(target.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/\/$/, '');
  if (relative.startsWith('../') || path.posix.isAbsolute(relative)) return [];
  const stem = relative.replace(/\.[cm]?[jt]sx?$/, '');
  const stems = OUTPUT_DIR.test(stem) ? [stem, stem.replace(OUTPUT_DIR, 'src/')] : [stem];
  return stems.flatMap((item) => (folder ? [`${item}/**/*.${SCRIPT}`] : [`${item}.${SCRIPT}`, `${item}/index.${SCRIPT}`]));
}
