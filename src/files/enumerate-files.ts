import { spawnSync } from 'node:child_process';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { type IgnoreFile, isIgnored, readIgnoreFile } from './gitignore.js';

/** Directories never searched for project files, wherever they appear. */
const ALWAYS_SKIPPED_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', '.orch-guard', '.next', '.nuxt', '.output', '.svelte-kit',
  '.turbo', '.cache', '.yarn', '.pnpm-store', '.vercel', '.netlify', '.idea', '.vscode',
]);

/** Build output directories skipped when neither git nor a .gitignore says what to skip. */
const DEFAULT_OUTPUT_DIRS = ['dist', 'build', 'out', 'coverage'];

interface EnumerateOptions {
  root: string;
  /** Absolute directories whose contents are build output (tsconfig outDir and the like). */
  outputDirs: string[];
  /** Returns true for files that can be project files (by name). */
  accept: (relativePath: string) => boolean;
}

/**
 * Lists candidate project files as root-relative posix paths, sorted. Inside a git work tree
 * git decides what is ignored (`ls-files --cached --others --exclude-standard`); elsewhere the
 * walk reads `.gitignore` files itself and never follows a symlinked directory twice.
 */
export function enumerateFiles(options: EnumerateOptions): string[] {
  return selectProjectPaths(listWithGit(options.root) ?? walk(options.root), options);
}

/**
 * The candidate paths (from the disk or from a git tree) that are project files: accepted by
 * name, not in build output, not under node_modules and the like. Sorted, unique.
 */
export function selectProjectPaths(candidates: Iterable<string>, options: EnumerateOptions): string[] {
  const outputPrefixes = options.outputDirs
    .map((dir) => toPosix(path.relative(options.root, dir)))
    .filter((relative) => relative !== '' && !relative.startsWith('..'))
    .map((relative) => `${relative}/`);
  const files = [...candidates].filter((relative) => {
    if (!options.accept(relative)) return false;
    if (outputPrefixes.some((prefix) => relative.startsWith(prefix))) return false;
    return !relative.split('/').slice(0, -1).some((segment) => ALWAYS_SKIPPED_DIRS.has(segment));
  });
  return [...new Set(files)].sort();
}

function listWithGit(root: string): string[] | undefined {
  const result = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) return undefined;
  if (result.status !== 0) {
    // Outside git the walk decides; inside, a failing git (a corrupt index) must not quietly
    // turn into a walk that sees other files than git would.
    const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    if (inside.status !== 0 || inside.stdout.trim() !== 'true') return undefined;
    const reason = result.stderr.split('\n').map((line) => line.trim()).find((line) => line !== '') ?? `exit code ${result.status}`;
    throw new UsageError(`cannot list the project's files: \`git ls-files\` failed: ${reason}`);
  }
  // Deleted-but-tracked paths and submodule directories are dropped later, when files are read.
  return result.stdout.split('\0').filter((entry) => entry !== '');
}

function walk(root: string): string[] {
  const files: string[] = [];
  const visitedDirs = new Set<string>();
  const rootIgnore = readIgnoreFile(root);
  const fallbackOutputs = rootIgnore === undefined ? new Set(DEFAULT_OUTPUT_DIRS) : new Set<string>();

  const visit = (dir: string, relativeDir: string, ignoreStack: IgnoreFile[]) => {
    let realDir: string;
    try {
      realDir = realpathSync(dir);
    } catch {
      return;
    }
    if (visitedDirs.has(realDir)) return;
    visitedDirs.add(realDir);
    const own = relativeDir === '' ? rootIgnore : readIgnoreFile(dir);
    const stack = own === undefined ? ignoreStack : [...ignoreStack, own];
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = statSync(absolute, { throwIfNoEntry: false });
        if (target === undefined) continue;
        isDir = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDir) {
        if (ALWAYS_SKIPPED_DIRS.has(entry.name)) continue;
        if (relativeDir === '' && fallbackOutputs.has(entry.name)) continue;
        if (isIgnored(stack, absolute, true)) continue;
        visit(absolute, relative, stack);
      } else if (isFile && !isIgnored(stack, absolute, false)) {
        files.push(relative);
      }
    }
  };
  visit(root, '', []);
  return files;
}

function toPosix(value: string): string {
  return path.sep === '/' ? value : value.split(path.sep).join('/');
}
