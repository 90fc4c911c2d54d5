import { namespaceUsageIn } from './access-chains.js';
import { staticPropertyName, unwrapAwait, unwrapExpression } from './expression-shapes.js';
import { loadInInitializer, moduleLoadCall } from './module-load-call.js';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

/** Which exports a dynamic import, require or import type uses. */
export interface ModuleLoadUsage {
  usedNames: string[];
  whole: boolean;
}

/** A module load as the walker records it. */
export interface ModuleLoad {
  specifier: string;
  form: 'require' | 'dynamic' | 'url' | 'import-type';
  call: ts.Node;
  pattern?: boolean;
}

/** What visiting module loads needs of pass 2's reference walker (it visits, the walker records). */
export interface LoadWalker {
  readonly ts: TypeScriptApi;
  /** The function body (or file) the visited code is in. */
  readonly enclosingBody: ts.Node;
  recordModuleLoad(load: ModuleLoad, usage: ModuleLoadUsage): void;
  visit(node: ts.Node): void;
  visitEach(nodes: readonly ts.Node[] | undefined): void;
}

const WHOLE: ModuleLoadUsage = { usedNames: [], whole: true };

/**
 * Calls: `import('m')`, `require('m')`, `import('m').then(cb)` and `require.resolve('m')`
 * become module loads with the narrowest usage the syntax shows; other calls are walked.
 */
export function visitCallExpression(walker: LoadWalker, node: ts.CallExpression): void {
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

function visitImportMetaGlob(walker: LoadWalker, node: ts.CallExpression): void {
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
export function visitNewExpression(walker: LoadWalker, node: ts.NewExpression): void {
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
  if (declaration.initializer === undefined) return false;
  const found = loadInInitializer(ts, declaration.initializer);
  if (found === undefined) return false;
  const { load, member } = found;
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
