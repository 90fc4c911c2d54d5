import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

/**
 * Tables by syntax kind, for the walks that run once per node: one lookup instead of a chain
 * of `ts.isX` calls. KindRole: what the body printer (body-tokens.ts) does with a node; the
 * first role that applies wins, in the order the printer checks them.
 */
export const KindRole = {
  General: 0,
  /** Type syntax and type declarations, erased at run time. */
  Erased: 1,
  /** `as`, `satisfies`, `!`, `<T>x`, parentheses, `x<T>`: the inner expression is printed. */
  Wrapper: 2,
  FunctionScope: 3,
  Name: 4,
  JsxText: 5,
  Literal: 6,
  /** Erased when it is `this` (a type-only parameter). */
  Parameter: 7,
  /** `?` and `!` marks: erased on parameters, properties and variables. */
  OptionalMark: 8,
  Block: 9,
} as const;

export interface KindTables {
  role: Uint8Array;
  /** `String(kind)`, made once: the printer pushes one per node. */
  token: string[];
  /** Kinds under which a block of one statement is that statement (`if`, loops, labels). */
  control: Uint8Array;
  /** Functions and classes: a scope of names of their own. */
  ownScope: Uint8Array;
  /** What `ts.isTypeNode` accepts. */
  typeNode: Uint8Array;
  /** Filled in by the reference walker (reference-walker.ts) as it meets kinds it has no case for. */
  plainReferenceKinds: Uint8Array;
}

const tablesOfApi = new WeakMap<TypeScriptApi, KindTables>();

export function kindTables(ts: TypeScriptApi): KindTables {
  let tables = tablesOfApi.get(ts);
  if (tables === undefined) tablesOfApi.set(ts, (tables = buildKindTables(ts)));
  return tables;
}

function buildKindTables(ts: TypeScriptApi): KindTables {
  const { SyntaxKind } = ts;
  const count = SyntaxKind.Count;
  const role = new Uint8Array(count);
  const control = new Uint8Array(count);
  const ownScope = new Uint8Array(count);
  const typeNode = new Uint8Array(count);
  const token: string[] = [];
  const functionKinds = [SyntaxKind.FunctionDeclaration, SyntaxKind.FunctionExpression, SyntaxKind.ArrowFunction, SyntaxKind.MethodDeclaration,
    SyntaxKind.GetAccessor, SyntaxKind.SetAccessor, SyntaxKind.Constructor];
  const wrapperKinds = [SyntaxKind.AsExpression, SyntaxKind.SatisfiesExpression, SyntaxKind.NonNullExpression, SyntaxKind.TypeAssertionExpression,
    SyntaxKind.ParenthesizedExpression, SyntaxKind.ExpressionWithTypeArguments];
  for (let kind = 0; kind < count; kind += 1) {
    token.push(String(kind));
    // The predicates read only `kind` (ranges of kinds): asking them keeps this table in step with the compiler.
    const shape = { kind } as ts.Node;
    if (ts.isTypeNode(shape)) typeNode[kind] = 1;
    if ((ts.isTypeNode(shape) && kind !== SyntaxKind.ExpressionWithTypeArguments)
      || kind === SyntaxKind.TypeParameter || kind === SyntaxKind.InterfaceDeclaration || kind === SyntaxKind.TypeAliasDeclaration) {
      role[kind] = KindRole.Erased;
    } else if (wrapperKinds.includes(kind)) {
      role[kind] = KindRole.Wrapper;
    } else if (functionKinds.includes(kind)) {
      role[kind] = KindRole.FunctionScope;
    } else if (kind === SyntaxKind.Identifier || kind === SyntaxKind.PrivateIdentifier) {
      role[kind] = KindRole.Name;
    } else if (kind === SyntaxKind.JsxText) {
      role[kind] = KindRole.JsxText;
    } else if (ts.isLiteralExpression(shape) || ts.isTemplateLiteralToken(shape)) {
      role[kind] = KindRole.Literal;
    } else if (kind === SyntaxKind.Parameter) {
      role[kind] = KindRole.Parameter;
    } else if (kind === SyntaxKind.QuestionToken || kind === SyntaxKind.ExclamationToken) {
      role[kind] = KindRole.OptionalMark;
    } else if (kind === SyntaxKind.Block) {
      role[kind] = KindRole.Block;
    }
    if (kind === SyntaxKind.IfStatement || kind === SyntaxKind.LabeledStatement || ts.isIterationStatement(shape as ts.Statement, false)) control[kind] = 1;
    if (functionKinds.includes(kind) || kind === SyntaxKind.ClassDeclaration || kind === SyntaxKind.ClassExpression) ownScope[kind] = 1;
  }
  return { role, token, control, ownScope, typeNode, plainReferenceKinds: new Uint8Array(count) };
}
