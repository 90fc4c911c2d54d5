import path from 'node:path';
import { readTextIfPresent } from './config-values.js';
import type { ToolConvention } from './tool-convention.js';

const MAIN_FILES = ['.storybook', '.rnstorybook'].flatMap((dir) => ['ts', 'js', 'mjs', 'cjs', 'mts'].map((extension) => `${dir}/main.${extension}`));

/**
 * Storybook: MDX docs pages that its `stories` globs take in (`'../src/**\/*.mdx'`), which import
 * the components and helpers they show. knip's plugin names them, but MDX is read only where a
 * tool makes it a page: these are. A stories glob is cut to the folder it starts in (all MDX
 * below it), relative to the folder of main.* (read as text: running it needs the framework).
 */
export const storybook: ToolConvention = {
  name: 'storybook',
  dependency: 'storybook',
  entries: [],
  configuredPages: (packageDir) => MAIN_FILES.flatMap((name) => {
    const text = readTextIfPresent(path.join(packageDir, name));
    if (text === undefined) return [];
    return [...text.matchAll(/["'`]([^"'`\n]*mdx[^"'`\n]*)["'`]/g)].flatMap((match) => {
      const base = match[1].split('/').filter((part, index, parts) => !parts.slice(0, index + 1).some((seen) => /[*?{[(]/.test(seen))).join('/');
      const folder = path.posix.normalize(path.posix.join(path.posix.dirname(name), base)).replace(/\/$/, '');
      return folder.startsWith('..') || folder.startsWith('/') ? [] : [`${folder === '.' ? '' : `${folder}/`}**/*.mdx`];
    });
  }),
};
