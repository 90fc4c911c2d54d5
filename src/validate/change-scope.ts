import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';
import { describeWorkTree, git, listIndex, listTree, readBlobs, resolveCommit } from '../git/git.js';
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
  const { head, prefix } = describeWorkTree(root, '--staged');
  const read = (ids: string[]) => readBlobs(root, ids, '--staged');
  const index = listIndex(root, '--staged');
  const base = head === undefined ? new Map<string, string>() : listTree(root, head, '--staged', prefix);
  return {
    option: '--staged',
    head: { kind: 'snapshot', label: 'the index', blobs: index, readBlobs: read },
    base: { kind: 'snapshot', label: 'HEAD', blobs: base, readBlobs: read },
    baseKey: contentKey(base),
    headKey: contentKey(index),
  };
}

/**
 * `--changed-since <ref>`: the working tree against the merge base of the ref and HEAD. No
 * merge base (unrelated histories) is an error, never a silent fallback to the ref itself.
 */
function changedSinceScope(root: string, ref: string): ChangeScope {
  const option = `--changed-since ${ref}`;
  const { head, prefix } = describeWorkTree(root, '--changed-since');
  const commit = resolveCommit(root, ref, '--changed-since');
  if (head === undefined) throw new UsageError(`${option}: HEAD has no commit yet, so there is nothing to compare with`);
  const mergeBase = git(root, ['merge-base', commit, head], option, { silentFailure: `${ref} and HEAD have no common ancestor (git merge-base found none)` }).toString('utf8').trim();
  const base = listTree(root, mergeBase, option, prefix);
  return {
    option: '--changed-since',
    head: { kind: 'working-tree' },
    base: { kind: 'snapshot', label: ref, blobs: base, readBlobs: (ids) => readBlobs(root, ids, option) },
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
