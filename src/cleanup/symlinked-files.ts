import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { CleanupItem, KeptItem } from './plan-cleanup.js';

/**
 * Removals the cleanup must not make because of symlinks. The analysis sees a symlinked file
 * and the file it leads to as two modules, each with its own importers, so neither one's
 * "unused" can be trusted: editing the link edits its target, and removing from the target
 * removes what the link's importers use. A symlink itself may still be deleted (only the link
 * goes). Returns the items to keep, with the reason.
 */
export function symlinkedRemovals(root: string, files: readonly string[], items: readonly CleanupItem[]): KeptItem[] {
  if (items.length === 0) return [];
  const realRoot = realpathSync(root);
  const aliasOf = new Map<string, string>();
  const targets = new Map<string, string>();
  for (const file of files) {
    const real = realOf(path.join(root, file));
    if (real === undefined || real === path.join(realRoot, file)) continue;
    const target = path.relative(realRoot, real).split(path.sep).join('/');
    aliasOf.set(file, target);
    targets.set(target, file);
  }
  const kept: KeptItem[] = [];
  for (const item of items) {
    const target = aliasOf.get(item.file);
    if (target !== undefined && !(item.action === 'delete-file' && isOnlyTheLink(root, item.file))) {
      kept.push({ item, reason: `the file is a symlink to ${target}: removing from it would remove from that file` });
    } else if (targets.has(item.file)) {
      kept.push({ item, reason: `${targets.get(item.file)} is a symlink to this file, and the analysis sees them as two files` });
    }
  }
  return kept;
}

function realOf(absolute: string): string | undefined {
  try {
    return realpathSync(absolute);
  } catch {
    return undefined;
  }
}

/** Whether deleting `file` removes a symlink and nothing else (no symlinked folder on the way). */
function isOnlyTheLink(root: string, file: string): boolean {
  const absolute = path.join(root, file);
  return lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink() === true
    && realOf(path.dirname(absolute)) === path.join(realpathSync(root), path.dirname(file));
}
