import path from 'node:path';
import { compileGlobs } from '../../files/glob.js';
import type { WorkspacePackage } from '../../manifests/workspaces.js';
import { toolConventions } from './tools/index.js';
import { toolPageGlobs, usesTool } from './tools/tool-convention.js';

const MARKDOWN = /\.mdx?$/;

/**
 * Which Markdown and MDX files are project files: the pages of the frameworks each package
 * uses (Docusaurus docs and blog, Astro pages and content). Other Markdown (READMEs, static
 * assets) is never read, so a docs site's thousands of other files cost nothing.
 */
export function markdownPageMatcher(root: string, packages: readonly WorkspacePackage[]): (file: string) => boolean {
  const matchers: Array<{ prefix: string; matches: (relative: string) => boolean }> = [];
  for (const workspace of packages) {
    const pages = toolConventions.filter((tool) => usesTool(workspace.pkg, tool)).flatMap((tool) => toolPageGlobs(tool, workspace.dir));
    if (pages.length === 0) continue;
    const prefix = path.relative(root, workspace.dir).split(path.sep).join('/');
    matchers.push({ prefix: prefix === '' ? '' : `${prefix}/`, matches: compileGlobs(pages) });
  }
  return (file) => MARKDOWN.test(file)
    && matchers.some(({ prefix, matches }) => file.startsWith(prefix) && matches(file.slice(prefix.length)));
}

