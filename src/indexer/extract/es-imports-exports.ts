import { type DeclarationKind, DeclarationFlag } from '../facts.js';
import { addDeclaration, addExport, isAliasStatement, isPublicStatement, modifierFlags } from './declaration-facts.js';
import { collectClassMembers } from './es-declarations.js';
import { hasLoadTimeEffects, unwrapExpression } from './expression-shapes.js';
import type { ScopeRecorder } from './scope-recorder.js';
import type { ts } from '../../typescript/typescript-api.js';

// Pass 1, ES module syntax: import and export declarations, `import x = require()`,
// `export default` / `export =`, and JSDoc `@import` tags.

/**
 * JSDoc `@import { A } from './x'` / `@import * as T from './x'` (TypeScript 5.5) bind type
 * names in module scope, like `import type` in TypeScript files.
 */
export function collectJsDocImports(scope: ScopeRecorder): void {
  const { builder } = scope;
  const { ts, sourceFile } = builder;
  for (const holder of [...sourceFile.statements, sourceFile.endOfFileToken]) {
    for (const doc of (holder as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) {
      for (const tag of doc.tags ?? []) {
        if (!ts.isJSDocImportTag(tag) || !ts.isStringLiteral(tag.moduleSpecifier)) continue;
        scope.handledJsDocImports.add(tag);
        const importIndex = builder.addImport({
          specifier: tag.moduleSpecifier.text, form: 'import-type', ...builder.positionOfNode(tag.moduleSpecifier), owner: -1, typeOnly: true,
        });
        const bind = (local: string, imported: string) => {
          builder.importBindings.push({ local, importIndex, imported, typeOnly: true });
          scope.names.add(local);
        };
        const clause = tag.importClause;
        if (clause?.name !== undefined) bind(clause.name.text, 'default');
        const named = clause?.namedBindings;
        if (named !== undefined && ts.isNamespaceImport(named)) bind(named.name.text, '*');
        else if (named !== undefined) for (const element of named.elements) bind(element.name.text, (element.propertyName ?? element.name).text);
      }
    }
  }
}

export function collectImportDeclaration(scope: ScopeRecorder, node: ts.ImportDeclaration): void {
  const { builder } = scope;
  const { ts } = builder;
  builder.moduleKind = 'esm';
  if (!ts.isStringLiteral(node.moduleSpecifier)) return;
  const clause = node.importClause;
  const typeOnly = clause?.phaseModifier === ts.SyntaxKind.TypeKeyword;
  const importIndex = builder.addImport({
    specifier: node.moduleSpecifier.text,
    form: clause === undefined ? 'side-effect' : 'static',
    ...builder.positionOfNode(node.moduleSpecifier),
    owner: -1,
    typeOnly,
  });
  if (clause === undefined) return;
  const bind = (local: string, imported: string, bindingTypeOnly: boolean) => {
    builder.importBindings.push({ local, importIndex, imported, typeOnly: typeOnly || bindingTypeOnly });
    scope.names.add(local);
  };
  if (clause.name !== undefined) bind(clause.name.text, 'default', false);
  const named = clause.namedBindings;
  if (named === undefined) return;
  if (ts.isNamespaceImport(named)) {
    bind(named.name.text, '*', false);
  } else {
    for (const element of named.elements) {
      bind(element.name.text, (element.propertyName ?? element.name).text, element.isTypeOnly);
    }
  }
}

export function collectImportEquals(scope: ScopeRecorder, node: ts.ImportEqualsDeclaration): void {
  const { builder } = scope;
  const { ts } = builder;
  const modifiers = modifierFlags(builder, node);
  const reference = node.moduleReference;
  if (ts.isExternalModuleReference(reference)) {
    if (!ts.isStringLiteral(reference.expression)) return;
    builder.moduleKind = 'esm';
    const importIndex = builder.addImport({
      specifier: reference.expression.text,
      form: 'import-equals',
      ...builder.positionOfNode(reference.expression),
      owner: -1,
      typeOnly: node.isTypeOnly,
    });
    builder.importBindings.push({ local: node.name.text, importIndex, imported: '*', typeOnly: node.isTypeOnly });
    scope.names.add(node.name.text);
    if ((modifiers & DeclarationFlag.Exported) !== 0) {
      addExport(builder, node.name.text, node.name, { local: node.name.text, public: false });
    }
    return;
  }
  // `import x = N.y`: a local alias of a namespace member.
  const index = addDeclaration(builder, node, node.name, node.name.text, 'variable', -1, modifiers | DeclarationFlag.AliasOnly);
  scope.topLevelByName.set(node.name.text, index);
  scope.names.add(node.name.text);
  scope.ownerOfNode.set(node, index);
  if ((modifiers & DeclarationFlag.Exported) !== 0) {
    addExport(builder, node.name.text, node.name, { declaration: index, public: false });
  }
}

export function collectExportDeclaration(scope: ScopeRecorder, node: ts.ExportDeclaration): void {
  const { builder } = scope;
  const { ts } = builder;
  builder.moduleKind = 'esm';
  const isPublic = isPublicStatement(builder, node);
  const alias = isAliasStatement(builder, node);
  const clause = node.exportClause;
  if (node.moduleSpecifier !== undefined) {
    if (!ts.isStringLiteral(node.moduleSpecifier)) return;
    const importIndex = builder.addImport({
      specifier: node.moduleSpecifier.text,
      form: 'reexport',
      ...builder.positionOfNode(node.moduleSpecifier),
      owner: -1,
      typeOnly: node.isTypeOnly,
    });
    if (clause === undefined) {
      builder.starExports.push({ importIndex, ...builder.positionOfNode(node), typeOnly: node.isTypeOnly });
    } else if (ts.isNamespaceExport(clause)) {
      addExport(builder, clause.name.text, clause.name, { importIndex, importedName: '*', public: isPublic, typeOnly: node.isTypeOnly });
    } else {
      for (const element of clause.elements) {
        addExport(builder, element.name.text, element.name, {
          importIndex,
          importedName: (element.propertyName ?? element.name).text,
          public: isPublic,
          typeOnly: node.isTypeOnly || element.isTypeOnly,
        });
      }
    }
    return;
  }
  if (clause !== undefined && ts.isNamedExports(clause)) {
    for (const element of clause.elements) {
      addExport(builder, element.name.text, element.name, {
        local: (element.propertyName ?? element.name).text,
        public: isPublic,
        typeOnly: node.isTypeOnly || element.isTypeOnly,
        alias,
      });
    }
  }
}

export function collectExportAssignment(scope: ScopeRecorder, node: ts.ExportAssignment): void {
  const { builder } = scope;
  const { ts } = builder;
  builder.moduleKind = 'esm';
  const exportName = node.isExportEquals ? 'export=' : 'default';
  const isPublic = isPublicStatement(builder, node);
  const expression = unwrapExpression(ts, node.expression);
  if (ts.isIdentifier(expression)) {
    addExport(builder, exportName, expression, { local: expression.text, public: isPublic, alias: isAliasStatement(builder, node) });
    return;
  }
  const kind: DeclarationKind = ts.isClassExpression(expression) ? 'class'
    : ts.isFunctionExpression(expression) || ts.isArrowFunction(expression) ? 'function' : 'variable';
  let flags = DeclarationFlag.Exported | DeclarationFlag.Default;
  if (isPublic) flags |= DeclarationFlag.Public;
  if (hasLoadTimeEffects(ts, expression, builder.text)) flags |= DeclarationFlag.LoadTimeEffects;
  const index = addDeclaration(builder, node, node, exportName, kind, -1, flags);
  scope.ownerOfNode.set(node, index);
  if (ts.isClassExpression(expression)) collectClassMembers(scope, expression, index);
  addExport(builder, exportName, node, { declaration: index, public: isPublic });
}
