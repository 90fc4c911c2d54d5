import { type DeclarationKind, DeclarationFlag } from '../facts.js';
import { addBodyHash, addDeclaration, addExport, hasDecorators, isPublicStatement, modifierFlags } from './declaration-facts.js';
import { bindingNames, hasLoadTimeEffects, isPureReference, staticPropertyName } from './expression-shapes.js';
import { collectModuleLoadBinding } from './require-bindings.js';
import type { FactsBuilder } from './facts-builder.js';
import type { ScopeRecorder } from './scope-recorder.js';
import { signatureText } from './signatures.js';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

// Pass 1, ES declarations: functions, classes (with members), interfaces, types, enums,
// namespaces and variables at the top level, with their `export` modifiers.

export type NamedStatement =
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

export function collectNamedDeclaration(scope: ScopeRecorder, node: NamedStatement | ts.ModuleDeclaration, parent: number): number {
  const { builder } = scope;
  const { ts } = builder;
  const kind = KIND_OF_STATEMENT[ts.SyntaxKind[node.kind]];
  const modifiers = modifierFlags(builder, node);
  const isDefault = (modifiers & DeclarationFlag.Default) !== 0;
  const name = node.name !== undefined && !ts.isStringLiteral(node.name) ? node.name.text : 'default';
  let flags = modifiers;
  if (hasDecorators(ts, node)) flags |= DeclarationFlag.Decorated;
  if (parent === -1 && isPublicStatement(builder, node)) flags |= DeclarationFlag.Public;

  const existing = parent === -1 ? scope.topLevelByName.get(name) : undefined;
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
      scope.topLevelByName.set(name, index);
      scope.names.add(name);
    }
  }
  scope.ownerOfNode.set(node, index);
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
      if (parent === -1) scope.ownerOfNode.set(member, memberIndex);
    }
  }
  return index;
}

export function collectClassMembers(builder: FactsBuilder, node: ts.ClassLikeDeclaration, classIndex: number): void {
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

function isParameterPropertyModifier(ts: TypeScriptApi, kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.PublicKeyword || kind === ts.SyntaxKind.PrivateKeyword
    || kind === ts.SyntaxKind.ProtectedKeyword || kind === ts.SyntaxKind.ReadonlyKeyword;
}

export function collectModuleDeclaration(scope: ScopeRecorder, node: ts.ModuleDeclaration): void {
  const { builder } = scope;
  const { ts } = builder;
  if (ts.isStringLiteral(node.name) || (node.flags & ts.NodeFlags.GlobalAugmentation) !== 0) {
    // `declare module 'x'` and `declare global`: ambient; their references live with the file.
    scope.ownerOfNode.set(node, -1);
    return;
  }
  const index = collectNamedDeclaration(scope, node, -1);
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

export function collectVariableStatement(scope: ScopeRecorder, statement: ts.VariableStatement, parent: number): void {
  const { builder } = scope;
  const { ts } = builder;
  const modifiers = modifierFlags(builder, statement);
  const isPublic = isPublicStatement(builder, statement);
  for (const declaration of statement.declarationList.declarations) {
    if (parent === -1 && collectModuleLoadBinding(scope, declaration, modifiers)) continue;
    let flags = modifiers | (isPublic ? DeclarationFlag.Public : 0);
    const initializer = declaration.initializer;
    if (initializer !== undefined) {
      if (isPureReference(ts, initializer)) flags |= DeclarationFlag.AliasOnly;
      if (hasLoadTimeEffects(ts, initializer, builder.text)) flags |= DeclarationFlag.LoadTimeEffects;
    }
    const names = bindingNames(ts, declaration.name);
    for (const name of names) {
      const index = addDeclaration(builder, declaration, name, name.text, 'variable', parent, flags);
      scope.topLevelByName.set(name.text, index);
      scope.names.add(name.text);
      if (names.length === 1) scope.ownerOfNode.set(declaration, index);
      else scope.ownerOfNode.set(name, index);
      if ((flags & DeclarationFlag.Exported) !== 0) {
        builder.moduleKind = 'esm';
        addExport(builder, name.text, name, { declaration: index, public: isPublic });
      }
    }
  }
}
