import path from 'node:path';
import { compileGlobs } from '../files/glob.js';
import type { FileLookup } from '../resolve/file-lookup.js';
import { mapOutputToSource, sourcePatternFor } from '../resolve/output-to-source.js';
import { closedExportSubpaths, packageEntryTargets } from '../manifests/package-json.js';
import type { TsconfigFacts } from '../manifests/read-tsconfig.js';
import type { WorkspacePackage } from '../manifests/workspaces.js';

/** Test, story and mock files: entries unless --production, which drops them. */
const TEST_FILE = /(?:^|\/)(?:test|tests|__tests__|__mocks__|e2e|cypress)\/|\.(?:test|spec|test-d|spec-d|bench|e2e|stories|story)\.[cm]?[jt]sx?$/;
/** Tool configuration files at a package's top level (vite.config.ts, .eslintrc.js, ...). */
const TOOL_CONFIG = /^(?:[\w.-]+\.config|\.[\w-]+rc|[\w-]+\.workspace|gulpfile|Gruntfile)\.[cm]?[jt]sx?$/;
const CONVENTIONAL = /^(?:src\/)?(?:index|main|cli)\.(?:[cm]?[jt]sx?)$/;
const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/;

export function isTestFile(relativePath: string): boolean {
  return TEST_FILE.test(relativePath);
}

interface EntryOptions {
  files: readonly string[];
  packages: readonly WorkspacePackage[];
  tsconfigs: readonly TsconfigFacts[];
  lookup: FileLookup;
  /** Globs from the config and --entry. */
  entryGlobs: readonly string[];
  notices: string[];
}

/**
 * The production entry files: package.json entry points and script targets of every
 * workspace package (mapped from build output to source), configured globs, conventional
 * `index`/`main`/`cli` files, and tool config files.
 */
export function findEntryFiles(options: EntryOptions): Map<string, string> {
  const { files, lookup } = options;
  // Each entry with the reason it is one (the first reason found wins), for `why`.
  const entries = new Map<string, string>();
  const fileSet = new Set(files);
  const addFile = (file: string, reason: string) => {
    if (!entries.has(file)) entries.set(file, reason);
  };
  const add = (absolute: string | undefined, reason: string) => {
    const relative = absolute === undefined ? undefined : lookup.relative(absolute);
    if (relative !== undefined && fileSet.has(relative)) addFile(relative, reason);
  };

  for (const pattern of options.entryGlobs) {
    const matches = compileGlobs([pattern]);
    const matched = files.filter((file) => matches(file));
    if (matched.length === 0) options.notices.push(`entry pattern "${pattern}" matches no project file`);
    for (const file of matched) addFile(file, `configured entry "${pattern}"`);
  }

  for (const workspace of options.packages) {
    const packagePrefix = lookup.relative(workspace.dir);
    const manifest = packagePrefix === undefined || packagePrefix === '' ? 'package.json' : `${packagePrefix}/package.json`;
    const inPackage = (file: string) => (packagePrefix === undefined ? file : file.startsWith(`${packagePrefix}/`) ? file.slice(packagePrefix.length + 1) : undefined);
    const closedPrefixes = closedExportSubpaths(workspace.pkg.exports).map((subpath) => subpath.replace(/\*.*$/, '').replace(/^\.\//, ''));
    for (const { field, target } of packageEntryTargets(workspace.pkg)) {
      const reason = `${manifest} ${field}`;
      if (target.includes('*')) {
        const pattern = sourcePatternFor(target, workspace.dir, options.tsconfigs, lookup);
        if (pattern === undefined) continue;
        // `"./internal/*": null` closes part of a `./*` pattern: those files are not public.
        const sourceBase = target.slice(0, target.indexOf('*')).replace(/^\.\//, '');
        for (const file of files) {
          if (!pattern.test(file)) continue;
          const rest = relativeTail(file, packagePrefix, sourceBase);
          if (rest !== undefined && closedPrefixes.some((prefix) => prefix !== '' && rest.startsWith(prefix))) continue;
          addFile(file, reason);
        }
        continue;
      }
      const absolute = path.resolve(workspace.dir, target);
      add(mapOutputToSource(absolute, options.tsconfigs, lookup) ?? probeSource(absolute, lookup), reason);
    }
    for (const [name, script] of Object.entries(workspace.pkg.scripts ?? {})) {
      if (typeof script !== 'string') continue;
      for (const token of scriptPathTokens(script)) add(probeSource(path.resolve(workspace.dir, token), lookup), `${manifest} scripts.${name}`);
    }
    for (const file of files) {
      const relative = inPackage(file);
      if (relative !== undefined) addConventional(file, relative, addFile);
    }
  }
  if (options.packages.length === 0) for (const file of files) addConventional(file, file, addFile);
  return entries;
}

function addConventional(file: string, inPackage: string, addFile: (file: string, reason: string) => void): void {
  if (CONVENTIONAL.test(inPackage)) addFile(file, 'conventional entry (index, main or cli)');
  else if (!inPackage.includes('/') && TOOL_CONFIG.test(inPackage)) addFile(file, 'tool configuration file');
}

/**
 * The part of a matched source file that the pattern's `*` stood for, relative to where the
 * pattern starts (`dist/` in the target, `src/` or nothing in the source).
 */
function relativeTail(file: string, packagePrefix: string | undefined, targetBase: string): string | undefined {
  const inPackage = packagePrefix === undefined || packagePrefix === '' ? file : file.slice(packagePrefix.length + 1);
  const outputDir = targetBase.split('/')[0];
  for (const base of [targetBase, targetBase.replace(new RegExp(`^${outputDir}/`), 'src/'), targetBase.replace(new RegExp(`^${outputDir}/`), '')]) {
    if (inPackage.startsWith(base)) return inPackage.slice(base.length);
  }
  return undefined;
}

/** A source file for a path named in a script or manifest, with or without extension. */
function probeSource(absolute: string, lookup: FileLookup): string | undefined {
  if (lookup.isProjectFile(absolute)) return absolute;
  for (const extension of ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']) {
    if (lookup.isProjectFile(absolute + extension)) return absolute + extension;
  }
  for (const index of ['index.ts', 'index.js', 'index.mjs']) {
    if (lookup.isProjectFile(path.join(absolute, index))) return path.join(absolute, index);
  }
  return undefined;
}

/** Words of a package.json script that look like paths to code files. */
function scriptPathTokens(script: string): string[] {
  return script
    .split(/\s+|&&|\|\||[;|()]/)
    .map((token) => token.replace(/^['"]|['"]$/g, '').replace(/^--?[\w-]+=/, ''))
    .filter((token) => token !== '' && !token.startsWith('-') && !token.includes('://')
      && (CODE_FILE.test(token) || token.startsWith('./') || token.startsWith('../') || /^[\w@.-]+\/[\w./-]+$/.test(token)))
    .map((token) => token.replace(/^\.\//, ''));
}
