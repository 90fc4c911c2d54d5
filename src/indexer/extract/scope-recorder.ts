import type { FactsBuilder } from './facts-builder.js';
import type { ts } from '../../typescript/typescript-api.js';

/** What pass 1 learns about the module scope, handed to pass 2 read-only. */
export interface ModuleScope {
  /** Names bound in module scope: declarations and import bindings. */
  readonly names: ReadonlySet<string>;
  /** Declaration index for nodes that own references (statements, declarators, properties). */
  readonly ownerOfNode: ReadonlyMap<ts.Node, number>;
  /** Top-level nodes whose references pass 1 already recorded as import bindings. */
  readonly consumedInitializers: ReadonlySet<ts.Node>;
  /** JSDoc `@import` tags already bound in module scope by pass 1. */
  readonly handledJsDocImports: ReadonlySet<ts.Node>;
}

/** Pass 1 while it runs: the facts it adds to, and the module scope it fills in. */
export interface ScopeRecorder {
  readonly builder: FactsBuilder;
  readonly names: Set<string>;
  /** Top-level declaration indexes by name (merged declarations share one entry). */
  readonly topLevelByName: Map<string, number>;
  readonly ownerOfNode: Map<ts.Node, number>;
  readonly consumedInitializers: Set<ts.Node>;
  readonly handledJsDocImports: Set<ts.Node>;
}

export function createScopeRecorder(builder: FactsBuilder): ScopeRecorder {
  return { builder, names: new Set(), topLevelByName: new Map(), ownerOfNode: new Map(), consumedInitializers: new Set(), handledJsDocImports: new Set() };
}
