import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

/**
 * The names each function binds, for alpha-renaming a body: parameters, `var`/`let`/`const`,
 * nested function and class declarations, catch variables and a function expression's own
 * name. One scope per function, not per block: a block that shadows a name of its own function
 * shares that name's placeholder (consistent on both copies, so still alpha-equivalent).
 */
export function isFunctionScope(ts: TypeScriptApi, node: ts.Node): node is ts.FunctionLikeDeclaration {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)
    || ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)
    || ts.isConstructorDeclaration(node);
}

export function boundNamesOf(ts: TypeScriptApi, fn: ts.FunctionLikeDeclaration): Set<string> {
  const names = new Set<string>();
  if (ts.isFunctionExpression(fn) && fn.name !== undefined) names.add(fn.name.text);
  for (const parameter of fn.parameters) addBindingNames(ts, parameter.name, names);
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) || ts.isParameter(node)) addBindingNames(ts, node.name, names);
    else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name !== undefined) names.add(node.name.text);
    // A nested function binds its own names; a class's members are functions of their own.
    if (isFunctionScope(ts, node) || ts.isClassLike(node)) return;
    ts.forEachChild(node, visit);
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
