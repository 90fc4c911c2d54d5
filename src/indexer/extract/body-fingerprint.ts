import { createHash } from 'node:crypto';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';
import { bodyTokens } from './body-tokens.js';
import { sketchTokens } from './body-sketch.js';

/** Bodies smaller than this many syntax nodes get no fingerprint (too small to be a duplicate). */
const MIN_FINGERPRINTED_BODY_SIZE = 12;

export interface BodyFingerprint {
  /** Hash of the normalised tokens (body-tokens.ts): equal for exact copies up to renaming and order. */
  hash: string;
  /** Syntax nodes in the normalised body (types excluded). */
  size: number;
  /** MinHash sketch of the tokens (body-sketch.ts), for near-duplicates. */
  sketch: string;
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
  const hash = createHash('sha1').update(tokens.join('\u0001')).digest('hex').slice(0, 20);
  return { hash, size, sketch: sketchTokens(tokens) };
}
