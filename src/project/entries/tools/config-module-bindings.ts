import { propertyName, stringValue } from './syntax.js';

type Node = Record<string, unknown>;

/** Modules whose exports are path functions, as a config imports them. */
export const PATH_MODULES = new Set(['path', 'node:path', 'pathe', 'upath']);

/** One parsed module: its file and its top-level bindings. */
export interface Module {
  file: string;
  bindings: Map<string, Binding>;
  /** `export default x` / `module.exports = x`. */
  defaultExport?: Node;
}

export type Binding = { kind: 'value'; node: Node } | { kind: 'import'; source: string; name: string };

/** The top-level bindings and default export of a program. */
export function moduleOf(program: unknown, file: string): Module | undefined {
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
export function requiredSource(node: Node): string | undefined {
  if (node.type !== 'CallExpression' || (node.callee as Node).type !== 'Identifier' || (node.callee as Node).name !== 'require') return undefined;
  return stringValue((node.arguments as unknown[])[0]);
}

function isModuleExports(node: Node): boolean {
  return node.type === 'MemberExpression' && (node.object as Node).type === 'Identifier' && (node.object as Node).name === 'module' && (node.property as Node).name === 'exports';
}
