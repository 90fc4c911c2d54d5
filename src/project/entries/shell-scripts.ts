import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { commandWords } from './command-targets.js';

/** A shell script a command runs, and the command lines it holds. */
export interface ShellScript {
  /** Absolute path of the script. */
  file: string;
  /** Its command lines: continuations joined, comments and here-document bodies left out. */
  lines: string[];
}

const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash']);
const MAX_SCRIPT_BYTES = 256 * 1024;
/** A script that runs another is followed this deep (a script running itself ends there too). */
const MAX_DEPTH = 3;

/**
 * The shell scripts a command runs (`bash ./test/e2e.sh`, `sh scripts/x.sh`, `./x.sh`), read
 * from the command's directory, with those they run in turn: their lines are commands like a
 * package.json script's (files they run with node/tsx, binaries they call). A script that
 * cannot be read is skipped: it adds nothing, as before scripts were read at all.
 */
export function shellScriptsOf(command: string, dir: string, root: string): ShellScript[] {
  const found = new Map<string, ShellScript>();
  const visit = (text: string, depth: number) => {
    for (const words of commandWords(text)) {
      const script = scriptWord(words);
      if (script === undefined) continue;
      const file = path.resolve(dir, script);
      if (found.has(file) || !file.startsWith(`${root}${path.sep}`)) continue;
      const lines = readScriptLines(file);
      if (lines === undefined) continue;
      found.set(file, { file, lines });
      if (depth < MAX_DEPTH) for (const line of lines) visit(line, depth + 1);
    }
  };
  visit(command, 1);
  return [...found.values()];
}

/** The script a command's words run: `bash [-flags] x.sh`, or `x.sh` itself as the command. */
function scriptWord(words: readonly string[]): string | undefined {
  const [first, ...rest] = words;
  if (first === undefined) return undefined;
  if (SHELLS.has(first)) {
    const script = rest.find((word) => !word.startsWith('-'));
    return script !== undefined && /\.(?:ba|z)?sh$/.test(script) ? script : undefined;
  }
  return /\.(?:ba|z)?sh$/.test(first) && /^[\w./-]+$/.test(first) ? first : undefined;
}

function readScriptLines(file: string): string[] | undefined {
  let text: string;
  try {
    if ((statSync(file).size) > MAX_SCRIPT_BYTES) return undefined;
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines: string[] = [];
  let hereDocEnd: string | undefined;
  for (const raw of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
    if (hereDocEnd !== undefined) {
      if (raw.trim() === hereDocEnd) hereDocEnd = undefined;
      continue;
    }
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    hereDocEnd = /<<-?\s*['"]?(\w+)['"]?/.exec(line)?.[1];
    lines.push(line);
  }
  return lines;
}
