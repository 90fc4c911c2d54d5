import { type FileFacts, FACTS_VERSION, type ImportFact } from './facts.js';

const IMPORT_PATTERNS = [
  /\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"\n]+)['"]/g,
  /\bimport\s*['"]([^'"\n]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
];

/**
 * Facts for a file that is not parsed (binary, or larger than the limit). Its imports are
 * still found by pattern and count as using every export of their target, so skipping a big
 * generated file can hide dead code but never makes live code look dead.
 */
export function skippedFileFacts(reason: string, text: string | undefined): FileFacts {
  const imports: ImportFact[] = [];
  if (text !== undefined) {
    const seen = new Set<string>();
    for (const pattern of IMPORT_PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        if (seen.has(match[1])) continue;
        seen.add(match[1]);
        // One in a comment still keeps its target alive (a JSDoc type import may be real use),
        // as a `url` load: a path named, not an import whose failure to resolve is a finding.
        const form = inCommentLine(text, match.index ?? 0) ? 'url' : 'dynamic';
        imports.push({ specifier: match[1], form, line: 1, column: 1, owner: -1, typeOnly: false, whole: true });
      }
    }
  }
  return {
    version: FACTS_VERSION,
    moduleKind: 'esm',
    hasSideEffects: true,
    declarations: [],
    imports,
    importBindings: [],
    exports: [],
    starExports: [],
    references: [],
    freeNames: [],
    suppressions: [],
    parseErrors: [],
    skipped: reason,
  };
}

/**
 * Whether the match is on a comment line (a JSDoc `@type` naming an `import()` type of a relative path,
 * `// require('x')`): a bundle keeps its modules' JSDoc, whose type imports name paths of the
 * original packages, which the bundle never loads.
 */
function inCommentLine(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  return /^\s*(?:\/\/|\/?\*)/.test(text.slice(lineStart, Math.min(at, lineStart + 200)));
}
