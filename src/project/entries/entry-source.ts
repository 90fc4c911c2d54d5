/** Where an entry comes from, for `orch-guard entries` and `why`. */
export type EntryKind =
  /** package.json main/module/types/bin/exports (mapped from build output to source). */
  | 'package-json'
  /** A framework or tool's convention or config, as knip's plugins know them. */
  | 'framework'
  /** Found by knip outside its plugins: package.json, a script, a `new URL('./worker.js', ...)`. */
  | 'tool'
  /** A file a package.json script runs. */
  | 'script'
  /** A tool or orch-guard configuration file. */
  | 'config'
  /** A file a CI workflow runs. */
  | 'workflow'
  /** A file an `orch-guard run` task runs. */
  | 'task'
  /** `entries` in orch.config.ts or --entry. */
  | 'configured'
  /** index/main/cli files at a package's top. */
  | 'convention';

export interface EntrySource {
  kind: EntryKind;
  /** The field, script, plugin or pattern, e.g. `package.json exports` or `next (next.config.js)`. */
  detail: string;
  /** A build's input (a bundler's or unbuild's `entry`): its exports become the built package's API. */
  buildInput?: true;
}

/** Entry files (root-relative) and where each comes from; the first source found wins. */
export type EntryMap = Map<string, EntrySource>;
