import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pageScriptSources } from '../../resolve/page-scripts.js';

/**
 * Scripts an HTML page at a package's top loads (`<script type="module" src="/src/main.tsx">`
 * in a Vite, Parcel or plain app's index.html), as absolute paths. A leading `/` is the
 * package's directory, as dev servers serve it.
 */
export function htmlScriptTargets(packageDir: string): Array<{ page: string; target: string }> {
  let names: string[];
  try {
    names = readdirSync(packageDir).filter((name) => name.endsWith('.html'));
  } catch {
    return [];
  }
  const targets: Array<{ page: string; target: string }> = [];
  for (const name of names.sort()) {
    for (const target of pageScriptTargets(path.join(packageDir, name), packageDir)) targets.push({ page: name, target });
  }
  return targets;
}

/**
 * The local scripts one HTML page loads, as absolute paths: a relative `src` from the page's
 * folder, a leading `/` from `servedDir` (the folder the dev server serves). An unreadable page loads nothing.
 */
export function pageScriptTargets(page: string, servedDir: string): string[] {
  return pageScriptSources(page).map((src) => (src.startsWith('/') ? path.join(servedDir, src) : path.resolve(path.dirname(page), src)));
}
