import { createHash } from 'node:crypto';
import type { DiskRead } from '../files/disk-read-journal.js';
import type { RegistryDatabase } from './open-registry.js';

/** [path, size, mtimeMs, git blob id] of a project file as the stored view saw it. */
export type FileStamp = [string, number, number, string];

/** The stored query view (table `query_view`, one row: the latest only) and what it depended on. */
export interface StoredQueryView {
  key: string;
  fileStamps: FileStamp[];
  diskLookups: Array<[string, 'file' | 'dir' | 'none']>;
  notices: string[];
  /** The view as JSON, parsed only once the stamps hold. */
  viewJson: string;
}

/**
 * What loading the project read (see recordDiskReads) and said, under a key of what was given
 * to it: while the key matches and the reads hold, the project need not be loaded again.
 */
export interface ProjectStamp {
  key: string;
  reads: DiskRead[];
  notices: string[];
}

/** The stamp, or undefined when there is none or it is not one (damaged: the project is then loaded). */
export function readProjectStamp(registry: RegistryDatabase): ProjectStamp | undefined {
  const json = registry.prepare('SELECT project_stamp FROM query_view WHERE id = 1').pluck().get() as string | null | undefined;
  if (json === undefined || json === null) return undefined;
  let stamp: { body?: unknown; digest?: unknown };
  try {
    stamp = JSON.parse(json) as typeof stamp;
  } catch {
    return undefined;
  }
  // Checked whole: a damaged stamp that still parses must not vouch for a stale view.
  if (typeof stamp?.body !== 'string' || stamp.digest !== digestOf(stamp.body)) return undefined;
  return JSON.parse(stamp.body) as ProjectStamp;
}

function digestOf(body: string): string {
  return createHash('sha1').update(body).digest('hex');
}

/** Stamps the stored view (when there is one) with what loading the project read. */
export function writeProjectStamp(registry: RegistryDatabase, stamp: ProjectStamp): void {
  const body = JSON.stringify(stamp);
  registry.prepare('UPDATE query_view SET project_stamp = ? WHERE id = 1').run(JSON.stringify({ body, digest: digestOf(body) }));
}

/** The stored view's key and stamps, without its (large) view: enough to decide whether it holds. */
export function readQueryViewStamps(registry: RegistryDatabase): Omit<StoredQueryView, 'viewJson'> | undefined {
  const row = registry.prepare('SELECT key, file_stamps, disk_lookups, notices FROM query_view WHERE id = 1').get() as
    { key: string; file_stamps: string; disk_lookups: string; notices: string } | undefined;
  if (row === undefined) return undefined;
  return {
    key: row.key,
    fileStamps: JSON.parse(row.file_stamps) as FileStamp[],
    diskLookups: JSON.parse(row.disk_lookups) as StoredQueryView['diskLookups'],
    notices: JSON.parse(row.notices) as string[],
  };
}

export function readQueryViewJson(registry: RegistryDatabase): string | undefined {
  return (registry.prepare('SELECT view FROM query_view WHERE id = 1').pluck().get() as string | undefined);
}

export function writeQueryView(registry: RegistryDatabase, stored: StoredQueryView): void {
  // A new view drops the old project stamp: it is written again for this view.
  registry.prepare('INSERT OR REPLACE INTO query_view (id, key, file_stamps, disk_lookups, notices, view, project_stamp) VALUES (1, ?, ?, ?, ?, ?, NULL)')
    .run(stored.key, JSON.stringify(stored.fileStamps), JSON.stringify(stored.diskLookups), JSON.stringify(stored.notices), stored.viewJson);
}
