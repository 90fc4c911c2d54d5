import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A Docusaurus site: its folder and the webpack aliases its config adds. */
export interface DocusaurusSite {
  dir: string;
  /** `alias` entries of the config (a module-alias plugin, `configureWebpack`), absolute targets. */
  aliases: Array<{ key: string; target: string }>;
  /** `@docusaurus/<name>` modules of @docusaurus/core's client (Link, Head, useBaseUrl, ...). */
  clientModules: Set<string>;
}

/** Where an aliased specifier may point: the first existing candidate; else `provided` says built, not broken. */
export interface AliasTargets {
  candidates: string[];
  provided: boolean;
}

// @docusaurus/core's `lib/client/exports` (v2 and v3), for a site whose dependencies are not installed.
const CLIENT_MODULES = [
  'BrowserOnly', 'ComponentCreator', 'ErrorBoundary', 'ExecutionEnvironment', 'Head', 'Interpolate', 'Link', 'Noop',
  'Translate', 'constants', 'isInternalUrl', 'renderRoutes', 'router', 'useBaseUrl', 'useBrokenLinks',
  'useDocusaurusContext', 'useGlobalData', 'useIsBrowser', 'useIsomorphicLayoutEffect', 'useRouteContext',
];
const CONFIG_NAMES = ['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs', 'docusaurus.config.cjs', 'docusaurus.config.mts'];
// `'@components': path.resolve(__dirname, './src/components')`, `'@x': './src/x'`, with join or resolve.
const ALIAS_ENTRY = /(?:^|[{,\s])(["']?)(@?[\w$~#-][\w$~#/.-]*)\1\s*:\s*(?:path\.(?:resolve|join)\(\s*(?:__dirname|process\.cwd\(\))\s*,\s*)?["'`]([^"'`]+)["'`]/g;

/** The site's config aliases and client modules, read once per site. */
export function readDocusaurusSite(dir: string): DocusaurusSite {
  const aliases: DocusaurusSite['aliases'] = [];
  for (const name of CONFIG_NAMES) {
    let text: string;
    try {
      text = readFileSync(path.join(dir, name), 'utf8');
    } catch {
      continue;
    }
    for (const block of aliasBlocks(text)) {
      for (const match of block.matchAll(ALIAS_ENTRY)) {
        const target = path.resolve(dir, match[3]);
        // An alias that pins a package to one copy (`react: ./node_modules/react`) is still that package.
        if (target.split(path.sep).includes('node_modules')) continue;
        aliases.push({ key: match[2], target });
      }
    }
  }
  const clientModules = new Set(CLIENT_MODULES);
  try {
    for (const file of readdirSync(path.join(dir, 'node_modules/@docusaurus/core/lib/client/exports'))) {
      if (/\.js$/.test(file)) clientModules.add(file.slice(0, -'.js'.length));
    }
  } catch {
    // Not installed: the list above.
  }
  return { dir, aliases, clientModules };
}

/**
 * The aliases Docusaurus's webpack config defines: `@site/` (the site folder), `@theme/X`
 * (the site's swizzled `src/theme/X`, else the theme's own), `@theme-original/X` and
 * `@theme-init/X` (the theme's), `@generated/` (written by the build), `@docusaurus/Link` and
 * the other client modules, and the config's own `alias` entries. Undefined: not an alias.
 */
export function docusaurusAliasTargets(site: DocusaurusSite, specifier: string): AliasTargets | undefined {
  const slash = specifier.indexOf('/');
  const head = slash === -1 ? specifier : specifier.slice(0, slash);
  const rest = slash === -1 ? '' : specifier.slice(slash + 1);
  if (head === '@site' && rest !== '') return { candidates: [path.join(site.dir, rest)], provided: false };
  if (head === '@theme' && rest !== '') return { candidates: [path.join(site.dir, 'src/theme', rest)], provided: true };
  if ((head === '@theme-original' || head === '@theme-init' || head === '@generated') && rest !== '') return { candidates: [], provided: true };
  if (head === '@docusaurus' && site.clientModules.has(rest)) return { candidates: [], provided: true };
  // webpack: `key` matches the specifier and its subpaths, `key$` only the specifier.
  const alias = site.aliases.find(({ key }) => (key.endsWith('$') ? specifier === key.slice(0, -1) : specifier === key || specifier.startsWith(`${key}/`)));
  if (alias !== undefined) return { candidates: [path.join(alias.target, specifier.slice(alias.key.replace(/\$$/, '').length))], provided: false };
  return undefined;
}

/** The bodies of `alias: { ... }` objects in a config's text. */
function aliasBlocks(text: string): string[] {
  const blocks: string[] = [];
  for (const match of text.matchAll(/\balias\s*:\s*\{/g)) {
    const start = (match.index ?? 0) + match[0].length;
    let depth = 1;
    let index = start;
    for (; index < text.length && depth > 0; index += 1) {
      if (text[index] === '{') depth += 1;
      else if (text[index] === '}') depth -= 1;
    }
    blocks.push(text.slice(start, index - 1));
  }
  return blocks;
}
