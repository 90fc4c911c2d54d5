import path from 'node:path';
import { isBareSpecifier, packageNameOf } from '../../../manifests/package-json.js';
import { existingFile, packageDirOf } from './config-values.js';
import { createPathEvaluator } from './static-paths.js';
import { propertyName, walk } from './syntax.js';
import type { ConfigContext, ConfigMentions, ToolReader } from './tool-config-reader.js';

type Node = Record<string, unknown>;

/** The properties a bundler's config names its entries with (webpack/rspack `entry`, rollup `input`, esbuild `entryPoints`). */
const ENTRY_KEYS = new Set(['entry', 'input', 'entryPoints']);
/** Bundlers whose knip plugin already reads their config (a reader added to one that does not would stop its default entries). */
const PLUGINS = ['webpack', 'rspack', 'rsbuild', 'rollup', 'rolldown', 'vite', 'tsup', 'tsdown'];

/**
 * A bundler config's entries, read from its syntax: knip reads them from a config it loaded,
 * and a config may refuse to load outside its environment (electron-react-boilerplate's webpack
 * configs exit unless NODE_ENV is set) or compute its entries from a paths module
 * (`path.join(webpackPaths.srcRendererPath, 'index.tsx')`, see static-paths.ts). A path is an
 * entry (from the config's `context`, else the working directory, else the config's folder), a
 * package name is a used package; a value it cannot compute (`Object.keys(dependencies)`) is
 * skipped — the package of a config that did not load stays low confidence (with-tool-entries.ts).
 */
export function bundlerEntryMentions(program: unknown, context: ConfigContext): ConfigMentions {
  const evaluate = createPathEvaluator(program, context.configFile, context.workspaceDir, context.parseModule);
  const mentions: ConfigMentions = { files: [], packages: [] };
  for (const object of walk(program)) {
    if (object.type !== 'ObjectExpression') continue;
    const properties = (object.properties as Node[]).filter((property) => property.type === 'Property');
    const entries = properties.filter((property) => ENTRY_KEYS.has(propertyName(property) ?? ''));
    if (entries.length === 0) continue;
    const contextProperty = properties.find((property) => propertyName(property) === 'context');
    const contextDir = contextProperty === undefined ? undefined : evaluate(contextProperty.value);
    const bases = [...(contextDir !== undefined && path.isAbsolute(contextDir) ? [contextDir] : []), context.workspaceDir, path.dirname(context.configFile)];
    for (const leaf of entries.flatMap((property) => entryLeaves(property.value as Node))) {
      const value = evaluate(leaf);
      if (value === undefined || value === '') continue;
      const file = bases.map((base) => existingFile(path.resolve(base, value))).find((found) => found !== undefined);
      if (file !== undefined) {
        if (packageDirOf(file) === packageDirOf(context.configFile)) mentions.files.push(file);
      } else if (!path.isAbsolute(value) && !value.startsWith('.') && isBareSpecifier(value)) {
        mentions.packages.push(packageNameOf(value));
      }
    }
  }
  return mentions;
}

/** The expressions an entry value names: itself, an array's elements, an object's values (webpack's `{ import }` descriptors too). */
function entryLeaves(node: Node | undefined): Node[] {
  if (node === undefined || node === null) return [];
  if (node.type === 'ArrayExpression') return (node.elements as Node[]).flatMap(entryLeaves);
  if (node.type === 'ObjectExpression') {
    return (node.properties as Node[]).flatMap((property) => {
      if (property.type !== 'Property') return [];
      const value = property.value as Node;
      if (value.type === 'ObjectExpression') {
        const imported = (value.properties as Node[]).find((inner) => inner.type === 'Property' && propertyName(inner) === 'import');
        return imported === undefined ? [] : entryLeaves(imported.value as Node);
      }
      return entryLeaves(value);
    });
  }
  return [node];
}

export const bundlerEntries: readonly ToolReader[] = PLUGINS.map((plugin) => ({
  plugin,
  fromSyntax: (program, context) => bundlerEntryMentions(program, context),
}));
