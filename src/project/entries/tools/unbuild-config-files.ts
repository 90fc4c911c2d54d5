import path from 'node:path';
import { readTextIfPresent } from './config-values.js';

/** unbuild configs under other names than build.config.ts (`bench/client-build.config.ts`, run by `unbuild --config`). */
const CONFIG_NAME = /(?:^|\/)[^/]*build\.config\.[cm]?[jt]s$/;

/**
 * Project files that call unbuild's `defineBuildConfig(...)`, wherever they sit and whatever
 * their name: each is an unbuild config (a default-named one at a package's top is knip's
 * plugin's), and the `entries` it builds are entries: the array's string elements and `input`
 * values, resolved from its `rootDir` literal, else its own folder (where `unbuild <dir>
 * --config` runs it from in practice). Returns absolute paths as written (the caller probes them).
 */
export function unbuildConfigEntries(root: string, files: readonly string[]): Array<{ config: string; inputs: string[] }> {
  const found: Array<{ config: string; inputs: string[] }> = [];
  for (const file of files) {
    if (!CONFIG_NAME.test(file)) continue;
    const text = readTextIfPresent(path.join(root, file));
    if (text === undefined || !text.includes('defineBuildConfig(')) continue;
    const configDir = path.dirname(path.join(root, file));
    const rootDir = /\brootDir\s*:\s*(['"`])([^'"`]+)\1/.exec(text)?.[2];
    const base = rootDir === undefined ? configDir : path.resolve(configDir, rootDir);
    found.push({ config: file, inputs: entryLiterals(text).map((input) => path.resolve(base, input)) });
  }
  return found;
}

/** The literal inputs of every `entries: [...]` array: string elements and `input:` values. */
function entryLiterals(text: string): string[] {
  const inputs: string[] = [];
  for (const match of text.matchAll(/\bentries\s*:\s*\[/g)) {
    let depth = 1;
    let end = match.index + match[0].length;
    while (end < text.length && depth > 0) {
      if (text[end] === '[') depth += 1;
      else if (text[end] === ']') depth -= 1;
      end += 1;
    }
    const array = text.slice(match.index + match[0].length, end - 1);
    for (const literal of array.matchAll(/(?:^|[[,{]|\binput\s*:)\s*(['"`])([^'"`$]+)\1/g)) inputs.push(literal[2]);
  }
  return inputs;
}
