import type { FileFacts } from '../facts.js';
import { isAmbientOnly } from './augmentations.js';
import { markComponentScope } from './component-scope.js';
import { COMPONENT_FILE, componentScriptText, TEMPLATE_TAG_FILE, templateTagScriptText } from './sfc-scripts.js';
import { MARKDOWN_FILE } from './markdown-imports.js';
import { markdownFacts } from './markdown-facts.js';
import { iconReferences } from './icon-references.js';
import { STYLESHEET_FILE, stylesheetFacts } from './stylesheet-facts.js';
import { findSuppressions } from './comments.js';
import { FactsBuilder } from './facts-builder.js';
import { collectModuleScope } from './module-scope.js';
import { ReferenceWalker } from './reference-walker.js';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

/** Parses one file and extracts its facts. Never throws on bad syntax: the parser recovers. */
export function extractFileFacts(ts: TypeScriptApi, relativePath: string, fileText: string): FileFacts {
  // Markdown pages: only their import lines, without the parser (a docs site has thousands);
  // their prose is not searched for icon names.
  if (MARKDOWN_FILE.test(relativePath)) return markdownFacts(fileText);
  if (STYLESHEET_FILE.test(relativePath)) return stylesheetFacts(fileText);
  const facts = extractScriptFacts(ts, relativePath, fileText);
  const icons = iconReferences(fileText);
  if (icons !== undefined) facts.iconReferences = icons;
  return facts;
}

function extractScriptFacts(ts: TypeScriptApi, relativePath: string, fileText: string): FileFacts {
  const component = COMPONENT_FILE.test(relativePath) ? componentScriptText(fileText) : undefined;
  const templateTag = TEMPLATE_TAG_FILE.test(relativePath) ? templateTagScriptText(fileText) : undefined;
  const text = component?.code ?? templateTag?.code ?? fileText;
  const scriptKind = component !== undefined ? (component.tsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
    : templateTag !== undefined ? (relativePath.endsWith('.gts') ? ts.ScriptKind.TS : ts.ScriptKind.JS) : scriptKindOf(ts, relativePath);
  const isJavaScript = scriptKind === ts.ScriptKind.JS || scriptKind === ts.ScriptKind.JSX;
  const sourceFile = ts.createSourceFile(
    relativePath,
    text,
    {
      languageVersion: ts.ScriptTarget.Latest,
      // JSDoc carries type references in JavaScript; in TypeScript it is only prose.
      jsDocParsingMode: isJavaScript ? ts.JSDocParsingMode.ParseAll : ts.JSDocParsingMode.ParseNone,
    },
    false,
    scriptKind,
  );
  const builder = new FactsBuilder(ts, sourceFile, isJavaScript);
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  for (const diagnostic of diagnostics) {
    builder.parseErrors.push({
      ...builder.position(diagnostic.start),
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
    });
  }
  const scope = collectModuleScope(builder);
  for (const reference of sourceFile.referencedFiles) {
    // `/// <reference path="x.ts" />` names a file relative to this one and adds it to the program.
    const specifier = /^\.{0,2}\//.test(reference.fileName) ? reference.fileName : `./${reference.fileName}`;
    builder.addImport({ specifier, form: 'reference', ...builder.position(reference.pos), owner: -1, typeOnly: false });
  }
  new ReferenceWalker(builder, scope).walkFile();
  builder.suppressions.push(...findSuppressions(text, (offset) => builder.position(offset)));
  if (component !== undefined) markComponentScope(builder, scope.names, fileText, true);
  if (templateTag !== undefined) markComponentScope(builder, scope.names, fileText, templateTag.hasTopLevelTemplate);
  const facts = builder.finish(moduleKindOf(relativePath, builder));
  if (isAmbientOnly(builder)) facts.ambientOnly = true;
  return facts;
}

function scriptKindOf(ts: TypeScriptApi, relativePath: string): ts.ScriptKind {
  if (/\.(?:tsx)$/.test(relativePath)) return ts.ScriptKind.TSX;
  if (/\.(?:[mc]?ts)$/.test(relativePath)) return ts.ScriptKind.TS;
  if (/\.(?:jsx)$/.test(relativePath)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

/**
 * ES syntax (imports, exports) makes a module ESM; CommonJS exports or a `require` call make it
 * CommonJS; otherwise the extension and the free names decide.
 */
function moduleKindOf(relativePath: string, builder: FactsBuilder): FileFacts['moduleKind'] {
  if (builder.moduleKind !== 'script') return builder.moduleKind;
  if (builder.imports.some((fact) => fact.form === 'require' && fact.unbounded !== true)) return 'cjs';
  // `import.meta` makes a file a module too (TypeScript's module detection, and only ESM has it).
  if (builder.ts.isExternalModule(builder.sourceFile)) return 'esm';
  const { freeNames } = builder;
  if (/\.m[jt]s$/.test(relativePath)) return 'esm';
  if (/\.c[jt]s$/.test(relativePath)) return 'cjs';
  if (/\.[jt]sx?$/.test(relativePath) && /\.jsx?$/.test(relativePath)
    && (freeNames.has('module') || freeNames.has('exports') || freeNames.has('require'))) {
    return 'cjs';
  }
  return 'script';
}
