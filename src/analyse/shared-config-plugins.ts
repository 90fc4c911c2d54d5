import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { WorkspacePackage } from '../manifests/workspaces.js';
import { packageNameOf, subpathTargets } from '../manifests/package-json.js';
import type { DependencyProblem } from '../rule-engine/analysis-context.js';
import { isUnusedDependency } from '../rule-engine/dependency-problems.js';
import type { InstalledManifests } from './installed-package.js';

/** Config files that may hold only the name of a shared config (`"@company/prettier-config"`). */
const NAME_ONLY_CONFIGS = ['.prettierrc', '.prettierrc.json'];

/**
 * knip's unused dependencies, less plugins a shared config names: package.json `"prettier":
 * "@epic-web/config/prettier"` (or an `extends` in package.json's tool settings) loads an
 * installed config module, and the plugins it lists by name (`plugins:
 * ['prettier-plugin-tailwindcss']`) are loaded from the project too. Only the module the
 * setting names is read, for the names of packages that look unused. A shared config that
 * cannot be read leaves the unused dependencies named after its tool (`prettier-plugin-*` for
 * `"prettier"`) unjudged, with a notice: they may be its plugins.
 */
export function dropSharedConfigPlugins(root: string, packages: readonly WorkspacePackage[], problems: DependencyProblem[], notices: string[], manifests: InstalledManifests): DependencyProblem[] {
  if (!problems.some(isUnusedDependency)) return problems;
  const mentionedBy = new Map<string, string[]>();
  const unreadBy = new Map<string, SharedConfig[]>();
  for (const workspace of packages) {
    const workspaceDir = path.relative(root, workspace.dir).split(path.sep).join('/');
    const configs = sharedConfigNames(workspace).map((config) => ({ ...config, text: readSharedConfig(manifests, workspace.dir, config.name) }));
    mentionedBy.set(workspaceDir, configs.flatMap((config) => (config.text === undefined ? [] : [config.text])));
    unreadBy.set(workspaceDir, configs.filter((config) => config.text === undefined));
  }
  const unjudged = new Map<string, string[]>();
  const kept = problems.filter((problem) => {
    if (!isUnusedDependency(problem)) return true;
    if ((mentionedBy.get(problem.workspace) ?? []).some((text) => new RegExp(`['"\`]${escape(problem.name)}['"\`]`).test(text))) return false;
    const unread = (unreadBy.get(problem.workspace) ?? []).find((config) => problem.name.toLowerCase().includes(config.tool));
    if (unread === undefined) return true;
    unjudged.set(unread.name, [...(unjudged.get(unread.name) ?? []), problem.name]);
    return false;
  });
  for (const [name, dependencies] of unjudged) {
    notices.push(`the shared config ${name} could not be read (not installed, or its exports name no file), so whether it loads ${dependencies.join(', ')} cannot be judged`);
  }
  return kept;
}

/** A shared config a tool setting names, and the tool (`prettier`, `eslint`, `stylelint`). */
interface SharedConfig {
  name: string;
  tool: string;
}

/** Installed modules the workspace's tool settings name: string settings and `extends` values. */
function sharedConfigNames(workspace: WorkspacePackage): SharedConfig[] {
  const configs: SharedConfig[] = [];
  const listed = new Set(['dependencies', 'devDependencies'].flatMap((list) => Object.keys((workspace.pkg as Record<string, unknown>)[list] ?? {})));
  const consider = (value: unknown, setting: string) => {
    // `eslintConfig` configures eslint: its plugins are named `eslint-plugin-*`.
    const tool = setting.replace(/Config$/, '').toLowerCase();
    for (const name of typeof value === 'string' ? [value] : Array.isArray(value) ? value : []) {
      if (typeof name === 'string' && listed.has(packageNameOf(name))) configs.push({ name, tool });
    }
  };
  for (const [setting, value] of Object.entries(workspace.pkg as Record<string, unknown>)) {
    consider(value, setting);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) consider((value as Record<string, unknown>).extends, setting);
  }
  for (const file of NAME_ONLY_CONFIGS) {
    const text = readText(path.join(workspace.dir, file))?.trim();
    if (text === undefined || !/^"[^"]+"$/.test(text)) continue;
    try {
      consider(JSON.parse(text), 'prettier');
    } catch {
      continue; // not a JSON string (a bad escape): Prettier rejects it too, it names no config
    }
  }
  return configs;
}

/** The text of the module a shared config's name loads; undefined when it cannot be found. */
function readSharedConfig(manifests: InstalledManifests, dir: string, name: string): string | undefined {
  let file: string;
  try {
    file = createRequire(path.join(dir, 'package.json')).resolve(name);
  } catch {
    return readEsmOnlyConfig(manifests, dir, name);
  }
  return existsSync(file) ? readText(file) : undefined;
}

/**
 * A package whose `exports` offer the name only to `import` (no `require` or `default`
 * condition) cannot be resolved by require.resolve: its targets for the subpath are read from
 * its installed package.json (every condition's file: one of them is what the tool loads).
 */
function readEsmOnlyConfig(manifests: InstalledManifests, dir: string, name: string): string | undefined {
  const packageName = packageNameOf(name);
  const installed = manifests.read(dir, packageName);
  if (installed === undefined) return undefined;
  const targets = subpathTargets(installed.manifest.exports, `.${name.slice(packageName.length)}`)
    .filter((target) => !/\.d\.[cm]?ts$/.test(target))
    .map((target) => readText(path.resolve(path.dirname(installed.file), target)))
    .filter((text): text is string => text !== undefined);
  return targets.length === 0 ? undefined : targets.join('\n');
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
