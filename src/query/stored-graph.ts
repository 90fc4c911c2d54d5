import { declarationOfNode, describeNode } from '../graph/symbol-graph.js';
import { type PackedSections, StoredViewDamaged } from './packed-sections.js';
import type { QueryDeclaration, QueryFile, QueryGraph } from './query-view.js';

/**
 * The symbol graph as stored (see storeView): node lists read in place, edges as one list with
 * offsets. The per-node edge and referrer lists a traversal walks are made on first use only
 * (`why`), so `registry find` and `usage` never build them.
 */
export class StoredGraph implements QueryGraph {
  readonly nodeKind: Uint8Array;
  readonly memberGates: ReadonlyMap<number, { classNode: number; nameNode: number }>;
  readonly fakeReferrers: ReadonlyMap<number, readonly number[]>;
  private readonly nodeFile: Int32Array;
  private readonly nodeDeclaration: Int32Array;
  private readonly nodeName: Int32Array;
  private readonly names: string[];
  private readonly edgeStart: Int32Array;
  private readonly edgeTargets: Int32Array;
  private edgeLists: Int32Array[] | undefined;
  private referrerLists: Int32Array[] | undefined;

  constructor(sections: PackedSections, private readonly files: readonly QueryFile[]) {
    this.nodeKind = sections.uint8('nodeKind');
    this.nodeFile = sections.int32('nodeFile');
    this.nodeDeclaration = sections.int32('nodeDeclaration');
    this.nodeName = sections.int32('nodeName');
    this.names = JSON.parse(sections.text('names').toString('utf8')) as string[];
    this.edgeStart = sections.int32('edgeStart');
    this.edgeTargets = sections.int32('edgeTargets');
    const count = this.nodeKind.length;
    if ([this.nodeFile, this.nodeDeclaration, this.nodeName].some((list) => list.length !== count) || this.edgeStart.length !== count + 1
      || this.edgeStart[count] !== this.edgeTargets.length) {
      throw new StoredViewDamaged('graph sections do not match');
    }
    const gates = sections.int32('memberGates');
    const memberGates = new Map<number, { classNode: number; nameNode: number }>();
    for (let at = 0; at + 2 < gates.length; at += 3) memberGates.set(gates[at], { classNode: gates[at + 1], nameNode: gates[at + 2] });
    this.memberGates = memberGates;
    const fake = sections.int32('fakeReferrers');
    const fakeReferrers = new Map<number, number[]>();
    for (let at = 0; at + 1 < fake.length; at += 2 + fake[at + 1]) fakeReferrers.set(fake[at], Array.from(fake.subarray(at + 2, at + 2 + fake[at + 1])));
    this.fakeReferrers = fakeReferrers;
  }

  /** Out-edges of each node, in the linker's order. */
  get edges(): readonly Int32Array[] {
    this.edgeLists ??= Array.from({ length: this.nodeKind.length }, (_, node) => this.edgeTargets.subarray(this.edgeStart[node], this.edgeStart[node + 1]));
    return this.edgeLists;
  }

  /** Who uses each node, by source node (order does not matter to the queries: they sort what they show). */
  get referrers(): readonly Int32Array[] {
    if (this.referrerLists === undefined) {
      const count = this.nodeKind.length;
      const start = new Int32Array(count + 1);
      for (const target of this.edgeTargets) start[target + 1] += 1;
      for (let node = 0; node < count; node += 1) start[node + 1] += start[node];
      const sources = new Int32Array(this.edgeTargets.length);
      const next = start.slice(0, count);
      for (let from = 0; from < count; from += 1) {
        for (let at = this.edgeStart[from]; at < this.edgeStart[from + 1]; at += 1) sources[next[this.edgeTargets[at]]++] = from;
      }
      this.referrerLists = Array.from({ length: count }, (_, node) => sources.subarray(start[node], start[node + 1]));
    }
    return this.referrerLists;
  }

  declarationOf(node: number): QueryDeclaration | undefined {
    return declarationOfNode(this.files, this.nodeFile, this.nodeDeclaration, node);
  }

  describe(node: number): string {
    const name = this.nodeName[node];
    return describeNode(this.nodeKind[node], this.files[this.nodeFile[node]], name === -1 ? undefined : this.names[name], this.nodeDeclaration[node]);
  }
}
