/**
 * The orch-guard package API: `defineConfig` for orch.config.ts, the config and finding types,
 * and the validate pipeline for programmatic use.
 */
export { defineConfig } from './config/define-config.js';
export type { OrchGuardConfig } from './config/config-schema.js';
export type { Finding, Reason, Severity } from './rule-engine/finding.js';
export { runValidate, type ValidateOptions, type ValidateResult } from './validate/run-validate.js';
