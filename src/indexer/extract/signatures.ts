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
  end = Math.max(start, end);
  // A header can be a whole initializer (`const schema = z.object({ ... })`) and only its first
  // MAX_SIGNATURE_LENGTH characters are kept: collapse a prefix first. When the prefix already
  // collapses to more than the limit, the full text gives the same first characters.
  if (end - start > PREFIX_LENGTH) {
    const fromPrefix = collapsedHeader(sourceFile.text.slice(start, start + PREFIX_LENGTH));
    if (fromPrefix.length > MAX_SIGNATURE_LENGTH) return truncated(fromPrefix);
  }
  return truncated(collapsedHeader(sourceFile.text.slice(start, end)));
}

/** Raw characters tried before the whole header: plenty for MAX_SIGNATURE_LENGTH after collapsing whitespace. */
const PREFIX_LENGTH = 1024;

function collapsedHeader(text: string): string {
  return text.replace(/^(?:export\s+)?(?:default\s+)?(?:declare\s+)?/, '').replace(/\s+/g, ' ').trim();
}

function truncated(text: string): string {
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
