import { staticPropertyName, unwrapExpression } from './expression-shapes.js';
import type { LoadWalker } from './load-walker.js';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

/**
 * webpack's `require.context('./modules', true, /\.js$/)` and `import.meta.webpackContext(
 * './icons', { regExp: /\.svg$/ })` bundle every matching file of a folder, and the code calls
 * them by key: each is loaded, all of its exports may be read. A file filter that is a plain
 * extension test (`/\.js$/`, `/\.(ts|tsx)$/`) narrows the pattern; any other keeps the whole
 * folder (a pattern's `*` crosses folders, so `recursive: false` is not narrowed).
 * Returns false when the call is not one of these.
 */
export function visitWebpackContext(walker: LoadWalker, node: ts.CallExpression, callee: ts.Expression): boolean {
  const { ts } = walker;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const object = callee.expression;
  const isRequireContext = callee.name.text === 'context' && ts.isIdentifier(object) && object.text === 'require';
  const isMetaContext = callee.name.text === 'webpackContext' && ts.isMetaProperty(object);
  if (!isRequireContext && !isMetaContext) return false;
  const [first, second, third] = node.arguments;
  const folder = first === undefined ? undefined : unwrapExpression(ts, first);
  if (folder === undefined || !ts.isStringLiteralLike(folder) || !/^\.{0,2}\//.test(folder.text)) {
    walker.visitEach(node.arguments);
    return true;
  }
  const filter = isRequireContext ? third : optionValue(ts, second, 'regExp');
  const base = folder.text.replace(/\/+$/, '');
  walker.recordModuleLoad({ specifier: `${base}/*${extensionSuffix(ts, filter)}`, form: 'dynamic', call: node, pattern: true }, { usedNames: [], whole: true });
  walker.visitEach(node.arguments.slice(1));
  return true;
}

function optionValue(ts: TypeScriptApi, options: ts.Expression | undefined, name: string): ts.Expression | undefined {
  const value = options === undefined ? undefined : unwrapExpression(ts, options);
  if (value === undefined || !ts.isObjectLiteralExpression(value)) return undefined;
  for (const property of value.properties) {
    if (ts.isPropertyAssignment(property) && staticPropertyName(ts, property.name) === name) return property.initializer;
  }
  return undefined;
}

/** `/\.js$/` → `.js`, `/\.(ts|tsx)$/` → `.{ts,tsx}`, `/\.tsx?$/` → `.{ts,tsx}`; '' for any other filter. */
function extensionSuffix(ts: TypeScriptApi, filter: ts.Expression | undefined): string {
  const value = filter === undefined ? undefined : unwrapExpression(ts, filter);
  if (value === undefined || !ts.isRegularExpressionLiteral(value)) return '';
  const match = /^\/((?:\\\.[\w-]+)*?)\\\.(?:\((?:\?:)?([\w|-]+)\)|([\w-]+?)(x\?)?)\$\/[a-z]*$/.exec(value.text);
  if (match === null) return '';
  const head = match[1].replace(/\\\./g, '.');
  const alternatives = match[2] !== undefined ? match[2].split('|') : match[4] !== undefined ? [match[3], `${match[3]}x`] : [match[3]];
  return alternatives.length === 1 ? `${head}.${alternatives[0]}` : `${head}.{${alternatives.join(',')}}`;
}
