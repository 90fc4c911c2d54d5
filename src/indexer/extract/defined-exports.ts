import { staticPropertyName, unwrapExpression } from './expression-shapes.js';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

interface DefinedExport {
  name: string;
  /** The property key that names the export. */
  nameNode: ts.Node;
  /** What declares it: the statement (`defineProperty`) or its descriptor's property (`defineProperties`). */
  node: ts.Node;
  /** The exported value: the descriptor's `value`, what its getter returns, or the descriptor itself. */
  value: ts.Expression;
  /** The value is what a getter returns: computed when read, not when the module loads. */
  lazy: boolean;
}

/**
 * The CommonJS exports an `Object.defineProperty(exports, 'a', { get() { return a; } })` (what tsc
 * and Babel emit for re-exports) or `Object.defineProperties(module.exports, { a: { value: a } })`
 * statement defines; undefined when it is no such call. The `__esModule` marker is no export.
 */
export function definedExports(ts: TypeScriptApi, statement: ts.ExpressionStatement, exportsShadowed: boolean): DefinedExport[] | undefined {
  const call = unwrapExpression(ts, statement.expression);
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || !ts.isIdentifier(call.expression.expression)
    || call.expression.expression.text !== 'Object' || call.arguments.length < 2) return undefined;
  const method = call.expression.name.text;
  if (method !== 'defineProperty' && method !== 'defineProperties') return undefined;
  const target = unwrapExpression(ts, call.arguments[0]);
  const isExports = (ts.isIdentifier(target) && target.text === 'exports' && !exportsShadowed)
    || (ts.isPropertyAccessExpression(target) && target.name.text === 'exports' && ts.isIdentifier(target.expression) && target.expression.text === 'module');
  if (!isExports) return undefined;
  const defined: DefinedExport[] = [];
  if (method === 'defineProperty') {
    const key = unwrapExpression(ts, call.arguments[1]);
    const descriptor = call.arguments[2];
    if (!ts.isStringLiteralLike(key) || descriptor === undefined) return undefined;
    defined.push({ name: key.text, nameNode: key, node: statement, ...descriptorValue(ts, descriptor) });
  } else {
    const map = unwrapExpression(ts, call.arguments[1]);
    if (!ts.isObjectLiteralExpression(map)) return undefined;
    for (const property of map.properties) {
      const name = property.name === undefined ? undefined : staticPropertyName(ts, property.name);
      if (name === undefined || !ts.isPropertyAssignment(property)) return undefined;
      defined.push({ name, nameNode: property.name, node: property, ...descriptorValue(ts, property.initializer) });
    }
  }
  return defined.filter((entry) => entry.name !== '__esModule');
}

/** A property descriptor's value: its `value`, or the one expression its `get` returns; else the descriptor. */
function descriptorValue(ts: TypeScriptApi, node: ts.Expression): { value: ts.Expression; lazy: boolean } {
  const whole = { value: node, lazy: false };
  const descriptor = unwrapExpression(ts, node);
  if (!ts.isObjectLiteralExpression(descriptor)) return whole;
  for (const property of descriptor.properties) {
    const name = property.name === undefined ? undefined : staticPropertyName(ts, property.name);
    if (name === 'value' && ts.isPropertyAssignment(property)) return { value: property.initializer, lazy: false };
    if (name === 'value' && ts.isShorthandPropertyAssignment(property)) return { value: property.name, lazy: false };
    if (name !== 'get') continue;
    const getter = ts.isPropertyAssignment(property) ? unwrapExpression(ts, property.initializer) : property;
    if (!ts.isFunctionExpression(getter) && !ts.isArrowFunction(getter) && !ts.isMethodDeclaration(getter)) return whole;
    const body = getter.body;
    if (body === undefined) return whole;
    if (!ts.isBlock(body)) return { value: body, lazy: true };
    const only = body.statements.length === 1 ? body.statements[0] : undefined;
    return only !== undefined && ts.isReturnStatement(only) && only.expression !== undefined ? { value: only.expression, lazy: true } : whole;
  }
  return whole;
}
