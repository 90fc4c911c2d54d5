import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';
import { headCommit, listIndex, listTree, readBlobs, requireWorkTree, resolveCommit, tryGit } from '../git/git.js';
import type { ProjectSource } from '../project/load-project.js';

/** Two versions of the project: findings of `head` that `base` lacks are introduced. */
export interface ChangeScope {
  option: '--staged' | '--changed-since';
  head: ProjectSource;
  base: ProjectSource;
  /** Identifies the base content (a hash of its paths and blob ids), for caching its findings. */
  baseKey: string;
  /** The same for the head when it is a snapshot (the index): once committed, it is the next base. */
  headKey?: string;
}

/** A snapshot's content as a key: the same files with the same blobs give the same key, whatever the commit. */
function contentKey(blobs: ReadonlyMap<string, string>): string {
  const hash = createHash('sha1');
  for (const [file, blob] of [...blobs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(`${file}\0${blob}\n`);
  return hash.digest('hex');
}

/**
 * `--staged`: the index as it would be committed (partially staged files included, unstaged
 * edits and untracked files left out) against HEAD (nothing, before the first commit).
 */
function stagedScope(root: string): ChangeScope {
  requireWorkTree(root, '--staged');
  const read = (ids: string[]) => readBlobs(root, ids);
  const head = headCommit(root);
  const index = listIndex(root);
  const base = head === undefined ? new Map<string, string>() : listTree(root, head);
  return {
    option: '--staged',
    head: { kind: 'snapshot', label: 'the index', blobs: index, readBlobs: read },
    base: { kind: 'snapshot', label: 'HEAD', blobs: base, readBlobs: read },
    baseKey: contentKey(base),
    headKey: contentKey(index),
  };
}

/** `--changed-since <ref>`: the working tree against the merge base of the ref and HEAD. */
function changedSinceScope(root: string, ref: string): ChangeScope {
  requireWorkTree(root, '--changed-since');
  const commit = resolveCommit(root, ref, '--changed-since');
  const head = headCommit(root);
  const mergeBase = head === undefined ? commit : tryGit(root, ['merge-base', commit, head])?.toString('utf8').trim() || commit;
  const base = listTree(root, mergeBase);
  return {
    option: '--changed-since',
    head: { kind: 'working-tree' },
    base: { kind: 'snapshot', label: ref, blobs: base, readBlobs: (ids) => readBlobs(root, ids) },
    baseKey: contentKey(base),
  };
}

export function selectChangeScope(root: string, options: { staged?: boolean; changedSince?: string }): ChangeScope | undefined {
  if (options.staged === true && options.changedSince !== undefined) {
    throw new UsageError('--staged and --changed-since cannot be combined');
  }
  if (options.staged === true) return stagedScope(root);
  if (options.changedSince !== undefined) return changedSinceScope(root, options.changedSince);
  return undefined;
}
