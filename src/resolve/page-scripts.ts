import { readFileSync } from 'node:fs';

/** An HTML page: loaded by a browser or an Electron window, it runs the scripts it names. */
export const HTML_PAGE = /\.html?$/i;

/**
 * The local `src` of every `<script>` in an HTML page (classic and module scripts), as written:
 * relative to the page, or from the served folder when it starts with `/`. Remote URLs and
 * template placeholders (`%PUBLIC_URL%`) are left out; an unreadable page names nothing.
 */
export function pageScriptSources(page: string): string[] {
  let html: string;
  try {
    html = readFileSync(page, 'utf8');
  } catch {
    return [];
  }
  const sources: string[] = [];
  for (const match of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)) {
    const src = match[1];
    if (/^(?:[a-z]+:)?\/\//i.test(src) || src.includes('%')) continue;
    sources.push(src);
  }
  return sources;
}
