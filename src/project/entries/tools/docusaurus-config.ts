import path from 'node:path';
import { existingFile, filesBelow } from './config-values.js';
import { propertyName, propertyValue, stringElements, stringValue, walk } from './syntax.js';
import type { ConfigMentions, ToolReader } from './tool-config-reader.js';

/** The code files of a pages folder (its Markdown pages are docusaurus.ts's `configuredPages`). */
const PAGE_CODE = /\.[jt]sx?$/;

/**
 * What a docusaurus.config names beyond knip's plugin (which reads only the conventional folders
 * and static `scripts`): `sidebarPath` files, `clientModules`, local `scripts`, and the pages
 * folder a preset or the pages plugin moves with `path` (`pages: { path: 'site-pages' }`).
 * Read from the syntax, so a config that exports a function (`createConfigAsync`) is read too.
 */
export const docusaurusConfig: ToolReader = {
  plugin: 'docusaurus',
  fromSyntax(program, { configFile }): ConfigMentions {
    const configDir = path.dirname(configFile);
    const files = new Set<string>();
    const addFile = (value: string | undefined) => {
      if (value === undefined || !/^\.{0,2}\//.test(value) || value.startsWith('/')) return;
      const found = existingFile(path.resolve(configDir, value));
      if (found !== undefined) files.add(found);
    };
    const addPages = (options: unknown) => {
      const folder = stringValue(propertyValue(options, 'path'));
      if (folder !== undefined) for (const file of filesBelow(path.resolve(configDir, folder), isPageFile)) files.add(file);
    };
    for (const node of walk(program)) {
      if (node.type === 'Property') {
        const name = propertyName(node);
        if (name === 'sidebarPath') addFile(stringValue(node.value));
        if (name === 'clientModules') for (const value of stringElements(node.value)) addFile(value);
        if (name === 'scripts') for (const value of scriptSources(node.value)) addFile(value);
        if (name === 'pages') addPages(node.value);
      }
      // `['content-pages', { path: 'landing' }]` in `plugins`.
      if (node.type === 'ArrayExpression') {
        const [first, options] = node.elements as unknown[];
        if (/(?:^|[-/])content-pages$/.test(stringValue(first) ?? '')) addPages(options);
      }
    }
    return { files: [...files], packages: [] };
  },
};

/** `scripts: ['./a.js', { src: './b.js' }]`. */
function scriptSources(node: unknown): string[] {
  const values = stringElements(node);
  const items = (node as { type?: string; elements?: unknown[] }).type === 'ArrayExpression' ? (node as { elements: unknown[] }).elements : [];
  for (const item of items) {
    const source = stringValue(propertyValue(item, 'src'));
    if (source !== undefined) values.push(source);
  }
  return values;
}

/** Docusaurus skips `_`-prefixed files and folders (partials, page-local components) and tests. */
function isPageFile(relative: string): boolean {
  return PAGE_CODE.test(relative) && !relative.split(path.sep).some((part) => part.startsWith('_') || part === '__tests__') && !/\.test\.[jt]sx?$/.test(relative);
}
