import { DeclarationFlag, type DeclarationFact } from '../indexer/facts.js';
import type { GraphFile } from '../graph/symbol-graph.js';

const TYPE_TEST_NAME = /\.test-d\.[cm]?tsx?$/;
const TEST_FOLDER = /(?:^|\/)(?:tests?|__tests__|test-d|type-?tests?|typetests)\//;

/**
 * A type test: checked by the compiler (`tsc --noEmit`, `vue-tsc`, vitest typecheck, tsd), not
 * run. Its declarations are assertions that nothing reads: `const bad = f(42)` under a
 * `@ts-expect-error` fails the type check when `f` starts accepting numbers.
 */
function isTypeTestFile(file: GraphFile): boolean {
  if (TYPE_TEST_NAME.test(file.path)) return true;
  return file.facts.assertsTypes === true && (file.isTest || TEST_FOLDER.test(file.path));
}

/** A declaration that is a compile-time check: it carries `@ts-expect-error`, or sits in a type test. */
export function isTypeAssertion(file: GraphFile, declaration: DeclarationFact): boolean {
  return (declaration.flags & DeclarationFlag.TypeAssertion) !== 0 || isTypeTestFile(file);
}
