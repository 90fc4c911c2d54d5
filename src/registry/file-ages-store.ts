import type { RegistryDatabase } from './open-registry.js';

/**
 * When files were added to git, as `git log --diff-filter=A` answered at one HEAD (table
 * `file_ages`): a commit time in seconds, or null for a file HEAD's history never added.
 * Rows read at another HEAD are stale and dropped.
 */
export function loadFileAges(registry: RegistryDatabase, head: string, paths: readonly string[]): Map<string, number | null> {
  // One query for the HEAD's rows, not one per path.
  const rows = registry.prepare('SELECT path, added_at AS addedAt FROM file_ages WHERE head = ?').all(head) as Array<{ path: string; addedAt: number | null }>;
  const stored = new Map(rows.map((row) => [row.path, row.addedAt]));
  const found = new Map<string, number | null>();
  for (const path of paths) if (stored.has(path)) found.set(path, stored.get(path) ?? null);
  return found;
}

export function storeFileAges(registry: RegistryDatabase, head: string, ages: ReadonlyMap<string, number | null>): void {
  const insert = registry.prepare('INSERT OR REPLACE INTO file_ages (path, head, added_at) VALUES (?, ?, ?)');
  registry.transaction(() => {
    registry.prepare('DELETE FROM file_ages WHERE head != ?').run(head);
    for (const [path, addedAt] of ages) insert.run(path, head, addedAt);
  })();
}
