import type { AnalysisContext, DependencyProblem } from './analysis-context.js';
import { isNotAPackage } from './import-specifiers.js';

const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|vue|svelte|astro|mdx?)$/;

/**
 * knip's dependency problems of the given types that the run judges: those in project files,
 * manifests and configs. With `--production` only `dependencies` are judged: devDependencies,
 * binaries, what test files import and what a non-source config names (a tsconfig's `extends`,
 * an `.eslintrc`'s plugins: build tooling, not code that runs) are left out.
 */
export function judgedDependencyProblems(context: AnalysisContext, types: ReadonlyArray<DependencyProblem['type']>): DependencyProblem[] {
  return (context.dependencyProblems ?? []).filter((problem) => {
    if (!types.includes(problem.type)) return false;
    // knip looks at every file its plugins name; orch-guard judges the project's files (and
    // manifests and configs, which are not source). A source file --production dropped is a test.
    const file = context.fileByPath(problem.file);
    if (SOURCE_FILE.test(problem.file) && file === undefined) return false;
    // A virtual module, or a workspace package's source reached through tsconfig `paths`.
    if ((problem.type === 'unlisted-dependency' || problem.type === 'unresolved-import') && isNotAPackage(file, problem)) return false;
    if (!context.options.production) return true;
    // Dev tooling: devDependencies, the binaries scripts run, what tests import, what configs name.
    if (problem.type === 'unlisted-dependency' && !SOURCE_FILE.test(problem.file)) return false;
    return problem.type !== 'unused-dev-dependency' && problem.type !== 'unlisted-binary' && file?.isTest !== true;
  });
}

/** The package.json's key that lists it, for messages: `dependencies` or `devDependencies`. */
export function listName(problem: DependencyProblem): string {
  return problem.type === 'unused-dev-dependency' ? 'devDependencies' : 'dependencies';
}

/** Where a workspace's package.json is, for messages: `package.json` or `packages/a/package.json`. */
export function manifestOf(problem: DependencyProblem): string {
  return problem.workspace === '' ? 'package.json' : `${problem.workspace}/package.json`;
}


/** knip's "nothing uses this listed package" (in `dependencies` or `devDependencies`). */
export function isUnusedDependency(problem: DependencyProblem): boolean {
  return problem.type === 'unused-dependency' || problem.type === 'unused-dev-dependency';
}
