import path from 'node:path';
import { existingFile, isBareSpecifier, isRecord, packageOfInstalledPath, packageOfSpecifier } from './config-values.js';
import type { ConfigMentions } from './tool-config-reader.js';

/**
 * The targets of a bundler's `alias` (an object, or Vite's array of `{ find, replacement }`):
 * a target file is loaded instead of what the code imports, so nothing imports it by path — it
 * is an entry; a target inside node_modules or a bare name is a package the project uses.
 * `toAbsolute` turns a path target into an absolute path (framework prefixes like `~/`).
 */
export function aliasTargetMentions(aliases: unknown, toAbsolute: (target: string) => string): ConfigMentions {
  const mentions: ConfigMentions = { files: [], packages: [] };
  for (const target of aliasTargets(aliases)) {
    if (path.isAbsolute(target) || target.startsWith('.') || /^(?:~~?|@@?)\//.test(target)) {
      const absolute = toAbsolute(target);
      const installed = packageOfInstalledPath(absolute);
      if (installed !== undefined) mentions.packages.push(installed);
      else {
        const file = existingFile(absolute);
        if (file !== undefined) mentions.files.push(file);
      }
    } else if (isBareSpecifier(target)) {
      mentions.packages.push(packageOfSpecifier(target));
    }
  }
  return mentions;
}

function aliasTargets(aliases: unknown): string[] {
  if (Array.isArray(aliases)) {
    return aliases.flatMap((alias) => (isRecord(alias) && typeof alias.replacement === 'string' ? [alias.replacement] : []));
  }
  if (!isRecord(aliases)) return [];
  return Object.values(aliases).filter((target): target is string => typeof target === 'string');
}
