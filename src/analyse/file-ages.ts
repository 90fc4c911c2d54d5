import { tryGit } from '../git/git.js';
import { loadFileAges, storeFileAges } from '../registry/file-ages-store.js';
import type { RegistryDatabase } from '../registry/open-registry.js';

/**
 * When each file was added to git (commit time, seconds), for telling the older of two copies
 * apart: `git log --diff-filter=A` over just the files asked about, read once per run and only
 * when a rule asks. A file git does not have (new, untracked, or no git at all) is absent: the
 * newest. `--no-renames`: a moved file counts as added where it now is; the newest add wins
 * for a path deleted and added again (that is the copy that exists now).
 *
 * The log walks the whole history (seconds on a long one), and its answer for a file only
 * changes with HEAD: with a registry, answers are kept per HEAD and only files not asked
 * about at this HEAD are looked up.
 */
export function gitFileAges(root: string, notices: string[], registry?: RegistryDatabase): (paths: readonly string[]) => ReadonlyMap<string, number> {
  return (paths) => {
    if (paths.length === 0) return new Map();
    const found = workTreeHead(root);
    if (found === undefined) return new Map();
    const head = registry === undefined ? undefined : found.head;
    if (registry === undefined || head === undefined || head === '') return readAddedTimes(root, paths, notices) ?? new Map();
    const known = loadFileAges(registry, head, paths);
    const missing = paths.filter((path) => !known.has(path));
    if (missing.length > 0) {
      const read = readAddedTimes(root, missing, notices);
      if (read === undefined) return withoutUnknown(known);
      const answered = new Map<string, number | null>(missing.map((path) => [path, read.get(path) ?? null]));
      storeFileAges(registry, head, answered);
      for (const [path, time] of answered) known.set(path, time);
    }
    return withoutUnknown(known);
  };
}

/**
 * Whether `root` is in a git work tree, and its HEAD commit (undefined before the first
 * commit); undefined outside git. One git process in the usual case (a work tree with commits):
 * on a busy machine each spawn of this large process costs tens of milliseconds.
 */
function workTreeHead(root: string): { head: string | undefined } | undefined {
  const both = tryGit(root, ['rev-parse', '--is-inside-work-tree', '--verify', '--quiet', 'HEAD^{commit}'])?.toString('utf8').trim().split('\n');
  if (both !== undefined && both.length === 2 && both[1] !== '') return { head: both[1] };
  if (tryGit(root, ['rev-parse', '--is-inside-work-tree']) === undefined) return undefined;
  const head = tryGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])?.toString('utf8').trim();
  return { head: head === '' ? undefined : head };
}

/** The commit time each path was last added at in HEAD's history; undefined (with a notice) when git fails. */
function readAddedTimes(root: string, paths: readonly string[], notices: string[]): Map<string, number> | undefined {
  const output = tryGit(root, ['-c', 'core.quotePath=off', 'log', '--relative', '--no-renames', '--diff-filter=A', '--format=@%ct', '--name-only', '--', ...paths]);
  if (output === undefined) {
    notices.push('duplicate-implementation: could not read when files were added from git; copies are ordered by path.');
    return undefined;
  }
  const ages = new Map<string, number>();
  let time: number | undefined;
  for (const line of output.toString('utf8').split('\n')) {
    if (line.startsWith('@')) time = Number(line.slice(1));
    else if (line !== '' && time !== undefined && !ages.has(line)) ages.set(line, time);
  }
  return ages;
}

function withoutUnknown(ages: ReadonlyMap<string, number | null>): Map<string, number> {
  const known = new Map<string, number>();
  for (const [path, time] of ages) if (time !== null) known.set(path, time);
  return known;
}
