import { flattenAccessChain, namespaceUsageIn } from './access-chains.js';
import { isPureReference, unwrapExpression } from './expression-shapes.js';
import { NameUses } from './name-uses.js';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

/** Calls that return their argument's members unchanged. */
const PURE_WRAPPERS = new Set(['freeze', 'seal', 'markRaw', 'readonly', 'shallowReadonly']);

/**
 * `const api = ns`, `{ ...ns }`, `Object.freeze(ns)` or `Object.assign({}, ns)`: a copy of a
 * module-scope object (a namespace import, an enum, a namespace) under another name. The
 * objects copied, as `[root, path]` of each, or undefined for anything else.
 */
export function aliasedObjects(ts: TypeScriptApi, initializer: ts.Expression, isModuleName: (name: string) => boolean):
  Array<{ root: string; path: string[] }> | undefined {
  const value = unwrapExpression(ts, initializer);
  const sources: ts.Expression[] = [];
  if (isPureReference(ts, value)) sources.push(value);
  else if (ts.isObjectLiteralExpression(value) && value.properties.length > 0 && value.properties.every((property) => ts.isSpreadAssignment(property))) {
    for (const property of value.properties) sources.push((property as ts.SpreadAssignment).expression);
  } else if (ts.isCallExpression(value) && ts.isPropertyAccessExpression(value.expression) && value.arguments.length > 0) {
    const name = value.expression.name.text;
    if (PURE_WRAPPERS.has(name) && value.arguments.length === 1) sources.push(value.arguments[0]);
    else if (name === 'assign' && ts.isObjectLiteralExpression(value.arguments[0]) && value.arguments[0].properties.length === 0) {
      sources.push(...value.arguments.slice(1));
    }
  }
  if (sources.length === 0) return undefined;
  const objects: Array<{ root: string; path: string[] }> = [];
  for (const source of sources) {
    if (!isPureReference(ts, source)) return undefined;
    const chain = flattenAccessChain(ts, unwrapExpression(ts, source));
    if (!ts.isIdentifier(chain.root) || !isModuleName(chain.root.text) || chain.dynamicArguments.length > 0) return undefined;
    objects.push({ root: chain.root.text, path: chain.path });
  }
  return objects;
}

/**
 * The members an alias is read by in `scope` (`api.a()` reads a), or undefined when it is used
 * whole (passed on, spread again, indexed) or not at all. `usesByScope`: the uses of each scope
 * walked so far in this file (one walk per scope, however many aliases it has).
 */
export function membersReadThroughAlias(ts: TypeScriptApi, scope: ts.Node, alias: ts.Identifier, usesByScope: Map<ts.Node, NameUses>): string[] | undefined {
  let uses = usesByScope.get(scope);
  if (uses === undefined) usesByScope.set(scope, (uses = new NameUses(ts, scope)));
  const usage = uses.usage(alias.text, alias) ?? namespaceUsageIn(ts, scope, alias.text, alias);
  return usage.whole || usage.usedNames.length === 0 ? undefined : usage.usedNames;
}

