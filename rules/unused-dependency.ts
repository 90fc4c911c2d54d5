import type { Rule } from '../src/rule-engine/rule.js';
import type { RuleFinding } from '../src/rule-engine/finding.js';
import { judgedDependencyProblems, listName, manifestOf } from '../src/rule-engine/dependency-problems.js';
import { iconSetUse } from '../src/rule-engine/icon-sets.js';
import { packageImporters } from '../src/rule-engine/package-importers.js';
import { bundledPackageUsers } from '../src/rule-engine/bundled-workspace-imports.js';
import { typedPackage } from '../src/manifests/package-json.js';

export const unusedDependency: Rule = {
  meta: {
    id: 'unused-dependency',
    description: 'A package listed in package.json that nothing imports or runs, or that only dead code imports.',
    defaultSeverity: 'error',
    docs: {
      flags: 'An entry of `dependencies` or `devDependencies` of a workspace package that no file of that package imports, no script or CI workflow runs, and no tool config uses (knip\'s plugins know which config files load which packages: an ESLint plugin, a Vite plugin, a Babel preset), checked against orch-guard\'s own graph: a package a live file imports is never reported; one only dead files import is reported with them as referrers (low confidence when knip counted it used, since a config or script may use it too). Not reported either: a package another listed package loads by name (its peer, optional peer or optional dependency; a literal `require(\'pug\')` in a small package\'s own modules, of a name its package.json mentions, as `@vue/consolidate` loads template engines; an addon of its own scope whose name it forms from a list, as @vueuse/nuxt auto-imports from `` `@vueuse/${pkg}` `` for `math`; `sharp` beside `next`), a plugin that a shared config named in package.json lists (`"prettier": "@epic-web/config/prettier"` naming `prettier-plugin-tailwindcss`; a config exported only to `import` is read through its `exports`; one that cannot be read leaves the dependencies named after its tool unjudged, with a notice), a binary that a shell script run by a script or CI calls, a conventional-changelog preset named by `-p angular`, and a package an HTML page loads from node_modules. With `--production` only `dependencies` are judged. Needs knip, which runs when a package lists dependencies, and the packages installed (knip learns their binaries from node_modules): a package that is not installed is not judged (a notice lists them), an installed package.json that cannot be parsed makes the findings of its workspace low confidence (a notice names it), and when knip fails nothing is reported.',
      why: 'Every unused dependency is installed, audited and updated for nothing, slows installs and CI, and hides which packages the code really needs.',
      fix: 'Remove it (with the dead code that imports it), or, when a tool loads it in a way no plugin knows, list the file that uses it in `entries` or suppress the finding.',
      flaggedExample: '// package.json\n{ "dependencies": { "left-pad": "1.3.0" } }\n// nothing imports left-pad',
      cleanExample: '// package.json\n{ "dependencies": {} }',
    },
  },
  check(context) {
    if (context.dependencyProblems === undefined) return [];
    const workspaces = [...new Set(context.listedDependencies.map((listed) => listed.workspace))];
    const importers = packageImporters(context, workspaces);
    const bundled = bundledPackageUsers(context, workspaces);
    const findings: RuleFinding[] = [];
    const reported = new Set<string>();
    for (const problem of judgedDependencyProblems(context, ['unused-dependency', 'unused-dev-dependency'])) {
      const users = importers.get(`${problem.workspace}\0${problem.name}`);
      reported.add(`${problem.workspace}\0${problem.name}`);
      // orch-guard's graph sees a live import: knip missed it (an alias, a file it did not reach).
      if (users !== undefined && users.live.length > 0) continue;
      // `@types/x` goes with `x`: TypeScript reads it for live code's imports of `x`, unless `x` ships its own types.
      const typed = typedPackage(problem.name);
      if (typed !== undefined && problem.typedPackageShipsTypes !== true && (importers.get(`${problem.workspace}\0${typed}`)?.live.length ?? 0) > 0) continue;
      // Code of a sibling workspace package that this package's build inlines imports it.
      if (bundled.has(`${problem.workspace}\0${problem.name}`)) continue;
      // An icon set that an icon component or CSS plugin loads by name.
      const icons = iconSetUse(context, problem);
      if (icons === 'used') continue;
      const where = `${listName(problem)} of ${manifestOf(problem)}`;
      findings.push({
        file: problem.file,
        // knip names the manifest, not always the line: the listing's own line is known.
        line: problem.line ?? listedLine(context.listedDependencies, problem.workspace, problem.name) ?? 1,
        column: problem.column ?? 1,
        symbol: problem.name,
        kind: problem.type === 'unused-dev-dependency' ? 'devDependency' : 'dependency',
        ...(users === undefined
          ? { reason: 'unreferenced' as const, message: `\`${problem.name}\` is listed in ${where} but nothing imports or runs it. Remove it, or list the file that loads it in \`entries\`.` }
          : { reason: 'only-referenced-by-dead-code' as const, referrers: users.dead, message: `\`${problem.name}\` is listed in ${where} but only dead code imports it (${users.dead.join(', ')}). Remove it with that code.` }),
        ...(icons === 'unreferenced' ? { confidence: 'low' as const, uncertainty: 'an icon loader is listed: an icon name built at run time may use this set' } : {}),
      });
    }
    // knip counted these used, but every file that imports them is dead: a config or script
    // orch-guard cannot see may still use them, so they are low confidence.
    for (const listed of context.listedDependencies) {
      const key = `${listed.workspace}\0${listed.name}`;
      const users = importers.get(key);
      if (reported.has(key) || users === undefined || users.live.length > 0 || users.dead.length === 0 || bundled.has(key)) continue;
      if (context.options.production && listed.list === 'devDependencies') continue;
      findings.push({
        file: listed.file,
        line: listed.line,
        column: 1,
        symbol: listed.name,
        kind: listed.list === 'devDependencies' ? 'devDependency' : 'dependency',
        reason: 'only-referenced-by-dead-code',
        referrers: users.dead,
        confidence: 'low',
        uncertainty: 'knip counts it used: a tool config or script may use it besides the dead files',
        message: `\`${listed.name}\` is listed in ${listed.list} of ${listed.file} but only dead code imports it (${users.dead.join(', ')}). Remove it with that code.`,
      });
    }
    return findings;
  },
};

function listedLine(listed: ReadonlyArray<{ workspace: string; name: string; line: number }>, workspace: string, name: string): number | undefined {
  return listed.find((entry) => entry.workspace === workspace && entry.name === name)?.line;
}
