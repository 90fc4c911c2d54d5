/** Markdown and MDX pages: frameworks compile them into components that may import code. */
export const MARKDOWN_FILE = /\.mdx?$/;

/** What a Markdown page contributes to the module graph. */
export interface MarkdownModule {
  /**
   * Its ESM statements (MDX `import`/`export` blocks) at their own lines and columns, every
   * other line empty, cut after the last statement: the body is never given to the parser.
   */
  code: string;
  /** Frontmatter `layout:` (Astro), a path or alias naming the component that wraps the page. */
  layout?: { specifier: string; line: number; column: number };
}

// An ESM statement, not prose that starts with the word: `import X from`, `import {`, `export const`.
const ESM_START = /(?:import\s*(?:["'{*]|type\s|[\w$]+\s*(?:,|from\b))|export\s+(?:const|let|var|function|async|class|default|type|interface|\{|\*))/y;
const BLANK_LINE = /\n[ \t]*\r?(?:\n|$)/g;
const LAYOUT = /^(layout\s*:\s*)(["']?)([^"'#\s][^"'#]*?)\2\s*(?:#.*)?$/m;

/**
 * Finds a Markdown file's ESM blocks and frontmatter layout as MDX does: a block starts with a
 * top-level `import`/`export` line outside code fences and runs to the next blank line. Cheap:
 * native regular expressions over the text, so thousands of pages cost little.
 */
export function markdownModule(text: string): MarkdownModule {
  const front = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  const bodyStart = front === null ? 0 : front[0].length;
  const layout = front === null ? undefined : layoutOf(front);
  // indexOf, not a multiline regular expression: it is many times faster over a large docs tree.
  const candidates = [...lineStartsWith(text, 'import', bodyStart), ...lineStartsWith(text, 'export', bodyStart)].sort((a, b) => a - b);
  if (candidates.length === 0) return { code: '', ...(layout !== undefined ? { layout } : {}) };
  // Candidate lines outside code fences (one pass over both, in order) that read as ESM.
  const fenced = fencedRanges(text, bodyStart);
  const starts: number[] = [];
  let range = 0;
  for (const candidate of candidates) {
    while (range < fenced.length && fenced[range][1] <= candidate) range += 1;
    if (range < fenced.length && fenced[range][0] <= candidate) continue;
    ESM_START.lastIndex = candidate;
    if (ESM_START.test(text)) starts.push(candidate);
  }
  const parts: string[] = [];
  let line = 1;
  let position = 0;
  // The line the code has reached: empty lines up to each block keep its lines the page's.
  let codeLine = 1;
  let blockEnd = -1;
  for (const start of starts) {
    if (start < blockEnd) continue;
    line += countLines(text, position, start);
    position = start;
    BLANK_LINE.lastIndex = start;
    const blank = BLANK_LINE.exec(text);
    blockEnd = blank === null ? text.length : blank.index;
    const block = text.slice(start, blockEnd);
    parts.push('\n'.repeat(line - codeLine), block);
    codeLine = line + countLines(block, 0, block.length);
  }
  return { code: parts.join(''), ...(layout !== undefined ? { layout } : {}) };
}

function layoutOf(front: RegExpExecArray): MarkdownModule['layout'] {
  const match = LAYOUT.exec(front[1]);
  if (match === null) return undefined;
  const before = front[0].slice(0, front[0].indexOf(front[1]) + (match.index ?? 0));
  return { specifier: match[3].trim(), line: countLines(before, 0, before.length) + 1, column: match[1].length + match[2].length + 1 };
}

/** Offsets of the lines (from `from` on) that start with `word`. */
function lineStartsWith(text: string, word: string, from: number): number[] {
  const found: number[] = [];
  if (text.startsWith(word, from)) found.push(from);
  for (let index = text.indexOf(`\n${word}`, from); index !== -1; index = text.indexOf(`\n${word}`, index + 1)) found.push(index + 1);
  return found;
}

/** [start, end) offsets of fenced code blocks, where an `import` line is an example, not code. */
function fencedRanges(text: string, from: number): Array<[number, number]> {
  const fences: Array<{ at: number; char: string; length: number }> = [];
  for (const marker of ['```', '~~~']) {
    for (let index = text.indexOf(marker, from); index !== -1; index = text.indexOf(marker, index + 3)) {
      // At a line's start, after at most three spaces; its length is the run of the character.
      const lineStart = text.lastIndexOf('\n', index - 1) + 1;
      if (index - lineStart > 3 || text.slice(lineStart, index).trim() !== '') continue;
      let end = index;
      while (text[end] === marker[0]) end += 1;
      fences.push({ at: lineStart, char: marker[0], length: end - index });
      index = end - 3;
    }
  }
  fences.sort((a, b) => a.at - b.at);
  const ranges: Array<[number, number]> = [];
  let open: { at: number; char: string; length: number } | undefined;
  for (const fence of fences) {
    if (open === undefined) open = fence;
    else if (fence.char === open.char && fence.length >= open.length) {
      ranges.push([open.at, fence.at + fence.length]);
      open = undefined;
    }
  }
  if (open !== undefined) ranges.push([open.at, text.length]);
  return ranges;
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}
