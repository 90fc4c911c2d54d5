import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { existingFile } from './config-values.js';
import { type Module, moduleOf, PATH_MODULES, requiredSource } from './config-module-bindings.js';
import { propertyName, stringValue } from './syntax.js';

type Node = Record<string, unknown>;

/** Parses a module file into its ESTree program (knip's parser); undefined when it cannot. */
export type ParseModule = (file: string) => unknown;

/** An expression and the module it is read in; or a whole module (a namespace import, a `require`). */
type Reference = { node: Node; module: Module } | { namespace: Module };

const URL_MODULES = new Set(['url', 'node:url']);
const MAX_DEPTH = 24;

/**
 * Reads the paths a config computes without running it: string literals, `__dirname` and
 * `import.meta.dirname` (or `dirname(fileURLToPath(import.meta.url))`, `new URL('.', import.meta.url)`),
 * `process.cwd()`, `path.join`/`path.resolve`/`path.dirname` of such values, and names bound to them — a `const`, or an import from a relative module whose
 * exports are such values (electron-react-boilerplate's `webpackPaths.srcRendererPath`, a
 * `paths.ts` of `path.join(__dirname, '..', 'src')`). A config that cannot be loaded (it exits
 * outside its environment) still names its entries this way. Anything else is unknown.
 */
export function createPathEvaluator(program: unknown, file: string, cwd: string, parse: ParseModule | undefined): (node: unknown) => string | undefined {
  const modules = new Map<string, Module | undefined>();
  const own = moduleOf(program, file) ?? { file, bindings: new Map() };
  modules.set(file, own);
  const load = (from: Module, source: string): Module | undefined => {
    if (!(source.startsWith('./') || source.startsWith('../')) || parse === undefined) return undefined;
    const target = existingFile(path.resolve(path.dirname(from.file), source));
    if (target === undefined || !/\.[cm]?[jt]sx?$/.test(target)) return undefined;
    if (!modules.has(target)) {
      modules.set(target, undefined);
      modules.set(target, moduleOf(parse(target), target));
    }
    return modules.get(target);
  };

  const deref = (node: Node, module: Module, depth: number): Reference | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression' || node.type === 'TSNonNullExpression' || node.type === 'ParenthesizedExpression') {
      return deref(node.expression as Node, module, depth + 1);
    }
    if (node.type === 'Identifier') {
      const binding = module.bindings.get(node.name as string);
      if (binding === undefined) return { node, module };
      if (binding.kind === 'value') return deref(binding.node, module, depth + 1);
      const target = load(module, binding.source);
      if (target === undefined) return undefined;
      return binding.name === '*' ? { namespace: target } : exported(target, binding.name, depth + 1);
    }
    const required = requiredSource(node);
    if (required !== undefined) {
      const target = load(module, required);
      return target === undefined ? undefined : { namespace: target };
    }
    if (node.type === 'MemberExpression' && metaProperty(node) === undefined) {
      const key = node.computed === true ? stringValue(node.property) : (node.property as Node).name as string | undefined;
      const object = key === undefined ? undefined : deref(node.object as Node, module, depth + 1);
      if (object === undefined || key === undefined) return undefined;
      if ('namespace' in object) return exported(object.namespace, key, depth + 1);
      if (object.node.type !== 'ObjectExpression') return undefined;
      const property = (object.node.properties as Node[]).find((candidate) => candidate.type === 'Property' && propertyName(candidate) === key);
      return property === undefined ? undefined : deref(property.value as Node, object.module, depth + 1);
    }
    return { node, module };
  };

  const exported = (module: Module, name: string, depth: number): Reference | undefined => {
    if (name === 'default') {
      if (module.defaultExport !== undefined) return deref(module.defaultExport, module, depth);
    }
    const binding = module.bindings.get(name);
    if (binding !== undefined && binding.kind === 'value') return deref(binding.node, module, depth);
    // `module.exports = { a }` read by a named import, or `exports.a = ...`.
    if (module.defaultExport !== undefined && name !== 'default') {
      return deref({ type: 'MemberExpression', object: module.defaultExport, property: { type: 'Identifier', name }, computed: false }, module, depth);
    }
    return undefined;
  };

  const evaluate = (node: unknown, module: Module, depth: number): string | undefined => {
    if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return undefined;
    const literal = stringValue(node);
    if (literal !== undefined) return literal;
    const own = ownLocation(node as Node, module);
    if (own !== undefined) {
      // An ESM config's own `const __dirname = dirname(fileURLToPath(import.meta.url))`: its folder, however computed.
      const bound = module.bindings.has((node as Node).name as string) ? evaluateReference(node as Node, module, depth) : undefined;
      return bound ?? own;
    }
    return evaluateReference(node as Node, module, depth);
  };

  const evaluateReference = (node: Node, module: Module, depth: number): string | undefined => {
    const reference = deref(node, module, depth + 1);
    if (reference === undefined || 'namespace' in reference) return undefined;
    const { node: value, module: home } = reference;
    const homeDir = path.dirname(home.file);
    const direct = stringValue(value);
    if (direct !== undefined) return direct;
    if (value.type === 'Identifier') return ownLocation(value, home);
    const meta = metaProperty(value);
    if (meta === 'dirname') return homeDir;
    if (meta === 'filename') return home.file;
    if (meta === 'url') return pathToFileURL(home.file).href;
    if (value.type === 'NewExpression' && (value.callee as Node).type === 'Identifier' && (value.callee as Node).name === 'URL') {
      const [relative, base] = (value.arguments as Node[]).map((argument) => evaluate(argument, home, depth + 1));
      return relative === undefined || base === undefined || !URL.canParse(relative, base) ? undefined : new URL(relative, base).href;
    }
    if (value.type === 'TemplateLiteral') {
      const parts = (value.expressions as Node[]).map((expression) => evaluate(expression, home, depth + 1));
      if (parts.some((part) => part === undefined)) return undefined;
      const quasis = (value.quasis as Array<{ value?: { cooked?: string } }>).map((quasi) => quasi.value?.cooked ?? '');
      return quasis.map((quasi, index) => quasi + (parts[index] ?? '')).join('');
    }
    if (value.type === 'BinaryExpression' && value.operator === '+') {
      const [left, right] = [evaluate(value.left, home, depth + 1), evaluate(value.right, home, depth + 1)];
      return left === undefined || right === undefined ? undefined : left + right;
    }
    if (value.type !== 'CallExpression') return undefined;
    const callee = pathFunction(value.callee as Node, home);
    if (callee === 'cwd') return cwd;
    if (callee === undefined) return undefined;
    const args = (value.arguments as Node[]).map((argument) => evaluate(argument, home, depth + 1));
    if (args.length === 0 || args.some((arg) => arg === undefined)) return undefined;
    const parts = args as string[];
    if (callee === 'fileURLToPath') return parts[0].startsWith('file:') ? fileURLToPath(parts[0]) : undefined;
    if (callee === 'join') return path.join(...parts);
    if (callee === 'resolve') return path.resolve(cwd, ...parts);
    return parts.length === 1 ? path.dirname(parts[0]) : undefined;
  };

  return (node) => evaluate(node, own, 0);
}

/** The path function a callee names (`path.join`, `join` imported from 'path', `process.cwd`). */
function pathFunction(callee: Node, module: Module): 'join' | 'resolve' | 'dirname' | 'cwd' | 'fileURLToPath' | undefined {
  const known = (name: unknown) => (name === 'join' || name === 'resolve' || name === 'dirname' ? name : undefined);
  if (callee.type === 'Identifier') {
    const binding = module.bindings.get(callee.name as string);
    if (binding?.kind === 'import' && URL_MODULES.has(binding.source)) return binding.name === 'fileURLToPath' ? 'fileURLToPath' : undefined;
    return binding?.kind === 'import' && PATH_MODULES.has(binding.source) ? known(binding.name) : undefined;
  }
  if (callee.type !== 'MemberExpression' || (callee.object as Node).type !== 'Identifier') return undefined;
  const objectName = (callee.object as Node).name as string;
  const property = (callee.property as Node).name;
  if (objectName === 'process') return property === 'cwd' ? 'cwd' : undefined;
  const binding = module.bindings.get(objectName);
  if (binding?.kind === 'import' && URL_MODULES.has(binding.source)) return property === 'fileURLToPath' ? 'fileURLToPath' : undefined;
  const isPath = binding === undefined ? objectName === 'path' : binding.kind === 'import' && PATH_MODULES.has(binding.source);
  return isPath ? known(property) : undefined;
}




/** `import.meta.dirname` → `dirname` (`filename`, `url`); undefined for anything else. */
function metaProperty(node: Node): string | undefined {
  if (node.type !== 'MemberExpression' || (node.object as Node).type !== 'MetaProperty') return undefined;
  const name = (node.property as Node).name;
  return typeof name === 'string' ? name : undefined;
}

/** `__dirname` and `__filename`: where the module that names them is. */
function ownLocation(node: Node, module: Module): string | undefined {
  if (node.type !== 'Identifier') return undefined;
  return node.name === '__dirname' ? path.dirname(module.file) : node.name === '__filename' ? module.file : undefined;
}
