import { createHash } from 'node:crypto';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

const MAX_SIGNATURE_LENGTH = 200;
/** Bodies smaller than this many syntax nodes get no hash (too small to be a duplicate). */
const MIN_HASHED_BODY_SIZE = 12;

/** The declaration's header as written (`function f(a: A): B`), whitespace collapsed. */
export function signatureText(ts: TypeScriptApi, sourceFile: ts.SourceFile, node: ts.Node): string {
  const start = node.getStart(sourceFile);
  let end = node.end;
  const body = functionBodyOf(ts, node);
  if (body !== undefined) {
    end = body.getStart(sourceFile);
  } else if (ts.isClassDeclaration(node) || ts.isClassExpression(node) || ts.isInterfaceDeclaration(node)
    || ts.isEnumDeclaration(node)) {
    end = node.members.pos - 1;
  } else if (ts.isModuleDeclaration(node) && node.body !== undefined) {
    end = node.body.getStart(sourceFile);
  }
  const text = sourceFile.text.slice(start, Math.max(start, end))
    .replace(/^(?:export\s+)?(?:default\s+)?(?:declare\s+)?/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > MAX_SIGNATURE_LENGTH ? `${text.slice(0, MAX_SIGNATURE_LENGTH - 1)}…` : text;
}

/** The block or expression body of a function-like node, or of a variable holding one. */
export function functionBodyOf(ts: TypeScriptApi, node: ts.Node): ts.Node | undefined {
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node)
    || ts.isArrowFunction(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)
    || ts.isConstructorDeclaration(node)) {
    return node.body;
  }
  if (ts.isVariableDeclaration(node) && node.initializer !== undefined) {
    let initializer: ts.Expression = node.initializer;
    while (ts.isParenthesizedExpression(initializer)) initializer = initializer.expression;
    if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return initializer.body;
  }
  return undefined;
}

/**
 * Hashes a function body's shape: node kinds in order, identifiers numbered by first use (so
 * consistent renaming gives the same hash), literals reduced to their kind.
 */
export function hashBody(ts: TypeScriptApi, body: ts.Node): { hash: string; size: number } | undefined {
  const names = new Map<string, number>();
  const shape: number[] = [];
  let size = 0;
  const visit = (node: ts.Node): void => {
    size += 1;
    const kind = node.kind;
    if (kind === ts.SyntaxKind.Identifier || kind === ts.SyntaxKind.PrivateIdentifier) {
      const text = (node as ts.Identifier).text;
      let id = names.get(text);
      if (id === undefined) {
        id = names.size;
        names.set(text, id);
      }
      shape.push(-1 - id);
      return;
    }
    shape.push(kind);
    if (ts.isLiteralExpression(node) || kind === ts.SyntaxKind.TemplateHead || kind === ts.SyntaxKind.TemplateMiddle
      || kind === ts.SyntaxKind.TemplateTail) {
      return;
    }
    ts.forEachChild(node, visit);
    shape.push(0);
  };
  visit(body);
  if (size < MIN_HASHED_BODY_SIZE) return undefined;
  const hash = createHash('sha1').update(Buffer.from(new Int32Array(shape).buffer)).digest('hex').slice(0, 20);
  return { hash, size };
}
