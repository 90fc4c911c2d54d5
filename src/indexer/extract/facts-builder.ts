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
import type { TypeScriptApi, ts } from './typescript-api.js';

/** Mutable state while one file is walked; `finish()` turns it into plain FileFacts. */
export class FactsBuilder {
  readonly declarations: DeclarationFact[] = [];
  readonly imports: ImportFact[] = [];
  readonly importBindings: ImportBindingFact[] = [];
  readonly exports: ExportFact[] = [];
  readonly starExports: StarExportFact[] = [];
  readonly suppressions: SuppressionFact[] = [];
  readonly parseErrors: ParseErrorFact[] = [];
  /** Names bound in module scope: declarations and import bindings. */
  readonly moduleNames = new Set<string>();
  /** Top-level declaration indexes by name (merged declarations share one entry). */
  readonly topLevelByName = new Map<string, number>();
  /** Declaration index for nodes that own references (statements, declarators). */
  readonly ownerOfNode = new Map<ts.Node, number>();
  /** Top-level nodes whose references pass 1 already recorded as import bindings. */
  readonly consumedInitializers = new Set<ts.Node>();
  readonly freeNames = new Set<string>();
  /** JSDoc `@import` tags already bound in module scope by pass 1. */
  readonly handledJsDocImports = new Set<ts.Node>();
  moduleKind: FileFacts['moduleKind'] = 'script';
  hasSideEffects = false;
  private readonly referenceKeys = new Map<string, ReferenceFact>();

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

  finish(): FileFacts {
    return {
      version: FACTS_VERSION,
      moduleKind: this.moduleKind,
      hasSideEffects: this.hasSideEffects,
      declarations: this.declarations,
      imports: this.imports,
      importBindings: this.importBindings,
      exports: this.exports,
      starExports: this.starExports,
      references: [...this.referenceKeys.values()],
      freeNames: [...this.freeNames].sort(),
      suppressions: this.suppressions,
      parseErrors: this.parseErrors,
    };
  }
}
