import { recordModuleAugmentations } from './augmentations.js';
import { collectExpressionStatement } from './commonjs-exports.js';
import { collectModuleDeclaration, collectNamedDeclaration, collectVariableStatement, type NamedStatement } from './es-declarations.js';
import { collectExportAssignment, collectExportDeclaration, collectImportDeclaration, collectImportEquals, collectJsDocImports } from './es-imports-exports.js';
import type { FactsBuilder } from './facts-builder.js';
import { collectJsDocTypedefs } from './jsdoc-typedefs.js';
import { type ModuleScope, createScopeRecorder, type ScopeRecorder } from './scope-recorder.js';
import type { ts } from '../../typescript/typescript-api.js';

/**
 * Pass 1: the module scope. Records every top-level declaration (with its class, enum and
 * namespace members), import, import binding and export, so that pass 2 knows which names
 * belong to the module and which declaration owns each statement.
 */
export function collectModuleScope(builder: FactsBuilder): ModuleScope {
  const scope = createScopeRecorder(builder);
  for (const statement of builder.sourceFile.statements) collectStatement(scope, statement);
  if (builder.isJavaScript) {
    collectJsDocImports(scope);
    collectJsDocTypedefs(scope);
  }
  recordModuleAugmentations(builder);
  const { names, ownerOfNode, consumedInitializers, handledJsDocImports } = scope;
  return { names, ownerOfNode, consumedInitializers, handledJsDocImports };
}

function collectStatement(scope: ScopeRecorder, statement: ts.Statement): void {
  const { builder } = scope;
  const { ts } = builder;
  switch (statement.kind) {
    case ts.SyntaxKind.ImportDeclaration:
      collectImportDeclaration(scope, statement as ts.ImportDeclaration);
      return;
    case ts.SyntaxKind.ImportEqualsDeclaration:
      collectImportEquals(scope, statement as ts.ImportEqualsDeclaration);
      return;
    case ts.SyntaxKind.ExportDeclaration:
      collectExportDeclaration(scope, statement as ts.ExportDeclaration);
      return;
    case ts.SyntaxKind.ExportAssignment:
      collectExportAssignment(scope, statement as ts.ExportAssignment);
      return;
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.ClassDeclaration:
    case ts.SyntaxKind.InterfaceDeclaration:
    case ts.SyntaxKind.TypeAliasDeclaration:
    case ts.SyntaxKind.EnumDeclaration:
      collectNamedDeclaration(scope, statement as NamedStatement, -1);
      return;
    case ts.SyntaxKind.ModuleDeclaration:
      collectModuleDeclaration(scope, statement as ts.ModuleDeclaration);
      return;
    case ts.SyntaxKind.VariableStatement:
      collectVariableStatement(scope, statement as ts.VariableStatement, -1);
      return;
    case ts.SyntaxKind.ExpressionStatement:
      collectExpressionStatement(scope, statement as ts.ExpressionStatement);
      return;
    case ts.SyntaxKind.EmptyStatement:
      return;
    default:
      builder.hasSideEffects = true;
  }
}
