import { type DeclarationKind, DeclarationFlag } from '../facts.js';
import { hasPublicTag } from './comments.js';
import {
  bindingNames,
  hasLoadTimeEffects,
  isFakeWiringExpression,
  isPureReference,
  staticPropertyName,
  unwrapAwait,
  unwrapExpression,
} from './expression-shapes.js';
import type { FactsBuilder } from './facts-builder.js';
import { functionBodyOf, hashBody, signatureText } from './signatures.js';
import type { ts } from './typescript-api.js';

/**
 * Pass 1: the module scope. Records every top-level declaration (with its class, enum and
 * namespace members), import, import binding and export, so that pass 2 knows which names
 * belong to the module and which declaration owns each statement.
 */
export function collectModuleScope(builder: FactsBuilder): void {
  for (const statement of builder.sourceFile.statements) collectStatement(builder, statement);
  if (builder.isJavaScript) collectJsDocImports(builder);
}

/**
 * JSDoc `@import { A } from './x'` / `@import * as T from './x'` (TypeScript 5.5) bind type
 * names in module scope, like `import type` in TypeScript files.
 */
function collectJsDocImports(builder: FactsBuilder): void {
  const { ts, sourceFile } = builder;
  for (const holder of [...sourceFile.statements, sourceFile.endOfFileToken]) {
    for (const doc of (holder as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) {
      for (const tag of doc.tags ?? []) {
        if (!ts.isJSDocImportTag(tag) || !ts.isStringLiteral(tag.moduleSpecifier)) continue;
        builder.handledJsDocImports.add(tag);
        const importIndex = builder.addImport({
          specifier: tag.moduleSpecifier.text, form: 'import-type', ...builder.positionOfNode(tag.moduleSpecifier), owner: -1, typeOnly: true,
        });
        const bind = (local: string, imported: string) => {
          builder.importBindings.push({ local, importIndex, imported, typeOnly: true });
          builder.moduleNames.add(local);
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

function collectStatement(builder: FactsBuilder, statement: ts.Statement): void {
  const { ts } = builder;
  switch (statement.kind) {
    case ts.SyntaxKind.ImportDeclaration:
      collectImportDeclaration(builder, statement as ts.ImportDeclaration);
      return;
    case ts.SyntaxKind.ImportEqualsDeclaration:
      collectImportEquals(builder, statement as ts.ImportEqualsDeclaration);
      return;
    case ts.SyntaxKind.ExportDeclaration:
      collectExportDeclaration(builder, statement as ts.ExportDeclaration);
      return;
    case ts.SyntaxKind.ExportAssignment:
      collectExportAssignment(builder, statement as ts.ExportAssignment);
      return;
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.ClassDeclaration:
    case ts.SyntaxKind.InterfaceDeclaration:
    case ts.SyntaxKind.TypeAliasDeclaration:
    case ts.SyntaxKind.EnumDeclaration:
      collectNamedDeclaration(builder, statement as NamedStatement, -1);
      return;
    case ts.SyntaxKind.ModuleDeclaration:
      collectModuleDeclaration(builder, statement as ts.ModuleDeclaration);
      return;
    case ts.SyntaxKind.VariableStatement:
      collectVariableStatement(builder, statement as ts.VariableStatement, -1);
      return;
    case ts.SyntaxKind.ExpressionStatement:
      collectExpressionStatement(builder, statement as ts.ExpressionStatement);
      return;
    case ts.SyntaxKind.EmptyStatement:
      return;
    default:
      builder.hasSideEffects = true;
  }
}

type NamedStatement =
  | ts.FunctionDeclaration
  | ts.ClassDeclaration
  | ts.InterfaceDeclaration
  | ts.TypeAliasDeclaration
  | ts.EnumDeclaration;

const KIND_OF_STATEMENT: Record<string, DeclarationKind> = {
  FunctionDeclaration: 'function',
  ClassDeclaration: 'class',
  InterfaceDeclaration: 'interface',
  TypeAliasDeclaration: 'type',
  EnumDeclaration: 'enum',
  ModuleDeclaration: 'namespace',
};

/** Kinds whose same-named declarations merge into one symbol (overloads, interfaces, ...). */
const MERGEABLE = new Set<DeclarationKind>(['function', 'interface', 'enum', 'namespace']);

function collectNamedDeclaration(builder: FactsBuilder, node: NamedStatement | ts.ModuleDeclaration, parent: number): number {
  const { ts } = builder;
  const kind = KIND_OF_STATEMENT[ts.SyntaxKind[node.kind]];
  const modifiers = modifierFlags(builder, node);
  const isDefault = (modifiers & DeclarationFlag.Default) !== 0;
  const name = node.name !== undefined && !ts.isStringLiteral(node.name) ? node.name.text : 'default';
  let flags = modifiers;
  if (hasDecorators(ts, node)) flags |= DeclarationFlag.Decorated;
  if (parent === -1 && isPublicStatement(builder, node)) flags |= DeclarationFlag.Public;

  const existing = parent === -1 ? builder.topLevelByName.get(name) : undefined;
  let index: number;
  if (existing !== undefined && builder.declarations[existing].kind === kind && MERGEABLE.has(kind)) {
    index = existing;
    const fact = builder.declarations[existing];
    fact.flags |= flags;
    if (kind === 'function' && (node as ts.FunctionDeclaration).body !== undefined) {
      fact.signature = signatureText(ts, builder.sourceFile, node);
      addBodyHash(builder, fact, node);
    }
  } else {
    index = addDeclaration(builder, node, node.name ?? node, name, kind, parent, flags);
    if (parent === -1 && name !== 'default') {
      builder.topLevelByName.set(name, index);
      builder.moduleNames.add(name);
    }
  }
  builder.ownerOfNode.set(node, index);
  if ((flags & DeclarationFlag.Exported) !== 0 && parent === -1) {
    builder.moduleKind = 'esm';
    addExport(builder, isDefault ? 'default' : name, node.name ?? node, {
      declaration: index,
      public: (flags & DeclarationFlag.Public) !== 0,
    });
  }
  if (ts.isClassDeclaration(node)) {
    collectClassMembers(builder, node, index);
    if ((flags & DeclarationFlag.Decorated) !== 0 && parent === -1 && name !== 'default') {
      // A decorator registers the class with a framework when the module loads.
      builder.addReference(-1, name, 0);
    }
  } else if (ts.isEnumDeclaration(node)) {
    for (const member of node.members) {
      const memberName = staticPropertyName(ts, member.name) ?? member.name.getText(builder.sourceFile);
      const memberIndex = addDeclaration(builder, member, member.name, memberName, 'enum-member', index, 0);
      // Member initializers (`AB = A | B`) are owned by their member.
      if (parent === -1) builder.ownerOfNode.set(member, memberIndex);
    }
  }
  return index;
}

function collectClassMembers(builder: FactsBuilder, node: ts.ClassLikeDeclaration, classIndex: number): void {
  const { ts } = builder;
  for (const member of node.members) {
    if (ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) {
      const name = staticPropertyName(ts, member.name);
      if (name !== undefined) addDeclaration(builder, member, member.name, name, 'method', classIndex, modifierFlags(builder, member));
    } else if (ts.isPropertyDeclaration(member)) {
      const name = staticPropertyName(ts, member.name);
      if (name !== undefined) addDeclaration(builder, member, member.name, name, 'property', classIndex, modifierFlags(builder, member));
    } else if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (ts.getModifiers(parameter)?.some((modifier) => isParameterPropertyModifier(ts, modifier.kind)) && ts.isIdentifier(parameter.name)) {
          addDeclaration(builder, parameter, parameter.name, parameter.name.text, 'property', classIndex, 0);
        }
      }
    }
  }
}

function isParameterPropertyModifier(ts: FactsBuilder['ts'], kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.PublicKeyword || kind === ts.SyntaxKind.PrivateKeyword
    || kind === ts.SyntaxKind.ProtectedKeyword || kind === ts.SyntaxKind.ReadonlyKeyword;
}

function collectModuleDeclaration(builder: FactsBuilder, node: ts.ModuleDeclaration): void {
  const { ts } = builder;
  if (ts.isStringLiteral(node.name) || (node.flags & ts.NodeFlags.GlobalAugmentation) !== 0) {
    // `declare module 'x'` and `declare global`: ambient; their references live with the file.
    builder.ownerOfNode.set(node, -1);
    return;
  }
  const index = collectNamedDeclaration(builder, node, -1);
  let body = node.body;
  while (body !== undefined && ts.isModuleDeclaration(body)) body = body.body;
  if (body === undefined || !ts.isModuleBlock(body)) return;
  for (const inner of body.statements) {
    if (ts.isFunctionDeclaration(inner) || ts.isClassDeclaration(inner) || ts.isInterfaceDeclaration(inner)
      || ts.isTypeAliasDeclaration(inner) || ts.isEnumDeclaration(inner)) {
      if (inner.name !== undefined) {
        const kind = KIND_OF_STATEMENT[ts.SyntaxKind[inner.kind]];
        addDeclaration(builder, inner, inner.name, inner.name.text, kind, index, modifierFlags(builder, inner));
      }
    } else if (ts.isVariableStatement(inner)) {
      for (const declaration of inner.declarationList.declarations) {
        for (const name of bindingNames(ts, declaration.name)) {
          addDeclaration(builder, declaration, name, name.text, 'variable', index, modifierFlags(builder, inner));
        }
      }
    }
  }
}

function collectVariableStatement(builder: FactsBuilder, statement: ts.VariableStatement, parent: number): void {
  const { ts } = builder;
  const modifiers = modifierFlags(builder, statement);
  const isPublic = isPublicStatement(builder, statement);
  for (const declaration of statement.declarationList.declarations) {
    if (parent === -1 && collectModuleLoadBinding(builder, declaration, modifiers)) continue;
    let flags = modifiers | (isPublic ? DeclarationFlag.Public : 0);
    const initializer = declaration.initializer;
    if (initializer !== undefined) {
      if (isPureReference(ts, initializer)) flags |= DeclarationFlag.AliasOnly;
      if (hasLoadTimeEffects(ts, initializer, builder.text)) flags |= DeclarationFlag.LoadTimeEffects;
    }
    const names = bindingNames(ts, declaration.name);
    for (const name of names) {
      const index = addDeclaration(builder, declaration, name, name.text, 'variable', parent, flags);
      builder.topLevelByName.set(name.text, index);
      builder.moduleNames.add(name.text);
      if (names.length === 1) builder.ownerOfNode.set(declaration, index);
      else builder.ownerOfNode.set(name, index);
      if ((flags & DeclarationFlag.Exported) !== 0) {
        builder.moduleKind = 'esm';
        addExport(builder, name.text, name, { declaration: index, public: isPublic });
      }
    }
  }
}

/**
 * Top-level `const x = require('m')`, `const { a } = require('m')`, `const m = await import('m')`
 * and `const a = require('m').a` bind names like imports do.
 */
function collectModuleLoadBinding(builder: FactsBuilder, declaration: ts.VariableDeclaration, modifiers: number): boolean {
  const { ts } = builder;
  if (declaration.initializer === undefined) return false;
  let expression = unwrapAwait(ts, declaration.initializer);
  let member: string | undefined;
  if (ts.isPropertyAccessExpression(expression)) {
    member = expression.name.text;
    expression = unwrapAwait(ts, expression.expression);
  }
  const load = moduleLoadCall(builder, expression);
  if (load === undefined) return false;
  const importIndex = builder.addImport({
    specifier: load.specifier,
    form: load.form,
    ...builder.positionOfNode(load.call),
    owner: -1,
    typeOnly: false,
  });
  builder.consumedInitializers.add(declaration);
  const bind = (local: ts.Identifier, imported: string) => {
    builder.importBindings.push({ local: local.text, importIndex, imported, typeOnly: false });
    builder.moduleNames.add(local.text);
    if ((modifiers & DeclarationFlag.Exported) !== 0) {
      addExport(builder, local.text, local, { local: local.text, public: false });
    }
  };
  if (ts.isIdentifier(declaration.name)) {
    bind(declaration.name, member ?? '*');
    return true;
  }
  if (ts.isObjectBindingPattern(declaration.name) && member === undefined) {
    for (const element of declaration.name.elements) {
      if (element.dotDotDotToken !== undefined || !ts.isIdentifier(element.name)) {
        // `...rest` or a nested pattern: treat every export as used.
        builder.imports[importIndex].whole = true;
        for (const name of bindingNames(ts, element.name)) {
          const index = addDeclaration(builder, element, name, name.text, 'variable', -1, 0);
          builder.topLevelByName.set(name.text, index);
          builder.moduleNames.add(name.text);
        }
        continue;
      }
      bind(element.name, staticPropertyName(ts, element.propertyName) ?? element.name.text);
    }
    return true;
  }
  builder.imports[importIndex].whole = true;
  builder.consumedInitializers.delete(declaration);
  return false;
}

/**
 * `require('m')` or `import('m')`. A template literal or concatenation with a static relative
 * prefix (`import(\`./locales/${lang}.ts\`)`) gives a pattern with `*` for the unknown parts.
 */
export function moduleLoadCall(builder: FactsBuilder, node: ts.Node):
  { specifier: string; form: 'require' | 'dynamic'; call: ts.CallExpression; pattern?: boolean } | undefined {
  const { ts } = builder;
  if (!ts.isCallExpression(node) || node.arguments.length === 0) return undefined;
  const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
  const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1;
  if (!isImport && !isRequire) return undefined;
  const argument = node.arguments[0];
  let specifier: string | undefined;
  let pattern = false;
  if (ts.isStringLiteralLike(argument)) {
    specifier = argument.text;
  } else {
    specifier = specifierPattern(ts, argument);
    pattern = specifier !== undefined;
  }
  if (specifier === undefined) return undefined;
  if (isRequire && builder.moduleKind === 'script') builder.moduleKind = 'cjs';
  return { specifier, form: isImport ? 'dynamic' : 'require', call: node, ...(pattern ? { pattern } : {}) };
}

/** `\`./a/${x}.ts\`` or `'./a/' + x + '.ts'` as `./a/*.ts`, when the start is a relative path. */
function specifierPattern(ts: FactsBuilder['ts'], node: ts.Expression): string | undefined {
  const parts: string[] = [];
  const collect = (current: ts.Expression): void => {
    if (ts.isStringLiteralLike(current)) parts.push(current.text);
    else if (ts.isTemplateExpression(current)) {
      parts.push(current.head.text);
      for (const span of current.templateSpans) parts.push('*', span.literal.text);
    } else if (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      collect(current.left);
      collect(current.right);
    } else if (ts.isParenthesizedExpression(current)) collect(current.expression);
    else parts.push('*');
  };
  collect(node);
  const pattern = parts.join('').replace(/\*+/g, '*');
  return /^\.\.?\/[^*]/.test(pattern) && pattern.includes('*') ? pattern : undefined;
}

function collectImportDeclaration(builder: FactsBuilder, node: ts.ImportDeclaration): void {
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
    builder.moduleNames.add(local);
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

function collectImportEquals(builder: FactsBuilder, node: ts.ImportEqualsDeclaration): void {
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
    builder.moduleNames.add(node.name.text);
    if ((modifiers & DeclarationFlag.Exported) !== 0) {
      addExport(builder, node.name.text, node.name, { local: node.name.text, public: false });
    }
    return;
  }
  // `import x = N.y`: a local alias of a namespace member.
  const index = addDeclaration(builder, node, node.name, node.name.text, 'variable', -1, modifiers | DeclarationFlag.AliasOnly);
  builder.topLevelByName.set(node.name.text, index);
  builder.moduleNames.add(node.name.text);
  builder.ownerOfNode.set(node, index);
  if ((modifiers & DeclarationFlag.Exported) !== 0) {
    addExport(builder, node.name.text, node.name, { declaration: index, public: false });
  }
}

function collectExportDeclaration(builder: FactsBuilder, node: ts.ExportDeclaration): void {
  const { ts } = builder;
  builder.moduleKind = 'esm';
  const isPublic = isPublicStatement(builder, node);
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
      });
    }
  }
}

function collectExportAssignment(builder: FactsBuilder, node: ts.ExportAssignment): void {
  const { ts } = builder;
  builder.moduleKind = 'esm';
  const exportName = node.isExportEquals ? 'export=' : 'default';
  const isPublic = isPublicStatement(builder, node);
  const expression = unwrapExpression(ts, node.expression);
  if (ts.isIdentifier(expression)) {
    addExport(builder, exportName, expression, { local: expression.text, public: isPublic });
    return;
  }
  const kind: DeclarationKind = ts.isClassExpression(expression) ? 'class'
    : ts.isFunctionExpression(expression) || ts.isArrowFunction(expression) ? 'function' : 'variable';
  let flags = DeclarationFlag.Exported | DeclarationFlag.Default;
  if (isPublic) flags |= DeclarationFlag.Public;
  if (hasLoadTimeEffects(ts, expression, builder.text)) flags |= DeclarationFlag.LoadTimeEffects;
  const index = addDeclaration(builder, node, node, exportName, kind, -1, flags);
  builder.ownerOfNode.set(node, index);
  if (ts.isClassExpression(expression)) collectClassMembers(builder, expression, index);
  addExport(builder, exportName, node, { declaration: index, public: isPublic });
}

/** CommonJS exports (`module.exports = ...`, `exports.a = ...`) and top-level side effects. */
function collectExpressionStatement(builder: FactsBuilder, statement: ts.ExpressionStatement): void {
  const { ts } = builder;
  const expression = statement.expression;
  if (ts.isStringLiteral(expression)) return; // directive prologue such as 'use strict'
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = commonJsExportTarget(builder, expression.left);
    if (target !== undefined) {
      if (builder.moduleKind === 'script') builder.moduleKind = 'cjs';
      collectCommonJsExport(builder, statement, target, expression.right);
      return;
    }
  }
  if (isFakeWiringExpression(ts, expression)) return;
  const load = moduleLoadCall(builder, unwrapAwait(ts, expression));
  if (load !== undefined) return; // a bare require('x') / import('x') is recorded in pass 2
  builder.hasSideEffects = true;
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

function collectCommonJsExport(builder: FactsBuilder, statement: ts.ExpressionStatement, exportName: string, valueNode: ts.Expression): void {
  const { ts } = builder;
  const value = unwrapExpression(ts, valueNode);
  if (ts.isIdentifier(value)) {
    addExport(builder, exportName, value, { local: value.text, public: false });
    return;
  }
  if (exportName === 'export=' && ts.isObjectLiteralExpression(value)) {
    builder.ownerOfNode.set(statement, -1);
    for (const property of value.properties) {
      if (ts.isShorthandPropertyAssignment(property)) {
        addExport(builder, property.name.text, property.name, { local: property.name.text, public: false });
      } else if (ts.isPropertyAssignment(property) || ts.isMethodDeclaration(property)) {
        const name = staticPropertyName(ts, property.name);
        if (name === undefined) continue;
        const initializer = ts.isPropertyAssignment(property) ? unwrapExpression(ts, property.initializer) : undefined;
        if (initializer !== undefined && ts.isIdentifier(initializer)) {
          addExport(builder, name, property.name, { local: initializer.text, public: false });
          continue;
        }
        const kind = initializer === undefined || ts.isFunctionExpression(initializer) || ts.isArrowFunction(initializer)
          ? 'function' : ts.isClassExpression(initializer) ? 'class' : 'variable';
        const index = addDeclaration(builder, property, property.name, name, kind, -1, DeclarationFlag.Exported);
        builder.ownerOfNode.set(property, index);
        addExport(builder, name, property.name, { declaration: index, public: false });
      }
    }
    return;
  }
  const load = moduleLoadCall(builder, value);
  if (exportName === 'export=' && load !== undefined) {
    // `module.exports = require('./x')` re-exports everything of ./x.
    const importIndex = builder.addImport({
      specifier: load.specifier, form: 'reexport', ...builder.positionOfNode(load.call), owner: -1, typeOnly: false,
    });
    builder.starExports.push({ importIndex, ...builder.positionOfNode(statement), typeOnly: false });
    builder.consumedInitializers.add(statement);
    return;
  }
  const kind: DeclarationKind = ts.isFunctionExpression(value) || ts.isArrowFunction(value) ? 'function'
    : ts.isClassExpression(value) ? 'class' : 'variable';
  let flags = DeclarationFlag.Exported;
  if (hasLoadTimeEffects(ts, value, builder.text)) flags |= DeclarationFlag.LoadTimeEffects;
  const existing = builder.exports.find((entry) => entry.name === exportName && entry.declaration !== undefined);
  if (existing?.declaration !== undefined) {
    builder.ownerOfNode.set(statement, existing.declaration);
    return;
  }
  const index = addDeclaration(builder, statement, statement, exportName, kind, -1, flags);
  builder.ownerOfNode.set(statement, index);
  addExport(builder, exportName, statement, { declaration: index, public: false });
}

function addDeclaration(
  builder: FactsBuilder,
  node: ts.Node,
  nameNode: ts.Node,
  name: string,
  kind: DeclarationKind,
  parent: number,
  flags: number,
): number {
  const { ts, sourceFile } = builder;
  const position = builder.positionOfNode(nameNode);
  const start = node.getStart(sourceFile);
  const index = builder.addDeclaration({
    name,
    kind,
    line: position.line,
    column: position.column,
    endLine: builder.position(node.end).line,
    start,
    end: node.end,
    parent,
    flags: flags | (sourceFile.isDeclarationFile ? DeclarationFlag.Ambient : 0),
  });
  const fact = builder.declarations[index];
  if (kind !== 'enum-member' && kind !== 'property') fact.signature = signatureText(ts, sourceFile, node);
  addBodyHash(builder, fact, node);
  return index;
}

function addBodyHash(builder: FactsBuilder, fact: { bodyHash?: string; bodySize?: number }, node: ts.Node): void {
  const body = functionBodyOf(builder.ts, node);
  if (body === undefined) return;
  const hashed = hashBody(builder.ts, body);
  if (hashed === undefined) return;
  fact.bodyHash = hashed.hash;
  fact.bodySize = hashed.size;
}

function addExport(
  builder: FactsBuilder,
  name: string,
  at: ts.Node,
  target: { declaration?: number; local?: string; importIndex?: number; importedName?: string; public: boolean; typeOnly?: boolean },
): void {
  builder.exports.push({
    name,
    ...builder.positionOfNode(at),
    ...(target.declaration !== undefined ? { declaration: target.declaration } : {}),
    ...(target.local !== undefined ? { local: target.local } : {}),
    ...(target.importIndex !== undefined ? { importIndex: target.importIndex, importedName: target.importedName } : {}),
    typeOnly: target.typeOnly ?? false,
    public: target.public,
  });
}

function modifierFlags(builder: FactsBuilder, node: ts.Node): number {
  const { ts } = builder;
  let flags = 0;
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  for (const modifier of modifiers ?? []) {
    if (modifier.kind === ts.SyntaxKind.ExportKeyword) flags |= DeclarationFlag.Exported;
    else if (modifier.kind === ts.SyntaxKind.DefaultKeyword) flags |= DeclarationFlag.Default;
    else if (modifier.kind === ts.SyntaxKind.DeclareKeyword) flags |= DeclarationFlag.Ambient;
  }
  return flags;
}

function hasDecorators(ts: FactsBuilder['ts'], node: ts.Node): boolean {
  return ts.canHaveDecorators(node) && (ts.getDecorators(node)?.length ?? 0) > 0;
}

/** JSDoc `@public` in the comments before the statement. */
function isPublicStatement(builder: FactsBuilder, node: ts.Node): boolean {
  const leading = builder.text.slice(node.pos, node.getStart(builder.sourceFile));
  return leading.includes('@public') && hasPublicTag(leading);
}
