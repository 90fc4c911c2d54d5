import path from 'node:path';
import { existingFile, isRecord } from './config-values.js';
import { findCalls, importedNames, literalProperties } from './syntax.js';
import type { ConfigMentions, ToolReader } from './tool-config-reader.js';

/** The source file names vite-plugin-pwa looks for when `filename` is not set. */
const DEFAULT_FILENAMES = ['sw.js', 'sw.ts', 'sw.mjs', 'sw.mts'];

/**
 * vite-plugin-pwa (and @vite-pwa/nuxt): with `strategies: 'injectManifest'` it builds the
 * service worker from `<srcDir>/<filename>` (default `public/sw.js`; the TypeScript twin too),
 * relative to Vite's root. Nothing imports that file: it is an entry, and the packages it
 * imports (workbox-*) are used. `roots` are the candidate Vite roots, most likely first.
 */
export function serviceWorkerSource(options: unknown, roots: readonly string[]): string[] {
  if (!isRecord(options) || options.strategies !== 'injectManifest') return [];
  const srcDir = typeof options.srcDir === 'string' ? options.srcDir : 'public';
  const filenames = typeof options.filename === 'string' ? [options.filename] : DEFAULT_FILENAMES;
  for (const root of roots) {
    for (const filename of filenames) {
      const file = existingFile(path.resolve(root, srcDir, filename));
      if (file !== undefined) return [file];
    }
  }
  return [];
}

/** `VitePWA({ ... })` in a Vite config, read from its syntax (knip's own reading assumes `sw.js`). */
export const vitePwa: ToolReader = {
  plugin: 'vite-plugin-pwa',
  fromSyntax(program, { configFile }): ConfigMentions {
    if (/(?:^|[\\/])nuxt\.config\.[^\\/]+$/.test(configFile)) return { files: [], packages: [] };
    const callees = importedNames(program, 'vite-plugin-pwa', ['VitePWA']);
    const configDir = path.dirname(configFile);
    const root = literalProperties(program, ['root']).root;
    const roots = root === undefined ? [configDir] : [path.resolve(configDir, root), configDir];
    const files = findCalls(program, callees).flatMap((call) => serviceWorkerSource(literalProperties(call.arguments[0], ['strategies', 'srcDir', 'filename'], false), roots));
    return { files, packages: [] };
  },
};
