import { createHash } from 'node:crypto';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';
import { bodyTokens, LITERAL_VALUE } from './body-tokens.js';
import { sketchTokens } from './body-sketch.js';

/** Bodies smaller than this many syntax nodes get no fingerprint (too small to be a duplicate). */
const MIN_FINGERPRINTED_BODY_SIZE = 12;

export interface BodyFingerprint {
  /** Hash of the normalised tokens (body-tokens.ts): equal for exact copies up to renaming and order. */
  hash: string;
  /** Syntax nodes in the normalised body (types excluded). */
  size: number;
  /** MinHash sketch of the tokens (body-sketch.ts), for near-duplicates; none for a template (see isTemplate). */
  sketch?: string;
}

/** The function a declaration holds: itself, or a variable's arrow or function expression. */
function functionOf(ts: TypeScriptApi, node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node)
    || ts.isArrowFunction(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)
    || ts.isConstructorDeclaration(node)) {
    return node.body === undefined ? undefined : node;
  }
  if (ts.isVariableDeclaration(node) && node.initializer !== undefined) {
    let initializer: ts.Expression = node.initializer;
    while (ts.isParenthesizedExpression(initializer)) initializer = initializer.expression;
    if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return initializer;
  }
  return undefined;
}

export function fingerprintBody(ts: TypeScriptApi, node: ts.Node): BodyFingerprint | undefined {
  const fn = functionOf(ts, node);
  if (fn === undefined) return undefined;
  const selfName = (ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node)) && node.name !== undefined && ts.isIdentifier(node.name) ? node.name.text : undefined;
  const { tokens, size } = bodyTokens(ts, fn, selfName);
  if (size < MIN_FINGERPRINTED_BODY_SIZE) return undefined;
  const hash = createHash('sha1').update(tokens.filter((token) => !token.startsWith(LITERAL_VALUE)).join('\u0001')).digest('hex').slice(0, 20);
  return { hash, size, ...(isTemplate(ts, fn) ? {} : { sketch: sketchTokens(tokens) }) };
}

/**
 * A component that only returns markup (`return <svg>…</svg>`): templates that share a layout
 * are alike by design (icons, wrappers), not helpers written twice. Exact copies still count.
 */
function isTemplate(ts: TypeScriptApi, fn: ts.FunctionLikeDeclaration): boolean {
  let result: ts.Node | undefined = fn.body;
  if (result !== undefined && ts.isBlock(result)) {
    const statement = result.statements.length === 1 ? result.statements[0] : undefined;
    result = statement !== undefined && ts.isReturnStatement(statement) ? statement.expression : undefined;
  }
  while (result !== undefined && ts.isParenthesizedExpression(result)) result = result.expression;
  return result !== undefined && (ts.isJsxElement(result) || ts.isJsxSelfClosingElement(result) || ts.isJsxFragment(result));
}
