import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

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
    let html: string;
    try {
      html = readFileSync(path.join(packageDir, name), 'utf8');
    } catch {
      continue;
    }
    for (const match of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)) {
      const src = match[1];
      if (/^(?:[a-z]+:)?\/\//i.test(src) || src.includes('%')) continue;
      targets.push({ page: name, target: src.startsWith('/') ? path.join(packageDir, src) : path.resolve(packageDir, src) });
    }
  }
  return targets;
}
