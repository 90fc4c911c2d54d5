import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { describeJsonSyntaxError } from '../files/json-syntax-error.js';

export interface PackageJson {
  name?: string;
  main?: unknown;
  module?: unknown;
  source?: unknown;
  browser?: unknown;
  types?: unknown;
  typings?: unknown;
  bin?: unknown;
  exports?: unknown;
  imports?: unknown;
  workspaces?: unknown;
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** Whether the package lists `name` in its dependencies or devDependencies. */
export function dependsOn(pkg: PackageJson, name: string): boolean {
  return pkg.dependencies?.[name] !== undefined || pkg.devDependencies?.[name] !== undefined;
}

/**
 * Reads a package.json; a missing one reads as undefined. One that cannot be read or parsed is
 * a ConfigError naming the file and the position: its entries are unknown, and reading it as
 * "no entries" would make live code look dead.
 */
export function readPackageJson(dir: string, root: string = dir): PackageJson | undefined {
  const file = path.join(dir, 'package.json');
  const label = path.relative(root, file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(`${label}: cannot read (${code ?? 'error'})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ConfigError(`${label}: malformed JSON at ${describeJsonSyntaxError(text) ?? (error as Error).message}; its entry points cannot be known, so nothing was analysed`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(`${label}: expected a JSON object`);
  return parsed as PackageJson;
}

/** Every file path a conditional exports/imports value can point at, in declaration order. */
function conditionalTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(conditionalTargets);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(conditionalTargets);
  return [];
}

/**
 * The targets of an `exports` (or `imports`) map for a subpath such as `.` or `./utils`,
 * honouring `*` patterns. A sugar string or condition object at the top stands for `.`.
 */
export function subpathTargets(map: unknown, subpath: string): string[] {
  if (map === null || map === undefined) return [];
  const isSubpathMap = typeof map === 'object' && !Array.isArray(map)
    && Object.keys(map).some((key) => key.startsWith('.') || key.startsWith('#'));
  if (!isSubpathMap) return subpath === '.' ? conditionalTargets(map) : [];
  const entries = map as Record<string, unknown>;
  if (subpath in entries) return conditionalTargets(entries[subpath]);
  let best: { key: string; star: string } | undefined;
  for (const key of Object.keys(entries)) {
    const star = key.indexOf('*');
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      if (best === undefined || prefix.length > best.key.indexOf('*')) {
        best = { key, star: subpath.slice(prefix.length, subpath.length - suffix.length) };
      }
    }
  }
  if (best === undefined) return [];
  const matched = best;
  return conditionalTargets(entries[matched.key]).map((target) => target.split('*').join(matched.star));
}

/**
 * Files a package.json names as entry points (main, module, source, browser, types, bin,
 * exports), by field. `group` ties together the conditional targets of one exports subpath:
 * they are builds of the same entry, so one of them mapping to source is enough.
 */
export function packageEntryTargets(pkg: PackageJson): Array<{ field: string; target: string; group: string }> {
  const targets: Array<{ field: string; target: string; group: string }> = [];
  for (const field of ['main', 'module', 'source', 'types', 'typings', 'browser'] as const) {
    const value = pkg[field];
    if (typeof value === 'string') targets.push({ field, target: value, group: field === 'main' || field === 'module' || field === 'source' || field === 'types' || field === 'typings' ? '.' : field });
  }
  // `"browser": { "./src/env.js": "./src/env-browser.js" }`: a bundler for the browser loads the
  // replacement in place of the original (`false` values only leave a module out).
  if (pkg.browser !== null && typeof pkg.browser === 'object' && !Array.isArray(pkg.browser)) {
    for (const [key, value] of Object.entries(pkg.browser)) {
      if (typeof value === 'string' && /^\.\.?\//.test(value)) targets.push({ field: `browser["${key}"]`, target: value, group: `browser["${key}"]` });
    }
  }
  if (typeof pkg.bin === 'string') targets.push({ field: 'bin', target: pkg.bin, group: 'bin' });
  else if (pkg.bin !== null && typeof pkg.bin === 'object') {
    for (const [name, value] of Object.entries(pkg.bin)) if (typeof value === 'string') targets.push({ field: `bin.${name}`, target: value, group: `bin.${name}` });
  }
  const { exports } = pkg;
  const isSubpathMap = exports !== null && typeof exports === 'object' && !Array.isArray(exports) && Object.keys(exports).some((key) => key.startsWith('.'));
  if (isSubpathMap) {
    for (const [subpath, value] of Object.entries(exports as Record<string, unknown>)) {
      for (const target of conditionalTargets(value)) targets.push({ field: `exports["${subpath}"]`, target, group: subpath });
    }
  } else {
    for (const target of conditionalTargets(exports)) targets.push({ field: 'exports', target, group: '.' });
  }
  return targets;
}

/** Subpaths an `exports` map closes with a `null` target (`"./internal/*": null`). */
export function closedExportSubpaths(map: unknown): string[] {
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return [];
  return Object.entries(map).filter(([subpath, value]) => subpath.startsWith('.') && value === null).map(([subpath]) => subpath);
}

/** The package a `@types/` package types (`@types/node-fetch` → `node-fetch`, `@types/babel__core` → `@babel/core`), else undefined. */
export function typedPackage(name: string): string | undefined {
  if (!name.startsWith('@types/')) return undefined;
  const rest = name.slice('@types/'.length);
  return rest.includes('__') ? `@${rest.replace('__', '/')}` : rest;
}

/** Whether a specifier names a package (not a path, an alias prefix like `@/` or `~/`, `#x` or a virtual module). */
export function isBareSpecifier(specifier: string): boolean {
  return /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/.*)?$/i.test(specifier) && !specifier.includes(':');
}

/** The package name a bare specifier refers to (`@scope/pkg/sub` gives `@scope/pkg`). */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0];
}
