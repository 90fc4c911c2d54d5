/**
 * The orch-guard package API. `defineConfig` and the error classes load nothing heavy: the
 * analysis (SQLite, TypeScript) is imported only when `validate`, `gate` or `cleanup` run, so an
 * orch.config.ts that imports `defineConfig` stays cheap.
 */
import type { ValidateOptions, ValidateResult } from './validate/run-validate.js';

export { defineConfig } from './config/define-config.js';
export type { OrchGuardConfig } from './config/config-schema.js';
export { ConfigError, UsageError } from './errors.js';
export type { Finding, Reason, Severity } from './rule-engine/finding.js';
export type { FindingSummary } from './report/report-input.js';
export type { GateSummary } from './gates/gate-summary.js';
export { format, type ReporterName, validate, type ValidateApiOptions, type ValidationResult } from './api/validate.js';
export { gate, type GateApiOptions } from './api/gate.js';
export { cleanup, type CleanupApiOptions, revertCleanup } from './api/cleanup.js';
export type { CleanupResult } from './cleanup/run-cleanup.js';
export type { ValidateOptions, ValidateResult };

/** `orch-guard validate` as a function, with the CLI's options: the findings, notices and exit code of one run. */
export async function runValidate(options: ValidateOptions): Promise<ValidateResult> {
  const validate = await import('./validate/run-validate.js');
  return validate.validateProject(options);
}
