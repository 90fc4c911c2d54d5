import path from 'node:path';
import type { WorkspacePackage } from '../manifests/workspaces.js';
import { commandWords } from '../project/entries/command-targets.js';
import { shellScriptsOf } from '../project/entries/shell-scripts.js';
import { readWorkflowCommands } from '../project/entries/workflow-commands.js';
import type { DependencyProblem } from '../rule-engine/analysis-context.js';
import { isUnusedDependency } from '../rule-engine/dependency-problems.js';
import { readInstalledManifest } from './installed-package.js';

/**
 * knip's unused dependencies, less those whose binary a shell script calls, the script being one
 * that package.json scripts or CI run (`"test:e2e": "bash ./test/e2e.sh"`, which starts
 * `verdaccio`): knip reads the scripts, not the shell scripts they run.
 */
export function dropShellScriptBinaries(root: string, packages: readonly WorkspacePackage[], problems: DependencyProblem[]): DependencyProblem[] {
  if (!problems.some(isUnusedDependency)) return problems;
  const called = calledCommands(root, packages);
  if (called.size === 0) return problems;
  return problems.filter((problem) => !isUnusedDependency(problem) || !binariesOf(root, path.join(root, problem.workspace), problem.name).some((bin) => called.has(bin)));
}

function calledCommands(root: string, packages: readonly WorkspacePackage[]): Set<string> {
  const commands = [
    ...packages.flatMap((workspace) => Object.values(workspace.pkg.scripts ?? {}).flatMap((script) => (typeof script === 'string' ? [{ command: script, dir: workspace.dir }] : []))),
    ...readWorkflowCommands(root),
  ];
  const called = new Set<string>();
  for (const { command, dir } of commands) {
    for (const script of shellScriptsOf(command, dir, root)) {
      for (const line of script.lines) {
        for (const [name] of commandWords(line)) if (name !== undefined) called.add(name.replace(/^.*\/node_modules\/\.bin\//, ''));
      }
    }
  }
  return called;
}

/** The binaries an installed package provides (package.json `bin`). */
function binariesOf(root: string, dir: string, name: string): string[] {
  const bin = readInstalledManifest(root, dir, name)?.manifest.bin;
  if (typeof bin === 'string') return [name.replace(/^@[^/]+\//, '')];
  return typeof bin === 'object' && bin !== null ? Object.keys(bin) : [];
}
