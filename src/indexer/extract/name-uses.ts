import { flattenAccessChain } from './access-chains.js';
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
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const chain = flattenAccessChain(ts, node);
      if (ts.isIdentifier(chain.root) && chain.root.text !== spineOf) {
        // Outermost access of a chain rooted at a name: one use of that name.
        this.add(chain.root.text, { node: chain.root, ...(chain.path.length > 0 ? { member: chain.path[0] } : {}), chain: true });
        this.walkSpine(node, chain.root.text);
        return;
      }
      if (spineOf !== undefined) {
        this.walkSpine(node, spineOf);
        return;
      }
    }
    if (ts.isIdentifier(node)) {
      if (node.text !== spineOf) this.add(node.text, { node, chain: false });
      return;
    }
    ts.forEachChild(node, (child) => this.walk(child, spineOf));
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
