import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../errors.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';
import { ensureStateDir } from '../files/state-dir.js';
import { type OrchGuardConfig, configSchema } from './config-schema.js';
import { defineConfig } from './define-config.js';
import { SchemaIssue } from './schema-builder.js';

/**
 * What `import { defineConfig } from 'orch-guard'` gives a config: the config helpers only, as
 * a module of their own, so loading a config loads neither the analysis (SQLite, TypeScript)
 * nor any file of a particular installation.
 */
const CONFIG_API_URL = `data:text/javascript,${encodeURIComponent(`export ${defineConfig.toString()}`)}`;

const CONFIG_FILE_NAMES = ['orch.config.ts', 'orch.config.mts', 'orch.config.js', 'orch.config.mjs', 'orch.config.cjs', 'orch.config.json'];

export interface LoadedConfig {
  config: OrchGuardConfig;
  /** Absolute path of the config file, or undefined when the defaults apply. */
  file: string | undefined;
}

/**
 * Finds and loads orch.config.* in `root` (or `explicitFile`), on Node 20 without a build
 * step: TypeScript configs are transpiled once per content hash into `.orch-guard/config/`.
 * Any failure becomes a ConfigError naming the file (and the field, for schema errors).
 */
export async function loadConfig(root: string, explicitFile?: string): Promise<LoadedConfig> {
  const found = CONFIG_FILE_NAMES.map((name) => path.join(root, name)).filter((candidate) => existsSync(candidate));
  if (explicitFile === undefined && found.length > 1) {
    throw new ConfigError(`${found.map((candidate) => path.basename(candidate)).join(' and ')}: two config files in ${root}; keep one (or choose with --config)`);
  }
  const file = explicitFile !== undefined ? path.resolve(explicitFile) : found[0];
  if (file === undefined) return { config: {}, file: undefined };
  const label = path.relative(root, file) || file;
  if (!existsSync(file)) throw new ConfigError(`${label}: config file not found`);
  const raw = await importConfigModule(root, file, label);
  try {
    return { config: configSchema.parse(raw, ''), file };
  } catch (error) {
    if (error instanceof SchemaIssue) throw new ConfigError(`${label}: ${error.message}`);
    throw error;
  }
}

async function importConfigModule(root: string, file: string, label: string): Promise<unknown> {
  let exported: unknown;
  const compiled = file.endsWith('.json') || file.endsWith('.cjs') ? file : await compiledConfigPath(root, file, label);
  if (!file.endsWith('.json') && !provenToLoad(compiled)) {
    // Loaded only here: a config proven to load (the usual warm run) starts no worker thread.
    const { preflightConfig } = await import('./preflight-config.js');
    await preflightConfig(compiled, file.endsWith('.cjs') ? 'cjs' : 'esm', label);
    rememberLoaded(compiled);
  }
  try {
    if (file.endsWith('.json')) {
      exported = JSON.parse(readFileSync(file, 'utf8'));
    } else if (file.endsWith('.cjs')) {
      exported = createRequire(file)(file);
    } else {
      const module = (await import(pathToFileURL(compiled).href)) as Record<string, unknown>;
      exported = module.default ?? module.config;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(`${label}: failed to load: ${message}`);
  }
  if (exported !== null && typeof exported === 'object' && 'default' in exported && file.endsWith('.cjs')) {
    exported = (exported as { default: unknown }).default;
  }
  if (exported === undefined || exported === null) {
    throw new ConfigError(`${label}: exports no config (write \`export default defineConfig({ ... })\`)`);
  }
  if (typeof exported !== 'object' || Array.isArray(exported)) {
    throw new ConfigError(`${label}: the default export must be an object, got ${Array.isArray(exported) ? 'an array' : typeof exported}`);
  }
  return exported;
}

/**
 * Writes an importable ESM copy of the config: TypeScript transpiled, `orch-guard` imports
 * replaced by the config API (the project need not install orch-guard), relative imports made
 * absolute. Cached by content hash so later runs do not load the TypeScript compiler.
 */
async function compiledConfigPath(root: string, file: string, label: string): Promise<string> {
  const source = readFileSync(file, 'utf8');
  // The tag changes when compiling changes: a copy compiled by an older orch-guard (which
  // applied a config with syntax errors) is not reused.
  const hash = createHash('sha1').update('syntax-checked\0').update(file).update('\0').update(source).update('\0').update(CONFIG_API_URL).digest('hex').slice(0, 16);
  const target = path.join(configCacheDir(root), `orch.config.${hash}.mjs`);
  if (existsSync(target)) return target;
  const isTypeScript = /\.m?ts$/.test(file);
  let code = source;
  if (isTypeScript) {
    const ts = (await import('../typescript/load-typescript.js')).loadTypeScript();
    const output = ts.transpileModule(source, {
      fileName: file,
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    });
    // transpileModule recovers from syntax errors; a config must not be "recovered" and applied.
    const problem = output.diagnostics?.find((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
    if (problem !== undefined) {
      const where = problem.file !== undefined && problem.start !== undefined ? problem.file.getLineAndCharacterOfPosition(problem.start) : undefined;
      const position = where === undefined ? '' : `:${where.line + 1}:${where.character + 1}`;
      throw new ConfigError(`${label}${position}: syntax error: ${ts.flattenDiagnosticMessageText(problem.messageText, ' ')}`);
    }
    code = output.outputText;
  }
  code = code.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\2/g, (match, prefix: string, quote: string, specifier: string) => {
    if (specifier === 'orch-guard') return `${prefix}${quote}${CONFIG_API_URL}${quote}`;
    if (specifier.startsWith('./') || specifier.startsWith('../')) {
      return `${prefix}${quote}${pathToFileURL(path.resolve(path.dirname(file), specifier)).href}${quote}`;
    }
    return match;
  });
  writeFileAtomic(target, code);
  return target;
}

/**
 * Where compiled configs are kept: `.orch-guard/config/`, or, when the root cannot be written
 * (a read-only checkout), a folder under the OS temp directory. No notice: only where a cache
 * lives changes, nothing the user sees.
 */
function configCacheDir(root: string): string {
  try {
    const dir = path.join(ensureStateDir(root), 'config');
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return dir;
  } catch {
    const dir = path.join(tmpdir(), `orch-guard-config-${createHash('sha1').update(root).digest('hex').slice(0, 12)}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  }
}

/**
 * A compiled config that imports nothing but orch-guard is all in its own text (its file name
 * carries the content hash): once it loaded within the time limit, it always will, and later
 * runs skip the check. A config with other imports is checked on every load.
 */
function provenToLoad(compiled: string): boolean {
  return compiled.endsWith('.mjs') && existsSync(`${compiled}.loaded`);
}

function rememberLoaded(compiled: string): void {
  if (!compiled.endsWith('.mjs')) return;
  const code = readFileSync(compiled, 'utf8');
  const specifiers = [...code.matchAll(/\b(?:from\s*|import\s*\(\s*|import\s+|require\s*\(\s*)(['"])([^'"]+)\1/g)].map((match) => match[2]);
  const dynamic = /\bimport\s*\((?!\s*['"])|\brequire\s*\(/.test(code);
  if (!dynamic && specifiers.every((specifier) => specifier === CONFIG_API_URL)) writeFileAtomic(`${compiled}.loaded`, '');
}
