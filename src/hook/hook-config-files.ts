import path from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';
import { appendBlock, BLOCK_END, BLOCK_START, insertBlock, readHookFile, withoutBlock } from './hook-block.js';

/** lefthook.yml: our command, between the block markers, under `pre-commit: commands:`. */
export function installInLefthook(file: string, command: string): boolean {
  const text = readHookFile(file, 'hook install', `add \`${command}\` to it yourself`);
  if (text.includes(BLOCK_START) && text.includes(`run: ${command}\n`)) return false;
  const base = withoutBlock(text) ?? text;
  const lines = base.split('\n');
  const hookLine = lines.findIndex((line) => /^pre-commit:\s*(#.*)?$/.test(line));
  let updated: string;
  if (hookLine === -1) {
    updated = appendBlock(base, [BLOCK_START, 'pre-commit:', '  commands:', '    orch-guard:', `      run: ${command}`, BLOCK_END]);
  } else {
    const commandsLine = lines.findIndex((line, index) => index > hookLine && /^\s+commands:\s*(#.*)?$/.test(line)
      && !lines.slice(hookLine + 1, index).some((between) => /^\S/.test(between)));
    if (commandsLine === -1) {
      updated = insertBlock(base, hookLine + 1, [`  ${BLOCK_START}`, '  commands:', '    orch-guard:', `      run: ${command}`, `  ${BLOCK_END}`]);
    } else {
      const indent = `${/^(\s*)/.exec(lines[commandsLine])?.[1] ?? '  '}  `;
      updated = insertBlock(base, commandsLine + 1, [`${indent}${BLOCK_START}`, `${indent}orch-guard:`, `${indent}  run: ${command}`, `${indent}${BLOCK_END}`]);
    }
  }
  writeFileAtomic(file, updated);
  return true;
}

const MARK = ' # orch-guard';

/** simple-git-hooks (package.json or .simple-git-hooks.json): our command, marked, after the project's own. */
export function installInSimpleGitHooks(file: string, command: string): boolean {
  const text = readHookFile(file, 'hook install', `add \`${command}\` to it yourself`);
  const manifest = parseManifest(file, text);
  const isPackageJson = path.basename(file) === 'package.json';
  const hooks = (isPackageJson ? (manifest['simple-git-hooks'] ??= {}) : manifest) as Record<string, string>;
  const existing = hooks['pre-commit'];
  if (existing?.includes(MARK)) return false;
  // A trailing `# orch-guard` comment marks our command; it must stay last on the line.
  hooks['pre-commit'] = existing === undefined || existing.trim() === '' ? `${command}${MARK}` : `${existing} && ${command}${MARK}`;
  writeFileAtomic(file, serialise(manifest, text));
  return true;
}

export function uninstallFromSimpleGitHooks(file: string, text: string): boolean {
  const manifest = parseManifest(file, text);
  const isPackageJson = path.basename(file) === 'package.json';
  const hooks = (isPackageJson ? manifest['simple-git-hooks'] : manifest) as Record<string, string> | undefined;
  const existing = hooks?.['pre-commit'];
  if (hooks === undefined || existing === undefined || !existing.includes(MARK)) return false;
  const remaining = existing.replace(/(?:\s*&&\s*)?[^&]*# orch-guard$/, '').trim();
  if (remaining === '') delete hooks['pre-commit'];
  else hooks['pre-commit'] = remaining;
  if (isPackageJson && Object.keys(hooks).length === 0) delete manifest['simple-git-hooks'];
  writeFileAtomic(file, serialise(manifest, text));
  return true;
}

function parseManifest(file: string, text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`hook: ${file} is not valid JSON (${(error as Error).message}); fix it first`);
  }
}

/** JSON in the file's own indentation, line breaks and final newline. */
function serialise(value: unknown, original: string): string {
  const indent = /^([ \t]+)"/m.exec(original)?.[1] ?? '  ';
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const json = JSON.stringify(value, null, indent).replace(/\n/g, eol);
  return /\r?\n$/.test(original) ? `${json}${eol}` : json;
}
