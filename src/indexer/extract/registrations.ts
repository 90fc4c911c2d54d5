import { unwrapAwait } from './expression-shapes.js';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

/**
 * Whether a value is a call that is handed a function or class (`register('hello', () => ...)`,
 * `app.use(handler)`, `define({ setup() {} })` with `handler` a function or import of this module): the
 * shape of a registration, which runs for its effect whether or not the result is read.
 */
export function handsOffCallable(ts: TypeScriptApi, sourceFile: ts.SourceFile, initializer: ts.Expression): boolean {
  const value = unwrapAwait(ts, initializer);
  if (!ts.isCallExpression(value) && !ts.isNewExpression(value)) return false;
  const callables = moduleCallables(ts, sourceFile);
  const isCallable = (node: ts.Expression): boolean => {
    const argument = unwrapAwait(ts, node);
    if (ts.isArrowFunction(argument) || ts.isFunctionExpression(argument) || ts.isClassExpression(argument)) return true;
    if (ts.isIdentifier(argument)) return callables.has(argument.text);
    if (ts.isArrayLiteralExpression(argument)) return argument.elements.some(isCallable);
    if (ts.isObjectLiteralExpression(argument)) {
      return argument.properties.some((property) => ts.isMethodDeclaration(property)
        || (ts.isPropertyAssignment(property) && isCallable(property.initializer))
        || (ts.isShorthandPropertyAssignment(property) && callables.has(property.name.text)));
    }
    return false;
  };
  return (value.arguments ?? []).some(isCallable);
}

const callablesByFile = new WeakMap<ts.SourceFile, ReadonlySet<string>>();

/**
 * Names that may hold a function or class: the module's top-level functions and classes (hoisted,
 * usable before their line) and its value imports (`import { handler } from './handler'`).
 */
function moduleCallables(ts: TypeScriptApi, sourceFile: ts.SourceFile): ReadonlySet<string> {
  const known = callablesByFile.get(sourceFile);
  if (known !== undefined) return known;
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name !== undefined) names.add(statement.name.text);
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
    if (clause === undefined || clause.isTypeOnly) continue;
    if (clause.name !== undefined) names.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings !== undefined && ts.isNamedImports(bindings)) for (const element of bindings.elements) if (!element.isTypeOnly) names.add(element.name.text);
  }
  callablesByFile.set(sourceFile, names);
  return names;
}
