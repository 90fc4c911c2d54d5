import path from 'node:path';
import type { WorkspacePackage } from '../../../manifests/workspaces.js';
import { dependsOn } from '../../../manifests/package-json.js';
import { readTextIfPresent } from './config-values.js';

const ENABLERS = ['@tanstack/react-router', '@tanstack/solid-router', '@tanstack/vue-router', '@tanstack/router-plugin',
  '@tanstack/router-cli', '@tanstack/react-start', '@tanstack/solid-start', '@tanstack/start'];
const ROUTE_FILE = /\.[cm]?[jt]sx?$/;
/** What TanStack Start loads by name; the router file also when only the router is used. */
const START_FILES = /^(?:src|app)\/(?:router|start|client|server|ssr)\.[cm]?[jt]sx?$/;

interface RouterConfig {
  routesDirectory?: string;
  routeFilePrefix?: string;
  routeFileIgnorePrefix?: string;
  routeFileIgnorePattern?: string;
  virtualRouteConfig?: unknown;
}

/**
 * TanStack Router's file-based routes, as its generator reads them from tsr.config.json (or its
 * defaults): every route file in `routesDirectory` (default `src/routes`) whose name has the
 * `routeFilePrefix` and neither the ignore prefix (`-`) nor `routeFileIgnorePattern`, or, with
 * a `virtualRouteConfig` object, the files it names; plus Start's router/client/server files.
 * knip finds them only through a generated `routeTree.gen.ts`, which is often git-ignored.
 * Returns package-relative paths of `files` (package-relative too), and why tsr.config.json
 * could not be read when it exists but is not JSON (the defaults are used then).
 */
export function tanstackRouterEntries(workspace: WorkspacePackage, files: readonly string[]): { entries: string[]; configError?: string } {
  if (!ENABLERS.some((name) => dependsOn(workspace.pkg, name))) return { entries: [] };
  const { config, error } = readConfig(workspace.dir);
  const entries = routeFiles(config, files);
  return error === undefined ? { entries } : { entries, configError: error };
}

function routeFiles(config: RouterConfig, files: readonly string[]): string[] {
  const routesDir = path.posix.normalize(config.routesDirectory ?? './src/routes').replace(/^\.\//, '').replace(/\/$/, '');
  const entries = files.filter((file) => START_FILES.test(file));
  const virtualFiles = collectFiles(config.virtualRouteConfig);
  if (virtualFiles !== undefined) {
    const named = new Set(virtualFiles.map((file) => path.posix.join(routesDir, file)));
    return [...entries, ...files.filter((file) => named.has(file))];
  }
  const prefix = config.routeFilePrefix ?? '';
  const ignorePrefix = config.routeFileIgnorePrefix ?? '-';
  const ignore = safeRegExp(config.routeFileIgnorePattern);
  for (const file of files) {
    if (!file.startsWith(`${routesDir}/`) || !ROUTE_FILE.test(file)) continue;
    const segments = file.slice(routesDir.length + 1).split('/');
    const name = segments[segments.length - 1];
    if (segments.some((segment) => ignorePrefix !== '' && segment.startsWith(ignorePrefix))) continue;
    if (ignore !== undefined && segments.some((segment) => ignore.test(segment))) continue;
    if (!name.startsWith(prefix) && !name.startsWith('__root.')) continue;
    entries.push(file);
  }
  return entries;
}

function readConfig(dir: string): { config: RouterConfig; error?: string } {
  const text = readTextIfPresent(path.join(dir, 'tsr.config.json'));
  if (text === undefined) return { config: {} };
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { config: parsed as RouterConfig } : { config: {}, error: 'not a JSON object' };
  } catch (error) {
    return { config: {}, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The `file` of every node of a virtual route tree; undefined when there is none to read. */
function collectFiles(node: unknown): string[] | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const found: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) { value.forEach(visit); return; }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (typeof record.file === 'string') found.push(record.file);
    visit(record.children);
  };
  visit(node);
  return found;
}

function safeRegExp(source: string | undefined): RegExp | undefined {
  if (source === undefined) return undefined;
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}
