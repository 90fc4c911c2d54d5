/**
 * Named sections of numbers and text, each stored apart (a row of the registry's
 * `query_view_parts`) and read only when a query first asks for it: numbers come back as typed
 * arrays over the bytes read (nothing parsed), text as the raw bytes. A whole stored view of a
 * 1,000-file project takes longer to read than a query may take; a query needs half of it.
 *
 * The header (JSON, kept in `query_view.view`) lists each section's name, type and length, and
 * the byte order the numbers were written in.
 */

type SectionValue = Int32Array | Uint8Array | string;
type SectionType = 'i32' | 'u8' | 'text';

interface SectionEntry {
  name: string;
  type: SectionType;
  length: number;
}

/** Typed arrays are written in the machine's byte order: a registry moved to the other order is not read (see PackedSections.read). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const FORMAT = 'orch-guard packed sections 1';

export interface PackedView {
  header: string;
  parts: ReadonlyArray<readonly [string, Uint8Array]>;
}

export function packSections(sections: Record<string, SectionValue>): PackedView {
  const entries: SectionEntry[] = [];
  const parts: Array<[string, Uint8Array]> = [];
  for (const [name, value] of Object.entries(sections)) {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    entries.push({ name, type: typeof value === 'string' ? 'text' : value instanceof Int32Array ? 'i32' : 'u8', length: bytes.byteLength });
    parts.push([name, bytes]);
  }
  return { header: JSON.stringify({ format: FORMAT, littleEndian: LITTLE_ENDIAN, sections: entries }), parts };
}

/** The sections of a stored view, each read (by `readPart`) on first use. */
export class PackedSections {
  private readonly loaded = new Map<string, Uint8Array>();

  private constructor(private readonly entries: ReadonlyMap<string, SectionEntry>, private readonly readPart: (name: string) => Uint8Array | undefined) {}

  /** Undefined when the header is not one this build wrote (another format, the other byte order). */
  static read(header: string, readPart: (name: string) => Uint8Array | undefined): PackedSections | undefined {
    try {
      const parsed = JSON.parse(header) as { format?: unknown; littleEndian?: unknown; sections?: SectionEntry[] };
      if (parsed.format !== FORMAT || parsed.littleEndian !== LITTLE_ENDIAN || !Array.isArray(parsed.sections)) return undefined;
      return new PackedSections(new Map(parsed.sections.map((entry) => [entry.name, entry])), readPart);
    } catch {
      return undefined;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Reads every section now (a caller that cannot read later). */
  readAll(): void {
    for (const name of this.entries.keys()) this.bytes(name, this.entries.get(name)!.type);
  }

  int32(name: string): Int32Array {
    const bytes = this.bytes(name, 'i32');
    if (bytes.byteLength % 4 !== 0) throw new StoredViewDamaged(`section ${name} is not a list of numbers`);
    return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  }

  uint8(name: string): Uint8Array {
    return this.bytes(name, 'u8');
  }

  /** A text section's bytes (UTF-8), to decode whole or in slices. */
  text(name: string): Buffer {
    const bytes = this.bytes(name, 'text');
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private bytes(name: string, type: SectionType): Uint8Array {
    const known = this.loaded.get(name);
    if (known !== undefined) return known;
    const entry = this.entries.get(name);
    if (entry === undefined || entry.type !== type) throw new StoredViewDamaged(`section ${name} (${type}) is missing`);
    const read = this.readPart(name);
    if (read === undefined || read.byteLength !== entry.length) throw new StoredViewDamaged(`section ${name} is missing or of another length`);
    // Typed arrays need their byte offset aligned: bytes in a shared pool may not be.
    const bytes = read.byteOffset % 4 === 0 ? read : new Uint8Array(read);
    this.loaded.set(name, bytes);
    return bytes;
  }
}

/** Every value is a valid index below `limit`. */
export function within(values: Int32Array, limit: number): boolean {
  for (const value of values) if (value < 0 || value >= limit) return false;
  return true;
}

/** A stored view that does not hold what its header says: the caller analyses instead of answering from it. */
export class StoredViewDamaged extends Error {}
