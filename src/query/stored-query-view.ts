import type { RegistryDatabase } from '../registry/open-registry.js';
import { readStoredView } from '../registry/query-view-store.js';
import { PackedSections, StoredViewDamaged, within } from './packed-sections.js';
import type { QueryFile, QueryGraph, QueryView } from './query-view.js';
import { StoredDeclarations, StoredFile } from './stored-files.js';
import { StoredGraph } from './stored-graph.js';
import { VIEW_SECTIONS } from './stored-view.js';

/**
 * The view the registry stores, or undefined. `readAll`: read whole now, in one transaction (for
 * a connection not kept in one read transaction while the query reads it).
 */
export function storedQueryView(registry: RegistryDatabase, readAll: boolean): QueryView | undefined {
  const read = () => {
    const stored = readStoredView(registry);
    return stored === undefined ? undefined : viewOfStored(stored, { readAll });
  };
  return readAll ? registry.transaction(read)() : read();
}

/**
 * The query view over a stored one (see storeView): each section read and decoded when a query
 * first asks for it (`readAll`: all at once, for a caller that cannot read later). Undefined
 * when the stored view is not one this build wrote (another version, a damaged row): the
 * caller then analyses. A section found damaged later throws StoredViewDamaged.
 */
function viewOfStored(stored: { header: string; part: (name: string) => Uint8Array | undefined }, options: { readAll?: boolean } = {}): QueryView | undefined {
  const sections = PackedSections.read(stored.header, stored.part);
  if (sections === undefined) return undefined;
  try {
    if (options.readAll === true) sections.readAll();
    return new StoredQueryView(sections);
  } catch (error) {
    if (error instanceof StoredViewDamaged || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

class StoredQueryView implements QueryView {
  readonly graph: QueryGraph;
  readonly files: StoredFile[];
  readonly roots: { production: number[]; test: number[] };
  private readonly useLists = new Map<string, [Int32Array, Int32Array]>();
  private readonly live: Uint8Array;
  private readonly components: Array<string | null>;
  private readonly loadStart: Int32Array;
  private readonly loadTargets: Int32Array;
  private readonly byPath: ReadonlyMap<string, StoredFile>;
  private labels: Map<number, string> | undefined;

  constructor(private readonly sections: PackedSections) {
    const missing = VIEW_SECTIONS.find((name) => !sections.has(name));
    if (missing !== undefined) throw new StoredViewDamaged(`section ${missing} is missing`);
    const filesJson = JSON.parse(sections.text('files').toString('utf8')) as Array<[string, string | null]>;
    const declarations = new StoredDeclarations(sections);
    const fileFlags = sections.uint8('fileFlags');
    const moduleNode = sections.int32('fileModuleNode');
    const firstDeclarationNode = sections.int32('fileFirstDeclarationNode');
    const declarationStart = sections.int32('fileDeclarationStart');
    this.loadStart = sections.int32('loadStart');
    this.loadTargets = sections.int32('loadTargets');
    const fileCount = filesJson.length;
    if ([fileFlags, moduleNode, firstDeclarationNode].some((list) => list.length !== fileCount) || declarationStart.length !== fileCount + 1
      || declarationStart[fileCount] !== declarations.count || this.loadStart.length !== fileCount + 1 || this.loadStart[fileCount] !== this.loadTargets.length
      || !within(this.loadTargets, fileCount)) {
      throw new StoredViewDamaged('file sections do not match');
    }
    this.components = filesJson.map(([, component]) => component);
    this.files = filesJson.map(([path], index) => new StoredFile(index, path, fileFlags[index], moduleNode[index], firstDeclarationNode[index], declarations, declarationStart[index], declarationStart[index + 1]));
    this.byPath = new Map(this.files.map((file) => [file.path, file]));
    this.live = sections.uint8('live');
    const nodeCount = this.live.length;
    this.graph = new StoredGraph(sections, this.files, nodeCount);
    const productionRoots = sections.int32('productionRoots');
    const testRoots = sections.int32('testRoots');
    // Lengths are checked, the values in the long lists (uses, edges) are not: SQLite notices a
    // damaged page, and scanning them costs more than the rest of a query.
    if (!within(productionRoots, nodeCount) || !within(testRoots, nodeCount)) {
      throw new StoredViewDamaged('node sections do not match');
    }
    this.roots = { production: Array.from(productionRoots), test: Array.from(testRoots) };
  }

  usesOf(node: number, direction: 'callers' | 'callees'): Int32Array {
    const name = direction === 'callers' ? 'caller' : 'callee';
    let list = this.useLists.get(name);
    if (list === undefined) {
      list = [this.sections.int32(`${name}Start`), this.sections.int32(`${name}Targets`)];
      if (list[0].length !== this.live.length + 1 || list[0][this.live.length] !== list[1].length) throw new StoredViewDamaged(`the ${direction} do not match their offsets`);
      this.useLists.set(name, list);
    }
    const [start, values] = list;
    return values.subarray(start[node], start[node + 1]);
  }

  isLive(node: number): boolean {
    return this.live[node] === 1;
  }

  fileByPath(path: string): StoredFile | undefined {
    return this.byPath.get(path);
  }

  exportedDeclarations(file: QueryFile): ReadonlySet<number> {
    return this.files[file.index].exported();
  }

  componentOf(path: string): string | undefined {
    const file = this.fileByPath(path);
    return file === undefined ? undefined : this.components[file.index] ?? undefined;
  }

  moduleLoads(file: QueryFile): StoredFile[] {
    const loads: StoredFile[] = [];
    for (let at = this.loadStart[file.index]; at < this.loadStart[file.index + 1]; at += 1) loads.push(this.files[this.loadTargets[at]]);
    return loads;
  }

  rootLabel(node: number): string {
    this.labels ??= new Map(JSON.parse(this.sections.text('rootLabels').toString('utf8')) as Array<[number, string]>);
    return this.labels.get(node) ?? this.graph.describe(node);
  }
}
