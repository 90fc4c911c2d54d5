import { unwrapAwait, unwrapExpression } from './expression-shapes.js';
import { moduleLoadCall, type ModuleLoadCall } from './module-load-call.js';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

/**
 * Component loaders that render the default export of what their callback imports, by package:
 * React's and Solid's `lazy(() => import('./Page'))`, Vue's `defineAsyncComponent(...)`.
 */
const DEFAULT_ONLY_LOADERS: Record<string, string> = {
  react: 'lazy',
  'preact/compat': 'lazy',
  'solid-js': 'lazy',
  vue: 'defineAsyncComponent',
};

/** How a local name was imported: the package and the exported name (`*`, `default` or a name). */
export type ImportOrigin = (local: string) => { specifier: string; imported: string } | undefined;

/**
 * The `import()` of `lazy(() => import('./Page'))` when `lazy` is the framework's loader (imported
 * from its package by name, or read from its namespace or default import): it uses only `default`.
 */
export function defaultOnlyLoad(ts: TypeScriptApi, call: ts.CallExpression, originOf: ImportOrigin): ModuleLoadCall | undefined {
  const callback = call.arguments[0];
  if (callback === undefined || !isFrameworkLoader(ts, unwrapExpression(ts, call.expression), originOf)) return undefined;
  const inner = unwrapExpression(ts, callback);
  if (!ts.isArrowFunction(inner) && !ts.isFunctionExpression(inner)) return undefined;
  const body = inner.body;
  let returned: ts.Expression | undefined;
  if (!ts.isBlock(body)) returned = body;
  else if (body.statements.length === 1 && ts.isReturnStatement(body.statements[0])) returned = body.statements[0].expression;
  if (returned === undefined) return undefined;
  const load = moduleLoadCall(ts, unwrapAwait(ts, returned));
  return load?.form === 'dynamic' ? load : undefined;
}

function isFrameworkLoader(ts: TypeScriptApi, callee: ts.Expression, originOf: ImportOrigin): boolean {
  if (ts.isIdentifier(callee)) {
    const origin = originOf(callee.text);
    return origin !== undefined && DEFAULT_ONLY_LOADERS[origin.specifier] === origin.imported;
  }
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    const origin = originOf(callee.expression.text);
    return origin !== undefined && (origin.imported === '*' || origin.imported === 'default')
      && DEFAULT_ONLY_LOADERS[origin.specifier] === callee.name.text;
  }
  return false;
}
