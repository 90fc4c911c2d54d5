import { spawnSync } from 'node:child_process';
import { UsageError } from '../errors.js';

const MAX_BUFFER = 1024 * 1024 * 1024;

/** Runs git in `cwd`; returns stdout, or undefined when git exits non-zero. */
export function tryGit(cwd: string, args: string[], input?: string): Buffer | undefined {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: MAX_BUFFER, stdio: ['pipe', 'pipe', 'pipe'] });
  if (result.error !== undefined || result.status !== 0) return undefined;
  return result.stdout;
}

/** The top of the git work tree containing `dir`; a UsageError naming `option` outside git. */
export function requireWorkTree(dir: string, option: string): string {
  const top = tryGit(dir, ['rev-parse', '--show-toplevel'])?.toString('utf8').trim();
  if (top === undefined || top === '') throw new UsageError(`${option}: ${dir} is not inside a git work tree`);
  return top;
}

/** The commit a ref names, or a UsageError for an unknown ref. */
export function resolveCommit(dir: string, ref: string, option: string): string {
  const commit = tryGit(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])?.toString('utf8').trim();
  if (commit === undefined || commit === '') throw new UsageError(`${option} ${ref}: unknown git ref`);
  return commit;
}

/** HEAD's commit, or undefined before the first commit. */
export function headCommit(dir: string): string | undefined {
  return tryGit(dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])?.toString('utf8').trim() || undefined;
}

/** Blob ids of the regular files in a tree (`git ls-tree`), by path relative to `dir`. */
export function listTree(dir: string, commit: string): Map<string, string> {
  const output = tryGit(dir, ['ls-tree', '-r', '-z', '--full-tree', commit]) ?? Buffer.alloc(0);
  const prefix = tryGit(dir, ['rev-parse', '--show-prefix'])?.toString('utf8').trim() ?? '';
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
export function listIndex(dir: string): Map<string, string> {
  const output = tryGit(dir, ['ls-files', '-s', '-z']) ?? Buffer.alloc(0);
  const files = new Map<string, string>();
  for (const entry of output.toString('utf8').split('\0')) {
    const match = /^(\d+) ([0-9a-f]+) (\d)\t(.*)$/s.exec(entry);
    if (match === null || match[1] === '120000' || match[1] === '160000') continue;
    if (match[3] === '0' || match[3] === '2') files.set(match[4], match[2]);
  }
  return files;
}

/** The contents of blobs, by id (`git cat-file --batch`). */
export function readBlobs(dir: string, ids: readonly string[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  if (ids.length === 0) return blobs;
  const output = tryGit(dir, ['cat-file', '--batch'], `${ids.join('\n')}\n`) ?? Buffer.alloc(0);
  let offset = 0;
  while (offset < output.length) {
    const headerEnd = output.indexOf(0x0a, offset);
    if (headerEnd === -1) break;
    const [id, type, size] = output.subarray(offset, headerEnd).toString('utf8').split(' ');
    if (type === 'missing' || size === undefined) {
      offset = headerEnd + 1;
      continue;
    }
    const length = Number(size);
    blobs.set(id, output.subarray(headerEnd + 1, headerEnd + 1 + length));
    offset = headerEnd + 1 + length + 1;
  }
  return blobs;
}
