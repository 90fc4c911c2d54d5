import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isBareSpecifier, packageNameOf } from '../../../manifests/package-json.js';
import { existingFile, isRecord, packageOfInstalledPath } from './config-values.js';
import type { ConfigMentions } from './tool-config-reader.js';

/**
 * The targets of a bundler's `alias` (an object, or Vite's array of `{ find, replacement }`):
 * a target file is loaded instead of what the code imports, so nothing imports it by path — it
 * is an entry; a target inside node_modules or a bare name is a package the project uses.
 * `toAbsolute` turns a path target into an absolute path (framework prefixes like `~/`).
 */
export function aliasTargetMentions(aliases: unknown, toAbsolute: (target: string) => string): ConfigMentions {
  const mentions: ConfigMentions = { files: [], packages: [] };
  for (const [key, target] of aliasTargets(aliases)) {
    if (path.isAbsolute(target) || target.startsWith('.') || /^(?:~~?|@@?)\//.test(target)) {
      const absolute = toAbsolute(target);
      const installed = packageOfInstalledPath(absolute);
      if (installed !== undefined) mentions.packages.push(installed);
      else {
        const file = existingFile(absolute);
        if (file !== undefined && !isOwnSource(key, file)) mentions.files.push(file);
      }
    } else if (isBareSpecifier(target)) {
      mentions.packages.push(packageNameOf(target));
    }
  }
  return mentions;
}

/** [alias, target] pairs; a RegExp `find` has no name. */
function aliasTargets(aliases: unknown): Array<[string, string]> {
  if (Array.isArray(aliases)) {
    return aliases.flatMap((alias) => (isRecord(alias) && typeof alias.replacement === 'string' ? [[typeof alias.find === 'string' ? alias.find : '', alias.replacement] as [string, string]] : []));
  }
  if (!isRecord(aliases)) return [];
  return Object.entries(aliases).filter((pair): pair is [string, string] => typeof pair[1] === 'string');
}

/**
 * An alias from a workspace package's name to its own source (`unhead` → packages/unhead/src):
 * orch-guard resolves workspace names to source itself, and making the file an entry would hide
 * its unused exports as public API.
 */
function isOwnSource(key: string, file: string): boolean {
  if (key === '' || !isBareSpecifier(key)) return false;
  for (let dir = path.dirname(file); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    try {
      return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === packageNameOf(key);
    } catch {
      return false; // an unreadable manifest names nothing: the target stays an entry (the safe side)
    }
  }
  return false;
}
