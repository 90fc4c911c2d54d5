import { type DeclarationKind, DeclarationFlag } from '../facts.js';
import { addDeclaration, addExport } from './declaration-facts.js';
import { hasLoadTimeEffects, isFakeWiringExpression, staticPropertyName, unwrapAwait, unwrapExpression } from './expression-shapes.js';
import { collectCompiledStarExport } from './compiled-reexports.js';
import { definedExports } from './defined-exports.js';
import { moduleLoadCall } from './module-load-call.js';
import { handsOffCallable } from './registrations.js';
import type { ScopeRecorder } from './scope-recorder.js';
import type { FactsBuilder } from './facts-builder.js';
import type { ts } from '../../typescript/typescript-api.js';

/** CommonJS exports (`module.exports = ...`, `exports.a = ...`) and top-level side effects. */
export function collectExpressionStatement(scope: ScopeRecorder, statement: ts.ExpressionStatement): void {
  const { builder } = scope;
  const { ts } = builder;
  const expression = statement.expression;
  if (ts.isStringLiteral(expression)) return; // directive prologue such as 'use strict'
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = commonJsExportTarget(builder, expression.left);
    if (target !== undefined) {
      if (builder.moduleKind === 'script') builder.moduleKind = 'cjs';
      collectCommonJsExport(scope, statement, target, expression.right);
      return;
    }
  }
  if (collectDefinedExports(scope, statement) || collectCompiledStarExport(scope, statement)) return;
  if (isFakeWiringExpression(ts, expression)) return;
  const load = moduleLoadCall(ts, unwrapAwait(ts, expression));
  if (load !== undefined) return; // a bare require('x') / import('x') is recorded in pass 2
  builder.hasSideEffects = true;
}

/**
 * `Object.defineProperty(exports, 'a', { get() { return a; } })` and `Object.defineProperties(
 * module.exports, { a: { value: a } })`: exports like `exports.a = a`. False when the statement is
 * not such a call. The value's uses belong to the export (see reference-walker's top level).
 */
function collectDefinedExports(scope: ScopeRecorder, statement: ts.ExpressionStatement): boolean {
  const { builder } = scope;
  const defined = definedExports(builder.ts, statement, scope.names.has('exports'));
  if (defined === undefined) return false;
  if (builder.moduleKind === 'script') builder.moduleKind = 'cjs';
  for (const { name, nameNode, node, value } of defined) collectCommonJsExport(scope, statement, name, value, { name: nameNode, node });
  return true;
}

/** `module.exports` gives 'export='; `exports.a` and `module.exports.a` give 'a'. */
function commonJsExportTarget(builder: FactsBuilder, left: ts.Expression): string | undefined {
  const { ts } = builder;
  const target = unwrapExpression(ts, left);
  const isIdentifierNamed = (node: ts.Expression, name: string) => ts.isIdentifier(node) && node.text === name;
  const memberName = (node: ts.Expression): [ts.Expression, string] | undefined => {
    if (ts.isPropertyAccessExpression(node)) return [node.expression, node.name.text];
    if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      return [node.expression, node.argumentExpression.text];
    }
    return undefined;
  };
  const outer = memberName(target);
  if (outer === undefined) return undefined;
  const [object, name] = outer;
  if (isIdentifierNamed(object, 'module') && name === 'exports') return 'export=';
  if (isIdentifierNamed(object, 'exports')) return name;
  const inner = memberName(unwrapExpression(ts, object));
  if (inner !== undefined && isIdentifierNamed(inner[0], 'module') && inner[1] === 'exports') return name;
  return undefined;
}

/** `site`: where the export is named and what declares it, when not the statement (`Object.defineProperty`). */
function collectCommonJsExport(
  scope: ScopeRecorder,
  statement: ts.ExpressionStatement,
  exportName: string,
  valueNode: ts.Expression,
  site?: { name: ts.Node; node: ts.Node },
): void {
  const { builder } = scope;
  const { ts } = builder;
  const value = unwrapExpression(ts, valueNode);
  if (ts.isIdentifier(value)) {
    addExport(builder, exportName, site?.name ?? value, { local: value.text, public: false });
    return;
  }
  if (exportName === 'export=' && ts.isObjectLiteralExpression(value)) {
    scope.ownerOfNode.set(statement, -1);
    for (const property of value.properties) {
      if (ts.isShorthandPropertyAssignment(property)) {
        addExport(builder, property.name.text, property.name, { local: property.name.text, public: false });
      } else if (ts.isPropertyAssignment(property) || ts.isMethodDeclaration(property) || ts.isGetAccessorDeclaration(property)) {
        const name = staticPropertyName(ts, property.name);
        if (name === undefined) continue;
        const initializer = ts.isPropertyAssignment(property) ? unwrapExpression(ts, property.initializer) : undefined;
        if (initializer !== undefined && ts.isIdentifier(initializer)) {
          addExport(builder, name, property.name, { local: initializer.text, public: false });
          continue;
        }
        // A getter (`get parser() { return require('./parser'); }`) is a value computed when read.
        const kind = ts.isGetAccessorDeclaration(property) ? 'variable'
          : initializer === undefined || ts.isFunctionExpression(initializer) || ts.isArrowFunction(initializer)
            ? 'function' : ts.isClassExpression(initializer) ? 'class' : 'variable';
        const index = addDeclaration(builder, property, property.name, name, kind, -1, DeclarationFlag.Exported);
        scope.ownerOfNode.set(property, index);
        addExport(builder, name, property.name, { declaration: index, public: false });
      }
    }
    return;
  }
  const load = moduleLoadCall(ts, value);
  if (exportName === 'export=' && load !== undefined) {
    // `module.exports = require('./x')` re-exports everything of ./x.
    const importIndex = builder.addImport({
      specifier: load.specifier, form: 'reexport', ...builder.positionOfNode(load.call), owner: -1, typeOnly: false,
      ...(load.pattern === true ? { pattern: true } : {}),
    });
    builder.starExports.push({ importIndex, ...builder.positionOfNode(statement), typeOnly: false });
    scope.consumedInitializers.add(statement);
    return;
  }
  const kind: DeclarationKind = ts.isFunctionExpression(value) || ts.isArrowFunction(value) ? 'function'
    : ts.isClassExpression(value) ? 'class' : 'variable';
  let flags = DeclarationFlag.Exported;
  if (hasLoadTimeEffects(ts, value, builder.text)) flags |= DeclarationFlag.LoadTimeEffects;
  if ((flags & DeclarationFlag.LoadTimeEffects) !== 0 && handsOffCallable(ts, builder.sourceFile, value)) flags |= DeclarationFlag.Registers;
  const existing = builder.exports.find((entry) => entry.name === exportName && entry.declaration !== undefined);
  if (existing?.declaration !== undefined) {
    scope.ownerOfNode.set(site === undefined ? statement : valueNode, existing.declaration);
    return;
  }
  const index = addDeclaration(builder, site?.node ?? statement, site?.name ?? statement, exportName, kind, -1, flags);
  scope.ownerOfNode.set(site === undefined ? statement : valueNode, index);
  addExport(builder, exportName, site?.name ?? statement, { declaration: index, public: false });
}
