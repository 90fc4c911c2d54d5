import path from 'node:path';
import type { FileLookup } from '../../resolve/file-lookup.js';
import { ngPackageEntry } from '../../resolve/ng-package.js';
import { isBuildOutputPath } from '../../resolve/build-output-path.js';
import { mapOutputToSource, sourceOfCommittedOutput, sourcePatternFor } from '../../resolve/output-to-source.js';
import { closedExportSubpaths, dependsOn, isBareSpecifier, packageEntryTargets, packageNameOf, type PackageJson } from '../../manifests/package-json.js';
import type { TsconfigFacts } from '../../manifests/read-tsconfig.js';
import type { WorkspacePackage } from '../../manifests/workspaces.js';
import type { EntrySource } from './entry-source.js';
import type { EntryGap } from './entry-gap.js';

/** A manifest target that should have a source file: code, declarations, or no extension. */
const CODE_TARGET = /(?:\.[cm]?[jt]sx?|\/[^./]*)$/;

interface ManifestOptions {
  files: readonly string[];
  tsconfigs: readonly TsconfigFacts[];
  lookup: FileLookup;
  /** Adds an entry by absolute path; false when it is not a project file. */
  add: (absolute: string | undefined, source: EntrySource) => boolean;
  addFile: (file: string, source: EntrySource) => void;
  /** Folders (package-relative) a tool whose entries were found builds into: an entry point there is its output. */
  toolOutputDirs?: readonly string[];
}

/**
 * A package's package.json entry points (main, module, source, types, bin, exports), mapped
 * from build output to source. Returns the gaps: subpaths none of whose targets has a source.
 */
export function addManifestEntries(workspace: WorkspacePackage, packagePrefix: string, options: ManifestOptions): EntryGap[] {
  const { files, lookup, add, addFile } = options;
  const manifest = packagePrefix === '' ? 'package.json' : `${packagePrefix}/package.json`;
  const closedPrefixes = closedExportSubpaths(workspace.pkg.exports).map((subpath) => subpath.replace(/\*.*$/, '').replace(/^\.\//, ''));
  // Conditional targets of one subpath are builds of one entry: one mapped target is enough.
  const mappedGroups = new Set<string>();
  const unmapped = new Map<string, EntryGap>();
  for (const { field, target, group } of packageEntryTargets(workspace.pkg)) {
    const source: EntrySource = { kind: 'package-json', detail: `${manifest} ${field}` };
    let mapped: boolean;
    let isGap: boolean;
    if (target.includes('*')) {
      const pattern = sourcePatternFor(target, workspace.dir, options.tsconfigs, lookup);
      // `"./internal/*": null` closes part of a `./*` pattern: those files are not public.
      const sourceBase = target.slice(0, target.indexOf('*')).replace(/^\.\//, '');
      const matched = pattern === undefined ? [] : files.filter((file) => pattern.test(file));
      // `"./features/*"` with `"./features/internal/*": null` closes `internal/` of what its `*` matches.
      const subpathBase = group.replace(/^\.\//, '').replace(/\*.*$/, '');
      const closed = closedPrefixes.filter((prefix) => prefix.startsWith(subpathBase)).map((prefix) => prefix.slice(subpathBase.length));
      for (const file of matched) {
        const rest = relativeTail(file, packagePrefix, sourceBase);
        if (rest === undefined || !closed.some((prefix) => prefix !== '' && rest.startsWith(prefix))) addFile(file, source);
      }
      mapped = matched.length > 0;
      isGap = CODE_TARGET.test(target);
    } else {
      const absolute = path.resolve(workspace.dir, target);
      const entry = mapOutputToSource(absolute, options.tsconfigs, lookup) ?? probeSource(absolute, options.tsconfigs, lookup);
      mapped = add(entry, source);
      // A committed build (`./dist/helpers.js` in the project): importers resolve to the source
      // it is built from, so that file's exports are the package's API as well.
      if (entry === absolute && isBuildOutputPath(lookup.relative(absolute))) add(sourceOfCommittedOutput(absolute, options.tsconfigs, lookup), source);
      isGap = isBuildOutputTarget(target, absolute, lookup) && !(field === 'main' && namesDependencyModule(workspace.pkg, target)) && !inToolOutput(target, options.toolOutputDirs ?? []);
    }
    if (!mapped && group.startsWith('.')) {
      const angular = ngPackageEntry(workspace.dir, group, lookup);
      mapped = angular !== undefined && add(angular, { kind: 'package-json', detail: `${manifest} ${field} (ng-packagr entryFile)` });
    }
    if (mapped) mappedGroups.add(group);
    else if (isGap && !unmapped.has(group)) unmapped.set(group, gapFor(packagePrefix, manifest, field, target));
  }
  return [...unmapped].filter(([group]) => !mappedGroups.has(group)).map(([, gap]) => gap);
}

/**
 * Whether an unmapped manifest target is build output whose source orch-guard did not find (a
 * gap), rather than a file outside the project (`--project`) or a source path that does not exist.
 */
function isBuildOutputTarget(target: string, absolute: string, lookup: FileLookup): boolean {
  if (!CODE_TARGET.test(target) || lookup.isFile(absolute)) return false;
  return !/(?<!\.d)\.[cm]?tsx?$/.test(target);
}

/**
 * A `main` that names a module of a dependency rather than a file of the package: Expo's
 * `"main": "expo-router/entry"` (Metro resolves it like an import) or classic Expo's
 * `node_modules/expo/AppEntry.js`. The app starts in that package, which loads the project's
 * files by the framework's conventions (their entries): no source of this package is missing.
 */
function namesDependencyModule(pkg: PackageJson, target: string): boolean {
  if (target.startsWith('node_modules/')) return true;
  return isBareSpecifier(target) && target.includes('/') && dependsOn(pkg, packageNameOf(target));
}

function inToolOutput(target: string, outputDirs: readonly string[]): boolean {
  const relative = path.posix.normalize(target).replace(/^\.\//, '');
  return outputDirs.some((dir) => relative.startsWith(`${dir}/`));
}

function gapFor(packagePrefix: string, manifest: string, field: string, target: string): EntryGap {
  const guess = target.replace(/^\.\//, '').replace(/^(?:dist|build|lib|out|esm|cjs|distribution)\//, 'src/').replace(/\*.*$/, '**').replace(/(?:\.d)?\.[cm]?[jt]sx?$/, '.ts');
  return {
    kind: 'unmapped-entry',
    packageDir: packagePrefix,
    entry: `${manifest} ${field} "${target}"`,
    fix: `entries: ['${packagePrefix === '' ? '' : `${packagePrefix}/`}${guess}']`,
  };
}

/**
 * The part of a matched source file that the pattern's `*` stood for, relative to where the
 * pattern starts (`dist/` in the target, `src/` or nothing in the source).
 */
function relativeTail(file: string, packagePrefix: string, targetBase: string): string | undefined {
  const inPackage = packagePrefix === '' ? file : file.slice(packagePrefix.length + 1);
  const outputDir = targetBase.split('/')[0];
  for (const base of [targetBase, targetBase.replace(new RegExp(`^${outputDir}/`), 'src/'), targetBase.replace(new RegExp(`^${outputDir}/`), '')]) {
    if (inPackage.startsWith(base)) return inPackage.slice(base.length);
  }
  return undefined;
}

/** A source file for a path named in a command or manifest: as is, mapped from output, with an extension, or a folder's index. */
export function probeSource(absolute: string, tsconfigs: readonly TsconfigFacts[], lookup: FileLookup): string | undefined {
  if (lookup.isProjectFile(absolute)) return absolute;
  const mapped = mapOutputToSource(absolute, tsconfigs, lookup);
  if (mapped !== undefined) return mapped;
  for (const extension of ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']) {
    if (lookup.isProjectFile(absolute + extension)) return absolute + extension;
  }
  for (const index of ['index.ts', 'index.tsx', 'index.mts', 'index.js', 'index.mjs', 'index.cjs']) {
    if (lookup.isProjectFile(path.join(absolute, index))) return path.join(absolute, index);
  }
  return undefined;
}
