import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

/** Longest member path kept for a reference: enough for `ns.Enum.Member`. */
const MAX_PATH = 3;

interface AccessChain {
  /** The innermost expression: an identifier, a call, `this`, ... */
  root: ts.Expression;
  /** Static member names from the root outwards, up to the first dynamic access. */
  path: string[];
  /** Index expressions of dynamic accesses (`a[b]`), which are visited on their own. */
  dynamicArguments: ts.Expression[];
  /** The object each dynamic access reads from (`a.b` for `a.b[i]`), in the order of dynamicArguments. */
  dynamicObjects: ts.Expression[];
  /** Every static member name of the chain, also past a dynamic access: `a.b[i].c` gives b and c. */
  names: string[];
  /** The access right on the root is dynamic (`a[i].b`). */
  dynamicOnRoot: boolean;
}

/**
 * Flattens `a.b['c'].d`, `a?.b!.c` or `a.b[i].c` into its root and static path. A dynamic
 * access cuts the path there: `a.b[i].c` uses all of `a.b`.
 */
export function flattenAccessChain(ts: TypeScriptApi, node: ts.Expression): AccessChain {
  let path: string[] = [];
  const dynamicArguments: ts.Expression[] = [];
  const dynamicObjects: ts.Expression[] = [];
  const names: string[] = [];
  let dynamicOnRoot = false;
  let current: ts.Expression = node;
  // Kinds compared directly: this runs for every access chain the walker meets.
  const { SyntaxKind } = ts;
  for (;;) {
    const kind = current.kind;
    if (kind === SyntaxKind.PropertyAccessExpression) {
      const { name, expression } = current as ts.PropertyAccessExpression;
      path.unshift(name.text);
      names.push(name.text);
      dynamicOnRoot = false;
      current = expression;
    } else if (kind === SyntaxKind.ElementAccessExpression) {
      const { argumentExpression, expression } = current as ts.ElementAccessExpression;
      if (ts.isStringLiteralLike(argumentExpression)) {
        path.unshift(argumentExpression.text);
        names.push(argumentExpression.text);
        dynamicOnRoot = false;
      } else {
        dynamicArguments.push(argumentExpression);
        dynamicObjects.push(expression);
        path = [];
        dynamicOnRoot = true;
      }
      current = expression;
    } else if (kind === SyntaxKind.ParenthesizedExpression || kind === SyntaxKind.NonNullExpression) {
      current = (current as ts.ParenthesizedExpression | ts.NonNullExpression).expression;
    } else {
      break;
    }
  }
  return { root: current, path: path.slice(0, MAX_PATH), dynamicArguments, dynamicObjects, names, dynamicOnRoot };
}

/** Flattens a type-position `A.B.C` into the root identifier and `['B', 'C']`. */
export function flattenQualifiedName(ts: TypeScriptApi, node: ts.EntityName): { root: ts.Identifier | undefined; path: string[] } {
  const path: string[] = [];
  let current: ts.EntityName = node;
  while (ts.isQualifiedName(current)) {
    path.unshift(current.right.text);
    current = current.left;
  }
  return { root: ts.isIdentifier(current) ? current : undefined, path: path.slice(0, MAX_PATH) };
}

/**
 * How a local binding holding a module namespace is used inside `scope`: the member names read
 * from it, or `whole` when it is used any other way (passed on, spread, indexed).
 */
export function namespaceUsageIn(ts: TypeScriptApi, scope: ts.Node, name: string, declarationName: ts.Node):
  { usedNames: string[]; whole: boolean } {
  const usedNames = new Set<string>();
  let whole = false;
  const visit = (node: ts.Node): void => {
    if (whole) return;
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const chain = flattenAccessChain(ts, node);
      if (ts.isIdentifier(chain.root) && chain.root.text === name && chain.root !== declarationName) {
        if (chain.path.length === 0) whole = true;
        else usedNames.add(chain.path[0]);
        chain.dynamicArguments.forEach(visit);
        return;
      }
    }
    if (ts.isIdentifier(node)) {
      if (node.text === name && node !== declarationName) whole = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return { usedNames: [...usedNames].sort(), whole };
}

/** Whether `name` is read anywhere in `scope` other than at `declarationName`. */
export function isNameUsedIn(ts: TypeScriptApi, scope: ts.Node, name: string, declarationName: ts.Node): boolean {
  let used = false;
  const visit = (node: ts.Node): void => {
    if (used) return;
    if (ts.isIdentifier(node)) {
      if (node.text === name && node !== declarationName) used = true;
      return;
    }
    if (ts.isPropertyAccessExpression(node)) {
      visit(node.expression);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return used;
}
