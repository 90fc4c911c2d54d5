import path from 'node:path';
import { existingFile, packageDirOf } from './config-values.js';
import { createPathEvaluator } from './static-paths.js';
import { findCalls, stringValue, walk } from './syntax.js';
import type { ConfigContext, ConfigMentions } from './tool-config-reader.js';

const RESOLVERS = new Set(['resolve', 'resolvePath', 'join']);
/** A file a plugin call is given by path is code it loads; a JSON or text file is data it reads. */
const CODE_FILE = /\.(?:[cm]?[jt]sx?|vue|svelte|astro)$/;

/**
 * Project files a config resolves by path (`resolve('./mocks/class')`, `path.resolve(__dirname,
 * './stub.ts')`, `path.join(paths.srcMain, 'main.ts')` with `paths` a module of such paths (see
 * static-paths.ts), Nuxt's `createResolver(import.meta.url).resolve('./x')`) or hands to a call
 * by path (below), wherever the call is:
 * in a hook or a plugin's `resolveId` that only the build runs, they replace an import, so
 * nothing imports them. Only calls whose last argument is a literal are read, and only files of
 * the config's own package: a path into another workspace package (`resolve(__dirname,
 * '../packages/core/src')`) aliases that package to its source, which orch-guard resolves itself.
 */
export function resolvedPathMentions(program: unknown, { configFile, workspaceDir, parseModule }: ConfigContext): ConfigMentions {
  const configDir = path.dirname(configFile);
  const evaluate = createPathEvaluator(program, configFile, workspaceDir, parseModule);
  const files: string[] = [];
  for (const call of findCalls(program, RESOLVERS, true)) {
    const target = resolvedTarget(call.arguments, configDir, evaluate);
    const file = target === undefined ? undefined : existingFile(target);
    if (file !== undefined && packageDirOf(file) === packageDirOf(configFile)) files.push(file);
  }
  files.push(...pathArguments(program, configFile));
  return { files, packages: [] };
}

/**
 * The path a resolve/join call names: a folder the config computes, then literal segments
 * (`path.resolve(__dirname, 'plugins', 'x')`, `path.join(paths.src, 'main.ts')`: a folder means
 * its index, as `require` loads it), or a last literal `./x` after arguments that are not known
 * (`resolve(root, './x')`, from the config's folder).
 */
function resolvedTarget(args: readonly unknown[], configDir: string, evaluate: (node: unknown) => string | undefined): string | undefined {
  const parts = args.map(stringValue);
  if (args.length > 1 && parts.at(-1) !== undefined) {
    const values = args.map(evaluate);
    if (values[0] !== undefined && path.isAbsolute(values[0]) && values.every((value) => value !== undefined)) return path.resolve(...(values as string[]));
  }
  const last = parts.at(-1);
  if (last === undefined || !(last.startsWith('./') || last.startsWith('../')) || parts.slice(0, -1).some((part) => part !== undefined)) return undefined;
  return path.resolve(configDir, last);
}

/**
 * Code files a config hands to a call by a literal relative path (`createNextIntlPlugin(
 * './src/libs/I18n.ts')`, `plugin({ entry: './src/worker.ts' })`): a plugin that loads them
 * (its own import, its bundler's entry), which no plugin of knip knows. Files of the config's own
 * package only, as above.
 */
function pathArguments(program: unknown, configFile: string): string[] {
  const configDir = path.dirname(configFile);
  const files: string[] = [];
  for (const node of walk(program)) {
    if (node.type !== 'CallExpression') continue;
    const values = (node.arguments as unknown[]).flatMap((argument) => {
      const direct = stringValue(argument);
      if (direct !== undefined) return [direct];
      const properties = (argument as { type?: string; properties?: Array<{ type?: string; value?: unknown }> }).properties;
      return (argument as { type?: string }).type === 'ObjectExpression' && Array.isArray(properties)
        ? properties.flatMap((property) => (property.type === 'Property' ? [stringValue(property.value)].filter((value) => value !== undefined) : []))
        : [];
    });
    for (const value of values) {
      if (!(value.startsWith('./') || value.startsWith('../'))) continue;
      const absolute = path.resolve(configDir, value);
      // A folder (`root: './src'`) is not a file handed over: its index is not loaded for it.
      const file = existingFile(absolute);
      if (file !== undefined && path.dirname(file) === path.dirname(absolute) && CODE_FILE.test(file) && packageDirOf(file) === packageDirOf(configFile)) files.push(file);
    }
  }
  return files;
}
