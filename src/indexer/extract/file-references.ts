import { unwrapExpression } from './expression-shapes.js';
import { isDirnameJoin, specifierPattern } from './module-load-call.js';
import type { LoadWalker } from './load-walker.js';
import type { ts } from '../../typescript/typescript-api.js';

/** Calls whose first argument names a module file to run: workers, forks, loader hooks. */
const FILE_ARGUMENT_CALLEES = new Set(['Worker', 'SharedWorker', 'fork', 'register', 'resolve']);
/** Calls that run a program with arguments: a script path among them is a file to run. */
const PROGRAM_CALLEES = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync']);
const SCRIPT_PATH = /^\.{0,2}\/?[\w@$./-]*\.(?:[cm]?[jt]sx?)$/;

/**
 * Files a call names without importing them: `new Worker('./w.js')`, `fork(path.join(__dirname,
 * 'child.js'))`, `module.register('./hooks.mjs', import.meta.url)`, `require.resolve(...)`,
 * `spawn('node', ['./task.js'])`, Vite's `ssrLoadModule('./server/app.ts')`. They are recorded as `url` loads: the file runs (it is live),
 * its exports are not read.
 */
export function recordFileReferences(walker: LoadWalker, node: ts.CallExpression | ts.NewExpression): void {
  const { ts } = walker;
  const callee = unwrapExpression(ts, node.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const args = node.arguments ?? [];
  if (name === undefined || args.length === 0) return;
  recordDirectoryOptions(walker, node, args);
  if (name === 'ssrLoadModule') {
    // Vite's `server.ssrLoadModule('./server/app.ts' | '/src/entry-server.tsx')`: a path from
    // Vite's root (the package folder), whose exports the caller reads.
    const value = unwrapExpression(ts, args[0]);
    if (ts.isStringLiteralLike(value) && /^\.{0,2}\//.test(value.text)) recordLiteral(walker, value.text.replace(/^\/(?!\/)/, './'), node, true);
  } else if (FILE_ARGUMENT_CALLEES.has(name)) {
    // `resolve` only as require.resolve / import.meta.resolve: path.resolve is no reference.
    if (name === 'resolve' && !isModuleResolve(ts, callee)) return;
    // Node reads a loader's hooks (`resolve`, `load`, `initialize`) from its exports; a resolved
    // URL is often imported (`import(import.meta.resolve('#worker'))`): its exports may be read.
    const readsExports = name === 'register' || name === 'resolve';
    const first = unwrapExpression(ts, args[0]);
    if (name === 'resolve' && ts.isStringLiteralLike(first) && first.text.startsWith('#')) {
      // A module specifier, not a path: `import.meta.resolve('#worker')` through package.json `imports`.
      walker.recordModuleLoad({ specifier: first.text, form: 'url', call: node }, { usedNames: [], whole: readsExports });
      return;
    }
    recordPath(walker, args[0], node, readsExports);
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

/** Option names that give a loader a folder whose every module it loads. */
const DIRECTORY_OPTIONS = new Set(['dir', 'directory']);

/**
 * `fastify.register(autoload, { dir: path.join(import.meta.dirname, 'routes') })` and loaders
 * like it: a folder next to this file, named by a `dir` option, whose modules the loader imports
 * one by one (any export may be read: autoload reads `default`, `autoConfig`, `autoPrefix`).
 * Only a named folder counts (not `.` or `..`): a wider pattern would hide dead files.
 */
function recordDirectoryOptions(walker: LoadWalker, node: ts.CallExpression | ts.NewExpression, args: readonly ts.Expression[]): void {
  const { ts } = walker;
  for (const argument of args) {
    const options = unwrapExpression(ts, argument);
    if (!ts.isObjectLiteralExpression(options)) continue;
    for (const property of options.properties) {
      if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
      if (!DIRECTORY_OPTIONS.has(property.name.text)) continue;
      const value = unwrapExpression(ts, property.initializer);
      if (!isDirnameJoin(ts, value)) continue;
      const folder = specifierPattern(ts, value)?.replace(/\/+$/, '');
      if (folder === undefined || folder.includes('*') || /(?:^|\/)\.{1,2}$/.test(folder) || /\.\w+$/.test(folder)) continue;
      walker.recordModuleLoad({ specifier: `${folder}/*`, form: 'url', call: node, pattern: true }, { usedNames: [], whole: true });
    }
  }
}

function isModuleResolve(ts: LoadWalker['ts'], callee: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const object = callee.expression;
  return (ts.isIdentifier(object) && object.text === 'require') || ts.isMetaProperty(object);
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

function recordLiteral(walker: LoadWalker, specifier: string, at: ts.Node, readsExports = false): void {
  const relative = specifier.startsWith('.') || specifier.startsWith('/') ? specifier : `./${specifier}`;
  walker.recordModuleLoad({ specifier: relative, form: 'url', call: at }, { usedNames: [], whole: readsExports });
}

/**
 * pino's `transport: { target: 'pino-pretty' }` (or `targets: [{ target }]`): pino loads the
 * module in a worker thread by its name or path. Recorded as a `url` load: it runs, nothing
 * reads its exports here.
 */
export function recordTransportTargets(walker: LoadWalker, property: ts.PropertyAssignment): void {
  const { ts } = walker;
  if (!(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) || property.name.text !== 'transport') return;
  const transport = unwrapExpression(ts, property.initializer);
  if (!ts.isObjectLiteralExpression(transport)) return;
  const targets: ts.Expression[] = [];
  for (const option of transport.properties) {
    if (!ts.isPropertyAssignment(option) || !ts.isIdentifier(option.name)) continue;
    const value = unwrapExpression(ts, option.initializer);
    if (option.name.text === 'target') targets.push(value);
    if (option.name.text === 'targets' && ts.isArrayLiteralExpression(value)) {
      for (const element of value.elements) {
        const target = ts.isObjectLiteralExpression(element) ? element.properties.find((item) => item.name !== undefined && ts.isIdentifier(item.name) && item.name.text === 'target') : undefined;
        if (target !== undefined && ts.isPropertyAssignment(target)) targets.push(unwrapExpression(ts, target.initializer));
      }
    }
  }
  for (const target of targets) {
    if (!ts.isStringLiteralLike(target) || target.text === '') continue;
    // A file target: pino calls its default export to build the stream.
    if (/^\.{0,2}\//.test(target.text)) recordLiteral(walker, target.text, target, true);
    else if (!target.text.includes(':')) walker.recordModuleLoad({ specifier: target.text, form: 'url', call: target }, { usedNames: [], whole: false });
  }
}

