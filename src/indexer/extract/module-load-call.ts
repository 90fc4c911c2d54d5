import { unwrapAwait, unwrapExpression } from './expression-shapes.js';
import { certainStrings } from './key-values.js';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

export interface ModuleLoadCall {
  specifier: string;
  form: 'require' | 'dynamic';
  call: ts.CallExpression;
  pattern?: boolean;
  unbounded?: boolean;
}

/**
 * `require('m')` or `import('m')`. A template literal, concatenation or `path.join(__dirname,
 * ...)` with a static start (`import(\`./locales/${lang}.ts\`)`) gives a pattern with `*` for
 * the unknown parts. With `unbounded` (the file's source), a load whose path cannot be bounded
 * (`import(name)`) is returned too, its specifier the argument's text. With the source file (either
 * option), calls of a `createRequire` result are loads too.
 */
export function moduleLoadCall(ts: TypeScriptApi, node: ts.Node, options: LoadCallOptions = {}): ModuleLoadCall | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length === 0) return undefined;
  // `System.import('m')` (SystemJS, webpack 1) is `import('m')`; `module.require('m')` is `require('m')`.
  const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword || isMethodOf(ts, node.expression, 'System', 'import');
  const isRequire = node.arguments.length === 1 && ((ts.isIdentifier(node.expression)
    && (node.expression.text === 'require' || isRequireAlias(ts, node.expression.text, options.sourceFile ?? options.unbounded)))
    || isMethodOf(ts, node.expression, 'module', 'require'));
  if (!isImport && !isRequire) return undefined;
  const argument = node.arguments[0];
  const form = isImport ? 'dynamic' : 'require';
  if (ts.isStringLiteralLike(argument)) return { specifier: argument.text, form, call: node };
  const named = namedSpecifier(ts, argument, options.sourceFile ?? options.unbounded);
  if (named !== undefined) return { specifier: named, form, call: node, ...(named.includes('{') ? { pattern: true } : {}) };
  const specifier = specifierPattern(ts, argument);
  if (specifier !== undefined) return { specifier, form, call: node, ...(specifier.includes('*') ? { pattern: true } : {}) };
  if (options.unbounded === undefined) return undefined;
  // `import(expr)` / `require(expr)` whose path cannot be bounded: it could load any file.
  const text = argument.getText(options.unbounded);
  return { specifier: text.length > 80 ? `${text.slice(0, 77)}...` : text, form, call: node, unbounded: true };
}

/**
 * `import(PAGE)` with `const PAGE = './page'` (every binding of the name in the file known):
 * that path, or `./{a,b}` for several relative ones; undefined otherwise.
 */
function namedSpecifier(ts: TypeScriptApi, argument: ts.Expression, sourceFile: ts.SourceFile | undefined): string | undefined {
  if (sourceFile === undefined || !ts.isIdentifier(unwrapExpression(ts, argument))) return undefined;
  const values = [...new Set(certainStrings(ts, sourceFile, argument))];
  if (values.length <= 1) return values[0];
  // Several paths: one pattern with alternatives, when all are relative to this file.
  if (!values.every((value) => value.startsWith('./') && !/[*{},]/.test(value))) return undefined;
  return `./{${values.map((value) => value.slice(2)).join(',')}}`;
}

function isMethodOf(ts: TypeScriptApi, callee: ts.Expression, object: string, method: string): boolean {
  return ts.isPropertyAccessExpression(callee) && callee.name.text === method && ts.isIdentifier(callee.expression) && callee.expression.text === object;
}

interface LoadCallOptions {
  unbounded?: ts.SourceFile;
  sourceFile?: ts.SourceFile;
}

/**
 * A require function: `require`, a name bound to `createRequire(...)`'s result, or such a call
 * itself (`createRequire(import.meta.url).resolve('npm/package.json')`).
 */
export function isRequireFunction(ts: TypeScriptApi, node: ts.Expression, sourceFile: ts.SourceFile): boolean {
  const current = unwrapExpression(ts, node);
  if (ts.isIdentifier(current)) return current.text === 'require' || isRequireAlias(ts, current.text, sourceFile);
  if (!ts.isCallExpression(current)) return false;
  const callee = unwrapExpression(ts, current.expression);
  return (ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '') === 'createRequire';
}

/**
 * A name bound to the `resolve` of a `createRequire` result (`const { resolve } =
 * createRequire(import.meta.url)`): calling it resolves a module by name.
 */
export function isResolveAlias(ts: TypeScriptApi, name: string, sourceFile: ts.SourceFile): boolean {
  let aliases = resolveAliasesByFile.get(sourceFile);
  if (aliases === undefined) {
    const found = new Set<string>();
    // Asked for every call of a name: the text is searched once per file, never per call.
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer !== undefined) {
        const value = unwrapExpression(ts, node.initializer);
        const callee = ts.isCallExpression(value) ? unwrapExpression(ts, value.expression) : undefined;
        const calleeName = callee === undefined ? '' : ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        for (const element of calleeName === 'createRequire' ? node.name.elements : []) {
          const key = element.propertyName ?? element.name;
          if (ts.isIdentifier(key) && key.text === 'resolve' && ts.isIdentifier(element.name)) found.add(element.name.text);
        }
      }
      ts.forEachChild(node, visit);
    };
    if (sourceFile.text.includes('createRequire')) visit(sourceFile);
    resolveAliasesByFile.set(sourceFile, (aliases = found));
  }
  return aliases.has(name);
}

const resolveAliasesByFile = new WeakMap<ts.SourceFile, ReadonlySet<string>>();

function isRequireAlias(ts: TypeScriptApi, name: string, sourceFile: ts.SourceFile | undefined): boolean {
  return sourceFile !== undefined && requireAliases(ts, sourceFile).has(name);
}

const aliasesByFile = new WeakMap<ts.SourceFile, ReadonlySet<string>>();

/**
 * Names bound to a require function made by `createRequire(import.meta.url)` (ESM code loading
 * CommonJS: `const load = createRequire(import.meta.url); load('./config.cjs')`). Any scope: a
 * name wrongly taken for a loader only keeps a file alive.
 */
function requireAliases(ts: TypeScriptApi, sourceFile: ts.SourceFile): ReadonlySet<string> {
  let aliases = aliasesByFile.get(sourceFile);
  if (aliases !== undefined) return aliases;
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined) {
      const value = unwrapExpression(ts, node.initializer);
      if (ts.isCallExpression(value)) {
        const callee = unwrapExpression(ts, value.expression);
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        if (name === 'createRequire') found.add(node.name.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  if (sourceFile.text.includes('createRequire')) visit(sourceFile);
  aliases = found;
  aliasesByFile.set(sourceFile, aliases);
  return aliases;
}

/**
 * `\`./a/${x}.ts\`` or `'./a/' + x + '.ts'` as `./a/*.ts`, when the start is static (a relative
 * path, an alias or a package name); a pattern that starts with an unknown part is unbounded.
 */
export function specifierPattern(ts: TypeScriptApi, node: ts.Expression): string | undefined {
  const parts: string[] = [];
  const collect = (current: ts.Expression): void => {
    // `${__dirname}/routes/${name}` and `__dirname + '/routes/' + name` start at this file's folder.
    // A file URL of the folder (`file://${__dirname}/index.html`) is that path.
    const startsAtFolder = (part: ts.Expression) => /^(?:file:\/\/)?$/.test(parts.join('')) && isDirname(ts, part);
    if (ts.isStringLiteralLike(current)) parts.push(current.text);
    else if (ts.isTemplateExpression(current)) {
      parts.push(current.head.text);
      for (const span of current.templateSpans) parts.push(startsAtFolder(span.expression) ? '.' : '*', span.literal.text);
    } else if (startsAtFolder(current)) parts.push('.');
    else if (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      collect(current.left);
      collect(current.right);
    } else if (ts.isParenthesizedExpression(current)) collect(current.expression);
    else if (isDirnameJoin(ts, current)) {
      // `path.join(__dirname, 'a', x)` is `./a/*`: a path relative to this file.
      parts.push('.');
      for (const part of current.arguments.slice(1)) {
        parts.push('/');
        collect(part);
      }
    } else parts.push('*');
  };
  collect(node);
  const pattern = parts.join('').replace(/\*+/g, '*').replace(/^file:\/\/(?=\.)/, '');
  return /^[^*]/.test(pattern) && !/^[^*]*:\/\//.test(pattern) ? pattern : undefined;
}

/**
 * `__dirname`, `import.meta.dirname`, or ESM's spelled-out `dirname(fileURLToPath(import.meta.url))`
 * (`path.dirname(url.fileURLToPath(import.meta.url))`, `fileURLToPath(new URL('.', import.meta.url))`):
 * the folder of this file.
 */
function isDirname(ts: TypeScriptApi, node: ts.Expression): boolean {
  const current = unwrapExpression(ts, node);
  if (ts.isIdentifier(current)) return current.text === '__dirname';
  if (ts.isPropertyAccessExpression(current)) return current.name.text === 'dirname' && ts.isMetaProperty(current.expression);
  if (!ts.isCallExpression(current) || current.arguments.length !== 1) return false;
  const name = calleeName(ts, current);
  const argument = unwrapExpression(ts, current.arguments[0]);
  if (name === 'dirname') return ts.isCallExpression(argument) && calleeName(ts, argument) === 'fileURLToPath' && argument.arguments.length === 1 && isMetaUrl(ts, argument.arguments[0]);
  // `fileURLToPath(new URL('.', import.meta.url))`: the folder, as a path.
  return name === 'fileURLToPath' && ts.isNewExpression(argument) && argument.arguments?.length === 2
    && ts.isStringLiteralLike(argument.arguments[0]) && /^\.\/?$/.test(argument.arguments[0].text) && isMetaUrl(ts, argument.arguments[1]);
}

function calleeName(ts: TypeScriptApi, call: ts.CallExpression): string | undefined {
  const callee = unwrapExpression(ts, call.expression);
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

/** `import.meta.url`. */
function isMetaUrl(ts: TypeScriptApi, node: ts.Expression): boolean {
  const current = unwrapExpression(ts, node);
  return ts.isPropertyAccessExpression(current) && current.name.text === 'url' && ts.isMetaProperty(current.expression);
}

/** `path.join(__dirname, ...)`, `resolve(import.meta.dirname, ...)` and the like. */
export function isDirnameJoin(ts: TypeScriptApi, node: ts.Expression): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || node.arguments.length < 2) return false;
  const callee = unwrapExpression(ts, node.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  if (name !== 'join' && name !== 'resolve') return false;
  return isDirname(ts, node.arguments[0]);
}

/**
 * The module load a variable is initialised with: `require('m')`, `await import('m')`, or one
 * member of it (`require('m').a`, which gives `member`).
 */
export function loadInInitializer(ts: TypeScriptApi, initializer: ts.Expression, options: LoadCallOptions = {}):
  { load: NonNullable<ReturnType<typeof moduleLoadCall>>; member?: string } | undefined {
  let expression = unwrapAwait(ts, initializer);
  let member: string | undefined;
  if (ts.isPropertyAccessExpression(expression)) {
    member = expression.name.text;
    expression = unwrapAwait(ts, expression.expression);
  }
  const load = moduleLoadCall(ts, expression, options);
  if (load === undefined) return undefined;
  return member === undefined ? { load } : { load, member };
}

/**
 * `const [a, b] = await Promise.all([import('./a'), import('./b')])`: each name holds one module's
 * namespace (a load without a name only runs its module). Only when every element is such a load
 * and every binding a plain name or a hole, so nothing else in the initializer needs visiting.
 */
export function promiseAllLoads(ts: TypeScriptApi, declaration: ts.VariableDeclaration, options: LoadCallOptions = {}):
  Array<{ load: ModuleLoadCall; name?: ts.Identifier }> | undefined {
  const initializer = declaration.initializer === undefined ? undefined : unwrapExpression(ts, declaration.initializer);
  if (!ts.isArrayBindingPattern(declaration.name) || initializer === undefined || !ts.isAwaitExpression(initializer)) return undefined;
  const call = unwrapExpression(ts, initializer.expression);
  if (!ts.isCallExpression(call) || !isMethodOf(ts, call.expression, 'Promise', 'all') || call.arguments.length !== 1) return undefined;
  const list = unwrapExpression(ts, call.arguments[0]);
  if (!ts.isArrayLiteralExpression(list)) return undefined;
  const loads = list.elements.map((element) => moduleLoadCall(ts, unwrapExpression(ts, element), options));
  const elements = declaration.name.elements;
  if (elements.length > loads.length) return undefined;
  const found: Array<{ load: ModuleLoadCall; name?: ts.Identifier }> = [];
  for (const [index, load] of loads.entries()) {
    if (load === undefined || load.form !== 'dynamic' || load.unbounded === true) return undefined;
    const element = elements[index];
    if (element === undefined || ts.isOmittedExpression(element)) {
      found.push({ load });
      continue;
    }
    if (element.dotDotDotToken !== undefined || !ts.isIdentifier(element.name) || element.initializer !== undefined) return undefined;
    found.push({ load, name: element.name });
  }
  return found;
}
