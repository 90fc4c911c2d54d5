import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModuleResolver } from '../resolve/module-resolver.js';

// `import X from './part.md'`, `import './part.mdx'`, `export * from '@site/x.md'`: the only lines
// that matter here, so a match anywhere in the text is enough (a false match only reads one
// more file; nothing is concluded from it).
const MARKDOWN_SPECIFIER = /\b(?:from|import)\s*["']([^"'\n]+\.mdx?)["']/g;

/** How project files' texts are read, a batch at a time: from the disk, a snapshot or an overlay. */
export type ReadTexts = (files: readonly string[]) => Map<string, string>;

/**
 * Markdown that the framework's pages import but that lies outside its page folders (Docusaurus
 * pages importing `@site/static/usage/…/index.md`, a partial under `_includes/`): those files are
 * compiled into the page, so their imports are live too. Followed transitively, a level at a
 * time (one read of a git snapshot per level); only files in `candidates` (the project's other
 * Markdown) are taken.
 */
export function importedMarkdown(pages: readonly string[], candidates: ReadonlySet<string>, resolver: ModuleResolver, readTexts: ReadTexts): string[] {
  const taken = new Set<string>();
  for (let level = [...pages]; level.length > 0;) {
    const next: string[] = [];
    for (const [file, text] of readTexts(level)) {
      for (const match of text.matchAll(MARKDOWN_SPECIFIER)) {
        const resolution = resolver.resolve(file, match[1]);
        const target = resolution.kind === 'file' || resolution.kind === 'asset' ? resolution.path : undefined;
        if (target === undefined || taken.has(target) || !candidates.has(target)) continue;
        taken.add(target);
        next.push(target);
      }
    }
    level = next;
  }
  return [...taken].sort();
}

/** Reads project files' texts from the disk; a file that cannot be read is left out. */
export function diskTexts(root: string): ReadTexts {
  return (files) => {
    const texts = new Map<string, string>();
    for (const file of files) {
      try {
        texts.set(file, readFileSync(path.join(root, file), 'utf8'));
      } catch {
        // Listed a moment ago: a file that went away or cannot be read is reported by the
        // indexer, which reads every project file; here it only imports nothing.
      }
    }
    return texts;
  };
}
