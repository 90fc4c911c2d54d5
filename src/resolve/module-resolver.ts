import { builtinModules } from 'node:module';
import path from 'node:path';
import type { WorkspacePackage } from '../manifests/workspaces.js';
import { dependsOn, packageNameOf, type PackageJson, readPackageJson, subpathTargets } from '../manifests/package-json.js';
import type { TsconfigFacts } from '../manifests/read-tsconfig.js';
import { compileGlobs } from '../files/glob.js';
import type { FileLookup } from './file-lookup.js';
import { isBuildOutputPath, isGeneratedRouteTypes } from './build-output-path.js';
import { type BundlerAlias, bundlerAliasTargets } from './bundler-aliases.js';
import { type DocusaurusSite, docusaurusAliasTargets, readDocusaurusSite } from './docusaurus-aliases.js';
import { frameworkAliasTargets } from './framework-aliases.js';
import { ngPackageEntry } from './ng-package.js';
import { patternBase, patternRegex } from './pattern-regex.js';
import { mapOutputToSource, sourceOfCommittedOutput } from './output-to-source.js';

export type Resolution =
  /**
   * A project file, root-relative. `alternatives` are the other files conditional
   * `exports`/`imports` targets resolve to: which one loads depends on the runtime.
   */
  | { kind: 'file'; path: string; alternatives?: string[] }
  /**
   * A file that exists but is not a project file (styles, JSON, files outside the root), or one a
   * build makes. `typesOnly`: a type generator's output (a `rootDirs` folder it writes), which
   * only type imports can name.
   */
  | { kind: 'asset'; path: string; typesOnly?: true }
  /** Every project file a pattern specifier (`./locales/*.ts`) matches. */
  | { kind: 'files'; paths: string[] }
  | { kind: 'external'; packageName: string }
  | { kind: 'builtin' }
  /**
   * A relative, aliased or self-referencing specifier that names no file; `gitIgnored` when the
   * path it names is git-ignored (a file a build or script generates, not a broken path).
   */
  | { kind: 'unresolved'; gitIgnored?: true };

const BUILTINS = new Set(builtinModules);
// A .d.ts next to a .js describes it; the .js is what runs (and .d.ts files are live anyway).
/** Packages whose bundler (Metro) picks `x.ios.tsx`, `x.android.tsx`, `x.native.tsx` or `x.web.tsx` for `./x`. */
const REACT_NATIVE_PACKAGES = ['react-native', 'expo'];
const REACT_NATIVE_SUFFIXES = ['.ios', '.android', '.native', '.web', ''];
const CODE_EXTENSION = /\.(?:[cm]?[jt]sx?|json)$/;
const PROBE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.d.ts', '.d.mts', '.d.cts', '.json', '.vue', '.svelte', '.astro', '.gts', '.gjs'];
const EMITTED_TO_SOURCE: Array<[string, string[]]> = [
  ['.js', ['.ts', '.tsx']],
  ['.jsx', ['.tsx']],
  ['.mjs', ['.mts']],
  ['.cjs', ['.cts']],
];
const DECLARATION_FOR: Array<[string, string]> = [['.js', '.d.ts'], ['.mjs', '.d.mts'], ['.cjs', '.d.cts']];

/**
 * Resolves import specifiers the way TypeScript (bundler/node16 resolution) and Node do, for
 * analysis: relative paths with extension probing and `.js`→`.ts` mapping, directory
 * indexes, tsconfig `paths`/`baseUrl`/`rootDirs`, package.json `imports` (`#x`), and
 * self/workspace package names through `exports`, mapped from build output back to source.
 */
export class ModuleResolver {
  private readonly cache = new Map<string, Resolution>();
  private readonly patternCache = new Map<string, Resolution>();
  private readonly tsconfigOfFile = new Map<string, TsconfigFacts | undefined>();
  private readonly folderManifests = new Map<string, PackageJson | undefined>();
  /** Some tsconfig sets `moduleSuffixes` or some package uses React Native: else no probe for variants. */
  private readonly mayHavePlatformFiles: boolean;
  /** Docusaurus sites by folder, read on first use; undefined when no package depends on Docusaurus. */
  private readonly docusaurusSites: Map<string, DocusaurusSite> | undefined;

  constructor(
    private readonly lookup: FileLookup,
    private readonly tsconfigs: readonly TsconfigFacts[],
    private readonly packages: readonly WorkspacePackage[],
    private readonly isGitIgnored: (absolute: string) => boolean = () => false,
    private readonly bundlerAliases: readonly BundlerAlias[] = [],
  ) {
    this.mayHavePlatformFiles = tsconfigs.some((config) => config.moduleSuffixes?.some((suffix) => suffix !== '') === true)
      || packages.some((candidate) => REACT_NATIVE_PACKAGES.some((name) => dependsOn(candidate.pkg, name)));
    const sites = packages.filter((candidate) => dependsOn(candidate.pkg, '@docusaurus/core'));
    this.docusaurusSites = sites.length === 0 ? undefined : new Map(sites.map((site) => [site.dir, readDocusaurusSite(site.dir)]));
  }

  /** The project's root folder (absolute). */
  get root(): string {
    return this.lookup.root;
  }

  /** This resolver, also honouring the aliases of the project's bundler and framework configs. */
  withBundlerAliases(aliases: readonly BundlerAlias[]): ModuleResolver {
    return aliases.length === 0 ? this : new ModuleResolver(this.lookup, this.tsconfigs, this.packages, this.isGitIgnored, [...this.bundlerAliases, ...aliases]);
  }

  resolve(fromRelative: string, rawSpecifier: string): Resolution {
    const fromFile = path.join(this.lookup.root, fromRelative);
    const fromDir = path.dirname(fromFile);
    const specifier = stripQuery(rawSpecifier);
    const isRelative = specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
    const config = this.tsconfigFor(fromFile);
    const key = isRelative ? `${fromDir}\0${config?.configPath}\0${specifier}` : `${config?.configPath}\0${this.packageFor(fromDir)?.dir}\0${specifier}`;
    let resolution = this.cache.get(key);
    if (resolution === undefined) {
      resolution = this.resolveUncached(fromDir, config, specifier, isRelative);
      this.cache.set(key, resolution);
    }
    // A swizzled Docusaurus component's `@theme/X` (its Props type) is the theme's own, not itself.
    if (resolution.kind === 'file' && resolution.path === fromRelative && specifier.startsWith('@theme/')) return { kind: 'asset', path: specifier };
    return resolution;
  }

  private resolveUncached(fromDir: string, config: TsconfigFacts | undefined, specifier: string, isRelative: boolean): Resolution {
    if (specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0])) {
      return { kind: 'builtin' };
    }
    if (isRelative || path.isAbsolute(specifier)) {
      const absolute = path.resolve(fromDir, specifier);
      const found = this.resolvePath(absolute) ?? this.resolveThroughRootDirs(config, fromDir, specifier)
        ?? this.resolveFromServedRoot(fromDir, specifier);
      if (found === undefined || found.kind === 'asset') {
        // A script importing build output (`../dist/x.js`) uses the source it is built from.
        const isOutput = this.isInOutputDir(absolute) || isBuildOutputPath(this.lookup.relative(absolute));
        const source = isOutput ? mapOutputToSource(absolute, this.tsconfigs, this.lookup) : undefined;
        if (source !== undefined) return this.classify(source);
        // What only a build makes (`./dist/server/entry.js`, `../.output/server/index.mjs`) is not broken.
        if (found === undefined && (isOutput || isGeneratedRouteTypes(specifier))) return { kind: 'asset', path: this.lookup.relative(absolute) ?? absolute };
      }
      const gitIgnored = () => ['', ...PROBE_EXTENSIONS].some((extension) => this.isGitIgnored(absolute + extension))
        || sourceNamesOf(absolute).some((source) => this.isGitIgnored(source));
      // A git-ignored path beside a generated types folder is what a build writes, not a generated type.
      if (found !== undefined && !(found.kind === 'asset' && found.typesOnly === true && gitIgnored())) return found;
      return gitIgnored() ? { kind: 'unresolved', gitIgnored: true } : { kind: 'unresolved' };
    }
    // What the bundler resolves an alias to is what runs; a miss falls through (tsconfig, packages).
    for (const target of bundlerAliasTargets(this.bundlerAliases, this.lookup.root, fromDir, specifier)) {
      // A Deno import map's remote target (`https://deno.land/std/...`, `npm:x`, `jsr:@std/x`): not a project package.
      if (/^(?:https?|npm|jsr):/.test(target)) return { kind: 'asset', path: target };
      const found = this.resolvePath(target);
      if (found !== undefined) return found;
    }
    if (specifier.startsWith('#')) {
      const resolved = this.resolvePackageImports(fromDir, specifier);
      if (resolved.kind !== 'unresolved') return resolved;
      // TypeScript maps any non-relative name through `paths`, `#events` included.
      const aliased = config?.paths !== undefined ? this.resolveThroughPaths(config, specifier) : undefined;
      return (aliased?.kind === 'unresolved' ? undefined : aliased) ?? this.resolveFrameworkAlias(config, specifier, fromDir) ?? resolved;
    }
    // Docusaurus's webpack aliases win over tsconfig `paths` (its base config maps `@site/*` from node_modules).
    const docusaurus = this.resolveDocusaurusAlias(fromDir, specifier);
    if (docusaurus !== undefined) return docusaurus;
    if (config?.paths !== undefined) {
      const aliased = this.resolveThroughPaths(config, specifier);
      // Like TypeScript, a `paths` miss falls back to node_modules (`@vue/*` → packages/*/src, and
      // `@vue/repl` is installed): only a miss that no installed package explains is broken.
      if (aliased !== undefined && !(aliased.kind === 'unresolved' && this.isInstalled(fromDir, packageNameOf(specifier)))) return aliased;
    }
    // A `baseUrl` inside node_modules (set by a shared config package the tsconfig extends, like
    // @docusaurus/tsconfig) holds no project file: probing it for every package name costs much.
    if (config?.baseUrl !== undefined && !config.baseUrl.split(path.sep).includes('node_modules')) {
      const found = this.resolvePath(path.resolve(config.baseUrl, specifier));
      if (found !== undefined) return found;
    }
    if (/^(?:~~?|@@?)\//.test(specifier)) {
      const aliased = this.resolveFrameworkAlias(config, specifier, fromDir) ?? this.resolveConventionalAlias(fromDir, specifier);
      if (aliased !== undefined) return aliased;
    }
    const packageName = packageNameOf(specifier);
    const own = this.packages.find((candidate) => candidate.name === packageName);
    if (own !== undefined) {
      const subpath = specifier.length === packageName.length ? '.' : `.${specifier.slice(packageName.length)}`;
      const resolved = this.resolvePackageSelf(own, specifier.slice(packageName.length));
      const angular = resolved.kind === 'unresolved' ? ngPackageEntry(own.dir, subpath, this.lookup) : undefined;
      if (angular !== undefined) return this.classify(angular);
      // A workspace package whose exports name only build output (ng-packagr, custom builds): built, not broken.
      if (resolved.kind === 'unresolved' && own.pkg.exports !== undefined) {
        const targets = subpathTargets(own.pkg.exports, subpath);
        const built = targets.find((target) => isBuildOutputPath(this.lookup.relative(path.resolve(own.dir, target))));
        if (built !== undefined) return { kind: 'asset', path: this.lookup.relative(path.resolve(own.dir, built)) ?? built };
      }
      return resolved;
    }
    return this.resolveUnknownName(fromDir, config, specifier) ?? { kind: 'external', packageName };
  }

  /**
   * A name no manifest lists and no node_modules holds, which names a project file another way:
   * through the `paths` of another tsconfig of the project (a referenced one: tools like
   * vite-tsconfig-paths apply them), or from the importing file's folder (`import 'dir/main.ts'`,
   * a bundler's `resolve.modules`). Taking the file keeps it live; a real missing package stays external.
   */
  private resolveUnknownName(fromDir: string, config: TsconfigFacts | undefined, specifier: string): Resolution | undefined {
    const packageName = packageNameOf(specifier);
    if (this.packages.some((candidate) => dependsOn(candidate.pkg, packageName))) return undefined;
    if (this.isInstalled(fromDir, packageName)) return undefined;
    for (const other of this.tsconfigs) {
      if (other === config || other.paths === undefined) continue;
      const aliased = this.resolveThroughPaths(other, specifier);
      if (aliased?.kind === 'file') return aliased;
    }
    // A bare word (`lodash`) beside a same-named file is still a package; a path (`dir/main.ts`) is not.
    if (!specifier.includes('/') && !/\.[cm]?[jt]sx?$/.test(specifier)) return undefined;
    const local = this.resolvePath(path.resolve(fromDir, specifier));
    return local?.kind === 'file' ? local : undefined;
  }

  /** A Docusaurus alias, for a file of a site (the package that depends on @docusaurus/core). */
  private resolveDocusaurusAlias(fromDir: string, specifier: string): Resolution | undefined {
    if (!specifier.startsWith('@') || this.docusaurusSites === undefined) return undefined;
    const owner = this.packageFor(fromDir, (candidate) => this.docusaurusSites?.has(candidate.dir) === true);
    const site = owner === undefined ? undefined : this.docusaurusSites.get(owner.dir);
    const targets = site === undefined ? undefined : docusaurusAliasTargets(site, specifier);
    if (targets === undefined) return undefined;
    for (const candidate of targets.candidates) {
      const found = this.resolvePath(candidate);
      if (found !== undefined) return found;
    }
    // The theme's component, a client module or generated code: there at build time.
    return targets.provided ? { kind: 'asset', path: specifier } : { kind: 'unresolved' };
  }

  /** Nuxt's aliases and virtual modules where no tsconfig (or only a stale generated one) says where they point (see framework-aliases.ts). */
  private resolveFrameworkAlias(config: TsconfigFacts | undefined, specifier: string, fromDir: string): Resolution | undefined {
    const owner = this.packageFor(fromDir);
    const nuxtPackage = owner !== undefined && dependsOn(owner.pkg, 'nuxt') ? owner.dir : undefined;
    const bases = frameworkAliasTargets(config, specifier, nuxtPackage);
    if (bases === undefined) return undefined;
    for (const base of bases) {
      const found = this.resolvePath(base);
      if (found !== undefined) return found;
    }
    return { kind: 'asset', path: specifier };
  }

  /**
   * `@/x` and `~/x` name no package (a scope needs a name): when no config said where they point
   * (a bundler config knip could not load, say), they are the conventional `src/` or the package
   * folder of the importing package, if a file is there. Otherwise they stay unknown.
   */
  private resolveConventionalAlias(fromDir: string, specifier: string): Resolution | undefined {
    if (!specifier.startsWith('@/') && !specifier.startsWith('~/')) return undefined;
    const base = this.packageFor(fromDir)?.dir ?? this.lookup.root;
    const rest = specifier.slice(2);
    return this.resolvePath(path.join(base, 'src', rest)) ?? this.resolvePath(path.join(base, rest));
  }

  /**
   * A pattern specifier from a template literal or `import.meta.glob`: `*` stands for any text
   * (slashes included, to stay on the safe side); a missing or `.js` extension matches sources.
   */
  resolvePattern(fromRelative: string, rawPattern: string): Resolution {
    // A bundler query (`./emails/${name}.hbs?raw`) is no part of the path.
    const patterns = this.patternsFromRoot(fromRelative, stripQuery(rawPattern));
    if (patterns === undefined) return { kind: 'external', packageName: packageNameOf(rawPattern) };
    const joinedPatterns = patterns.map((pattern) => path.posix.normalize(pattern)).filter((joined) => !joined.startsWith('../'));
    // The same pattern from many files (a glob in a shared helper's callers) is matched once.
    const key = joinedPatterns.join('\0');
    const known = this.patternCache.get(key);
    if (known !== undefined) return known;
    const resolution = this.matchPatterns(joinedPatterns);
    this.patternCache.set(key, resolution);
    return resolution;
  }

  private matchPatterns(joinedPatterns: readonly string[]): Resolution {
    const paths = new Set<string>();
    for (const joined of joinedPatterns) for (const found of this.lookup.projectFilesMatching(patternRegex(joined))) paths.add(found);
    if (paths.size > 0) return { kind: 'files', paths: [...paths] };
    // Only files that are not code: data (`../packages/*/package.json`) or assets (`./img/**/*.{png,svg}`).
    const onDisk = joinedPatterns.find((joined) => (this.lookup.fileOnDiskMatching(joined) ?? this.lookup.fileUnderMatching(patternBase(joined), patternRegex(joined))) !== undefined);
    return onDisk !== undefined ? { kind: 'asset', path: onDisk } : { kind: 'unresolved' };
  }

  /**
   * Whether a tsconfig compiles the file (its `include`/`files`); true when there is none, or
   * when the config's base or references are what a framework build generates (`.nuxt/
   * tsconfig.json` includes the whole app): what they include is unknown, so it may.
   */
  /** Names the classic JSX transform calls in this file, by its tsconfig (`jsxFactory: "dom"`). */
  jsxFactoriesFor(relativePath: string): readonly string[] {
    return this.tsconfigFor(path.join(this.lookup.root, relativePath))?.jsxFactories ?? [];
  }

  isInProgram(relativePath: string): boolean {
    if (this.tsconfigs.length === 0) return true;
    const file = path.join(this.lookup.root, relativePath);
    return this.tsconfigs.some((config) => file.startsWith(path.dirname(config.configPath) + path.sep) && (coversFile(config, file) || config.missingGeneratedBase !== undefined));
  }

  /**
   * A pattern as root-relative path patterns: relative to the importing file, `/x` from the
   * root (Vite), or through a tsconfig `paths` alias (the longest matching prefix, as the
   * compiler picks it, with each of its targets); undefined for a package's own files.
   */
  private patternsFromRoot(fromRelative: string, pattern: string): string[] | undefined {
    if (pattern.startsWith('./') || pattern.startsWith('../')) return [path.posix.join(path.posix.dirname(fromRelative), pattern)];
    if (pattern.startsWith('/')) return [pattern.slice(1)];
    const config = this.tsconfigFor(path.join(this.lookup.root, fromRelative));
    const aliases = Object.entries(config?.paths ?? {})
      .map(([alias, targets]) => ({ alias, targets, prefix: alias.replace(/\*$/, '') }))
      .filter(({ alias, targets, prefix }) => prefix !== '' && pattern.startsWith(prefix) && targets.length > 0 && (prefix !== alias || pattern === alias))
      .sort((a, b) => b.prefix.length - a.prefix.length);
    if (aliases.length === 0) return undefined;
    const { targets, prefix } = aliases[0];
    return targets.map((target) => {
      const absolute = path.resolve(config?.pathsBase ?? this.lookup.root, target.replace(/\*$/, '') + pattern.slice(prefix.length));
      return path.relative(this.lookup.root, absolute).split(path.sep).join('/');
    });
  }

  /** A file or directory path: exact, with extensions, emitted→source, or a directory index. */
  private resolvePath(absolute: string): Resolution | undefined {
    const platformVariants = this.resolvePlatformVariants(absolute);
    if (platformVariants !== undefined) return platformVariants;
    const file = this.probeFile(absolute);
    if (file !== undefined) return this.classify(file);
    if (this.lookup.isDirectory(absolute)) {
      const manifest = this.packages.find((candidate) => candidate.dir === absolute);
      const pkg = manifest?.pkg ?? this.folderManifest(absolute);
      for (const target of pkg !== undefined ? [pkg.types, pkg.module, pkg.main] : []) {
        if (typeof target !== 'string') continue;
        const mapped = mapOutputToSource(path.resolve(absolute, target), this.tsconfigs, this.lookup) ?? this.probeFile(path.resolve(absolute, target));
        if (mapped !== undefined) return this.classify(mapped);
      }
      const index = this.probeFile(path.join(absolute, 'index'));
      if (index !== undefined) return this.classify(index);
      // A package folder named by a `paths` alias: its `exports`, or its ng-packagr entry.
      if (manifest !== undefined) {
        for (const target of subpathTargets(manifest.pkg.exports, '.')) {
          const mapped = mapOutputToSource(path.resolve(absolute, target), this.tsconfigs, this.lookup);
          if (mapped !== undefined) return this.classify(mapped);
        }
        const angular = ngPackageEntry(absolute, '.', this.lookup);
        if (angular !== undefined) return this.classify(angular);
      }
    }
    return undefined;
  }

  /**
   * `./Button` in a React Native app (or with tsconfig `moduleSuffixes`) is `Button.ios.tsx` on
   * one platform and `Button.android.tsx` or `Button.tsx` on another: every variant that exists
   * is used, the first is the file and the rest its alternatives.
   */
  private resolvePlatformVariants(absolute: string): Resolution | undefined {
    if (CODE_EXTENSION.test(absolute)) return undefined;
    const suffixes = this.platformSuffixes(absolute);
    if (suffixes.length === 0) return undefined;
    const variants = suffixes.map((suffix) => (suffix === '' ? undefined : this.probeFile(absolute + suffix)))
      .filter((found): found is string => found !== undefined && this.lookup.isProjectFile(found));
    if (variants.length === 0) return undefined;
    const plain = this.probeFile(absolute);
    const files = [...new Set(plain !== undefined && this.lookup.isProjectFile(plain) ? [...variants, plain] : variants)]
      .map((file) => this.lookup.relative(file) as string);
    return files.length === 1 ? { kind: 'file', path: files[0] } : { kind: 'file', path: files[0], alternatives: files.slice(1) };
  }

  /** tsconfig `moduleSuffixes`, or React Native's platform suffixes in a package that uses it. */
  private platformSuffixes(absolute: string): readonly string[] {
    if (!this.mayHavePlatformFiles) return [];
    const configured = this.tsconfigFor(absolute)?.moduleSuffixes;
    if (configured !== undefined && configured.some((suffix) => suffix !== '')) return configured;
    const owner = this.packageFor(path.dirname(absolute));
    const native = owner !== undefined && REACT_NATIVE_PACKAGES.some((name) => dependsOn(owner.pkg, name));
    return native ? REACT_NATIVE_SUFFIXES : [];
  }

  /**
   * `/src/main.ts` in a Vite (or any dev server's) app names a file under the served root, the
   * package folder, not the file system's root.
   */
  private resolveFromServedRoot(fromDir: string, specifier: string): Resolution | undefined {
    if (!specifier.startsWith('/') || this.lookup.relative(specifier) !== undefined) return undefined;
    const owner = this.packageFor(fromDir);
    for (const base of new Set([owner?.dir ?? this.lookup.root, this.lookup.root])) {
      const found = this.resolvePath(path.join(base, specifier));
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /**
   * The package.json of a project folder that is not a workspace (`./localpkg` with its own
   * `main`): TypeScript and bundlers resolve a folder import through it before `index`.
   */
  private folderManifest(absolute: string): PackageJson | undefined {
    if (this.folderManifests.has(absolute)) return this.folderManifests.get(absolute);
    const relative = this.lookup.relative(absolute);
    const manifestPath = path.join(absolute, 'package.json');
    const pkg = relative !== undefined && !relative.split('/').includes('node_modules') && this.lookup.isFile(manifestPath)
      ? readPackageJson(absolute, this.lookup.root) : undefined;
    this.folderManifests.set(absolute, pkg);
    return pkg;
  }

  private probeFile(absolute: string): string | undefined {
    const dir = path.dirname(absolute);
    if (this.lookup.holdsProjectFiles(dir)) {
      const found = this.probeProjectFile(absolute);
      if (found !== undefined) return found;
    }
    // On disk: one look at the folder spares the probes when it is not there.
    if (!this.lookup.isDirectory(dir)) return undefined;
    if (this.lookup.isFile(absolute)) return absolute;
    for (const extension of PROBE_EXTENSIONS) {
      if (this.lookup.isFile(absolute + extension)) return absolute + extension;
    }
    return undefined;
  }

  /** A project file: the path, its source for emitted JavaScript, its declaration, or with an extension. */
  private probeProjectFile(absolute: string): string | undefined {
    for (const [emitted, sources] of EMITTED_TO_SOURCE) {
      if (!absolute.endsWith(emitted)) continue;
      const base = absolute.slice(0, -emitted.length);
      for (const source of sources) if (this.lookup.isProjectFile(base + source)) return base + source;
    }
    if (this.lookup.isProjectFile(absolute)) return absolute;
    for (const [emitted, declaration] of DECLARATION_FOR) {
      if (absolute.endsWith(emitted) && this.lookup.isProjectFile(absolute.slice(0, -emitted.length) + declaration)) {
        return absolute.slice(0, -emitted.length) + declaration;
      }
    }
    for (const extension of PROBE_EXTENSIONS) {
      if (this.lookup.isProjectFile(absolute + extension)) return absolute + extension;
    }
    return undefined;
  }

  private classify(absolute: string): Resolution {
    const relative = this.lookup.relative(absolute);
    if (relative !== undefined && this.lookup.isProjectFile(absolute)) return { kind: 'file', path: relative };
    const linked = this.lookup.projectFileBehindLink(absolute);
    if (linked !== undefined) return { kind: 'file', path: linked };
    return { kind: 'asset', path: relative ?? absolute };
  }

  /**
   * tsconfig `rootDirs`: a relative import may land in a sibling root. When a sibling root is
   * what a build generates (React Router's `.react-router/types`, SvelteKit's `.svelte-kit/types`
   * for `./+types/route` and `./$types`), a miss is a file the build will make, not a broken import.
   */
  private resolveThroughRootDirs(config: TsconfigFacts | undefined, fromDir: string, specifier: string): Resolution | undefined {
    const rootDirs = config?.rootDirs ?? [];
    const containing = rootDirs.find((dir) => !path.relative(dir, fromDir).startsWith('..'));
    if (containing === undefined) return undefined;
    const target = path.relative(containing, path.resolve(fromDir, specifier));
    for (const other of rootDirs) {
      if (other === containing) continue;
      const found = this.resolvePath(path.join(other, target));
      if (found !== undefined) return found;
    }
    const generated = rootDirs.find((dir) => dir !== containing && isBuildOutputPath(`${this.lookup.relative(dir)}/`));
    return generated === undefined ? undefined : { kind: 'asset', path: this.lookup.relative(path.join(generated, target)) ?? target, typesOnly: true };
  }

  private resolveThroughPaths(config: TsconfigFacts, specifier: string): Resolution | undefined {
    let best: { pattern: string; star: string } | undefined;
    for (const pattern of Object.keys(config.paths ?? {})) {
      const star = pattern.indexOf('*');
      if (star === -1) {
        if (pattern === specifier) { best = { pattern, star: '' }; break; }
        continue;
      }
      const prefix = pattern.slice(0, star);
      const suffix = pattern.slice(star + 1);
      if (specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length) {
        if (best === undefined || prefix.length > best.pattern.indexOf('*')) {
          best = { pattern, star: specifier.slice(prefix.length, specifier.length - suffix.length) };
        }
      }
    }
    if (best === undefined) return undefined;
    const match = best;
    for (const target of config.paths?.[match.pattern] ?? []) {
      const found = this.resolvePath(path.resolve(config.pathsBase, target.replace('*', match.star)));
      if (found !== undefined) return found;
    }
    // An alias to what a build generates (`contentlayer/generated` → `.contentlayer/generated`) is not broken.
    for (const target of config.paths?.[match.pattern] ?? []) {
      const absolute = path.resolve(config.pathsBase, target.replace('*', match.star));
      if (isBuildOutputPath(this.lookup.relative(absolute))) return { kind: 'asset', path: this.lookup.relative(absolute) ?? absolute };
    }
    // An alias that matches but names no file is broken, unless it only shadows a package.
    return match.pattern === '*' ? undefined : { kind: 'unresolved' };
  }

  private resolvePackageImports(fromDir: string, specifier: string): Resolution {
    const owner = this.packageFor(fromDir);
    if (owner === undefined) return { kind: 'unresolved' };
    const targets = subpathTargets(owner.pkg.imports, specifier);
    const external = targets.find((target) => !target.startsWith('.'));
    if (external !== undefined && targets.every((target) => !target.startsWith('.'))) {
      return { kind: 'external', packageName: packageNameOf(external) };
    }
    return this.resolveManifestTargets(owner.dir, targets.filter((target) => target.startsWith('.')));
  }

  /** All conditional targets that exist: the first is the file, the rest its alternatives. */
  private resolveManifestTargets(packageDir: string, targets: string[]): Resolution {
    const found = targets.map((target) => this.resolveManifestTarget(packageDir, target)).filter((entry) => entry !== undefined);
    const files = [...new Set(found.flatMap((entry) => (entry.kind === 'file' ? [entry.path, ...(entry.alternatives ?? [])] : [])))];
    if (files.length > 0) return files.length === 1 ? { kind: 'file', path: files[0] } : { kind: 'file', path: files[0], alternatives: files.slice(1) };
    return found[0] ?? { kind: 'unresolved' };
  }

  /** `my-pkg/sub` from inside the project: through `exports`, else the path itself. */
  private resolvePackageSelf(owner: WorkspacePackage, rest: string): Resolution {
    const subpath = rest === '' ? '.' : `.${rest}`;
    if (owner.pkg.exports !== undefined) return this.resolveManifestTargets(owner.dir, subpathTargets(owner.pkg.exports, subpath));
    return this.resolvePath(path.join(owner.dir, rest)) ?? { kind: 'unresolved' };
  }

  private resolveManifestTarget(packageDir: string, target: string): Resolution | undefined {
    const absolute = path.resolve(packageDir, target);
    const source = mapOutputToSource(absolute, this.tsconfigs, this.lookup);
    if (source === absolute && (this.isInOutputDir(absolute) || isBuildOutputPath(this.lookup.relative(absolute)))) {
      // A committed build (`exports: { "./x": "./dist/x.js" }` and dist/ in the project): what
      // runs is dist/x.js, and what it is built from, src/x.ts, is as live.
      const built = sourceOfCommittedOutput(absolute, this.tsconfigs, this.lookup);
      const [sourcePath, outputPath] = [built, absolute].map((file) => (file === undefined ? undefined : this.lookup.relative(file)));
      if (sourcePath !== undefined && outputPath !== undefined) return { kind: 'file', path: sourcePath, alternatives: [outputPath] };
    }
    if (source !== undefined) return this.classify(source);
    return this.resolvePath(absolute);
  }

  /** Whether a package is installed in a node_modules folder from `dir` up to the root. */
  private isInstalled(dir: string, packageName: string): boolean {
    for (let current = dir; ; current = path.dirname(current)) {
      if (this.lookup.isDirectory(path.join(current, 'node_modules', packageName))) return true;
      if (current === this.lookup.root || path.dirname(current) === current) return false;
    }
  }

  private isInOutputDir(absolute: string): boolean {
    return this.tsconfigs.some((config) => [config.outDir, config.declarationDir].some((dir) =>
      dir !== undefined && absolute.startsWith(dir + path.sep)));
  }

  /**
   * The tsconfig that compiles `file`: the closest one whose `include`/`files` cover it (a
   * solution-style root config with `references` covers nothing itself), else the closest.
   */
  private tsconfigFor(file: string): TsconfigFacts | undefined {
    // Asked for every import: once per importing file.
    if (this.tsconfigOfFile.has(file)) return this.tsconfigOfFile.get(file);
    const config = this.findTsconfig(file);
    this.tsconfigOfFile.set(file, config);
    return config;
  }

  private findTsconfig(file: string): TsconfigFacts | undefined {
    const containing = this.tsconfigs
      .filter((config) => file.startsWith(path.dirname(config.configPath) + path.sep))
      .sort((a, b) => path.dirname(b.configPath).length - path.dirname(a.configPath).length);
    return containing.find((config) => coversFile(config, file)) ?? containing[0] ?? this.tsconfigs[0];
  }

  /** The workspace package whose directory most closely contains `dir`. */
  private packageFor(dir: string, accept: (candidate: WorkspacePackage) => boolean = () => true): WorkspacePackage | undefined {
    let best: WorkspacePackage | undefined;
    for (const candidate of this.packages) {
      if (accept(candidate) && (dir === candidate.dir || dir.startsWith(candidate.dir + path.sep)) && (best === undefined || candidate.dir.length > best.dir.length)) {
        best = candidate;
      }
    }
    return best;
  }
}

/** The sources a build emits `absolute` from, as TypeScript maps them (`x.js` → `x.ts`, `x.tsx`). */
function sourceNamesOf(absolute: string): string[] {
  const match = EMITTED_TO_SOURCE.find(([emitted]) => absolute.endsWith(emitted));
  return match === undefined ? [] : match[1].map((source) => absolute.slice(0, -match[0].length) + source);
}

function stripQuery(specifier: string): string {
  const query = specifier.indexOf('?');
  return query === -1 ? specifier : specifier.slice(0, query);
}

const coverageMatchers = new WeakMap<TsconfigFacts, (relative: string) => boolean>();

/** Whether a tsconfig's `files`/`include` (minus `exclude`) take in the file. */
function coversFile(config: TsconfigFacts, file: string): boolean {
  if (config.files?.includes(file)) return true;
  if (config.include === undefined) return config.files === undefined;
  let matcher = coverageMatchers.get(config);
  if (matcher === undefined) {
    const asGlobs = (patterns: readonly string[]) => patterns.map((pattern) => {
      const cleaned = pattern.replace(/^\.\//, '').replace(/\/$/, '');
      // A plain directory name (`src`) includes everything below it.
      return /[*?]/.test(cleaned) || /\.[a-z]+$/i.test(cleaned) ? cleaned : `${cleaned}/**`;
    });
    const included = compileGlobs(asGlobs(config.include));
    const excluded = compileGlobs(asGlobs(config.exclude ?? []));
    matcher = (relative) => included(relative) && !excluded(relative);
    coverageMatchers.set(config, matcher);
  }
  return matcher(path.relative(config.patternsBase, file).split(path.sep).join('/'));
}
