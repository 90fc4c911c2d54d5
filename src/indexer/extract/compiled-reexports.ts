import { unwrapExpression } from './expression-shapes.js';
import { moduleLoadCall } from './module-load-call.js';
import type { ScopeRecorder } from './scope-recorder.js';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

/** tsc's helpers that copy every export of a required module onto `exports` (`__export` before TypeScript 3.9). */
const EXPORT_STAR_HELPERS = new Set(['__exportStar', '__export']);

/**
 * `export * from './x'` as compilers emit it in CommonJS: tsc's `__exportStar(require('./x'),
 * exports)` and Babel's `Object.keys(_x).forEach(function (key) { ... exports[key] ... })` over
 * `var _x = require('./x')`. Recorded as a star re-export (each export is used only when read
 * through this module), the statement consumed. False when the statement is neither.
 */
export function collectCompiledStarExport(scope: ScopeRecorder, statement: ts.ExpressionStatement): boolean {
  const { builder } = scope;
  const { ts } = builder;
  const call = unwrapExpression(ts, statement.expression);
  if (!ts.isCallExpression(call)) return false;
  const callee = unwrapExpression(ts, call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  let importIndex: number | undefined;
  if (EXPORT_STAR_HELPERS.has(name)) {
    const load = call.arguments[0] === undefined ? undefined : moduleLoadCall(ts, unwrapExpression(ts, call.arguments[0]));
    const target = call.arguments[1] === undefined ? undefined : unwrapExpression(ts, call.arguments[1]);
    if (load === undefined || load.form !== 'require' || load.pattern === true) return false;
    if (target !== undefined && !(ts.isIdentifier(target) && target.text === 'exports')) return false;
    importIndex = builder.addImport({ specifier: load.specifier, form: 'reexport', ...builder.positionOfNode(load.call), owner: -1, typeOnly: false });
  } else if (name === 'forEach' && ts.isPropertyAccessExpression(callee)) {
    const keys = unwrapExpression(ts, callee.expression);
    if (!ts.isCallExpression(keys) || keys.arguments.length !== 1) return false;
    const source = unwrapExpression(ts, keys.arguments[0]);
    const isObjectKeys = ts.isPropertyAccessExpression(keys.expression) && keys.expression.name.text === 'keys'
      && ts.isIdentifier(keys.expression.expression) && keys.expression.expression.text === 'Object';
    if (!isObjectKeys || !ts.isIdentifier(source) || !/\bexports\s*(?:\[|,)/.test(call.arguments[0]?.getText(builder.sourceFile) ?? '')) return false;
    const binding = builder.importBindings.find((candidate) => candidate.local === source.text && candidate.imported === '*');
    if (binding === undefined || builder.imports[binding.importIndex].form !== 'require') return false;
    importIndex = binding.importIndex;
  } else {
    return false;
  }
  if (builder.moduleKind === 'script') builder.moduleKind = 'cjs';
  builder.starExports.push({ importIndex, ...builder.positionOfNode(statement), typeOnly: false });
  scope.consumedInitializers.add(statement);
  return true;
}

/** The helper a consumed `__exportStar(require('./x'), exports)` calls (`__exportStar`, `tslib_1.__exportStar`): still a use. */
export function exportStarHelper(ts: TypeScriptApi, statement: ts.ExpressionStatement): ts.Expression | undefined {
  const call = unwrapExpression(ts, statement.expression);
  if (!ts.isCallExpression(call)) return undefined;
  const callee = unwrapExpression(ts, call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return EXPORT_STAR_HELPERS.has(name) ? callee : undefined;
}
