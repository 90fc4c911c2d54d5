import { declarationOfNode, describeNode } from '../graph/symbol-graph.js';
import { type PackedSections, StoredViewDamaged } from './packed-sections.js';
import type { QueryDeclaration, QueryFile, QueryGraph } from './query-view.js';

/**
 * The symbol graph as stored (see storeView): each node list read when a query first needs it
 * (`registry find` needs none), edges as one list with offsets. The referrer lists (explaining
 * dead code) are made on first use only.
 */
export class StoredGraph implements QueryGraph {
  private readonly lists = new Map<string, Int32Array | Uint8Array>();
  private nameList: string[] | undefined;
  private gates: ReadonlyMap<number, { classNode: number; nameNode: number }> | undefined;
  private fake: ReadonlyMap<number, readonly number[]> | undefined;
  private edgeLists: [Int32Array, Int32Array] | undefined;
  private referrerLists: Int32Array[] | undefined;

  constructor(private readonly sections: PackedSections, private readonly files: readonly QueryFile[], private readonly nodeCount: number) {}

  get nodeKind(): Uint8Array {
    return this.nodeList('nodeKind', () => this.sections.uint8('nodeKind')) as Uint8Array;
  }

  private get nodeFile(): Int32Array {
    return this.nodeList('nodeFile', () => this.sections.int32('nodeFile')) as Int32Array;
  }

  private get nodeDeclaration(): Int32Array {
    return this.nodeList('nodeDeclaration', () => this.sections.int32('nodeDeclaration')) as Int32Array;
  }

  get memberGates(): ReadonlyMap<number, { classNode: number; nameNode: number }> {
    if (this.gates === undefined) {
      const gates = this.sections.int32('memberGates');
      const memberGates = new Map<number, { classNode: number; nameNode: number }>();
      for (let at = 0; at + 2 < gates.length; at += 3) memberGates.set(gates[at], { classNode: gates[at + 1], nameNode: gates[at + 2] });
      this.gates = memberGates;
    }
    return this.gates;
  }

  get fakeReferrers(): ReadonlyMap<number, readonly number[]> {
    if (this.fake === undefined) {
      const fake = this.sections.int32('fakeReferrers');
      const fakeReferrers = new Map<number, number[]>();
      for (let at = 0; at + 1 < fake.length; at += 2 + fake[at + 1]) fakeReferrers.set(fake[at], Array.from(fake.subarray(at + 2, at + 2 + fake[at + 1])));
      this.fake = fakeReferrers;
    }
    return this.fake;
  }

  /** A node's out-edges, in the linker's order. */
  outEdges(node: number): Int32Array {
    const [start, targets] = this.edgeList();
    return targets.subarray(start[node], start[node + 1]);
  }

  /** Who uses each node, by source node (order does not matter to the queries: they sort what they show). */
  get referrers(): readonly Int32Array[] {
    if (this.referrerLists === undefined) {
      const [edgeStart, edgeTargets] = this.edgeList();
      const count = this.nodeCount;
      const start = new Int32Array(count + 1);
      for (const target of edgeTargets) start[target + 1] += 1;
      for (let node = 0; node < count; node += 1) start[node + 1] += start[node];
      const sources = new Int32Array(edgeTargets.length);
      const next = start.slice(0, count);
      for (let from = 0; from < count; from += 1) {
        for (let at = edgeStart[from]; at < edgeStart[from + 1]; at += 1) sources[next[edgeTargets[at]]++] = from;
      }
      this.referrerLists = Array.from({ length: count }, (_, node) => sources.subarray(start[node], start[node + 1]));
    }
    return this.referrerLists;
  }

  declarationOf(node: number): QueryDeclaration | undefined {
    return declarationOfNode(this.files, this.nodeFile, this.nodeDeclaration, node);
  }

  describe(node: number): string {
    const name = this.nodeList('nodeName', () => this.sections.int32('nodeName'))[node];
    this.nameList ??= JSON.parse(this.sections.text('names').toString('utf8')) as string[];
    return describeNode(this.nodeKind[node], this.files[this.nodeFile[node]], name === -1 ? undefined : this.nameList[name], this.nodeDeclaration[node]);
  }

  private edgeList(): [Int32Array, Int32Array] {
    if (this.edgeLists === undefined) {
      const start = this.nodeList('edgeStart', () => this.sections.int32('edgeStart'), 1) as Int32Array;
      const targets = this.sections.int32('edgeTargets');
      if (start[this.nodeCount] !== targets.length) throw new StoredViewDamaged('the edges do not match their offsets');
      this.edgeLists = [start, targets];
    }
    return this.edgeLists;
  }

  /** A per-node list (`extra` more entries: offsets), read once, of the length the view's node count says. */
  private nodeList(name: string, read: () => Int32Array | Uint8Array, extra = 0): Int32Array | Uint8Array {
    let list = this.lists.get(name);
    if (list === undefined) {
      list = read();
      if (list.length !== this.nodeCount + extra) throw new StoredViewDamaged(`section ${name} does not match the node count`);
      this.lists.set(name, list);
    }
    return list;
  }
}
