import path from 'node:path';
import { existingFile, isRecord } from './config-values.js';

/**
 * @nuxtjs/i18n: the `vueI18n` config file (default `i18n.config`) and the locale files of
 * `locales[].file`/`files` in `langDir` are loaded by the module, never imported. Since v9 these
 * paths are relative to `<rootDir>/<restructureDir>` (default `i18n/`); before, to the source dir.
 */
export function nuxtI18nFiles(options: unknown, rootDir: string, srcDir: string): string[] {
  if (!isRecord(options)) return [];
  const restructureDir = typeof options.restructureDir === 'string' ? options.restructureDir : 'i18n';
  const bases = [...new Set([path.resolve(rootDir, restructureDir), srcDir, rootDir])];
  const firstExisting = (relative: string) => bases.map((base) => existingFile(path.resolve(base, relative))).find((file) => file !== undefined);
  const files: string[] = [];
  const config = firstExisting(typeof options.vueI18n === 'string' ? options.vueI18n : 'i18n.config');
  if (config !== undefined) files.push(config);
  const langDir = typeof options.langDir === 'string' ? options.langDir : 'locales';
  for (const locale of Array.isArray(options.locales) ? options.locales : []) {
    if (!isRecord(locale)) continue;
    for (const file of [locale.file, ...(Array.isArray(locale.files) ? locale.files : [])]) {
      const name = typeof file === 'string' ? file : isRecord(file) && typeof file.path === 'string' ? file.path : undefined;
      const found = name === undefined ? undefined : firstExisting(path.join(langDir, name));
      if (found !== undefined) files.push(found);
    }
  }
  return files;
}
