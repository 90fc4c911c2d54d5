import type { BundlerAlias } from '../resolve/bundler-aliases.js';
import type { DependencyProblem } from '../rule-engine/analysis-context.js';

/**
 * What knip tells orch-guard about a project, in orch-guard's terms. knip runs once per
 * analysis (or not at all when the cached answer still holds); see tool-entries.ts.
 */

/** A file a tool makes live without an import (a route, a test, a config, a script target). */
export interface ToolEntry {
  /** Root-relative posix path. */
  file: string;
  /** The knip plugin that named it (`next`, `vitest`, ...); undefined for package.json and scripts. */
  plugin?: string;
  /** Root-relative path of the config file the plugin read it from, when there was one. */
  configFile?: string;
  /** Named by a test tool (vitest, jest, playwright, storybook, ...): a test, not production code. */
  isTest: boolean;
}

/**
 * A dependency problem knip found, for the dependency-hygiene rules:
 * - `unused-dependency` / `unused-dev-dependency`: listed in package.json, imported by nothing;
 * - `unlisted-dependency`: imported (or used by a config) but not listed in package.json;
 * - `unlisted-binary`: a script runs a binary no listed dependency provides;
 * - `unresolved-import`: an import knip could not resolve.
 */
export type DependencyIssue = DependencyProblem;

export interface KnipAnswer {
  entries: ToolEntry[];
  /** Import aliases of the project's bundler and framework configs. */
  aliases: BundlerAlias[];
  dependencyIssues: DependencyIssue[];
  /** Enabled plugins per workspace directory (root-relative, '' for the root). */
  enabledPlugins: Record<string, string[]>;
  /** Config files knip could not load (root-relative): their tool's entries may be missing. */
  configLoadErrors: Array<{ file: string; message: string }>;
  /** Root-relative files knip read to find entries (manifests, tool configs), for the cache key. */
  readFiles: string[];
}
