import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { isDirectory, isFile } from '../files/fs-checks.js';
import { parseJsonc } from '../files/jsonc.js';

/** The parts of a tsconfig that decide which files exist and how specifiers resolve. */
export interface TsconfigFacts {
  configPath: string;
  baseUrl?: string;
  paths?: Record<string, string[]>;
  /** Directory that `paths` targets are relative to: baseUrl, else the declaring config's dir. */
  pathsBase: string;
  rootDirs?: string[];
  allowJs: boolean;
  outDir?: string;
  rootDir?: string;
  declarationDir?: string;
  customConditions?: string[];
  moduleSuffixes?: string[];
  /** Root names of `jsxFactory`, `jsxFragmentFactory` and `reactNamespace`: what classic JSX calls. */
  jsxFactories?: string[];
  files?: string[];
  include?: string[];
  exclude?: string[];
  /** Directory that include/exclude patterns are relative to. */
  patternsBase: string;
  references: string[];
  /**
   * Set when `extends` names a config a framework build makes (`.nuxt/tsconfig.json`): the
   * aliases it defines (`#imports`, `~/`) are unknown until then.
   */
  missingGeneratedBase?: string;
  warnings: string[];
}

interface RawConfig {
  extends?: string | string[];
  compilerOptions?: Record<string, unknown>;
  files?: string[];
  include?: string[];
  exclude?: string[];
  references?: Array<{ path: string }>;
}

/** Finds `tsconfig.json` (or, for JavaScript projects, `jsconfig.json`) in `dir`. */
export function findTsconfig(dir: string): string | undefined {
  return ['tsconfig.json', 'jsconfig.json'].map((name) => path.join(dir, name)).find((candidate) => existsSync(candidate));
}

export function readTsconfig(configPath: string): TsconfigFacts {
  const configDir = path.dirname(configPath);
  const facts: TsconfigFacts = {
    configPath,
    allowJs: false,
    pathsBase: configDir,
    patternsBase: configDir,
    references: [],
    warnings: [],
  };
  // jsconfig.json is a tsconfig with allowJs on by default.
  if (path.basename(configPath) === 'jsconfig.json') facts.allowJs = true;
  applyConfig(facts, configPath, configDir, new Set());
  return facts;
}

function applyConfig(facts: TsconfigFacts, file: string, leafDir: string, seen: Set<string>): void {
  if (seen.has(file)) throw new ConfigError(`${relativeName(file)}: "extends" forms a cycle`);
  seen.add(file);
  const raw = readRawConfig(file);
  const dir = path.dirname(file);
  for (const parent of toArray(raw.extends)) {
    const parentFile = resolveExtends(parent, dir);
    if (parentFile === undefined) {
      // `.nuxt/tsconfig.json`, `.svelte-kit/tsconfig.json`: made by a framework's build.
      const isGenerated = /(?:^|\/)\.(?!\.?\/)[^/]+\//.test(parent);
      if ((parent.startsWith('.') || path.isAbsolute(parent)) && !isGenerated) {
        throw new ConfigError(`${relativeName(file)}: "extends" target "${parent}" not found`);
      }
      if (isGenerated) {
        facts.warnings.push(`${relativeName(file)}: "extends" target "${parent}" does not exist yet (a framework build makes it); its options are ignored`);
        facts.missingGeneratedBase = parent;
        // SvelteKit's generated config always sets `rootDirs: ["..", "./types"]`: a route's
        // `./$types` lives in `.svelte-kit/types`, beside the route as TypeScript sees it.
        if (/(?:^|\/)\.svelte-kit\/tsconfig\.json$/.test(parent)) {
          const generatedDir = path.dirname(path.resolve(dir, parent));
          facts.rootDirs = [path.dirname(generatedDir), path.join(generatedDir, 'types')];
        }
        continue;
      }
      facts.warnings.push(`${relativeName(file)}: "extends" package "${parent}" is not installed; its options are ignored`);
      continue;
    }
    applyConfig(facts, parentFile, leafDir, seen);
  }
  const substitute = (value: string) => value.replace(/\$\{configDir\}/g, leafDir);
  const resolveHere = (value: string) => path.resolve(dir, substitute(value));
  const options = raw.compilerOptions ?? {};
  if (typeof options.baseUrl === 'string') {
    facts.baseUrl = resolveHere(options.baseUrl);
    facts.pathsBase = facts.baseUrl;
  }
  if (isRecordOfStringArrays(options.paths)) {
    facts.paths = options.paths;
    facts.pathsBase = facts.baseUrl ?? dir;
  }
  if (Array.isArray(options.rootDirs)) facts.rootDirs = options.rootDirs.filter(isString).map(resolveHere);
  if (typeof options.allowJs === 'boolean') facts.allowJs = options.allowJs;
  if (typeof options.checkJs === 'boolean' && options.checkJs) facts.allowJs = true;
  if (typeof options.outDir === 'string') facts.outDir = resolveHere(options.outDir);
  if (typeof options.rootDir === 'string') facts.rootDir = resolveHere(options.rootDir);
  if (typeof options.declarationDir === 'string') facts.declarationDir = resolveHere(options.declarationDir);
  if (Array.isArray(options.customConditions)) facts.customConditions = options.customConditions.filter(isString);
  if (Array.isArray(options.moduleSuffixes)) facts.moduleSuffixes = options.moduleSuffixes.filter(isString);
  const factories = [options.jsxFactory, options.jsxFragmentFactory, options.reactNamespace].filter(isString).map((name) => name.split('.')[0]);
  if (factories.length > 0) facts.jsxFactories = [...new Set([...(facts.jsxFactories ?? []), ...factories])];
  if (raw.files !== undefined || raw.include !== undefined) {
    facts.patternsBase = dir;
    facts.files = raw.files?.filter(isString).map(resolveHere);
    facts.include = raw.include?.filter(isString).map(substitute);
  }
  if (raw.exclude !== undefined) facts.exclude = raw.exclude.filter(isString).map(substitute);
  if (file === facts.configPath && Array.isArray(raw.references)) {
    facts.references = raw.references
      .map((reference) => reference?.path)
      .filter(isString)
      .map((reference) => {
        const target = resolveHere(reference);
        return isDirectory(target) ? path.join(target, 'tsconfig.json') : target;
      })
      .filter((target) => {
        if (existsSync(target)) return true;
        // Nuxt 4 refers to `.nuxt/tsconfig.app.json` and friends: its aliases come from there.
        if (/(?:^|[\\/])\.[^./\\][^/\\]*[\\/]/.test(path.relative(dir, target))) facts.missingGeneratedBase ??= path.relative(dir, target);
        return false;
      });
  }
}

function readRawConfig(file: string): RawConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${relativeName(file)}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let parsed: unknown;
  try {
    parsed = parseJsonc(text);
  } catch (error) {
    throw new ConfigError(`${relativeName(file)}: malformed JSON (${(error as Error).message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(`${relativeName(file)}: expected a JSON object`);
  }
  return parsed as RawConfig;
}

function resolveExtends(specifier: string, fromDir: string): string | undefined {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    const base = path.resolve(fromDir, specifier);
    for (const candidate of [base, `${base}.json`, path.join(base, 'tsconfig.json')]) {
      if (isFile(candidate)) return candidate;
    }
    return undefined;
  }
  const require = createRequire(path.join(fromDir, 'tsconfig.json'));
  for (const candidate of [specifier, `${specifier}.json`, `${specifier}/tsconfig.json`]) {
    try {
      return require.resolve(candidate);
    } catch {
      // try the next spelling
    }
  }
  return undefined;
}

function relativeName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative || file;
}

function toArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter(isString);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isRecordOfStringArrays(value: unknown): value is Record<string, string[]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.values(value).every((entry) => Array.isArray(entry) && entry.every(isString));
}
