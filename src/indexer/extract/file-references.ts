import { unwrapExpression } from './expression-shapes.js';
import { isDirnameJoin, isRequireFunction, isResolveAlias, specifierPattern } from './module-load-call.js';
import type { LoadWalker } from './load-walker.js';
import { recordLiteral, recordOptionReferences } from './option-references.js';
import type { ts } from '../../typescript/typescript-api.js';

/** Calls whose first argument names a module file to run: workers, forks, loader hooks. */
const FILE_ARGUMENT_CALLEES = new Set(['Worker', 'SharedWorker', 'fork', 'register', 'resolve', 'addModule']);
/** A browser extension's calls that inject scripts named in their options (`files`, `js`, MV2's `file`). */
const EXTENSION_SCRIPT_CALLEES = new Set(['executeScript', 'registerContentScripts', 'updateContentScripts']);
const EXTENSION_SCRIPT_OPTIONS = new Set(['files', 'js', 'file']);
/** Calls that run a program with arguments: a script path among them is a file to run. */
const PROGRAM_CALLEES = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync']);
/** A package name, maybe with a path inside it (`npm/package.json`, `@scope/x`), not `node:fs`. */
const BARE_SPECIFIER = /^(?:@[\w.-]+\/)?[\w][\w.-]*(?:\/[^\s]*)?$/;
const SCRIPT_PATH = /^\.{0,2}\/?[\w@$./-]*\.(?:[cm]?[jt]sx?)$/;
/** An HTML page beside the code: a window (Electron's `loadFile`/`loadURL`) or server shows it and it runs its scripts. */
const PAGE_PATH = /^\.{0,2}\/?[\w@$./-]*\.html?$/i;
/** Electron's `BrowserWindow`/`webContents` methods that show a page: `loadFile(path)`, `loadURL(url)`. */
const PAGE_LOADERS = new Set(['loadFile', 'loadURL']);

/**
 * Files a call names without importing them: `new Worker('./w.js')`, `fork(path.join(__dirname,
 * 'child.js'))`, `module.register('./hooks.mjs', import.meta.url)`, `require.resolve(...)`,
 * `spawn('node', ['./task.js'])`, a worker's `importScripts('./helpers.js')`, Vite's `ssrLoadModule('./server/app.ts')`. They are recorded as `url` loads: the file runs (it is live),
 * its exports are not read.
 */
export function recordFileReferences(walker: LoadWalker, node: ts.CallExpression | ts.NewExpression): void {
  const { ts } = walker;
  const callee = unwrapExpression(ts, node.expression);
  // A renamed `resolve` of a createRequire result (`const { resolve: resolvePackage } = ...`) is `resolve`.
  const name = ts.isIdentifier(callee) ? (isResolveAlias(ts, callee.text, walker.sourceFile) ? 'resolve' : callee.text) : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const args = node.arguments ?? [];
  if (name === undefined || args.length === 0) return;
  recordOptionReferences(walker, node, args);
  if (ts.isCallExpression(node) && isDirnameJoin(ts, node)) {
    // `path.join(__dirname, 'preload.js')` wherever it is written (Electron's `webPreferences:
    // { preload }`, a config object): a path to a code file beside this one is a file to run.
    const pattern = specifierPattern(ts, node);
    if (pattern !== undefined && !pattern.includes('*') && (SCRIPT_PATH.test(pattern) || PAGE_PATH.test(pattern))) recordLiteral(walker, pattern, node);
    return;
  }
  const fromApp = appFolderPath(ts, node);
  if (fromApp !== undefined) {
    // `path.join(app.getAppPath(), 'preload.js')`, `path.resolve(process.cwd(), 'index.html')`: a
    // path from the app's (the package's) folder, which the url load's resolution falls back to.
    if (SCRIPT_PATH.test(fromApp) || PAGE_PATH.test(fromApp)) recordLiteral(walker, fromApp, node);
    return;
  }
  if (PAGE_LOADERS.has(name)) {
    // `win.loadFile('renderer/index.html')` (from the app's folder) or `loadURL(\`file://${__dirname}/index.html\`)`:
    // the page's scripts run. A `path.join(__dirname, ...)` argument is its own call, seen above.
    const first = unwrapExpression(ts, args[0]);
    const pattern = ts.isStringLiteralLike(first) ? first.text : specifierPattern(ts, first);
    if (pattern !== undefined && !pattern.includes('*') && PAGE_PATH.test(pattern)) recordLiteral(walker, pattern, node);
    return;
  }
  if (EXTENSION_SCRIPT_CALLEES.has(name)) {
    // `chrome.scripting.executeScript({ files: ['content.js'] })`: paths from the extension's folder.
    for (const path of extensionScriptPaths(ts, args)) recordLiteral(walker, path.text, path);
    return;
  }
  if (name === 'ssrLoadModule') {
    // Vite's `server.ssrLoadModule('./server/app.ts' | '/src/entry-server.tsx')`: a path from
    // Vite's root (the package folder), whose exports the caller reads.
    const value = unwrapExpression(ts, args[0]);
    if (ts.isStringLiteralLike(value) && /^\.{0,2}\//.test(value.text)) recordLiteral(walker, value.text.replace(/^\/(?!\/)/, './'), node, true);
  } else if (FILE_ARGUMENT_CALLEES.has(name)) {
    // `resolve` only as require.resolve / import.meta.resolve: path.resolve is no reference.
    if (name === 'resolve' && !isModuleResolve(walker, callee)) return;
    // Node reads a loader's hooks (`resolve`, `load`, `initialize`) from its exports; a resolved
    // URL is often imported (`import(import.meta.resolve('#worker'))`): its exports may be read.
    const readsExports = name === 'register' || name === 'resolve';
    const first = unwrapExpression(ts, args[0]);
    if (name === 'resolve' && ts.isStringLiteralLike(first) && (first.text.startsWith('#') || BARE_SPECIFIER.test(first.text))) {
      // A module specifier, not a path: `import.meta.resolve('#worker')` through package.json
      // `imports`, or a package (`createRequire(import.meta.url).resolve('npm/package.json')`, to run it).
      walker.recordModuleLoad({ specifier: first.text, form: 'url', call: node }, { usedNames: [], whole: readsExports });
      return;
    }
    recordPath(walker, args[0], node, readsExports);
  } else if (name === 'importScripts') {
    // A classic worker's `importScripts('./helpers.js', 'more.js')` runs scripts beside it.
    for (const argument of args) {
      const value = unwrapExpression(ts, argument);
      if (ts.isStringLiteralLike(value) && SCRIPT_PATH.test(value.text)) recordLiteral(walker, value.text, node);
    }
  } else if (PROGRAM_CALLEES.has(name)) {
    for (const argument of args) {
      const list = unwrapExpression(ts, argument);
      const candidates = ts.isArrayLiteralExpression(list) ? list.elements : [list];
      for (const candidate of candidates) {
        if (ts.isStringLiteralLike(candidate) ? SCRIPT_PATH.test(candidate.text) : isDirnameJoin(ts, unwrapExpression(ts, candidate))) {
          recordPath(walker, candidate, node);
        } else if (ts.isStringLiteralLike(candidate) && name.startsWith('exec') && !name.startsWith('execFile')) {
          // `exec('node ./scripts/task.js')`: script paths inside a command line.
          for (const word of candidate.text.split(/\s+/)) if (SCRIPT_PATH.test(word) && word.includes('/')) recordLiteral(walker, word, candidate);
        }
      }
    }
  }
}

/** The code paths in the `files` / `js` / `file` options of the arguments (objects, or arrays of them). */
function extensionScriptPaths(ts: LoadWalker['ts'], args: readonly ts.Expression[]): ts.StringLiteralLike[] {
  const found: ts.StringLiteralLike[] = [];
  const visit = (node: ts.Expression): void => {
    const value = unwrapExpression(ts, node);
    if (ts.isArrayLiteralExpression(value)) {
      for (const element of value.elements) visit(element);
    } else if (ts.isObjectLiteralExpression(value)) {
      for (const property of value.properties) {
        if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
        if (!EXTENSION_SCRIPT_OPTIONS.has(property.name.text)) continue;
        const paths = unwrapExpression(ts, property.initializer);
        for (const path of ts.isArrayLiteralExpression(paths) ? paths.elements : [paths]) {
          if (ts.isStringLiteralLike(path) && SCRIPT_PATH.test(path.text)) found.push(path);
        }
      }
    }
  };
  for (const argument of args) visit(argument);
  return found;
}

/** `join(app.getAppPath(), 'a', 'b.js')` or `resolve(process.cwd(), ...)` with literal parts: `a/b.js`. */
function appFolderPath(ts: LoadWalker['ts'], node: ts.CallExpression | ts.NewExpression): string | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length < 2) return undefined;
  const callee = unwrapExpression(ts, node.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  const base = unwrapExpression(ts, node.arguments[0]);
  if ((name !== 'join' && name !== 'resolve') || !ts.isCallExpression(base) || base.arguments.length > 0) return undefined;
  const baseCallee = unwrapExpression(ts, base.expression);
  const baseName = ts.isPropertyAccessExpression(baseCallee) && ts.isIdentifier(baseCallee.expression) ? `${baseCallee.expression.text}.${baseCallee.name.text}` : '';
  if (baseName !== 'app.getAppPath' && baseName !== 'process.cwd') return undefined;
  const parts = node.arguments.slice(1).map((part) => unwrapExpression(ts, part));
  if (!parts.every((part) => ts.isStringLiteralLike(part))) return undefined;
  return parts.map((part) => (part as ts.StringLiteralLike).text.replace(/^\.?\/+/, '')).join('/');
}

/** `require.resolve`, `import.meta.resolve`, or the `resolve` of a `createRequire` result (destructured too). */
function isModuleResolve(walker: LoadWalker, callee: ts.Expression): boolean {
  const { ts } = walker;
  if (ts.isIdentifier(callee)) return isResolveAlias(ts, callee.text, walker.sourceFile);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  return ts.isMetaProperty(callee.expression) || isRequireFunction(ts, callee.expression, walker.sourceFile);
}

function recordPath(walker: LoadWalker, argument: ts.Expression, at: ts.Node, readsExports = false): void {
  const { ts } = walker;
  const value = unwrapExpression(ts, argument);
  if (ts.isStringLiteralLike(value)) {
    if (/^\.{0,2}\//.test(value.text)) recordLiteral(walker, value.text, at, readsExports);
    return;
  }
  if (!isDirnameJoin(ts, value) && !ts.isTemplateExpression(value) && !ts.isBinaryExpression(value)) return;
  const pattern = specifierPattern(ts, value);
  if (pattern === undefined || !/^\.{0,2}\//.test(pattern)) return;
  walker.recordModuleLoad({ specifier: pattern, form: 'url', call: at, ...(pattern.includes('*') ? { pattern: true } : {}) }, { usedNames: [], whole: readsExports });
}
