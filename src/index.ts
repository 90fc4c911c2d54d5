/**
 * The orch-guard package API: `defineConfig` for orch.config.ts, the config and finding types,
 * and validate for programmatic use. Importing it loads no analysis (no SQLite, no TypeScript):
 * validate loads it when called.
 */
import type { ValidateOptions, ValidateResult } from './validate/run-validate.js';

export { defineConfig } from './config/define-config.js';
export type { OrchGuardConfig } from './config/config-schema.js';
export type { Finding, Reason, Severity } from './rule-engine/finding.js';
export type { ValidateOptions, ValidateResult };

/** `orch-guard validate` as a function: the findings, notices and exit code of one run. */
export async function runValidate(options: ValidateOptions): Promise<ValidateResult> {
  const validate = await import('./validate/run-validate.js');
  return validate.validateProject(options);
}
