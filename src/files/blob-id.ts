import { createHash } from 'node:crypto';

/**
 * Content hashes are git blob ids (`sha1("blob <size>\0" + content)`): facts cached from the
 * working tree are found again for the same content in HEAD or the index without reading it.
 * Its own module: freshness checks (queries, the knip cache, cleanup) need it without loading the parser.
 */
export function gitBlobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}
