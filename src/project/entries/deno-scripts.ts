import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonc } from '../../files/jsonc.js';
import type { BundlerAlias } from '../../resolve/bundler-aliases.js';
import { commandTargets } from './command-targets.js';

/** What Deno finds beside a folder's files: import maps (their aliases) and the scripts a README runs. */
export interface DenoSetup {
  /** Import map aliases (`"Files": "./Files.js"`, `"Time": "https://deno.land/std/..."`), per folder. */
  aliases: BundlerAlias[];
  /** Root-relative files a README's `deno run` command runs, with the README that says so. */
  entries: Array<{ file: string; detail: string }>;
}

const CONFIG_FILES = ['deno.json', 'deno.jsonc', 'import_map.json'];
const READMES = ['README.md', 'readme.md', 'Readme.md'];
const CODE_FILE = /\.[cm]?[jt]sx?$/;
const MAX_DEPTH = 3;
const IMPORT_MAP_FLAG = /--import-?map(?:=|\s+)(['"]?)([^\s'"`]+)\1/;

/**
 * Deno scripts in a Node project (a README updater run by hand): a folder's `deno.json` /
 * `import_map.json` imports, and the `deno run [--importmap=X] script.js` commands its README
 * documents — their scripts are entries and their import map's aliases resolve (to a file of the
 * map's folder, or to a URL or `npm:`/`jsr:` package that is not one of the project's packages).
 * Only folders (up to three levels deep) that hold code files are looked at: one listing each.
 */
export function readDenoSetup(root: string, files: readonly string[], notices: string[]): DenoSetup {
  const setup: DenoSetup = { aliases: [], entries: [] };
  const fileSet = new Set(files);
  const maps = new Set<string>();
  for (const dir of new Set(files.filter((file) => CODE_FILE.test(file)).map((file) => path.dirname(file)))) {
    // Deno tooling sits near the top (`scripts/readme/`): deep folders of pages and examples are not listed.
    if (dir.split('/').length > MAX_DEPTH) continue;
    const absoluteDir = path.join(root, dir);
    const names = new Set(listNames(absoluteDir));
    for (const name of CONFIG_FILES) if (names.has(name)) maps.add(path.join(absoluteDir, name));
    const readmeName = READMES.find((name) => names.has(name));
    if (readmeName === undefined) continue;
    const readme = path.join(absoluteDir, readmeName);
    // A documented command runs from the README's folder or from the repository's root.
    const bases = [absoluteDir, root];
    for (const command of denoCommands(readText(readme) ?? '')) {
      const importMap = IMPORT_MAP_FLAG.exec(command)?.[2];
      const mapFile = importMap === undefined ? undefined : bases.map((base) => path.join(base, importMap)).find((candidate) => existsSync(candidate));
      if (mapFile !== undefined) maps.add(mapFile);
      for (const target of commandTargets(command, { scriptsOnly: true })) {
        const file = bases.map((base) => path.relative(root, path.join(base, target)).split(path.sep).join('/')).find((candidate) => fileSet.has(candidate));
        if (file !== undefined) setup.entries.push({ file, detail: `${path.relative(root, readme)} deno run` });
      }
    }
  }
  for (const map of maps) setup.aliases.push(...importMapAliases(root, map, notices));
  return setup;
}

/** The `deno run ...` commands in a Markdown text (code blocks and inline code). */
function denoCommands(markdown: string): string[] {
  return [...markdown.replace(/\\\r?\n/g, ' ').matchAll(/\bdeno\s+run\b[^\n`]*/g)].map((match) => match[0]);
}

function importMapAliases(root: string, file: string, notices: string[]): BundlerAlias[] {
  const text = readText(file);
  if (text === undefined) return [];
  let imports: unknown;
  try {
    // deno.json(c) may hold comments and trailing commas.
    imports = (parseJsonc(text) as { imports?: unknown } | null)?.imports;
  } catch (error) {
    notices.push(`${path.relative(root, file)}: not valid JSON (${(error as Error).message}); its import map is not read, so imports through it may be reported unresolved`);
    return [];
  }
  if (typeof imports !== 'object' || imports === null) return [];
  const dir = path.dirname(file);
  const workspaceDir = path.relative(root, dir).split(path.sep).join('/');
  return Object.entries(imports).flatMap(([pattern, target]) => {
    if (typeof target !== 'string') return [];
    const remote = /^(?:https?|npm|jsr):/.test(target);
    // A prefix mapping (`"std/": "https://deno.land/std/"`) maps what follows it too.
    const star = pattern.endsWith('/') ? '*' : '';
    const local = path.resolve(dir, target) + (star === '' ? '' : `${path.sep}*`);
    return [{ workspaceDir, pattern: pattern + star, targets: [remote ? target + star : local] }];
  });
}

function listNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
