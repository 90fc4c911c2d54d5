import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { detectPackageManager, type PackageManager } from '../cleanup/package-manager.js';
import { parseJsonc } from '../files/jsonc.js';
import { findWorkspacePackages } from '../manifests/workspaces.js';

/** What `orch-guard init` found out about a project before writing its config. */
export interface ProjectSurvey {
  packageManager: PackageManager | undefined;
  /** Root-relative workspace directories besides the root. */
  workspaces: string[];
  /** Frameworks and tools recognised from the dependencies (their entries are found by knip's plugins). */
  frameworks: string[];
  /** An existing knip config and the settings that carry over. */
  knip?: { file: string; entry: string[]; project: string[]; ignore: string[] };
  /** An existing fallow config (its settings are not read: named so the user can port them). */
  fallowConfig?: string;
}

// Package → what init calls it; knip's plugins find their entries at analysis time.
const FRAMEWORKS: Array<[string, string]> = [
  ['next', 'Next.js'], ['nuxt', 'Nuxt'], ['astro', 'Astro'], ['@sveltejs/kit', 'SvelteKit'], ['@remix-run/dev', 'Remix'],
  ['@nestjs/core', 'NestJS'], ['vite', 'Vite'], ['vitest', 'Vitest'], ['jest', 'Jest'], ['@playwright/test', 'Playwright'],
  ['storybook', 'Storybook'], ['@docusaurus/core', 'Docusaurus'], ['eslint', 'ESLint'], ['tsup', 'tsup'], ['webpack', 'webpack'],
];
const KNIP_CONFIGS = ['knip.json', 'knip.jsonc', '.knip.json', '.knip.jsonc'];
const FALLOW_CONFIGS = ['.fallowrc.json', '.fallowrc', 'fallow.json', 'fallow.toml'];

export function surveyProject(root: string): ProjectSurvey {
  const packages = findWorkspacePackages(root);
  const names = new Set(packages.flatMap(({ pkg }) => [pkg.dependencies, pkg.devDependencies].flatMap((deps) => Object.keys(deps ?? {}))));
  const knipFile = KNIP_CONFIGS.find((file) => existsSync(path.join(root, file)));
  const fallowConfig = FALLOW_CONFIGS.find((file) => existsSync(path.join(root, file)));
  return {
    packageManager: detectPackageManager(root)?.manager,
    workspaces: packages.map((workspace) => path.relative(root, workspace.dir).split(path.sep).join('/')).filter((dir) => dir !== ''),
    frameworks: FRAMEWORKS.filter(([name]) => names.has(name)).map(([, label]) => label),
    ...(knipFile !== undefined ? { knip: readKnipConfig(root, knipFile) } : {}),
    ...(fallowConfig !== undefined ? { fallowConfig } : {}),
  };
}

/** knip's root-level `entry`, `project` and `ignore` (strings or lists); other settings are knip's own. */
function readKnipConfig(root: string, file: string): NonNullable<ProjectSurvey['knip']> {
  const parsed = parseJsonc(readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown> | undefined;
  const list = (value: unknown) => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  // knip marks production entries with a trailing `!`; orch-guard's entries are the same files.
  const strip = (pattern: string) => pattern.replace(/!$/, '');
  return { file, entry: list(parsed?.entry).map(strip), project: list(parsed?.project).map(strip), ignore: list(parsed?.ignore) };
}
