import { type DeclarationKind, DeclarationFlag } from '../facts.js';
import { addBodyHash, addDeclaration, addExport, hasDecorators, isInternalStatement, isPublicStatement, isTypeAssertionStatement, modifierFlags } from './declaration-facts.js';
import { bindingNames, hasLoadTimeEffects, isPureReference, staticPropertyName } from './expression-shapes.js';
import { noteModuleAugmentation } from './augmentations.js';
import { instanceClassOf } from './instance-classes.js';
import { handsOffCallable } from './registrations.js';
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
  if (parent === -1 && isTypeAssertionStatement(builder, node)) flags |= DeclarationFlag.TypeAssertion;
  if (parent === -1 && isInternalStatement(builder, node)) flags |= DeclarationFlag.Internal;

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
  if (ts.isInterfaceDeclaration(node)) {
    const required = node.members.filter((member) => (ts.isPropertySignature(member) || ts.isMethodSignature(member)) && member.questionToken === undefined)
      .map((member) => staticPropertyName(ts, member.name as ts.PropertyName)).filter((member): member is string => member !== undefined);
    // Declarations of one interface merge: so do their members.
    const fact = builder.declarations[index];
    if (required.length > 0) fact.requiredMembers = [...new Set([...(fact.requiredMembers ?? []), ...required])];
  }
  if (ts.isClassDeclaration(node)) {
    collectClassMembers(scope, node, index);
    // Only uninitialised fields: a data shape (a DTO, a schema) that object literals, ORMs and
    // deserialisers fill and serialisers read, never by name in the project.
    if (isDataShape(ts, node)) builder.declarations[index].flags |= DeclarationFlag.OpenMembers;
    if (parent === -1 && ((flags & DeclarationFlag.Decorated) !== 0 || classRunsAtLoad(builder, node))) runsAtLoad(builder, index, name);
  } else if (ts.isEnumDeclaration(node)) {
    // `enum E { A = register() }`: the initializer runs when the module loads.
    if (parent === -1 && node.members.some((member) => member.initializer !== undefined && hasLoadTimeEffects(ts, member.initializer, builder.text))) {
      runsAtLoad(builder, index, name);
    }
    for (const member of node.members) {
      const memberName = staticPropertyName(ts, member.name) ?? member.name.getText(builder.sourceFile);
      const isString = member.initializer !== undefined && (ts.isStringLiteralLike(member.initializer) || ts.isTemplateExpression(member.initializer));
      const memberIndex = addDeclaration(builder, member, member.name, memberName, 'enum-member', index, isString ? DeclarationFlag.StringValue : 0);
      if (member.initializer !== undefined && ts.isStringLiteralLike(member.initializer)) builder.declarations[memberIndex].value = member.initializer.text;
      // Member initializers (`AB = A | B`) are owned by their member.
      if (parent === -1) scope.ownerOfNode.set(member, memberIndex);
    }
  }
  return index;
}

/**
 * A declaration whose definition runs code (a decorator, a static block, an enum initializer, a
 * namespace body that calls something) registers or does something when the module loads:
 * loading the module uses it, and importing the module for anything runs that.
 */
function runsAtLoad(builder: FactsBuilder, index: number, name: string): void {
  if ((builder.declarations[index].flags & DeclarationFlag.Ambient) !== 0) return;
  builder.declarations[index].flags |= DeclarationFlag.LoadTimeEffects;
  builder.hasSideEffects = true;
  if (name !== 'default') builder.addReference(-1, name, 0);
}

function isDataShape(ts: TypeScriptApi, node: ts.ClassLikeDeclaration): boolean {
  return node.members.length > 0 && node.members.every((member) => ts.isPropertyDeclaration(member)
    && member.initializer === undefined && !(ts.getModifiers(member) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword));
}

/**
 * A `static {}` block or static initializer with effects (`customElements.define('x', this)`),
 * a computed member name (`[register()]() {}`), an `extends` expression (`extends mixin(B)`)
 * that calls something, or a decorated member or parameter (`@Get('/home') home()`, which
 * registers a route): all run when the class is defined.
 */
function classRunsAtLoad(builder: FactsBuilder, node: ts.ClassLikeDeclaration): boolean {
  const { ts } = builder;
  const effects = (current: ts.Node) => hasLoadTimeEffects(ts, current, builder.text);
  const decorated = (member: ts.ClassElement) => hasDecorators(ts, member)
    || ((ts.isMethodDeclaration(member) || ts.isConstructorDeclaration(member) || ts.isSetAccessorDeclaration(member))
      && member.parameters.some((parameter) => hasDecorators(ts, parameter)));
  return node.members.some((member) => decorated(member) || (ts.isClassStaticBlockDeclaration(member) && effects(member.body))
    || (member.name !== undefined && ts.isComputedPropertyName(member.name) && effects(member.name.expression))
    || (ts.isPropertyDeclaration(member) && member.initializer !== undefined
      && (ts.getModifiers(member) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword)
      && effects(member.initializer)))
    || (node.heritageClauses ?? []).some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword && clause.types.some((type) => effects(type.expression)));
}

/** A namespace body's code runs when the module loads: a call there (not in a function it declares) is an effect. */
function namespaceRunsAtLoad(builder: FactsBuilder, body: ts.ModuleBlock): boolean {
  const { ts } = builder;
  return body.statements.some((statement) => {
    if (ts.isFunctionDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return false;
    if (ts.isClassDeclaration(statement)) return classRunsAtLoad(builder, statement);
    if (ts.isModuleDeclaration(statement)) {
      let inner = statement.body;
      while (inner !== undefined && ts.isModuleDeclaration(inner)) inner = inner.body;
      return inner !== undefined && ts.isModuleBlock(inner) && namespaceRunsAtLoad(builder, inner);
    }
    if (ts.isEnumDeclaration(statement)) return statement.members.some((member) => member.initializer !== undefined && hasLoadTimeEffects(ts, member.initializer, builder.text));
    return hasLoadTimeEffects(ts, statement, builder.text);
  });
}

export function collectClassMembers(scope: ScopeRecorder, node: ts.ClassLikeDeclaration, classIndex: number): void {
  const { builder } = scope;
  const { ts } = builder;
  builder.declarations[classIndex].heritage = classHeritage(ts, node);
  for (const member of node.members) {
    if (ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)
      || ts.isPropertyDeclaration(member)) {
      const name = staticPropertyName(ts, member.name);
      if (name === undefined) continue;
      const kind = ts.isPropertyDeclaration(member) ? 'property' : 'method';
      let flags = memberFlags(builder, member);
      // A field whose initializer does something (`static registered = track(this)`) is kept for it.
      if (ts.isPropertyDeclaration(member) && member.initializer !== undefined && hasLoadTimeEffects(ts, member.initializer, builder.text)) {
        flags |= DeclarationFlag.LoadTimeEffects;
      }
      const index = addDeclaration(builder, member, member.name, name, kind, classIndex, flags);
      // A method's body runs when it is called: its uses belong to it, not to the class.
      if (kind === 'method') scope.ownerOfNode.set(member, index);
    } else if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        const modifiers = ts.getModifiers(parameter) ?? [];
        if (modifiers.some((modifier) => isParameterPropertyModifier(ts, modifier.kind)) && ts.isIdentifier(parameter.name)) {
          addDeclaration(builder, parameter, parameter.name, parameter.name.text, 'property', classIndex, memberFlags(builder, parameter));
        }
      }
    }
  }
}

/** The root names of `extends` and `implements` (`''` for a call such as a mixin). */
function classHeritage(ts: TypeScriptApi, node: ts.ClassLikeDeclaration): string[] {
  const names: string[] = [];
  for (const clause of node.heritageClauses ?? []) {
    for (const type of clause.types) {
      let expression: ts.Expression = type.expression;
      while (ts.isPropertyAccessExpression(expression)) expression = expression.expression;
      names.push(ts.isIdentifier(expression) ? expression.text : '');
    }
  }
  return names;
}

function memberFlags(builder: FactsBuilder, member: ts.Node): number {
  const { ts } = builder;
  let flags = modifierFlags(builder, member);
  if (hasDecorators(ts, member)) flags |= DeclarationFlag.Decorated;
  const modifiers = ts.canHaveModifiers(member) ? ts.getModifiers(member) ?? [] : [];
  const name = (member as { name?: ts.Node }).name;
  if (modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.PrivateKeyword) || (name !== undefined && ts.isPrivateIdentifier(name))) {
    flags |= DeclarationFlag.Private;
  }
  return flags;
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
    if (ts.isStringLiteral(node.name)) noteModuleAugmentation(builder, node);
    return;
  }
  const index = collectNamedDeclaration(scope, node, -1);
  let body = node.body;
  while (body !== undefined && ts.isModuleDeclaration(body)) body = body.body;
  if (body === undefined || !ts.isModuleBlock(body)) return;
  if (namespaceRunsAtLoad(builder, body)) runsAtLoad(builder, index, builder.declarations[index].name);
  for (const inner of body.statements) {
    if (ts.isFunctionDeclaration(inner) || ts.isClassDeclaration(inner) || ts.isInterfaceDeclaration(inner)
      || ts.isTypeAliasDeclaration(inner) || ts.isEnumDeclaration(inner)) {
      if (inner.name !== undefined) {
        const kind = KIND_OF_STATEMENT[ts.SyntaxKind[inner.kind]];
        // A namespace member owns its code: it is live when something reads it (`NS.member`).
        scope.ownerOfNode.set(inner, addDeclaration(builder, inner, inner.name, inner.name.text, kind, index, modifierFlags(builder, inner)));
      }
    } else if (ts.isVariableStatement(inner)) {
      for (const declaration of inner.declarationList.declarations) {
        for (const name of bindingNames(ts, declaration.name)) {
          const member = addDeclaration(builder, declaration, name, name.text, 'variable', index, modifierFlags(builder, inner));
          if (!scope.ownerOfNode.has(declaration)) scope.ownerOfNode.set(declaration, member);
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
  const isTypeAssertion = parent === -1 && isTypeAssertionStatement(builder, statement);
  const isInternal = parent === -1 && isInternalStatement(builder, statement);
  for (const declaration of statement.declarationList.declarations) {
    if (parent === -1 && collectModuleLoadBinding(scope, declaration, modifiers)) continue;
    let flags = modifiers | (isPublic ? DeclarationFlag.Public : 0) | (isTypeAssertion ? DeclarationFlag.TypeAssertion : 0)
      | (isInternal ? DeclarationFlag.Internal : 0);
    const initializer = declaration.initializer;
    if ((statement.declarationList.flags & ts.NodeFlags.Using) !== 0) {
      // `using r = x` disposes x when the module finishes loading: an effect even when r is never read.
      flags |= DeclarationFlag.LoadTimeEffects;
    } else if (initializer !== undefined) {
      if (isPureReference(ts, initializer)) flags |= DeclarationFlag.AliasOnly;
      if (hasLoadTimeEffects(ts, initializer, builder.text)) flags |= DeclarationFlag.LoadTimeEffects;
      if ((flags & DeclarationFlag.LoadTimeEffects) !== 0 && handsOffCallable(ts, builder.sourceFile, initializer)) flags |= DeclarationFlag.Registers;
    }
    const names = bindingNames(ts, declaration.name);
    for (const name of names) {
      const index = addDeclaration(builder, declaration, name, name.text, 'variable', parent, flags);
      const instanceOf = names.length === 1 ? instanceClassOf(ts, declaration.type, initializer) : [];
      if (instanceOf.length > 0) builder.declarations[index].instanceOf = instanceOf;
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
