import type { GraphFile } from '../graph/symbol-graph.js';
import { resolvedFiles } from '../resolve/resolved-files.js';

/** Vite's queries that load a file's text or URL, not its code (`?worker` runs it: that is code). */
const AS_TEXT = /\?(?:[^#]*&)?(?:raw|url|inline)(?:[&#=]|$)/;

function isTextImport(specifier: string): boolean {
  return AS_TEXT.test(specifier);
}

/**
 * Files the project loads only as text (`import source from './template/main.js?raw'`): shipped
 * as a string (a download template, a code sample), never compiled as part of the project, so
 * what they import is not the project's to resolve. A file that is also imported as code is code;
 * being an entry does not count (a template folder shipped as text looks like an app: its
 * package.json and index.html make its main.js an entry by convention).
 */
export function textOnlyFiles(files: readonly GraphFile[]): Set<string> {
  const asText = new Set<string>();
  const asCode = new Set<string>();
  for (const file of files) {
    file.facts.imports.forEach((fact, index) => {
      const resolution = file.resolutions[index];
      if (resolution === undefined) return;
      for (const target of resolvedFiles(resolution)) (isTextImport(fact.specifier) ? asText : asCode).add(target);
    });
  }
  return new Set([...asText].filter((path) => !asCode.has(path)));
}
