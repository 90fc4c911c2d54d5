import { closeSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { gitBlobId } from '../files/blob-id.js';
import { killPoint } from '../files/kill-point.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';

/**
 * The cleanups table as a journal. `pending`: recorded before the first write, possibly half
 * applied; `applied`: verified and committed; `rolled back`: restored in full (by the cleanup
 * itself, or when the registry was next opened after its process died); `interrupted`: rolled
 * back except files changed since; `undone` / `partially undone`: by `cleanup --undo`.
 */
export type CleanupStatus = 'pending' | 'applied' | 'rolled back' | 'interrupted' | 'undone' | 'partially undone';

/** Statuses after which a cleanup has nothing left to restore: its log goes. */
export const NOTHING_LEFT_TO_RESTORE: readonly CleanupStatus[] = ['undone', 'rolled back'];

/**
 * A second copy of each cleanup's journal, in a plain file beside the registry: every change
 * the registry records for a cleanup (cleanup-store.ts) is appended here first, synced. The
 * registry is a cache that users delete, and that orch-guard rebuilds when it is damaged; the
 * bytes a cleanup removed must outlive it. When the registry lacks a cleanup its log knows
 * (rebuilt, deleted, replaced), the log is replayed into it (recover-cleanup-logs.ts), so an
 * interrupted cleanup is still rolled back and an applied one can still be undone. A log goes
 * when its cleanup has nothing left to restore (undone, or rolled back).
 *
 * A record is one change to a cleanup's records, as the registry makes it.
 */
export type CleanupLogRecord =
  | { type: 'begin'; createdAt: string; root: string; files: LoggedFile[] }
  | { type: 'writes'; writes: Array<{ path: string; hash: string }> }
  | { type: 'commit'; changed: ReadonlyArray<{ path: string; afterHash: string | null; removed: string[] }>; summary: unknown }
  | { type: 'status'; status: CleanupStatus };

export interface LoggedFile {
  path: string;
  /** The bytes before the cleanup, base64. */
  content: string;
  mode: number;
  uid: number;
  gid: number;
  hash: string;
}

/** The folder of the logs of the registry at `registryFile`. */
export function cleanupLogDir(registryFile: string): string {
  return `${registryFile}-cleanups`;
}

/** The log of the cleanup started at `createdAt` on `root`: named by both, as the registry row knows them. */
export function cleanupLogFile(registryFile: string, createdAt: string, root: string): string {
  return path.join(cleanupLogDir(registryFile), `${createdAt.replace(/[^0-9A-Za-z]/g, '')}-${createHash('sha1').update(root).digest('hex').slice(0, 12)}.log`);
}

/** Creates the log with its first record (atomically: a log exists whole or not at all). */
export function startCleanupLog(file: string, record: Extract<CleanupLogRecord, { type: 'begin' }>): void {
  writeFileAtomic(file, line(record), { mode: 0o600 });
}

/** Appends a record, synced; a line a crash left torn is closed first, so only it is lost. */
export function appendCleanupLog(file: string, record: CleanupLogRecord): void {
  const fd = openSync(file, 'a');
  try {
    const size = fstatSync(fd).size;
    const last = Buffer.alloc(1);
    const reopened = openSync(file, 'r');
    try {
      if (size > 0) readSync(reopened, last, 0, 1, size - 1);
    } finally {
      closeSync(reopened);
    }
    const bytes = Buffer.from(`${size > 0 && last[0] !== 0x0a ? '\n' : ''}${line(record)}`, 'utf8');
    for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  killPoint(`cleanup log appended: ${record.type}`);
}

/**
 * The records of a log, each checked against its checksum; a damaged line (torn by a power
 * loss) is skipped. Undefined when the first record, which holds the files' bytes, is unusable.
 */
export function readCleanupLog(file: string): CleanupLogRecord[] | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const records: CleanupLogRecord[] = [];
  for (const entry of text.split('\n')) {
    const space = entry.indexOf(' ');
    if (space === -1 || checksum(entry.slice(space + 1)) !== entry.slice(0, space)) continue;
    try {
      records.push(JSON.parse(entry.slice(space + 1)) as CleanupLogRecord);
    } catch {
      continue;
    }
  }
  return records[0]?.type === 'begin' ? records : undefined;
}

/** The bytes the log saved for each file (keyed by path and git blob id), those that still match their id. */
export function savedContents(file: string | undefined): Map<string, Buffer> {
  const saved = new Map<string, Buffer>();
  const begin = file === undefined ? undefined : readCleanupLog(file)?.[0];
  if (begin?.type !== 'begin') return saved;
  for (const logged of begin.files) {
    const content = Buffer.from(logged.content, 'base64');
    if (gitBlobId(content) === logged.hash) saved.set(`${logged.path}\0${logged.hash}`, content);
  }
  return saved;
}

export function removeCleanupLog(file: string): void {
  rmSync(file, { force: true });
}

function line(record: CleanupLogRecord): string {
  const json = JSON.stringify(record);
  return `${checksum(json)} ${json}\n`;
}

function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
