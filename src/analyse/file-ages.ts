import { tryGit } from '../git/git.js';

/**
 * When each file was added to git (commit time, seconds), for telling the older of two copies
 * apart: `git log --diff-filter=A` over just the files asked about, read once per run and only
 * when a rule asks. A file git does not have (new, untracked, or no git at all) is absent: the
 * newest. `--no-renames`: a moved file counts as added where it now is; the newest add wins
 * for a path deleted and added again (that is the copy that exists now).
 */
export function gitFileAges(root: string, notices: string[]): (paths: readonly string[]) => ReadonlyMap<string, number> {
  return (paths) => {
    const ages = new Map<string, number>();
    if (paths.length === 0 || tryGit(root, ['rev-parse', '--is-inside-work-tree']) === undefined) return ages;
    const output = tryGit(root, ['-c', 'core.quotePath=off', 'log', '--relative', '--no-renames', '--diff-filter=A', '--format=@%ct', '--name-only', '--', ...paths]);
    if (output === undefined) {
      notices.push('duplicate-implementation: could not read when files were added from git; copies are ordered by path.');
      return ages;
    }
    let time: number | undefined;
    for (const line of output.toString('utf8').split('\n')) {
      if (line.startsWith('@')) time = Number(line.slice(1));
      else if (line !== '' && time !== undefined && !ages.has(line)) ages.set(line, time);
    }
    return ages;
  };
}
