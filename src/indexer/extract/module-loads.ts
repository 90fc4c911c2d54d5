import { namespaceUsageIn } from './access-chains.js';
import { staticPropertyName, unwrapAwait, unwrapExpression } from './expression-shapes.js';
import { defaultOnlyLoad } from './default-only-loads.js';
import { recordFileReferences } from './file-references.js';
import { visitWebpackContext } from './webpack-context.js';
import { loadInInitializer, moduleLoadCall, promiseAllLoads } from './module-load-call.js';
import type { LoadWalker, ModuleLoadUsage } from './load-walker.js';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

const WHOLE: ModuleLoadUsage = { usedNames: [], whole: true };

/**
 * Calls: `import('m')`, `require('m')`, `import('m').then(cb)` and `require.resolve('m')`
 * become module loads with the narrowest usage the syntax shows; other calls are walked.
 */
export function visitCallExpression(walker: LoadWalker, node: ts.CallExpression): void {
  const { ts } = walker;
  const callee = unwrapExpression(ts, node.expression);
  if (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'glob' || callee.name.text === 'globEager') && ts.isMetaProperty(callee.expression)) {
    // Vite's `import.meta.glob('./pages/*.ts')` (`globEager` before Vite 3) loads every matching module.
    visitImportMetaGlob(walker, node);
    return;
  }
  if (visitWebpackContext(walker, node, callee)) return;
  if (visitAmdDependencies(walker, node, callee)) return;
  if (ts.isPropertyAccessExpression(callee)) {
    const target = unwrapAwait(ts, callee.expression);
    const load = moduleLoadCall(ts, target, { unbounded: walker.sourceFile });
    if (load !== undefined && PROMISE_METHODS.has(callee.name.text)) {
      // `.catch()` / `.finally()` pass the module on to whoever reads the result: all of it.
      walker.recordModuleLoad(load, callee.name.text === 'then' ? usageOfCallback(walker, node.arguments[0]) : WHOLE);
      visitLoadArguments(walker, load.call);
      walker.visitEach(node.arguments);
      return;
    }
  }
  // `customElements.define('my-tag', MyElement)` (any registry: window's, a shadow root's, an alias).
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'define' && node.arguments.length >= 2
    && ts.isStringLiteralLike(node.arguments[0]) && node.arguments[0].text.includes('-')) {
    walker.registerCustomElement(unwrapExpression(ts, node.arguments[1]));
  }
  const lazyLoad = defaultOnlyLoad(ts, node, (local) => walker.importOrigin(local));
  if (lazyLoad !== undefined) {
    walker.recordModuleLoad(lazyLoad, { usedNames: ['default'], whole: false });
    walker.visitCallee(node.expression);
    walker.visitEach(node.arguments.slice(1));
    return;
  }
  recordFileReferences(walker, node);
  const load = moduleLoadCall(ts, node, { unbounded: walker.sourceFile });
  if (load !== undefined) {
    walker.recordModuleLoad(load, WHOLE);
    visitLoadArguments(walker, load.call);
    return;
  }
  if (ts.isIdentifier(callee) && (callee.text === 'eval' || callee.text === 'Function') && !walker.isModuleName(callee.text)) {
    recordCodeFromText(walker, node, callee.text);
  }
  walker.visitCallee(node.expression);
  walker.visitEach(node.typeArguments);
  walker.visitEach(node.arguments);
}

const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

/**
 * The specifier's computed parts (`lang` in `\`./locales/${lang}.ts\``) and any further arguments;
 * and the loader itself when the module binds it (`const require = createRequire(import.meta.url)`):
 * calling it uses that binding.
 */
export function visitLoadArguments(walker: LoadWalker, call: ts.CallExpression): void {
  if (walker.ts.isIdentifier(call.expression) && walker.isModuleName(call.expression.text)) walker.visit(call.expression);
  const [first, ...rest] = call.arguments;
  if (first !== undefined && !walker.ts.isStringLiteralLike(first)) walker.visit(first);
  walker.visitEach(rest);
}

/** `eval(text)` / `new Function(text)`: code that can load any module, so reach is uncertain. */
function recordCodeFromText(walker: LoadWalker, node: ts.CallExpression | ts.NewExpression, name: string): void {
  // Counted as reaching any file and (for eval) the local scope, not as reading every export.
  walker.recordModuleLoad({ specifier: `${name}(...)`, form: 'dynamic', call: node, unbounded: true }, { usedNames: [], whole: false });
}

function visitImportMetaGlob(walker: LoadWalker, node: ts.CallExpression): void {
  const { ts } = walker;
  const first = node.arguments[0];
  const patterns = first === undefined ? [] : ts.isArrayLiteralExpression(first) ? [...first.elements] : [first];
  const literals = patterns.filter((element): element is ts.StringLiteralLike => ts.isStringLiteralLike(element));
  const exclude = literals.filter((element) => element.text.startsWith('!')).map((element) => element.text.slice(1));
  const usage = globImportUsage(ts, node.arguments[1]);
  for (const element of literals) {
    if (element.text.startsWith('!')) continue;
    walker.recordModuleLoad({ specifier: element.text, form: 'dynamic', call: element, pattern: true, ...(exclude.length > 0 ? { exclude } : {}) }, usage);
  }
  walker.visitEach(node.arguments.slice(1));
}

/** `{ import: 'default' }` (or `'setup'`) loads only that export of each file; otherwise all of them. */
function globImportUsage(ts: TypeScriptApi, options: ts.Expression | undefined): ModuleLoadUsage {
  if (options === undefined || !ts.isObjectLiteralExpression(options)) return WHOLE;
  for (const property of options.properties) {
    if (ts.isPropertyAssignment(property) && staticPropertyName(ts, property.name) === 'import') {
      return ts.isStringLiteralLike(property.initializer) ? { usedNames: [property.initializer.text], whole: false } : WHOLE;
    }
  }
  return WHOLE;
}

/** `new URL('./worker.js', import.meta.url)` refers to a file that is loaded some other way. */
export function visitNewExpression(walker: LoadWalker, node: ts.NewExpression): void {
  const { ts } = walker;
  const args = node.arguments ?? [];
  if (ts.isIdentifier(node.expression) && node.expression.text === 'Function' && !walker.isModuleName('Function')) {
    recordCodeFromText(walker, node, 'new Function');
  }
  recordFileReferences(walker, node);
  if (ts.isIdentifier(node.expression) && node.expression.text === 'URL' && args.length === 2
    && ts.isStringLiteralLike(args[0]) && /^\.\.?\//.test(args[0].text) && isImportMetaUrl(ts, args[1])) {
    walker.recordModuleLoad({ specifier: args[0].text, form: 'url', call: node }, { usedNames: [], whole: false });
    return;
  }
  walker.visitCallee(node.expression);
  walker.visitEach(node.typeArguments);
  walker.visitEach(args);
}

function isImportMetaUrl(ts: TypeScriptApi, node: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(node) && node.name.text === 'url' && ts.isMetaProperty(node.expression);
}

/** `import('m').Name` and `typeof import('m')` in type positions. */
export function visitImportType(walker: LoadWalker, node: ts.ImportTypeNode): void {
  const { ts } = walker;
  const argument = node.argument;
  if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) {
    let usage: ModuleLoadUsage = WHOLE;
    if (node.qualifier !== undefined) {
      let first: ts.EntityName = node.qualifier;
      while (ts.isQualifiedName(first)) first = first.left;
      usage = { usedNames: [first.text], whole: false };
    }
    walker.recordModuleLoad({ specifier: argument.literal.text, form: 'import-type', call: argument.literal }, usage);
  }
  walker.visitEach(node.typeArguments);
}

/**
 * A local `const { a } = await import('m')`, `const m = require('m')` or the like: the usage
 * comes from the binding pattern, or from how the local is used in its function.
 */
export function visitLocalModuleLoad(walker: LoadWalker, declaration: ts.VariableDeclaration): boolean {
  const { ts } = walker;
  const initializer = declaration.initializer;
  if (initializer === undefined) return false;
  const all = promiseAllLoads(ts, declaration, { unbounded: walker.sourceFile });
  if (all !== undefined) {
    // `const [a, b] = await Promise.all([import('./a'), import('./b')])`: what each name reads.
    for (const { load, name } of all) {
      walker.recordModuleLoad(load, name === undefined ? { usedNames: [], whole: false } : namespaceUsageIn(ts, walker.enclosingBody, name.text, name));
      visitLoadArguments(walker, load.call);
    }
    return true;
  }
  const found = loadInInitializer(ts, initializer, { unbounded: walker.sourceFile });
  if (found === undefined) return false;
  const { load, member } = found;
  const isPromise = load.form === 'dynamic' && load.call === unwrapExpression(ts, initializer) && member === undefined;
  let usage: ModuleLoadUsage;
  if (member !== undefined) {
    usage = { usedNames: [member], whole: false };
  } else if (ts.isIdentifier(declaration.name)) {
    usage = isPromise ? promiseUsageIn(walker, walker.enclosingBody, declaration.name)
      : namespaceUsageIn(ts, walker.enclosingBody, declaration.name.text, declaration.name);
  } else {
    usage = isPromise ? WHOLE : usageOfPattern(walker, declaration.name);
  }
  walker.recordModuleLoad(load, usage);
  visitLoadArguments(walker, load.call);
  return true;
}

/**
 * How a promise of a module kept in a variable is used: `p.then(m => m.f())` and
 * `(await p).f()` read f; `const m = await p` reads what m reads; anything else, all of it.
 */
function promiseUsageIn(walker: LoadWalker, scope: ts.Node, declarationName: ts.Identifier): ModuleLoadUsage {
  const { ts } = walker;
  const usedNames = new Set<string>();
  let whole = false;
  // Parent pointers are not set by the parser: keep the chain of ancestors while walking.
  const ancestors: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (whole) return;
    if (ts.isIdentifier(node) && node.text === declarationName.text && node !== declarationName) {
      const usage = usageOfPromiseReference(walker, scope, ancestors);
      if (usage.whole) whole = true;
      for (const name of usage.usedNames) usedNames.add(name);
      return;
    }
    ancestors.push(node);
    ts.forEachChild(node, visit);
    ancestors.pop();
  };
  visit(scope);
  return whole ? WHOLE : { usedNames: [...usedNames].sort(), whole: false };
}

/** `ancestors` ends with the parent of the reference. */
function usageOfPromiseReference(walker: LoadWalker, scope: ts.Node, ancestors: readonly ts.Node[]): ModuleLoadUsage {
  const { ts } = walker;
  let at = ancestors.length - 1;
  const parentAt = () => {
    while (at >= 0 && ts.isParenthesizedExpression(ancestors[at])) at -= 1;
    return ancestors[at] as ts.Node | undefined;
  };
  const parent = parentAt();
  if (parent === undefined) return WHOLE;
  if (ts.isPropertyAccessExpression(parent) && parent.name.text === 'then') {
    at -= 1;
    const call = ancestors[at];
    if (call !== undefined && ts.isCallExpression(call) && call.expression === parent) return usageOfCallback(walker, call.arguments[0]);
    return WHOLE;
  }
  if (!ts.isAwaitExpression(parent)) return WHOLE;
  const awaited = parent;
  at -= 1;
  const user = parentAt();
  if (user === undefined) return WHOLE;
  if (ts.isPropertyAccessExpression(user) && unwrapExpression(ts, user.expression) === awaited) return { usedNames: [user.name.text], whole: false };
  if (ts.isVariableDeclaration(user) && user.initializer !== undefined && unwrapExpression(ts, user.initializer) === awaited) {
    return ts.isIdentifier(user.name) ? namespaceUsageIn(ts, scope, user.name.text, user.name) : usageOfPattern(walker, user.name);
  }
  return WHOLE;
}

function usageOfCallback(walker: LoadWalker, callback: ts.Expression | undefined): ModuleLoadUsage {
  const { ts } = walker;
  if (callback === undefined) return WHOLE;
  const fn = unwrapExpression(ts, callback);
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return WHOLE;
  const parameter = fn.parameters[0];
  if (parameter === undefined) return { usedNames: [], whole: false };
  if (ts.isIdentifier(parameter.name)) return namespaceUsageIn(ts, fn.body, parameter.name.text, parameter.name);
  return usageOfPattern(walker, parameter.name);
}

function usageOfPattern(walker: LoadWalker, pattern: ts.BindingName): ModuleLoadUsage {
  const { ts } = walker;
  if (!ts.isObjectBindingPattern(pattern)) return WHOLE;
  const usedNames: string[] = [];
  for (const element of pattern.elements) {
    const name = staticPropertyName(ts, element.propertyName ?? element.name);
    if (element.dotDotDotToken !== undefined || name === undefined) return WHOLE;
    usedNames.push(name);
  }
  return { usedNames, whole: false };
}

/**
 * AMD: `define(['./a', 'b'], factory)`, `define('name', [...], factory)` and `require(['./a'],
 * callback)` load each listed module for the callback. Only paths (`./a`) are recorded: a bare
 * id is resolved against a RequireJS baseUrl this analysis does not know.
 */
function visitAmdDependencies(walker: LoadWalker, node: ts.CallExpression, callee: ts.Expression): boolean {
  const { ts } = walker;
  if (!ts.isIdentifier(callee) || (callee.text !== 'define' && callee.text !== 'require') || walker.isModuleName(callee.text)) return false;
  const list = node.arguments.find((argument) => ts.isArrayLiteralExpression(argument));
  if (list === undefined || !ts.isArrayLiteralExpression(list) || node.arguments.indexOf(list) > 1) return false;
  for (const element of list.elements) {
    if (ts.isStringLiteralLike(element) && /^\.{1,2}\//.test(element.text)) {
      walker.recordModuleLoad({ specifier: element.text, form: 'require', call: element }, WHOLE);
    }
  }
  walker.visitEach(node.arguments.filter((argument) => argument !== list));
  return true;
}
