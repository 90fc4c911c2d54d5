import { spawnSync } from 'node:child_process';
import { UsageError } from '../errors.js';

const MAX_BUFFER = 1024 * 1024 * 1024;

function spawnGit(cwd: string, args: string[], input?: string) {
  return spawnSync('git', args, { cwd, input, maxBuffer: MAX_BUFFER, stdio: ['pipe', 'pipe', 'pipe'] });
}

/**
 * Runs git in `cwd` to probe something (is this a work tree?); returns stdout, or undefined
 * when git exits non-zero. Anything whose failure would change a result uses `git` instead.
 */
export function tryGit(cwd: string, args: string[], input?: string): Buffer | undefined {
  const result = spawnGit(cwd, args, input);
  if (result.error !== undefined || result.status !== 0) return undefined;
  return result.stdout;
}

/**
 * Runs git in `cwd` and returns stdout. When git fails (a corrupt index, a missing object, a
 * broken ref) it is a UsageError with git's own message: a gate must never pass, nor a cleanup
 * go on, on what a failed git call left out.
 */
export function git(cwd: string, args: string[], what: string, options: { input?: string; silentFailure?: string } = {}): Buffer {
  const result = spawnGit(cwd, args, options.input);
  if (result.error !== undefined) throw new UsageError(`${what}: cannot run git (${result.error.message})`);
  if (result.status !== 0) {
    const reason = result.stderr.toString('utf8').split('\n').map((line) => line.trim()).find((line) => line !== '');
    // Some commands answer "no" with a bare exit code (merge-base without a common ancestor).
    if (reason === undefined && options.silentFailure !== undefined) throw new UsageError(`${what}: ${options.silentFailure}`);
    throw new UsageError(`${what}: \`git ${args.filter((arg) => arg !== '-z').join(' ')}\` failed: ${reason ?? `exit code ${result.status}`}`);
  }
  return result.stdout;
}

/** The top of the git work tree containing `dir`; a UsageError naming `option` outside git. */
export function requireWorkTree(dir: string, option: string): string {
  const top = tryGit(dir, ['rev-parse', '--show-toplevel'])?.toString('utf8').trim();
  if (top === undefined || top === '') throw new UsageError(`${option}: ${dir} is not inside a git work tree`);
  return top;
}

/**
 * The work tree's top, the prefix of `dir` in it and HEAD's commit (undefined before the first
 * commit), with one git process where the usual case allows (a work tree with commits: each
 * spawn of git costs milliseconds, several per hook run); otherwise asked one by one, as
 * requireWorkTree and headCommit do (a UsageError naming `option` outside git).
 */
export function describeWorkTree(dir: string, option: string): { top: string; prefix?: string; head: string | undefined } {
  const result = spawnGit(dir, ['rev-parse', '--show-toplevel', '--show-prefix', '--verify', '--quiet', 'HEAD^{commit}']);
  const lines = result.error === undefined && result.status === 0 ? result.stdout.toString('utf8').split('\n') : [];
  // Three lines and the newline after them; a path with a newline in it is asked apart.
  if (lines.length === 4 && lines[0].trim() !== '' && /^[0-9a-f]{40,64}$/.test(lines[2].trim()) && lines[3] === '') {
    return { top: lines[0].trim(), prefix: lines[1].trim(), head: lines[2].trim() };
  }
  return { top: requireWorkTree(dir, option), head: headCommit(dir, option) };
}

/** The commit a ref names, or a UsageError for an unknown ref (or git's message when git fails). */
export function resolveCommit(dir: string, ref: string, option: string): string {
  const result = spawnGit(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (result.status === 1 && result.stderr.length === 0) throw new UsageError(`${option} ${ref}: unknown git ref`);
  return git(dir, ['rev-parse', '--verify', `${ref}^{commit}`], `${option} ${ref}`).toString('utf8').trim();
}

/**
 * HEAD's commit, or undefined before the first commit (HEAD names a branch that does not
 * exist yet). A HEAD that cannot be read for another reason is an error.
 */
function headCommit(dir: string, option: string): string | undefined {
  const head = tryGit(dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])?.toString('utf8').trim();
  if (head !== undefined && head !== '') return head;
  const branch = tryGit(dir, ['symbolic-ref', '--quiet', 'HEAD'])?.toString('utf8').trim();
  const unborn = branch !== undefined && branch !== '' && spawnGit(dir, ['show-ref', '--verify', '--quiet', branch]).status === 1;
  if (unborn) return undefined;
  return git(dir, ['rev-parse', '--verify', 'HEAD^{commit}'], option).toString('utf8').trim();
}

/**
 * Blob ids of the regular files in a tree (`git ls-tree`), by path relative to `dir`; `knownPrefix`
 * is `dir`'s place in the work tree when the caller has it (see describeWorkTree).
 */
export function listTree(dir: string, commit: string, option: string, knownPrefix?: string): Map<string, string> {
  const output = git(dir, ['ls-tree', '-r', '-z', '--full-tree', commit], option);
  const prefix = knownPrefix ?? git(dir, ['rev-parse', '--show-prefix'], option).toString('utf8').trim();
  const files = new Map<string, string>();
  for (const entry of output.toString('utf8').split('\0')) {
    const match = /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (match === null || match[1] === '120000' || match[1] === '160000') continue;
    if (!match[3].startsWith(prefix)) continue;
    files.set(match[3].slice(prefix.length), match[2]);
  }
  return files;
}

/** Blob ids of the files staged in the index (stage 0; for a conflict, "ours"), by path. */
export function listIndex(dir: string, option: string): Map<string, string> {
  const output = git(dir, ['ls-files', '-s', '-z'], option);
  const files = new Map<string, string>();
  for (const entry of output.toString('utf8').split('\0')) {
    const match = /^(\d+) ([0-9a-f]+) (\d)\t(.*)$/s.exec(entry);
    if (match === null || match[1] === '120000' || match[1] === '160000') continue;
    if (match[3] === '0' || match[3] === '2') files.set(match[4], match[2]);
  }
  return files;
}

/** The contents of blobs, by id (`git cat-file --batch`); a missing object is an error. */
export function readBlobs(dir: string, ids: readonly string[], option: string): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  if (ids.length === 0) return blobs;
  const output = git(dir, ['cat-file', '--batch'], option, { input: `${ids.join('\n')}\n` });
  let offset = 0;
  while (offset < output.length) {
    const headerEnd = output.indexOf(0x0a, offset);
    if (headerEnd === -1) break;
    const [id, type, size] = output.subarray(offset, headerEnd).toString('utf8').split(' ');
    if (type === 'missing' || size === undefined) throw new UsageError(`${option}: git object ${id} is missing: the repository is damaged (try \`git fsck\`)`);
    const length = Number(size);
    blobs.set(id, output.subarray(headerEnd + 1, headerEnd + 1 + length));
    offset = headerEnd + 1 + length + 1;
  }
  const lost = ids.find((id) => !blobs.has(id));
  if (lost !== undefined) throw new UsageError(`${option}: git did not return object ${lost}`);
  return blobs;
}
