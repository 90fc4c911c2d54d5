/**
 * The files a shell command runs, as people write them in package.json scripts, CI workflow
 * `run:` lines and `orch-guard run` tasks: `node x.js`, `tsx src/cli.ts`, `ts-node`, `bun`,
 * `vite-node`, `esno`, `npx tsx ...`, `node --import ./register.js main.js`, a folder argument
 * meaning its index, and (unless `scriptsOnly`) any word that looks like a path to a code file.
 * Returns the words as written (relative to the command's directory); the caller probes them.
 */
const RUNNERS = new Set(['node', 'nodejs', 'tsx', 'ts-node', 'ts-node-esm', 'ts-node-dev', 'bun', 'vite-node', 'esno', 'esr', 'jiti', 'babel-node', 'nodemon', 'sucrase-node', 'swc-node', 'deno']);
/** Words that only prefix the real command. */
const PREFIXES = new Set(['npx', 'pnpx', 'bunx', 'exec', 'cross-env', 'dotenv', 'env', 'time', 'nohup', 'run', 'dlx', 'c8', 'nyc']);
/** Runner flags whose value is a module to preload (an entry too). */
const PRELOAD_FLAGS = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader']);
/** Runner flags that take a value that is not a file to run. */
const VALUE_FLAGS = new Set(['--env-file', '--tsconfig', '--conditions', '-C', '--watch-path', '--inspect-port', '--max-old-space-size', '--title', '--cwd', '--import-map', '--importmap']);
/** Runner flags whose value is code to run. */
const EVAL_FLAGS = new Set(['-e', '--eval', '-p', '--print']);
/** Subcommands of runners that come before the script (`bun run x.ts`, `deno run -A x.ts`). */
const SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = { bun: ['run', 'test', 'x', 'build'], deno: ['run', 'test', 'bench', 'compile', 'serve'] };
const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/;

export function commandTargets(command: string, options: { scriptsOnly?: boolean } = {}): string[] {
  const targets: string[] = [];
  for (const words of splitSegments(command)) targets.push(...segmentTargets(words, options.scriptsOnly === true));
  return [...new Set(targets.map((target) => target.replace(/^\.\//, '')))];
}

/**
 * The words of each simple command in a command line, from the command itself on: environment
 * assignments and prefixes (`NODE_ENV=x npx cross-env tsx ...`, `pnpm exec`, `nohup`) left out.
 */
export function commandWords(command: string): string[][] {
  return splitSegments(command).map((words) => words.slice(commandStart(words)));
}

function splitSegments(command: string): string[][] {
  return command.split(/&&|\|\||[;|\n]|\$\(|`/).map((segment) => segment.trim().split(/\s+/).map(unquote).filter((word) => word !== ''));
}

function commandStart(words: readonly string[]): number {
  let index = 0;
  while (index < words.length && (/^\w+=/.test(words[index]) || PREFIXES.has(words[index]) || ((words[index] === 'pnpm' || words[index] === 'yarn') && PREFIXES.has(words[index + 1] ?? '')) || words[index] === '--')) index += 1;
  return index;
}

function segmentTargets(words: string[], scriptsOnly: boolean): string[] {
  const index = commandStart(words);
  const targets: string[] = [];
  const command = words[index]?.replace(/^.*\/node_modules\/\.bin\//, '');
  if (command !== undefined && RUNNERS.has(command)) {
    for (let position = index + 1; position < words.length; position += 1) {
      const word = words[position];
      if (PRELOAD_FLAGS.has(word)) {
        const value = words[position + 1];
        if (value !== undefined && isPathLike(value)) targets.push(value);
        position += 1;
        continue;
      }
      if (EVAL_FLAGS.has(word)) {
        // `node -e "require('./scripts/seed').run()"`: the code's relative loads run; nothing else does.
        targets.push(...evalLoads(words.slice(position + 1).join(' ')));
        break;
      }
      if (VALUE_FLAGS.has(word)) { position += 1; continue; }
      if (word.startsWith('-')) continue;
      if (SUBCOMMANDS[command]?.includes(word) === true) continue;
      if (word === 'watch' && command === 'tsx') continue;
      // The script (a file or a folder, whose index runs); what follows are its own arguments.
      if (isPathLike(word) || /^[\w@.-]+$/.test(word)) targets.push(word);
      break;
    }
    // What follows the script is its own arguments (`node put.mjs a.ts src/x.ts`), not files it runs.
    return targets;
  }
  // Any other word that names a code file (`jest --setupFiles ./setup.ts`, `c8 node x.mjs`).
  // Not for `orch-guard run` tasks: their arguments are mostly the files they write, and a
  // task's output must not be live just because its command names it.
  if (scriptsOnly) return targets;
  for (const word of words.slice(index)) {
    const value = word.replace(/^--?[\w-]+=/, '');
    if (!value.includes('://') && !value.startsWith('-') && (CODE_FILE.test(value) || value.startsWith('./') || value.startsWith('../'))) targets.push(value);
  }
  return targets;
}

/** Relative paths that `require('./x')` / `import('./x')` in inline code load. */
function evalLoads(code: string): string[] {
  return [...code.matchAll(/\b(?:require|import)\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)].map((match) => match[1]);
}

function isPathLike(word: string): boolean {
  return !word.includes('://') && !word.startsWith('-') && (CODE_FILE.test(word) || word.includes('/') || word.startsWith('.'));
}

function unquote(word: string): string {
  return word.replace(/^['"]+|['"]+$/g, '');
}
