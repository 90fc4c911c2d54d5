import { createHash } from 'node:crypto';
import type { DiskRead } from '../files/disk-read-journal.js';

/**
 * What loading the project read (see recordDiskReads) and said, under a key of what was given
 * to it, kept beside a stored result (the query view, the validate result): while the key
 * matches and the reads hold, the project would load the same and need not be loaded.
 */
export interface ProjectStamp {
  key: string;
  reads: DiskRead[];
  notices: string[];
}

/** The stamp as stored: its JSON with a digest, so that a damaged stamp that still parses vouches for nothing. */
export function encodeStamp<T extends ProjectStamp>(stamp: T): string {
  const body = JSON.stringify(stamp);
  return JSON.stringify({ body, digest: digestOf(body) });
}

/** The stamp, or undefined when there is none or it is not one (damaged: the project is then loaded). */
export function decodeStamp<T extends ProjectStamp>(stored: string | null | undefined): T | undefined {
  if (stored === undefined || stored === null) return undefined;
  try {
    const { body, digest } = JSON.parse(stored) as { body?: unknown; digest?: unknown };
    return typeof body === 'string' && digest === digestOf(body) ? JSON.parse(body) as T : undefined;
  } catch {
    return undefined;
  }
}

function digestOf(body: string): string {
  return createHash('sha1').update(body).digest('hex');
}
