import type { RegistryDatabase } from './open-registry.js';
import { decodeStamp, encodeStamp, type ProjectStamp } from './project-stamp.js';

/**
 * [path, size, stat key, git blob id] of a project file as the stored view saw it. The stat key
 * (src/files/stat-key.ts) is null while the file was too recently changed to vouch for its
 * content; then the content is compared.
 */
export type FileStamp = [string, number, string | null, string];

/** The stored query view (table `query_view`, one row: the latest only) and what it depended on. */
export interface StoredQueryView {
  key: string;
  fileStamps: FileStamp[];
  diskLookups: Array<[string, 'file' | 'dir' | 'none']>;
  notices: string[];
  /** The view (src/query/stored-view.ts): its header, and its parts, each read only when a query needs it. */
  view: { header: string; parts: ReadonlyArray<readonly [string, Uint8Array]> };
}

export function readProjectStamp(registry: RegistryDatabase): ProjectStamp | undefined {
  return decodeStamp(registry.prepare('SELECT project_stamp FROM query_view WHERE id = 1').pluck().get() as string | null | undefined);
}

/** Stamps the stored view (when there is one) with what loading the project read. */
export function writeProjectStamp(registry: RegistryDatabase, stamp: ProjectStamp): void {
  registry.prepare('UPDATE query_view SET project_stamp = ? WHERE id = 1').run(encodeStamp(stamp));
}

/** The stored view's key and stamps, without its (large) view: enough to decide whether it holds. */
export function readQueryViewStamps(registry: RegistryDatabase): Omit<StoredQueryView, 'view'> | undefined {
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

/**
 * The stored view's header and a reader of its parts; undefined when there is none. Parts read
 * later come from the same view only within one read transaction (or all read at once).
 */
export function readStoredView(registry: RegistryDatabase): { header: string; part: (name: string) => Buffer | undefined } | undefined {
  const header = registry.prepare('SELECT view FROM query_view WHERE id = 1').pluck().get() as string | undefined;
  if (typeof header !== 'string') return undefined;
  const select = registry.prepare('SELECT bytes FROM query_view_parts WHERE name = ?').pluck();
  return { header, part: (name) => select.get(name) as Buffer | undefined };
}

export function writeQueryView(registry: RegistryDatabase, stored: StoredQueryView): void {
  const insertPart = registry.prepare('INSERT INTO query_view_parts (name, bytes) VALUES (?, ?)');
  registry.transaction(() => {
    // A new view drops the old project stamp: it is written again for this view.
    registry.prepare('INSERT OR REPLACE INTO query_view (id, key, file_stamps, disk_lookups, notices, view, project_stamp) VALUES (1, ?, ?, ?, ?, ?, NULL)')
      .run(stored.key, JSON.stringify(stored.fileStamps), JSON.stringify(stored.diskLookups), JSON.stringify(stored.notices), stored.view.header);
    registry.prepare('DELETE FROM query_view_parts').run();
    for (const [name, bytes] of stored.view.parts) insertPart.run(name, bytes);
  }).immediate();
}
