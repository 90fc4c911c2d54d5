import { namespaceUsageIn } from './access-chains.js';
import { staticPropertyName, unwrapAwait, unwrapExpression } from './expression-shapes.js';
import { moduleLoadCall } from './module-load-call.js';
import type { ReferenceWalker } from './reference-walker.js';
import type { ts } from './typescript-api.js';

/** Which exports a dynamic import, require or import type uses. */
export interface ModuleLoadUsage {
  usedNames: string[];
  whole: boolean;
}

const WHOLE: ModuleLoadUsage = { usedNames: [], whole: true };

/**
 * Calls: `import('m')`, `require('m')`, `import('m').then(cb)` and `require.resolve('m')`
 * become module loads with the narrowest usage the syntax shows; other calls are walked.
 */
export function visitCallExpression(walker: ReferenceWalker, node: ts.CallExpression): void {
  const { ts } = walker;
  const callee = unwrapExpression(ts, node.expression);
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'glob' && ts.isMetaProperty(callee.expression)) {
    // Vite's `import.meta.glob('./pages/*.ts')` loads every matching module.
    visitImportMetaGlob(walker, node);
    return;
  }
  if (ts.isPropertyAccessExpression(callee)) {
    const target = unwrapAwait(ts, callee.expression);
    const load = moduleLoadCall(ts, target);
    if (load !== undefined && callee.name.text === 'then') {
      walker.recordModuleLoad(load, usageOfCallback(walker, node.arguments[0]));
      walker.visitEach(node.arguments);
      return;
    }
    const isRequireResolve = ts.isIdentifier(callee.expression) && callee.expression.text === 'require';
    const isImportMetaResolve = ts.isMetaProperty(callee.expression);
    if ((isRequireResolve || isImportMetaResolve) && callee.name.text === 'resolve'
      && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])) {
      // `require.resolve('./x')` and `import.meta.resolve('./x.js')` name a file something else loads.
      walker.recordModuleLoad({ specifier: node.arguments[0].text, form: 'url', call: node }, { usedNames: [], whole: false });
      return;
    }
  }
  const load = moduleLoadCall(ts, node);
  if (load !== undefined) {
    walker.recordModuleLoad(load, WHOLE);
    walker.visitEach(node.arguments.slice(1));
    return;
  }
  walker.visit(node.expression);
  walker.visitEach(node.typeArguments);
  walker.visitEach(node.arguments);
}

function visitImportMetaGlob(walker: ReferenceWalker, node: ts.CallExpression): void {
  const { ts } = walker;
  const first = node.arguments[0];
  const patterns = first === undefined ? [] : ts.isArrayLiteralExpression(first) ? [...first.elements] : [first];
  for (const element of patterns) {
    if (!ts.isStringLiteralLike(element) || element.text.startsWith('!')) continue;
    walker.recordModuleLoad({ specifier: element.text, form: 'dynamic', call: element, pattern: true }, WHOLE);
  }
  walker.visitEach(node.arguments.slice(1));
}

/** `new URL('./worker.js', import.meta.url)` refers to a file that is loaded some other way. */
export function visitNewExpression(walker: ReferenceWalker, node: ts.NewExpression): void {
  const { ts } = walker;
  const args = node.arguments ?? [];
  if (ts.isIdentifier(node.expression) && node.expression.text === 'URL' && args.length === 2
    && ts.isStringLiteralLike(args[0]) && /^\.\.?\//.test(args[0].text) && isImportMetaUrl(ts, args[1])) {
    walker.recordModuleLoad({ specifier: args[0].text, form: 'url', call: node }, { usedNames: [], whole: false });
    return;
  }
  walker.visit(node.expression);
  walker.visitEach(node.typeArguments);
  walker.visitEach(args);
}

function isImportMetaUrl(ts: ReferenceWalker['ts'], node: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(node) && node.name.text === 'url' && ts.isMetaProperty(node.expression);
}

/** `import('m').Name` and `typeof import('m')` in type positions. */
export function visitImportType(walker: ReferenceWalker, node: ts.ImportTypeNode): void {
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
export function visitLocalModuleLoad(walker: ReferenceWalker, declaration: ts.VariableDeclaration): boolean {
  const { ts } = walker;
  const initializer = declaration.initializer;
  if (initializer === undefined) return false;
  let expression = unwrapAwait(ts, initializer);
  let member: string | undefined;
  if (ts.isPropertyAccessExpression(expression)) {
    member = expression.name.text;
    expression = unwrapAwait(ts, expression.expression);
  }
  const load = moduleLoadCall(ts, expression);
  if (load === undefined) return false;
  let usage: ModuleLoadUsage;
  if (member !== undefined) {
    usage = { usedNames: [member], whole: false };
  } else if (ts.isIdentifier(declaration.name)) {
    usage = namespaceUsageIn(ts, walker.enclosingBody, declaration.name.text, declaration.name);
  } else {
    usage = usageOfPattern(walker, declaration.name);
  }
  walker.recordModuleLoad(load, usage);
  walker.visitEach(load.call.arguments.slice(1));
  return true;
}

function usageOfCallback(walker: ReferenceWalker, callback: ts.Expression | undefined): ModuleLoadUsage {
  const { ts } = walker;
  if (callback === undefined) return WHOLE;
  const fn = unwrapExpression(ts, callback);
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return WHOLE;
  const parameter = fn.parameters[0];
  if (parameter === undefined) return { usedNames: [], whole: false };
  if (ts.isIdentifier(parameter.name)) return namespaceUsageIn(ts, fn.body, parameter.name.text, parameter.name);
  return usageOfPattern(walker, parameter.name);
}

function usageOfPattern(walker: ReferenceWalker, pattern: ts.BindingName): ModuleLoadUsage {
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
