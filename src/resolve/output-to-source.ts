import path from 'node:path';
import type { TsconfigFacts } from '../manifests/read-tsconfig.js';
import type { FileLookup } from './file-lookup.js';

/**
 * Output extensions and the source extensions that compile to them, most likely first.
 * Bundlers (tsup, tsdown, unbuild, vite) emit `.mjs`/`.cjs` from plain `.ts`.
 */
const SOURCE_EXTENSIONS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx', '.mts', '.mjs'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.mjs', '.ts', '.tsx', '.js'],
  '.cjs': ['.cts', '.cjs', '.ts', '.tsx', '.js'],
  '.d.ts': ['.ts', '.tsx', '.d.ts', '.mts'],
  '.d.mts': ['.mts', '.d.mts', '.ts', '.tsx'],
  '.d.cts': ['.cts', '.d.cts', '.ts', '.tsx'],
};

/** Longest first, so `.d.ts` wins over `.ts`-like endings. */
const OUTPUT_EXTENSIONS = Object.keys(SOURCE_EXTENSIONS).sort((a, b) => b.length - a.length);

/** Conventional build output folders, tried when no tsconfig says where output goes. */
const CONVENTIONAL_OUTPUT_DIRS = new Set(['dist', 'build', 'lib', 'out', 'esm', 'cjs', 'es', 'types', 'distribution', 'output', 'dts', 'typings']);
/** Format sub-folders inside an output folder (`dist/esm/x.js`, `dist/types/x.d.ts`). */
const FORMAT_DIRS = new Set(['esm', 'cjs', 'es', 'mjs', 'umd', 'types', 'node', 'browser', 'module', 'commonjs', 'src', 'lib', 'dts', 'typings']);
/** Format infixes bundlers add to file names (`index.esm.js`, `index.cjs.js`, `index.min.js`). */
const FORMAT_INFIX = /\.(?:esm|cjs|es|mjs|umd|min|modern|module|node|browser|production|development|prod|dev)(?=\.)/g;
const SOURCE_DIRS = ['src', 'lib', 'source', ''];

/**
 * Maps a path named by package.json (usually build output such as `dist/index.js`) to the
 * project source file it is built from: tsconfig `outDir`/`declarationDir` → `rootDir` first
 * (every tsconfig read, including tsconfig.build.json and references), then the conventional
 * layouts of any enclosing package (`dist/x.js`, `dist/esm/x.js`, `dist/x.esm.js` from
 * `src/x.ts` or `x.ts`).
 */
export function mapOutputToSource(absolute: string, tsconfigs: readonly TsconfigFacts[], lookup: FileLookup): string | undefined {
  if (lookup.isProjectFile(absolute)) return absolute;
  return sourceOfOutput(absolute, tsconfigs, lookup);
}

/**
 * The source a build output file that is itself in the project (a committed `dist/x.js`) is
 * built from: what its package's developers edit, and what is dead if nothing uses it.
 */
export function sourceOfCommittedOutput(absolute: string, tsconfigs: readonly TsconfigFacts[], lookup: FileLookup): string | undefined {
  return sourceOfOutput(absolute, tsconfigs, lookup);
}

function sourceOfOutput(absolute: string, tsconfigs: readonly TsconfigFacts[], lookup: FileLookup): string | undefined {
  for (const config of tsconfigs) {
    for (const outDir of [config.outDir, config.declarationDir]) {
      if (outDir === undefined) continue;
      const relative = path.relative(outDir, absolute);
      if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const sourceRoot = config.rootDir ?? path.dirname(config.configPath);
      const found = withSourceExtension(path.join(sourceRoot, relative), lookup, absolute) ?? withSourceExtension(path.join(sourceRoot, 'src', relative), lookup, absolute);
      if (found !== undefined) return found;
    }
  }
  const sameDir = withSourceExtension(absolute, lookup, absolute);
  if (sameDir !== undefined) return sameDir;
  const relative = lookup.relative(absolute);
  if (relative === undefined) return undefined;
  const segments = relative.split('/');
  // Any folder on the way can be the package's output folder (monorepos nest packages).
  for (let index = 0; index < segments.length - 1; index += 1) {
    if (!CONVENTIONAL_OUTPUT_DIRS.has(segments[index])) continue;
    const packageDir = path.join(lookup.root, ...segments.slice(0, index));
    let rest = segments.slice(index + 1);
    for (let attempt = 0; attempt < 2 && rest.length > 0; attempt += 1) {
      for (const sourceDir of SOURCE_DIRS) {
        if (sourceDir === segments[index]) continue;
        const found = withSourceExtension(path.join(packageDir, sourceDir, ...rest), lookup, absolute);
        if (found !== undefined) return found;
      }
      if (rest.length > 1 && FORMAT_DIRS.has(rest[0])) rest = rest.slice(1);
      else break;
    }
  }
  return undefined;
}

/** A project source file for an output path, never `output` itself. */
function withSourceExtension(absolute: string, lookup: FileLookup, output: string): string | undefined {
  if (absolute !== output && lookup.isProjectFile(absolute)) return absolute;
  const withoutInfix = path.join(path.dirname(absolute), path.basename(absolute).replace(FORMAT_INFIX, ''));
  for (const candidate of new Set([absolute, withoutInfix])) {
    const outputExtension = OUTPUT_EXTENSIONS.find((extension) => candidate.endsWith(extension));
    if (outputExtension === undefined) continue;
    const base = candidate.slice(0, -outputExtension.length);
    // `dist/vue.mjs` is also what a bundler makes of the entry `src/vue/index.ts` (unbuild, tsup).
    for (const stem of [base, path.join(base, 'index')]) {
      for (const extension of SOURCE_EXTENSIONS[outputExtension]) {
        if (stem + extension !== output && lookup.isProjectFile(stem + extension)) return stem + extension;
      }
    }
  }
  return undefined;
}

/** Turns an exports pattern target (`./dist/*.js`) into a regex over source paths. */
export function sourcePatternFor(target: string, packageDir: string, tsconfigs: readonly TsconfigFacts[], lookup: FileLookup): RegExp | undefined {
  const absolute = path.resolve(packageDir, target);
  const candidates = new Set<string>();
  for (const config of tsconfigs) {
    if (config.outDir === undefined) continue;
    const relative = path.relative(config.outDir, absolute);
    if (!relative.startsWith('..')) candidates.add(path.join(config.rootDir ?? path.dirname(config.configPath), relative));
  }
  candidates.add(absolute);
  const inPackage = path.relative(packageDir, absolute).split(path.sep);
  if (CONVENTIONAL_OUTPUT_DIRS.has(inPackage[0])) {
    let rest = inPackage.slice(1);
    for (let attempt = 0; attempt < 2 && rest.length > 0; attempt += 1) {
      candidates.add(path.join(packageDir, 'src', ...rest));
      candidates.add(path.join(packageDir, ...rest));
      if (rest.length > 1 && FORMAT_DIRS.has(rest[0])) rest = rest.slice(1);
      else break;
    }
  }
  const sources = [...candidates]
    .map((candidate) => lookup.relative(candidate))
    .filter((candidate): candidate is string => candidate !== undefined)
    .map((candidate) => {
      const escaped = candidate.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.+');
      return escaped.replace(/\\\.d\\\.[mc]?ts$|\\\.[mc]?jsx?$|\\\.[mc]?tsx?$/, '\\.(?:d\\.)?[mc]?[jt]sx?');
    });
  return sources.length === 0 ? undefined : new RegExp(`^(?:${sources.join('|')})$`);
}
