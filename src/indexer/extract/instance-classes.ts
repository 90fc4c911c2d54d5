import { unwrapExpression } from './expression-shapes.js';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

/**
 * The class a binding holds an instance of, by its own syntax: `new Service()` as its value, or
 * `Service` (also `Service | undefined`) as its annotated type. Undefined when neither says.
 */
export function instanceClassOf(ts: TypeScriptApi, type: ts.TypeNode | undefined, initializer: ts.Expression | undefined): string[] {
  const names = new Set<string>();
  if (type !== undefined) for (const name of typeClassNames(ts, type)) names.add(name);
  const value = initializer === undefined ? undefined : unwrapExpression(ts, initializer);
  if (value !== undefined && ts.isNewExpression(value) && ts.isIdentifier(value.expression)) names.add(value.expression.text);
  return [...names];
}

function typeClassNames(ts: TypeScriptApi, type: ts.TypeNode): string[] {
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.flatMap((member) => typeClassNames(ts, member));
  if (ts.isParenthesizedTypeNode(type)) return typeClassNames(ts, type.type);
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) ? [type.typeName.text] : [];
}

const bindingsByFile = new WeakMap<ts.SourceFile, ReadonlyMap<string, readonly string[]>>();

/**
 * For each name in the file, the classes its bindings (variables, parameters, fields and
 * parameter properties of any scope) hold instances of: what `svc[key]` or `this.svc[key]` may
 * read every member of. Every binding of the name counts, so a name bound twice gives both.
 */
export function instanceClassesByName(ts: TypeScriptApi, sourceFile: ts.SourceFile): ReadonlyMap<string, readonly string[]> {
  const known = bindingsByFile.get(sourceFile);
  if (known !== undefined) return known;
  const found = new Map<string, string[]>();
  const visit = (node: ts.Node): void => {
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isPropertyDeclaration(node)) && ts.isIdentifier(node.name)) {
      const classes = instanceClassOf(ts, node.type, node.initializer);
      if (classes.length > 0) found.set(node.name.text, [...(found.get(node.name.text) ?? []), ...classes]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  bindingsByFile.set(sourceFile, found);
  return found;
}

/**
 * The classes a key says it ranges over: `key as keyof Service`, or a `key` whose binding is
 * annotated `keyof Service` somewhere in the file.
 */
export function keyofClasses(ts: TypeScriptApi, sourceFile: ts.SourceFile, key: ts.Expression): string[] {
  let current = key;
  while (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current)) current = current.expression;
  if (ts.isAsExpression(current) || ts.isTypeAssertionExpression(current) || ts.isSatisfiesExpression(current)) return keyofNames(ts, current.type);
  if (!ts.isIdentifier(current)) return [];
  return keyofAnnotations(ts, sourceFile).get(current.text) ?? [];
}

function keyofNames(ts: TypeScriptApi, type: ts.TypeNode): string[] {
  if (ts.isUnionTypeNode(type)) return type.types.flatMap((member) => keyofNames(ts, member));
  if (ts.isParenthesizedTypeNode(type)) return keyofNames(ts, type.type);
  if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.KeyOfKeyword) return typeClassNames(ts, type.type);
  return [];
}

const keyofByFile = new WeakMap<ts.SourceFile, ReadonlyMap<string, string[]>>();

function keyofAnnotations(ts: TypeScriptApi, sourceFile: ts.SourceFile): ReadonlyMap<string, string[]> {
  const known = keyofByFile.get(sourceFile);
  if (known !== undefined) return known;
  const found = new Map<string, string[]>();
  const visit = (node: ts.Node): void => {
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node)) && ts.isIdentifier(node.name) && node.type !== undefined) {
      const names = keyofNames(ts, node.type);
      if (names.length > 0) found.set(node.name.text, [...(found.get(node.name.text) ?? []), ...names]);
    }
    ts.forEachChild(node, visit);
  };
  if (sourceFile.text.includes('keyof')) visit(sourceFile);
  keyofByFile.set(sourceFile, found);
  return found;
}
