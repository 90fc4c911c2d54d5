import { gitBlobId } from '../files/blob-id.js';
import { readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { TypeScriptApi } from '../typescript/typescript-api.js';
import { extractFileFacts } from './extract/extract-file-facts.js';
import { skippedFileFacts } from './skipped-file-facts.js';

export interface ParseJob {
  path: string;
  absolutePath: string;
  /** Content from git (a snapshot), instead of reading `absolutePath`. */
  content?: Uint8Array;
  size: number;
  /** Hash recorded in the registry, when the file was indexed before. */
  cachedHash?: string;
  maxFileSize: number;
}

export type ParseOutcome =
  | { path: string; status: 'parsed'; hash: string; factsJson: string; notice?: string; skipped?: boolean }
  | { path: string; status: 'unchanged'; hash: string }
  | { path: string; status: 'unreadable'; notice: string };

/** Reads, hashes and (when the content changed) extracts one file. Runs in workers too. */
export function parseFile(getTypeScript: () => TypeScriptApi, job: ParseJob): ParseOutcome {
  let buffer: Buffer;
  try {
    buffer = job.content !== undefined ? Buffer.from(job.content) : readFileSync(job.absolutePath);
  } catch (error) {
    return { path: job.path, status: 'unreadable', notice: `${job.path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'}), skipped` };
  }
  const hash = gitBlobId(buffer);
  if (hash === job.cachedHash) return { path: job.path, status: 'unchanged', hash };
  if (looksBinary(buffer)) {
    return { path: job.path, status: 'parsed', hash, factsJson: JSON.stringify(skippedFileFacts('binary', undefined)), notice: `${job.path}: binary file, skipped`, skipped: true };
  }
  const utf8 = isUtf8(buffer);
  const text = utf8 ? buffer.toString('utf8') : buffer.toString('latin1');
  if (buffer.length > job.maxFileSize) {
    const kb = Math.round(buffer.length / 1024);
    return {
      path: job.path,
      status: 'parsed',
      hash,
      factsJson: JSON.stringify(skippedFileFacts('too-large', text)),
      skipped: true,
      notice: `${job.path}: ${kb} KB is over the size limit (maxFileSizeKb), not parsed; its imports still count`,
    };
  }
  let facts;
  try {
    facts = extractFileFacts(getTypeScript(), job.path, text);
  } catch (error) {
    // An extractor bug must not end the run; the file's imports still count, conservatively.
    const message = error instanceof Error ? error.message : String(error);
    return {
      path: job.path,
      status: 'parsed',
      hash,
      factsJson: JSON.stringify(skippedFileFacts('extraction-failed', text)),
      skipped: true,
      notice: `${job.path}: could not be analysed (${message}); its imports still count`,
    };
  }
  return {
    path: job.path,
    status: 'parsed',
    hash,
    factsJson: JSON.stringify(facts),
    ...(utf8 ? {} : { notice: `${job.path}: not valid UTF-8, read as Latin-1` }),
  };
}

function looksBinary(buffer: Buffer): boolean {
  return buffer.subarray(0, 8000).includes(0);
}
