import type { GraphFile } from '../graph/symbol-graph.js';
import { DeclarationFlag, type ExportFact } from '../indexer/facts.js';

/**
 * What a declaration does when its module loads, which removing it would undo: a class that
 * registers itself (decorators, a static block) or a variable whose initializer hands a function
 * or class to a call (`const hello = register('hello', fn)`). Undefined otherwise: an initializer
 * that only computes (`const x = load('./x')`) leaves a dead binding dead.
 */
export function loadTimeEffect(file: GraphFile, index: number): 'registers' | 'initializer' | undefined {
  const declaration = file.facts.declarations[index];
  if ((declaration.flags & DeclarationFlag.LoadTimeEffects) === 0) return undefined;
  if (declaration.kind === 'class') return 'registers';
  return (declaration.flags & DeclarationFlag.Registers) !== 0 ? 'initializer' : undefined;
}

/** The load-time effect of the declaration an export names (see loadTimeEffect). */
export function exportLoadTimeEffect(file: GraphFile, fact: ExportFact): 'registers' | 'initializer' | undefined {
  const indexes = fact.declaration !== undefined ? [fact.declaration] : file.declarationsByName.get(fact.local ?? '') ?? [];
  for (const index of indexes) {
    const effect = loadTimeEffect(file, index);
    if (effect !== undefined) return effect;
  }
  return undefined;
}

/** Low confidence for a declaration whose initializer registers something: its value is unread, its code is not dead. */
export const INITIALIZER_UNCERTAINTY = {
  confidence: 'low' as const,
  uncertainty: 'its initializer hands a function or class to a call when the module loads (a registration): removing the declaration removes that effect',
};
