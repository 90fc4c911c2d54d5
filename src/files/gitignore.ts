import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globToRegExp } from './glob.js';

interface IgnoreRule {
  regex: RegExp;
  negated: boolean;
  directoryOnly: boolean;
}

/**
 * The rules of one `.gitignore`, matched against paths relative to the directory that holds
 * it. Used only outside git repositories; inside one, git itself lists the files.
 */
export interface IgnoreFile {
  dir: string;
  rules: IgnoreRule[];
}

export function readIgnoreFile(dir: string): IgnoreFile | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  const rules = parseIgnoreRules(text);
  return rules.length === 0 ? undefined : { dir, rules };
}

function parseIgnoreRules(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    line = line.replace(/^\\([#!])/, '$1');
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const pattern = anchored ? line : `**/${line}`;
    rules.push({ regex: globToRegExp(pattern), negated, directoryOnly });
  }
  return rules;
}

/** Whether `absolutePath` is ignored by the stack of ignore files that apply to it. */
export function isIgnored(stack: readonly IgnoreFile[], absolutePath: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const file of stack) {
    const relative = path.relative(file.dir, absolutePath).split(path.sep).join('/');
    for (const rule of file.rules) {
      if (rule.directoryOnly && !isDirectory) continue;
      if (rule.negated === ignored && rule.regex.test(relative)) ignored = !rule.negated;
    }
  }
  return ignored;
}
