import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { WorkspacePackage } from '../manifests/workspaces.js';
import { packageNameOf } from '../manifests/package-json.js';
import type { DependencyProblem } from '../rule-engine/analysis-context.js';
import { isUnusedDependency } from '../rule-engine/dependency-problems.js';

/** Config files that may hold only the name of a shared config (`"@company/prettier-config"`). */
const NAME_ONLY_CONFIGS = ['.prettierrc', '.prettierrc.json'];

/**
 * knip's unused dependencies, less plugins a shared config names: package.json `"prettier":
 * "@epic-web/config/prettier"` (or an `extends` in package.json's tool settings) loads an
 * installed config module, and the plugins it lists by name (`plugins:
 * ['prettier-plugin-tailwindcss']`) are loaded from the project too. Only the module the
 * setting names is read, for the names of packages that look unused.
 */
export function dropSharedConfigPlugins(root: string, packages: readonly WorkspacePackage[], problems: DependencyProblem[]): DependencyProblem[] {
  if (!problems.some(isUnusedDependency)) return problems;
  const mentionedBy = new Map<string, string[]>();
  for (const workspace of packages) {
    const workspaceDir = path.relative(root, workspace.dir).split(path.sep).join('/');
    const modules = sharedConfigNames(workspace).map((name) => readSharedConfig(workspace.dir, name)).filter((text): text is string => text !== undefined);
    mentionedBy.set(workspaceDir, modules);
  }
  return problems.filter((problem) => !isUnusedDependency(problem)
    || !(mentionedBy.get(problem.workspace) ?? []).some((text) => new RegExp(`['"\`]${escape(problem.name)}['"\`]`).test(text)));
}

/** Installed modules the workspace's tool settings name: string settings and `extends` values. */
function sharedConfigNames(workspace: WorkspacePackage): string[] {
  const names: string[] = [];
  const listed = new Set(['dependencies', 'devDependencies'].flatMap((list) => Object.keys((workspace.pkg as Record<string, unknown>)[list] ?? {})));
  const consider = (value: unknown) => {
    for (const name of typeof value === 'string' ? [value] : Array.isArray(value) ? value : []) {
      if (typeof name === 'string' && listed.has(packageNameOf(name))) names.push(name);
    }
  };
  for (const value of Object.values(workspace.pkg as Record<string, unknown>)) {
    consider(value);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) consider((value as Record<string, unknown>).extends);
  }
  for (const file of NAME_ONLY_CONFIGS) {
    const text = readText(path.join(workspace.dir, file))?.trim();
    if (text === undefined || !/^"[^"]+"$/.test(text)) continue;
    try {
      consider(JSON.parse(text));
    } catch {
      continue; // not a JSON string (a bad escape): Prettier rejects it too, it names no config
    }
  }
  return names;
}

function readSharedConfig(dir: string, name: string): string | undefined {
  let file: string;
  try {
    file = createRequire(path.join(dir, 'package.json')).resolve(name);
  } catch {
    // Not resolvable as CommonJS (an ESM-only export, not installed): nothing is read.
    return undefined;
  }
  return existsSync(file) ? readText(file) : undefined;
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
