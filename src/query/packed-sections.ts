/**
 * Named sections of numbers and text in one buffer: what a warm query reads of the stored graph.
 * Numbers come back as typed arrays over the buffer itself (nothing parsed, nothing copied) and
 * text as the raw bytes, decoded only by the query that needs it; a JSON view of a
 * 1,000-file project took longer to parse than the whole query may take.
 *
 * Layout: "OGV1", a little-endian uint32 header length, the header (JSON: each section's name,
 * type, byte offset and length), then the sections, each starting at a multiple of 4.
 */

const MAGIC = 'OGV1';

type SectionValue = Int32Array | Uint8Array | string;
type SectionType = 'i32' | 'u8' | 'text';

interface SectionEntry {
  name: string;
  type: SectionType;
  offset: number;
  length: number;
}

/** Typed arrays are written in the machine's byte order: a registry moved to the other order is not read (see unpackSections). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function packSections(sections: Record<string, SectionValue>): Buffer {
  const entries: SectionEntry[] = [];
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (const [name, value] of Object.entries(sections)) {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    const type: SectionType = typeof value === 'string' ? 'text' : value instanceof Int32Array ? 'i32' : 'u8';
    entries.push({ name, type, offset, length: bytes.byteLength });
    parts.push(bytes);
    const padding = (4 - (bytes.byteLength % 4)) % 4;
    if (padding > 0) parts.push(new Uint8Array(padding));
    offset += bytes.byteLength + padding;
  }
  const header = Buffer.from(JSON.stringify({ littleEndian: LITTLE_ENDIAN, sections: entries }), 'utf8');
  const headerPadding = (4 - ((8 + header.byteLength) % 4)) % 4;
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(header.byteLength + headerPadding, 4);
  return Buffer.concat([prefix, header, Buffer.alloc(headerPadding, 0x20), ...parts]);
}

/** The sections of a packed buffer, read in place; undefined when the buffer is not one this build can read. */
export class PackedSections {
  private constructor(private readonly bytes: Uint8Array, private readonly base: number, private readonly entries: ReadonlyMap<string, SectionEntry>) {}

  static read(stored: Uint8Array): PackedSections | undefined {
    if (stored.byteLength < 8 || Buffer.from(stored.buffer, stored.byteOffset, 4).toString('latin1') !== MAGIC) return undefined;
    // Typed arrays need their byte offset aligned: a buffer from a shared pool may not be.
    const bytes = stored.byteOffset % 4 === 0 ? stored : new Uint8Array(stored);
    const headerLength = Buffer.from(bytes.buffer, bytes.byteOffset, 8).readUInt32LE(4);
    if (8 + headerLength > bytes.byteLength) return undefined;
    try {
      const header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 8, headerLength).toString('utf8')) as { littleEndian: boolean; sections: SectionEntry[] };
      if (header.littleEndian !== LITTLE_ENDIAN) return undefined;
      const base = 8 + headerLength;
      const fits = header.sections.every((entry) => entry.offset % 4 === 0 && base + entry.offset + entry.length <= bytes.byteLength
        && (entry.type !== 'i32' || entry.length % 4 === 0));
      return fits ? new PackedSections(bytes, base, new Map(header.sections.map((entry) => [entry.name, entry]))) : undefined;
    } catch {
      return undefined;
    }
  }

  int32(name: string): Int32Array {
    const entry = this.entry(name, 'i32');
    return new Int32Array(this.bytes.buffer, this.bytes.byteOffset + this.base + entry.offset, entry.length / 4);
  }

  uint8(name: string): Uint8Array {
    const entry = this.entry(name, 'u8');
    return new Uint8Array(this.bytes.buffer, this.bytes.byteOffset + this.base + entry.offset, entry.length);
  }

  /** A text section's bytes (UTF-8), to decode whole or in slices. */
  text(name: string): Buffer {
    const entry = this.entry(name, 'text');
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.base + entry.offset, entry.length);
  }

  private entry(name: string, type: SectionType): SectionEntry {
    const entry = this.entries.get(name);
    if (entry === undefined || entry.type !== type) throw new StoredViewDamaged(`section ${name} (${type}) is missing`);
    return entry;
  }
}

/** Every value is a valid index below `limit`. */
export function within(values: Int32Array, limit: number): boolean {
  for (const value of values) if (value < 0 || value >= limit) return false;
  return true;
}

/** A stored view that does not hold what its layout says: the caller analyses instead of answering from it. */
export class StoredViewDamaged extends Error {}
