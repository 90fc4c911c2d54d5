import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GraphFile } from '../graph/symbol-graph.js';
import type { DependencyProblem } from '../rule-engine/analysis-context.js';
import { isUnusedDependency } from '../rule-engine/dependency-problems.js';
import type { InstalledManifests } from './installed-package.js';

const DECLARED_NAME = /\b(?:function|var|let|const|class|namespace|enum)\s+([A-Za-z_$][\w$]*)/g;

/**
 * knip's unused `@types/x` packages, less those whose global declarations the workspace's code
 * uses: `@types/vscode-webview` declares `acquireVsCodeApi()` in `declare global`, and a
 * webview script (`// @ts-check`) calls it without importing anything. The compiler (or the
 * editor) includes an `@types` package of the project on its own, so nothing names it.
 */
export function dropAmbientTypesInUse(root: string, problems: DependencyProblem[], files: readonly GraphFile[], manifests: InstalledManifests): DependencyProblem[] {
  const freeNamesByWorkspace = new Map<string, Set<string>>();
  const freeNamesOf = (workspace: string) => {
    let names = freeNamesByWorkspace.get(workspace);
    if (names === undefined) {
      const inside = files.filter((file) => workspace === '' || file.path.startsWith(`${workspace}/`));
      freeNamesByWorkspace.set(workspace, (names = new Set(inside.flatMap((file) => file.facts.freeNames))));
    }
    return names;
  };
  return problems.filter((problem) => {
    if (!isUnusedDependency(problem) || !problem.name.startsWith('@types/')) return true;
    const globals = declaredGlobals(manifests, path.join(root, problem.workspace), problem.name);
    const used = freeNamesOf(problem.workspace);
    return !globals.some((name) => used.has(name));
  });
}

/** Values an installed `@types` package declares globally (its types entry only). */
function declaredGlobals(manifests: InstalledManifests, dir: string, name: string): string[] {
  const installed = manifests.read(dir, name);
  if (installed === undefined) return [];
  const entry = installed.manifest.types ?? installed.manifest.typings ?? 'index.d.ts';
  let text: string;
  try {
    text = readFileSync(path.join(path.dirname(installed.file), typeof entry === 'string' ? entry : 'index.d.ts'), 'utf8');
  } catch {
    return [];
  }
  const scopes = globalScopes(text);
  return scopes.flatMap((scope) => [...scope.matchAll(DECLARED_NAME)].map((match) => match[1]));
}

/** The text of each `declare global { … }` block, or the whole file when it is a global script. */
function globalScopes(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  if (!hasTopLevelModuleSyntax(code)) return [code];
  const scopes: string[] = [];
  for (const match of code.matchAll(/declare\s+global\s*\{/g)) {
    let depth = 1;
    let at = (match.index ?? 0) + match[0].length;
    const start = at;
    for (; at < code.length && depth > 0; at += 1) {
      if (code[at] === '{') depth += 1;
      else if (code[at] === '}') depth -= 1;
    }
    scopes.push(code.slice(start, at - 1));
  }
  return scopes;
}

/**
 * Whether the declarations are a module: an `import` or `export` at the top level. One inside
 * `declare module "mocha" { export = Mocha; }` does not count: @types/mocha declares
 * `describe` and `it` globally beside such blocks.
 */
function hasTopLevelModuleSyntax(code: string): boolean {
  let depth = 0;
  let checked = 0;
  for (const match of code.matchAll(/^\s*(?:import|export)\b/gm)) {
    const at = match.index ?? 0;
    for (; checked < at; checked += 1) {
      if (code[checked] === '{') depth += 1;
      else if (code[checked] === '}') depth = Math.max(0, depth - 1);
    }
    if (depth === 0) return true;
  }
  return false;
}
