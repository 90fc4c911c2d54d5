import path from 'node:path';
import type { WorkspacePackage } from '../../../manifests/workspaces.js';
import { dependsOn } from '../../../manifests/package-json.js';
import { readTextIfPresent } from './config-values.js';

const CODE = /\.(?:[cm]?[jt]sx?|mdx?)$/;
/** What the framework loads from the app directory by name. */
const APP_FILES = /^(?:root|routes|entry\.client|entry\.server)\.[cm]?[jt]sx?$/;

/**
 * React Router's framework mode (`@react-router/dev`): the config, the app directory's `root`,
 * `routes` and `entry.client`/`entry.server` modules, and the route modules `routes.ts` names
 * (`route('login', './account/login.tsx')`: every path in it, relative to the app directory) or
 * `flatRoutes({ rootDirectory })` reads (each file of that folder, and each `<folder>/route.*`).
 * knip's plugin needs a config file and runs `routes.ts`, which needs the framework installed.
 * Returns package-relative paths of `files` (package-relative too).
 */
export function reactRouterEntries(workspace: WorkspacePackage, files: readonly string[]): string[] {
  if (!dependsOn(workspace.pkg, '@react-router/dev')) return [];
  const appDir = path.posix.normalize(configuredAppDirectory(workspace.dir) ?? 'app').replace(/^\.\/|\/$/g, '');
  const named = new Set<string>();
  const routesDirs: string[] = [];
  for (const name of ['routes.ts', 'routes.js', 'routes.mts', 'routes.mjs']) {
    const text = readTextIfPresent(path.join(workspace.dir, appDir, name));
    if (text === undefined) continue;
    for (const match of text.matchAll(/["'`]([^"'`\n]+)["'`]/g)) {
      if (CODE.test(match[1])) named.add(path.posix.join(appDir, match[1]));
    }
    for (const match of text.matchAll(/\bflatRoutes\s*\(([^)]*)\)/g)) {
      const rootDirectory = /\brootDirectory\s*:\s*["'`]([^"'`]+)["'`]/.exec(match[1])?.[1] ?? 'routes';
      routesDirs.push(path.posix.join(appDir, rootDirectory));
    }
  }
  return files.filter((file) => /^react-router\.config\.[cm]?[jt]s$/.test(file)
    || (path.posix.dirname(file) === appDir && APP_FILES.test(path.posix.basename(file)))
    || named.has(file)
    || routesDirs.some((dir) => isFlatRoute(dir, file)));
}

/** A flat route: a module directly in the routes folder, or a folder's `route` module. */
function isFlatRoute(dir: string, file: string): boolean {
  if (!file.startsWith(`${dir}/`) || !CODE.test(file)) return false;
  const segments = file.slice(dir.length + 1).split('/');
  return segments.length === 1 || (segments.length === 2 && /^route\.[cm]?[jt]sx?$/.test(segments[1]));
}

/** `appDirectory: 'src'` in react-router.config (read as text: running it needs the framework). */
function configuredAppDirectory(packageDir: string): string | undefined {
  for (const name of ['react-router.config.ts', 'react-router.config.js', 'react-router.config.mts', 'react-router.config.mjs']) {
    const text = readTextIfPresent(path.join(packageDir, name));
    const value = text === undefined ? undefined : /\bappDirectory\s*:\s*["'`]([^"'`]+)["'`]/.exec(text)?.[1];
    if (value !== undefined) return value;
  }
  return undefined;
}
