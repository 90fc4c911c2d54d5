import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkspacePackage } from '../manifests/workspaces.js';
import { commandWords } from '../project/entries/command-targets.js';
import { shellScriptsOf } from '../project/entries/shell-scripts.js';
import { conventionalChangelogPresets } from '../project/entries/tools/conventional-changelog.js';
import { readWorkflowCommands } from '../project/entries/workflow-commands.js';
import type { DependencyProblem } from '../rule-engine/analysis-context.js';
import { isUnusedDependency } from '../rule-engine/dependency-problems.js';
import type { InstalledManifests } from './installed-package.js';

/**
 * knip's unused dependencies, less those the project's commands use in ways knip does not see:
 * a binary that a shell script calls, the script being one that package.json scripts or CI run
 * (`"test:e2e": "bash ./test/e2e.sh"`, which starts `verdaccio`: knip reads the scripts, not the
 * shell scripts they run), a package a command loads by a flag (`conventional-changelog -p
 * angular` loads `conventional-changelog-angular`) and one a subcommand loads (`nx format`).
 */
export function dropCommandUsedPackages(root: string, packages: readonly WorkspacePackage[], problems: DependencyProblem[], manifests: InstalledManifests): DependencyProblem[] {
  if (!problems.some(isUnusedDependency)) return problems;
  const { called, named } = commandUses(root, packages);
  if (called.size === 0 && named.size === 0) return problems;
  return problems.filter((problem) => !isUnusedDependency(problem)
    || !(named.has(problem.name) || (called.size > 0 && binariesOf(manifests, path.join(root, problem.workspace), problem.name).some((bin) => called.has(bin)))));
}

/**
 * Subcommands that load a package from the project's install without naming it: `nx format`
 * (`format:write`, `format:check`) formats with the workspace's prettier.
 */
const COMMAND_LOADS: ReadonlyArray<{ command: string; subcommand: RegExp; loads: string }> = [
  { command: 'nx', subcommand: /^format(?::(?:write|check))?$/, loads: 'prettier' },
];

/** A binary run by its installed path: `node_modules/.bin/x`, `./node_modules/.bin/x`, `../../node_modules/.bin/x`. */
const BIN_PATH = /^(?:.*\/)?node_modules\/\.bin\//;

function commandUses(root: string, packages: readonly WorkspacePackage[]): { called: Set<string>; named: Set<string> } {
  const commands = [
    ...packages.flatMap((workspace) => Object.values(workspace.pkg.scripts ?? {}).flatMap((script) => (typeof script === 'string' ? [{ command: script, dir: workspace.dir }] : []))),
    ...readWorkflowCommands(root),
  ];
  const called = new Set<string>();
  const named = new Set<string>();
  const readLine = (line: string, inShellScript: boolean) => {
    for (const words of commandWords(line)) {
      const name = words[0]?.replace(BIN_PATH, '');
      if (name === undefined) continue;
      // knip reads package.json scripts, but not a binary run by its path (`node_modules/.bin/hereby build`).
      if (inShellScript || BIN_PATH.test(words[0])) called.add(name);
      for (const preset of conventionalChangelogPresets([name, ...words.slice(1)])) named.add(preset);
      const loaded = COMMAND_LOADS.find((load) => load.command === name && load.subcommand.test(words[1] ?? ''));
      if (loaded !== undefined) named.add(loaded.loads);
    }
  };
  for (const { command, dir } of commands) {
    readLine(command, false);
    for (const script of shellScriptsOf(command, dir, root)) for (const line of script.lines) readLine(line, true);
  }
  // Git hooks husky set up (`.husky/pre-commit`): git runs them, so husky itself is in use
  // (they source its `_/husky.sh`, or git's hooksPath points at `.husky/_`), and so are the
  // binaries they call.
  const hooks = huskyHooks(root);
  if (hooks.length > 0) named.add('husky');
  for (const hook of hooks) for (const line of hook.split(/\r?\n/)) readLine(line, true);
  return { called, named };
}

/** The binaries an installed package provides (package.json `bin`). */
export function binariesOf(manifests: InstalledManifests, dir: string, name: string): string[] {
  const bin = manifests.read(dir, name)?.manifest.bin;
  if (typeof bin === 'string') return [name.replace(/^@[^/]+\//, '')];
  return typeof bin === 'object' && bin !== null ? Object.keys(bin) : [];
}

/** The texts of the git hooks in the root's `.husky/` folder (its `_/` helpers left out). */
function huskyHooks(root: string): string[] {
  const dir = path.join(root, '.husky');
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch {
    return []; // no .husky folder: no husky hooks
  }
  return names.flatMap((name) => {
    try {
      return [readFileSync(path.join(dir, name), 'utf8')];
    } catch {
      return []; // an unreadable hook calls nothing orch-guard can see; husky is still named
    }
  });
}
