/**
 * Facts extracted from one file. They depend only on the file's text (and the extractor
 * version), which is what lets the registry cache them by content hash and re-parse only
 * changed files. Everything that depends on other files (resolution, liveness) happens later.
 */

/** Bump whenever extraction changes: cached facts from another version are re-extracted. */
export const FACTS_VERSION = 20;

export type DeclarationKind =
  | 'function'
  | 'class'
  | 'variable'
  | 'type'
  | 'interface'
  | 'enum'
  | 'enum-member'
  | 'namespace'
  | 'method'
  | 'property';

export const DeclarationFlag = {
  /** Declared with an `export` modifier (or a CommonJS `exports.x =`). */
  Exported: 1,
  /** JSDoc `@public`: keep the export even when nothing uses it. */
  Public: 2,
  /** Has decorators: a framework registers it, so it is used when its file is. */
  Decorated: 4,
  /** `declare` or inside `declare global` / `declare module`. */
  Ambient: 8,
  /** A variable whose initializer only names other bindings (`const x = y.z`). */
  AliasOnly: 16,
  /** The export is the module's default export. */
  Default: 32,
  /** Initializer has calls, `new` or `await` that run when the module loads. */
  LoadTimeEffects: 64,
  /** A class member only its class can reach: `private` or `#name`. */
  Private: 128,
  /**
   * A class whose members other code can reach without naming them: it extends or implements
   * something outside the module scope's names, or `this` escapes (`register(this)`, `this[key]`),
   * or it only declares uninitialised fields (a data shape that serialisers read).
   */
  OpenMembers: 256,
  /** An enum member with a string value: no number can stand for it. */
  StringValue: 512,
  /**
   * The statement carries a `@ts-expect-error` (before it or inside it): a compile-time check
   * that the compiler runs; nothing needs to read it.
   */
  TypeAssertion: 1024,
  /** JSDoc `@internal`: exported for the project's own tooling and tests, not for production code. */
  Internal: 2048,
  /** A class registered as a custom element (`customElements.define('x-tag', X)`): pages use it by its tag. */
  CustomElement: 4096,
  /**
   * A variable whose initializer hands a function or class to a call when the module loads
   * (`const hello = register('hello', () => ...)`): a registration, which the module is loaded for.
   */
  Registers: 8192,
} as const;

export interface DeclarationFact {
  name: string;
  kind: DeclarationKind;
  /** 1-based position of the declaration's name (or of its statement when nameless). */
  line: number;
  column: number;
  endLine: number;
  /** Offsets of the whole statement or member, JSDoc excluded, for edits. */
  start: number;
  end: number;
  /** Index of the containing declaration (class, enum, namespace), or -1 at top level. */
  parent: number;
  flags: number;
  signature?: string;
  /** String enum members: the value (`Active = 'active'`), which a cast (`'active' as Status`) selects. */
  value?: string;
  /** Variables: the classes the value is an instance of, by its syntax (`= new C()`, `: C`). */
  instanceOf?: string[];
  /** Classes: the names their `extends`/`implements` clauses start with (`''` for an expression). */
  heritage?: string[];
  /** Interfaces: the names of their members that are not optional (a class that implements one must have them). */
  requiredMembers?: string[];
  /**
   * Hash of the body with bound names, literals, types, formatting and the order of
   * independent statements normalised (extract/body-tokens.ts); large bodies only.
   */
  bodyHash?: string;
  bodySize?: number;
  /** MinHash sketch of the normalised body, for near-duplicates (extract/body-sketch.ts). */
  bodySketch?: string;
}

type ImportForm =
  | 'static'
  | 'side-effect'
  | 'dynamic'
  | 'require'
  | 'import-equals'
  | 'reexport'
  | 'import-type'
  | 'url'
  | 'reference';

export interface ImportFact {
  specifier: string;
  form: ImportForm;
  line: number;
  column: number;
  /** Declaration whose code contains the import (dynamic imports, requires), or -1. */
  owner: number;
  typeOnly: boolean;
  /**
   * What a dynamic import, require or import type uses when it is not bound to a name in
   * module scope: listed export names, or `whole` when the namespace object escapes.
   */
  usedNames?: string[];
  whole?: boolean;
  /**
   * The specifier is a pattern (`*` for each unknown part): `import(\`./locales/${lang}.ts\`)`,
   * `require('./x/' + name)`, `import.meta.glob('./pages/*.ts')`. Every matching file is loaded.
   */
  pattern?: boolean;
  /** Patterns a glob load leaves out (`import.meta.glob(['./*.ts', '!./skip.ts'])`). */
  exclude?: string[];
  /**
   * The path is computed at run time and cannot be bounded (`import(name)`, `require(x)`,
   * `eval`, `new Function`): any file could be loaded, so what nothing else reaches is uncertain.
   */
  unbounded?: boolean;
}

/** A name in module scope bound by an import: `import { a as b }` binds `b` to `a`. */
export interface ImportBindingFact {
  local: string;
  importIndex: number;
  /** Exported name in the target module; `*` for the namespace, `default` for default. */
  imported: string;
  typeOnly: boolean;
}

export interface ExportFact {
  /** Exported name; `default`, or `export=` for `export =` / `module.exports =`. */
  name: string;
  line: number;
  column: number;
  /** Local binding name (a declaration or an import binding) for local exports. */
  local?: string;
  /** Declaration index for exports that are declarations themselves. */
  declaration?: number;
  /** Import index for `export { a } from` and `export * as ns from`. */
  importIndex?: number;
  /** Name in the source module for re-exports; `*` for `export * as ns`. */
  importedName?: string;
  typeOnly: boolean;
  public: boolean;
  /** JSDoc `@alias`: a second name for a declaration, kept on purpose (not a duplicate export). */
  alias?: boolean;
}

export interface StarExportFact {
  importIndex: number;
  line: number;
  column: number;
  typeOnly: boolean;
}

export const ReferenceFlag = {
  /** The name is used in a type position. */
  Type: 1,
  /** Fake wiring: `void x`, a bare `x;`, or assigned to a local nothing reads. */
  Fake: 2,
  /**
   * A type (or `typeof x`) named inside the body of a function with a declared return type:
   * not part of its signature (with an inferred return type it may be).
   */
  Body: 4,
  /** The key set of a mapped type or `Record<K, V>`: an enum named there has all its members used. */
  KeySet: 8,
  /** A value named by a type query (`typeof x`): a type use of a value. */
  TypeQuery: 16,
  /**
   * The name is called or constructed (`f()`, `new C()`): a namespace merged with that
   * function or class is not read as a whole by it.
   */
  Callee: 32,
  /**
   * The class (or an instance of it: a variable with `instanceOf`) is read with a key nobody can
   * name (`svc[key]`): every member of the class may be read.
   */
  AnyMember: 64,
} as const;

/** A use of a module-scope name from a declaration (or the module's top level, owner -1). */
export interface ReferenceFact {
  owner: number;
  name: string;
  flags: number;
  /** Static member names accessed on the binding (`ns.a.b` gives ['a', 'b']). */
  path?: string[];
}

export interface SuppressionFact {
  /** Line of the comment. */
  line: number;
  column: number;
  /** The line whose findings it suppresses; 0 for the whole file. */
  targetLine: number;
  /** Rule ids; empty means every rule. */
  rules: string[];
}

export interface ParseErrorFact {
  line: number;
  column: number;
  message: string;
}

type ModuleKind = 'esm' | 'cjs' | 'script';

export interface FileFacts {
  version: number;
  moduleKind: ModuleKind;
  /** Top-level code beyond declarations, imports and exports runs when the module loads. */
  hasSideEffects: boolean;
  declarations: DeclarationFact[];
  imports: ImportFact[];
  importBindings: ImportBindingFact[];
  exports: ExportFact[];
  starExports: StarExportFact[];
  references: ReferenceFact[];
  /**
   * Property names read from any object (`x.name`, `x['name']`, `{ name } = x`), by owner:
   * how class members are found used, whatever the object's type. `[owner, name]` pairs.
   */
  memberUses?: Array<[number, string]>;
  /** Owners of JSX elements and fragments: the classic transform calls a factory there (see graph-files.ts). */
  jsxOwners?: number[];
  /** Names used but not declared in module scope: how script-file globals are found. */
  freeNames: string[];
  suppressions: SuppressionFact[];
  parseErrors: ParseErrorFact[];
  /** Icon set names and icon classes the text uses by name (see extract/icon-references.ts). */
  iconReferences?: string[];
  /** Only ambient declarations and augmentations: the compiler includes it, nothing imports it. */
  ambientOnly?: boolean;
  /**
   * The file asserts types (`expectTypeOf`, `assertType`, tsd's `expectType`, `@ts-expect-error`):
   * in a test, its declarations are checked by the compiler, not read by code.
   */
  assertsTypes?: boolean;
  /** Set when the file was not parsed (binary or too large): why. */
  skipped?: string;
}

/** Facts from their cached JSON; undefined when there is none or the row is damaged (then the file is parsed again). */
export function parseCachedFacts(json: string | undefined): FileFacts | undefined {
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json) as FileFacts;
  } catch {
    return undefined;
  }
}
