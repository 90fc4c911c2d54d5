/**
 * Readers of a config file's syntax tree (ESTree, as knip's parser gives it), for values a
 * loaded config hides (a call's arguments) or a config that is not loaded (ESLint flat configs).
 */
type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && typeof (value as Node).type === 'string';
}

/** Every node below `root`, depth first. */
export function* walk(root: unknown): Generator<Node> {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) stack.push(value[index]);
      continue;
    }
    if (!isNode(value)) continue;
    yield value;
    for (const [key, child] of Object.entries(value)) {
      if (key !== 'parent' && child !== null && typeof child === 'object') stack.push(child);
    }
  }
}

/** A string literal's value (a template literal without expressions too). */
export function stringValue(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  const quasis = node.quasis as Array<{ value?: { cooked?: string } }> | undefined;
  if (node.type === 'TemplateLiteral' && Array.isArray(node.expressions) && node.expressions.length === 0 && quasis?.length === 1) return quasis[0].value?.cooked;
  return undefined;
}

/** A property's key as text (`a`, `'a'`). */
export function propertyName(node: Node): string | undefined {
  const key = node.key as Node | undefined;
  if (key === undefined) return undefined;
  return key.type === 'Identifier' ? (key.name as string) : stringValue(key);
}

/**
 * The string-literal values of the named properties: of an object literal's own properties, or
 * (`deep`) the first of each name anywhere below `root`.
 */
export function literalProperties(root: unknown, keys: readonly string[], deep = true): Record<string, string | undefined> {
  const found: Record<string, string | undefined> = {};
  if (!isNode(root)) return found;
  const properties = deep ? walk(root) : root.type === 'ObjectExpression' ? (root.properties as Node[]).values() : [].values();
  for (const property of properties) {
    if (property.type !== 'Property') continue;
    const name = propertyName(property);
    if (name === undefined || !keys.includes(name) || found[name] !== undefined) continue;
    found[name] = stringValue(property.value);
  }
  return found;
}

/** The string-literal values of every property with this name, anywhere below `root`. */
export function literalValuesOf(root: unknown, name: string): string[] {
  const values: string[] = [];
  for (const node of walk(root)) {
    if (node.type !== 'Property' || propertyName(node) !== name) continue;
    const value = stringValue(node.value);
    if (value !== undefined) values.push(value);
  }
  return values;
}

/** The local names a module's exports are imported as (`import { A as B } from 'm'` → B), or `fallback`. */
export function importedNames(program: unknown, source: string, fallback: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const node of walk(program)) {
    if (node.type !== 'ImportDeclaration' || stringValue(node.source) !== source) continue;
    for (const specifier of (node.specifiers as Node[]) ?? []) {
      const local = specifier.local as Node | undefined;
      if (typeof local?.name === 'string') names.add(local.name);
    }
  }
  return names.size > 0 ? names : new Set(fallback);
}

/** Calls of the named functions (`name(...)`) or methods (`x.name(...)` when `methods`). */
export function findCalls(program: unknown, names: ReadonlySet<string>, methods = false): Array<{ name: string; object?: string; arguments: unknown[] }> {
  const calls: Array<{ name: string; object?: string; arguments: unknown[] }> = [];
  for (const node of walk(program)) {
    if (node.type !== 'CallExpression') continue;
    const callee = node.callee as Node;
    const args = node.arguments as unknown[];
    if (callee.type === 'Identifier' && names.has(callee.name as string)) calls.push({ name: callee.name as string, arguments: args });
    if (methods && callee.type === 'MemberExpression' && (callee.property as Node).type === 'Identifier' && names.has((callee.property as Node).name as string)) {
      const object = callee.object as Node;
      calls.push({ name: (callee.property as Node).name as string, ...(object.type === 'Identifier' ? { object: object.name as string } : {}), arguments: args });
    }
  }
  return calls;
}

/** The string elements of an array literal, or the string itself. */
export function stringElements(node: unknown): string[] {
  const single = stringValue(node);
  if (single !== undefined) return [single];
  if (!isNode(node) || node.type !== 'ArrayExpression') return [];
  return (node.elements as unknown[]).flatMap((element) => {
    const value = stringValue(element);
    return value === undefined ? [] : [value];
  });
}

/** An object literal's property value by name. */
export function propertyValue(node: unknown, name: string): unknown {
  if (!isNode(node) || node.type !== 'ObjectExpression') return undefined;
  return (node.properties as Node[]).find((property) => property.type === 'Property' && propertyName(property) === name)?.value;
}
