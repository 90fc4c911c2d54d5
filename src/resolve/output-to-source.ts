import path from 'node:path';
import type { TsconfigFacts } from '../manifests/read-tsconfig.js';
import type { FileLookup } from './file-lookup.js';

/** Output extensions and the source extensions that compile to them, most likely first. */
const SOURCE_EXTENSIONS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
  '.d.ts': ['.ts', '.tsx', '.d.ts'],
  '.d.mts': ['.mts', '.d.mts'],
  '.d.cts': ['.cts', '.d.cts'],
};

/** Conventional build output folders, tried when no tsconfig says where output goes. */
const CONVENTIONAL_OUTPUT_DIRS = ['dist', 'build', 'lib', 'out', 'esm', 'cjs', 'es', 'types'];

/**
 * Maps a path named by package.json (usually build output such as `dist/index.js`) to the
 * project source file it is built from, using tsconfig `outDir`/`rootDir` first and then
 * conventional layouts (`dist/x.js` from `src/x.ts` or `x.ts`).
 */
export function mapOutputToSource(absolute: string, tsconfigs: readonly TsconfigFacts[], lookup: FileLookup): string | undefined {
  if (lookup.isProjectFile(absolute)) return absolute;
  for (const config of tsconfigs) {
    for (const outDir of [config.outDir, config.declarationDir]) {
      if (outDir === undefined) continue;
      const relative = path.relative(outDir, absolute);
      if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const sourceRoot = config.rootDir ?? path.dirname(config.configPath);
      const found = withSourceExtension(path.join(sourceRoot, relative), lookup);
      if (found !== undefined) return found;
    }
  }
  const sameDir = withSourceExtension(absolute, lookup);
  if (sameDir !== undefined) return sameDir;
  const relative = lookup.relative(absolute);
  if (relative === undefined) return undefined;
  const [first, ...rest] = relative.split('/');
  if (!CONVENTIONAL_OUTPUT_DIRS.includes(first) || rest.length === 0) return undefined;
  for (const sourceDir of ['src', 'lib', 'source', '']) {
    if (sourceDir === first) continue;
    const found = withSourceExtension(path.join(lookup.root, sourceDir, ...rest), lookup);
    if (found !== undefined) return found;
  }
  return undefined;
}

function withSourceExtension(absolute: string, lookup: FileLookup): string | undefined {
  if (lookup.isProjectFile(absolute)) return absolute;
  for (const [outputExtension, sourceExtensions] of Object.entries(SOURCE_EXTENSIONS).sort((a, b) => b[0].length - a[0].length)) {
    if (!absolute.endsWith(outputExtension)) continue;
    const base = absolute.slice(0, -outputExtension.length);
    for (const extension of sourceExtensions) {
      if (lookup.isProjectFile(base + extension)) return base + extension;
    }
    return undefined;
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
  const relative = lookup.relative(absolute);
  if (relative !== undefined) {
    const [first, ...rest] = relative.split('/');
    if (CONVENTIONAL_OUTPUT_DIRS.includes(first)) {
      candidates.add(path.join(lookup.root, 'src', ...rest));
      candidates.add(path.join(lookup.root, ...rest));
    }
  }
  const sources = [...candidates]
    .map((candidate) => lookup.relative(candidate))
    .filter((candidate): candidate is string => candidate !== undefined)
    .map((candidate) => {
      const escaped = candidate.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.+');
      return escaped.replace(/\\\.d\\\.ts$|\\\.[mc]?jsx?$|\\\.[mc]?tsx?$/, '\\.(?:d\\.)?[mc]?[jt]sx?');
    });
  return sources.length === 0 ? undefined : new RegExp(`^(?:${sources.join('|')})$`);
}
