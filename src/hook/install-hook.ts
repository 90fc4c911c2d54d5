import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';
import { requireWorkTree } from '../git/git.js';
import { BLOCK_END, BLOCK_START, preCommitCommand, withoutBlock } from './hook-script.js';
import { detectHookManager, type HookManager } from './hook-managers.js';

export interface HookChange {
  manager: HookManager['kind'];
  file: string;
  changed: boolean;
  hint?: string;
}

/**
 * `hook install`: adds `orch-guard validate --staged` to the project's pre-commit hook.
 * Idempotent; it never replaces a hook it did not write: it adds a marked block (or, in
 * package.json, a marked command) that `hook uninstall` removes exactly.
 */
export function installHook(root: string, binFile: string): HookChange {
  const workTree = requireWorkTree(root, 'hook install');
  const manager = detectHookManager(workTree, path.resolve(root));
  const command = preCommitCommand(workTree, path.resolve(root), binFile);
  switch (manager.kind) {
    case 'git':
    case 'husky':
      return { manager: manager.kind, file: manager.file, changed: installInShellHook(manager.file, command, manager.kind === 'git') };
    case 'lefthook':
      return { manager: 'lefthook', file: manager.file, changed: installInLefthook(manager.file, command) };
    case 'simple-git-hooks':
      return {
        manager: 'simple-git-hooks',
        file: manager.file,
        changed: installInSimpleGitHooks(manager.file, command),
        hint: 'run `npx simple-git-hooks` to apply the updated hooks',
      };
  }
}

export function uninstallHook(root: string): HookChange {
  const workTree = requireWorkTree(root, 'hook uninstall');
  const manager = detectHookManager(workTree, path.resolve(root));
  if (!existsSync(manager.file)) return { manager: manager.kind, file: manager.file, changed: false };
  const text = readFileSync(manager.file, 'utf8');
  if (manager.kind === 'simple-git-hooks') {
    return { manager: manager.kind, file: manager.file, changed: uninstallFromSimpleGitHooks(manager.file, text), hint: 'run `npx simple-git-hooks` to apply the updated hooks' };
  }
  const remaining = withoutBlock(text);
  if (remaining === undefined) return { manager: manager.kind, file: manager.file, changed: false };
  if (manager.kind !== 'lefthook' && /^(#![^\n]*\n)?\s*$/.test(remaining)) rmSync(manager.file);
  else writeFileAtomic(manager.file, remaining);
  return { manager: manager.kind, file: manager.file, changed: true };
}

const SHELL = /^#!\s*(?:\/usr\/bin\/env\s+)?(?:\/bin\/|\/usr\/bin\/)?(?:sh|bash|zsh|dash|ksh)\b/;

function installInShellHook(file: string, command: string, needsShebang: boolean): boolean {
  const block = `${BLOCK_START}\n${command} || exit 1\n${BLOCK_END}\n`;
  if (!existsSync(file)) {
    writeFileAtomic(file, `${needsShebang ? '#!/bin/sh\n' : ''}${block}`);
    chmodSync(file, 0o755);
    return true;
  }
  const text = readFileSync(file, 'utf8');
  const current = withoutBlock(text);
  if (current !== undefined) {
    if (text.includes(block)) return false;
    writeFileAtomic(file, insertBeforeFinalExit(current, block));
    return true;
  }
  if (text.startsWith('#!') && !SHELL.test(text)) {
    throw new UsageError(`hook install: ${file} is not a shell script; orch-guard will not edit it. Add \`${command}\` to it yourself`);
  }
  writeFileAtomic(file, insertBeforeFinalExit(text, block));
  chmodSync(file, 0o755);
  return true;
}

/** A hook that ends with `exit 0` would never reach a block appended after it. */
function insertBeforeFinalExit(text: string, block: string): string {
  const lines = text.replace(/\n*$/, '\n').split('\n');
  let last = lines.length - 1;
  while (last >= 0 && lines[last].trim() === '') last -= 1;
  if (last >= 0 && /^exit\b/.test(lines[last].trim())) {
    return [...lines.slice(0, last), block.trimEnd(), ...lines.slice(last)].join('\n');
  }
  return `${lines.join('\n').replace(/\n*$/, '\n')}${block}`;
}

function installInLefthook(file: string, command: string): boolean {
  const text = readFileSync(file, 'utf8');
  if (text.includes(BLOCK_START) && text.includes(command)) return false;
  const base = withoutBlock(text) ?? text;
  const lines = base.split('\n');
  const hookLine = lines.findIndex((line) => /^pre-commit:\s*(#.*)?$/.test(line));
  let updated: string[];
  if (hookLine === -1) {
    updated = [...lines.join('\n').replace(/\n*$/, '').split('\n'), BLOCK_START, 'pre-commit:', '  commands:', '    orch-guard:', `      run: ${command}`, BLOCK_END, ''];
  } else {
    const commandsLine = lines.findIndex((line, index) => index > hookLine && /^\s+commands:\s*(#.*)?$/.test(line)
      && !lines.slice(hookLine + 1, index).some((between) => /^\S/.test(between)));
    const ours = (indent: string) => [`${indent}${BLOCK_START}`, `${indent}orch-guard:`, `${indent}  run: ${command}`, `${indent}${BLOCK_END}`];
    if (commandsLine === -1) {
      updated = [...lines.slice(0, hookLine + 1), '  commands:', ...ours('    '), ...lines.slice(hookLine + 1)];
    } else {
      const indent = `${/^(\s*)/.exec(lines[commandsLine])?.[1] ?? '  '}  `;
      updated = [...lines.slice(0, commandsLine + 1), ...ours(indent), ...lines.slice(commandsLine + 1)];
    }
  }
  writeFileAtomic(file, updated.join('\n'));
  return true;
}

const MARKED_COMMAND = (command: string) => `${command} # orch-guard`;

function installInSimpleGitHooks(file: string, command: string): boolean {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const isPackageJson = path.basename(file) === 'package.json';
  const hooks = (isPackageJson ? (manifest['simple-git-hooks'] ??= {}) : manifest) as Record<string, string>;
  const ours = MARKED_COMMAND(command);
  const existing = hooks['pre-commit'];
  if (existing?.includes('# orch-guard')) return false;
  // A trailing `# orch-guard` comment marks our command; it must stay last on the line.
  hooks['pre-commit'] = existing === undefined || existing.trim() === '' ? ours : `${existing} && ${ours}`;
  writeFileAtomic(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return true;
}

function uninstallFromSimpleGitHooks(file: string, text: string): boolean {
  const manifest = JSON.parse(text) as Record<string, unknown>;
  const isPackageJson = path.basename(file) === 'package.json';
  const hooks = (isPackageJson ? manifest['simple-git-hooks'] : manifest) as Record<string, string> | undefined;
  const existing = hooks?.['pre-commit'];
  if (hooks === undefined || existing === undefined || !existing.includes('# orch-guard')) return false;
  const remaining = existing.replace(/(?:\s*&&\s*)?[^&]*# orch-guard$/, '').trim();
  if (remaining === '') delete hooks['pre-commit'];
  else hooks['pre-commit'] = remaining;
  if (isPackageJson && Object.keys(hooks).length === 0) delete manifest['simple-git-hooks'];
  writeFileAtomic(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return true;
}
