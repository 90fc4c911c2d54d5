import type { OrchGuardConfig } from './config-schema.js';

/** Types an orch.config.ts: `export default defineConfig({ ... })`. */
export function defineConfig(config: OrchGuardConfig): OrchGuardConfig {
  return config;
}
