import path from 'node:path';
import type { ExportFact, FileFacts, ImportBindingFact, ImportFact } from '../indexer/facts.js';
import type { IndexedFile } from '../indexer/index-project.js';
import type { ModuleResolver, Resolution } from '../resolve/module-resolver.js';
import type { GraphFile } from './symbol-graph.js';
import { stylesheetCandidates } from '../resolve/stylesheet-candidates.js';
import { STYLESHEET_FILE } from '../indexer/extract/stylesheet-facts.js';
import { HTML_PAGE, pageScriptSources } from '../resolve/page-scripts.js';


/**
 * Entries whose exports the code that loads them reads: a framework's files (a Next.js page's
 * `default`, a route's `loader`) and tool configs (`export default defineConfig(...)`). Their
 * exports stay live even with `includeEntryExports`, which is about a package's own public API;
 * so a build's input (a bundler's `entry`), whose exports the built package exports, is not one.
 */
function loaderReadsExports(source: { kind: string; buildInput?: true } | undefined): boolean {
  return source !== undefined && (source.kind === 'config' || (source.kind === 'framework' && source.buildInput !== true));
}

/** Turns indexed files into graph files: imports resolved, names indexed, roles assigned. */
export function createGraphFiles(
  indexed: readonly IndexedFile[],
  resolver: ModuleResolver,
  roles: { entries: ReadonlyMap<string, { kind: string; buildInput?: true }>; tests: ReadonlySet<string> },
): GraphFile[] {
  return indexed.map((file, index) => {
    const direct = withJsxFactoryUses(file, resolver);
    const resolutions = direct.imports.map((fact, importIndex) => resolveImport(resolver, file.path, fact, bindsValues(fact, importIndex, direct.importBindings)));
    const { facts, resolutions: reached } = withPageScripts(resolver, direct, resolutions);
    const declarationsByName = new Map<string, number[]>();
    facts.declarations.forEach((declaration, declarationIndex) => {
      if (declaration.parent !== -1 || declaration.name === 'default' || declaration.name === 'export=') return;
      push(declarationsByName, declaration.name, declarationIndex);
    });
    const bindingsByName = new Map<string, ImportBindingFact[]>();
    for (const binding of facts.importBindings) push(bindingsByName, binding.local, binding);
    const exportsByName = new Map<string, ExportFact[]>();
    for (const fact of facts.exports) push(exportsByName, fact.name, fact);
    return {
      index,
      path: file.path,
      hash: file.hash,
      facts,
      isTest: roles.tests.has(file.path),
      isEntry: roles.entries.has(file.path),
      exportsReadByLoader: loaderReadsExports(roles.entries.get(file.path)),
      isDeclarationFile: /\.d\.[cm]?ts$/.test(file.path),
      inProgram: (/\.d\.[cm]?ts$/.test(file.path) || facts.ambientOnly === true) && resolver.isInProgram(file.path),
      resolutions: reached,
      moduleNode: -1,
      firstDeclarationNode: -1,
      declarationsByName,
      bindingsByName,
      exportsByName,
    };
  });
}

/**
 * The factory a tsconfig names for the classic JSX transform (`"jsxFactory": "dom"`) is called
 * wherever the file has JSX: a use of that module-scope name by each owner of JSX.
 */
function withJsxFactoryUses(file: IndexedFile, resolver: ModuleResolver): FileFacts {
  const { facts } = file;
  if (facts.jsxOwners === undefined) return facts;
  const declared = (name: string) => facts.importBindings.some((binding) => binding.local === name)
    || facts.declarations.some((declaration) => declaration.parent === -1 && declaration.name === name);
  const factories = resolver.jsxFactoriesFor(file.path).filter(declared);
  if (factories.length === 0) return facts;
  const uses = facts.jsxOwners.flatMap((owner) => factories.map((name) => ({ owner, name, flags: 0 })));
  return { ...facts, references: [...facts.references, ...uses] };
}

/**
 * A page a window or server is told to load (`win.loadFile('index.html')`, a `path.join(__dirname,
 * 'about.html')`) runs its scripts: the load reaches those project files, and, as for a page's
 * scripts at a package's top, what they export may be read (an inline module script imports
 * names from them). A page with no local script stays an asset.
 */
function withPageScripts(resolver: ModuleResolver, facts: FileFacts, resolutions: Resolution[]): { facts: FileFacts; resolutions: Resolution[] } {
  const reached = resolutions.map((resolution, importIndex) => {
    if (facts.imports[importIndex].form !== 'url' || resolution.kind !== 'asset' || !HTML_PAGE.test(resolution.path) || path.isAbsolute(resolution.path)) return resolution;
    const scripts = new Set<string>();
    for (const src of pageScriptSources(path.join(resolver.root, resolution.path))) {
      const script = resolver.resolve(resolution.path, /^\.{0,2}\//.test(src) ? src : `./${src}`);
      if (script.kind === 'file') scripts.add(script.path);
    }
    return scripts.size > 0 ? { kind: 'files' as const, paths: [...scripts] } : resolution;
  });
  if (reached.every((resolution, importIndex) => resolution === resolutions[importIndex])) return { facts, resolutions };
  const imports = facts.imports.map((fact, importIndex) => (reached[importIndex] === resolutions[importIndex] ? fact : { ...fact, whole: true }));
  return { facts: { ...facts, imports }, resolutions: reached };
}

/** A plain specifier, a pattern (minus what a glob's `!` patterns leave out), or nothing for an unbounded load. */
function resolveImport(resolver: ModuleResolver, from: string, fact: ImportFact, valueImport: boolean): Resolution {
  if (fact.unbounded === true) return { kind: 'unresolved' };
  if (fact.pattern !== true) {
    if (STYLESHEET_FILE.test(from)) {
      for (const candidate of stylesheetCandidates(fact.specifier)) {
        const found = resolver.resolve(from, candidate);
        if (found.kind === 'file' || found.kind === 'asset') return found;
      }
    }
    const resolution = resolver.resolve(from, fact.specifier);
    // `import('../build/server/index.js')` in server/index.ts: the app's build, mapped back to
    // source by its path alone, lands on the importing file; a module does not load its own build.
    if (resolution.kind === 'file' && resolution.path === from && /^\.\.?\//.test(fact.specifier) && !namesItself(from, fact.specifier)) {
      return { kind: 'asset', path: fact.specifier };
    }
    // A path a process is started with (`fork('./jobs/run.js')`) or a build script bundles
    // (`entryPoints: ['./src/a.ts']`) is relative to the working directory: a folder above the
    // file (its package's, the repository's).
    if (resolution.kind !== 'file' && fact.form === 'url' && fact.specifier.startsWith('./')) {
      for (let dir = path.posix.dirname(from); dir !== '.' && dir !== ''; dir = path.posix.dirname(dir)) {
        const fromFolder = resolver.resolve(`${dir}/package.json`, fact.specifier);
        if (fromFolder.kind === 'file') return fromFolder;
      }
      const fromPackage = resolver.resolve('package.json', fact.specifier);
      if (fromPackage.kind === 'file' || resolution.kind === 'unresolved') return fromPackage;
    }
    // A type generator writes only types: an import of values from there names nothing.
    if (resolution.kind === 'asset' && resolution.typesOnly === true && valueImport) return { kind: 'unresolved' };
    return resolution;
  }
  const resolution = resolver.resolvePattern(from, fact.specifier);
  if (resolution.kind !== 'files' || fact.exclude === undefined) return resolution;
  const excluded = new Set(fact.exclude.flatMap((pattern) => {
    const match = /[*?]/.test(pattern) ? resolver.resolvePattern(from, pattern) : resolver.resolve(from, pattern);
    return match.kind === 'files' ? match.paths : match.kind === 'file' ? [match.path] : [];
  }));
  const paths = resolution.paths.filter((path) => !excluded.has(path));
  return paths.length > 0 ? { kind: 'files', paths } : { kind: 'external', packageName: fact.specifier };
}

/** Whether a relative specifier written in `from` is that file (`./index.js` in index.ts). */
function namesItself(from: string, specifier: string): boolean {
  const stem = (file: string) => file.replace(/\.(?:[cm]?[jt]sx?)$/, '');
  return stem(path.posix.join(path.posix.dirname(from), specifier)) === stem(from);
}

/** Whether the import brings in values (not only types): a load, or a binding not marked `type`. */
function bindsValues(fact: ImportFact, importIndex: number, bindings: readonly ImportBindingFact[]): boolean {
  if (fact.typeOnly || fact.form === 'import-type' || fact.form === 'reference') return false;
  if (fact.form !== 'static') return true;
  return bindings.some((binding) => binding.importIndex === importIndex && !binding.typeOnly);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
