import { DeclarationFlag, ReferenceFlag } from '../facts.js';
import { flattenAccessChain, flattenQualifiedName, isNameUsedIn } from './access-chains.js';
import {
  bindingNames,
  hasLoadTimeEffects,
  isFakeWiringExpression,
  isPureReference,
  literalNullish,
  literalTruth,
  referenceRoot,
  staticPropertyName,
  unwrapAwait,
  unwrapExpression,
} from './expression-shapes.js';
import type { FactsBuilder } from './facts-builder.js';
import { loadInInitializer, moduleLoadCall, promiseAllLoads } from './module-load-call.js';
import { keySetNames } from './key-set-types.js';
import { certainStrings, possibleKeys } from './key-values.js';
import { instanceClassesByName, keyofClasses } from './instance-classes.js';
import { definedExports } from './defined-exports.js';
import { exportStarHelper } from './compiled-reexports.js';
import { kindTables } from './syntax-kind-tables.js';
import { aliasedObjects, membersReadThroughAlias } from './namespace-aliases.js';
import type { NameUses } from './name-uses.js';
import type { ModuleScope } from './scope-recorder.js';
import type { LoadWalker, ModuleLoad, ModuleLoadUsage } from './load-walker.js';
import { recordInstalledPackagePath, recordTransportTargets } from './option-references.js';
import { visitCallExpression, visitImportType, visitLoadArguments, visitNewExpression, visitLocalModuleLoad } from './module-loads.js';
import { type Scope, createScope, declareInScope, isShadowed, Meaning, nearestFunctionScope } from './scopes.js';
import type { ts } from '../../typescript/typescript-api.js';

interface PendingReference {
  scope: Scope;
  name: string;
  owner: number;
  flags: number;
  path?: string[];
}

/** Methods of Reflect and Object that read or ask for a property by name (their second argument). */
const REFLECTING_METHODS = new Set(['get', 'has', 'getOwnPropertyDescriptor', 'hasOwn']);

/** Members of a promise: reading them from `import()` is not reading an export. */
const PROMISE_MEMBERS = new Set(['then', 'catch', 'finally']);

/**
 * Pass 2: walks every statement and records, for each use of a module-scope name, the
 * declaration that owns the use (or -1 for code that runs when the module loads). Uses are
 * resolved against inner scopes after the walk, so hoisting needs no special casing.
 */
export class ReferenceWalker implements LoadWalker {
  readonly ts: FactsBuilder['ts'];
  private readonly moduleScope: Scope = createScope(undefined, true);
  private scope: Scope = this.moduleScope;
  private owner = -1;
  /** Owner for uses that run at load time inside an initializer with effects. */
  private loadTimeOwner: number | undefined;
  /** Inside a function body: code that runs later, when called. */
  private deferred = false;
  private typePosition = false;
  /** Set while a mapped type's or Record's key set is recorded (see key-set-types.ts). */
  private keySet = false;
  /** Recording the class of an object read with an unknown key: all its members may be read. */
  private anyMember = false;
  /** Module-scope names that may hold a class or an imported instance (see mayBeClassOrInstance). */
  private classOrInstanceNames: Set<string> | undefined;
  /** Inside `typeof x` in a type: a value used as a type. */
  private typeQuery = false;
  /**
   * The innermost function body belongs to a function whose return type is inferred: a type
   * named in it may be part of that return type (`() => { const run = (o: Options) => ...; return { run }; }`).
   */
  private inferredReturn = false;
  private fake = false;
  /** Inside `export const v = x` in a namespace: v is read from outside as `NS.v`, not by its bare name. */
  private inExportedStatement = false;
  /** Set while the callee of a call or `new` is recorded. */
  private callee = false;
  private functionBody: ts.Node | undefined;
  /** Module-scope names the JSX transform calls, found at the first element. */
  private jsxFactories: string[] | undefined;
  private readonly pending: PendingReference[] = [];
  /** Declaration index of each enclosing class (-1 for classes without facts), innermost last. */
  private readonly classes: number[] = [];
  /** Set while an enum member's initializer is walked. */
  private enumContext: { enumName: string; memberNames: Set<string> } | undefined;
  /** Set inside a top-level namespace's body: its members by name, read there without `NS.`. */
  private namespaceContext: { name: string; members: Set<string> } | undefined;

  /** Uses of names per scope, for object aliases (see membersReadThroughAlias): this file's only. */
  private readonly nameUses = new Map<ts.Node, NameUses>();

  /** Kinds `ts.isTypeNode` accepts, looked up once per node. */
  private readonly typeNodeKinds: Uint8Array;
  /** Kinds visitNode has no case for (learnt as they reach `default`): their children are visited. */
  private readonly plainKinds: Uint8Array;
  /** The forEachChild callback: one function, not a closure per node. */
  private readonly visitChild = (child: ts.Node): undefined => {
    this.visit(child);
    return undefined;
  };

  constructor(readonly builder: FactsBuilder, private readonly module: ModuleScope) {
    this.ts = builder.ts;
    const tables = kindTables(builder.ts);
    this.typeNodeKinds = tables.typeNode;
    this.plainKinds = tables.plainReferenceKinds;
  }

  walkFile(): void {
    const { sourceFile, isJavaScript } = this.builder;
    for (const statement of sourceFile.statements) this.walkTopLevelStatement(statement);
    // JSDoc after the last statement (`@typedef`s at the end of a file) hangs on the end token.
    if (isJavaScript) {
      this.owner = -1;
      this.visitJsDoc(sourceFile.endOfFileToken);
    }
    for (const reference of this.pending) {
      if (!isShadowed(reference.scope, this.moduleScope, reference.name, (reference.flags & ReferenceFlag.Type) !== 0)) {
        this.builder.addReference(reference.owner, reference.name, reference.flags, reference.path);
      }
    }
  }

  get currentOwner(): number {
    return !this.deferred && this.loadTimeOwner !== undefined ? this.loadTimeOwner : this.owner;
  }

  get inTypePosition(): boolean {
    return this.typePosition;
  }

  get sourceFile(): ts.SourceFile {
    return this.builder.sourceFile;
  }

  isModuleName(name: string): boolean {
    return this.module.names.has(name);
  }

  importOrigin(local: string): { specifier: string; imported: string } | undefined {
    if (!this.module.names.has(local)) return undefined;
    const binding = this.builder.importBindings.find((candidate) => candidate.local === local);
    return binding === undefined ? undefined : { specifier: this.builder.imports[binding.importIndex].specifier, imported: binding.imported };
  }

  get enclosingBody(): ts.Node {
    return this.functionBody ?? this.builder.sourceFile;
  }

  recordReference(name: string, path?: string[]): void {
    if (this.enumContext !== undefined && this.enumContext.memberNames.has(name) && path === undefined) {
      // Inside an enum, a bare member name is that member: `AB = A | B` reads E.A and E.B.
      this.recordReference(this.enumContext.enumName, [name]);
      return;
    }
    if (this.namespaceContext?.members.has(name) === true) {
      // Inside `namespace NS`, a bare member name reads NS.member.
      this.recordReference(this.namespaceContext.name, [name, ...(path ?? [])]);
      return;
    }
    if (!this.module.names.has(name)) {
      this.builder.freeNames.add(name);
      return;
    }
    const flags = this.referenceFlags();
    if (this.scope === this.moduleScope) {
      this.builder.addReference(this.currentOwner, name, flags, path);
    } else {
      this.pending.push({ scope: this.scope, name, owner: this.currentOwner, flags, path });
    }
  }

  private referenceFlags(): number {
    return (this.typePosition ? ReferenceFlag.Type : 0) | (this.fake ? ReferenceFlag.Fake : 0)
      | ((this.typePosition || this.typeQuery) && this.functionBody !== undefined && !this.inferredReturn ? ReferenceFlag.Body : 0)
      | (this.keySet ? ReferenceFlag.KeySet : 0)
      | (this.typeQuery ? ReferenceFlag.TypeQuery : 0)
      | (this.callee ? ReferenceFlag.Callee : 0)
      | (this.anyMember ? ReferenceFlag.AnyMember : 0);
  }

  /**
   * `exports.helper()` / `module.exports.helper()` reads the module's own CommonJS export
   * helper: a use of its declaration in this file (removing it would break the reader).
   */
  private recordOwnExportRead(root: string, path: readonly string[]): void {
    if (this.module.names.has(root)) return;
    const name = root === 'exports' ? path[0] : root === 'module' && path[0] === 'exports' ? path[1] : undefined;
    if (name !== undefined) this.builder.addReference(this.currentOwner, name, this.referenceFlags());
  }

  recordModuleLoad(load: ModuleLoad, usage: ModuleLoadUsage): void {
    this.builder.addImport({
      specifier: load.specifier,
      form: load.form,
      ...this.builder.positionOfNode(load.call),
      owner: this.currentOwner,
      typeOnly: load.form === 'import-type',
      ...(usage.whole ? { whole: true } : { usedNames: usage.usedNames }),
      ...(load.pattern ? { pattern: true } : {}),
      ...(load.exclude !== undefined ? { exclude: load.exclude } : {}),
      ...(load.unbounded ? { unbounded: true } : {}),
    });
  }

  /** Top-level statements walkTopLevelStatement takes apart rather than visiting whole. */
  private isWalkedInParts(kind: ts.SyntaxKind): boolean {
    const { SyntaxKind } = this.ts;
    return kind === SyntaxKind.ImportDeclaration || kind === SyntaxKind.ExportDeclaration || kind === SyntaxKind.ImportEqualsDeclaration
      || kind === SyntaxKind.ExportAssignment || kind === SyntaxKind.VariableStatement || kind === SyntaxKind.ExpressionStatement;
  }

  private walkTopLevelStatement(statement: ts.Statement): void {
    const { ts, builder } = this;
    this.owner = this.module.ownerOfNode.get(statement) ?? -1;
    this.loadTimeOwner = undefined;
    this.deferred = false;
    // The statement's JSDoc types (`/** @typedef {import('./x').T} T */` above an import) are uses
    // whatever the statement is; `default:` below visits the whole statement, JSDoc included.
    if (builder.isJavaScript && this.isWalkedInParts(statement.kind)) this.visitJsDoc(statement);
    switch (statement.kind) {
      case ts.SyntaxKind.ImportDeclaration:
      case ts.SyntaxKind.ExportDeclaration:
        return;
      case ts.SyntaxKind.ImportEqualsDeclaration: {
        const reference = (statement as ts.ImportEqualsDeclaration).moduleReference;
        if (!ts.isExternalModuleReference(reference)) this.visitEntityName(reference, false);
        return;
      }
      case ts.SyntaxKind.ExportAssignment: {
        const expression = (statement as ts.ExportAssignment).expression;
        if (ts.isIdentifier(expression)) return;
        this.visitInitializer(expression, this.owner);
        return;
      }
      case ts.SyntaxKind.VariableStatement: {
        const list = (statement as ts.VariableStatement).declarationList;
        for (const declaration of list.declarations) {
          this.walkTopLevelDeclarator(declaration);
          // `using r = x` disposes r when the module finishes loading: the module uses r.
          if ((list.flags & ts.NodeFlags.Using) !== 0 && ts.isIdentifier(declaration.name)) builder.addReference(-1, declaration.name.text, 0);
        }
        return;
      }
      case ts.SyntaxKind.ExpressionStatement:
        this.walkTopLevelExpression(statement as ts.ExpressionStatement);
        return;
      default:
        this.visit(statement);
    }
  }

  private walkTopLevelDeclarator(declaration: ts.VariableDeclaration): void {
    const { ts, builder } = this;
    if (this.module.consumedInitializers.has(declaration)) {
      // Bound like an import by pass 1; the names in a computed specifier are still used.
      const found = declaration.initializer === undefined ? undefined : loadInInitializer(ts, declaration.initializer, { sourceFile: this.sourceFile });
      if (found !== undefined) visitLoadArguments(this, found.load.call);
      for (const { load } of promiseAllLoads(ts, declaration, { sourceFile: this.sourceFile }) ?? []) visitLoadArguments(this, load.call);
      return;
    }
    if (ts.isIdentifier(declaration.name)) {
      this.owner = this.module.ownerOfNode.get(declaration) ?? -1;
      this.visitOptional(declaration.type);
      if (declaration.initializer !== undefined && !visitLocalModuleLoad(this, declaration) && !this.visitObjectAlias(declaration)) {
        this.visitInitializer(declaration.initializer, this.owner);
      }
      return;
    }
    const ownerOfElement = (element: ts.BindingElement) => {
      const first = bindingNames(ts, element.name)[0];
      return (first && this.module.ownerOfNode.get(first)) ?? this.module.ownerOfNode.get(declaration) ?? -1;
    };
    const initializer = declaration.initializer;
    const root = initializer !== undefined ? referenceRoot(ts, initializer) : undefined;
    if (root !== undefined && initializer !== undefined && ts.isObjectBindingPattern(declaration.name)) {
      // `const { A, B } = E` reads the members A and B of E, each for its own binding.
      this.owner = -1;
      this.recordPatternKeys(declaration.name);
      const basePath = flattenAccessChain(ts, initializer).path;
      for (const element of declaration.name.elements) {
        const property = staticPropertyName(ts, element.propertyName ?? element.name);
        this.owner = element.dotDotDotToken !== undefined || property === undefined ? -1 : ownerOfElement(element);
        this.recordReference(root.text, property === undefined || element.dotDotDotToken !== undefined ? basePath : [...basePath, property]);
        this.visitOptional(element.initializer);
      }
      return;
    }
    this.owner = -1;
    this.visitBindingName(declaration.name);
    this.visitOptional(declaration.type);
    this.visitOptional(declaration.initializer);
  }

  private walkTopLevelExpression(statement: ts.ExpressionStatement): void {
    const { ts, builder } = this;
    if (this.module.consumedInitializers.has(statement)) {
      const helper = exportStarHelper(ts, statement);
      if (helper !== undefined) this.visitCallee(helper);
      return;
    }
    const expression = statement.expression;
    if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken
      && this.module.ownerOfNode.has(statement)) {
      // A CommonJS export: the value belongs to the exported declaration (or per property).
      const value = expression.right;
      if (ts.isObjectLiteralExpression(value) && this.module.ownerOfNode.get(statement) === -1) {
        for (const property of value.properties) {
          if (ts.isShorthandPropertyAssignment(property)) continue;
          this.owner = this.module.ownerOfNode.get(property) ?? -1;
          if (ts.isPropertyAssignment(property)) {
            if (!ts.isIdentifier(property.initializer)) this.visitInitializer(property.initializer, this.owner);
          } else {
            this.visit(property);
          }
        }
        return;
      }
      if (!ts.isIdentifier(value)) this.visitInitializer(value, this.owner);
      return;
    }
    const defined = definedExports(ts, statement, this.module.names.has('exports'));
    if (defined !== undefined) {
      // `Object.defineProperty(exports, 'a', { get() { return a; } })`: each value belongs to its export.
      for (const { value, lazy } of defined) {
        if (ts.isIdentifier(unwrapExpression(ts, value))) continue;
        // A getter's value is computed when read; a `value` when the module loads.
        this.owner = this.module.ownerOfNode.get(value) ?? -1;
        this.loadTimeOwner = !lazy && hasLoadTimeEffects(ts, value, builder.text) ? -1 : undefined;
        this.visit(value);
        this.loadTimeOwner = undefined;
      }
      return;
    }
    this.visitExpressionStatement(statement);
  }

  /** Visits a value that is evaluated when the module loads, owned by `owner` unless it has effects. */
  private visitInitializer(node: ts.Expression, owner: number): void {
    const { ts, builder } = this;
    const fact = owner >= 0 ? builder.declarations[owner] : undefined;
    const effects = fact !== undefined
      ? (fact.flags & DeclarationFlag.LoadTimeEffects) !== 0
      : hasLoadTimeEffects(ts, node, builder.text);
    this.owner = owner;
    this.loadTimeOwner = effects ? -1 : undefined;
    this.visit(node);
    this.loadTimeOwner = undefined;
  }

  visitOptional(node: ts.Node | undefined): void {
    if (node !== undefined) this.visit(node);
  }

  visitEach(nodes: readonly ts.Node[] | undefined): void {
    if (nodes !== undefined) for (const node of nodes) this.visit(node);
  }

  visit(node: ts.Node): void {
    if (this.builder.isJavaScript) this.visitJsDoc(node);
    const enteringType = !this.typePosition && this.typeNodeKinds[node.kind] === 1 && node.kind !== this.ts.SyntaxKind.ExpressionWithTypeArguments;
    if (enteringType) this.typePosition = true;
    this.visitNode(node);
    if (enteringType) this.typePosition = false;
  }

  private visitNode(node: ts.Node): void {
    const { ts } = this;
    // Read once: every case label below is compared for every node, and the API object is large.
    const { SyntaxKind } = ts;
    const kind = node.kind;
    if (this.typePosition && (kind === ts.SyntaxKind.MappedType || kind === ts.SyntaxKind.TypeReference || kind === ts.SyntaxKind.TemplateLiteralType)) {
      this.visitKeySet(node);
    }
    if (kind === SyntaxKind.TypeReference) {
      // `Pick<Service, 'run' | 'stop'>`: string keys handed to a generic type name members.
      for (const argument of (node as ts.TypeReferenceNode).typeArguments ?? []) this.recordLiteralKeys(argument);
    }
    // Most nodes (binary expressions, returns, literals, ...) have no case below: once a kind has
    // reached `default`, its nodes skip the comparisons against every case label.
    if (this.plainKinds[kind] === 1) {
      ts.forEachChild(node, this.visitChild);
      return;
    }
    switch (kind) {
      case SyntaxKind.Identifier:
        this.recordReference((node as ts.Identifier).text);
        return;
      case SyntaxKind.PropertyAccessExpression:
      case SyntaxKind.ElementAccessExpression:
        this.visitAccessChain(node as ts.Expression);
        return;
      case SyntaxKind.QualifiedName:
        this.visitEntityName(node as ts.QualifiedName, this.typePosition);
        return;
      case SyntaxKind.TypeQuery: {
        const query = node as ts.TypeQueryNode;
        const savedQuery = this.typeQuery;
        this.typeQuery = true;
        this.visitEntityName(query.exprName, false);
        this.typeQuery = savedQuery;
        // `typeof service.run` names the member run: a type built from it needs it.
        for (let name: ts.EntityName = query.exprName; ts.isQualifiedName(name); name = name.left) {
          this.builder.addMemberUse(this.currentOwner, name.right.text);
        }
        this.visitEach(query.typeArguments);
        return;
      }
      case SyntaxKind.IndexedAccessType:
        // `Service['run']` is the type of member run.
        this.recordLiteralKeys((node as ts.IndexedAccessTypeNode).indexType);
        ts.forEachChild(node, this.visitChild);
        return;
      case SyntaxKind.ImportType:
        visitImportType(this, node as ts.ImportTypeNode);
        return;
      case SyntaxKind.PropertyAssignment: {
        const property = node as ts.PropertyAssignment;
        recordTransportTargets(this, property);
        this.visitPropertyName(property.name);
        this.visit(property.initializer);
        return;
      }
      case SyntaxKind.ShorthandPropertyAssignment: {
        const property = node as ts.ShorthandPropertyAssignment;
        this.recordReference(property.name.text);
        this.visitOptional(property.objectAssignmentInitializer);
        return;
      }
      case SyntaxKind.PropertySignature:
      case SyntaxKind.EnumMember: {
        const member = node as ts.PropertySignature | ts.EnumMember;
        this.visitPropertyName(member.name);
        this.visitOptional((member as ts.PropertySignature).type);
        this.visitOptional((member as ts.EnumMember).initializer);
        return;
      }
      case SyntaxKind.PropertyDeclaration:
        this.visitPropertyDeclaration(node as ts.PropertyDeclaration);
        return;
      case SyntaxKind.FunctionDeclaration:
      case SyntaxKind.FunctionExpression:
      case SyntaxKind.ArrowFunction:
      case SyntaxKind.MethodDeclaration:
      case SyntaxKind.MethodSignature:
      case SyntaxKind.Constructor:
      case SyntaxKind.GetAccessor:
      case SyntaxKind.SetAccessor:
      case SyntaxKind.CallSignature:
      case SyntaxKind.ConstructSignature:
      case SyntaxKind.IndexSignature:
      case SyntaxKind.FunctionType:
      case SyntaxKind.ConstructorType:
        this.visitFunctionLike(node as ts.SignatureDeclaration);
        return;
      case SyntaxKind.ClassDeclaration:
      case SyntaxKind.ClassExpression:
        this.visitClass(node as ts.ClassLikeDeclaration);
        return;
      case SyntaxKind.ClassStaticBlockDeclaration:
        this.withLoadTimeBody((node as ts.ClassStaticBlockDeclaration).body);
        return;
      case SyntaxKind.InterfaceDeclaration:
      case SyntaxKind.TypeAliasDeclaration:
        this.visitTypeDeclaration(node as ts.InterfaceDeclaration | ts.TypeAliasDeclaration);
        return;
      case SyntaxKind.EnumDeclaration:
        this.visitEnum(node as ts.EnumDeclaration);
        return;
      case SyntaxKind.ModuleDeclaration:
        this.visitModuleDeclaration(node as ts.ModuleDeclaration);
        return;
      case SyntaxKind.VariableStatement: {
        const statement = node as ts.VariableStatement;
        const saved = this.inExportedStatement;
        this.inExportedStatement = statement.modifiers?.some((modifier) => modifier.kind === SyntaxKind.ExportKeyword) ?? false;
        this.visitVariableDeclarationList(statement.declarationList);
        this.inExportedStatement = saved;
        return;
      }
      case SyntaxKind.VariableDeclarationList:
        this.visitVariableDeclarationList(node as ts.VariableDeclarationList);
        return;
      case SyntaxKind.Parameter:
        this.visitParameter(node as ts.ParameterDeclaration);
        return;
      case SyntaxKind.Block:
        this.withScope(false, () => this.visitStatements((node as ts.Block).statements));
        return;
      case SyntaxKind.WhileStatement: {
        // `while (false) x();` never runs its body (a `do … while (false)` body runs once).
        const loop = node as ts.WhileStatement;
        this.visit(loop.expression);
        this.visitBranch(loop.statement, literalTruth(ts, loop.expression) === false);
        return;
      }
      case SyntaxKind.ForStatement:
        this.visitForStatement(node as ts.ForStatement);
        return;
      case SyntaxKind.ForInStatement:
      case SyntaxKind.ForOfStatement:
      case SyntaxKind.CaseBlock:
      case SyntaxKind.CatchClause:
      case SyntaxKind.MappedType:
      case SyntaxKind.ConditionalType: {
        const saved = this.scope;
        this.scope = createScope(saved, false);
        ts.forEachChild(node, this.visitChild);
        this.scope = saved;
        return;
      }
      case SyntaxKind.TypeParameter: {
        const parameter = node as ts.TypeParameterDeclaration;
        this.declare(parameter.name.text, Meaning.Type);
        this.visitOptional(parameter.constraint);
        this.visitOptional(parameter.default);
        return;
      }
      case SyntaxKind.HeritageClause:
        this.visitHeritageClause(node as ts.HeritageClause, false);
        return;
      case SyntaxKind.VariableDeclaration: {
        // Only a catch clause reaches here; other declarations come through their list.
        const declaration = node as ts.VariableDeclaration;
        for (const name of bindingNames(ts, declaration.name)) this.declare(name.text, Meaning.Value);
        this.visitBindingName(declaration.name);
        this.visitOptional(declaration.type);
        this.visitOptional(declaration.initializer);
        return;
      }
      case SyntaxKind.Decorator:
        this.visitDecorator(node as ts.Decorator);
        return;
      case SyntaxKind.ExpressionStatement:
        this.visitExpressionStatement(node as ts.ExpressionStatement);
        return;
      case SyntaxKind.IfStatement:
        this.visitIfStatement(node as ts.IfStatement);
        return;
      case SyntaxKind.ConditionalExpression: {
        // `false ? x : y` never evaluates x.
        const conditional = node as ts.ConditionalExpression;
        const truth = literalTruth(ts, conditional.condition);
        this.visit(conditional.condition);
        this.visitBranch(conditional.whenTrue, truth === false);
        this.visitBranch(conditional.whenFalse, truth === true);
        return;
      }
      case SyntaxKind.BinaryExpression: {
        const binary = node as ts.BinaryExpression;
        if (binary.operatorToken.kind === SyntaxKind.EqualsToken && binary.left.kind === SyntaxKind.Identifier
          && this.builder.moduleKind !== 'script') {
          // `x = value` writes x without reading it: a variable only ever assigned is not used. (A
          // script's variables are globals other scripts and pages may read.)
          this.withFake(() => this.visit(binary.left));
          this.visit(binary.right);
          return;
        }
        // `false && x()`, `true || x()`, `'set' ?? x()`: the right side never runs.
        const operator = binary.operatorToken.kind;
        if (operator === SyntaxKind.AmpersandAmpersandToken || operator === SyntaxKind.BarBarToken || operator === SyntaxKind.QuestionQuestionToken) {
          const skipsRight = operator === SyntaxKind.QuestionQuestionToken ? literalNullish(ts, binary.left) === false
            : literalTruth(ts, binary.left) === (operator === SyntaxKind.BarBarToken);
          if (skipsRight) {
            this.visit(binary.left);
            this.withFake(() => this.visit(binary.right));
            return;
          }
        }
        // `'flush' in target` asks for a member by its name.
        if (binary.operatorToken.kind === SyntaxKind.InKeyword && ts.isStringLiteralLike(binary.left)) {
          this.builder.addMemberUse(this.currentOwner, binary.left.text);
        }
        ts.forEachChild(node, this.visitChild);
        return;
      }
      case SyntaxKind.CallExpression:
        this.recordReflectedMember(node as ts.CallExpression);
        visitCallExpression(this, node as ts.CallExpression);
        return;
      case SyntaxKind.NewExpression:
        visitNewExpression(this, node as ts.NewExpression);
        return;
      case SyntaxKind.JsxOpeningElement:
      case SyntaxKind.JsxSelfClosingElement:
        this.visitJsxElement(node as ts.JsxOpeningElement | ts.JsxSelfClosingElement);
        return;
      case SyntaxKind.JsxOpeningFragment:
        this.recordJsxFactories();
        return;
      case SyntaxKind.JsxAttribute:
        this.visitOptional((node as ts.JsxAttribute).initializer);
        return;
      case SyntaxKind.ReturnStatement: {
        // `return this` (a fluent method) hands the instance to its caller, as `return new C()`
        // does: the caller names the members it uses, so it is no escape of `this`.
        const returned = (node as ts.ReturnStatement).expression;
        if (returned !== undefined && unwrapExpression(ts, returned).kind !== SyntaxKind.ThisKeyword) this.visit(returned);
        return;
      }
      case SyntaxKind.AsExpression:
      case SyntaxKind.TypeAssertionExpression:
        this.recordEnumValueCast(node as ts.AsExpression | ts.TypeAssertion);
        ts.forEachChild(node, this.visitChild);
        return;
      case SyntaxKind.LabeledStatement:
        this.visit((node as ts.LabeledStatement).statement);
        return;
      case SyntaxKind.TypePredicate:
        this.visitOptional((node as ts.TypePredicateNode).type);
        return;
      case SyntaxKind.NamedTupleMember:
        this.visit((node as ts.NamedTupleMember).type);
        return;
      case SyntaxKind.ImportEqualsDeclaration:
        this.visitNestedImportEquals(node as ts.ImportEqualsDeclaration);
        return;
      case SyntaxKind.BindingElement:
        this.visitBindingName(node as ts.BindingElement);
        return;
      case SyntaxKind.ThisKeyword:
        // `register(this)`, `const self = this`: the instance escapes, any member may be called.
        this.openEnclosingClass();
        return;
      case SyntaxKind.StringLiteral:
      case SyntaxKind.NoSubstitutionTemplateLiteral:
        recordInstalledPackagePath(this, node as ts.StringLiteralLike);
        return;
      case SyntaxKind.JsxClosingElement:
      case SyntaxKind.JsxNamespacedName:
      case SyntaxKind.MetaProperty:
      case SyntaxKind.BreakStatement:
      case SyntaxKind.ContinueStatement:
      case SyntaxKind.ImportDeclaration:
      case SyntaxKind.ExportDeclaration:
      case SyntaxKind.PrivateIdentifier:
        return;
      default:
        if (kind >= SyntaxKind.FirstJSDocTagNode && kind <= SyntaxKind.LastJSDocTagNode) {
          this.visitJsDocTag(node as ts.JSDocTag);
          return;
        }
        this.plainKinds[kind] = 1;
        ts.forEachChild(node, this.visitChild);
    }
  }

  private visitAccessChain(node: ts.Expression): void {
    const { ts } = this;
    if (ts.isElementAccessExpression(node) && ts.isIdentifier(node.expression) && ts.isPropertyAccessExpression(node.argumentExpression)
      && ts.isIdentifier(node.argumentExpression.expression) && node.argumentExpression.expression.text === node.expression.text) {
      // `E[E.A]`, an enum's reverse mapping, reads member A only.
      this.recordReference(node.expression.text, [node.argumentExpression.name.text]);
      return;
    }
    const chain = flattenAccessChain(ts, node);
    const root = unwrapAwait(ts, chain.root);
    for (const name of chain.names) this.builder.addMemberUse(this.currentOwner, name);
    // `svc[KEY]()` with `const KEY = 'flush'`, `obj[name]` with `name: 'open' | 'close'`.
    chain.dynamicArguments.forEach((key, index) => {
      const names = possibleKeys(ts, this.sourceFile, key);
      for (const name of names) this.builder.addMemberUse(this.currentOwner, name);
      if (names.length === 0) this.recordAnyMemberRead(chain.dynamicObjects[index], key);
    });
    if (chain.root.kind === ts.SyntaxKind.ThisKeyword || chain.root.kind === ts.SyntaxKind.SuperKeyword) {
      // `this.x` names its member; `this[key]` could read any of them.
      if (chain.dynamicOnRoot && chain.root.kind === ts.SyntaxKind.ThisKeyword) this.openEnclosingClass();
      // Outside a class, `this.helper()` in `module.exports = { run() { ... } }` reads the export helper.
      if (this.classes.length === 0 && chain.root.kind === ts.SyntaxKind.ThisKeyword && chain.path.length > 0) {
        this.builder.addReference(this.currentOwner, chain.path[0], this.referenceFlags());
      }
    } else if (ts.isIdentifier(chain.root)) {
      // `ns[k]` with `const k = 'a'` (every binding of k known) reads ns.a, not all of ns.
      const rootKey = chain.dynamicOnRoot ? chain.dynamicArguments[chain.dynamicArguments.length - 1] : undefined;
      const keys = rootKey === undefined ? [] : certainStrings(ts, this.sourceFile, rootKey);
      if (keys.length > 0) for (const key of new Set(keys)) this.recordReference(chain.root.text, [key]);
      else this.recordReference(chain.root.text, chain.path.length > 0 ? chain.path : undefined);
      if (chain.path.length > 0 && (chain.root.text === 'exports' || chain.root.text === 'module')) this.recordOwnExportRead(chain.root.text, chain.path);
    } else {
      const load = moduleLoadCall(ts, root, { unbounded: this.sourceFile });
      if (load !== undefined) {
        const isPromise = root === unwrapExpression(ts, chain.root) && load.form === 'dynamic';
        const named = chain.path.length > 0 && !(isPromise && PROMISE_MEMBERS.has(chain.path[0]));
        this.recordModuleLoad(load, named ? { usedNames: [chain.path[0]], whole: false } : { usedNames: [], whole: true });
        visitLoadArguments(this, load.call);
      } else {
        this.visit(chain.root);
      }
    }
    this.visitEach(chain.dynamicArguments);
  }

  /**
   * `svc[key]` with a key nobody can name: if the object's class is known by its bindings (`const
   * svc = new Service()`, `svc: Service`, `this.svc` of a field so typed, `key as keyof Service`),
   * every member of that class may be read. The object's own name is recorded too, so the graph
   * can follow an imported instance (`export const svc = new Service()`) or a class read statically.
   */
  private recordAnyMemberRead(object: ts.Expression, key: ts.Expression): void {
    const { ts } = this;
    const target = unwrapExpression(ts, object);
    const name = ts.isIdentifier(target) ? target.text : ts.isPropertyAccessExpression(target) ? target.name.text : undefined;
    const classes = new Set(keyofClasses(ts, this.sourceFile, key));
    if (name !== undefined) for (const found of instanceClassesByName(ts, this.sourceFile).get(name) ?? []) classes.add(found);
    // The object itself when it may be a class (`Service[key]` of statics) or an imported instance
    // (the graph follows the exporting variable's `instanceOf`); its own file's bindings are above.
    if (ts.isIdentifier(target) && this.mayBeClassOrInstance(target.text)) classes.add(target.text);
    const saved = this.typePosition;
    this.typePosition = true;
    this.anyMember = true;
    for (const found of classes) if (this.module.names.has(found)) this.recordReference(found);
    this.typePosition = saved;
    this.anyMember = false;
  }

  private mayBeClassOrInstance(name: string): boolean {
    // Asked for every `x[i]`: the names are gathered once per file.
    this.classOrInstanceNames ??= new Set([
      ...this.builder.importBindings.filter((binding) => binding.imported !== '*').map((binding) => binding.local),
      ...this.builder.declarations.filter((declaration) => declaration.parent === -1 && declaration.kind === 'class').map((declaration) => declaration.name),
    ]);
    return this.classOrInstanceNames.has(name);
  }

  /**
   * `'active' as Status`: a string enum's member chosen by its value (TypeScript accepts no bare
   * string where the enum is expected). Recorded as a read of `Status` at that value; the graph
   * matches it against the members' values.
   */
  private recordEnumValueCast(node: ts.AsExpression | ts.TypeAssertion): void {
    const { ts } = this;
    const value = unwrapExpression(ts, node.expression);
    if (!ts.isStringLiteralLike(value) || !ts.isTypeReferenceNode(node.type) || node.type.typeArguments !== undefined) return;
    const { root, path } = flattenQualifiedName(ts, node.type.typeName);
    if (root === undefined) return;
    // Named as a type: the cast may be to a union of strings, which has no value to read.
    const saved = this.typePosition;
    this.typePosition = true;
    this.recordReference(root.text, [...path, value.text]);
    this.typePosition = saved;
  }

  /** `A.B.C` as a type (or as a value in `typeof A.B` / `import x = A.B`). */
  /** Records the key-set names of a mapped type or Record again, flagged: an enum's members are all keys. */
  private visitKeySet(node: ts.Node): void {
    for (const name of keySetNames(this.ts, node, (local) => this.module.names.has(local))) {
      this.keySet = true;
      this.visitEntityName(name, true);
      this.keySet = false;
    }
  }

  /** `Reflect.get(target, 'run')`, `Object.hasOwn(target, 'run')`: a member read by its name. */
  private recordReflectedMember(call: ts.CallExpression): void {
    const { ts } = this;
    const callee = call.expression;
    const key = call.arguments[1];
    if (key === undefined || !ts.isStringLiteralLike(key) || !ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return;
    const owner = callee.expression.text;
    if ((owner === 'Reflect' || owner === 'Object') && REFLECTING_METHODS.has(callee.name.text)) this.builder.addMemberUse(this.currentOwner, key.text);
  }

  /** A string literal type (or a union of them) used as property keys: member uses by name. */
  private recordLiteralKeys(node: ts.TypeNode): void {
    const { ts } = this;
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) this.builder.addMemberUse(this.currentOwner, node.literal.text);
    else if (ts.isUnionTypeNode(node)) for (const member of node.types) this.recordLiteralKeys(member);
  }

  private visitEntityName(node: ts.EntityName, inTypePosition: boolean): void {
    const saved = this.typePosition;
    this.typePosition = inTypePosition;
    const { root, path } = flattenQualifiedName(this.ts, node);
    if (root !== undefined) this.recordReference(root.text, path.length > 0 ? path : undefined);
    this.typePosition = saved;
  }

  visitCallee(node: ts.Expression): void {
    // `new this()` in a static factory makes an instance, as `new C()` does: no escape of `this`.
    if (node.kind === this.ts.SyntaxKind.ThisKeyword) return;
    if (!this.ts.isIdentifier(node)) {
      this.visit(node);
      return;
    }
    this.callee = true;
    this.recordReference(node.text);
    this.callee = false;
  }

  visitPropertyName(name: ts.PropertyName | undefined): void {
    if (name !== undefined && this.ts.isComputedPropertyName(name)) this.visit(name.expression);
  }

  private visitPropertyDeclaration(node: ts.PropertyDeclaration): void {
    const { ts } = this;
    this.visitEach(ts.getDecorators(node));
    this.visitPropertyName(node.name);
    this.visitOptional(node.type);
    if (node.initializer === undefined) return;
    const isStatic = ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ?? false;
    if (isStatic) {
      this.withLoadTimeBody(node.initializer);
    } else {
      const saved = this.deferred;
      this.deferred = true;
      this.visit(node.initializer);
      this.deferred = saved;
    }
  }

  /** Code that runs when the class is defined (static blocks and initializers). */
  private withLoadTimeBody(node: ts.Node): void {
    if (this.deferred) {
      this.visit(node);
      return;
    }
    const saved = this.loadTimeOwner;
    this.loadTimeOwner = hasLoadTimeEffects(this.ts, node, this.builder.text) ? -1 : undefined;
    this.visit(node);
    this.loadTimeOwner = saved;
  }

  private visitFunctionLike(node: ts.SignatureDeclaration): void {
    const { ts } = this;
    this.visitEach(ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined);
    if (ts.isFunctionDeclaration(node) && node.name !== undefined) this.declare(node.name.text, Meaning.Value);
    if (node.name !== undefined && !ts.isIdentifier(node.name)) this.visitPropertyName(node.name as ts.PropertyName);
    const savedDeferred = this.deferred;
    const savedBody = this.functionBody;
    const savedInferred = this.inferredReturn;
    this.withScope(true, () => {
      if (ts.isFunctionExpression(node) && node.name !== undefined) this.declare(node.name.text, Meaning.Value);
      this.deferred = true;
      this.visitEach(node.typeParameters);
      this.visitEach(node.parameters);
      this.visitOptional(node.type);
      const body = (node as ts.FunctionLikeDeclaration).body;
      if (body !== undefined) {
        this.functionBody = body;
        this.inferredReturn = node.type === undefined && !ts.isConstructorDeclaration(node) && !ts.isSetAccessorDeclaration(node);
        if (ts.isBlock(body)) {
          this.visitStatements(body.statements);
        } else if (ts.isVoidExpression(body) && isFakeWiringExpression(ts, body)) {
          this.withFake(() => this.visit(body));
        } else {
          this.visit(body);
        }
      }
    });
    this.deferred = savedDeferred;
    this.functionBody = savedBody;
    this.inferredReturn = savedInferred;
  }

  private visitClass(node: ts.ClassLikeDeclaration): void {
    const { ts } = this;
    const savedOwner = this.owner;
    const savedLoadTime = this.loadTimeOwner;
    this.visitEach(ts.getDecorators(node));
    if (ts.isClassDeclaration(node) && node.name !== undefined) this.declare(node.name.text, Meaning.Both);
    const classIndex = this.module.ownerOfNode.get(node);
    this.classes.push(classIndex !== undefined && this.builder.declarations[classIndex]?.kind === 'class' ? classIndex : -1);
    this.withScope(false, () => {
      if (ts.isClassExpression(node) && node.name !== undefined) this.declare(node.name.text, Meaning.Both);
      this.visitEach(node.typeParameters);
      for (const clause of node.heritageClauses ?? []) this.visitHeritageClause(clause, true);
      for (const member of node.members) {
        // Methods own their bodies; field initializers run with the class (construction, load).
        this.owner = this.module.ownerOfNode.get(member) ?? savedOwner;
        // A computed name (`[register()]() {}`) is evaluated when the class is defined.
        if (member.name !== undefined && ts.isComputedPropertyName(member.name)) this.withLoadTimeBody(member.name);
        this.visit(member);
      }
    });
    this.classes.pop();
    this.owner = savedOwner;
    this.loadTimeOwner = savedLoadTime;
  }

  /** A class's `extends` names a value; `implements` and interface `extends` name types. */
  private visitHeritageClause(node: ts.HeritageClause, inClass: boolean): void {
    const { ts } = this;
    const isClassExtends = inClass && node.token === ts.SyntaxKind.ExtendsKeyword;
    for (const type of node.types) {
      if (isClassExtends) {
        this.visit(type.expression);
      } else {
        const saved = this.typePosition;
        this.typePosition = true;
        this.visit(type.expression);
        this.typePosition = saved;
      }
      this.visitEach(type.typeArguments);
    }
  }

  private visitTypeDeclaration(node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): void {
    const { ts } = this;
    this.declare(node.name.text, Meaning.Type);
    const saved = this.typePosition;
    this.typePosition = true;
    this.withScope(false, () => {
      this.visitEach(node.typeParameters);
      if (ts.isInterfaceDeclaration(node)) {
        for (const clause of node.heritageClauses ?? []) this.visitHeritageClause(clause, false);
        this.visitEach(node.members);
      } else {
        this.visit(node.type);
      }
    });
    this.typePosition = saved;
  }

  private visitEnum(node: ts.EnumDeclaration): void {
    const { ts } = this;
    this.declare(node.name.text, Meaning.Both);
    const memberNames = new Set<string>();
    for (const member of node.members) {
      const name = staticPropertyName(ts, member.name);
      if (name !== undefined) memberNames.add(name);
    }
    const savedOwner = this.owner;
    this.withScope(false, () => {
      for (const name of memberNames) this.declare(name, Meaning.Value);
      for (const member of node.members) {
        this.owner = this.module.ownerOfNode.get(member) ?? savedOwner;
        this.visitPropertyName(member.name);
        if (member.initializer !== undefined) {
          this.enumContext = { enumName: node.name.text, memberNames };
          this.withLoadTimeBody(member.initializer);
          this.enumContext = undefined;
        }
      }
    });
    this.owner = savedOwner;
  }

  private visitModuleDeclaration(node: ts.ModuleDeclaration): void {
    const { ts, builder } = this;
    if (ts.isIdentifier(node.name)) this.declare(node.name.text, Meaning.Both);
    if (node.body === undefined) return;
    const body = node.body;
    const index = this.module.ownerOfNode.get(node);
    const fact = index !== undefined && index >= 0 ? builder.declarations[index] : undefined;
    if (fact?.kind !== 'namespace' || fact.parent !== -1 || this.namespaceContext !== undefined) {
      this.withScope(true, () => {
        if (ts.isModuleBlock(body)) this.visitEach(body.statements);
        else this.visit(body);
      });
      return;
    }
    let block: ts.ModuleBody | undefined = body;
    while (block !== undefined && ts.isModuleDeclaration(block)) block = block.body;
    const members = new Set(builder.declarations.filter((member) => member.parent === index).map((member) => member.name));
    const savedOwner = this.owner;
    this.namespaceContext = { name: fact.name, members };
    this.withScope(true, () => {
      for (const statement of block !== undefined && ts.isModuleBlock(block) ? block.statements : []) {
        const first = ts.isVariableStatement(statement) ? statement.declarationList.declarations[0] : undefined;
        this.owner = this.module.ownerOfNode.get(first ?? statement) ?? (index as number);
        // The body runs when the module loads: what a call there uses is used by the module.
        this.withLoadTimeBody(statement);
      }
    });
    this.namespaceContext = undefined;
    this.owner = savedOwner;
  }

  private visitVariableDeclarationList(list: ts.VariableDeclarationList): void {
    const { ts } = this;
    const isVar = (list.flags & ts.NodeFlags.BlockScoped) === 0;
    const target = isVar ? nearestFunctionScope(this.scope) : this.scope;
    for (const declaration of list.declarations) {
      for (const name of bindingNames(ts, declaration.name)) {
        if (this.module.names.has(name.text)) declareInScope(target, name.text, Meaning.Value);
      }
      this.visitBindingName(declaration.name);
      // A local's annotation is not part of the function's inferred return type (what a nested
      // function's parameters or a returned `as T` name may be).
      const savedInferred = this.inferredReturn;
      this.inferredReturn = false;
      this.visitOptional(declaration.type);
      this.inferredReturn = savedInferred;
      // `using r = x` disposes x at the end of the scope: a use even when r is never read.
      const isUsing = (list.flags & ts.NodeFlags.Using) !== 0;
      if (declaration.initializer !== undefined) this.visitLocalInitializer(declaration, isUsing);
    }
  }

  private visitLocalInitializer(declaration: ts.VariableDeclaration, isUsing: boolean): void {
    const { ts } = this;
    const initializer = declaration.initializer as ts.Expression;
    if (visitLocalModuleLoad(this, declaration) || this.visitObjectAlias(declaration)) return;
    const root = referenceRoot(ts, initializer);
    if (ts.isIdentifier(declaration.name) && root !== undefined && isPureReference(ts, initializer)
      && this.module.names.has(root.text) && !this.inExportedStatement && !isUsing
      && !isNameUsedIn(ts, this.enclosingBody, declaration.name.text, declaration.name)) {
      // Assigned to a local that nothing reads: fake wiring.
      this.withFake(() => this.visit(initializer));
      return;
    }
    if (root !== undefined && ts.isObjectBindingPattern(declaration.name)) {
      this.recordPatternKeys(declaration.name);
      const basePath = flattenAccessChain(ts, initializer).path;
      for (const element of declaration.name.elements) {
        const property = staticPropertyName(ts, element.propertyName ?? element.name);
        const whole = element.dotDotDotToken !== undefined || property === undefined;
        this.recordReference(root.text, whole ? basePath : [...basePath, property]);
      }
      return;
    }
    this.visit(initializer);
  }

  /**
   * `const api = { ...ns }` (or `= ns`, `Object.freeze(ns)`) read only as `api.a`: uses ns.a,
   * not all of ns. Anything else (api passed on, indexed) is walked as usual: all of ns.
   */
  private visitObjectAlias(declaration: ts.VariableDeclaration): boolean {
    const { ts } = this;
    if (!ts.isIdentifier(declaration.name) || declaration.initializer === undefined) return false;
    const objects = aliasedObjects(ts, declaration.initializer, (name) => this.module.names.has(name));
    if (objects === undefined) return false;
    const members = membersReadThroughAlias(ts, this.enclosingBody, declaration.name, this.nameUses);
    if (members === undefined) return false;
    for (const { root, path } of objects) {
      for (const member of members) this.recordReference(root, [...path, member]);
    }
    return true;
  }

  private visitParameter(node: ts.ParameterDeclaration): void {
    this.visitEach(this.ts.getDecorators(node));
    // A JSDoc function type's parameters have no names (`@property {function(...*)} debug`).
    if ((node.name as ts.BindingName | undefined) !== undefined) {
      for (const name of bindingNames(this.ts, node.name)) this.declare(name.text, Meaning.Value);
      this.visitBindingName(node.name);
    }
    this.visitOptional(node.type);
    this.visitOptional(node.initializer);
  }

  /** `{ a, b: c } = x` reads the properties a and b of x, whatever x is. */
  private recordPatternKeys(pattern: ts.BindingName): void {
    const { ts } = this;
    if (!ts.isObjectBindingPattern(pattern)) return;
    for (const element of pattern.elements) {
      const key = staticPropertyName(ts, element.propertyName ?? element.name);
      if (key !== undefined && element.dotDotDotToken === undefined) this.builder.addMemberUse(this.currentOwner, key);
    }
  }

  /** Computed keys and default values inside a binding pattern (names are declarations). */
  private visitBindingName(node: ts.BindingName | ts.BindingElement): void {
    const { ts } = this;
    if (ts.isIdentifier(node)) return;
    if (ts.isObjectBindingPattern(node)) this.recordPatternKeys(node);
    if (ts.isBindingElement(node)) {
      this.visitPropertyName(node.propertyName);
      this.visitBindingName(node.name);
      this.visitOptional(node.initializer);
      return;
    }
    for (const element of node.elements) {
      if (ts.isBindingElement(element)) this.visitBindingName(element);
    }
  }

  private visitDecorator(node: ts.Decorator): void {
    const savedOwner = this.owner;
    const savedLoadTime = this.loadTimeOwner;
    if (!this.deferred) {
      this.owner = -1;
      this.loadTimeOwner = undefined;
    }
    this.visit(node.expression);
    this.owner = savedOwner;
    this.loadTimeOwner = savedLoadTime;
  }

  private visitExpressionStatement(statement: ts.ExpressionStatement): void {
    const { ts } = this;
    const expression = statement.expression;
    if (isFakeWiringExpression(ts, expression)) {
      this.withFake(() => this.visit(expression));
      return;
    }
    const load = moduleLoadCall(ts, unwrapAwait(ts, expression), { unbounded: this.sourceFile });
    if (load !== undefined) {
      this.recordModuleLoad(load, { usedNames: [], whole: false });
      visitLoadArguments(this, load.call);
      return;
    }
    this.visit(expression);
  }

  /**
   * Statements after a `return`, `throw`, `break` or `continue` never run: their uses are fake
   * wiring. Functions, interfaces and type aliases are hoisted (usable from above), so they are
   * walked as usual.
   */
  private visitStatements(statements: readonly ts.Statement[]): void {
    const { SyntaxKind } = this.ts;
    let unreachable = false;
    for (const statement of statements) {
      const hoisted = statement.kind === SyntaxKind.FunctionDeclaration || statement.kind === SyntaxKind.InterfaceDeclaration
        || statement.kind === SyntaxKind.TypeAliasDeclaration;
      if (unreachable && !hoisted) this.withFake(() => this.visit(statement));
      else this.visit(statement);
      const kind = statement.kind;
      if (kind === SyntaxKind.ReturnStatement || kind === SyntaxKind.ThrowStatement || kind === SyntaxKind.BreakStatement
        || kind === SyntaxKind.ContinueStatement) unreachable = true;
    }
  }

  /** A branch behind a literal condition (`if (false) x();`) never runs: its uses are fake wiring. */
  private visitIfStatement(node: ts.IfStatement): void {
    const truth = literalTruth(this.ts, node.expression);
    this.visit(node.expression);
    this.visitBranch(node.thenStatement, truth === false);
    if (node.elseStatement !== undefined) this.visitBranch(node.elseStatement, truth === true);
  }

  /** `for (init; false; step) body`: the initializer runs, the body and the step never do. */
  private visitForStatement(node: ts.ForStatement): void {
    const neverLoops = node.condition !== undefined && literalTruth(this.ts, node.condition) === false;
    this.withScope(false, () => {
      this.visitOptional(node.initializer);
      this.visitOptional(node.condition);
      const body = () => {
        this.visitOptional(node.incrementor);
        this.visit(node.statement);
      };
      if (neverLoops) this.withFake(body);
      else body();
    });
  }

  private visitBranch(statement: ts.Node, neverRuns: boolean): void {
    if (neverRuns) this.withFake(() => this.visit(statement));
    else this.visit(statement);
  }

  private visitJsxElement(node: ts.JsxOpeningElement | ts.JsxSelfClosingElement): void {
    const { ts } = this;
    const tag = node.tagName;
    if (ts.isIdentifier(tag)) {
      // Not a plain call: React reads the component's own properties (`displayName`, `defaultProps`).
      if (!/^[a-z]/.test(tag.text) && !tag.text.includes('-')) this.recordReference(tag.text);
    } else if (ts.isPropertyAccessExpression(tag)) {
      this.visitAccessChain(tag);
    }
    this.recordJsxFactories();
    this.visitEach(node.typeArguments);
    this.visit(node.attributes);
  }

  /**
   * The classic JSX transform calls the factory imported under one of these names, or the one a
   * `/** @jsx createElement *\/` pragma names (with `@jsxFrag Fragment` for `<>…</>`).
   */
  private recordJsxFactories(): void {
    this.jsxFactories ??= ['React', 'h', 'jsx', ...jsxPragmaNames(this.builder.text)].filter((name) => this.module.names.has(name));
    for (const factory of this.jsxFactories) this.recordReference(factory);
    if (!this.fake) this.builder.addJsxOwner(this.currentOwner);
  }

  private visitNestedImportEquals(node: ts.ImportEqualsDeclaration): void {
    this.declare(node.name.text, Meaning.Both);
    if (!this.ts.isExternalModuleReference(node.moduleReference)) this.visitEntityName(node.moduleReference, false);
  }

  private visitJsDoc(node: ts.Node): void {
    const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
    if (docs === undefined) return;
    for (const doc of docs) this.visitEach(doc.tags);
  }

  private visitJsDocTag(tag: ts.JSDocTag): void {
    const { ts } = this;
    if (ts.isJSDocImportTag(tag)) {
      if (ts.isStringLiteral(tag.moduleSpecifier) && !this.module.handledJsDocImports.has(tag)) {
        const named = tag.importClause?.namedBindings;
        const usedNames = named !== undefined && ts.isNamedImports(named)
          ? named.elements.map((element) => (element.propertyName ?? element.name).text) : [];
        this.recordModuleLoad(
          { specifier: tag.moduleSpecifier.text, form: 'import-type', call: tag.moduleSpecifier },
          usedNames.length > 0 ? { usedNames, whole: false } : { usedNames: [], whole: true },
        );
      }
      return;
    }
    const saved = this.typePosition;
    const savedOwner = this.owner;
    this.typePosition = true;
    // A top-level `@typedef` / `@callback` owns what its type names (see jsdoc-typedefs.ts).
    this.owner = this.module.ownerOfNode.get(tag) ?? savedOwner;
    // `class` is what `@extends {Base<T>}` / `@implements {I}` name.
    const withType = tag as { typeExpression?: ts.Node; constraint?: ts.Node; class?: ts.Node };
    this.visitOptional(withType.typeExpression);
    this.visitOptional(withType.constraint);
    this.visitOptional(withType.class);
    this.typePosition = saved;
    this.owner = savedOwner;
  }

  registerCustomElement(element: ts.Expression): void {
    const { ts } = this;
    // Custom element names are global: markup and other bundles use the class by its tag.
    const index = element.kind === ts.SyntaxKind.ThisKeyword ? this.classes[this.classes.length - 1]
      : ts.isIdentifier(element) ? this.builder.declarations.findIndex((declaration) => declaration.parent === -1
        && declaration.kind === 'class' && declaration.name === element.text) : -1;
    if (index !== undefined && index >= 0) this.builder.declarations[index].flags |= DeclarationFlag.CustomElement;
  }

  private openEnclosingClass(): void {
    const index = this.classes[this.classes.length - 1];
    if (index !== undefined && index >= 0) this.builder.declarations[index].flags |= DeclarationFlag.OpenMembers;
  }

  withFake(action: () => void): void {
    const saved = this.fake;
    this.fake = true;
    action();
    this.fake = saved;
  }

  private withScope(isFunction: boolean, action: () => void): void {
    const saved = this.scope;
    this.scope = createScope(saved, isFunction);
    action();
    this.scope = saved;
  }

  declare(name: string, meaning: number): void {
    if (this.scope !== this.moduleScope && this.module.names.has(name)) declareInScope(this.scope, name, meaning);
  }
}

/** Names a `@jsx` / `@jsxFrag` pragma gives (the root of `@jsx Preact.h`). */
function jsxPragmaNames(text: string): string[] {
  if (!text.includes('@jsx')) return [];
  return [...text.matchAll(/@jsx(?:Frag)?\s+([A-Za-z_$][\w$]*)/g)].map((match) => match[1]);
}
