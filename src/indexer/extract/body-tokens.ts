import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';
import { boundNamesOf, isFunctionScope } from './body-scopes.js';
import { canonicalOrder } from './independent-statements.js';

const CONTENT_CHUNK = 4;
/** Marks a token of markup content (JSX text and literals): part of the hash and the sketch. */
const CONTENT = '"';
/**
 * Marks a token of a literal's value outside markup: only in the sketch. An exact copy may
 * change a message or a separator; a near-copy is measured on what it does with which data.
 */
export const LITERAL_VALUE = '\u0000';

interface Scope {
  names: Set<string>;
  parent: Scope | undefined;
}

/**
 * A function as a sequence of tokens that two copies share when they differ only in ways that
 * do not change what the code does:
 * - names the function binds (parameters, locals, nested functions) become `$0`, `$1`, … in
 *   the order they first appear; free names (imports, globals, property names) stay as written,
 *   so two functions that call different imports differ;
 * - literals keep only their kind for the exact hash (`'-'` and `'_'` print the same: a copy
 *   that changes a message or a separator is still a copy); their values follow, marked
 *   LITERAL_VALUE, for the similarity only;
 * - comments, formatting and parentheses are not in the syntax tree, nor braces around the one
 *   statement of an `if` or a loop; type annotations, type
 *   arguments, `as`/`satisfies`/`!` and type declarations are dropped (they are erased at run time);
 * - runs of independent declarations and assignments are put in a canonical order (see
 *   independent-statements.ts).
 * - inside JSX, literals and text keep their values, weighted by length: in markup they are the
 *   content (two icons differ only in their path data, two wrappers in their classes), not a
 *   detail of the logic.
 * `size` counts the syntax nodes of the body (parameters and types not included), the measure
 * of `duplicates.minBodySize`.
 */
export function bodyTokens(ts: TypeScriptApi, fn: ts.FunctionLikeDeclaration, selfName?: string): { tokens: string[]; size: number } {
  const scopes = new Map<ts.Node, Scope>();
  // A recursive call names the function itself: renamed like a local, so a renamed copy still matches.
  const rootNames = boundNamesOf(ts, fn);
  if (selfName !== undefined) rootNames.add(selfName);
  scopes.set(fn, { names: rootNames, parent: undefined });
  const scopeOf = (node: ts.FunctionLikeDeclaration, parent: Scope | undefined): Scope => {
    let scope = scopes.get(node);
    if (scope === undefined) scopes.set(node, (scope = { names: boundNamesOf(ts, node), parent }));
    return scope;
  };
  const printer = new TokenPrinter(ts, scopeOf, undefined);
  printer.printFunction(fn, undefined);
  return { tokens: printer.tokens, size: printer.bodySize };
}

class TokenPrinter {
  readonly tokens: string[] = [];
  size = 0;
  /** Nodes printed for the root function's body. */
  bodySize = 0;
  /** Inside JSX: literals are content and keep their values. */
  private markupDepth = 0;
  // Placeholders per scope and name, numbered by first appearance in this printing.
  private readonly placeholders = new Map<Scope, Map<string, number>>();
  private next = 0;

  /**
   * `known`: when printing one statement as a sort key, the placeholders the whole printing
   * has given so far (names not among them are numbered `#0`, `#1`, … for this statement only),
   * and nested blocks keep their written order.
   */
  constructor(
    private readonly ts: TypeScriptApi,
    private readonly scopeOf: (node: ts.FunctionLikeDeclaration, parent: Scope | undefined) => Scope,
    private readonly known: ReadonlyMap<Scope, ReadonlyMap<string, number>> | undefined,
  ) {}

  printFunction(fn: ts.FunctionLikeDeclaration, outer: Scope | undefined): void {
    const { ts } = this;
    const scope = this.scopeOf(fn, outer);
    // The root's form (declaration, arrow in a const, method) is not its behaviour; a nested one's is (`this`).
    if (outer === undefined) {
      this.size += 1;
      this.tokens.push('fn');
    } else {
      this.open(fn.kind);
    }
    if (fn.asteriskToken !== undefined) this.tokens.push('*');
    if (ts.getModifiers(fn)?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword) === true) this.tokens.push('async');
    // The root's own name is the module's business; a nested declaration's binds a local, a method's is a property.
    if (fn.name !== undefined && outer !== undefined) this.print(fn.name, fn, ts.isFunctionDeclaration(fn) ? outer : scope);
    for (const parameter of fn.parameters) this.print(parameter, fn, scope);
    const before = this.size;
    if (fn.body !== undefined) this.print(fn.body, fn, scope);
    if (outer === undefined) this.bodySize = this.size - before;
    this.close();
  }

  private open(kind: number): void {
    this.size += 1;
    this.tokens.push(String(kind));
  }

  private close(): void {
    this.tokens.push(')');
  }

  private print(node: ts.Node, parent: ts.Node, scope: Scope): void {
    const { ts } = this;
    if (isErased(ts, node, parent)) return;
    if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node)
      || ts.isParenthesizedExpression(node) || ts.isExpressionWithTypeArguments(node)) {
      this.print(node.expression, node, scope);
      return;
    }
    if (isFunctionScope(ts, node)) {
      this.printFunction(node, scope);
      return;
    }
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) {
      this.size += 1;
      this.tokens.push(isPropertyName(ts, node, parent) ? node.text : this.nameOf(node.text, scope));
      return;
    }
    // `if (a) { b(); }` and `if (a) b();` do the same: a block of one statement under a control statement is that statement.
    if (ts.isBlock(node) && node.statements.length === 1 && isControlStatement(ts, parent) && !isScopedDeclaration(ts, node.statements[0])) {
      this.print(node.statements[0], node, scope);
      return;
    }
    if (ts.isJsxText(node)) {
      this.pushContent(node.text.trim().replace(/\s+/g, ' '), CONTENT);
      return;
    }
    if (ts.isLiteralExpression(node) || ts.isTemplateLiteralToken(node)) {
      this.open(node.kind);
      this.pushContent(node.text, this.markupDepth > 0 ? CONTENT : LITERAL_VALUE);
      return;
    }
    const markup = ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node);
    if (markup) this.markupDepth += 1;
    this.open(node.kind);
    if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) this.tokens.push(String(node.operator));
    // `{ a }` reads or binds property `a`: the property stays, the name is renamed.
    if (ts.isShorthandPropertyAssignment(node)) this.tokens.push(node.name.text);
    if (ts.isBindingElement(node) && node.propertyName === undefined && ts.isIdentifier(node.name) && ts.isObjectBindingPattern(parent)) this.tokens.push(node.name.text);
    if (ts.isBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
      if (ts.isCaseClause(node)) this.print(node.expression, node, scope);
      const statements = this.known === undefined ? canonicalOrder(ts, node.statements, (statement) => this.keyOf(statement, node, scope)) : node.statements;
      for (const statement of statements) this.print(statement, node, scope);
    } else {
      ts.forEachChild(node, (child) => this.print(child, node, scope));
    }
    this.close();
    if (markup) this.markupDepth -= 1;
  }

  /**
   * A literal's value, one token per CONTENT_CHUNK characters: its weight in the similarity of
   * two bodies follows its length, so two icons that share their wrapper but not their long
   * path data, or two scripts that call the same function with other data, are not near-copies.
   */
  private pushContent(text: string, mark: string): void {
    for (let start = 0; start < text.length; start += CONTENT_CHUNK) this.tokens.push(`${mark}${text.slice(start, start + CONTENT_CHUNK)}`);
  }

  /** The statement printed on its own, local names numbered afresh and nested blocks as written. */
  private keyOf(statement: ts.Statement, parent: ts.Node, scope: Scope): string {
    const printer = new TokenPrinter(this.ts, this.scopeOf, this.placeholders);
    printer.print(statement, parent, scope);
    return printer.tokens.join(' ');
  }

  private nameOf(name: string, scope: Scope): string {
    for (let current: Scope | undefined = scope; current !== undefined; current = current.parent) {
      if (!current.names.has(name)) continue;
      const known = this.known?.get(current)?.get(name);
      if (known !== undefined) return `$${known}`;
      let ids = this.placeholders.get(current);
      if (ids === undefined) this.placeholders.set(current, (ids = new Map()));
      let id = ids.get(name);
      if (id === undefined) {
        id = this.next;
        this.next += 1;
        ids.set(name, id);
      }
      return `${this.known === undefined ? '$' : '#'}${id}`;
    }
    return name;
  }
}

function isControlStatement(ts: TypeScriptApi, node: ts.Node): boolean {
  return ts.isIfStatement(node) || ts.isIterationStatement(node, false) || ts.isLabeledStatement(node);
}

/** A statement whose names a block would scope: unwrapping its block would change what it binds. */
function isScopedDeclaration(ts: TypeScriptApi, statement: ts.Statement): boolean {
  return (ts.isVariableStatement(statement) && (statement.declarationList.flags & ts.NodeFlags.BlockScoped) !== 0)
    || ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement);
}

/** Type syntax, erased at run time: annotations, type arguments and parameters, type declarations. */
function isErased(ts: TypeScriptApi, node: ts.Node, parent: ts.Node): boolean {
  if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return true;
  if (ts.isTypeParameterDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return true;
  // `function f(this: Foo)`: a type-only parameter.
  if (ts.isParameter(node) && ts.isIdentifier(node.name) && node.name.text === 'this') return true;
  // `a?: T`, `x!: T`: optional and definite-assignment marks.
  return (node.kind === ts.SyntaxKind.QuestionToken || node.kind === ts.SyntaxKind.ExclamationToken)
    && (ts.isParameter(parent) || ts.isPropertyDeclaration(parent) || ts.isVariableDeclaration(parent));
}

/** An identifier that names a property or member, not a binding: kept as written. */
function isPropertyName(ts: TypeScriptApi, node: ts.Node, parent: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(parent)) return parent.name === node;
  if (ts.isQualifiedName(parent)) return parent.right === node;
  if (ts.isBindingElement(parent)) return parent.propertyName === node;
  if (ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)
    || ts.isGetAccessorDeclaration(parent) || ts.isSetAccessorDeclaration(parent) || ts.isEnumMember(parent)
    || ts.isPropertySignature(parent) || ts.isMethodSignature(parent) || ts.isJsxAttribute(parent)) {
    return parent.name === node;
  }
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return true;
  return ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent);
}
