import { dependsOn, type PackageJson } from '../../../manifests/package-json.js';

/**
 * What a framework makes live by convention, where knip's plugins do not know it: a package
 * that depends on `dependency` has entries matching `entries` (globs relative to the package).
 */
export interface ToolConvention {
  name: string;
  dependency: string;
  entries: string[];
  /** More entry globs that the package's own config decides (WXT's `srcDir`, its HTML entrypoints' scripts). */
  configuredEntries?: (packageDir: string) => string[];
  /**
   * Folders (package-relative) the tool builds the package's entry points into (Electron Forge's
   * `.vite/build`): package.json naming a file there names the tool's output of its configured
   * entries, not a source orch-guard failed to find — once some configured entry was found.
   */
  outputDirs?: string[];
  /**
   * Markdown and MDX files the framework compiles into pages (globs relative to the package):
   * the only Markdown files read, for their imports and layout; each is an entry.
   */
  pages?: string[];
  /** More page globs that the package's own config names (Astro's content collection loaders). */
  configuredPages?: (packageDir: string) => string[];
}

/** Whether the package uses the tool (lists its package). */
export function usesTool(pkg: PackageJson, tool: ToolConvention): boolean {
  return dependsOn(pkg, tool.dependency);
}

/** The Markdown page globs of the tool in a package: its conventional and its configured ones. */
export function toolPageGlobs(tool: ToolConvention, packageDir: string): string[] {
  return [...(tool.pages ?? []), ...(tool.configuredPages?.(packageDir) ?? [])];
}
