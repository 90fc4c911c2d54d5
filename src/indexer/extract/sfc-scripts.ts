/** Single-file components whose script blocks hold TypeScript or JavaScript. */
export const COMPONENT_FILE = /\.(?:vue|svelte|astro)$/;

const SCRIPT_BLOCK = /(<script\b[^>]*>)([\s\S]*?)<\/script\s*>/gi;

/**
 * The code of a `.vue`, `.svelte` or `.astro` file as one TypeScript text: its `<script>` blocks
 * (and an Astro file's `---` frontmatter) at their own offsets, everything else blanked out, so
 * lines and columns of the facts are those of the component file.
 */
export function componentScriptText(text: string): { code: string; tsx: boolean } {
  // UTF-16 units, like the parser's offsets; line breaks stay so lines and columns match.
  const code: string[] = text.split('').map((character) => (character === '\n' || character === '\r' ? character : ' '));
  let tsx = false;
  const keep = (start: number, end: number) => {
    for (let index = start; index < end; index += 1) code[index] = text[index];
  };
  const frontmatter = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (frontmatter !== null) {
    const start = frontmatter[0].indexOf('\n') + 1;
    keep(start, start + frontmatter[1].length);
  }
  for (const match of text.matchAll(SCRIPT_BLOCK)) {
    // Only code: JSON, templates and other script types are not modules of the program.
    const type = /\btype\s*=\s*["']([^"']+)["']/i.exec(match[1])?.[1];
    if (type !== undefined && !/^(?:module|text\/javascript|application\/javascript|text\/typescript)$/i.test(type)) continue;
    if (/\blang\s*=\s*["']tsx["']/i.test(match[1])) tsx = true;
    const start = (match.index ?? 0) + match[1].length;
    keep(start, start + match[2].length);
  }
  return { code: code.join(''), tsx };
}

/** Ember/Glimmer template-tag components: JavaScript or TypeScript with `<template>` blocks. */
export const TEMPLATE_TAG_FILE = /\.g[jt]s$/;

const TEMPLATE_BLOCK = /<template\b[^>]*>[\s\S]*?<\/template\s*>/g;

/**
 * The code of a `.gts`/`.gjs` file with its `<template>` blocks blanked out (lines and columns
 * kept). A template at the start of a line outside any class is the module's default export
 * (a template-only component).
 */
export function templateTagScriptText(text: string): { code: string; hasTopLevelTemplate: boolean } {
  let hasTopLevelTemplate = false;
  const code = text.replace(TEMPLATE_BLOCK, (block, offset: number) => {
    if (offset === 0 || text[offset - 1] === '\n') hasTopLevelTemplate = true;
    return block.replace(/[^\r\n]/g, ' ');
  });
  return { code, hasTopLevelTemplate };
}
