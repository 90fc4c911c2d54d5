import { existsSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';

/**
 * An installed package moved aside while cleanup verifies the project without it: beside
 * itself in node_modules (same filesystem, so moving back is a rename), under a name no
 * package manager uses.
 */
const HIDDEN = '.orch-guard-hidden-';

/** Moves an installed package aside; returns [installed, aside] to move it back. */
export function hidePackage(installed: string): [string, string] {
  const aside = path.join(path.dirname(installed), `${HIDDEN}${path.basename(installed)}`);
  renameSync(installed, aside);
  return [installed, aside];
}

/**
 * Puts back every package a killed cleanup left aside in the node_modules of these directories
 * (and their scopes); one whose name was installed again meanwhile is left where it is.
 * Returns the packages put back.
 */
export function restoreHiddenPackages(dirs: readonly string[]): string[] {
  const restored: string[] = [];
  for (const dir of new Set(dirs)) {
    const modules = path.join(dir, 'node_modules');
    for (const folder of [modules, ...list(modules).filter((name) => name.startsWith('@')).map((scope) => path.join(modules, scope))]) {
      for (const name of list(folder).filter((entry) => entry.startsWith(HIDDEN))) {
        const installed = path.join(folder, name.slice(HIDDEN.length));
        if (existsSync(installed)) continue;
        renameSync(path.join(folder, name), installed);
        restored.push(path.relative(dir, installed));
      }
    }
  }
  return restored;
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
