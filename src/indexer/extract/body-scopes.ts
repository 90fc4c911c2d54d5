import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';
import { kindTables } from './syntax-kind-tables.js';

/**
 * The names each function binds, for alpha-renaming a body: parameters, `var`/`let`/`const`,
 * nested function and class declarations, catch variables and a function expression's own
 * name. One scope per function, not per block: a block that shadows a name of its own function
 * shares that name's placeholder (consistent on both copies, so still alpha-equivalent).
 */
export function boundNamesOf(ts: TypeScriptApi, fn: ts.FunctionLikeDeclaration): Set<string> {
  const { SyntaxKind } = ts;
  const { ownScope } = kindTables(ts);
  const names = new Set<string>();
  if (ts.isFunctionExpression(fn) && fn.name !== undefined) names.add(fn.name.text);
  for (const parameter of fn.parameters) addBindingNames(ts, parameter.name, names);
  const visit = (node: ts.Node): undefined => {
    const kind = node.kind;
    if (kind === SyntaxKind.VariableDeclaration || kind === SyntaxKind.Parameter) {
      addBindingNames(ts, (node as ts.VariableDeclaration | ts.ParameterDeclaration).name, names);
    } else if (kind === SyntaxKind.FunctionDeclaration || kind === SyntaxKind.ClassDeclaration) {
      const { name } = node as ts.FunctionDeclaration | ts.ClassDeclaration;
      if (name !== undefined) names.add(name.text);
    }
    // A nested function binds its own names; a class's members are functions of their own.
    if (ownScope[kind] === 1) return undefined;
    ts.forEachChild(node, visit);
    return undefined;
  };
  if (fn.body !== undefined) visit(fn.body);
  return names;
}

function addBindingNames(ts: TypeScriptApi, name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) {
    into.add(name.text);
    return;
  }
  for (const element of name.elements) {
    if (ts.isBindingElement(element)) addBindingNames(ts, element.name, into);
  }
}
