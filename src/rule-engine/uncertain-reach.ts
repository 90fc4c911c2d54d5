import type { GraphFile } from '../graph/symbol-graph.js';
import type { ImportFact } from '../indexer/facts.js';
import type { AnalysisContext } from './analysis-context.js';
import { MARKDOWN_FILE } from '../indexer/extract/markdown-imports.js';

interface UnboundedLoad {
  file: GraphFile;
  fact: ImportFact;
}

const cache = new WeakMap<AnalysisContext, UnboundedLoad[]>();
const COMPONENT = /\.(?:vue|svelte|astro|mdx?)$/;
/**
 * Specifiers no package can have (npm names are URL-safe, a scope needs a name): `$utils/x`,
 * `@/x`, `~/x`. Left unresolved, they are aliases of a config orch-guard could not read
 * (SvelteKit's `kit.alias`, a bundler config that failed to load), so they could load any file.
 */
const UNKNOWN_ALIAS = /^(?:\$|@\/|~)/;

/**
 * Loads in live code whose path is computed at run time (`import(name)`, `eval`), or that go
 * through an alias no config read explains.
 */
function liveUnboundedLoads(context: AnalysisContext): UnboundedLoad[] {
  let loads = cache.get(context);
  if (loads !== undefined) return loads;
  loads = [];
  for (const file of context.files) {
    for (const [index, fact] of file.facts.imports.entries()) {
      const resolution = file.resolutions[index];
      const unknownAlias = resolution?.kind === 'external' && UNKNOWN_ALIAS.test(fact.specifier);
      if (fact.unbounded !== true && !unknownAlias) continue;
      const owner = fact.owner === -1 ? file.moduleNode : file.firstDeclarationNode + fact.owner;
      if (context.isLive(owner)) loads.push({ file, fact });
    }
  }
  cache.set(context, loads);
  return loads;
}

const unreadCache = new WeakMap<AnalysisContext, UnboundedLoad | null>();

/** A live import of a Markdown or MDX file that is not a project file: its own imports are unknown. */
function liveUnreadMarkdown(context: AnalysisContext): UnboundedLoad | undefined {
  let found = unreadCache.get(context);
  if (found === undefined) {
    found = null;
    for (const file of context.files) {
      if (!context.isFileLive(file)) continue;
      const index = file.resolutions.findIndex((resolution) => resolution.kind === 'asset' && MARKDOWN_FILE.test(resolution.path));
      if (index !== -1) {
        found = { file, fact: file.facts.imports[index] };
        break;
      }
    }
    unreadCache.set(context, found);
  }
  return found ?? undefined;
}

function describe(load: UnboundedLoad): string {
  const how = load.fact.unbounded === true ? 'computed at run time' : 'an alias no config orch-guard read defines';
  return `${load.file.path}:${load.fact.line} loads \`${load.fact.specifier}\`, ${how}`;
}

/**
 * Low confidence for a file nothing reaches when some live code loads paths computed at run
 * time or imports Markdown that is not analysed, or when it is a component a framework may
 * load by convention.
 */
export function fileUncertainty(context: AnalysisContext, file: GraphFile, deadImporters: readonly string[]): { confidence: 'low'; uncertainty: string } | undefined {
  if (COMPONENT.test(file.path)) {
    return { confidence: 'low', uncertainty: 'a framework can load a component by its file name (pages, routes, layouts)' };
  }
  if (file.isDeclarationFile || file.facts.ambientOnly === true) {
    return { confidence: 'low', uncertainty: 'no tsconfig includes it, but `typeRoots`, `types` or a build tool can still add it to the program' };
  }
  const component = deadImporters.find((path) => COMPONENT.test(path));
  if (component !== undefined) {
    return { confidence: 'low', uncertainty: `it is imported by ${component}, which a framework can load by its file name` };
  }
  const unread = liveUnreadMarkdown(context);
  if (unread !== undefined) {
    return { confidence: 'low', uncertainty: `${unread.file.path}:${unread.fact.line} imports \`${unread.fact.specifier}\`, Markdown that is not analysed (outside the framework's page folders), which may import it` };
  }
  const [first, ...rest] = liveUnboundedLoads(context);
  if (first === undefined) return undefined;
  return { confidence: 'low', uncertainty: `${describe(first)}${rest.length > 0 ? ` (and ${rest.length} more)` : ''}, which could be this file` };
}

/**
 * Low confidence for an unused export when a load computed at run time could read it: the
 * module it returns is used whole, or by this name.
 */
export function exportUncertainty(context: AnalysisContext, name: string): { confidence: 'low'; uncertainty: string } | undefined {
  const load = liveUnboundedLoads(context).find(({ fact }) => fact.whole === true || (fact.usedNames ?? []).includes(name));
  if (load === undefined) return undefined;
  return { confidence: 'low', uncertainty: `${describe(load)}, which could read this export` };
}

/** Low confidence for a local declaration of a file that runs `eval`: the evaluated code sees it. */
export function localUncertainty(context: AnalysisContext, file: GraphFile): { confidence: 'low'; uncertainty: string } | undefined {
  const load = liveUnboundedLoads(context).find((entry) => entry.file === file && entry.fact.specifier === 'eval(...)');
  if (load === undefined) return undefined;
  return { confidence: 'low', uncertainty: `${load.file.path}:${load.fact.line} runs \`eval\`, whose code could use it` };
}
