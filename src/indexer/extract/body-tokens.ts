import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';
import { boundNamesOf } from './body-scopes.js';
import { KindRole, type KindTables, kindTables } from './syntax-kind-tables.js';
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
  const tables = kindTables(ts);
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
  const printer = new TokenPrinter(ts, tables, scopeOf, undefined);
  printer.printFunction(fn, undefined);
  return { tokens: printer.tokens, size: printer.bodySize };
}

// Placeholder tokens (`$0`, `#0`), made once per number.
const placeholderTokens = { $: [] as string[], '#': [] as string[] };

function placeholder(mark: '$' | '#', id: number): string {
  const made = placeholderTokens[mark];
  while (made.length <= id) made.push(`${mark}${made.length}`);
  return made[id];
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
  // The parent and scope of the children `printChild` is handed by forEachChild (one callback, not one closure per node).
  private childParent: ts.Node | undefined;
  private childScope: Scope | undefined;
  private readonly printChild = (child: ts.Node): undefined => {
    this.print(child, this.childParent as ts.Node, this.childScope as Scope);
    return undefined;
  };

  /**
   * `known`: when printing one statement as a sort key, the placeholders the whole printing
   * has given so far (names not among them are numbered `#0`, `#1`, … for this statement only),
   * and nested blocks keep their written order.
   */
  constructor(
    private readonly ts: TypeScriptApi,
    private readonly tables: KindTables,
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
    if (fn.name !== undefined && outer !== undefined) this.print(fn.name, fn, fn.kind === ts.SyntaxKind.FunctionDeclaration ? outer : scope);
    for (const parameter of fn.parameters) this.print(parameter, fn, scope);
    const before = this.size;
    if (fn.body !== undefined) this.print(fn.body, fn, scope);
    if (outer === undefined) this.bodySize = this.size - before;
    this.close();
  }

  private open(kind: number): void {
    this.size += 1;
    this.tokens.push(this.tables.token[kind]);
  }

  private close(): void {
    this.tokens.push(')');
  }

  private print(node: ts.Node, parent: ts.Node, scope: Scope): void {
    const { ts, tables } = this;
    const { SyntaxKind } = ts;
    const kind = node.kind;
    switch (tables.role[kind]) {
      case KindRole.Erased:
        return;
      case KindRole.Parameter: {
        // `function f(this: Foo)`: a type-only parameter.
        const name = (node as ts.ParameterDeclaration).name;
        if (name.kind === SyntaxKind.Identifier && name.text === 'this') return;
        break;
      }
      case KindRole.OptionalMark: {
        // `a?: T`, `x!: T`: optional and definite-assignment marks.
        const parentKind = parent.kind;
        if (parentKind === SyntaxKind.Parameter || parentKind === SyntaxKind.PropertyDeclaration || parentKind === SyntaxKind.VariableDeclaration) return;
        break;
      }
      case KindRole.Wrapper:
        this.print((node as ts.ParenthesizedExpression).expression, node, scope);
        return;
      case KindRole.FunctionScope:
        this.printFunction(node as ts.FunctionLikeDeclaration, scope);
        return;
      case KindRole.Name: {
        const { text } = node as ts.Identifier;
        this.size += 1;
        this.tokens.push(isPropertyName(ts, node, parent) ? text : this.nameOf(text, scope));
        return;
      }
      case KindRole.Block: {
        // `if (a) { b(); }` and `if (a) b();` do the same: a block of one statement under a control statement is that statement.
        const { statements } = node as ts.Block;
        if (statements.length === 1 && tables.control[parent.kind] === 1 && !isScopedDeclaration(ts, statements[0])) {
          this.print(statements[0], node, scope);
          return;
        }
        break;
      }
      case KindRole.JsxText:
        this.pushContent((node as ts.JsxText).text.trim().replace(/\s+/g, ' '), CONTENT);
        return;
      case KindRole.Literal:
        this.open(kind);
        this.pushContent((node as ts.LiteralLikeNode).text, this.markupDepth > 0 ? CONTENT : LITERAL_VALUE);
        return;
    }
    const markup = kind === SyntaxKind.JsxElement || kind === SyntaxKind.JsxSelfClosingElement || kind === SyntaxKind.JsxFragment;
    if (markup) this.markupDepth += 1;
    this.open(kind);
    if (kind === SyntaxKind.PrefixUnaryExpression || kind === SyntaxKind.PostfixUnaryExpression) {
      this.tokens.push(tables.token[(node as ts.PrefixUnaryExpression | ts.PostfixUnaryExpression).operator]);
    }
    // `{ a }` reads or binds property `a`: the property stays, the name is renamed.
    if (kind === SyntaxKind.ShorthandPropertyAssignment) this.tokens.push((node as ts.ShorthandPropertyAssignment).name.text);
    if (kind === SyntaxKind.BindingElement) {
      const element = node as ts.BindingElement;
      if (element.propertyName === undefined && element.name.kind === SyntaxKind.Identifier && parent.kind === SyntaxKind.ObjectBindingPattern) this.tokens.push(element.name.text);
    }
    if (kind === SyntaxKind.Block || kind === SyntaxKind.CaseClause || kind === SyntaxKind.DefaultClause) {
      if (kind === SyntaxKind.CaseClause) this.print((node as ts.CaseClause).expression, node, scope);
      const block = node as ts.Block | ts.CaseOrDefaultClause;
      const statements = this.known === undefined ? canonicalOrder(ts, block.statements, (statement) => this.keyOf(statement, node, scope)) : block.statements;
      for (const statement of statements) this.print(statement, node, scope);
    } else {
      const savedParent = this.childParent;
      const savedScope = this.childScope;
      this.childParent = node;
      this.childScope = scope;
      ts.forEachChild(node, this.printChild);
      this.childParent = savedParent;
      this.childScope = savedScope;
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
    const printer = new TokenPrinter(this.ts, this.tables, this.scopeOf, this.placeholders);
    printer.print(statement, parent, scope);
    return printer.tokens.join(' ');
  }

  private nameOf(name: string, scope: Scope): string {
    for (let current: Scope | undefined = scope; current !== undefined; current = current.parent) {
      if (!current.names.has(name)) continue;
      const known = this.known?.get(current)?.get(name);
      if (known !== undefined) return placeholder('$', known);
      let ids = this.placeholders.get(current);
      if (ids === undefined) this.placeholders.set(current, (ids = new Map()));
      let id = ids.get(name);
      if (id === undefined) {
        id = this.next;
        this.next += 1;
        ids.set(name, id);
      }
      return placeholder(this.known === undefined ? '$' : '#', id);
    }
    return name;
  }
}

/** A statement whose names a block would scope: unwrapping its block would change what it binds. */
function isScopedDeclaration(ts: TypeScriptApi, statement: ts.Statement): boolean {
  return (ts.isVariableStatement(statement) && (statement.declarationList.flags & ts.NodeFlags.BlockScoped) !== 0)
    || ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement);
}

/** An identifier that names a property or member, not a binding: kept as written. */
function isPropertyName(ts: TypeScriptApi, node: ts.Node, parent: ts.Node): boolean {
  const { SyntaxKind } = ts;
  switch (parent.kind) {
    case SyntaxKind.PropertyAccessExpression:
    case SyntaxKind.PropertyAssignment:
    case SyntaxKind.MethodDeclaration:
    case SyntaxKind.PropertyDeclaration:
    case SyntaxKind.GetAccessor:
    case SyntaxKind.SetAccessor:
    case SyntaxKind.EnumMember:
    case SyntaxKind.PropertySignature:
    case SyntaxKind.MethodSignature:
    case SyntaxKind.JsxAttribute:
      return (parent as ts.PropertyAccessExpression).name === node;
    case SyntaxKind.QualifiedName:
      return (parent as ts.QualifiedName).right === node;
    case SyntaxKind.BindingElement:
      return (parent as ts.BindingElement).propertyName === node;
    case SyntaxKind.LabeledStatement:
    case SyntaxKind.BreakStatement:
    case SyntaxKind.ContinueStatement:
    case SyntaxKind.ImportSpecifier:
    case SyntaxKind.ExportSpecifier:
      return true;
    default:
      return false;
  }
}
