import path from 'node:path';
import { existingFile, isRecord } from './config-values.js';
import type { ConfigMentions, ToolReader } from './tool-config-reader.js';

/**
 * unbuild builds each of `entries` (`'src/index'`, `{ input: 'src/cli', name: 'cli' }`), as the
 * config's folder (or its `rootDir`) resolves them: usually without an extension, or a folder
 * meaning its index. knip's plugin hands them on as glob patterns, and a pattern without an
 * extension matches no file: each is resolved here to the file it names.
 * A config may be an array of configs, as unbuild allows.
 */
export const unbuildEntries: ToolReader = {
  plugin: 'unbuild',
  fromConfig(config, context): ConfigMentions {
    const files: string[] = [];
    for (const one of Array.isArray(config) ? config : [config]) {
      if (!isRecord(one)) continue;
      const rootDir = typeof one.rootDir === 'string' ? path.resolve(path.dirname(context.configFile), one.rootDir) : path.dirname(context.configFile);
      for (const entry of Array.isArray(one.entries) ? one.entries : []) {
        const input = typeof entry === 'string' ? entry : isRecord(entry) && typeof entry.input === 'string' ? entry.input : undefined;
        if (input === undefined) continue;
        const found = existingFile(path.resolve(rootDir, input));
        if (found !== undefined) files.push(found);
      }
    }
    return { files, packages: [] };
  },
};
