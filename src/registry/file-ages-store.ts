import type { RegistryDatabase } from './open-registry.js';

/**
 * When files were added to git, as `git log --diff-filter=A` answered at one HEAD (table
 * `file_ages`): a commit time in seconds, or null for a file HEAD's history never added.
 * Rows read at another HEAD are stale and dropped.
 */
export function loadFileAges(registry: RegistryDatabase, head: string, paths: readonly string[]): Map<string, number | null> {
  const select = registry.prepare('SELECT added_at AS addedAt FROM file_ages WHERE path = ? AND head = ?');
  const found = new Map<string, number | null>();
  for (const path of paths) {
    const row = select.get(path, head) as { addedAt: number | null } | undefined;
    if (row !== undefined) found.set(path, row.addedAt);
  }
  return found;
}

export function storeFileAges(registry: RegistryDatabase, head: string, ages: ReadonlyMap<string, number | null>): void {
  const insert = registry.prepare('INSERT OR REPLACE INTO file_ages (path, head, added_at) VALUES (?, ?, ?)');
  registry.transaction(() => {
    registry.prepare('DELETE FROM file_ages WHERE head != ?').run(head);
    for (const [path, addedAt] of ages) insert.run(path, head, addedAt);
  })();
}
