import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

/** Calls that build a value without side effects, so their arguments belong to the value. */
const PURE_CALLEES = new Set([
  'freeze', 'Symbol', 'for', 'keys', 'values', 'entries', 'fromEntries', 'from', 'of', 'Map', 'Set',
  'WeakMap', 'WeakSet', 'memo', 'forwardRef', 'lazy', 'createContext', 'defineComponent', 'String',
  'Number', 'Boolean', 'BigInt', 'RegExp', 'Date', 'Error', 'TypeError', 'RangeError', 'URL',
]);

/** Strips parentheses, type assertions and non-null assertions. */
export function unwrapExpression(ts: TypeScriptApi, node: ts.Expression): ts.Expression {
  // Kinds compared directly: this runs for every call and access chain.
  const { SyntaxKind } = ts;
  let current = node;
  for (;;) {
    const kind = current.kind;
    if (kind === SyntaxKind.ParenthesizedExpression || kind === SyntaxKind.AsExpression || kind === SyntaxKind.SatisfiesExpression
      || kind === SyntaxKind.NonNullExpression || kind === SyntaxKind.TypeAssertionExpression) {
      current = (current as ts.ParenthesizedExpression).expression;
    } else {
      return current;
    }
  }
}

/** Like unwrapExpression, and also strips `await`. */
export function unwrapAwait(ts: TypeScriptApi, node: ts.Expression): ts.Expression {
  let current = unwrapExpression(ts, node);
  while (current.kind === ts.SyntaxKind.AwaitExpression) current = unwrapExpression(ts, (current as ts.AwaitExpression).expression);
  return current;
}

/**
 * An expression statement that only names things (`void x;`, `x;`, `[a, b];`, `x as unknown;`)
 * does nothing: it is how code pretends to be wired in, so it does not count as a use.
 */
export function isFakeWiringExpression(ts: TypeScriptApi, node: ts.Expression): boolean {
  const current = unwrapExpression(ts, node);
  if (ts.isVoidExpression(current) || ts.isTypeOfExpression(current)) {
    return isFakeWiringExpression(ts, current.expression);
  }
  if (ts.isIdentifier(current)) return current.text !== 'undefined';
  if (current.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (ts.isPropertyAccessExpression(current)) return isFakeWiringExpression(ts, current.expression);
  // `x['name'];` reads like `x.name;`; a function made and thrown away (`() => x();`) never runs.
  if (ts.isElementAccessExpression(current)) return isFakeWiringExpression(ts, current.expression) && literalTruth(ts, current.argumentExpression) !== undefined;
  if (ts.isArrowFunction(current) || ts.isFunctionExpression(current)) return true;
  if (ts.isArrayLiteralExpression(current)) {
    return current.elements.length > 0 && current.elements.every((element) => isFakeWiringExpression(ts, element));
  }
  if (ts.isObjectLiteralExpression(current)) {
    return current.properties.length > 0 && current.properties.every((property) =>
      ts.isShorthandPropertyAssignment(property)
      || (ts.isPropertyAssignment(property) && isFakeWiringExpression(ts, property.initializer)));
  }
  // `!x;`, `(x, 0);`, `typeof x === 'function';`: a negation, a sequence or a strict comparison
  // (which converts nothing, so calls no valueOf) of names and literals.
  if (ts.isPrefixUnaryExpression(current) && CONVERTING_UNARY.has(ts.SyntaxKind[current.operator])) {
    return isFakeWiringExpression(ts, current.operand);
  }
  // `\`${x}\`;` and `x + '';`: a string made of names and thrown away, as inert as `void x;`.
  const inertPart = (part: ts.Expression) => isFakeWiringExpression(ts, part) || literalTruth(ts, part) !== undefined;
  if (ts.isTemplateExpression(current)) {
    const parts = current.templateSpans.map((span) => span.expression);
    return parts.some((part) => isFakeWiringExpression(ts, part)) && parts.every(inertPart);
  }
  if (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const sides = [current.left, current.right].map((side) => unwrapExpression(ts, side));
    return sides.some((side) => ts.isStringLiteralLike(side)) && sides.some((side) => isFakeWiringExpression(ts, side)) && sides.every(inertPart);
  }
  if (ts.isBinaryExpression(current) && INERT_OPERATORS.has(ts.SyntaxKind[current.operatorToken.kind])) {
    const left = isFakeWiringExpression(ts, current.left);
    const right = isFakeWiringExpression(ts, current.right);
    return (left || right) && (left || literalTruth(ts, current.left) !== undefined) && (right || literalTruth(ts, current.right) !== undefined);
  }
  return false;
}

const INERT_OPERATORS = new Set(['CommaToken', 'EqualsEqualsEqualsToken', 'ExclamationEqualsEqualsToken']);
/** `!x`, `+x`, `-x`, `~x`: a value computed from a name and thrown away. */
const CONVERTING_UNARY = new Set(['ExclamationToken', 'PlusToken', 'MinusToken', 'TildeToken']);

/** Whether a literal is `null`/`undefined` (`null ?? x()` runs x) or a value that is neither (`'a' ?? x()` does not); undefined otherwise. */
export function literalNullish(ts: TypeScriptApi, node: ts.Expression): boolean | undefined {
  const current = unwrapExpression(ts, node);
  if (current.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(current) && current.text === 'undefined')) return true;
  if (ts.isVoidExpression(current)) return ts.isLiteralExpression(current.expression) ? true : undefined;
  if (ts.isStringLiteralLike(current) || ts.isNumericLiteral(current) || ts.isBigIntLiteral(current)
    || current.kind === ts.SyntaxKind.TrueKeyword || current.kind === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}

/**
 * The truth of a condition written as a literal (`false`, `0`, `0n`, `''`, `null`, `undefined`, `!1`, `void 0`);
 * undefined when it depends on anything. `if (false) x();` is how code fakes a use of x.
 */
export function literalTruth(ts: TypeScriptApi, node: ts.Expression): boolean | undefined {
  const current = unwrapExpression(ts, node);
  switch (current.kind) {
    case ts.SyntaxKind.TrueKeyword:
      return true;
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
      return false;
    case ts.SyntaxKind.NumericLiteral:
      return Number((current as ts.NumericLiteral).text) !== 0;
    case ts.SyntaxKind.BigIntLiteral:
      return !/^0+n$/.test((current as ts.BigIntLiteral).text);
    case ts.SyntaxKind.Identifier:
      // `undefined` and `NaN` are read-only globals: as falsy as `null`.
      return (current as ts.Identifier).text === 'undefined' || (current as ts.Identifier).text === 'NaN' ? false : undefined;
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return (current as ts.StringLiteral).text !== '';
    case ts.SyntaxKind.VoidExpression:
      return ts.isLiteralExpression((current as ts.VoidExpression).expression) ? false : undefined;
    case ts.SyntaxKind.PrefixUnaryExpression: {
      const unary = current as ts.PrefixUnaryExpression;
      if (unary.operator !== ts.SyntaxKind.ExclamationToken) return undefined;
      const inner = literalTruth(ts, unary.operand);
      return inner === undefined ? undefined : !inner;
    }
    default:
      return undefined;
  }
}

/** `x`, `x.y.z` or `x['y']`: an expression that only reads a binding. */
export function isPureReference(ts: TypeScriptApi, node: ts.Expression): boolean {
  const current = unwrapExpression(ts, node);
  if (ts.isIdentifier(current)) return true;
  if (ts.isPropertyAccessExpression(current)) return isPureReference(ts, current.expression);
  if (ts.isElementAccessExpression(current) && ts.isStringLiteralLike(current.argumentExpression)) {
    return isPureReference(ts, current.expression);
  }
  return false;
}

/** The identifier at the root of `x.y.z`, if the expression is such a chain. */
export function referenceRoot(ts: TypeScriptApi, node: ts.Expression): ts.Identifier | undefined {
  const current = unwrapExpression(ts, node);
  if (ts.isIdentifier(current)) return current;
  if (ts.isPropertyAccessExpression(current)) return referenceRoot(ts, current.expression);
  if (ts.isElementAccessExpression(current) && ts.isStringLiteralLike(current.argumentExpression)) {
    return referenceRoot(ts, current.expression);
  }
  return undefined;
}

/**
 * Whether evaluating the expression when the module loads can have effects: a call, `new`,
 * `await`, an assignment or a tagged template, outside any function body it defines. Known
 * pure factories (`Object.freeze`, `memo`, `#__PURE__` calls) do not count.
 */
export function hasLoadTimeEffects(ts: TypeScriptApi, node: ts.Node, sourceText: string): boolean {
  let found = false;
  const visit = (current: ts.Node): void => {
    if (found) return;
    switch (current.kind) {
      case ts.SyntaxKind.ArrowFunction:
      case ts.SyntaxKind.FunctionExpression:
      case ts.SyntaxKind.MethodDeclaration:
      case ts.SyntaxKind.GetAccessor:
      case ts.SyntaxKind.SetAccessor:
      case ts.SyntaxKind.ClassExpression:
        return;
      case ts.SyntaxKind.CallExpression:
      case ts.SyntaxKind.NewExpression: {
        const call = current as ts.CallExpression | ts.NewExpression;
        if (!isPureCall(ts, call, sourceText)) {
          found = true;
          return;
        }
        break;
      }
      case ts.SyntaxKind.TaggedTemplateExpression:
      case ts.SyntaxKind.AwaitExpression:
      case ts.SyntaxKind.YieldExpression:
      case ts.SyntaxKind.DeleteExpression:
        found = true;
        return;
      case ts.SyntaxKind.BinaryExpression: {
        const operator = (current as ts.BinaryExpression).operatorToken.kind;
        if (operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment) {
          found = true;
          return;
        }
        break;
      }
      case ts.SyntaxKind.PrefixUnaryExpression:
      case ts.SyntaxKind.PostfixUnaryExpression: {
        const operator = (current as ts.PrefixUnaryExpression).operator;
        if (operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken) {
          found = true;
          return;
        }
        break;
      }
    }
    ts.forEachChild(current, visit);
  };
  visit(node);
  return found;
}

function isPureCall(ts: TypeScriptApi, call: ts.CallExpression | ts.NewExpression, sourceText: string): boolean {
  const leading = sourceText.slice(call.pos, call.pos + 40 > call.end ? call.end : call.pos + 40);
  if (/[#@]__PURE__/.test(leading)) return true;
  const callee = unwrapExpression(ts, call.expression);
  if (ts.isIdentifier(callee)) return PURE_CALLEES.has(callee.text);
  if (ts.isPropertyAccessExpression(callee)) return PURE_CALLEES.has(callee.name.text);
  return false;
}

/** The text of a property name when it is static (`a`, `'a'`, `1`, `['a']`). */
export function staticPropertyName(ts: TypeScriptApi, name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (name === undefined) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) {
    return name.text;
  }
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

/** Every identifier a binding pattern declares. */
export function bindingNames(ts: TypeScriptApi, name: ts.BindingName, into: ts.Identifier[] = []): ts.Identifier[] {
  if (ts.isIdentifier(name)) {
    into.push(name);
  } else {
    for (const element of name.elements) {
      if (ts.isBindingElement(element)) bindingNames(ts, element.name, into);
    }
  }
  return into;
}
