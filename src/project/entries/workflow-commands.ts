import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A `run:` command of a CI workflow step, with the directory it runs in. */
export interface WorkflowCommand {
  /** Root-relative workflow file. */
  file: string;
  /** Absolute directory (`working-directory`, else the root). */
  dir: string;
  command: string;
}

/**
 * The commands CI runs: GitHub workflows' and GitLab CI's, read without a YAML parser.
 */
export function readWorkflowCommands(root: string): WorkflowCommand[] {
  return [...githubWorkflowCommands(root), ...gitlabCiCommands(root)];
}

/**
 * The commands of GitLab CI jobs in `.gitlab-ci.yml`: the items of `script`, `before_script`
 * and `after_script` (lists and single lines), run from the root.
 */
function gitlabCiCommands(root: string): WorkflowCommand[] {
  let text: string;
  try {
    text = readFileSync(path.join(root, '.gitlab-ci.yml'), 'utf8');
  } catch {
    return [];
  }
  const lines = text.split(/\r?\n/);
  const found: WorkflowCommand[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const match = /^(\s*)(?:before_|after_)?script:\s*(.*)$/.exec(lines[index]);
    if (match === null) continue;
    const inline = match[2].trim();
    if (inline !== '' && !inline.startsWith('#')) {
      found.push({ file: '.gitlab-ci.yml', dir: root, command: inline.replace(/^['"]|['"]$/g, '') });
      continue;
    }
    while (index + 1 < lines.length && (lines[index + 1].trim() === '' || leadingSpaces(lines[index + 1]) > match[1].length || /^\s*-\s/.test(lines[index + 1]))) {
      const item = /^\s*-\s+(.*)$/.exec(lines[++index]);
      if (item !== null) found.push({ file: '.gitlab-ci.yml', dir: root, command: item[1].trim().replace(/^['"]|['"]$/g, '') });
    }
  }
  return found;
}

/**
 * The `run:` commands of `.github/workflows/*.yml` (single-line and `|`/`>` blocks): a step's
 * `working-directory` is honoured when it precedes or follows `run` within the same step.
 */
function githubWorkflowCommands(root: string): WorkflowCommand[] {
  const dir = path.join(root, '.github', 'workflows');
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    let text: string;
    try {
      text = readFileSync(path.join(dir, name), 'utf8');
    } catch {
      return [];
    }
    return stepCommands(text).map(({ command, workingDirectory }) => ({
      file: `.github/workflows/${name}`,
      dir: workingDirectory !== undefined && !workingDirectory.includes('${{') ? path.resolve(root, workingDirectory) : root,
      command,
    }));
  });
}

function stepCommands(text: string): Array<{ command: string; workingDirectory?: string }> {
  const lines = text.split(/\r?\n/);
  const found: Array<{ command: string; workingDirectory?: string }> = [];
  for (let index = 0; index < lines.length; index += 1) {
    const match = /^(\s*)(?:-\s+)?run:\s*(.*)$/.exec(lines[index]);
    if (match === null) continue;
    const indent = match[1].length;
    let command = match[2].trim();
    if (/^[|>][+-]?$/.test(command)) {
      const block: string[] = [];
      while (index + 1 < lines.length && (lines[index + 1].trim() === '' || leadingSpaces(lines[index + 1]) > indent)) block.push(lines[++index].trim());
      command = block.join('\n');
    }
    found.push({ command: command.replace(/^['"]|['"]$/g, ''), ...workingDirectoryNear(lines, index, indent) });
  }
  return found;
}

/** `working-directory:` within the same step (from its `- ` line to the next one at that indent). */
function workingDirectoryNear(lines: string[], index: number, indent: number): { workingDirectory?: string } {
  let start = index;
  while (start > 0 && !(/^\s*-\s/.test(lines[start]) && leadingSpaces(lines[start]) <= indent)) start -= 1;
  const dashIndent = leadingSpaces(lines[start]);
  let end = start + 1;
  while (end < lines.length && !(lines[end].trim() !== '' && leadingSpaces(lines[end]) <= dashIndent)) end += 1;
  for (let line = start; line < end; line += 1) {
    const match = /^\s*(?:-\s+)?working-directory:\s*['"]?([^'"#]+?)['"]?\s*$/.exec(lines[line]);
    if (match !== null) return { workingDirectory: match[1] };
  }
  return {};
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}
