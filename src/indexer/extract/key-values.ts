import { unwrapExpression } from './expression-shapes.js';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

interface KeyBindings {
  /** Strings each name is bound to somewhere in the file. */
  values: ReadonlyMap<string, readonly string[]>;
  /** Names some binding of which could hold anything (a `let`, a parameter typed `string`, an import). */
  open: ReadonlySet<string>;
}

const bindingsByFile = new WeakMap<ts.SourceFile, KeyBindings>();

/**
 * The strings a computed key can be (`obj[key]`): a literal, `c ? 'a' : 'b'`, or a name the file
 * binds to such a value anywhere (`const KEY = 'flush'`) or types as a union of string literals
 * (`(name: 'open' | 'close') => obj[name]()`). Names are not scoped: a wrong guess only keeps a
 * member alive. Empty when the key could be anything.
 */
export function possibleKeys(ts: TypeScriptApi, sourceFile: ts.SourceFile, key: ts.Expression): readonly string[] {
  const value = unwrapExpression(ts, key);
  if (ts.isIdentifier(value)) return keyBindings(ts, sourceFile).values.get(value.text) ?? [];
  return literalStrings(ts, value);
}

/**
 * Like possibleKeys, but only when every binding of the name in the file is known (a module path
 * in `import(PAGE)`): a name bound elsewhere to something else gives nothing, so the load stays
 * unbounded rather than wrongly narrowed.
 */
export function certainStrings(ts: TypeScriptApi, sourceFile: ts.SourceFile, key: ts.Expression): readonly string[] {
  const value = unwrapExpression(ts, key);
  if (!ts.isIdentifier(value)) return literalStrings(ts, value);
  const bindings = keyBindings(ts, sourceFile);
  return bindings.open.has(value.text) ? [] : bindings.values.get(value.text) ?? [];
}

function literalStrings(ts: TypeScriptApi, node: ts.Expression): string[] {
  const value = unwrapExpression(ts, node);
  if (ts.isStringLiteralLike(value)) return [value.text];
  if (ts.isConditionalExpression(value)) {
    const whenTrue = literalStrings(ts, value.whenTrue);
    const whenFalse = literalStrings(ts, value.whenFalse);
    return whenTrue.length > 0 && whenFalse.length > 0 ? [...whenTrue, ...whenFalse] : [];
  }
  return [];
}

function literalTypeStrings(ts: TypeScriptApi, type: ts.TypeNode): string[] {
  if (ts.isUnionTypeNode(type)) {
    const members = type.types.map((member) => literalTypeStrings(ts, member));
    return members.every((strings) => strings.length > 0) ? members.flat() : [];
  }
  if (ts.isParenthesizedTypeNode(type)) return literalTypeStrings(ts, type.type);
  if (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) return [type.literal.text];
  return [];
}

function keyBindings(ts: TypeScriptApi, sourceFile: ts.SourceFile): KeyBindings {
  const known = bindingsByFile.get(sourceFile);
  if (known !== undefined) return known;
  const values = new Map<string, string[]>();
  const open = new Set<string>();
  const bind = (name: ts.BindingName | undefined, strings: string[]) => {
    if (name === undefined) return;
    if (!ts.isIdentifier(name)) {
      // A destructured name holds whatever the object had.
      for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name, []);
      return;
    }
    if (strings.length === 0) open.add(name.text);
    else values.set(name.text, [...(values.get(name.text) ?? []), ...strings]);
  };
  const loopLists = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    if (ts.isForOfStatement(node) && ts.isVariableDeclarationList(node.initializer) && ts.isArrayLiteralExpression(unwrapExpression(ts, node.expression))) {
      // `for (const page of ['./a', './b'])`: each element in turn.
      const elements = (unwrapExpression(ts, node.expression) as ts.ArrayLiteralExpression).elements.map((element) => literalStrings(ts, element));
      const strings = elements.every((element) => element.length > 0) ? elements.flat() : [];
      for (const declaration of node.initializer.declarations) bind(declaration.name, strings);
      loopLists.add(node.initializer);
    } else if (ts.isVariableDeclarationList(node) && !loopLists.has(node)) {
      // A `let` may be assigned other values later: only its annotation says what it can hold.
      const isConst = (node.flags & ts.NodeFlags.Const) !== 0;
      for (const declaration of node.declarations) {
        const typed = declaration.type === undefined ? [] : literalTypeStrings(ts, declaration.type);
        bind(declaration.name, typed.length > 0 ? typed : isConst && declaration.initializer !== undefined ? literalStrings(ts, declaration.initializer) : []);
      }
    } else if (ts.isParameter(node)) {
      // A default value does not bound what a caller passes; a literal-union annotation does.
      bind(node.name, node.type === undefined ? [] : literalTypeStrings(ts, node.type));
    } else if (ts.isCatchClause(node)) {
      bind(node.variableDeclaration?.name, []);
    } else if (ts.isImportClause(node) || ts.isImportSpecifier(node) || ts.isNamespaceImport(node) || ts.isImportEqualsDeclaration(node)
      || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isEnumDeclaration(node)) {
      if (node.name !== undefined && ts.isIdentifier(node.name)) open.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const bindings = { values, open };
  bindingsByFile.set(sourceFile, bindings);
  return bindings;
}
