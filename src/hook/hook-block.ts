import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';

export const BLOCK_START = '# >>> orch-guard pre-commit >>>';
export const BLOCK_END = '# <<< orch-guard pre-commit <<<';
/** Marks a hook file that `hook install` created: uninstall deletes it rather than leave a husk. */
export const CREATED_MARK = ' (orch-guard created this file)';

/**
 * Our lines (from BLOCK_START to BLOCK_END) at the end of `text`. Exactly undone by withoutBlock:
 * a text without a final newline gets one before the block and none after, so removing the
 * block gives back the same bytes.
 */
export function appendBlock(text: string, lines: readonly string[]): string {
  const block = lines.join('\n');
  if (text === '') return `${block}\n`;
  return text.endsWith('\n') ? `${text}${block}\n` : `${text}\n${block}`;
}

/** Our lines inserted before line `index` of `text` (a line boundary), undone by withoutBlock. */
export function insertBlock(text: string, index: number, lines: readonly string[]): string {
  let offset = 0;
  for (let line = 0; line < index; line += 1) offset = text.indexOf('\n', offset) + 1;
  return `${text.slice(0, offset)}${lines.join('\n')}\n${text.slice(offset)}`;
}

/** Removes our block (and only it) from a text; undefined when there is none. */
export function withoutBlock(text: string): string | undefined {
  const start = text.indexOf(BLOCK_START);
  const end = text.indexOf(BLOCK_END, start);
  if (start === -1 || end === -1) return undefined;
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEnd = text.indexOf('\n', end);
  // A block at the very end without a final newline came with the newline before it.
  if (lineEnd === -1) return text.slice(0, Math.max(0, lineStart - 1));
  return text.slice(0, lineStart) + text.slice(lineEnd + 1);
}

/** Whether the block says `hook install` created the file. */
export function createdByUs(text: string): boolean {
  return text.includes(`${BLOCK_START}${CREATED_MARK}`);
}

/**
 * A hook or hook config file as text. One that is not valid UTF-8 is refused: decoding would
 * turn its other bytes into U+FFFD, and writing it back would lose them.
 */
export function readHookFile(file: string, command: 'hook install' | 'hook uninstall', yourself: string): string {
  const bytes = readFileSync(file);
  if (!isUtf8(bytes)) throw new UsageError(`${command}: ${file} is not valid UTF-8, so orch-guard will not rewrite it (its other bytes would change); ${yourself}`);
  return bytes.toString('utf8');
}
