import { type CleanupItem, itemKey } from './plan-cleanup.js';

/**
 * Dead clusters: items joined when one is dead code that refers to another (from the
 * findings' referrers), or when one deletes the file the other edits. A cluster is restored or
 * kept as a whole.
 */
export function clusterItems(items: readonly CleanupItem[]): CleanupItem[][] {
  const parent = items.map((_, index) => index);
  const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index])));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const bySymbol = new Map<string, number>();
  const deletions = new Map<string, number>();
  items.forEach((item, index) => {
    bySymbol.set(`${item.file}#${item.name}`, index);
    if (item.action === 'delete-file') deletions.set(item.file, index);
  });
  items.forEach((item, index) => {
    const deletion = deletions.get(item.file);
    if (deletion !== undefined) union(index, deletion);
    for (const referrer of item.referrers) {
      const other = bySymbol.get(referrer) ?? deletions.get(referrer.replace(/ \(top level\)$/, '').replace(/#.*$/, ''));
      if (other !== undefined) union(index, other);
    }
  });
  const clusters = new Map<number, CleanupItem[]>();
  items.forEach((item, index) => clusters.set(find(index), [...(clusters.get(find(index)) ?? []), item]));
  return [...clusters.values()].sort((a, b) => itemKey(a[0]).localeCompare(itemKey(b[0])));
}

/**
 * The clusters that break verification, by bisection: clusters that pass together are
 * accepted; a failing half is split until single culprits remain. `passes` checks a set of
 * clusters applied on top of the accepted ones.
 */
export async function findCulprits(
  clusters: readonly CleanupItem[][],
  passes: (applied: readonly CleanupItem[][]) => Promise<boolean>,
): Promise<{ accepted: CleanupItem[][]; culprits: CleanupItem[][] }> {
  const accepted: CleanupItem[][] = [];
  const culprits: CleanupItem[][] = [];
  const search = async (candidates: readonly CleanupItem[][]): Promise<void> => {
    if (candidates.length === 0) return;
    if (await passes([...accepted, ...candidates])) {
      accepted.push(...candidates);
      return;
    }
    if (candidates.length === 1) {
      culprits.push(candidates[0]);
      return;
    }
    const middle = Math.ceil(candidates.length / 2);
    await search(candidates.slice(0, middle));
    await search(candidates.slice(middle));
  };
  await search(clusters);
  return { accepted, culprits };
}
