import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isBareSpecifier, packageNameOf, subpathTargets } from '../manifests/package-json.js';
import { stylesheetCandidates } from '../resolve/stylesheet-candidates.js';
import type { DependencyProblem } from '../rule-engine/analysis-context.js';
import { isUnusedDependency } from '../rule-engine/dependency-problems.js';
import type { InstalledManifests } from './installed-package.js';

const STYLE = /\.(?:s[ac]ss|less|css)$/;
/** How many style sheets of installed packages are read at most: their imports are followed. */
const MAX_SHEETS = 200;

/** A project file's imports, as the facts list them. */
interface ImportingFile {
  /** Root-relative path. */
  path: string;
  specifiers: readonly string[];
}

/**
 * knip's unused dependencies, less packages that an installed package's style sheet imports,
 * when the project imports that sheet (`@import "@acme/styles/theme.scss"`, whose theme.scss
 * does `@import "bootstrap/scss/functions"`): the project's build compiles that sheet, so its
 * imports resolve from the project's node_modules and the packages must be listed there.
 */
export function dropStylePackageImports(root: string, problems: DependencyProblem[], files: readonly ImportingFile[], manifests: InstalledManifests): DependencyProblem[] {
  if (!problems.some(isUnusedDependency)) return problems;
  const pending: string[] = [];
  for (const file of files) {
    for (const specifier of file.specifiers) {
      if (!STYLE.test(specifier) || !isBareSpecifier(specifier.replace(/^~/, ''))) continue;
      const sheet = installedSheet(manifests, path.join(root, path.dirname(file.path)), specifier.replace(/^~/, ''));
      if (sheet !== undefined) pending.push(sheet);
    }
  }
  if (pending.length === 0) return problems;
  const used = new Set<string>();
  const seen = new Set<string>();
  while (pending.length > 0 && seen.size < MAX_SHEETS) {
    const sheet = pending.pop() as string;
    if (seen.has(sheet)) continue;
    seen.add(sheet);
    for (const specifier of sheetImports(sheet)) {
      const inNodeModules = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(specifier)?.[1];
      const bare = specifier.replace(/^~/, '');
      if (inNodeModules !== undefined) used.add(inNodeModules);
      else if (specifier.startsWith('.') || !isBareSpecifier(bare)) pending.push(...localSheet(path.dirname(sheet), specifier));
      else {
        // A name Sass resolves next to the sheet first (`@import "boot"` is `./_boot.scss`).
        const local = localSheet(path.dirname(sheet), specifier);
        if (local.length > 0) pending.push(...local);
        else used.add(packageNameOf(bare));
      }
    }
  }
  return used.size === 0 ? problems : problems.filter((problem) => !isUnusedDependency(problem) || !used.has(problem.name));
}

/** The file an installed package's style sheet specifier names: through its `exports`, else the path itself. */
function installedSheet(manifests: InstalledManifests, fromDir: string, specifier: string): string | undefined {
  const name = packageNameOf(specifier);
  const installed = manifests.read(fromDir, name);
  if (installed === undefined) return undefined;
  const packageDir = path.dirname(installed.file);
  const subpath = `.${specifier.slice(name.length)}`;
  const targets = subpathTargets(installed.manifest.exports, subpath);
  return [...targets, subpath].map((target) => path.resolve(packageDir, target)).find(isFile);
}

/** A relative (or Sass partial) import of a sheet, as a file beside it. */
function localSheet(dir: string, specifier: string): string[] {
  const found = stylesheetCandidates(specifier).map((candidate) => path.resolve(dir, candidate)).find(isFile);
  return found === undefined ? [] : [found];
}

function sheetImports(sheet: string): string[] {
  let text: string;
  try {
    text = readFileSync(sheet, 'utf8');
  } catch {
    // Unreadable: what it imports is unknown, and nothing is dropped on its account.
    return [];
  }
  return [...text.matchAll(/@(?:import|use|forward)\s+(?:url\(\s*)?["']([^"']+)["']/g)].map((match) => match[1]);
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}
