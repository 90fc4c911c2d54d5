import type { GraphFile } from '../graph/symbol-graph.js';
import { packageNameOf } from '../manifests/package-json.js';
import type { DependencyProblem } from './analysis-context.js';

/**
 * A specifier with a scheme (`astro:content`, `virtual:pwa-register`, `astrowind:config`) names a
 * module a bundler plugin makes up, not a package; so does a `~`-prefixed plugin id
 * (`~icons/mdi/home`), which no npm name can start with. `node:` is a builtin; one letter before
 * the colon is a Windows drive.
 */
function isVirtualModuleSpecifier(specifier: string): boolean {
  if (specifier.startsWith('~')) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(specifier)?.[1];
  return scheme !== undefined && scheme.length > 1 && scheme.toLowerCase() !== 'node';
}

/**
 * The imports of `file` knip's problem is about: those of its package on the problem's line
 * (knip names the package, `astrowind` for `astrowind:config`, so a scheme counts as its name).
 */
function importsOfProblem(file: GraphFile, problem: DependencyProblem): Array<{ specifier: string; index: number }> {
  const named = file.facts.imports
    .map((fact, index) => ({ specifier: fact.specifier, line: fact.line, index }))
    .filter((fact) => fact.specifier === problem.name || packageNameOf(fact.specifier) === problem.name
      || fact.specifier.startsWith(`${problem.name}:`));
  // knip counts lines of a component's script alone (an .astro frontmatter): then any line will do.
  const onLine = named.filter((fact) => fact.line === problem.line);
  return onLine.length > 0 ? onLine : named;
}

/**
 * Whether knip's unlisted or unresolved package is not a package at all: a virtual module's
 * specifier, or one orch-guard's own resolver resolved to a file (a tsconfig `paths` alias to a
 * sibling workspace's source) or to a framework's alias in every import of that file that names it.
 */
export function isNotAPackage(file: GraphFile | undefined, problem: DependencyProblem): boolean {
  if (isVirtualModuleSpecifier(problem.name)) return true;
  if (file === undefined) return false;
  const imports = importsOfProblem(file, problem);
  if (imports.some((fact) => isVirtualModuleSpecifier(fact.specifier))) return true;
  return imports.length > 0 && imports.every((fact) => {
    const kind = file.resolutions[fact.index]?.kind;
    // `asset`: a bundler alias to a non-source file, or a module a framework provides at build
    // time (Docusaurus's `@docusaurus/Link`, `@theme/X`).
    return kind === 'file' || kind === 'files' || kind === 'asset';
  });
}
