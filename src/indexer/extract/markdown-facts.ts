import { FACTS_VERSION, type FileFacts, type ImportBindingFact, type ImportFact } from '../facts.js';
import { MARKDOWN_FILE, markdownModule } from './markdown-imports.js';

// The statements MDX pages use: `import A, { b as c } from 'x'`, `import * as n from 'x'`,
// `import 'x'`, `export { a } from 'x'`, `export * from 'x'`, and `import('x')` in an export.
const STATEMENT = /\bimport\s+(?:(type)\s+)?([\w$]+\s*,?\s*)?(\{[^}]*\}|\*\s*as\s+[\w$]+)?\s*from\s*(["'])([^"'\n]+)\4|\bimport\s*(["'])([^"'\n]+)\6|\bexport\s+(?:type\s+)?(?:\*|\*\s*as\s+[\w$]+|\{[^}]*\})\s*from\s*(["'])([^"'\n]+)\8|\bimport\s*\(\s*(["'])([^"'\n]+)\10\s*\)/g;

/**
 * The facts of a Markdown or MDX page from its ESM lines and frontmatter layout: its imports,
 * every imported name used (the body's JSX is not read). No parser: a line scan and one
 * expression.
 */
export function markdownFacts(text: string): FileFacts {
  const { code, layout } = markdownModule(text);
  const imports: ImportFact[] = [];
  const importBindings: ImportBindingFact[] = [];
  const lineStarts = [0];
  for (let index = code.indexOf('\n'); index !== -1; index = code.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const position = (offset: number) => {
    let line = lineStarts.length - 1;
    while (lineStarts[line] > offset) line -= 1;
    return { line: line + 1, column: offset - lineStarts[line] + 1 };
  };
  for (const match of code.matchAll(STATEMENT)) {
    const specifier = match[5] ?? match[7] ?? match[9] ?? match[11];
    const at = position((match.index ?? 0) + match[0].lastIndexOf(specifier) - 1);
    if (match[5] !== undefined) {
      const typeOnly = match[1] !== undefined;
      const importIndex = imports.push({ specifier, form: 'static', ...at, owner: -1, typeOnly }) - 1;
      const defaultName = match[2]?.replace(/[\s,]/g, '');
      if (defaultName) importBindings.push({ local: defaultName, importIndex, imported: 'default', typeOnly });
      const named = match[3] ?? '';
      const namespace = /^\*\s*as\s+([\w$]+)/.exec(named);
      if (namespace !== null) importBindings.push({ local: namespace[1], importIndex, imported: '*', typeOnly });
      for (const part of namespace === null ? named.replace(/[{}]/g, '').split(',') : []) {
        const [imported, local] = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/);
        if (imported) importBindings.push({ local: local ?? imported, importIndex, imported, typeOnly });
      }
    } else if (match[7] !== undefined) {
      imports.push({ specifier, form: 'side-effect', ...at, owner: -1, typeOnly: false });
    } else {
      // A re-export or a load inside an export: the page passes on or uses the module whole.
      imports.push({ specifier, form: 'dynamic', ...at, owner: -1, typeOnly: false, whole: true });
    }
  }
  if (layout !== undefined) {
    // Astro wraps the page in its frontmatter `layout`: a load of that component.
    imports.push({ specifier: layout.specifier, form: 'side-effect', line: layout.line, column: layout.column, owner: -1, typeOnly: false });
  }
  return {
    version: FACTS_VERSION,
    moduleKind: 'esm',
    hasSideEffects: false,
    // The page is its module's default export (`import Intro from './intro.mdx'`); no declaration
    // of its own stands for it: importing the module is using it.
    declarations: [],
    imports,
    importBindings,
    exports: [],
    starExports: [],
    // The body may use every imported name (`<Tabs>`, `{frontMatter.x}`).
    references: importBindings.map((binding) => ({ owner: -1, name: binding.local, flags: 0 })),
    freeNames: [],
    suppressions: [],
    parseErrors: [],
  };
}

/** A Markdown page that imports nothing (and has no layout): the graph has nothing to learn from it. */
export function isInertPage(path: string, facts: FileFacts): boolean {
  return MARKDOWN_FILE.test(path) && facts.imports.length === 0;
}
