import { type ExportDeclaration, type ImportDeclaration, Node, Project, type SourceFile, type Statement, ts } from 'ts-morph';
import { extractFileFacts } from '../indexer/extract/extract-file-facts.js';
import { ReferenceFlag } from '../indexer/facts.js';
import type { CleanupItem, KeptItem } from './plan-cleanup.js';
import { fromEditable, toEditable } from './text-format.js';
import { keepStatementsApart } from './statement-joins.js';

export interface AppliedCleanup {
  /** New content of each changed file; null for a deleted file. */
  contents: Map<string, string | null>;
  kept: KeptItem[];
}

/**
 * Applies removals to the original contents (pure: same input, same output), with ts-morph so
 * the rest of each file keeps its formatting and comments. After the named removals, imports
 * that only the removed code used are removed too, and a file left with no statements is deleted.
 */
export function applyCleanup(originals: ReadonlyMap<string, string>, items: readonly CleanupItem[]): AppliedCleanup {
  const contents = new Map<string, string | null>();
  const kept: KeptItem[] = [];
  const deleted = new Set(items.filter((item) => item.action === 'delete-file').map((item) => item.file));
  for (const file of deleted) contents.set(file, null);
  const byFile = new Map<string, CleanupItem[]>();
  for (const item of items) {
    if (deleted.has(item.file) || item.action === 'delete-file') continue;
    byFile.set(item.file, [...(byFile.get(item.file) ?? []), item]);
  }
  const project = new Project({ useInMemoryFileSystem: true, skipFileDependencyResolution: true, compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve } });
  for (const [file, fileItems] of byFile) {
    const original = originals.get(file);
    if (original === undefined) {
      for (const item of fileItems) kept.push({ item, reason: 'the file could not be read' });
      continue;
    }
    try {
      const edited = editFile(project, file, original, fileItems);
      kept.push(...edited.kept);
      contents.set(file, edited.content);
    } catch (error) {
      // An edit the editor cannot make (a ts-morph manipulation error) leaves the file as it is.
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      for (const item of fileItems) kept.push({ item, reason: `the file could not be edited safely (${message})` });
    }
  }
  return { contents, kept };
}

/**
 * ts-morph cannot cut text at the first statement of a file ("Should not have children left
 * over"): an empty statement is put first while editing (after a shebang) and taken out after.
 */
const SENTINEL = ';\n';

function editFile(project: Project, file: string, original: string, fileItems: readonly CleanupItem[]): { content: string | null; kept: KeptItem[] } {
  const kept: KeptItem[] = [];
  // The byte order mark and \r\n line breaks are set aside while editing and restored after.
  const editable = toEditable(original);
  const shebang = editable.text.startsWith('#!');
  const at = shebang ? editable.text.indexOf('\n') + 1 : 0;
  if (shebang && at === 0) throw new Error('nothing follows the shebang line');
  const source = project.createSourceFile(file, `${editable.text.slice(0, at)}${SENTINEL}${editable.text.slice(at)}`, { overwrite: true });
  const touched = new Set<Node>();
  for (const item of fileItems) {
    const reason = applyItem(source, item, fileItems, touched);
    if (reason !== undefined) kept.push({ item, reason });
  }
  removeImportsUsedOnlyByRemovedCode(source, editable.text, touched);
  removeEmptiedDeclarations(touched);
  const full = source.getFullText();
  if (full.slice(at, at + SENTINEL.length) !== SENTINEL) throw new Error('the edit removed more than the named declarations');
  // A removal at the top must not leave the file starting with blank lines it did not have.
  const rest = full.slice(at + SENTINEL.length);
  const edited = full.slice(0, at) + (/^\s*\n/.test(editable.text.slice(at)) ? rest : rest.replace(/^\n+/, ''));
  // Removing the last declarations must not leave blank lines at the end of the file.
  const text = editable.text.endsWith('\n') ? `${edited.replace(/\n+$/, '')}\n` : edited;
  const empty = source.getStatements().length <= 1 && editable.text.trim() !== '';
  return { content: empty ? null : fromEditable(keepStatementsApart(editable.text, text, file), editable.format), kept };
}

/** Applies one item; returns why it could not be, if so. */
function applyItem(source: SourceFile, item: CleanupItem, fileItems: readonly CleanupItem[], touched: Set<Node>): string | undefined {
  switch (item.action) {
    case 'remove-declaration':
      return removeDeclaration(source, item.name, fileItems, touched);
    case 'remove-export':
      return removeExportKeyword(source, item.name, fileItems, touched);
    case 'remove-enum-member': {
      const [enumName, memberName] = item.name.split('.');
      const enumDeclaration = source.getEnum(enumName);
      const member = enumDeclaration?.getMember(memberName);
      if (enumDeclaration === undefined || member === undefined) return 'the enum member was not found';
      member.remove();
      // On one line, removing the last member leaves `B, }`: tidy it to `B }`.
      const text = enumDeclaration.getText();
      if (!text.includes('\n') && /,\s*\}$/.test(text)) enumDeclaration.replaceWithText(text.replace(/,\s*\}$/, ' }'));
      return undefined;
    }
    case 'remove-reexport': {
      let found = false;
      for (const declaration of source.getExportDeclarations()) {
        if (!declaration.hasModuleSpecifier()) continue;
        // missing-export names the re-exported name as the source module spells it.
        for (const specifier of declaration.getNamedExports()) {
          if (specifier.getName() !== item.name) continue;
          touched.add(declaration);
          specifier.remove();
          found = true;
        }
      }
      return found ? undefined : 'the re-export was not found';
    }
    case 'remove-module-reference': {
      // Only re-exports: an import of a deleted file from code that stays means the analysis was wrong.
      const declarations = source.getExportDeclarations().filter((declaration) => declaration.getModuleSpecifierValue() === item.name);
      for (const declaration of declarations) declaration.remove();
      return declarations.length > 0 ? undefined : 'only re-exports of a deleted file are removed, not imports';
    }
    case 'delete-file':
      return undefined;
  }
}

function removeDeclaration(source: SourceFile, name: string, fileItems: readonly CleanupItem[], touched: Set<Node>): string | undefined {
  removeLocalExportsOf(source, name, touched);
  const whole: Statement[] = [];
  let removedDeclarator = false;
  for (const statement of source.getStatements()) {
    if (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement) || Node.isInterfaceDeclaration(statement)
      || Node.isTypeAliasDeclaration(statement) || Node.isEnumDeclaration(statement) || Node.isModuleDeclaration(statement)) {
      const declared = statement.getName() ?? (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement) ? 'default' : undefined);
      if (declared === name) whole.push(statement);
    } else if (Node.isVariableStatement(statement)) {
      const result = variableRemoval(statement, name, fileItems);
      if (result === 'statement') whole.push(statement);
      else if (typeof result === 'string') return result;
      else if (result !== undefined) {
        result.remove();
        removedDeclarator = true;
      }
    } else if (Node.isExportAssignment(statement) && name === 'default' && !statement.isExportEquals()) {
      whole.push(statement);
    } else if (Node.isExpressionStatement(statement) && isCommonJsExportOf(statement, name)) {
      whole.push(statement);
    }
  }
  if (whole.length === 0 && !removedDeclarator) return 'the declaration was not found';
  removeStatements(source, whole);
  return undefined;
}

/** What removing `name` from a variable statement takes: the statement, one declarator, or nothing. */
function variableRemoval(statement: import('ts-morph').VariableStatement, name: string, fileItems: readonly CleanupItem[]):
  'statement' | import('ts-morph').VariableDeclaration | string | undefined {
  for (const declaration of statement.getDeclarations()) {
    const nameNode = declaration.getNameNode();
    const names = Node.isIdentifier(nameNode) ? [nameNode.getText()] : nameNode.getDescendants()
      .filter(Node.isBindingElement)
      .map((element) => element.getNameNode())
      .filter(Node.isIdentifier)
      .map((identifier) => identifier.getText());
    if (!names.includes(name)) continue;
    const removing = new Set(fileItems.filter((item) => item.action === 'remove-declaration').map((item) => item.name));
    if (!names.every((declared) => removing.has(declared))) return 'it is declared by a destructuring that also declares live names';
    return statement.getDeclarations().length === 1 ? 'statement' : declaration;
  }
  return undefined;
}

/** `exports.name = ...` or `module.exports.name = ...`. */
function isCommonJsExportOf(statement: import('ts-morph').ExpressionStatement, name: string): boolean {
  const expression = statement.getExpression();
  if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getKind() !== ts.SyntaxKind.EqualsToken) return false;
  const left = expression.getLeft().getText().replace(/\s+/g, '');
  return left === `exports.${name}` || left === `module.exports.${name}`;
}

/** `export { name }`, `export { name as other }`, `export default name`. */
function removeLocalExportsOf(source: SourceFile, name: string, touched: Set<Node>): void {
  for (const declaration of source.getExportDeclarations()) {
    if (declaration.hasModuleSpecifier()) continue;
    for (const specifier of declaration.getNamedExports()) {
      if (specifier.getName() !== name) continue;
      touched.add(declaration);
      specifier.remove();
    }
  }
  for (const assignment of source.getExportAssignments()) {
    if (!assignment.isExportEquals() && assignment.getExpression().getText() === name) assignment.remove();
  }
}

function removeExportKeyword(source: SourceFile, name: string, fileItems: readonly CleanupItem[], touched: Set<Node>): string | undefined {
  let changed = false;
  for (const statement of source.getStatements()) {
    if (statement.wasForgotten()) continue;
    if ((Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement) || Node.isInterfaceDeclaration(statement)
      || Node.isTypeAliasDeclaration(statement) || Node.isEnumDeclaration(statement) || Node.isModuleDeclaration(statement))) {
      const isDefault = Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement) ? statement.isDefaultExport() : false;
      if ((isDefault ? 'default' : statement.getName()) !== name || !statement.isExported()) continue;
      if (isDefault && (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement))) {
        if (statement.getName() === undefined) return 'an anonymous default export cannot lose its `export`';
        statement.setIsDefaultExport(false);
      }
      statement.setIsExported(false);
      changed = true;
    } else if (Node.isVariableStatement(statement) && statement.isExported()) {
      const names = statement.getDeclarations().map((declaration) => declaration.getName());
      if (!names.includes(name)) continue;
      const unexporting = new Set(fileItems.filter((item) => item.action === 'remove-export').map((item) => item.name));
      if (!names.every((declared) => unexporting.has(declared))) return 'the statement also exports names other modules use';
      statement.setIsExported(false);
      changed = true;
    }
  }
  for (const declaration of source.getExportDeclarations()) {
    if (declaration.hasModuleSpecifier()) continue;
    for (const specifier of declaration.getNamedExports()) {
      if ((specifier.getAliasNode()?.getText() ?? specifier.getName()) !== name) continue;
      touched.add(declaration);
      specifier.remove();
      changed = true;
    }
  }
  if (name === 'default') {
    for (const assignment of source.getExportAssignments()) {
      if (!assignment.isExportEquals() && Node.isIdentifier(assignment.getExpression())) {
        assignment.remove();
        changed = true;
      }
    }
  }
  return changed ? undefined : 'the export was not found';
}

/** Import bindings the original code used and the edited code no longer does. */
function removeImportsUsedOnlyByRemovedCode(source: SourceFile, original: string, touched: Set<Node>): void {
  const before = usedNames(source.getFilePath(), original);
  const after = usedNames(source.getFilePath(), source.getFullText());
  const orphaned = new Set([...before].filter((name) => !after.has(name)));
  if (orphaned.size === 0) return;
  for (const declaration of source.getImportDeclarations()) {
    const defaultImport = declaration.getDefaultImport();
    if (defaultImport !== undefined && orphaned.has(defaultImport.getText())) {
      declaration.removeDefaultImport();
      touched.add(declaration);
    }
    const namespace = declaration.getNamespaceImport();
    if (namespace !== undefined && orphaned.has(namespace.getText())) {
      declaration.removeNamespaceImport();
      touched.add(declaration);
    }
    for (const specifier of declaration.getNamedImports()) {
      if (orphaned.has((specifier.getAliasNode() ?? specifier.getNameNode()).getText())) {
        specifier.remove();
        touched.add(declaration);
      }
    }
  }
  for (const statement of source.getStatements()) {
    if (Node.isImportEqualsDeclaration(statement) && orphaned.has(statement.getName())) statement.remove();
  }
}

/** Module-scope names the code refers to or exports (our own extractor, no type checker). */
function usedNames(file: string, text: string): Set<string> {
  const facts = extractFileFacts(ts, file.replace(/^\//, ''), text);
  const names = new Set<string>();
  for (const reference of facts.references) if ((reference.flags & ReferenceFlag.Fake) === 0) names.add(reference.name);
  for (const fact of facts.exports) if (fact.local !== undefined) names.add(fact.local);
  return names;
}

/** An `export {}` or import the edits emptied goes too (one that was empty before stays). */
function removeEmptiedDeclarations(touched: Set<Node>): void {
  for (const node of touched) {
    if (node.wasForgotten()) continue;
    if (Node.isExportDeclaration(node)) {
      const declaration: ExportDeclaration = node;
      if (declaration.getNamedExports().length === 0 && declaration.getNamespaceExport() === undefined) declaration.remove();
    } else if (Node.isImportDeclaration(node)) {
      const declaration: ImportDeclaration = node;
      if (declaration.getDefaultImport() === undefined && declaration.getNamespaceImport() === undefined && declaration.getNamedImports().length === 0) {
        declaration.remove();
      }
    }
  }
}

/**
 * Removes whole statements with the comments attached to them: JSDoc, and line or block
 * comments directly above (no blank line between). A comment set apart by a blank line (a file
 * header, a section title) stays. Text ranges are computed first and cut from the last to the
 * first, so each cut leaves the others' offsets valid.
 */
function removeStatements(source: SourceFile, statements: readonly Statement[]): void {
  const text = source.getFullText();
  const ranges = statements.map((statement) => removalRange(text, statement)).sort((a, b) => b[0] - a[0]);
  for (const [start, end] of ranges) {
    source.removeText(start, end);
    const after = source.getFullText();
    // Do not leave two blank lines where the declaration was.
    if (after.slice(Math.max(0, start - 2), start + 1) === '\n\n\n') source.removeText(start, start + 1);
  }
}

function removalRange(text: string, statement: Statement): [number, number] {
  let start = statement.getStart();
  for (const range of [...statement.getLeadingCommentRanges()].reverse()) {
    if ((text.slice(range.getEnd(), start).match(/\n/g) ?? []).length > 1) break;
    start = range.getPos();
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() === '') start = lineStart;
  let end = statement.getEnd();
  while (text[end] === ' ' || text[end] === '\t') end += 1;
  if (text[end] === '\n') end += 1;
  return [start, end];
}
