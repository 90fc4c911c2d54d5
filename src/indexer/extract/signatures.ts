import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

const MAX_SIGNATURE_LENGTH = 200;

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
function functionBodyOf(ts: TypeScriptApi, node: ts.Node): ts.Node | undefined {
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
