import { UsageError } from '../errors.js';
import { headCommit, listIndex, listTree, readBlobs, requireWorkTree, resolveCommit, tryGit } from '../git/git.js';
import type { ProjectSource } from '../project/load-project.js';

/** Two versions of the project: findings of `head` that `base` lacks are introduced. */
export interface ChangeScope {
  option: '--staged' | '--changed-since';
  head: ProjectSource;
  base: ProjectSource;
  /** Identifies the base content (a commit id), for caching its findings. */
  baseKey: string;
}

/**
 * `--staged`: the index as it would be committed (partially staged files included, unstaged
 * edits and untracked files left out) against HEAD (nothing, before the first commit).
 */
function stagedScope(root: string): ChangeScope {
  requireWorkTree(root, '--staged');
  const read = (ids: string[]) => readBlobs(root, ids);
  const head = headCommit(root);
  return {
    option: '--staged',
    head: { kind: 'snapshot', label: 'the index', blobs: listIndex(root), readBlobs: read },
    base: { kind: 'snapshot', label: 'HEAD', blobs: head === undefined ? new Map() : listTree(root, head), readBlobs: read },
    baseKey: head ?? 'empty',
  };
}

/** `--changed-since <ref>`: the working tree against the merge base of the ref and HEAD. */
function changedSinceScope(root: string, ref: string): ChangeScope {
  requireWorkTree(root, '--changed-since');
  const commit = resolveCommit(root, ref, '--changed-since');
  const head = headCommit(root);
  const mergeBase = head === undefined ? commit : tryGit(root, ['merge-base', commit, head])?.toString('utf8').trim() || commit;
  return {
    option: '--changed-since',
    head: { kind: 'working-tree' },
    base: { kind: 'snapshot', label: ref, blobs: listTree(root, mergeBase), readBlobs: (ids) => readBlobs(root, ids) },
    baseKey: mergeBase,
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
