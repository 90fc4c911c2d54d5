import type {
  DeclarationFact,
  ExportFact,
  FileFacts,
  ImportBindingFact,
  ImportFact,
  ParseErrorFact,
  ReferenceFact,
  StarExportFact,
  SuppressionFact,
} from '../facts.js';
import { FACTS_VERSION } from '../facts.js';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

/** How type tests assert: vitest's expectTypeOf/assertType, tsd, `@ts-expect-error`. */
const TYPE_ASSERTIONS = /@ts-expect-error|\b(?:expectTypeOf|assertType|expectType|expectNotType|expectAssignable|expectNotAssignable|expectError)\s*[<(]/;

/** The facts of one file while both passes add to them; `finish()` turns them into plain FileFacts. */
export class FactsBuilder {
  readonly declarations: DeclarationFact[] = [];
  readonly imports: ImportFact[] = [];
  readonly importBindings: ImportBindingFact[] = [];
  readonly exports: ExportFact[] = [];
  readonly starExports: StarExportFact[] = [];
  readonly suppressions: SuppressionFact[] = [];
  readonly parseErrors: ParseErrorFact[] = [];
  /** Names used but not bound in module scope (pass 2). */
  readonly freeNames = new Set<string>();
  moduleKind: FileFacts['moduleKind'] = 'script';
  hasSideEffects = false;
  private readonly referenceKeys = new Map<string, ReferenceFact>();
  private readonly memberUseKeys = new Set<string>();
  private readonly memberUses: Array<[number, string]> = [];
  private readonly jsxOwners: number[] = [];

  constructor(
    readonly ts: TypeScriptApi,
    readonly sourceFile: ts.SourceFile,
    readonly isJavaScript: boolean,
  ) {}

  get text(): string {
    return this.sourceFile.text;
  }

  position(offset: number): { line: number; column: number } {
    const { line, character } = this.sourceFile.getLineAndCharacterOfPosition(offset);
    return { line: line + 1, column: character + 1 };
  }

  positionOfNode(node: ts.Node): { line: number; column: number } {
    return this.position(node.getStart(this.sourceFile));
  }

  addDeclaration(fact: DeclarationFact): number {
    this.declarations.push(fact);
    return this.declarations.length - 1;
  }

  addImport(fact: ImportFact): number {
    this.imports.push(fact);
    return this.imports.length - 1;
  }

  addReference(owner: number, name: string, flags: number, path?: string[]): void {
    const key = `${owner}\0${name}\0${flags}\0${path === undefined ? '' : path.join('.')}`;
    if (this.referenceKeys.has(key)) return;
    const fact: ReferenceFact = { owner, name, flags };
    if (path !== undefined && path.length > 0) fact.path = path;
    this.referenceKeys.set(key, fact);
  }

  /** A property name read from some object by `owner` (see FileFacts.memberUses). */
  addMemberUse(owner: number, name: string): void {
    const key = `${owner}\0${name}`;
    if (this.memberUseKeys.has(key)) return;
    this.memberUseKeys.add(key);
    this.memberUses.push([owner, name]);
  }

  /** JSX appears in code `owner` runs (see FileFacts.jsxOwners). */
  addJsxOwner(owner: number): void {
    if (!this.jsxOwners.includes(owner)) this.jsxOwners.push(owner);
  }

  /** The facts; `moduleKind` is decided last, from the syntax both passes saw. */
  finish(moduleKind: FileFacts['moduleKind']): FileFacts {
    return {
      version: FACTS_VERSION,
      moduleKind,
      hasSideEffects: this.hasSideEffects,
      declarations: this.declarations,
      imports: this.imports,
      importBindings: this.importBindings,
      exports: this.exports,
      starExports: this.starExports,
      references: [...this.referenceKeys.values()],
      ...(this.memberUses.length > 0 ? { memberUses: this.memberUses } : {}),
      ...(this.jsxOwners.length > 0 ? { jsxOwners: this.jsxOwners } : {}),
      freeNames: [...this.freeNames].sort(),
      suppressions: this.suppressions,
      parseErrors: this.parseErrors,
      ...(TYPE_ASSERTIONS.test(this.text) ? { assertsTypes: true } : {}),
    };
  }
}
