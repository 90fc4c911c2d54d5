import { referencesIconSet } from '../indexer/extract/icon-references.js';
import type { AnalysisContext, DependencyProblem } from './analysis-context.js';

/** Packages that load `@iconify-json/<set>` by the set's name, with no import of it. */
const ICON_LOADERS = new Set([
  'astro-icon', 'unplugin-icons', '@iconify/tailwind', '@iconify/tailwind4', '@egoist/tailwindcss-icons',
  '@unocss/preset-icons', 'unocss', '@unocss/nuxt', '@unocss/astro', '@unocss/vite', '@unocss/webpack', '@unocss/postcss',
  '@nuxt/icon', 'nuxt-icon', 'nuxt-icons',
]);

const ANY_SET = '*';

/** Schemes that look like `"set:icon"` in a string but name no icon (`"node:fs"`, `"https:"`). */
const NOT_ICON_SETS = new Set(['node', 'http', 'https', 'data', 'file', 'virtual', 'npm', 'jsr', 'bun', 'mailto', 'blob']);

function namesAnyIcon(references: readonly string[]): boolean {
  return references.some((reference) => !NOT_ICON_SETS.has(reference));
}

/**
 * For an icon set package knip found unused: `used` when an icon loader is listed and some file
 * names an icon of the set (`"tabler:rss"`, `i-tabler-rss`, `~icons/tabler/rss`); `unreferenced`
 * when a loader is listed but no name was found (a name built at run time would escape the
 * search); undefined when it is no icon set or no loader is listed.
 */
export function iconSetUse(context: AnalysisContext, problem: DependencyProblem): 'used' | 'unreferenced' | undefined {
  // @iconify/json holds every set: used when any icon is named.
  const set = problem.name === '@iconify/json' ? ANY_SET : /^@iconify-json\/(.+)$/.exec(problem.name)?.[1];
  if (set === undefined) return undefined;
  const loader = context.listedDependencies.some((listed) => listed.workspace === problem.workspace && ICON_LOADERS.has(listed.name));
  if (!loader) return undefined;
  const inWorkspace = (file: string) => problem.workspace === '' || file.startsWith(`${problem.workspace}/`);
  const used = context.files.some((file) => inWorkspace(file.path) && (
    (set === ANY_SET ? namesAnyIcon(file.facts.iconReferences ?? []) : referencesIconSet(file.facts.iconReferences ?? [], set))
    || file.facts.imports.some((fact) => (set === ANY_SET ? /^(?:~|virtual:)icons\//.test(fact.specifier) : fact.specifier.startsWith(`~icons/${set}/`) || fact.specifier.startsWith(`virtual:icons/${set}/`)))));
  return used ? 'used' : 'unreferenced';
}
