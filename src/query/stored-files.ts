import type { DeclarationKind } from '../indexer/facts.js';
import { type PackedSections, StoredViewDamaged } from './packed-sections.js';
import type { QueryDeclaration, QueryFile } from './query-view.js';
import { DeclarationBit, FileBit, signaturesOf } from './stored-view.js';

// The files and declarations of a stored view (see storeView), for src/query/stored-query-view.ts.

/** The declarations of every file, one list: names parsed at once, signatures one by one when asked. */
export class StoredDeclarations {
  readonly count: number;
  readonly names: string[];
  readonly kinds: DeclarationKind[];
  readonly kind: Uint8Array;
  readonly line: Int32Array;
  readonly column: Int32Array;
  readonly endLine: Int32Array;
  readonly parent: Int32Array;
  readonly flags: Int32Array;
  readonly bits: Uint8Array;
  private readonly signatureEnd: Int32Array;

  constructor(private readonly sections: PackedSections) {
    this.names = JSON.parse(sections.text('declarationNames').toString('utf8')) as string[];
    this.kinds = JSON.parse(sections.text('kinds').toString('utf8')) as DeclarationKind[];
    this.kind = sections.uint8('declarationKind');
    this.line = sections.int32('declarationLine');
    this.column = sections.int32('declarationColumn');
    this.endLine = sections.int32('declarationEndLine');
    this.parent = sections.int32('declarationParent');
    this.flags = sections.int32('declarationFlags');
    this.bits = sections.uint8('declarationBits');
    this.signatureEnd = sections.int32('signatureEnd');
    this.count = this.names.length;
    const lists = [this.kind, this.line, this.column, this.endLine, this.parent, this.flags, this.bits, this.signatureEnd];
    if (lists.some((list) => list.length !== this.count)) {
      throw new StoredViewDamaged('declaration sections do not match');
    }
    for (const kind of this.kind) if (kind >= this.kinds.length) throw new StoredViewDamaged('unknown declaration kind');
  }

  /** The signature of declaration `at`, the first of its file being `fileStart`: read from the file's section. */
  signature(at: number, file: number, fileStart: number): string | undefined {
    if ((this.bits[at] & DeclarationBit.Signed) === 0) return undefined;
    const start = at === fileStart ? 0 : this.signatureEnd[at - 1];
    const bytes = this.sections.uint8(signaturesOf(file));
    if (this.signatureEnd[at] > bytes.length) throw new StoredViewDamaged(`signatures of file ${file} end early`);
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', start, this.signatureEnd[at])) as string;
  }
}

/** A declaration as stored; its signature is decoded on first read. */
class StoredDeclaration implements QueryDeclaration {
  readonly name: string;
  readonly kind: DeclarationKind;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly parent: number;
  readonly flags: number;

  constructor(private readonly all: StoredDeclarations, private readonly at: number, private readonly file: number, private readonly fileStart: number) {
    this.name = all.names[at];
    this.kind = all.kinds[all.kind[at]];
    this.line = all.line[at];
    this.column = all.column[at];
    this.endLine = all.endLine[at];
    this.parent = all.parent[at];
    this.flags = all.flags[at];
  }

  get signature(): string | undefined {
    return this.all.signature(this.at, this.file, this.fileStart);
  }
}

/** A project file as stored: its declarations made when a query first reads them. */
export class StoredFile implements QueryFile {
  readonly isTest: boolean;
  readonly isEntry: boolean;
  readonly isDeclarationFile: boolean;
  private declarations: { declarations: readonly StoredDeclaration[] } | undefined;
  private byName: Map<string, number[]> | undefined;

  constructor(
    readonly index: number,
    readonly path: string,
    flags: number,
    readonly moduleNode: number,
    readonly firstDeclarationNode: number,
    private readonly all: StoredDeclarations,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.isTest = (flags & FileBit.Test) !== 0;
    this.isEntry = (flags & FileBit.Entry) !== 0;
    this.isDeclarationFile = (flags & FileBit.DeclarationFile) !== 0;
  }

  get facts(): { declarations: readonly StoredDeclaration[] } {
    this.declarations ??= { declarations: Array.from({ length: this.end - this.start }, (_, index) => new StoredDeclaration(this.all, this.start + index, this.index, this.start)) };
    return this.declarations;
  }

  /** As the linker indexed them: in declaration order, by first appearance of each name. */
  get declarationsByName(): ReadonlyMap<string, readonly number[]> {
    if (this.byName === undefined) {
      this.byName = new Map();
      for (let at = this.start; at < this.end; at += 1) {
        if ((this.all.bits[at] & DeclarationBit.IndexedByName) === 0) continue;
        const name = this.all.names[at];
        const list = this.byName.get(name);
        if (list === undefined) this.byName.set(name, [at - this.start]);
        else list.push(at - this.start);
      }
    }
    return this.byName;
  }

  exported(): Set<number> {
    const exported = new Set<number>();
    for (let at = this.start; at < this.end; at += 1) if ((this.all.bits[at] & DeclarationBit.Exported) !== 0) exported.add(at - this.start);
    return exported;
  }
}

