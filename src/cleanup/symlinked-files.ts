import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { CleanupItem, KeptItem } from './plan-cleanup.js';

/**
 * Removals the cleanup must not make because of symlinks or hard links. The analysis sees a symlinked file
 * and the file it leads to as two modules, each with its own importers, so neither one's
 * "unused" can be trusted: editing the link edits its target, and removing from the target
 * removes what the link's importers use. A symlink itself is not deleted either: the journal
 * keeps contents, so an undo could not bring it back as a link. Returns the items to keep, with
 * the reason.
 */
export function symlinkedRemovals(root: string, files: readonly string[], items: readonly CleanupItem[]): KeptItem[] {
  if (items.length === 0) return [];
  const realRoot = realpathSync(root);
  const aliasOf = new Map<string, string>();
  const targets = new Map<string, string>();
  // The items' own files too: the file list may leave links out (they are their targets' module).
  for (const file of new Set([...files, ...items.map((item) => item.file)])) {
    const real = realOf(path.join(root, file));
    if (real === undefined || real === path.join(realRoot, file)) continue;
    const target = path.relative(realRoot, real).split(path.sep).join('/');
    aliasOf.set(file, target);
    targets.set(target, file);
  }
  // A link the cleanup would delete is kept (the journal holds file contents, so an undo would
  // bring it back as a copy, not a link), and so is the file it leads to (deleting it would
  // leave the link dangling).
  const kept: KeptItem[] = [];
  for (const item of items) {
    const target = aliasOf.get(item.file);
    if (target !== undefined && item.action === 'delete-file' && isOnlyTheLink(root, item.file)) {
      // A link leading outside the root is refused outright when the cleanup writes (path-inside).
      if (target.startsWith('../') || path.isAbsolute(target)) continue;
      kept.push({ item, reason: `the file is a symlink to ${target}: cleanup does not delete links (an undo would bring back a copy, not the link); delete it yourself` });
    } else if (target !== undefined) {
      kept.push({ item, reason: `the file is a symlink to ${target}: removing from it would remove from that file` });
    } else if (targets.has(item.file)) {
      kept.push({ item, reason: `${targets.get(item.file)} is a symlink to this file: deleting or editing it would break the link` });
    } else if (hardLinks(path.join(root, item.file)) > 1) {
      kept.push({ item, reason: `the file has ${hardLinks(path.join(root, item.file))} hard links: cleanup writes a file by replacing it (and an undo brings back a copy), which would break them` });
    }
  }
  return kept;
}

function hardLinks(absolute: string): number {
  return lstatSync(absolute, { throwIfNoEntry: false })?.nlink ?? 1;
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
