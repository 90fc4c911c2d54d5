import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../errors.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';
import { loadTypeScript } from '../typescript/load-typescript.js';
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
  const file = explicitFile !== undefined
    ? path.resolve(explicitFile)
    : CONFIG_FILE_NAMES.map((name) => path.join(root, name)).find((candidate) => existsSync(candidate));
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
  try {
    if (file.endsWith('.json')) {
      exported = JSON.parse(readFileSync(file, 'utf8'));
    } else if (file.endsWith('.cjs')) {
      exported = createRequire(file)(file);
    } else {
      const module = (await import(pathToFileURL(compiledConfigPath(root, file)).href)) as Record<string, unknown>;
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
function compiledConfigPath(root: string, file: string): string {
  const source = readFileSync(file, 'utf8');
  const hash = createHash('sha1').update(file).update('\0').update(source).update('\0').update(CONFIG_API_URL).digest('hex').slice(0, 16);
  const target = path.join(ensureStateDir(root), 'config', `orch.config.${hash}.mjs`);
  if (existsSync(target)) return target;
  const isTypeScript = /\.m?ts$/.test(file);
  let code = source;
  if (isTypeScript) {
    const ts = loadTypeScript();
    code = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    }).outputText;
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
