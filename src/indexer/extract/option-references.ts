import { unwrapExpression } from './expression-shapes.js';
import { isDirnameJoin, specifierPattern } from './module-load-call.js';
import type { LoadWalker } from './load-walker.js';
import type { ts } from '../../typescript/typescript-api.js';

/** Option names that give a loader a folder whose every module it loads. */
const DIRECTORY_OPTIONS = new Set(['dir', 'directory']);
/** Bundler options (esbuild, tsup, Bun.build) listing files the bundle starts from or injects into every file. */
const BUNDLED_FILE_OPTIONS = new Set(['entryPoints', 'entrypoints', 'inject']);
/** A path from the working directory: `./src/a.ts`, or a bare `src/a.ts` naming a code file (esbuild takes both). */
const BUNDLED_PATH = /^(?:\.{1,2}\/|(?![@/])[\w$.-]+\/[\w@$./-]*\.(?:[cm]?[jt]sx?)$)/;

/**
 * Files a call's options name: a loader's folder (`{ dir: path.join(import.meta.dirname, 'routes') }`)
 * and a bundler's entry and inject files (`{ entryPoints: ['./src/extension.ts'], inject: [...] }`).
 */
export function recordOptionReferences(walker: LoadWalker, node: ts.CallExpression | ts.NewExpression, args: readonly ts.Expression[]): void {
  const { ts } = walker;
  for (const argument of args) {
    const options = unwrapExpression(ts, argument);
    if (!ts.isObjectLiteralExpression(options)) continue;
    for (const property of options.properties) {
      if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
      if (DIRECTORY_OPTIONS.has(property.name.text)) recordDirectoryOption(walker, node, property);
      if (BUNDLED_FILE_OPTIONS.has(property.name.text)) recordBundledFiles(walker, property);
    }
  }
}

/**
 * `fastify.register(autoload, { dir: path.join(import.meta.dirname, 'routes') })` and loaders
 * like it: a folder next to this file, named by a `dir` option, whose modules the loader imports
 * one by one (any export may be read: autoload reads `default`, `autoConfig`, `autoPrefix`).
 * Only a named folder counts (not `.` or `..`): a wider pattern would hide dead files.
 */
function recordDirectoryOption(walker: LoadWalker, node: ts.CallExpression | ts.NewExpression, property: ts.PropertyAssignment): void {
  const { ts } = walker;
  const value = unwrapExpression(ts, property.initializer);
  if (!isDirnameJoin(ts, value)) return;
  const folder = specifierPattern(ts, value)?.replace(/\/+$/, '');
  if (folder === undefined || folder.includes('*') || /(?:^|\/)\.{1,2}$/.test(folder) || /\.\w+$/.test(folder)) return;
  walker.recordModuleLoad({ specifier: `${folder}/*`, form: 'url', call: node, pattern: true }, { usedNames: [], whole: true });
}

/**
 * esbuild's `entryPoints: ['./src/a.ts']` (or `'src/a.ts'`, `{ name: './src/a.ts' }`,
 * `[{ in: './src/a.ts' }]`), Bun.build's `entrypoints` and `inject: ['./shim.js']`: paths from the working directory (the package folder) that the
 * bundle is built from; what they export is the bundle's (or replaces globals), so all of it is read.
 */
function recordBundledFiles(walker: LoadWalker, property: ts.PropertyAssignment): void {
  const { ts } = walker;
  const value = unwrapExpression(ts, property.initializer);
  const items = ts.isArrayLiteralExpression(value) ? [...value.elements]
    : ts.isObjectLiteralExpression(value) ? value.properties.filter(ts.isPropertyAssignment).map((item) => item.initializer) : [];
  for (const item of items) {
    let path = unwrapExpression(ts, item);
    if (ts.isObjectLiteralExpression(path)) {
      const input = path.properties.find((entry) => ts.isPropertyAssignment(entry) && ts.isIdentifier(entry.name) && entry.name.text === 'in');
      if (input === undefined || !ts.isPropertyAssignment(input)) continue;
      path = unwrapExpression(ts, input.initializer);
    }
    if (ts.isStringLiteralLike(path) && BUNDLED_PATH.test(path.text)) recordLiteral(walker, path.text, path, true);
  }
}

/**
 * pino's `transport: { target: 'pino-pretty' }` (or `targets: [{ target }]`): pino loads the
 * module in a worker thread by its name or path. A package is recorded as a `url` load (it runs,
 * nothing reads its exports here); a file's default export builds the stream.
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
    if (option.name.text !== 'targets' || !ts.isArrayLiteralExpression(value)) continue;
    for (const element of value.elements) {
      if (!ts.isObjectLiteralExpression(element)) continue;
      const target = element.properties.find((item) => ts.isPropertyAssignment(item) && ts.isIdentifier(item.name) && item.name.text === 'target');
      if (target !== undefined && ts.isPropertyAssignment(target)) targets.push(unwrapExpression(ts, target.initializer));
    }
  }
  for (const target of targets) {
    if (!ts.isStringLiteralLike(target) || target.text === '') continue;
    if (/^\.{0,2}\//.test(target.text)) recordLiteral(walker, target.text, target, true);
    else if (!target.text.includes(':')) walker.recordModuleLoad({ specifier: target.text, form: 'url', call: target }, { usedNames: [], whole: false });
  }
}

/** `node_modules/@expo-google-fonts/inter/...`, from this folder or one above: the package's name. */
const INSTALLED_PACKAGE_PATH = /^(?:\.{1,2}\/)*node_modules\/((?:@[\w.-]+\/)?[\w.-]+)(?:\/|$)/;

/**
 * A path into an installed package written as a string (`fonts: ['node_modules/@expo-google-fonts/
 * inter/400Regular/Inter_400Regular.ttf']` for Expo's font plugin, a stylesheet a config copies):
 * whoever reads the path needs that package installed, so it is used, though nothing imports it.
 */
export function recordInstalledPackagePath(walker: LoadWalker, literal: ts.StringLiteralLike): void {
  if (!literal.text.includes('node_modules/')) return;
  const name = INSTALLED_PACKAGE_PATH.exec(literal.text)?.[1];
  if (name === undefined || name === '.bin' || name.startsWith('.')) return;
  walker.recordModuleLoad({ specifier: name, form: 'url', call: literal }, { usedNames: [], whole: false });
}

/** A path a call names: a `url` load (the file runs or is bundled), relative to this file or the package. */
export function recordLiteral(walker: LoadWalker, specifier: string, at: ts.Node, readsExports = false): void {
  const relative = specifier.startsWith('.') || specifier.startsWith('/') ? specifier : `./${specifier}`;
  walker.recordModuleLoad({ specifier: relative, form: 'url', call: at }, { usedNames: [], whole: readsExports });
}
