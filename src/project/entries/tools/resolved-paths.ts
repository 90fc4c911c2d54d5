import path from 'node:path';
import { existingFile, packageDirOf } from './config-values.js';
import { findCalls, stringValue } from './syntax.js';
import type { ConfigMentions } from './tool-config-reader.js';

const RESOLVERS = new Set(['resolve', 'resolvePath']);

/**
 * Project files a config resolves by path (`resolve('./mocks/class')`, `path.resolve(__dirname,
 * './stub.ts')`, Nuxt's `createResolver(import.meta.url).resolve('./x')`), wherever the call is:
 * in a hook or a plugin's `resolveId` that only the build runs, they replace an import, so
 * nothing imports them. Only calls whose last argument is a literal are read, and only files of
 * the config's own package: a path into another workspace package (`resolve(__dirname,
 * '../packages/core/src')`) aliases that package to its source, which orch-guard resolves itself.
 */
export function resolvedPathMentions(program: unknown, configFile: string): ConfigMentions {
  const configDir = path.dirname(configFile);
  const files: string[] = [];
  for (const call of findCalls(program, RESOLVERS, true)) {
    const parts = call.arguments.map(stringValue);
    const last = parts.at(-1);
    if (last === undefined || !(last.startsWith('./') || last.startsWith('../')) || parts.slice(0, -1).some((part) => part !== undefined)) continue;
    const file = existingFile(path.resolve(configDir, last));
    if (file !== undefined && packageDirOf(file) === packageDirOf(configFile)) files.push(file);
  }
  return { files, packages: [] };
}
