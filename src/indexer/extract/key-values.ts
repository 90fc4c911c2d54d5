import { unwrapExpression } from './expression-shapes.js';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

const valuesByFile = new WeakMap<ts.SourceFile, ReadonlyMap<string, readonly string[]>>();

/**
 * The strings a computed key can be (`obj[key]`): a literal, `c ? 'a' : 'b'`, or a name the file
 * binds to such a value anywhere (`const KEY = 'flush'`) or types as a union of string literals
 * (`(name: 'open' | 'close') => obj[name]()`). Names are not scoped: a wrong guess only keeps a
 * member alive. Empty when the key could be anything.
 */
export function possibleKeys(ts: TypeScriptApi, sourceFile: ts.SourceFile, key: ts.Expression): readonly string[] {
  const value = unwrapExpression(ts, key);
  if (ts.isIdentifier(value)) return keyBindings(ts, sourceFile).get(value.text) ?? [];
  return literalStrings(ts, value);
}

function literalStrings(ts: TypeScriptApi, node: ts.Expression): string[] {
  const value = unwrapExpression(ts, node);
  if (ts.isStringLiteralLike(value)) return [value.text];
  if (ts.isConditionalExpression(value)) return [...literalStrings(ts, value.whenTrue), ...literalStrings(ts, value.whenFalse)];
  return [];
}

function literalTypeStrings(ts: TypeScriptApi, type: ts.TypeNode): string[] {
  if (ts.isUnionTypeNode(type)) return type.types.flatMap((member) => literalTypeStrings(ts, member));
  if (ts.isParenthesizedTypeNode(type)) return literalTypeStrings(ts, type.type);
  if (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) return [type.literal.text];
  return [];
}

function keyBindings(ts: TypeScriptApi, sourceFile: ts.SourceFile): ReadonlyMap<string, readonly string[]> {
  const known = valuesByFile.get(sourceFile);
  if (known !== undefined) return known;
  const found = new Map<string, string[]>();
  const add = (name: string, values: string[]) => {
    if (values.length > 0) found.set(name, [...(found.get(name) ?? []), ...values]);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node)) {
      // A `let` may be assigned other values later: only its annotation says what it can hold.
      const isConst = (node.flags & ts.NodeFlags.Const) !== 0;
      for (const declaration of node.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        if (declaration.type !== undefined) add(declaration.name.text, literalTypeStrings(ts, declaration.type));
        if (isConst && declaration.initializer !== undefined) add(declaration.name.text, literalStrings(ts, declaration.initializer));
      }
    } else if (ts.isParameter(node) && ts.isIdentifier(node.name)) {
      if (node.type !== undefined) add(node.name.text, literalTypeStrings(ts, node.type));
      if (node.initializer !== undefined) add(node.name.text, literalStrings(ts, node.initializer));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  valuesByFile.set(sourceFile, found);
  return found;
}
