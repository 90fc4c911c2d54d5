import path from 'node:path';
import { existingFile } from './config-values.js';
import { propertyName, stringValue } from './syntax.js';

type Node = Record<string, unknown>;

/** Parses a module file into its ESTree program (knip's parser); undefined when it cannot. */
export type ParseModule = (file: string) => unknown;

/** One parsed module: its file and its top-level bindings. */
interface Module {
  file: string;
  bindings: Map<string, Binding>;
  /** `export default x` / `module.exports = x`. */
  defaultExport?: Node;
}

type Binding = { kind: 'value'; node: Node } | { kind: 'import'; source: string; name: string };
/** An expression and the module it is read in; or a whole module (a namespace import, a `require`). */
type Reference = { node: Node; module: Module } | { namespace: Module };

const PATH_MODULES = new Set(['path', 'node:path', 'pathe', 'upath']);
const MAX_DEPTH = 24;

/**
 * Reads the paths a config computes without running it: string literals, `__dirname` and
 * `import.meta.dirname`, `process.cwd()`, `path.join`/`path.resolve`/`path.dirname` of such
 * values, and names bound to them — a `const`, or an import from a relative module whose
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
    if (node.type === 'MemberExpression' && !isMetaDirname(node)) {
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
    const reference = deref(node as Node, module, depth + 1);
    if (reference === undefined || 'namespace' in reference) return undefined;
    const { node: value, module: home } = reference;
    const homeDir = path.dirname(home.file);
    const direct = stringValue(value);
    if (direct !== undefined) return direct;
    if (value.type === 'Identifier') return value.name === '__dirname' ? homeDir : value.name === '__filename' ? home.file : undefined;
    if (isMetaDirname(value)) return homeDir;
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
    if (callee === 'join') return path.join(...parts);
    if (callee === 'resolve') return path.resolve(cwd, ...parts);
    return parts.length === 1 ? path.dirname(parts[0]) : undefined;
  };

  return (node) => evaluate(node, own, 0);
}

/** The path function a callee names (`path.join`, `join` imported from 'path', `process.cwd`). */
function pathFunction(callee: Node, module: Module): 'join' | 'resolve' | 'dirname' | 'cwd' | undefined {
  const known = (name: unknown) => (name === 'join' || name === 'resolve' || name === 'dirname' ? name : undefined);
  if (callee.type === 'Identifier') {
    const binding = module.bindings.get(callee.name as string);
    return binding?.kind === 'import' && PATH_MODULES.has(binding.source) ? known(binding.name) : undefined;
  }
  if (callee.type !== 'MemberExpression' || (callee.object as Node).type !== 'Identifier') return undefined;
  const objectName = (callee.object as Node).name as string;
  const property = (callee.property as Node).name;
  if (objectName === 'process') return property === 'cwd' ? 'cwd' : undefined;
  const binding = module.bindings.get(objectName);
  const isPath = binding === undefined ? objectName === 'path' : binding.kind === 'import' && PATH_MODULES.has(binding.source);
  return isPath ? known(property) : undefined;
}

/** The top-level bindings and default export of a program. */
function moduleOf(program: unknown, file: string): Module | undefined {
  const body = (program as { body?: Node[] } | undefined)?.body;
  if (!Array.isArray(body)) return undefined;
  const module: Module = { file, bindings: new Map() };
  const declare = (declaration: Node) => {
    if (declaration.type !== 'VariableDeclaration') return;
    for (const declarator of declaration.declarations as Node[]) {
      const id = declarator.id as Node;
      const init = declarator.init as Node | null;
      if (init === null) continue;
      const source = requiredSource(init);
      // `const { join } = require('path')`: each name is an import of that module's export.
      if (id.type === 'ObjectPattern' && source !== undefined) {
        for (const property of id.properties as Node[]) {
          const local = (property.value as Node | undefined)?.name;
          const imported = property.type === 'Property' ? propertyName(property) : undefined;
          if (typeof local === 'string' && imported !== undefined) module.bindings.set(local, { kind: 'import', source, name: imported });
        }
      }
      if (id.type !== 'Identifier') continue;
      const isPathModule = source !== undefined && PATH_MODULES.has(source);
      module.bindings.set(id.name as string, isPathModule ? { kind: 'import', source, name: '*' } : { kind: 'value', node: init });
    }
  };
  for (const statement of body) {
    declare(statement);
    if (statement.type === 'ImportDeclaration') {
      const source = stringValue(statement.source) ?? '';
      for (const specifier of statement.specifiers as Node[]) {
        const local = (specifier.local as Node).name as string;
        const imported = specifier.type === 'ImportDefaultSpecifier' ? 'default' : specifier.type === 'ImportNamespaceSpecifier' ? '*' : ((specifier.imported as Node).name as string | undefined) ?? stringValue(specifier.imported) ?? '';
        module.bindings.set(local, { kind: 'import', source, name: imported });
      }
    }
    if (statement.type === 'ExportNamedDeclaration' && statement.declaration !== null && typeof statement.declaration === 'object') declare(statement.declaration as Node);
    if (statement.type === 'ExportDefaultDeclaration') module.defaultExport = statement.declaration as Node;
    const assigned = statement.type === 'ExpressionStatement' ? (statement.expression as Node) : undefined;
    if (assigned?.type === 'AssignmentExpression' && isModuleExports(assigned.left as Node)) module.defaultExport = assigned.right as Node;
  }
  return module;
}

/** `require('x')`'s literal source. */
function requiredSource(node: Node): string | undefined {
  if (node.type !== 'CallExpression' || (node.callee as Node).type !== 'Identifier' || (node.callee as Node).name !== 'require') return undefined;
  return stringValue((node.arguments as unknown[])[0]);
}

function isModuleExports(node: Node): boolean {
  return node.type === 'MemberExpression' && (node.object as Node).type === 'Identifier' && (node.object as Node).name === 'module' && (node.property as Node).name === 'exports';
}

/** `import.meta.dirname`. */
function isMetaDirname(node: Node): boolean {
  return node.type === 'MemberExpression' && (node.object as Node).type === 'MetaProperty' && (node.property as Node).name === 'dirname';
}
