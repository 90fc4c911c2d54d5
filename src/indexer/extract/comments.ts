import type { SuppressionFact } from '../facts.js';

// Only comments that open a line count, so prose that quotes the syntax does not. fallow's
// comments of the same form (and mostly the same rule names) are honoured too: a project that
// moves from fallow keeps the exceptions it already decided on.
const SUPPRESSION = /^[ \t]*(?:\/\/|\/\*)[ \t]*(?:orch-guard|fallow)-ignore-(next-line|file)\b([^\n]*)/gm;

/**
 * Finds `// orch-guard-ignore-next-line [rule, rule] [-- reason]` comments (and
 * `orch-guard-ignore-file`, target line 0: the whole file; `fallow-ignore-*` alike). A rule list is optional (none
 * means every rule); text after `--` is a free-form reason.
 */
export function findSuppressions(text: string, lineOf: (offset: number) => { line: number; column: number }): SuppressionFact[] {
  const found: SuppressionFact[] = [];
  // Most files have none: one substring search instead of the pattern tried at every line.
  if (!text.includes('-ignore-')) return found;
  for (const match of text.matchAll(SUPPRESSION)) {
    let tail = match[2];
    const blockEnd = tail.indexOf('*/');
    if (blockEnd !== -1) tail = tail.slice(0, blockEnd);
    const reasonStart = tail.indexOf('--');
    if (reasonStart !== -1) tail = tail.slice(0, reasonStart);
    const rules = tail.split(/[\s,]+/).filter((rule) => /^[a-z][a-z0-9-]*$/.test(rule));
    const { line, column } = lineOf(match.index + match[0].search(/\S/));
    found.push({ line, column, targetLine: match[1] === 'file' ? 0 : line + 1, rules });
  }
  return found;
}

/** True when a JSDoc block in `commentText` carries `@internal`. */
export function hasInternalTag(commentText: string): boolean {
  return /\/\*\*[\s\S]*?@internal\b[\s\S]*?\*\//.test(commentText);
}

/**
 * True when a JSDoc block in `commentText` carries `@public`, or the release tags `@beta` and
 * `@alpha` (API Extractor, TSDoc): public API at an earlier stage, not code to remove.
 */
export function hasPublicTag(commentText: string): boolean {
  return /\/\*\*[\s\S]*?@(?:public|beta|alpha)\b[\s\S]*?\*\//.test(commentText);
}
