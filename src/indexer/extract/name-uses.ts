import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

/** One read of a name: an access chain rooted at it (`name.member`, `name[i]`), or the bare name. */
interface NameUse {
  node: ts.Identifier;
  /** The chain's first static member; undefined for a bare use or a dynamic access on the name. */
  member?: string;
  chain: boolean;
}

/**
 * Every use of every name in a scope, found in one walk. namespaceUsageIn walks the scope once
 * per name it is asked about; a module with hundreds of `export const x = ns.x` aliases asked
 * it once per alias, a walk of the whole file each time (quadratic: half of a cold run on
 * effect). The walk visits what namespaceUsageIn's would, for all names at once: the chain of
 * an access rooted at a name counts for that name only, its member names for the others.
 */
export class NameUses {
  private readonly uses = new Map<string, NameUse[]>();

  constructor(private readonly ts: TypeScriptApi, scope: ts.Node) {
    this.walk(scope, undefined);
  }

  /**
   * What namespaceUsageIn(scope, name, declarationName) finds: the members read, or `whole`.
   * Undefined when it cannot be told from the index (the name's own declaration roots a chain).
   */
  usage(name: string, declarationName: ts.Node): { usedNames: string[]; whole: boolean } | undefined {
    const usedNames = new Set<string>();
    let whole = false;
    for (const use of this.uses.get(name) ?? []) {
      if (use.node === declarationName) {
        if (use.chain) return undefined;
        continue;
      }
      if (!use.chain || use.member === undefined) whole = true;
      else usedNames.add(use.member);
    }
    return { usedNames: [...usedNames].sort(), whole };
  }

  /** `spineOf`: the name whose access chain this node is inside (below its outermost access). */
  private walk(node: ts.Node, spineOf: string | undefined): void {
    const { ts } = this;
    const kind = node.kind;
    if (kind === ts.SyntaxKind.PropertyAccessExpression || kind === ts.SyntaxKind.ElementAccessExpression) {
      const access = node as ts.PropertyAccessExpression | ts.ElementAccessExpression;
      const root = this.chainRoot(access);
      if (root.kind === ts.SyntaxKind.Identifier && (root as ts.Identifier).text !== spineOf) {
        // Outermost access of a chain rooted at a name: one use of that name.
        const { text } = root as ts.Identifier;
        this.add(text, { node: root as ts.Identifier, member: this.rootMember, chain: true });
        this.walkSpine(access, text);
        return;
      }
      if (spineOf !== undefined) {
        this.walkSpine(access, spineOf);
        return;
      }
    }
    if (kind === ts.SyntaxKind.Identifier) {
      if ((node as ts.Identifier).text !== spineOf) this.add((node as ts.Identifier).text, { node: node as ts.Identifier, chain: false });
      return;
    }
    const saved = this.spine;
    this.spine = spineOf;
    ts.forEachChild(node, this.walkChild);
    this.spine = saved;
  }

  // The forEachChild callback and the spine it walks under: one function, not a closure per node.
  private spine: string | undefined;
  private readonly walkChild = (child: ts.Node): undefined => {
    this.walk(child, this.spine);
    return undefined;
  };

  /** Set by chainRoot: the chain's first member name (flattenAccessChain's path[0]). */
  private rootMember: string | undefined;

  /**
   * The root of an access chain, as flattenAccessChain finds it, without its arrays: the
   * chain's first member is the access applied right on the root, when that access is static.
   */
  private chainRoot(node: ts.Expression): ts.Expression {
    const { ts } = this;
    let current = node;
    let innermost: ts.PropertyAccessExpression | ts.ElementAccessExpression | undefined;
    for (;;) {
      const kind = current.kind;
      if (kind === ts.SyntaxKind.PropertyAccessExpression || kind === ts.SyntaxKind.ElementAccessExpression) {
        innermost = current as ts.PropertyAccessExpression | ts.ElementAccessExpression;
        current = innermost.expression;
      } else if (kind === ts.SyntaxKind.ParenthesizedExpression || kind === ts.SyntaxKind.NonNullExpression) {
        current = (current as ts.ParenthesizedExpression | ts.NonNullExpression).expression;
      } else {
        break;
      }
    }
    this.rootMember = innermost === undefined ? undefined
      : ts.isPropertyAccessExpression(innermost) ? innermost.name.text
        : ts.isStringLiteralLike(innermost.argumentExpression) ? innermost.argumentExpression.text : undefined;
    return current;
  }

  /** Inside a chain rooted at `name`: its member names are uses of other names; index expressions are walked afresh. */
  private walkSpine(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, name: string): void {
    const { ts } = this;
    this.walk(node.expression, name);
    if (ts.isPropertyAccessExpression(node)) this.walk(node.name, name);
    else this.walk(node.argumentExpression, undefined);
  }

  private add(name: string, use: NameUse): void {
    const list = this.uses.get(name);
    if (list === undefined) this.uses.set(name, [use]);
    else list.push(use);
  }
}
