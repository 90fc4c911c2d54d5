import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { killPoint } from '../files/kill-point.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';
import { landingPath, realPathOutside } from '../files/path-inside.js';
import { git, requireWorkTree } from '../git/git.js';
import { installInLefthook, installInSimpleGitHooks, uninstallFromSimpleGitHooks } from './hook-config-files.js';
import { appendBlock, BLOCK_END, BLOCK_START, CREATED_MARK, createdByUs, insertBlock, readHookFile, withoutBlock } from './hook-block.js';
import { detectHookManager, type HookManager, huskyWarning, isSharedHookFile } from './hook-managers.js';
import { preCommitCommand } from './hook-script.js';

export interface HookChange {
  manager: HookManager['kind'];
  file: string;
  changed: boolean;
  hint?: string;
  /** What may keep the hook from running, for the user to fix. */
  warnings: string[];
}

/**
 * `hook install`: adds `orch-guard validate --staged` to the project's pre-commit hook.
 * Idempotent; it never replaces a hook it did not write: it adds a marked block (or, in
 * package.json, a marked command) that `hook uninstall` removes exactly, byte for byte. The
 * file keeps its mode, and a symlinked hook stays a symlink.
 */
export function installHook(root: string, binFile: string): HookChange {
  const workTree = requireWorkTree(root, 'hook install');
  const manager = detectHookManager(workTree, path.resolve(root));
  if (isOutsideRepository(manager.file, workTree, root)) {
    throw new UsageError(manager.kind === 'git' && isOutsideRepository(path.dirname(manager.file), workTree, root)
      ? `hook install: git's hooks folder (core.hooksPath) is ${hooksFolderShown(path.dirname(manager.file))}, outside this repository, so other repositories use it too; orch-guard will not edit it. Add \`orch-guard validate --staged\` to ${manager.file} yourself`
      : `hook install: ${manager.file} leads outside this repository (a symlink); orch-guard will not edit it. Add \`orch-guard validate --staged\` to it yourself`);
  }
  refuseOddHookPath(manager.file);
  const shared = isSharedHookFile(manager, path.resolve(root));
  const { command, installed } = preCommitCommand(workTree, path.resolve(root), binFile, shared);
  const warnings: string[] = [];
  const husky = huskyWarning(manager, workTree);
  if (husky !== undefined) warnings.push(husky);
  if (shared && !installed) {
    warnings.push(`orch-guard is not installed in this project, and the shared hook runs \`${command.split(' validate')[0]}\`: add it as a dev dependency (npm install --save-dev orch-guard), or commits will fail`);
  }
  const base = { manager: manager.kind, file: manager.file, warnings };
  switch (manager.kind) {
    case 'git':
    case 'husky':
      return { ...base, changed: installInShellHook(manager.file, command, manager.kind === 'git', warnings) };
    case 'lefthook':
      return { ...base, changed: installInLefthook(manager.file, command) };
    case 'simple-git-hooks':
      return { ...base, changed: installInSimpleGitHooks(manager.file, command), hint: 'run `npx simple-git-hooks` to apply the updated hooks' };
  }
}

export function uninstallHook(root: string): HookChange {
  const workTree = requireWorkTree(root, 'hook uninstall');
  const manager = detectHookManager(workTree, path.resolve(root));
  const base = { manager: manager.kind, file: manager.file, warnings: [] };
  if (!existsSync(manager.file)) return { ...base, changed: false };
  // Nothing of ours in it (whatever its encoding): nothing to remove, nothing to refuse.
  const bytes = readFileSync(manager.file);
  if (!bytes.includes(BLOCK_START) && !bytes.includes('# orch-guard')) return { ...base, changed: false };
  if (isOutsideRepository(manager.file, workTree, root)) {
    throw new UsageError(`hook uninstall: ${manager.file} leads outside this repository; orch-guard will not edit it. Remove the orch-guard block from it yourself`);
  }
  const text = readHookFile(manager.file, 'hook uninstall', 'remove the orch-guard block from it yourself');
  if (manager.kind === 'simple-git-hooks') {
    return { ...base, changed: uninstallFromSimpleGitHooks(manager.file, text), hint: 'run `npx simple-git-hooks` to apply the updated hooks' };
  }
  const remaining = withoutBlock(text);
  if (remaining === undefined) return { ...base, changed: false };
  // Only a file hook install created goes away; any other keeps its own bytes.
  // A symlinked hook stays a link: the file it leads to goes (hook install created it).
  if (manager.kind !== 'lefthook' && createdByUs(text) && /^(#![^\n]*\n)?\s*$/.test(remaining)) {
    rmSync(landingPath(manager.file));
    killPoint(`deleted: ${manager.file}`);
  } else writeFileAtomic(manager.file, remaining);
  return { ...base, changed: true };
}

/** The hooks folder, and where it really is when a symlink leads elsewhere. */
function hooksFolderShown(dir: string): string {
  const real = landingPath(dir);
  return real === dir ? dir : `${dir} (a symlink to ${real})`;
}

/**
 * A hooks folder that is a file, or a hook that is a folder: not something to add a line to,
 * and never replaced. Said in one line (it was an internal error, ENOTDIR or EISDIR).
 */
function refuseOddHookPath(file: string): void {
  const fix = `Add \`orch-guard validate --staged\` to your pre-commit hook yourself`;
  for (let dir = path.dirname(file); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const kind = fileKind(dir);
    if (kind === 'directory') break;
    if (kind !== 'missing') throw new UsageError(`hook install: ${dir} is a file, not a folder, so the hook ${file} cannot be written; orch-guard will not replace it. ${fix}`);
  }
  const kind = fileKind(file);
  if (kind !== 'missing' && kind !== 'file') throw new UsageError(`hook install: ${file} is a ${kind}, not a hook file; orch-guard will not replace it. ${fix}`);
}

function fileKind(file: string): 'missing' | 'file' | 'directory' | 'special file' {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) return 'missing';
  return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'special file';
}

/** A hook file in neither the work tree nor the repository's git folder: a hooks folder other repositories share. */
function isOutsideRepository(file: string, workTree: string, root: string): boolean {
  const gitDir = git(root, ['rev-parse', '--path-format=absolute', '--git-common-dir'], 'hook').toString('utf8').trim();
  // Judged by real paths (symlinks followed), a folder that does not exist yet by the one above it.
  return [workTree, gitDir].every((dir) => realPathOutside(dir, path.relative(dir, file)) !== undefined);
}

const SHELL = /^#!\s*(?:\/usr\/bin\/env\s+)?(?:\/bin\/|\/usr\/bin\/)?(?:sh|bash|zsh|dash|ksh)\b/;

function installInShellHook(file: string, command: string, gitHook: boolean, warnings: string[]): boolean {
  const lines = (created: boolean) => [`${BLOCK_START}${created ? CREATED_MARK : ''}`, `${command} || exit 1`, BLOCK_END];
  if (!existsSync(file)) {
    writeFileAtomic(file, `${gitHook ? '#!/bin/sh\n' : ''}${lines(true).join('\n')}\n`, { mode: 0o755 });
    return true;
  }
  const text = readHookFile(file, 'hook install', `add \`${command}\` to it yourself`);
  const current = withoutBlock(text);
  if (current !== undefined && text.includes(lines(createdByUs(text)).join('\n'))) return false;
  const own = current ?? text;
  if (own.startsWith('#!') && !SHELL.test(own)) {
    throw new UsageError(`hook install: ${file} is not a shell script; orch-guard will not edit it. Add \`${command}\` to it yourself`);
  }
  writeFileAtomic(file, withBlock(own, lines(current !== undefined && createdByUs(text)), file, command));
  if (gitHook && (statSync(file).mode & 0o111) === 0) {
    warnings.push(`${file} is not executable, so git does not run it (nor orch-guard's block in it); orch-guard left its mode alone: \`chmod +x ${file}\` to enable it`);
  }
  return true;
}

/**
 * The hook with our block where it will run: before an `exec` that replaces the shell (or a
 * final `exit`), else at the end. An `exec` orch-guard cannot place itself before (inside a
 * block) is refused.
 */
function withBlock(text: string, block: readonly string[], file: string, command: string): string {
  const lines = text.split('\n');
  const replacesShell = (line: string) => /^exec\s+(?![<>&\d])\S/.test(line);
  const topLevelExec = lines.findIndex(replacesShell);
  if (topLevelExec !== -1) return insertBlock(text, topLevelExec, block);
  if (lines.some((line) => replacesShell(line.trim()))) {
    throw new UsageError(`hook install: ${file} runs \`exec\` inside a block, so a command added at its end would never run; add \`${command}\` before that \`exec\` yourself`);
  }
  let last = lines.length - 1;
  while (last >= 0 && lines[last].trim() === '') last -= 1;
  if (last >= 0 && /^exit\b/.test(lines[last].trim())) return insertBlock(text, last, block);
  return appendBlock(text, block);
}
