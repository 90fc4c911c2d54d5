import path from 'node:path';
import type { WorkspacePackage } from '../manifests/workspaces.js';
import type { ReadTexts } from './imported-markdown.js';

/** A first line that runs the file with a JavaScript runtime: `#!/usr/bin/env node`, `bun`, `tsx`, ... */
const JS_SHEBANG = /^#!.*\b(?:node|nodejs|bun|deno|tsx|ts-node|esno|esrun)\b/;

/**
 * The package.json `bin` scripts that have no extension (`"bin": { "tool": "bin/tool" }`, started
 * by a Node shebang): JavaScript that the extension-based file listing leaves out, so what they
 * require would look unused. Root-relative posix paths, only of files that exist and look like
 * JavaScript by their first line.
 */
export function extensionlessBins(root: string, packages: readonly WorkspacePackage[], exists: (file: string) => boolean, readTexts: ReadTexts): string[] {
  const candidates = new Set<string>();
  for (const { dir, pkg } of packages) {
    const targets = typeof pkg.bin === 'string' ? [pkg.bin] : pkg.bin !== null && typeof pkg.bin === 'object' ? Object.values(pkg.bin) : [];
    for (const target of targets) {
      if (typeof target !== 'string' || path.posix.extname(target.replace(/\\/g, '/')) !== '') continue;
      const relative = path.relative(root, path.resolve(dir, target)).split(path.sep).join('/');
      if (!relative.startsWith('../') && relative !== '' && exists(relative)) candidates.add(relative);
    }
  }
  if (candidates.size === 0) return [];
  const texts = readTexts([...candidates]);
  return [...candidates].filter((file) => JS_SHEBANG.test(texts.get(file)?.split('\n', 1)[0] ?? '')).sort();
}
