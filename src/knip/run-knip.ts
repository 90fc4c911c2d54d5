import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BundlerAlias } from '../resolve/bundler-aliases.js';
import type { DependencyIssue, KnipAnswer, ToolEntry } from './knip-answer.js';
import { type KnipResults, loadKnip } from './load-knip.js';
import { extendPlugins } from './extend-plugins.js';
import { addPluginEnablers } from './plugin-enablers.js';
import { keepNestedInAncestors, withNestedWorkspaces } from './nested-workspaces.js';
import { createAttributor, isTestPlugin, recordPluginInputs } from './record-plugin-inputs.js';

/** knip issue groups that are dependency problems, and what orch-guard calls them. */
const DEPENDENCY_ISSUE_TYPES: Record<string, DependencyIssue['type']> = {
  dependencies: 'unused-dependency',
  devDependencies: 'unused-dev-dependency',
  unlisted: 'unlisted-dependency',
  binaries: 'unlisted-binary',
  unresolved: 'unresolved-import',
};

/**
 * Runs knip's pipeline once on `root` (in this thread: call it from the knip worker) and
 * returns the files its plugins make entries, each attributed to its plugin and config file,
 * and its dependency issues. `nestedDirs` (root-relative) are folders with their own
 * package.json that are not workspaces: knip gets them as workspaces, so its plugins find their
 * tools' entries too. Throws what knip throws.
 */
export async function runKnip(root: string, nestedDirs: readonly string[] = []): Promise<KnipAnswer> {
  const exit = process.exit;
  process.exit = exitThrows;
  try {
    return await runKnipOnce(root, nestedDirs);
  } finally {
    process.exit = exit;
  }
}

/**
 * A tool config may end the process when loaded outside the environment it expects
 * (electron-react-boilerplate's webpack configs `process.exit(2)` unless NODE_ENV is set): that
 * would end knip's whole run, and every entry of every tool would be unknown. It throws instead,
 * so knip reports that one config as not loaded (a gap for its package) and goes on.
 */
const exitThrows = ((code?: number | string | null) => {
  throw new Error(`it called process.exit(${code ?? ''}) while loading`);
}) as typeof process.exit;

async function runKnipOnce(root: string, nestedDirs: readonly string[]): Promise<KnipAnswer> {
  const knip = await loadKnip();
  // Modules a config takes its paths from are read too: the cached answer depends on them.
  const parsedModules = new Set<string>();
  extendPlugins(knip.Plugins, (file) => {
    parsedModules.add(file);
    try {
      return knip.parseFile(file, readFileSync(file, 'utf8')).program;
    } catch {
      // Unreadable or not parseable: the paths it holds are unknown, as for any computed value.
      return undefined;
    }
  });
  addPluginEnablers(knip.Plugins);
  const recorded = recordPluginInputs(knip.Plugins);
  const options = withNestedWorkspaces(await knip.createOptions({ cwd: root, isSession: true, isShowProgress: false }), nestedDirs);
  const { results, session } = await keepNestedInAncestors(knip, nestedDirs, () => knip.run(options));
  if (session === undefined) throw new Error('knip returned no session');
  const relative = (file: string) => toPosix(path.relative(root, file));
  const enabled = enabledPluginsByDir(root, results);
  const attribute = createAttributor(knip.Plugins, recorded.statements, new Map([...Object.entries(enabled)].map(([dir, names]) => [path.join(root, dir), names])));
  const entries: ToolEntry[] = [...session.getEntryPaths()]
    .filter((file) => !relative(file).startsWith('..'))
    .sort()
    .map((file) => {
      const { plugin, configFile } = attribute(file);
      return {
        file: relative(file),
        ...(plugin !== undefined ? { plugin } : {}),
        ...(configFile !== undefined ? { configFile: relative(configFile) } : {}),
        isTest: isTestPlugin(plugin),
      };
    });
  const workspaceFiles = results.includedWorkspaceDirs.flatMap((dir) => ['package.json', 'tsconfig.json'].map((name) => path.join(dir, name)));
  // A nested package's dependency problems were never judged as a workspace's: left out.
  const issues = dependencyIssues(root, results).filter((issue) => !nestedDirs.includes(issue.workspace));
  // An unresolved or unlisted import is a fact of the file that has it: the answer holds only
  // while that file is unchanged (an edit that drops the import must not keep the finding).
  const issueFiles = issues.filter((issue) => issue.type === 'unresolved-import' || issue.type === 'unlisted-dependency').map((issue) => path.join(root, issue.file));
  return {
    entries,
    aliases: bundlerAliases(root, recorded.statements),
    dependencyIssues: issues,
    enabledPlugins: enabled,
    configLoadErrors: [],
    readFiles: [...new Set([...workspaceFiles, ...recorded.configFiles, ...parsedModules, ...issueFiles].map(relative))].filter((file) => !file.startsWith('..')).sort(),
  };
}

/** The `alias` inputs knip's plugins returned, with their targets made absolute. */
function bundlerAliases(root: string, statements: ReturnType<typeof recordPluginInputs>['statements']): BundlerAlias[] {
  const aliases = new Map<string, BundlerAlias>();
  for (const statement of statements) {
    for (const input of statement.inputs) {
      if (input.type !== 'alias' || typeof input.specifier !== 'string' || !Array.isArray(input.prefixes)) continue;
      const base = input.dir ?? statement.workspaceDir;
      const targets = input.prefixes.filter((prefix) => typeof prefix === 'string').map((prefix) => path.resolve(base, prefix));
      const alias = { workspaceDir: toPosix(path.relative(root, statement.workspaceDir)), pattern: input.specifier, targets };
      aliases.set(JSON.stringify(alias), alias);
    }
  }
  return [...aliases.values()];
}

function enabledPluginsByDir(root: string, results: KnipResults): Record<string, string[]> {
  const byDir: Record<string, string[]> = {};
  for (const [workspace, names] of Object.entries(results.enabledPlugins)) {
    byDir[workspace === '.' ? '' : toPosix(path.relative(root, path.resolve(root, workspace)))] = names;
  }
  return byDir;
}

function dependencyIssues(root: string, results: KnipResults): DependencyIssue[] {
  const issues: DependencyIssue[] = [];
  for (const [group, type] of Object.entries(DEPENDENCY_ISSUE_TYPES)) {
    for (const byName of Object.values(results.issues[group] ?? {})) {
      for (const issue of Object.values(byName)) {
        issues.push({
          type,
          name: issue.symbol,
          file: toPosix(path.relative(root, issue.filePath)),
          ...(issue.line !== undefined ? { line: issue.line } : {}),
          ...(issue.col !== undefined ? { column: issue.col } : {}),
          workspace: issue.workspace === '.' ? '' : issue.workspace,
        });
      }
    }
  }
  return issues.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.name.localeCompare(b.name));
}

function toPosix(relative: string): string {
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}
