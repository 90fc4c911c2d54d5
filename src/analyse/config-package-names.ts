import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { WorkspacePackage } from '../manifests/workspaces.js';
import type { DependencyProblem } from '../rule-engine/analysis-context.js';
import { isUnusedDependency } from '../rule-engine/dependency-problems.js';

/** A shared-config package by its name: `@acme/tailwind-config`, `@repo/eslint-config`, `eslint-config-x`, `@acme/config`. */
const CONFIG_PACKAGE_NAME = /(?:^|[/-])config(?:-|$)/;
const CONFIG_MODULE = /\.(?:[cm]?[jt]s|json)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'coverage', 'test', 'tests', '__tests__']);
const MAX_DEPTH = 2;
const MAX_BYTES = 64 * 1024;

/**
 * knip's unused dependencies of a workspace shared-config package, less the packages its config
 * modules name: `@acme/tailwind-config` exports `postcss-config.js` with `plugins:
 * { '@tailwindcss/postcss': {} }`, which the apps' postcss.config.js re-export. The tool that
 * loads the config (in another workspace) loads the plugin by that name, and the config package
 * lists it so that it is installed: it is used.
 */
export function dropNamedByConfigPackages(root: string, packages: readonly WorkspacePackage[], problems: DependencyProblem[]): DependencyProblem[] {
  const texts = new Map<string, string[]>();
  for (const workspace of packages) {
    if (workspace.name === undefined || !CONFIG_PACKAGE_NAME.test(workspace.name) || path.resolve(workspace.dir) === path.resolve(root)) continue;
    texts.set(path.relative(root, workspace.dir).split(path.sep).join('/'), configModules(workspace.dir, 0));
  }
  if (texts.size === 0) return problems;
  return problems.filter((problem) => !isUnusedDependency(problem)
    || !(texts.get(problem.workspace) ?? []).some((text) => new RegExp(`['"\`]${escape(problem.name)}(?:/[^'"\`]*)?['"\`]`).test(text)));
}

/** The texts of the package's own script and JSON files (its configs), not its dependencies' or tests'. */
function configModules(dir: string, depth: number): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const texts: string[] = [];
  for (const name of names) {
    if (name.startsWith('.') || SKIPPED_FOLDERS.has(name) || name === 'package.json') continue;
    const file = path.join(dir, name);
    let stats;
    try {
      stats = statSync(file);
    } catch {
      continue;
    }
    if (stats.isDirectory() && depth < MAX_DEPTH) texts.push(...configModules(file, depth + 1));
    else if (stats.isFile() && CONFIG_MODULE.test(name) && stats.size <= MAX_BYTES) texts.push(readFileSync(file, 'utf8'));
  }
  return texts;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
