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
const ESM_START = /^(?:import\s*(?:["'{*]|type\s|[\w$]+\s*(?:,|from\b))|export\s+(?:const|let|var|function|async|class|default|type|interface|\{|\*))/;
const ESM_LINE = /^(?:import|export)\b/gm;
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/gm;
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
  const starts: number[] = [];
  ESM_LINE.lastIndex = bodyStart;
  for (let match = ESM_LINE.exec(text); match !== null; match = ESM_LINE.exec(text)) {
    if (ESM_START.test(text.slice(match.index, match.index + 200))) starts.push(match.index);
  }
  if (starts.length === 0) return { code: '', ...(layout !== undefined ? { layout } : {}) };
  const fenced = fencedRanges(text, bodyStart);
  const parts: string[] = [];
  let line = 1;
  let position = 0;
  // The line the code has reached: empty lines up to each block keep its lines the page's.
  let codeLine = 1;
  let blockEnd = -1;
  for (const start of starts) {
    if (start < blockEnd || fenced.some(([from, to]) => start >= from && start < to)) continue;
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

/** [start, end) offsets of fenced code blocks, where an `import` line is an example, not code. */
function fencedRanges(text: string, from: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let open: { start: number; fence: string } | undefined;
  FENCE_LINE.lastIndex = from;
  for (let match = FENCE_LINE.exec(text); match !== null; match = FENCE_LINE.exec(text)) {
    if (open === undefined) open = { start: match.index, fence: match[1] };
    else if (match[1][0] === open.fence[0] && match[1].length >= open.fence.length) {
      ranges.push([open.start, match.index + match[0].length]);
      open = undefined;
    }
  }
  if (open !== undefined) ranges.push([open.start, text.length]);
  return ranges;
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}
