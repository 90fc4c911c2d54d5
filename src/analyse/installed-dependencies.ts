import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DependencyProblem, ListedDependency } from '../rule-engine/analysis-context.js';
import type { WorkspacePackage } from '../manifests/workspaces.js';
import { findUp, type InstalledManifests } from './installed-package.js';
import { isUnusedDependency } from '../rule-engine/dependency-problems.js';
import { packageNameOf, typedPackage } from '../manifests/package-json.js';
import { isSystemTool } from './system-tools.js';

/**
 * knip's dependency problems, checked against what is installed. knip learns which binaries a
 * package provides from its installed package.json: without it, a script that runs the binary
 * counts for nothing. A system tool a script runs (`docker-compose`, `make`) needs no dependency.
 * An unused dependency that is not installed, and an unlisted binary
 * when nothing is installed or a listed package is not, are not judged (one notice says so): orch-guard fails closed; a
 * workspace package without `bin` is judged all the same (no script can run it). An
 * unlisted dependency that the file's nearest package.json lists (a nested package that is not
 * a workspace) is dropped too, and so is an unresolved import that orch-guard resolves.
 */
export function checkInstalled(
  root: string,
  packages: readonly WorkspacePackage[],
  problems: readonly DependencyProblem[],
  notices: string[],
  /** Whether orch-guard's resolver finds what the specifier names (a file, an artifact, a package). */
  resolves: (file: string, specifier: string) => boolean,
  manifests: InstalledManifests,
): DependencyProblem[] {
  const byWorkspace = new Map(packages.map((workspace) => [toPosix(path.relative(root, workspace.dir)), workspace]));
  const dirOf = (problem: DependencyProblem) => byWorkspace.get(problem.workspace)?.dir ?? path.join(root, problem.workspace);
  const libraryWorkspaces = new Set(packages.filter((workspace) => workspace.pkg.bin === undefined).map((workspace) => workspace.name));
  const notJudged: string[] = [];
  const result: DependencyProblem[] = [];
  // A listed package that is not installed (an install that left it out) may provide any binary
  // a script runs (`electron-rebuild` comes from @electron/rebuild): no binary there is judged.
  const missing = new Map<WorkspacePackage, boolean>();
  const missesListed = (workspace: WorkspacePackage | undefined) => {
    if (workspace === undefined) return false;
    if (!missing.has(workspace)) {
      const listed = Object.keys({ ...workspace.pkg.dependencies, ...workspace.pkg.devDependencies }).filter((name) => !libraryWorkspaces.has(name));
      missing.set(workspace, listed.some((name) => !lookUp(root, workspace.dir, path.join('node_modules', name, 'package.json'))));
    }
    return missing.get(workspace) === true;
  };
  for (const problem of problems) {
    if (isUnusedDependency(problem)) {
      // A workspace package without binaries needs no install to be judged: only an import can use it.
      if (!libraryWorkspaces.has(problem.name) && !lookUp(root, dirOf(problem), path.join('node_modules', problem.name, 'package.json'))) notJudged.push(problem.name);
      else if (problem.name.startsWith('@types/')) result.push({ ...problem, typedPackageShipsTypes: shipsOwnTypes(manifests, dirOf(problem), typedPackage(problem.name) ?? problem.name) });
      else result.push(problem);
    } else if (problem.type === 'unlisted-dependency') {
      if (!listedNearFile(root, problem.file, problem.name) && !onlyImpliedByConfig(root, problem)
        && !isVirtualStylesheet(root, problem)) result.push(problem);
    } else if (problem.type === 'unlisted-binary') {
      if (isSystemTool(problem.name)) continue;
      if (lookUp(root, dirOf(problem), 'node_modules') && !missesListed(byWorkspace.get(problem.workspace))) result.push(problem.line === undefined ? { ...problem, ...whereRun(root, problem.file, problem.name) } : problem);
      else notJudged.push(`binary ${problem.name}`);
    } else if (problem.type === 'unresolved-import' && !path.isAbsolute(problem.name)) {
      const settled = settleUnresolved(root, problem, resolves);
      if (settled !== undefined && !result.some((other) => other.type === settled.type && other.file === settled.file && other.name === settled.name)) result.push(settled);
    } else if (problem.type === 'unresolved-import') {
      // `/src/main.ts` from a served root (Vite) is a file orch-guard finds: not unresolved.
      if (problem.name.startsWith('/') && resolves(problem.file, problem.name)) continue;
      // knip names a config's unresolvable path absolutely; findings speak root-relative.
      result.push({ ...problem, name: toPosix(path.relative(root, problem.name)) });
    } else {
      result.push(problem);
    }
  }
  if (notJudged.length > 0) {
    notices.push(`dependencies are not installed, so whether ${notJudged.length === 1 ? 'this one is' : 'these are'} used cannot be judged (a script may run a binary they provide): ${notJudged.join(', ')}; install them for a full check`);
  }
  return result;
}

/**
 * knip names the manifest or workflow that runs a binary, not the line: the first command there
 * that runs it (in package.json, a line of `scripts`), so the finding points at it.
 */
function whereRun(root: string, file: string, binary: string): { line?: number; column?: number } {
  let lines: string[];
  try {
    lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  } catch {
    return {};
  }
  const escaped = binary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const runs = new RegExp(`(^|[\\s"'\`;&|(/])${escaped}(?=[\\s"'\`;&|)]|$)`);
  const scripts = file.endsWith('package.json') ? lines.findIndex((line) => line.includes('"scripts"')) : -1;
  for (let index = Math.max(0, scripts); index < lines.length; index++) {
    const match = runs.exec(lines[index]);
    if (match !== null) return { line: index + 1, column: match.index + match[1].length + 1 };
  }
  return {};
}

/**
 * knip's "unresolved" import, checked with orch-guard's resolver: a relative path it resolves
 * (a file a build generates, through `rootDirs`) is dropped; a package that is installed is not
 * missing: unlisted when no package.json near the file lists it, else fine.
 */
function settleUnresolved(root: string, problem: DependencyProblem, resolves: (file: string, specifier: string) => boolean): DependencyProblem | undefined {
  const specifier = problem.name;
  if (specifier.startsWith('.')) return resolves(problem.file, specifier) ? undefined : problem;
  const name = packageNameOf(specifier);
  if (!/^(?:@[\w.-]+\/)?[\w.-]+$/.test(name) || !lookUp(root, path.dirname(path.join(root, problem.file)), path.join('node_modules', name, 'package.json'))) return problem;
  return listedNearFile(root, problem.file, name) ? undefined : { ...problem, type: 'unlisted-dependency', name };
}

/** Whether the installed package declares its own types (`types`, `typings`, a `types` export condition). */
function shipsOwnTypes(manifests: InstalledManifests, dir: string, name: string): boolean {
  const installed = manifests.read(dir, name);
  if (installed === undefined) return false;
  return installed.manifest.types !== undefined || installed.manifest.typings !== undefined || /"types"\s*:/.test(installed.text);
}

const EXPO_APP_CONFIG = /(?:^|\/)app\.config\.[cm]?[jt]s$/;

/**
 * knip's plugins add packages a tool may need to what a config uses (Expo's app.json or
 * app.config.ts "uses" expo-updates unless updates are off): a config that does not name the
 * package, not even by the short name tools accept (`airbnb` for eslint-config-airbnb,
 * `@babel/env`), does not use it, and nothing is missing from package.json because of it. Other
 * code configs imply packages by value and need them (Vitest's `provider: 'v8'` runs
 * @vitest/coverage-v8), so of code files only Expo's app config is judged this way.
 */
function onlyImpliedByConfig(root: string, problem: DependencyProblem): boolean {
  if (/\.(?:[cm]?[jt]sx?|vue|svelte|astro|mdx?)$/.test(problem.file) && !EXPO_APP_CONFIG.test(problem.file)) return false;
  const shortName = problem.name.replace(/^.*\//, '').replace(/^(?:[a-z]+-)?(?:config|plugin|preset)-/, '');
  try {
    const text = readFileSync(path.join(root, problem.file), 'utf8');
    return !text.includes(problem.name) && !text.includes(shortName);
  } catch {
    return false;
  }
}

function listedNearFile(root: string, file: string, name: string): boolean {
  for (let dir = path.dirname(path.join(root, file)); dir.startsWith(root); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, Record<string, string> | undefined>;
        return ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].some((list) => pkg[list]?.[name] !== undefined);
      } catch {
        return false;
      }
    }
    if (dir === root) break;
  }
  return false;
}

/** Whether `relative` exists in `dir` or a directory above it, up to the root. */
/**
 * `import 'uno.css'` (UnoCSS), `import 'windi.css'`: a bare `<name>.css` that no installed
 * package answers to is a stylesheet a bundler plugin makes up, not a package to list. An
 * installed one (`normalize.css`) is a package like any other.
 */
function isVirtualStylesheet(root: string, problem: DependencyProblem): boolean {
  return /^[\w-]+\.css$/.test(problem.name)
    && !lookUp(root, path.dirname(path.join(root, problem.file)), path.join('node_modules', problem.name, 'package.json'));
}

function lookUp(root: string, dir: string, relative: string): boolean {
  return findUp(root, dir, relative) !== undefined;
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

/** The dependencies and devDependencies each workspace lists, with the line of each entry. */
export function listDependencies(root: string, packages: readonly WorkspacePackage[]): ListedDependency[] {
  return packages.flatMap((workspace) => {
    const dir = toPosix(path.relative(root, workspace.dir));
    const file = dir === '' ? 'package.json' : `${dir}/package.json`;
    let lines: string[];
    try {
      lines = readFileSync(path.join(workspace.dir, 'package.json'), 'utf8').split('\n');
    } catch {
      return [];
    }
    return (['dependencies', 'devDependencies'] as const).flatMap((list) => Object.keys(workspace.pkg[list] ?? {}).map((name) => ({
      workspace: dir,
      name,
      list,
      file,
      line: Math.max(1, lines.findIndex((line) => line.includes(`"${name}"`)) + 1),
    })));
  });
}
