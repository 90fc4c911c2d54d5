import { readFileSync } from 'node:fs';

/** An HTML page: loaded by a browser or an Electron window, it runs the scripts it names. */
export const HTML_PAGE = /\.html?$/i;

/**
 * The local `src` of every `<script>` in an HTML page (classic and module scripts), and the
 * relative imports of its inline module scripts, as written: relative to the page, or from the served folder when it starts with `/`. Remote URLs and
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
  const markup = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const match of markup.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)) sources.push(match[1]);
  // An inline module script's imports (`<script type="module">import './app.js';</script>`).
  for (const match of markup.matchAll(/<script\b[^>]*\btype\s*=\s*["']?module["']?[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const load of match[1].matchAll(/\b(?:from|import)\s*\(?\s*["']([^"'\n]+)["']/g)) if (/^\.{0,2}\//.test(load[1])) sources.push(load[1]);
  }
  return sources.filter((src) => !/^(?:[a-z]+:)?\/\//i.test(src) && !src.includes('%'));
}
