/**
 * What a framework makes live by convention, where knip's plugins do not know it: a package
 * that depends on `dependency` has entries matching `entries` (globs relative to the package).
 */
export interface ToolConvention {
  name: string;
  dependency: string;
  entries: string[];
}
